//! The agents' app: a Leptos client-side app served at `/app/`.
//!
//! `main` only mounts; `app` holds the root and the shell, and every screen or piece of I/O has
//! its own module:
//! - `api`: the HTTP calls, plain async functions returning `openline_core::protocol` types.
//! - `socket`: a WebSocket that reconnects with backoff.
//! - `session`: the signed-in agent, kept in localStorage.
//! - `route`: the `#/dialog/<id>` hash route.
//! - `i18n`: the UI strings (English, Spanish).
//! - `clock`: a ticking "now" for waiting times.
//! - `icons`: the few inline SVG icons.
//! - `login`, `inbox` (+ `inbox_model`), `dialog` (+ `dialog_log`, `messages`, `composer`,
//!   `dialog_notice`), `dialog_actions` (+ `commands`, `action_menu`, `agent_picker`).

mod api;
mod app;
mod clock;
mod i18n;
mod icons;
mod route;
mod session;
mod socket;

mod login;

mod inbox;
mod inbox_model;

mod composer;
mod dialog;
mod dialog_log;
mod dialog_notice;
mod messages;

mod action_menu;
mod agent_picker;
mod commands;
mod dialog_actions;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
