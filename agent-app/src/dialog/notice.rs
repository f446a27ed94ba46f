//! A polite notice for changes that concern the signed-in agent while the dialog is open:
//! "Luis took over this conversation" (Q7), "Ana transferred this conversation to you" (Q4),
//! "Ana invited you to this conversation" (Q9). Shown in a `role="status"` line under the
//! header; what happened before the dialog was opened is history, not news.

use crate::conversation::DialogLog;
use crate::i18n::{CommonText, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::event::{Actor, Event, EventBody};
use openline_core::ids::AgentId;

#[component]
pub fn DialogNotice(
    /// The dialog's events.
    log: RwSignal<DialogLog>,
    /// The signed-in agent.
    me: AgentId,
) -> impl IntoView {
    let ui = use_ui();
    let notice = RwSignal::new(None::<String>);
    let lang = ui.lang;
    // The effect's value is the last `seq` looked at: `None` until the first frame arrived.
    Effect::new(move |seen: Option<Option<u64>>| {
        let (loaded, last) = log.with(|l| (l.loaded, l.events().last().map_or(0, |e| e.seq)));
        if !loaded {
            return None;
        }
        let Some(Some(seen)) = seen else {
            return Some(last);
        };
        let news = log.with(|l| {
            l.events()
                .iter()
                .rev()
                .take_while(|e| e.seq > seen)
                .find_map(|e| notice_for(lang, e, &me))
        });
        if news.is_some() {
            notice.set(news);
        }
        Some(last.max(seen))
    });
    view! {
        <div class="notice-region" role="status">
            {move || notice.get().map(|text| view! {
                <div class="notice">
                    <span>{text}</span>
                    <button type="button" class="btn ghost small" on:click=move |_| notice.set(None)>
                        {ui.lang.common(CommonText::Dismiss)}
                    </button>
                </div>
            })}
        </div>
    }
}

/// The notice `event` deserves for `me`, if any.
fn notice_for(lang: Lang, event: &Event, me: &AgentId) -> Option<String> {
    let Actor::Agent { id: actor, name } = &event.actor else {
        return None;
    };
    let by_me = actor == me;
    match &event.body {
        EventBody::Taken { previous, .. } if previous == me && !by_me => {
            Some(lang.took_over_notice(name))
        }
        EventBody::Transferred { agent, .. } if agent == me && !by_me => {
            Some(lang.transferred_to_you(name))
        }
        EventBody::Transferred { agent_name, .. } if by_me => {
            Some(lang.you_transferred(agent_name))
        }
        EventBody::Invited { agent, .. } if agent == me && !by_me => Some(lang.invited_you(name)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q4_q7_q9_notices_only_for_what_others_did_to_me() {
        let id = |s: &str| AgentId::parse(s).unwrap();
        let by = |who: &str, body: EventBody| Event {
            seq: 1,
            at: 0,
            actor: Actor::Agent { id: id(who), name: who.trim_start_matches("a_").into() },
            body,
        };
        let me = id("a_ana");
        let cases = [
            (
                by(
                    "a_luis",
                    EventBody::Taken { previous: me.clone(), previous_name: "ana".into() },
                ),
                Some("luis took over this conversation"),
            ),
            (
                by(
                    "a_luis",
                    EventBody::Taken { previous: id("a_marta"), previous_name: "marta".into() },
                ),
                None,
            ),
            (
                by(
                    "a_luis",
                    EventBody::Transferred { agent: me.clone(), agent_name: "ana".into() },
                ),
                Some("luis transferred this conversation to you"),
            ),
            (
                by(
                    "a_ana",
                    EventBody::Transferred { agent: id("a_luis"), agent_name: "Luis".into() },
                ),
                Some("You transferred this conversation to Luis"),
            ),
            (
                by("a_luis", EventBody::Invited { agent: me.clone(), agent_name: "ana".into() }),
                Some("luis invited you to this conversation"),
            ),
            (by("a_luis", EventBody::Pinned), None),
        ];
        for (event, expected) in cases {
            assert_eq!(notice_for(Lang::En, &event, &me).as_deref(), expected, "{:?}", event.body);
        }
    }
}
