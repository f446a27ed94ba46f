//! The agents' app: a Leptos client-side app served at `/app/`. `main` only mounts.
//!
//! One folder per area; each `mod.rs` declares its files and re-exports what the rest of the
//! app uses. Imports run one way, from the frame down to the shared pieces (the
//! `layering` test checks that no two folders import each other, even through others):
//!
//! - `app`: the root, the signed-in shell and its top bar; the only place that knows every
//!   screen.
//! - `account`: the start-up session check, login, first-run setup, invitations, the account
//!   menu and the change-password dialog.
//! - `admin`: the admins' channels, team and API tokens screens.
//! - `inbox`: the five lists (Q2) and the inbox socket; `notify`: toasts, sound, desktop
//!   notifications and the title count (Q1).
//! - `dialog`: the open conversation's pane, header, actions and pickers; it draws `message`
//!   (the message list and per-message actions) and `composer` (the composer and its tools).
//! - `crm`: the contact card beside a conversation (issue 16).
//! - `canned`: the canned responses library (C7), also read by the composer and message menu.
//! - `conversation`: the open dialog's log, its commands and my chat names, under all of those.
//! - `presence`: the agent's status control (Q13).
//! - `ui`: what every screen shares (the `Ui` context, alerts, focus, menus, icons…).
//! - `route`: the hash addresses; `api`: HTTP calls, the socket and uploads; `i18n`: the UI
//!   strings in English and Spanish, a file per area.

mod account;
mod admin;
mod api;
mod app;
mod canned;
mod composer;
mod conversation;
mod crm;
mod dialog;
mod i18n;
mod inbox;
mod message;
mod notify;
mod presence;
mod route;
mod ui;

#[cfg(test)]
mod layering;

fn main() {
    // A panic aborts (the `wasm` profile) with only "RuntimeError: unreachable"; say what
    // panicked and where first, in the console, where the browser tests' guard reads it.
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    leptos::mount::mount_to_body(app::App);
}
