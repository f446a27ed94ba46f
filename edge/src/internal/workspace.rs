//! `WorkspaceRequest`: every call to a Workspace object, and the bodies only these calls use.

use openline_core::access::Access;
use openline_core::canned::CannedInput;
use openline_core::channel::ChannelSettings;
use openline_core::inbox::{DialogSummary, InboxCursor, InboxList};
use openline_core::protocol::{
    AgentProfile, AgentUpdate, DevInboxRows, DevSeedRequest, InviteRequest, NewChannel, RenameChat,
    VisitorIdentity,
};
use openline_core::{AgentId, ChannelId, DialogId, VisitorId, WorkspaceId};
use serde::{Deserialize, Serialize};

/// One variant per call to a Workspace object; the comment says what it answers.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
// A request lives for one call; boxing the larger bodies would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum WorkspaceRequest {
    // Sign-in, sessions and the team (`workspace/team.rs`, `workspace/directory.rs`).
    /// Development only: the demo workspace → `{ "created": bool }`.
    Seed(DevSeedRequest),
    /// → `SessionGranted`.
    Login(LoginCheck),
    /// → `Identity`: the agent of the live session or API token, and that access.
    Whoami(Credential),
    /// The session ends → `{}`.
    Logout { session: String },
    /// → `{}`; the agent's other sessions end.
    Password(PasswordUpdate),
    /// The first admin of a new workspace → `SessionGranted`.
    Setup(FirstAdmin),
    /// → `InvitesReply`.
    Invites,
    /// → `InviteCreated`; the code names `workspace`. The invitation ends when `by` leaves.
    Invite { workspace: WorkspaceId, invite: InviteRequest, by: AgentId },
    /// → `{}`.
    RevokeInvite { id: String },
    /// The invitation with this code hash → `InvitePreview` naming `workspace`.
    PreviewInvitation { workspace: WorkspaceId, code_hash: String },
    /// → `SessionGranted`.
    AcceptInvitation(Acceptance),
    /// → `AgentsReply`.
    Agents,
    /// → `AgentProfile`, or 404.
    Agent { id: AgentId },
    /// A new role → `AgentProfile`.
    UpdateAgent { id: AgentId, update: AgentUpdate },
    /// → `{}`; their sessions, tokens, sockets and invitations end.
    RemoveAgent { id: AgentId },
    /// → `AgentProfile`; offers follow (Q13).
    Presence(PresenceChange),
    /// → `ApiTokensReply`.
    ApiTokens,
    /// → `ApiTokenCreated`.
    CreateApiToken(TokenRequest),
    /// → `{}`.
    RevokeApiToken { id: String },
    /// → `SignInLocksReply`.
    SignInLocks,
    /// That account or network may sign in again → `{}`.
    ClearSignInLock { kind: openline_core::sign_in::KeyKind, key: String },

    // Who may open a chat (`workspace/access.rs`).
    /// → `ChannelInfo`, or a refusal.
    Admit(Admission),
    /// Every customer call after the session opened: may this visitor still read or write,
    /// as the channel is now? → `Standing`, or a refusal.
    Standing(StandingCheck),
    /// → `{}`.
    Block(BlockChange),
    /// The channel's identity secret, a new one when `rotate` → `IdentitySecret`.
    IdentitySecret { channel: ChannelId, rotate: bool },

    // Channels, canned responses, chat names.
    /// → `ChannelsReply`.
    Channels,
    /// One open channel's settings → `ChannelSettings`, or 404.
    Settings { channel: ChannelId },
    /// → `ChannelSettings`.
    CreateChannel(NewChannel),
    /// → `ChannelSettings`.
    SaveChannel(ChannelSettings),
    /// → `CannedReply`.
    Canned,
    /// → `CannedResponse`.
    CreateCanned(CannedInput),
    /// → `CannedResponse`.
    ReplaceCanned { id: String, input: CannedInput },
    /// → `{}`.
    DeleteCanned { id: String },
    /// `agent`'s own chat names → `ChatNamesReply`.
    ChatNames { agent: AgentId },
    /// → `ChatName`.
    RenameChat { agent: AgentId, dialog: DialogId, rename: RenameChat },

    // The inbox (`workspace/inbox.rs`).
    /// A dialog's new summary; `workspace` is this object's own id → `{ "ok": true }`.
    Summary { workspace: WorkspaceId, summary: DialogSummary },
    /// `agent`'s first page of each list → `InboxFrame::Snapshot`.
    Inbox { agent: AgentId },
    /// `agent`'s rows of `list` after `after` (none: from the top) → `InboxPage`.
    InboxPage { agent: AgentId, list: InboxList, after: Option<InboxCursor> },
    /// Development only: rows as dialogs would report them, with their activity → `{}`.
    SeedInbox(DevInboxRows),
    /// A WebSocket upgrade: `agent`'s inbox socket, which makes them available for offers;
    /// refused (401) when `access` ended meanwhile, closed when it ends.
    Socket { agent: AgentId, access: Access },
    /// `access` is about to open a socket on `dialog` (this workspace is `workspace`): it is
    /// recorded, so the socket closes when the access ends → `{}`, or 401 when it ended.
    HoldDialog { workspace: WorkspaceId, access: Access, dialog: DialogId },
}

