//! The `Ui` context every screen reaches through `use_ui`: the language, the signed-in agent,
//! the screen shown while signed out, and the alert line, with the few things done to them
//! from everywhere (sign in, sign out, report a failed call, ask what the role may do).

use crate::api::ApiError;
use crate::i18n::{CommonText, Lang};
use crate::route;
use leptos::prelude::*;
use openline_core::auth::Role;
use openline_core::authz::{role_may, Action};
use openline_core::protocol::LoginReply;

/// Which screen a signed-out visitor of the app sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Asking the server whether the session cookie still signs someone in.
    Checking,
    Login,
    /// The installation has no workspace yet (first run).
    Setup,
    /// An invitation link (`#invite=<code>`) was opened.
    Invitation(String),
}

/// What every component may need: the language, the signed-in agent, the alert line.
#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: Lang,
    /// The signed-in agent; `None` shows `entry`. The session itself is the HttpOnly cookie,
    /// which the app never sees.
    pub session: RwSignal<Option<LoginReply>>,
    /// The screen shown while signed out.
    pub entry: RwSignal<Entry>,
    /// The message shown in the alert region (`role="alert"`), if any.
    pub alert: RwSignal<Option<String>>,
    /// True until the first screen was drawn: later ones (after logout, say) move focus to
    /// their title, the first one leaves the freshly loaded page alone.
    pub first_screen: StoredValue<bool>,
}

impl Ui {
    /// The signed-in agent's role (read without tracking: roles change only with a new
    /// sign-in, and the server checks every request anyway).
    pub fn role(&self) -> Role {
        self.session.with_untracked(|s| s.as_ref().map(|s| s.agent.role)).unwrap_or_default()
    }

    /// Whether the signed-in agent's role allows `action` (core's `authz::role_may`), to
    /// decide which screens and buttons to offer.
    pub fn may(&self, action: Action<'_>) -> bool {
        self.session.with_untracked(|s| s.as_ref().is_some_and(|s| role_may(s.agent.role, action)))
    }

    pub fn sign_in(&self, reply: LoginReply) {
        self.alert.set(None);
        self.session.set(Some(reply));
    }

    /// Back to the login screen, with nothing of the last agent kept (the session already
    /// ended on the server: logout, or a 401).
    pub fn signed_out(&self) {
        route::clear();
        self.entry.set(Entry::Login);
        self.session.set(None);
    }

    /// Shows a failed call: a 401 ends the session, anything else becomes the alert.
    pub fn report(&self, err: &ApiError) {
        if err.is_unauthorized() && self.session.with_untracked(Option::is_some) {
            self.signed_out();
        }
        let message = err
            .server_message()
            .map_or_else(|| self.lang.common(CommonText::NetworkError).to_owned(), str::to_owned);
        self.alert.try_set(Some(message));
    }

    /// Like `report`, but a refusal shows in `field` (a list's or a form's own error line).
    pub fn report_to(&self, field: RwSignal<Option<String>>, err: &ApiError) {
        if err.is_unauthorized() {
            return self.report(err);
        }
        let message =
            err.server_message().unwrap_or(self.lang.common(CommonText::NetworkError)).to_owned();
        field.try_set(Some(message));
    }
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}
