//! The root: the `Ui` context every screen reaches, the choice between the signed-out screens
//! (login, first-run setup, invitation; `session` decides which at start) and the signed-in
//! shell, and the shell's frame (top bar, alert, inbox column, conversation, admin screens).

use crate::account_menu::AccountMenu;
use crate::api::ApiError;
use crate::canned_screen::CannedScreen;
use crate::canned_store::provide_canned;
use crate::channels_screen::{ChannelsNav, ChannelsScreen};
use crate::chat_names::provide_chat_names;
use crate::dialog::DialogPane;
use crate::i18n::{Lang, Text};
use crate::inbox::InboxPane;
use crate::inbox_model::use_inbox;
use crate::invitation_screen::InvitationScreen;
use crate::login::Login;
use crate::notify::use_notifications;
use crate::notify_view::{NotifyBanner, ToastRegion};
use crate::presence::PresenceControl;
use crate::setup_screen::SetupScreen;
use crate::team_screen::TeamScreen;
use crate::{route, session};
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
    pub fn t(&self, text: Text) -> &'static str {
        self.lang.t(text)
    }

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
            .map_or_else(|| self.t(Text::NetworkError).to_owned(), str::to_owned);
        self.alert.try_set(Some(message));
    }

    /// Like `report`, but a refusal shows in `field` (a list's or a form's own error line).
    pub fn report_to(&self, field: RwSignal<Option<String>>, err: &ApiError) {
        if err.is_unauthorized() {
            return self.report(err);
        }
        let message = err.server_message().unwrap_or(self.t(Text::NetworkError)).to_owned();
        field.try_set(Some(message));
    }
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}

#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::detect();
    set_document_lang(lang);
    let ui = Ui {
        lang,
        session: RwSignal::new(None),
        entry: RwSignal::new(Entry::Checking),
        alert: RwSignal::new(None),
        first_screen: StoredValue::new(true),
    };
    provide_context(ui);
    session::start(ui);
    let signed_in = Memo::new(move |_| ui.session.with(Option::is_some));
    move || {
        if signed_in.get() {
            return view! { <Shell/> }.into_any();
        }
        match ui.entry.get() {
            Entry::Checking => view! { <Starting/> }.into_any(),
            Entry::Login => view! { <Login/> }.into_any(),
            Entry::Setup => view! { <SetupScreen/> }.into_any(),
            Entry::Invitation(code) => view! { <InvitationScreen code/> }.into_any(),
        }
    }
}

/// While the start-up check runs: the brand and a polite "Loading…".
#[component]
fn Starting() -> impl IntoView {
    let ui = use_ui();
    view! {
        <main class="login-page">
            <p class="brand" role="status">
                <span class="brand-mark" aria-hidden="true"></span>
                "Openline"
                <span class="sr-only">" " {ui.t(Text::Loading)}</span>
            </p>
        </main>
    }
}

/// The signed-in frame. It owns the inbox socket, so signing out closes it.
#[component]
fn Shell() -> impl IntoView {
    let ui = use_ui();
    let Some(reply) = ui.session.get_untracked() else {
        return ().into_any();
    };
    ui.first_screen.set_value(false);
    let me = reply.agent.id.clone();
    let me_dialog = me.clone();
    let (inbox, online) = use_inbox(ui);
    let selected = route::use_selected_dialog();
    let channels = route::use_channels_route();
    let canned_page = route::use_canned_route();
    let canned_open = Memo::new(move |_| canned_page.with(Option::is_some));
    let team_tab = route::use_team_route();
    let team_open = Memo::new(move |_| team_tab.with(Option::is_some));
    provide_canned(ui);
    provide_chat_names(ui);
    let toasts = use_notifications(ui.lang, inbox, selected, me.clone());
    let conversation = move || match selected.get() {
        Some(id) => {
            let row_id = id.clone();
            let summary = Memo::new(move |_| inbox.with(|i| i.get(&row_id).cloned()));
            view! { <DialogPane id summary me=me_dialog.clone()/> }.into_any()
        }
        None => view! { <NoDialog/> }.into_any(),
    };
    view! {
        <div class="shell">
            <TopBar online channels_open=channels.open canned_open team_open/>
            <AlertLine/>
            <NotifyBanner/>
            <div class="workspace" hidden=move || channels.open.get() || canned_open.get() || team_open.get()>
                <aside class="sidebar" aria-label=ui.t(Text::Lists)>
                    <InboxPane inbox selected me/>
                </aside>
                <main class="conversation">{conversation}</main>
            </div>
            {move || channels.open.get().then(|| view! { <ChannelsScreen route=channels/> })}
            {move || canned_open.get().then(|| view! { <CannedScreen page=canned_page/> })}
            {move || team_open.get().then(|| view! { <TeamScreen tab=team_tab/> })}
            <ToastRegion toasts/>
        </div>
    }
    .into_any()
}

#[component]
fn TopBar(
    /// Whether the inbox socket is connected.
    online: RwSignal<bool>,
    /// Whether the channels screen is open (for the admins' nav).
    channels_open: Memo<bool>,
    /// Whether the canned responses library is open.
    canned_open: Memo<bool>,
    /// Whether the team screen is open (admins).
    team_open: Memo<bool>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <header class="topbar">
            <h1 class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "Openline"
            </h1>
            <ChannelsNav open=channels_open canned_open team_open/>
            <span class="link-status" role="status">
                {move || (!online.get()).then(|| ui.t(Text::Reconnecting))}
            </span>
            <PresenceControl/>
            <AccountMenu/>
        </header>
    }
}

/// The alert region: always in the page so screen readers announce what appears in it.
#[component]
pub fn AlertLine() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="alert-region" role="alert">
            {move || {
                ui.alert
                    .get()
                    .map(|message| {
                        view! {
                            <div class="alert">
                                <span class="alert-text">{message}</span>
                                <button
                                    type="button"
                                    class="btn ghost small"
                                    on:click=move |_| ui.alert.set(None)
                                >
                                    {ui.t(Text::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

#[component]
fn NoDialog() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="empty-state">
            <h2>{ui.t(Text::PickDialog)}</h2>
            <p>{ui.t(Text::PickDialogHint)}</p>
        </div>
    }
}

/// Up to two letters for an avatar: "Ana Ruiz" → "AR", "Visitor 12EF" → "V1".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