/// `WorkspaceRequest::Presence`.
#[derive(Debug, Serialize, Deserialize)]
pub struct PresenceChange {
    pub agent: AgentId,
    pub presence: openline_core::routing::Presence,
}

/// `WorkspaceRequest::Login`.
#[derive(Debug, Serialize, Deserialize)]
pub struct LoginCheck {
    pub email: String,
    pub password: String,
    /// The caller's network tag (`auth::network`), when known: failures count against it.
    #[serde(default)]
    pub network: Option<String>,
}

/// A new agent session (login, setup, accepted invitation): the Worker signs it into the cookie.
#[derive(Debug, Serialize, Deserialize)]
pub struct SessionGranted {
    pub agent: AgentProfile,
    pub session: String,
    pub expires_at: i64,
}

/// The answer to `WorkspaceRequest::Whoami`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Identity {
    pub agent: AgentProfile,
    /// The session or API token checked, which every socket opened with it records.
    pub access: Access,
}

/// `WorkspaceRequest::Whoami`: what the caller presented, checked against the live sessions
/// and tokens.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Credential {
    Session { agent: AgentId, session: String },
    ApiToken { hash: String },
}

/// `WorkspaceRequest::Password`.
#[derive(Debug, Serialize, Deserialize)]
pub struct PasswordUpdate {
    pub agent: AgentId,
    pub session: String,
    pub current: String,
    pub new: String,
}

/// `WorkspaceRequest::Setup`: the first admin of a new workspace.
#[derive(Debug, Serialize, Deserialize)]
pub struct FirstAdmin {
    pub name: String,
    pub email: String,
    pub password: String,
}

/// `WorkspaceRequest::AcceptInvitation`: an invitee's password for the invitation with this
/// code hash.
#[derive(Debug, Serialize, Deserialize)]
pub struct Acceptance {
    pub code_hash: String,
    pub password: String,
}

/// `WorkspaceRequest::CreateApiToken`.
#[derive(Debug, Serialize, Deserialize)]
pub struct TokenRequest {
    pub workspace: WorkspaceId,
    pub agent: AgentId,
    pub name: String,
}

/// `WorkspaceRequest::Admit`: may this visitor open a chat on this channel from this site?
#[derive(Debug, Serialize, Deserialize)]
pub struct Admission {
    pub channel: ChannelId,
    pub visitor: VisitorId,
    pub network: Option<String>,
    pub host: Option<String>,
    pub identity: Option<VisitorIdentity>,
}

/// `WorkspaceRequest::Block`: a dialog blocked (or unblocked) its customer (Q6).
#[derive(Debug, Serialize, Deserialize)]
pub struct BlockChange {
    pub visitor: VisitorId,
    pub network: Option<String>,
    pub blocked: bool,
}

/// `WorkspaceRequest::Standing`: a customer's call, checked against the channel as it is now.
#[derive(Debug, Serialize, Deserialize)]
pub struct StandingCheck {
    pub channel: ChannelId,
    pub visitor: VisitorId,
    /// The network the call comes from (a block covers it).
    pub network: Option<String>,
    /// A write (a command or an upload) rather than a read (history, socket).
    pub writes: bool,
}

/// The answer to `StandingCheck` when the visitor may go on: what the Worker needs to enforce
/// on its side of the call.
#[derive(Debug, Serialize, Deserialize)]
pub struct Standing {
    /// The largest file the channel takes now, checked while an upload streams in.
    pub max_file_bytes: u64,
}
