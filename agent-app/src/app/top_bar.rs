//! The top bar: the brand, the main navigation (`MainNav`), the connection status, the
//! agent's presence and the account menu.

use crate::account::AccountMenu;
use crate::i18n::{CannedText, ChannelText, CommonText, CrmText, ShellText, TeamText};
use crate::presence::PresenceControl;
use crate::route::{canned_href, channels_href, contacts_href, CannedPage, TeamTab};
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::authz::Action;

/// The bar across the top of the signed-in app.
#[component]
pub fn TopBar(
    /// Whether the inbox socket is connected.
    online: RwSignal<bool>,
    /// Whether the channels screen is open (for the admins' nav).
    channels_open: Memo<bool>,
    /// Whether the canned responses library is open.
    canned_open: Memo<bool>,
    /// Whether the team screen is open (admins).
    team_open: Memo<bool>,
    /// Whether the contacts screen is open.
    contacts_open: Memo<bool>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <header class="topbar">
            <h1 class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "Openline"
            </h1>
            <MainNav open=channels_open canned_open team_open contacts_open/>
            <span class="link-status" role="status">
                {move || (!online.get()).then(|| ui.lang.common(CommonText::Reconnecting))}
            </span>
            <PresenceControl/>
            <AccountMenu/>
        </header>
    }
}

/// The main navigation: "Conversations | Contacts | Canned responses | Channels | Team"
/// (`#nav-inbox`, `#nav-contacts`, `#nav-canned`, and for admins `#nav-channels` and
/// `#nav-team`).
#[component]
fn MainNav(
    /// Whether the channels screen is open.
    open: Memo<bool>,
    /// Whether the canned responses library is open.
    canned_open: Memo<bool>,
    /// Whether the team screen is open.
    team_open: Memo<bool>,
    /// Whether the contacts screen is open.
    contacts_open: Memo<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let channels = ui.may(Action::ConfigureChannels);
    let team = ui.may(Action::ManageTeam);
    let current = |on: bool| on.then_some("page");
    view! {
        <nav class="main-nav" aria-label=ui.lang.shell(ShellText::MainNav)>
            <a id="nav-inbox" class="nav-link" href="#/"
                aria-current=move || current(!open.get() && !canned_open.get() && !team_open.get() && !contacts_open.get())>
                {ui.lang.shell(ShellText::Conversations)}
            </a>
            <a id="nav-contacts" class="nav-link" href=contacts_href(None)
                aria-current=move || current(contacts_open.get())>
                {ui.lang.crm(CrmText::Contacts)}
            </a>
            <a id="nav-canned" class="nav-link" href=canned_href(&CannedPage::Library)
                aria-current=move || current(canned_open.get())>
                {ui.lang.canned(CannedText::Responses)}
            </a>
            {channels.then(|| view! {
                <a id="nav-channels" class="nav-link" href=channels_href(None)
                    aria-current=move || current(open.get())>
                    {ui.lang.channel(ChannelText::Channels)}
                </a>
            })}
            {team.then(|| view! {
                <a id="nav-team" class="nav-link" href=TeamTab::Members.href()
                    aria-current=move || current(team_open.get())>
                    {ui.lang.team(TeamText::Team)}
                </a>
            })}
        </nav>
    }
}
