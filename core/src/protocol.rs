//! Wire types: every HTTP body and WebSocket frame. The UIs and the edge share these; there is
//! no second definition of any message shape.
//!
//! Routes (all JSON; errors are `ErrorBody` with a 4xx/5xx status):
//!
//! | route | body → reply |
//! |---|---|
//! | `POST /api/widget/session` | `WidgetSessionRequest` → `WidgetSession` |
//! | `GET  /api/widget/events?after=N` (visitor bearer) | → `EventsFrame` |
//! | `POST /api/widget/commands` (visitor bearer) | `CommandRequest` → `CommandReply` |
//! | `GET  /api/widget/socket?token=T&after=N` | WebSocket of `EventsFrame`, `TypingFrame`; sends `TypingUpdate` |
//! | `POST /api/dev/seed` (dev only) | `DevSeedRequest` → `{ "created": bool }` |
//! | `POST /api/agent/login` | `LoginRequest` → `LoginReply` |
//! | `GET  /api/agent/inbox` (agent bearer) | → `InboxFrame::Snapshot` |
//! | `GET  /api/agent/agents` (agent bearer) | → `AgentsReply` (the workspace's directory, for pickers) |
//! | `GET  /api/agent/channels` (agent bearer) | → `ChannelsReply` |
//! | `PUT  /api/agent/presence` (agent bearer) | `PresenceRequest` → `AgentProfile` |
//! | `GET  /api/agent/canned` (agent bearer) | → `CannedReply` |
//! | `POST /api/agent/canned` (agent bearer) | `CannedInput` → `CannedResponse` |
//! | `PUT  /api/agent/canned/{id}`, `DELETE …` (agent bearer) | `CannedInput` → `CannedResponse`, → `{}` |
//! | `POST /api/agent/channels` (admin bearer) | `NewChannel` → `ChannelSettings` |
//! | `PUT  /api/agent/channels/{id}` (admin bearer) | `ChannelSettings` → `ChannelSettings` |
//! | `GET  /api/agent/inbox/socket?token=T` | WebSocket of `InboxFrame` |
//! | `GET  /api/agent/dialogs/{id}/events?after=N` (agent bearer) | → `EventsFrame` |
//! | `POST /api/agent/dialogs/{id}/commands` (agent bearer) | `CommandRequest` → `CommandReply` |
//! | `GET  /api/agent/dialog-names` (agent bearer) | → `ChatNamesReply` (the caller's own chat names) |
//! | `PUT  /api/agent/dialogs/{id}/name` (agent bearer) | `RenameChat` → `ChatName` |
//! | `GET  /api/agent/dialogs/{id}/socket?token=T&after=N` | WebSocket of `EventsFrame`, `TypingFrame`; sends `TypingUpdate` |
//!
//! Browsers cannot set headers on a WebSocket, so sockets take the token as a query parameter.
//! `after` is the last `seq` the client has; without it the server sends everything.
//!
//! Besides `EventsFrame`s, a dialog socket carries typing indicators (W2), which are never
//! stored: a client sends `TypingUpdate`s (or "ping"), and the other side's sockets get
//! `TypingFrame`s. Clients tell the two apart by their fields and skip frames they do not know.

use crate::auth::Role;
use crate::canned::CannedResponse;
use crate::channel::ChannelSettings;
use crate::conversation::Command;
use crate::event::Event;
use crate::ids::{AgentId, ChannelId, CommandId, DialogId, VisitorId, WorkspaceId};
use crate::inbox::DialogSummary;
use crate::routing::Presence;
use serde::{Deserialize, Serialize};

/// `{ "error": { "code", "message" } }`, the body of every error reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

/// The widget opens (or resumes) its visitor session on a channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WidgetSessionRequest {
    /// The channel's public key from the embed snippet.
    pub channel: String,
    /// The token kept from an earlier visit, if any (W3).
    #[serde(default)]
    pub visitor_token: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetSession {
    pub visitor_token: String,
    pub visitor_id: VisitorId,
    pub dialog_id: DialogId,
    pub channel: ChannelInfo,
}

