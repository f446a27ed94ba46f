//! The paths of the `ROUTES` that name something (`{id}`), for clients: one place spells them.
//! A test checks each against `ROUTES`. Ids go in as they are: every valid id is URL-safe
//! (`ids::is_valid_id`), and the server answers any other with 404.

use crate::ids::{AgentId, ChannelId, DialogId};
use crate::inbox::{InboxCursor, InboxList};

/// `PUT|DELETE /api/agent/agents/{id}`.
pub fn agent(id: &AgentId) -> String {
    format!("/api/agent/agents/{id}")
}

/// `DELETE /api/agent/invites/{id}`.
pub fn invite(id: &str) -> String {
    format!("/api/agent/invites/{id}")
}

/// `DELETE /api/agent/api-tokens/{id}`.
pub fn api_token(id: &str) -> String {
    format!("/api/agent/api-tokens/{id}")
}

/// `PUT /api/agent/channels/{id}`.
pub fn channel(id: &ChannelId) -> String {
    format!("/api/agent/channels/{id}")
}

/// `GET|POST /api/agent/channels/{id}/identity-secret`.
pub fn identity_secret(channel: &ChannelId) -> String {
    format!("/api/agent/channels/{channel}/identity-secret")
}

/// `PUT|DELETE /api/agent/canned/{id}`.
pub fn canned(id: &str) -> String {
    format!("/api/agent/canned/{id}")
}

/// `GET /api/agent/inbox/lists/{id}`: the first rows of `list`, or those after `after`.
pub fn inbox_list(list: InboxList, after: Option<&InboxCursor>) -> String {
    let base = format!("/api/agent/inbox/lists/{}", list.as_str());
    match after {
        Some(at) => format!("{base}?at={}&id={}", at.active_at, at.dialog_id),
        None => base,
    }
}

/// `GET /api/agent/dialogs/{id}/events`.
pub fn dialog_events(dialog: &DialogId) -> String {
    format!("/api/agent/dialogs/{dialog}/events")
}

/// `POST /api/agent/dialogs/{id}/commands`.
pub fn dialog_commands(dialog: &DialogId) -> String {
    format!("/api/agent/dialogs/{dialog}/commands")
}

/// `GET /api/agent/dialogs/{id}/socket` (a WebSocket).
pub fn dialog_socket(dialog: &DialogId) -> String {
    format!("/api/agent/dialogs/{dialog}/socket")
}

/// `POST /api/agent/dialogs/{id}/files`.
pub fn dialog_files(dialog: &DialogId) -> String {
    format!("/api/agent/dialogs/{dialog}/files")
}

/// `PUT /api/agent/dialogs/{id}/name`.
pub fn dialog_name(dialog: &DialogId) -> String {
    format!("/api/agent/dialogs/{dialog}/name")
}

/// `GET /api/files/{id}`: a download link's path (`id` is the signed link token).
pub fn file(token: &str) -> String {
    format!("/api/files/{token}")
}
