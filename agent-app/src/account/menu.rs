//! The account menu at the right of the top bar (`#account-menu`): the signed-in agent's
//! name and role on the button; "Change password" (`#change-password`, a modal dialog in
//! `password_dialog`) and "Log out" (`#logout`) in the menu. The menu follows the WAI-ARIA
//! menu button pattern with `ui::menu`'s keyboard helpers: arrows, Home and End move,
//! Escape closes and gives focus back to the button, Tab or a click elsewhere closes.
//!
//! Logging out asks the server to end the session (`POST /api/agent/logout`) and only then
//! clears the app: if the call fails the agent stays signed in and is told why, since the
//! cookie would otherwise still sign them in on the next visit.

use super::password_dialog::PasswordDialog;
use crate::api;
use crate::i18n::AccountText;
use crate::ui::menu::{button_keys, focus_item, focus_left, menu_keys, Focus};
use crate::ui::{focus, initials, use_ui, Ui};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::auth::Role;

const BUTTON_ID: &str = "account-menu";
const MENU_ID: &str = "account-menu-list";

#[component]
pub fn AccountMenu() -> impl IntoView {
    let ui = use_ui();
    let Some(reply) = ui.session.get_untracked() else {
        return ().into_any();
    };
    let open = RwSignal::new(false);
    let changing_password = RwSignal::new(false);
    let leaving = RwSignal::new(false);
    let menu = NodeRef::<Div>::new();
    let wrap = NodeRef::<Div>::new();
    let show = move |item: Focus| {
        open.set(true);
        // The menu is shown on the next render; focus it after that.
        request_animation_frame(move || focus_item(menu, item));
    };
    let close_to_button = move || {
        open.set(false);
        focus(BUTTON_ID);
    };
    let on_button_key = button_keys(show);
    let on_menu_key = menu_keys(menu, open, close_to_button);
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        if focus_left(&ev, wrap) {
            open.set(false);
        }
    };
    let close_dialog = Callback::new(move |()| {
        changing_password.set(false);
        focus(BUTTON_ID);
    });
    let who = format!("{} · {}", reply.agent.email, reply.workspace);
    view! {
        <div class="menu-wrap account" node_ref=wrap on:focusout=on_focus_out>
            <button
                id=BUTTON_ID
                type="button"
                class="account-button"
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=MENU_ID
                aria-busy=move || leaving.get().then_some("true")
                on:click=move |_| if open.get_untracked() { open.set(false) } else { show(Focus::First) }
                on:keydown=on_button_key
            >
                {button_face(ui, &reply.agent.name, reply.agent.role)}
            </button>
            <div class="menu account-popover" hidden=move || !open.get()>
                <p class="account-who">{who}</p>
                <div
                    id=MENU_ID
                    class="account-items"
                    role="menu"
                    aria-labelledby=BUTTON_ID
                    node_ref=menu
                    on:keydown=on_menu_key
                >
                    {items(ui, open, changing_password, leaving)}
                </div>
            </div>
        </div>
        {move || changing_password.get().then(|| view! { <PasswordDialog on_close=close_dialog/> })}
    }
    .into_any()
}

/// What the button shows: who is signed in, with which role.
fn button_face(ui: Ui, name: &str, role: Role) -> impl IntoView {
    view! {
        <span class="sr-only">{ui.lang.account(AccountText::AccountMenu)} ": "</span>
        <span class="agent-avatar" aria-hidden="true">{initials(name)}</span>
        <span class="account-text">
            <span class="agent-name">{name.to_owned()}</span>
            <span class="account-role">{ui.lang.role(role)}</span>
        </span>
        <svg class="chevron" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.6"/>
        </svg>
    }
}

/// "Change password" and "Log out"; choosing one closes the menu.
fn items(
    ui: Ui,
    open: RwSignal<bool>,
    changing_password: RwSignal<bool>,
    leaving: RwSignal<bool>,
) -> impl IntoView {
    let change_password = move |_| {
        open.set(false);
        changing_password.set(true);
    };
    let log_out = move |_| {
        open.set(false);
        log_out(ui, leaving);
    };
    view! {
        <button id="change-password" type="button" role="menuitem" tabindex="-1"
            class="menu-item" on:click=change_password>
            {ui.lang.account(AccountText::ChangePassword)}
        </button>
        <button id="logout" type="button" role="menuitem" tabindex="-1"
            class="menu-item" on:click=log_out>
            {ui.lang.account(AccountText::LogOut)}
        </button>
    }
}

/// Ends the session on the server, then forgets everything of it here. A 401 means it had
/// ended already, which `report` turns into the same result.
fn log_out(ui: Ui, leaving: RwSignal<bool>) {
    if leaving.get_untracked() {
        return;
    }
    leaving.set(true);
    ui.alert.set(None);
    spawn_local(async move {
        let result = api::account::logout().await;
        leaving.try_set(false);
        match result {
            Ok(()) => ui.signed_out(),
            Err(err) => {
                ui.report(&err);
                focus(BUTTON_ID);
            }
        }
    });
}