/// What a customer may know about a channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelInfo {
    pub id: ChannelId,
    pub name: String,
    pub greeting: String,
}

/// A command with the client's id for it: a retry with the same id is applied once and
/// answered with the original result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandRequest {
    pub command_id: CommandId,
    pub command: Command,
}

/// The events the command appended, as the caller may see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandReply {
    pub events: Vec<Event>,
}

/// Events of one dialog, as the receiver may see them. `reset` tells the client to drop what
/// it had (first load, or a resume position the server does not know).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventsFrame {
    pub events: Vec<Event>,
    pub reset: bool,
    /// The dialog's last `seq`, which may be past the last event shown (a hidden note).
    pub last_seq: u64,
    /// More events follow: ask again with `after` = the last event's `seq`.
    #[serde(default)]
    pub more: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub workspace: String,
    pub email: String,
    pub password: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginReply {
    pub token: String,
    pub workspace: WorkspaceId,
    pub agent: AgentProfile,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentProfile {
    pub id: AgentId,
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub presence: Presence,
}

/// `PUT /api/agent/presence`: the agent goes online, pauses or goes offline (Q13).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceRequest {
    pub presence: Presence,
}

/// `POST /api/agent/channels` (admin): a new open channel with default settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewChannel {
    pub id: ChannelId,
    pub name: String,
}

/// The workspace's canned responses (C7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReply {
    pub responses: Vec<CannedResponse>,
}

/// Every open channel's settings (agents read them; admins change them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelsReply {
    pub channels: Vec<ChannelSettings>,
}

/// Development only (`OPENLINE_DEV_SEED=true`): create a workspace with one admin and one
/// website channel, if it does not exist yet. `POST /api/dev/seed`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevSeedRequest {
    pub workspace: WorkspaceId,
    pub admin_email: String,
    pub admin_password: String,
    pub admin_name: String,
    pub channel: ChannelId,
    pub channel_name: String,
    pub greeting: String,
    /// More agents besides the admin (colleagues to transfer to and invite).
    #[serde(default)]
    pub agents: Vec<DevAgent>,
    /// More open channels besides `channel` (to transfer to).
    #[serde(default)]
    pub more_channels: Vec<NewChannel>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevAgent {
    pub email: String,
    pub name: String,
    pub password: String,
}

/// The workspace's agents, for the transfer and invite pickers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentsReply {
    pub agents: Vec<AgentProfile>,
}

/// `PUT /api/agent/dialogs/{id}/name`: the caller's own name for the chat (C3); an empty name
/// clears it. Nobody else sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenameChat {
    pub name: String,
}

/// An agent's name for one chat; as a reply to `RenameChat`, `name` is empty once cleared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatName {
    pub dialog_id: DialogId,
    pub name: String,
}

/// The caller's own chat names (C3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatNamesReply {
    pub names: Vec<ChatName>,
}

/// Client → dialog socket: the sender's draft is being written (`typing`) or no longer is (sent,
/// cleared, left the box). Never the draft itself. `note`: the draft is a hidden note (C6), of
/// which the customer must not even learn that it is being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypingUpdate {
    pub typing: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note: bool,
}

/// Dialog socket → client: someone on the other side is typing, or stopped (W2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypingFrame {
    /// The customer, or the agent with their display name.
    pub typist: crate::event::Actor,
    pub typing: bool,
}

