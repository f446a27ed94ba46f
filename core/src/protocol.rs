//! Wire types: every HTTP body and WebSocket frame. The UIs and the edge share these; there is
//! no second definition of any message shape.
//!
//! Routes: every one is listed in `ROUTES` below with who may call it (the edge's router and
//! the adversarial test suite both read that table). All bodies are JSON; errors are
//! `ErrorBody` with a 4xx/5xx status.
//!
//! Agents authenticate with the session cookie set by login, setup or accepting an invite
//! (`openline_session`: HttpOnly, Secure, SameSite=Strict). A request that changes something
//! with that cookie must also send `X-Openline-Csrf: 1`, which no other site's page can send
//! without a CORS preflight the edge never grants; WebSockets check the `Origin` instead.
//! Integrations use an admin-made API token (`Authorization: Bearer olk_…`) in its place.
//! Widgets send their visitor token as `Authorization: Bearer …`.
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
use crate::contact::{FormField, RatingScale};
use crate::conversation::Command;
use crate::event::Event;
use crate::ids::{AgentId, ChannelId, CommandId, DialogId, VisitorId, WorkspaceId};
use crate::inbox::DialogSummary;
use crate::routing::Presence;
use serde::{Deserialize, Serialize};

/// `{ "error": { "code", "message" } }`, the body of every error reply. The code is an
/// `ErrorCode` (`ErrorBody<ErrorCode>`), written as its snake_case string; a code a client does
/// not know reads as `ErrorCode::Unknown`.
///
/// `C` defaults to `String` only while the agent app still reads codes as strings (issue 14):
/// the edge, the widget and the tests name `ErrorBody<ErrorCode>`. Both read the same JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody<C = String> {
    pub error: ErrorDetail<C>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail<C = String> {
    pub code: C,
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
    /// The origin of the page the widget is embedded in, as the loader saw it; checked
    /// against the channel's allowed origins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The host site's signed identity for a logged-in user (W6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<VisitorIdentity>,
}

/// `hash` = hex(HMAC-SHA256(key = the channel's identity secret, message = `user_id`)),
/// computed by the host site's server. A verified user is the same visitor on every device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitorIdentity {
    pub user_id: String,
    pub hash: String,
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
    /// The pre-chat form's fields (W4); empty: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prechat: Vec<FormField>,
    /// Someone can answer now; when not, and `offline_form`, the widget offers the offline form.
    #[serde(default = "yes")]
    pub available: bool,
    #[serde(default)]
    pub offline_form: bool,
    /// How to ask for a rating when a conversation ends (W4).
    #[serde(default)]
    pub rating: RatingScale,
    /// The channel's colour (W5).
    #[serde(default)]
    pub look: crate::look::Look,
}

impl ChannelInfo {
    /// The form the customer fills before writing now (W4).
    pub fn intake(&self) -> crate::contact::Intake<'_> {
        crate::contact::intake(&self.prechat, self.offline_form, self.available)
    }
}

fn yes() -> bool {
    true
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
/// The signed-in agent. The session itself travels only in the HttpOnly cookie.
pub struct LoginReply {
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

/// `GET /api/setup`: whether this installation still needs its first workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupStatus {
    pub needed: bool,
}

/// `POST /api/setup`: the first workspace and its first admin (only while none exists).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    pub workspace: String,
    pub name: String,
    pub email: String,
    pub password: String,
}

/// `PUT /api/agent/password`. The agent's other sessions end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

/// `POST /api/agent/invites` (admin): invite a colleague by email.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// A pending invitation. Its code is shown once, when it is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invite {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub expires_at: i64,
}

/// The new invitation and its one-time code: the link is `/app/#invite=<code>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteCreated {
    pub invite: Invite,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitesReply {
    pub invites: Vec<Invite>,
}

/// `GET /api/agent/invitation?code=…`: what the invite link offers, before accepting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitePreview {
    pub workspace: WorkspaceId,
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// `POST /api/agent/invitation`: the invitee sets a password and is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvite {
    pub code: String,
    pub password: String,
}

/// `PUT /api/agent/agents/{id}` (admin): change a colleague's role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentUpdate {
    pub role: Role,
}

/// `POST /api/agent/api-tokens` (admin).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewApiToken {
    pub name: String,
}

