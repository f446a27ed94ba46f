//! The root: the choice between the signed-out screens
//! (login, first-run setup, invitation; `session` decides which at start) and the signed-in
//! shell, and the shell's frame (top bar, alert, inbox column, conversation, admin screens).

use crate::account::session;
use crate::account::AccountMenu;
use crate::account::InvitationScreen;
use crate::account::Login;
use crate::account::SetupScreen;
use crate::admin::TeamScreen;
use crate::admin::{ChannelsNav, ChannelsScreen};
use crate::canned::provide_canned;
use crate::canned::CannedScreen;
use crate::conversation::provide_chat_names;
use crate::dialog::DialogPane;
use crate::i18n::{Lang, Text};
use crate::inbox::use_inbox;
use crate::inbox::InboxPane;
use crate::notify::use_notifications;
use crate::notify::{NotifyBanner, ToastRegion};
use crate::presence::PresenceControl;
use crate::route;
use crate::ui::{use_ui, AlertLine, Entry, Ui};
use leptos::prelude::*;

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

fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