/// The agents' inbox: a snapshot first, then one row at a time as dialogs change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
// Frames live for one send or receive; boxing the row would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum InboxFrame {
    Snapshot { dialogs: Vec<DialogSummary> },
    Upsert { dialog: DialogSummary },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
        value: &T,
        json: &str,
    ) {
        assert_eq!(serde_json::to_string(value).unwrap(), json);
        assert_eq!(&serde_json::from_str::<T>(json).unwrap(), value);
    }

    #[test]
    fn snapshot_error_body() {
        roundtrip(
            &ErrorBody {
                error: ErrorDetail { code: "not_found".into(), message: "No such dialog.".into() },
            },
            r#"{"error":{"code":"not_found","message":"No such dialog."}}"#,
        );
    }

    #[test]
    fn snapshot_widget_session() {
        roundtrip(
            &WidgetSessionRequest { channel: "demo.web".into(), visitor_token: None },
            r#"{"channel":"demo.web","visitor_token":null}"#,
        );
        roundtrip(
            &WidgetSession {
                visitor_token: "t".into(),
                visitor_id: VisitorId::parse("v_1").unwrap(),
                dialog_id: DialogId::parse("web-v_1").unwrap(),
                channel: ChannelInfo {
                    id: ChannelId::parse("web").unwrap(),
                    name: "Website".into(),
                    greeting: "Hi!".into(),
                },
            },
            r#"{"visitor_token":"t","visitor_id":"v_1","dialog_id":"web-v_1","channel":{"id":"web","name":"Website","greeting":"Hi!"}}"#,
        );
    }

    #[test]
    fn snapshot_command_request_and_frames() {
        roundtrip(
            &CommandRequest {
                command_id: CommandId::parse("c1").unwrap(),
                command: Command::Answer,
            },
            r#"{"command_id":"c1","command":{"type":"answer"}}"#,
        );
        roundtrip(&CommandReply { events: vec![] }, r#"{"events":[]}"#);
        roundtrip(
            &EventsFrame { events: vec![], reset: true, last_seq: 3, more: false },
            r#"{"events":[],"reset":true,"last_seq":3,"more":false}"#,
        );
        roundtrip(&InboxFrame::Snapshot { dialogs: vec![] }, r#"{"type":"snapshot","dialogs":[]}"#);
    }

    #[test]
    fn snapshot_login() {
        roundtrip(
            &LoginRequest { workspace: "demo".into(), email: "a@b".into(), password: "p".into() },
            r#"{"workspace":"demo","email":"a@b","password":"p"}"#,
        );
        roundtrip(
            &LoginReply {
                token: "t".into(),
                workspace: WorkspaceId::parse("demo").unwrap(),
                agent: AgentProfile {
                    id: AgentId::parse("a_1").unwrap(),
                    name: "Ana".into(),
                    email: "a@b".into(),
                    role: Role::Admin,
                    presence: Presence::Online,
                },
            },
            r#"{"token":"t","workspace":"demo","agent":{"id":"a_1","name":"Ana","email":"a@b","role":"admin","presence":"online"}}"#,
        );
    }

    #[test]
    fn snapshot_chat_names() {
        roundtrip(&RenameChat { name: "Pedido Arco".into() }, r#"{"name":"Pedido Arco"}"#);
        let name =
            ChatName { dialog_id: DialogId::parse("web-v_1").unwrap(), name: "Pedido Arco".into() };
        roundtrip(&name, r#"{"dialog_id":"web-v_1","name":"Pedido Arco"}"#);
        roundtrip(
            &ChatNamesReply { names: vec![name] },
            r#"{"names":[{"dialog_id":"web-v_1","name":"Pedido Arco"}]}"#,
        );
    }

    #[test]
    fn snapshot_typing_frames() {
        roundtrip(&TypingUpdate { typing: true, note: false }, r#"{"typing":true}"#);
        roundtrip(&TypingUpdate { typing: false, note: true }, r#"{"typing":false,"note":true}"#);
        roundtrip(
            &TypingFrame {
                typist: crate::event::Actor::Agent {
                    id: AgentId::parse("a_1").unwrap(),
                    name: "Ana".into(),
                },
                typing: true,
            },
            r#"{"typist":{"kind":"agent","id":"a_1","name":"Ana"},"typing":true}"#,
        );
        // A typing frame is not an events frame, so clients reading either can tell them apart.
        assert!(serde_json::from_str::<EventsFrame>(
            r#"{"typist":{"kind":"system"},"typing":true}"#
        )
        .is_err());
    }

    #[test]
    fn requests_refuse_unknown_fields() {
        assert!(serde_json::from_str::<LoginRequest>(
            r#"{"workspace":"demo","email":"a","password":"p","admin":true}"#
        )
        .is_err());
    }
}