/// An API token as listed: never the secret, which only its creator saw once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenInfo {
    pub id: String,
    pub name: String,
    /// The admin the token acts as.
    pub agent: AgentId,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenCreated {
    pub token: ApiTokenInfo,
    /// `olk_…`: send as `Authorization: Bearer olk_…`. Shown once.
    pub secret: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokensReply {
    pub tokens: Vec<ApiTokenInfo>,
}

/// `GET|POST /api/agent/channels/{id}/identity-secret` (admin; POST makes a new one): the key
/// the host site signs its users' ids with (W6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentitySecret {
    pub secret: String,
}

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone (login, setup, opening a widget session, invitation links).
    Public,
    /// A widget's visitor token.
    Visitor,
    /// Any agent of the workspace (session cookie or API token).
    Agent,
    /// Admins only.
    Admin,
    /// Only when the edge runs with `OPENLINE_DEV_SEED=true`.
    Dev,
}

/// One API route: method, path (`{id}` is one path segment), who may call it, and what the
/// body and reply are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    /// A WebSocket upgrade.
    pub socket: bool,
    pub summary: &'static str,
}

const fn route(
    method: &'static str,
    path: &'static str,
    access: Access,
    summary: &'static str,
) -> Route {
    Route { method, path, access, socket: false, summary }
}

const fn socket(path: &'static str, access: Access, summary: &'static str) -> Route {
    Route { method: "GET", path, access, socket: true, summary }
}

/// Every API route of the edge.
pub const ROUTES: &[Route] = &[
    route("GET", "/api/health", Access::Public, "→ `ok`"),
    route("GET", "/api/setup", Access::Public, "→ `SetupStatus`"),
    route(
        "POST",
        "/api/setup",
        Access::Public,
        "`SetupRequest` → `LoginReply` + cookie (first run only)",
    ),
    route(
        "POST",
        "/api/widget/session",
        Access::Public,
        "`WidgetSessionRequest` → `WidgetSession`",
    ),
    route("GET", "/api/widget/events", Access::Visitor, "`?after=N` → `EventsFrame`"),
    route("POST", "/api/widget/commands", Access::Visitor, "`CommandRequest` → `CommandReply`"),
    route(
        "POST",
        "/api/widget/files",
        Access::Visitor,
        "`?name=N`, the file's bytes → `FileRef` (C1; attach its id to a `Post`)",
    ),
    socket(
        "/api/widget/socket",
        Access::Visitor,
        "`?token=T&after=N`: `EventsFrame`s and `TypingFrame`s; sends `TypingUpdate`s",
    ),
    route("POST", "/api/agent/login", Access::Public, "`LoginRequest` → `LoginReply` + cookie"),
    route("GET", "/api/agent/invitation", Access::Public, "`?code=C` → `InvitePreview`"),
    route(
        "POST",
        "/api/agent/invitation",
        Access::Public,
        "`AcceptInvite` → `LoginReply` + cookie",
    ),
    route("POST", "/api/agent/logout", Access::Agent, "→ `{}`, the session ends"),
    route("GET", "/api/agent/me", Access::Agent, "→ `LoginReply`"),
    route("PUT", "/api/agent/password", Access::Agent, "`PasswordChange` → `{}`"),
    route("GET", "/api/agent/inbox", Access::Agent, "→ `InboxFrame::Snapshot`"),
    socket("/api/agent/inbox/socket", Access::Agent, "`InboxFrame`s"),
    route("GET", "/api/agent/agents", Access::Agent, "→ `AgentsReply`"),
    route("PUT", "/api/agent/agents/{id}", Access::Admin, "`AgentUpdate` → `AgentProfile`"),
    route(
        "DELETE",
        "/api/agent/agents/{id}",
        Access::Admin,
        "→ `{}`; their sessions and tokens end",
    ),
    route("GET", "/api/agent/invites", Access::Admin, "→ `InvitesReply`"),
    route("POST", "/api/agent/invites", Access::Admin, "`InviteRequest` → `InviteCreated`"),
    route("DELETE", "/api/agent/invites/{id}", Access::Admin, "→ `{}`"),
    route("GET", "/api/agent/api-tokens", Access::Admin, "→ `ApiTokensReply`"),
    route("POST", "/api/agent/api-tokens", Access::Admin, "`NewApiToken` → `ApiTokenCreated`"),
    route("DELETE", "/api/agent/api-tokens/{id}", Access::Admin, "→ `{}`"),
    route("PUT", "/api/agent/presence", Access::Agent, "`PresenceRequest` → `AgentProfile`"),
    route("GET", "/api/agent/channels", Access::Agent, "→ `ChannelsReply`"),
    route("POST", "/api/agent/channels", Access::Admin, "`NewChannel` → `ChannelSettings`"),
    route(
        "PUT",
        "/api/agent/channels/{id}",
        Access::Admin,
        "`ChannelSettings` → `ChannelSettings`",
    ),
    route("GET", "/api/agent/channels/{id}/identity-secret", Access::Admin, "→ `IdentitySecret`"),
    route(
        "POST",
        "/api/agent/channels/{id}/identity-secret",
        Access::Admin,
        "→ a new `IdentitySecret`",
    ),
    route("GET", "/api/agent/canned", Access::Agent, "→ `CannedReply`"),
    route("POST", "/api/agent/canned", Access::Agent, "`CannedInput` → `CannedResponse`"),
    route("PUT", "/api/agent/canned/{id}", Access::Agent, "`CannedInput` → `CannedResponse`"),
    route("DELETE", "/api/agent/canned/{id}", Access::Agent, "→ `{}`"),
    route("GET", "/api/agent/dialogs/{id}/events", Access::Agent, "`?after=N` → `EventsFrame`"),
    route(
        "POST",
        "/api/agent/dialogs/{id}/commands",
        Access::Agent,
        "`CommandRequest` → `CommandReply`",
    ),
    socket(
        "/api/agent/dialogs/{id}/socket",
        Access::Agent,
        "`?after=N`: `EventsFrame`s and `TypingFrame`s; sends `TypingUpdate`s",
    ),
    route(
        "POST",
        "/api/agent/dialogs/{id}/files",
        Access::Agent,
        "`?name=N`, the file's bytes → `FileRef` (C1; attach its id to a `Post`)",
    ),
    route(
        "GET",
        "/api/files/{id}",
        Access::Public,
        "a signed, expiring download link from a `FileRef`: the file (C1)",
    ),
    route(
        "GET",
        "/api/agent/dialog-names",
        Access::Agent,
        "→ `ChatNamesReply` (my own chat names)",
    ),
    route("PUT", "/api/agent/dialogs/{id}/name", Access::Agent, "`RenameChat` → `ChatName` (C3)"),
    route("POST", "/api/dev/seed", Access::Dev, "`DevSeedRequest` → `{ \"created\": bool }`"),
];

