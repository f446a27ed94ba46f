//! Where the signed-in agent comes from when the app starts. The session is the HttpOnly
//! cookie the edge set at login, setup or an accepted invitation, so the app cannot read it;
//! it asks instead:
//!
//! 1. `#invite=<code>` in the address: the invitation screen, whoever is signed in.
//! 2. `GET /api/agent/session`: a `LoginReply` means signed in (a reload keeps the session).
//! 3. No one signed in: `GET /api/setup` says whether this installation still needs its first
//!    workspace (the setup screen) or not (the login screen).
//!
//! Not `GET /api/agent/me`: its 401 for "no one", the usual answer here, is an error in the
//! browser's console on every load.
//!
//! An invitation link opened while the app is already running (pasted into the address bar)
//! changes only the fragment, so `hashchange` is followed too.

use super::rules::invite_code;
use crate::api;
use crate::ui::{Entry, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::SessionStatus;

/// Where builds before the session cookie kept the agent's token; removed so no token is left
/// in storage.
const OLD_KEY: &str = "openline.agent";

/// Decides the first screen, and follows invitation links opened later.
pub fn start(ui: Ui) {
    forget_old_token();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(code) = invite_code(&location_hash()) {
            ui.alert.set(None);
            ui.entry.set(Entry::Invitation(code));
            ui.session.set(None);
        }
    });
    on_cleanup(move || listener.remove());
    match invite_code(&location_hash()) {
        Some(code) => ui.entry.set(Entry::Invitation(code)),
        None => check(ui),
    }
}

/// Asks the server who the cookie signs in; without a session, whether setup is needed.
pub fn check(ui: Ui) {
    ui.entry.set(Entry::Checking);
    spawn_local(async move {
        match api::account::session().await {
            Ok(SessionStatus { signed_in: Some(reply) }) => return ui.sign_in(reply),
            Ok(SessionStatus { signed_in: None }) => {}
            Err(err) => ui.report(&err),
        }
        let entry = match api::account::setup_status().await {
            Ok(status) if status.needed => Entry::Setup,
            Ok(_) => Entry::Login,
            Err(err) => {
                ui.report(&err);
                Entry::Login
            }
        };
        ui.entry.set(entry);
    });
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn forget_old_token() {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.remove_item(OLD_KEY);
    }
}
