//! The agent's own status in the top bar (Q13): online, paused or offline, a native select with
//! a coloured dot. Only online agents with the app open are offered new conversations; the
//! control says so to screen readers (and in a tooltip).
//!
//! It starts from the signed-in profile, then asks the directory once, since the status may
//! have changed on another device. A change is sent at once (`PUT /api/agent/presence`); a
//! refusal puts the old value back.

use crate::api;
use crate::i18n::PresenceText;
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::routing::Presence;

const CHOICES: [Presence; 3] = [Presence::Online, Presence::Paused, Presence::Offline];

#[component]
pub fn PresenceControl() -> impl IntoView {
    let ui = use_ui();
    let initial = ui.session.with_untracked(|s| s.as_ref().map(|s| s.agent.presence));
    let presence = RwSignal::new(initial.unwrap_or_default());
    let pending = RwSignal::new(false);
    catch_up(ui, presence, pending);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(chosen) = parse(&event_target_value(&ev)) else {
            return;
        };
        let previous = presence.get_untracked();
        presence.set(chosen);
        pending.set(true);
        spawn_local(async move {
            let result = api::set_presence(chosen).await;
            pending.try_set(false);
            match result {
                Ok(profile) => {
                    presence.try_set(profile.presence);
                    remember(ui, profile.presence);
                }
                Err(err) => {
                    presence.try_set(previous);
                    ui.report(&err);
                }
            }
        });
    };
    let options = CHOICES
        .into_iter()
        .map(|p| {
            view! {
                <option value=key(p) prop:selected=move || presence.get() == p>
                    {ui.lang.presence(label(p))}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="presence" title=ui.lang.presence(PresenceText::Hint)>
            <span class=move || format!("presence-dot {}", key(presence.get())) aria-hidden="true"></span>
            <label for="presence" class="sr-only">{ui.lang.presence(PresenceText::Label)}</label>
            <select
                id="presence"
                class="presence-select"
                aria-describedby="presence-hint"
                aria-busy=move || if pending.get() { "true" } else { "false" }
                on:change=on_change
            >
                {options}
            </select>
            <span id="presence-hint" class="sr-only">{ui.lang.presence(PresenceText::Hint)}</span>
        </div>
    }
}

/// The wire name, also the option's value and the dot's class.
pub fn key(presence: Presence) -> &'static str {
    match presence {
        Presence::Online => "online",
        Presence::Paused => "paused",
        Presence::Offline => "offline",
    }
}

pub fn label(presence: Presence) -> PresenceText {
    match presence {
        Presence::Online => PresenceText::Online,
        Presence::Paused => PresenceText::Paused,
        Presence::Offline => PresenceText::Offline,
    }
}

fn parse(raw: &str) -> Option<Presence> {
    CHOICES.into_iter().find(|p| key(*p) == raw)
}

/// The directory's value, unless the agent changed it meanwhile.
fn catch_up(ui: Ui, presence: RwSignal<Presence>, pending: RwSignal<bool>) {
    let Some(me) = ui.session.with_untracked(|s| s.as_ref().map(|s| s.agent.id.clone())) else {
        return;
    };
    let before = presence.get_untracked();
    spawn_local(async move {
        // A failure here changes nothing: the control keeps the login's value.
        let Ok(agents) = api::agents().await else {
            return;
        };
        let Some(mine) = agents.into_iter().find(|a| a.id == me).map(|a| a.presence) else {
            return;
        };
        let untouched = presence.try_get_untracked() == Some(before)
            && pending.try_get_untracked() == Some(false);
        if untouched && mine != before {
            presence.try_set(mine);
            remember(ui, mine);
        }
    });
}

/// Keeps the new status in the signed-in profile (not tracked: nothing redraws for it).
fn remember(ui: Ui, presence: Presence) {
    ui.session.try_update_untracked(|s| {
        if let Some(s) = s {
            s.agent.presence = presence;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q13_presence_values_are_the_wire_names() {
        for p in CHOICES {
            assert_eq!(serde_json::to_value(p).unwrap(), key(p));
            assert_eq!(parse(key(p)), Some(p));
        }
        assert_eq!(parse("away"), None);
    }
}