/// The route `method path` matches, if any; `{id}` matches one non-empty segment.
pub fn find_route(method: &str, path: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|r| r.method == method && path_matches(r.path, path))
}

/// Whether some route has this path under another method (a 405 rather than a 404).
pub fn path_known(path: &str) -> bool {
    ROUTES.iter().any(|r| path_matches(r.path, path))
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let mut pattern = pattern.trim_matches('/').split('/');
    let mut path = path.trim_matches('/').split('/');
    loop {
        match (pattern.next(), path.next()) {
            (None, None) => return true,
            (Some("{id}"), Some(segment)) if !segment.is_empty() => {}
            (Some(expected), Some(segment)) if expected == segment => {}
            _ => return false,
        }
    }
}

/// The paths of the `ROUTES` that name something (`{id}`), for clients: one place spells them.
/// A test checks each against `ROUTES`. Ids go in as they are: every valid id is URL-safe
/// (`ids::is_valid_id`), and the server answers any other with 404.
pub mod path {
    use crate::ids::{AgentId, ChannelId, DialogId};

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
    use crate::error_code::ErrorCode;

    fn roundtrip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
        value: &T,
        json: &str,
    ) {
        assert_eq!(serde_json::to_string(value).unwrap(), json);
        assert_eq!(&serde_json::from_str::<T>(json).unwrap(), value);
    }

    #[test]
    fn snapshot_error_body() {
        let json = r#"{"error":{"code":"not_found","message":"No such dialog."}}"#;
        roundtrip(
            &ErrorBody {
                error: ErrorDetail { code: ErrorCode::NotFound, message: "No such dialog.".into() },
            },
            json,
        );
        // The agent app's string-coded reading of the same body (until it reads `ErrorCode`).
        roundtrip(
            &ErrorBody {
                error: ErrorDetail {
                    code: "not_found".to_owned(),
                    message: "No such dialog.".into(),
                },
            },
            json,
        );
        // A newer server's code still reads, as `Unknown`, with its message.
        let newer: ErrorBody<ErrorCode> =
            serde_json::from_str(r#"{"error":{"code":"invented_later","message":"Later."}}"#)
                .unwrap();
        assert_eq!(newer.error.code, ErrorCode::Unknown);
        assert_eq!(newer.error.message, "Later.");
    }

    #[test]
    fn snapshot_widget_session() {
        roundtrip(
            &WidgetSessionRequest {
                channel: "demo.web".into(),
                visitor_token: None,
                host: None,
                identity: None,
            },
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
                    prechat: vec![crate::contact::FormField {
                        field: crate::contact::ContactField::Email,
                        required: true,
                    }],
                    available: false,
                    offline_form: true,
                    rating: RatingScale::Stars,
                    look: crate::look::Look::default(),
                },
            },
            r##"{"visitor_token":"t","visitor_id":"v_1","dialog_id":"web-v_1","channel":{"id":"web","name":"Website","greeting":"Hi!","prechat":[{"field":"email","required":true}],"available":false,"offline_form":true,"rating":"stars","look":{"color":"#1f5eff","position":"right","icon":"chat"}}}"##,
        );
        // What older servers sent still reads, as an always-available channel.
        let old: ChannelInfo =
            serde_json::from_str(r#"{"id":"web","name":"Website","greeting":"Hi!"}"#).unwrap();
        assert!(old.available && old.prechat.is_empty());
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
                workspace: WorkspaceId::parse("demo").unwrap(),
                agent: AgentProfile {
                    id: AgentId::parse("a_1").unwrap(),
                    name: "Ana".into(),
                    email: "a@b".into(),
                    role: Role::Admin,
                    presence: Presence::Online,
                },
            },
            r#"{"workspace":"demo","agent":{"id":"a_1","name":"Ana","email":"a@b","role":"admin","presence":"online"}}"#,
        );
    }

    #[test]
    fn routes_match_their_patterns_only() {
        let found = find_route("POST", "/api/agent/dialogs/web-v_1/commands").unwrap();
        assert_eq!(found.access, Access::Agent);
        assert!(find_route("GET", "/api/agent/dialogs/web-v_1/commands").is_none());
        assert!(path_known("/api/agent/dialogs/web-v_1/commands"));
        assert!(!path_known("/api/agent/dialogs//commands"));
        assert!(!path_known("/api/agent/dialogs/x/commands/more"));
        assert_eq!(find_route("DELETE", "/api/agent/agents/a_1").unwrap().access, Access::Admin);
        // Each (method, path) is listed once.
        for (i, a) in ROUTES.iter().enumerate() {
            assert!(ROUTES[i + 1..].iter().all(|b| (a.method, a.path) != (b.method, b.path)));
        }
    }

    #[test]
    fn every_path_builder_names_a_route() {
        let agent = AgentId::parse("a_1").unwrap();
        let channel = ChannelId::parse("web").unwrap();
        let dialog = DialogId::parse("web-v_1").unwrap();
        let built = [
            ("PUT", path::agent(&agent), "/api/agent/agents/{id}"),
            ("DELETE", path::agent(&agent), "/api/agent/agents/{id}"),
            ("DELETE", path::invite("inv_1"), "/api/agent/invites/{id}"),
            ("DELETE", path::api_token("tok_1"), "/api/agent/api-tokens/{id}"),
            ("PUT", path::channel(&channel), "/api/agent/channels/{id}"),
            ("GET", path::identity_secret(&channel), "/api/agent/channels/{id}/identity-secret"),
            ("POST", path::identity_secret(&channel), "/api/agent/channels/{id}/identity-secret"),
            ("PUT", path::canned("c_1"), "/api/agent/canned/{id}"),
            ("DELETE", path::canned("c_1"), "/api/agent/canned/{id}"),
            ("GET", path::dialog_events(&dialog), "/api/agent/dialogs/{id}/events"),
            ("POST", path::dialog_commands(&dialog), "/api/agent/dialogs/{id}/commands"),
            ("GET", path::dialog_socket(&dialog), "/api/agent/dialogs/{id}/socket"),
            ("POST", path::dialog_files(&dialog), "/api/agent/dialogs/{id}/files"),
            ("PUT", path::dialog_name(&dialog), "/api/agent/dialogs/{id}/name"),
            ("GET", path::file("t"), "/api/files/{id}"),
        ];
        for (method, path, pattern) in built {
            let route = find_route(method, &path).unwrap_or_else(|| panic!("{method} {path}"));
            assert_eq!(route.path, pattern, "{method} {path}");
        }
        assert_eq!(path::dialog_events(&dialog), "/api/agent/dialogs/web-v_1/events");
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
