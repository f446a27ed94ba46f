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
//! - `login`, `inbox` (+ `inbox_model`), `dialog` (+ `dialog_log`, `messages`, `composer`).

mod api;
mod app;
mod clock;
mod composer;
mod dialog;
mod dialog_log;
mod i18n;
mod inbox;
mod inbox_model;
mod login;
mod messages;
mod route;
mod session;
mod socket;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
