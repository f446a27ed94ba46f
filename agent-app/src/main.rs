//! The agents' app: a Leptos client-side app served at `/app/`.
//!
//! `main` only mounts; `app` holds the root and the shell, and every screen or piece of I/O has
//! its own module:
//! - `api` (+ `api_account`, `api_admin`): the HTTP calls, plain async functions returning
//!   `openline_core::protocol` types; the session is an HttpOnly cookie the app never sees.
//! - `socket`: a WebSocket that reconnects with backoff.
//! - `session`: at start, who the cookie signs in (or the setup or invitation screen).
//! - `route`: the `#/dialog/<id>` hash route.
//! - `i18n`: the UI strings (English, Spanish).
//! - `clock`: a ticking "now" for waiting times.
//! - `icons`: the few inline SVG icons.
//! - `login`, `setup_screen`, `invitation_screen` (+ `new_password`, `account_model`): the
//!   signed-out screens; `account_menu` (+ `password_dialog`): logout and a new password.
//! - `team_screen` (+ `team_members`, `team_invites`, `api_tokens_screen`, `copy_field`): the
//!   admins' team, invitations and API tokens.
//! - `inbox` (+ `inbox_model`), `dialog` (+ `dialog_log`, `messages`, `composer`,
//!   `dialog_notice`), `dialog_actions` (+ `commands`, `action_menu`, `agent_picker`).
//! - `message_fold`, `message_bubble`, `message_menu`, `message_tools`: per-message actions
//!   (M1 quote, M7 save as canned, M8 edit with its history, M9 delete).
//! - `typing`: the customer's "is typing…" line and the agent's own typing updates (W2).
//! - `composer_suggest` (+ `quick_commands`), `quote_chip`, `dialog_title`, `chat_names`: the
//!   composer's `/` suggestions and quick commands, the quote above it, and the header's chat
//!   name, rename and "Copy chat ID" (C3); `emoji_picker` (C4); `mentions` (C2, `@Name`).
//! - `canned_screen` (+ `canned_editor`, `canned_store`, `canned_model`): the canned responses
//!   library and the composer's `/` suggestions (C7).
//! - `notify` (+ `notify_browser`, `notify_view`): toasts, sound, desktop notifications and the
//!   count in the page title (Q1).
//! - `presence` (Q13); `channels_screen` (+ `channel_new`, `channel_editor`, `channel_draft`,
//!   `channel_hours`, `channel_routing`, `channel_queue`) for admins (A1, Q14); `channel_picker`,
//!   the transfer picker's "Open channels" tab (Q4); `channel_access` the allowed sites and the
//!   signed identity (W6).

mod account;
mod admin;
mod api;
mod app;
mod canned;
mod composer;
mod conversation;
mod dialog;
mod i18n;
mod inbox;
mod message;
mod notify;
mod route;
mod ui;

mod presence;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
