//! The message list: customer messages on the left, agents' on the right with their name,
//! hidden notes grey with a lock and "Hidden note", and a system line for every step of the
//! session's life (answered, transferred, taken over, invited, locked, closed, spam, the
//! customer blocked or unblocked). Earlier sessions stay above, each opened by a "Session N
//! started" separator (Q8, Q12). New items are announced (`aria-live="polite"`). The channel's
//! automatic replies (Q14) are `li.msg.from-system`, labelled "Automatic message", on the
//! customer's side in a neutral style. Edits and deletions (M8, M9) are folded into the message
//! they name (`fold`); each bubble is drawn by `bubble`. A move to a new conversation (M6) shows, just before the
//! first moved message, the old session's closing line and the new session's separator.

use super::bubble::bubble;
use super::tools::MessageTools;
use crate::conversation::DialogLog;
use crate::i18n::{CommonText, Lang, MessageText};
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::event::{Actor, CloseReason, Event, EventBody};
use openline_core::transcript::{fold, Item};

#[component]
pub fn MessageList(
    /// The dialog's events.
    log: RwSignal<DialogLog>,
    /// The per-message actions' shared state (M7, M8, M9).
    tools: MessageTools,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let list = NodeRef::<leptos::html::Ol>::new();
    // Keep the newest item in view, once the frame is laid out (a notice line above the list
    // may appear with the same event and shorten it).
    Effect::new(move |_| {
        log.with(|l| l.events().len());
        if let Some(el) = list.get() {
            request_animation_frame(move || el.set_scroll_top(el.scroll_height()));
        }
    });
    view! {
        <Show when=move || !log.with(|l| l.loaded)>
            <p class="list-note">{ui.lang.common(CommonText::Loading)}</p>
        </Show>
        <ol
            id="messages"
            class="messages"
            node_ref=list
            aria-live="polite"
            aria-label=ui.lang.message(MessageText::Messages)
            tabindex="0"
        >
            <For
                each=move || log.with(|l| fold(l.events()))
                key=Item::key
                children=move |item| match item {
                    Item::Message(m) => bubble(lang, m, tools),
                    Item::Line(e) => line(lang, e),
                }
            />
        </ol>
        <span class="sr-only" role="status">{move || tools.status.get()}</span>
    }
}

fn line(lang: Lang, event: Event) -> AnyView {
    let seq = event.seq;
    match event.body {
        EventBody::SessionOpened { session } => separator(seq, lang.session_started(session)),
        // M6: the old session's last line, then the new one's separator, before `from`.
        EventBody::SessionSplit { session, .. } => view! {
            {system(seq, system_text(lang, &event).unwrap_or_default())}
            {separator(seq, lang.session_started(session))}
        }
        .into_any(),
        _ => system(seq, system_text(lang, &event).unwrap_or_default()),
    }
}

/// The agents' wording of a lifecycle event; `None` for messages and unknown kinds.
fn system_text(lang: Lang, event: &Event) -> Option<String> {
    let who = agent_name(&event.actor);
    let actor = || who.unwrap_or(lang.someone());
    Some(match &event.body {
        EventBody::SessionOpened { session } => lang.session_started(*session),
        EventBody::Answered { agent_name, .. } => lang.answered_by(agent_name),
        EventBody::Transferred { agent_name, .. } => lang.transferred(actor(), agent_name),
        EventBody::Taken { previous_name, .. } => lang.took_over(actor(), previous_name),
        EventBody::MovedToChannel { channel_name, .. } => {
            lang.moved_to_channel(actor(), channel_name)
        }
        EventBody::Invited { agent_name, .. } => lang.invited(actor(), agent_name),
        EventBody::SessionSplit { session, .. } => {
            lang.moved_on(actor(), session.saturating_sub(1), *session)
        }
        EventBody::Pinned => lang.locked(actor(), true),
        EventBody::Unpinned => lang.locked(actor(), false),
        EventBody::Blocked => lang.blocked(actor(), true),
        EventBody::Unblocked => lang.blocked(actor(), false),
        EventBody::Closed { reason, .. } => lang.closed_by(who, *reason == CloseReason::Spam),
        EventBody::ContactShared { contact } => {
            let given = [&contact.name, &contact.email, &contact.phone];
            let given: Vec<&str> =
                given.into_iter().filter(|v| !v.is_empty()).map(String::as_str).collect();
            lang.contact_shared(&given.join(" · "))
        }
        EventBody::Rated { rating, comment, .. } => lang.rated(&rating.symbols(), comment),
        EventBody::MessagePosted { .. }
        | EventBody::Read { .. }
        | EventBody::MessageEdited { .. }
        | EventBody::MessageDeleted { .. }
        | EventBody::Unknown => return None,
    })
}

