//! The customer chat in the widget's iframe (Leptos CSR). `main` only mounts; see `app`.
//!
//! Layout: `app` (session, header, status) → `chat` (one open session) → `messages` (list) and
//! `composer` (with `emoji`, the picker, and `attach`, files with `upload`; `feedback`: the
//! pre-chat, offline and rating forms). I/O: `api` (HTTP), `socket` (live events), `outbox`
//! (the visitor's messages, in order, retried), `json` (reading what they receive), `dom`
//! (the plain-HTML parts' elements and events), `html` (their HTML, escaped by type). State:
//! `model` (the event list and outbox), `days` (its day separators). Strings: `i18n`.

mod api;
mod app;
mod attach;
mod chat;
mod composer;
mod days;
mod dom;
mod emoji;
mod feedback;
mod i18n;
mod messages;
mod model;
mod outbox;
mod socket;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
