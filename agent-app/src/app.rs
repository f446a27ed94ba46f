//! The root: the `Ui` context every screen reaches, the choice between the login screen and the
//! signed-in shell, and the shell's frame (top bar, alert, inbox column, conversation).

use crate::api::ApiError;
use crate::canned_screen::CannedScreen;
use crate::canned_store::provide_canned;
use crate::channels_screen::{ChannelsNav, ChannelsScreen};
use crate::chat_names::provide_chat_names;
use crate::dialog::DialogPane;
use crate::i18n::{Lang, Text};
use crate::inbox::InboxPane;
use crate::inbox_model::use_inbox;
use crate::login::Login;
use crate::notify::use_notifications;
use crate::notify_view::{NotifyBanner, ToastRegion};
use crate::presence::PresenceControl;
use crate::{route, session};
use leptos::prelude::*;
use openline_core::protocol::LoginReply;

/// What every component may need: the language, the signed-in agent, the alert line.
#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: Lang,
    /// `None` shows the login screen.
    pub session: RwSignal<Option<LoginReply>>,
    /// The message shown in the alert region (`role="alert"`), if any.
    pub alert: RwSignal<Option<String>>,
}

impl Ui {
    pub fn t(&self, text: Text) -> &'static str {
        self.lang.t(text)
    }

    /// The bearer token, if signed in (read without tracking: for requests, not for views).
    pub fn token(&self) -> Option<String> {
        self.session.with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
    }

    pub fn sign_in(&self, reply: LoginReply) {
        session::save(&reply);
        self.alert.set(None);
        self.session.set(Some(reply));
    }

    pub fn log_out(&self) {
        session::clear();
        route::clear();
        self.session.set(None);
    }

    /// Shows a failed call: a 401 ends the session, anything else becomes the alert.
    pub fn report(&self, err: &ApiError) {
        if err.is_unauthorized() {
            self.log_out();
        }
        let message = err
            .server_message()
            .map_or_else(|| self.t(Text::NetworkError).to_owned(), str::to_owned);
        self.alert.try_set(Some(message));
    }
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}

#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::detect();
    set_document_lang(lang);
    let ui = Ui { lang, session: RwSignal::new(session::load()), alert: RwSignal::new(None) };
    provide_context(ui);
    let signed_in = Memo::new(move |_| ui.session.with(Option::is_some));
    move || {
        if signed_in.get() {
            view! { <Shell/> }.into_any()
        } else {
            view! { <Login/> }.into_any()
        }
    }
}

/// The signed-in frame. It owns the inbox socket, so signing out closes it.
#[component]
fn Shell() -> impl IntoView {
    let ui = use_ui();
    let Some(reply) = ui.session.get_untracked() else {
        return ().into_any();
    };
    let me = reply.agent.id.clone();
    let me_dialog = me.clone();
    let (inbox, online) = use_inbox(ui, reply.token.clone());
    let selected = route::use_selected_dialog();
    let channels = route::use_channels_route();
    let canned_page = route::use_canned_route();
    let canned_open = Memo::new(move |_| canned_page.with(Option::is_some));
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
            <TopBar name=reply.agent.name.clone() online channels_open=channels.open canned_open/>
            <AlertLine/>
            <NotifyBanner/>
            <div class="workspace" hidden=move || channels.open.get() || canned_open.get()>
                <aside class="sidebar" aria-label=ui.t(Text::Lists)>
                    <InboxPane inbox selected me/>
                </aside>
                <main class="conversation">{conversation}</main>
            </div>
            {move || channels.open.get().then(|| view! { <ChannelsScreen route=channels/> })}
            {move || canned_open.get().then(|| view! { <CannedScreen page=canned_page/> })}
            <ToastRegion toasts/>
        </div>
    }
    .into_any()
}

#[component]
fn TopBar(
    /// The signed-in agent's display name.
    name: String,
    /// Whether the inbox socket is connected.
    online: RwSignal<bool>,
    /// Whether the channels screen is open (for the admins' nav).
    channels_open: Memo<bool>,
    /// Whether the canned responses library is open.
    canned_open: Memo<bool>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <header class="topbar">
            <h1 class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "Openline"
            </h1>
            <ChannelsNav open=channels_open canned_open/>
            <span class="link-status" role="status">
                {move || (!online.get()).then(|| ui.t(Text::Reconnecting))}
            </span>
            <PresenceControl/>
            <span class="agent">
                <span class="sr-only">{ui.t(Text::SignedInAs)} " "</span>
                <span class="agent-avatar" aria-hidden="true">{initials(&name)}</span>
                <span class="agent-name">{name.clone()}</span>
            </span>
            <button id="logout" type="button" class="btn ghost" on:click=move |_| ui.log_out()>
                {ui.t(Text::LogOut)}
            </button>
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
