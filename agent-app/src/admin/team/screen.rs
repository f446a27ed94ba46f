//! The team screen, for admins, at `#/team` and `#/team/api-tokens`: two tabs (`#tab-team`,
//! `#tab-api-tokens`, the ARIA tabs pattern) whose choice is the address, so a reload or a
//! shared link keeps it. "Members" lists the colleagues (`members`) and the invitations
//! (`invites`); "API tokens" is `admin::tokens`. Anyone else who opens the address is told it
//! is for admins (the server refuses them anyway).

use super::invites::TeamInvites;
use super::locks::SignInLocks;
use super::members::TeamMembers;
use crate::admin::tokens::ApiTokensPanel;
use crate::i18n::{ShellText, TeamText};
use crate::route::TeamTab;
use crate::ui::{focus, title_focused_on_arrival, use_ui};
use leptos::prelude::*;
use openline_core::authz::Action;

const TABS: [TeamTab; 2] = [TeamTab::Members, TeamTab::ApiTokens];

#[component]
pub fn TeamScreen(
    /// The tab the address names.
    tab: Memo<Option<TeamTab>>,
) -> impl IntoView {
    let ui = use_ui();
    let title = title_focused_on_arrival();
    if !ui.may(Action::ManageTeam) {
        return view! {
            <main class="channels-screen only-admins" aria-labelledby="team-title">
                <div class="empty-state">
                    <h2 id="team-title" tabindex="-1" node_ref=title>{ui.lang.team(TeamText::Team)}</h2>
                    <p>{ui.lang.team(TeamText::OnlyAdmins)}</p>
                    <p><a href="#/">{ui.lang.shell(ShellText::BackToConversations)}</a></p>
                </div>
            </main>
        }
        .into_any();
    }
    let current = Memo::new(move |_| tab.get().unwrap_or(TeamTab::Members));
    let panel = move || match current.get() {
        TeamTab::Members => view! { <TeamMembers/> <TeamInvites/> <SignInLocks/> }.into_any(),
        TeamTab::ApiTokens => view! { <ApiTokensPanel/> }.into_any(),
    };
    view! {
        <main class="admin-screen" aria-labelledby="team-title">
            <div class="admin-column">
                <h2 id="team-title" tabindex="-1" node_ref=title>{ui.lang.team(TeamText::Team)}</h2>
                <TeamTabs current/>
                <div
                    id="team-panel"
                    class="admin-panel"
                    role="tabpanel"
                    aria-labelledby=move || tab_id(current.get())
                >
                    {panel}
                </div>
            </div>
        </main>
    }
    .into_any()
}

/// "Members | API tokens": choosing one changes the address; arrows, Home and End move.
#[component]
fn TeamTabs(
    /// The tab shown.
    current: Memo<TeamTab>,
) -> impl IntoView {
    let ui = use_ui();
    let choose = move |tab: TeamTab| {
        let _ = window().location().set_hash(tab.href());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let at = TABS.iter().position(|t| *t == current.get_untracked()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % TABS.len(),
            "ArrowLeft" => (at + TABS.len() - 1) % TABS.len(),
            "Home" => 0,
            "End" => TABS.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        choose(TABS[next]);
        focus(tab_id(TABS[next]));
    };
    let tabs = TABS
        .into_iter()
        .map(|this| {
            let selected = move || current.get() == this;
            let label = match this {
                TeamTab::Members => TeamText::Members,
                TeamTab::ApiTokens => TeamText::ApiTokens,
            };
            view! {
                <button
                    id=tab_id(this)
                    type="button"
                    role="tab"
                    class="picker-tab"
                    aria-controls="team-panel"
                    aria-selected=move || if selected() { "true" } else { "false" }
                    tabindex=move || if selected() { "0" } else { "-1" }
                    on:click=move |_| choose(this)
                >
                    {ui.lang.team(label)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="picker-tabs admin-tabs" role="tablist" aria-label=ui.lang.team(TeamText::TeamSections)
            on:keydown=on_key>
            {tabs}
        </div>
    }
}

/// The ids the end-to-end tests rely on.
fn tab_id(tab: TeamTab) -> &'static str {
    match tab {
        TeamTab::Members => "tab-team",
        TeamTab::ApiTokens => "tab-api-tokens",
    }
}