fn system(seq: u64, text: String) -> AnyView {
    view! {
        <li class="system" data-seq=seq.to_string()>
            <span>{text}</span>
        </li>
    }
    .into_any()
}

/// A session's first line, drawn across the list so earlier sessions read as chapters.
fn separator(seq: u64, text: String) -> AnyView {
    view! {
        <li class="system session-start" data-seq=seq.to_string()>
            <span>{text}</span>
        </li>
    }
    .into_any()
}

fn agent_name(actor: &Actor) -> Option<&str> {
    match actor {
        Actor::Agent { name, .. } => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::ids::AgentId;

    #[test]
    fn q4_q6_q11_every_lifecycle_event_has_a_system_line() {
        let luis = || AgentId::parse("a_luis").unwrap();
        let ana = Actor::Agent { id: AgentId::parse("a_ana").unwrap(), name: "Ana".into() };
        let lines = |lang: Lang, body: EventBody| {
            system_text(lang, &Event { seq: 1, at: 0, actor: ana.clone(), body })
        };
        let cases = [
            (
                EventBody::Answered { agent: luis(), agent_name: "Ana".into() },
                "Ana answered",
                "Ana respondió",
            ),
            (
                EventBody::Transferred { agent: luis(), agent_name: "Luis".into() },
                "Ana transferred the conversation to Luis",
                "Ana transfirió la conversación a Luis",
            ),
            (
                EventBody::Taken { previous: luis(), previous_name: "Luis".into() },
                "Ana took over from Luis",
                "Ana tomó la conversación de Luis",
            ),
            (
                EventBody::Invited { agent: luis(), agent_name: "Luis".into() },
                "Ana invited Luis",
                "Ana invitó a Luis",
            ),
            (EventBody::Pinned, "Ana locked the conversation", "Ana bloqueó la conversación"),
            (
                EventBody::Unpinned,
                "Ana unlocked the conversation",
                "Ana desbloqueó la conversación",
            ),
            (
                EventBody::Closed { session: 1, reason: CloseReason::Finished },
                "Closed by Ana",
                "Cerrada por Ana",
            ),
            (
                EventBody::Closed { session: 1, reason: CloseReason::Spam },
                "Marked as spam by Ana",
                "Marcada como spam por Ana",
            ),
            (EventBody::SessionOpened { session: 2 }, "Session 2 started", "Sesión 2 iniciada"),
            (EventBody::Blocked, "Ana blocked the customer", "Ana bloqueó al cliente"),
            (EventBody::Unblocked, "Ana unblocked the customer", "Ana desbloqueó al cliente"),
        ];
        for (body, en, es) in cases {
            assert_eq!(lines(Lang::En, body.clone()).as_deref(), Some(en));
            assert_eq!(lines(Lang::Es, body).as_deref(), Some(es));
        }
        assert_eq!(lines(Lang::En, EventBody::Unknown), None);
    }

    #[test]
    fn q14_automatic_messages_are_neither_the_customer_nor_an_agent() {
        let visitor = Actor::Visitor { id: openline_core::ids::VisitorId::parse("v_1").unwrap() };
        let ana = Actor::Agent { id: AgentId::parse("a_ana").unwrap(), name: "Ana".into() };
        use super::super::bubble::message_class;
        assert_eq!(message_class(&Actor::System, false), "msg from-system");
        assert_eq!(message_class(&visitor, false), "msg from-visitor");
        assert_eq!(message_class(&ana, false), "msg from-agent");
        assert_eq!(message_class(&ana, true), "msg note");
        assert_eq!(
            Lang::Es.message(crate::i18n::MessageText::AutomaticMessage),
            "Mensaje automático"
        );
        // The log's state is core's fold: an automatic reply is not an agent's answer.
        let post = |seq, actor: &Actor| Event {
            seq,
            at: 0,
            actor: actor.clone(),
            body: EventBody::MessagePosted {
                text: "x".into(),
                internal: false,
                quote: None,
                mentions: Vec::new(),
                files: Vec::new(),
            },
        };
        let opened = Event {
            seq: 1,
            at: 0,
            actor: visitor.clone(),
            body: EventBody::SessionOpened { session: 1 },
        };
        let mut log = crate::conversation::DialogLog::default();
        log.merge(vec![opened, post(2, &visitor), post(3, &Actor::System)]);
        let state = log.state();
        assert_eq!(state.unread, 1);
        assert_eq!(state.status, openline_core::conversation::SessionStatus::Unanswered);
    }
}
