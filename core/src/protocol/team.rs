//! Running the team: first-run setup, passwords, invitations, roles and API tokens (the edge's
//! `team_api`).

use crate::auth::Role;
use crate::ids::{AgentId, WorkspaceId};
use serde::{Deserialize, Serialize};

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

/// `GET /api/agent/sign-in-locks`: the accounts and networks that must wait before their next
/// sign-in (`core::sign_in`), longest wait first. An admin clears one with
/// `DELETE /api/agent/sign-in-locks?kind=account|network&key=K`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInLocksReply {
    pub locks: Vec<crate::sign_in::Lock>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokensReply {
    pub tokens: Vec<ApiTokenInfo>,
}
