//! Typing indicators in the open dialog (W2): the line "Visitor 12EF is typing…" above the
//! composer, and the agent's own typing sent over the dialog's socket. The rules (what to send
//! when, how long a line shows) are core's `typing`; this module connects them to the socket
//! and the screen. A hidden note's draft is announced as a note, which the dialog passes to
//! nobody.

use crate::ui::use_ui;
use leptos::prelude::*;
use openline_browser::socket::Sender;
use openline_core::event::{Actor, Event};
use openline_core::inbox::visitor_display_name;
use openline_core::protocol::{TypingFrame, TypingUpdate};
use openline_core::typing::{Shown, Throttle};
use std::time::Duration;

/// One dialog's typing state. `Copy`, for handlers.
#[derive(Clone, Copy)]
pub struct Typing {
    shown: RwSignal<Shown>,
    throttle: StoredValue<Throttle>,
    sender: StoredValue<Option<Sender>, LocalStorage>,
}

impl Typing {
    pub fn new() -> Typing {
        Typing {
            shown: RwSignal::new(Shown::default()),
            throttle: StoredValue::new(Throttle::default()),
            sender: StoredValue::new_local(None),
        }
    }

    /// The dialog's socket, to send on.
    pub fn attach(&self, sender: Sender) {
        self.sender.set_value(Some(sender));
    }

    /// Every change of the draft is typing (W2); the first run is the empty draft, not typing.
    pub fn follow(self, text: RwSignal<String>, internal: RwSignal<bool>) {
        Effect::new(move |first: Option<()>| {
            let (empty, note) = (text.with(|d| d.trim().is_empty()), internal.get());
            if first.is_some() {
                self.typed(note, empty);
            }
        });
    }

    /// A frame from the other side.
    pub fn received(&self, frame: TypingFrame) {
        self.shown.try_update(|s| s.frame(frame, now()));
        // Look again when the line should lapse, in case no "stopped" comes.
        let shown = self.shown;
        set_timeout(
            move || {
                shown.try_update(|_| ());
            },
            Duration::from_millis(openline_core::typing::SHOWN_MS as u64 + 50),
        );
    }

    /// New events: a message from the typist ends their line.
    pub fn events(&self, events: &[Event]) {
        self.shown.try_update(|s| s.events(events));
    }

    /// The draft changed.
    pub fn typed(&self, note: bool, empty: bool) {
        let updates = self.throttle.try_update_value(|t| t.typed(now(), note, empty));
        updates.into_iter().flatten().for_each(|u| self.send(u));
    }

    /// The draft was sent or the box left.
    pub fn stopped(&self) {
        if let Some(Some(update)) = self.throttle.try_update_value(Throttle::stopped) {
            self.send(update);
        }
    }

    fn send(&self, update: TypingUpdate) {
        let Ok(text) = serde_json::to_string(&update) else { return };
        self.sender.with_value(|s| s.iter().for_each(|s| s.send(&text)));
    }
}

/// "Visitor 12EF is typing…", while they are.
#[component]
pub fn TypingLine(
    /// The dialog's typing state.
    typing: Typing,
) -> impl IntoView {
    let ui = use_ui();
    let line = move || {
        typing.shown.with(|s| match s.typist(now()) {
            Some(Actor::Visitor { id }) => Some(ui.lang.is_typing(&visitor_display_name(id))),
            Some(Actor::Agent { name, .. }) => Some(ui.lang.is_typing(name)),
            _ => None,
        })
    };
    view! {
        <p id="typing-indicator" class="typing-line">
            {line}
        </p>
    }
}

fn now() -> i64 {
    js_sys::Date::now() as i64
}
