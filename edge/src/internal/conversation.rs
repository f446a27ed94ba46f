//! `ConversationRequest`: every call to a Conversation object, and the dialog's owner as the
//! Worker names it.

use openline_core::access::{Access, AccessChange};
use openline_core::event::{AgentRef, ChannelRef};
use openline_core::protocol::CommandRequest;
use openline_core::{Actor, ChannelId, DialogId, Viewer, VisitorId, WorkspaceId};
use serde::{Deserialize, Serialize};

/// One variant per call to a Conversation object.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationRequest {
    /// → `CommandReply`, or the refusal.
    Command(DialogCommand),
    /// A file for the dialog; its bytes are the request's body (`Object::send_bytes`)
    /// → `FileRef`.
    Upload(UploadMeta),
    /// Whether the dialog exists (agents learn nothing of one that does not) → `{}`, or 404.
    Exists,
    /// One page of events after `after`, as `viewer` may see them → `EventsFrame`.
    Events { viewer: Viewer, after: Option<u64> },
    /// A WebSocket upgrade (`Object::forward_upgrade`): `EventsFrame`s from `after` for
    /// `viewer`; `actor` is who is on it, for the typing indicators it sends (W2); `access` is
    /// the agent's session or API token, refused when it ended, and closed when it ends.
    Socket { viewer: Viewer, after: Option<u64>, actor: Actor, access: Option<Access> },
    /// `change` closes the sockets opened under `accesses` (issue 15) → `{}`. Idempotent.
    EndAccess { accesses: Vec<Access>, change: AccessChange },
    /// The customer may no longer read the dialog (the channel's rules changed): their open
    /// sockets close with 1008 and `reason`'s code → `{}`.
    CloseCustomerSockets { reason: openline_core::ErrorCode },
}

/// Which customer a dialog belongs to. Stored by the dialog on its first command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogMeta {
    pub workspace: WorkspaceId,
    pub channel: ChannelId,
    pub visitor: VisitorId,
    pub dialog: DialogId,
    /// A keyed hash of the network address the customer wrote from (never the address), so
    /// blocking the customer (Q6) can block their network too.
    #[serde(default)]
    pub network: Option<String>,
}

/// `ConversationRequest::Command`.
#[derive(Debug, Serialize, Deserialize)]
pub struct DialogCommand {
    /// Known when a customer writes; agents only name an existing dialog.
    pub meta: Option<DialogMeta>,
    pub actor: Actor,
    pub viewer: Viewer,
    pub request: CommandRequest,
    /// The workspace's agents the command names, looked up by the Worker (see
    /// `Command::named_agent`); empty when it names none or the agent does not exist.
    #[serde(default)]
    pub directory: Vec<AgentRef>,
    /// Likewise for the open channel it names (see `Command::named_channel`).
    #[serde(default)]
    pub channels: Vec<ChannelRef>,
    /// The acting agent's role, as the workspace has it now (customers and the system: `Agent`).
    #[serde(default)]
    pub role: openline_core::auth::Role,
}

/// `ConversationRequest::Upload`.
#[derive(Debug, Serialize, Deserialize)]
pub struct UploadMeta {
    pub actor: Actor,
    /// Known when a customer uploads (as for their commands).
    pub meta: Option<DialogMeta>,
    /// The file's name as the uploader gave it.
    pub name: String,
}
