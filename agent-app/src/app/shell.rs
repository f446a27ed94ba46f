//! The signed-in frame: the top bar, the alert line, the notifications' banner and toasts, the
//! inbox column with the open conversation, and the admin screens the address opens. It owns
//! the inbox socket and the shared stores (canned responses, chat names), so signing out ends
//! them.

use super::top_bar::TopBar;
use crate::admin::{ChannelsScreen, TeamScreen};
use crate::canned::{provide_canned, CannedScreen};
use crate::conversation::provide_chat_names;
use crate::crm::ContactsScreen;
use crate::dialog::DialogPane;
use crate::i18n::ShellText;
use crate::inbox::{use_inbox, InboxPane};
use crate::notify::{use_notifications, NotifyBanner, ToastRegion};
use crate::route;
use crate::ui::{use_ui, AlertLine};
use leptos::prelude::*;

/// The signed-in frame. It owns the inbox socket, so signing out closes it.
#[component]
pub fn Shell() -> impl IntoView {
    let ui = use_ui();
    let Some(reply) = ui.session.get_untracked() else {
        return ().into_any();
    };
    ui.first_screen.set_value(false);
    let me = reply.agent.id.clone();
    let me_dialog = me.clone();
    let (inbox, online) = use_inbox(ui, me.clone());
    let selected = route::use_selected_dialog();
    let channels = route::use_channels_route();
    let canned_page = route::use_canned_route();
    let canned_open = Memo::new(move |_| canned_page.with(Option::is_some));
    let contacts_page = route::use_contacts_route();
    let contacts_open = Memo::new(move |_| contacts_page.with(Option::is_some));
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
            <TopBar online channels_open=channels.open canned_open team_open contacts_open/>
            <AlertLine/>
            <NotifyBanner/>
            <div class="workspace" hidden=move || channels.open.get() || canned_open.get() || team_open.get() || contacts_open.get()>
                <aside class="sidebar" aria-label=ui.lang.shell(ShellText::Lists)>
                    <InboxPane inbox selected me/>
                </aside>
                <main class="conversation">{conversation}</main>
            </div>
            {move || channels.open.get().then(|| view! { <ChannelsScreen route=channels/> })}
            {move || canned_open.get().then(|| view! { <CannedScreen page=canned_page/> })}
            {move || contacts_open.get().then(|| view! { <ContactsScreen route=contacts_page/> })}
            {move || team_open.get().then(|| view! { <TeamScreen tab=team_tab/> })}
            <ToastRegion toasts/>
        </div>
    }
    .into_any()
}

/// The conversation column while no dialog is open.
#[component]
fn NoDialog() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="empty-state">
            <h2>{ui.lang.shell(ShellText::PickDialog)}</h2>
            <p>{ui.lang.shell(ShellText::PickDialogHint)}</p>
        </div>
    }
}
