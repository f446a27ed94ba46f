//! Sending commands to the open dialog: one at a time, the reply merged into the log, a
//! refusal shown in the alert with the server's own words (say, "Luis is already answering
//! this conversation."), and focus put somewhere sensible afterwards.

use super::DialogLog;
use crate::api;
use crate::ui::{focus_or_title, Ui, DIALOG_TITLE};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::conversation::Command;
use openline_core::ids::DialogId;

/// Where focus goes once the server accepted a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// To the composer: the agent now replies (answer, take over).
    Compose,
    /// Where it was; if the button pressed went away with the new state, to the dialog's title.
    Stay,
}

/// The commands of one dialog. `Copy`, so every button's handler can hold one.
#[derive(Clone, Copy)]
pub struct Commands {
    pub ui: Ui,
    pub id: StoredValue<DialogId>,
    pub log: RwSignal<DialogLog>,
    /// A command is on its way; buttons wait.
    pub pending: RwSignal<bool>,
}

impl Commands {
    pub fn run(self, command: Command, then: Then) {
        self.run_and(command, move || settle_focus(then));
    }

    /// Like `run`, with something else to do once the server accepted it.
    pub fn run_and(self, command: Command, on_ok: impl FnOnce() + 'static) {
        self.run_guarded(self.pending, command, on_ok);
    }

    /// Like `run_and`, one at a time per `guard` rather than per dialog: the composer's
    /// messages have their own, so a reply typed while "Answer" is still on its way is sent
    /// rather than dropped (the command id makes each exactly-once anyway).
    pub fn run_guarded(
        self,
        guard: RwSignal<bool>,
        command: Command,
        on_ok: impl FnOnce() + 'static,
    ) {
        if guard.get_untracked() {
            return;
        }
        let Commands { ui, id, log, .. } = self;
        let pending = guard;
        let id = id.get_value();
        ui.alert.set(None);
        pending.set(true);
        spawn_local(async move {
            let result = api::post_command(&id, command).await;
            pending.try_set(false);
            match result {
                Ok(reply) => {
                    log.try_update(|l| l.merge(reply.events));
                    on_ok();
                }
                Err(err) => ui.report(&err),
            }
        });
    }
}

/// Runs after the new state is drawn, so a button that went away has gone.
fn settle_focus(then: Then) {
    request_animation_frame(move || match then {
        Then::Compose => focus_or_title("composer-input"),
        Then::Stay => {
            let body = document().body();
            let lost = document().active_element().is_none_or(|el| {
                body.as_ref().is_some_and(|b| b.as_ref() as &web_sys::Element == &el)
            });
            if lost {
                focus_or_title(DIALOG_TITLE);
            }
        }
    });
}
