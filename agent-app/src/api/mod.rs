//! Everything the app says to the edge: HTTP calls as plain async functions returning
//! `openline_core::protocol` types, the reconnecting WebSocket and file uploads. Nothing here
//! knows about screens; what to do with an `ApiError` (alert, back to login) is the caller's.
//!
//! - `http`: the plumbing (`ApiError`, the CSRF header, reading replies).
//! - `conversations`: the calls of an agent's daily work (inbox, dialogs, channels, canned
//!   responses, presence, chat names, the emoji list), re-exported here as `api::…`.
//! - `account`: signing in, setup, invitations, one's own password.
//! - `admin`: the admins' team, invitations, API tokens, a channel's identity secret.
//!
//! The socket that reconnects (with pings) and file uploads with progress are the widget's
//! too: `openline_browser::{socket, upload}`.

pub mod account;
pub mod admin;
mod conversations;
mod http;

pub use conversations::{
    agents, canned, channels, chat_names, contact, contact_of, contacts, create_channel,
    delete_canned, dialog_events, edit_contact, emoji, inbox, inbox_page, merge_contact,
    post_command, rename_chat, save_canned, save_channel, set_presence,
};
pub use http::{encode, ApiError};
