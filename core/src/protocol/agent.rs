//! The agent app's bodies besides the dialog itself: signing in, the signed-in agent and their
//! colleagues, presence, channels and the identity secret, canned responses, chat names.

use crate::auth::Role;
use crate::canned::CannedResponse;
use crate::channel::ChannelSettings;
use crate::ids::{AgentId, ChannelId, DialogId, WorkspaceId};
use crate::routing::Presence;
use serde::{Deserialize, Serialize};

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

/// `GET /api/agent/session`: who the session cookie signs in, if anyone: the app's first
/// question on every load. Unlike `GET /api/agent/me`, "no one" is an answer here, not a 401:
/// before sign-in it is the usual case, and browsers log every 401 as an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionStatus {
    /// `None` without a session (never signed in, signed out, ended or expired).
    pub signed_in: Option<LoginReply>,
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

/// The workspace's agents, for the transfer and invite pickers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentsReply {
    pub agents: Vec<AgentProfile>,
}

/// `GET|POST /api/agent/channels/{id}/identity-secret` (admin; POST makes a new one): the key
/// the host site signs its users' ids with (W6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentitySecret {
    pub secret: String,
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
