//! The admins' calls: the team (roles, removal, invitations, sign-ins on hold), API tokens and a channel's
//! identity secret (W6). The edge refuses them to other roles (403 `forbidden`) and refuses an
//! admin's change to their own account here (403 `not_on_yourself`).

use super::http::{done, encode, get, send, ApiError};
use gloo_net::http::Request;
use openline_core::auth::Role;
use openline_core::ids::{AgentId, ChannelId};
use openline_core::protocol::{
    path, AgentProfile, AgentUpdate, ApiTokenCreated, ApiTokenInfo, ApiTokensReply, IdentitySecret,
    Invite, InviteCreated, InviteRequest, InvitesReply, NewApiToken, SignInLocksReply,
};
use openline_core::sign_in::Lock;

/// `PUT /api/agent/agents/{id}`: a colleague's new role.
pub async fn set_role(agent: &AgentId, role: Role) -> Result<AgentProfile, ApiError> {
    send(Request::put(&path::agent(agent)), Some(&AgentUpdate { role })).await
}

/// `DELETE /api/agent/agents/{id}`: the colleague's sessions and tokens end.
pub async fn remove_agent(agent: &AgentId) -> Result<(), ApiError> {
    done(Request::delete(&path::agent(agent))).await
}

/// `GET /api/agent/invites`: the pending invitations.
pub async fn invites() -> Result<Vec<Invite>, ApiError> {
    Ok(get::<InvitesReply>("/api/agent/invites").await?.invites)
}

/// `POST /api/agent/invites`: a new invitation and its one-time code.
pub async fn create_invite(request: &InviteRequest) -> Result<InviteCreated, ApiError> {
    send(Request::post("/api/agent/invites"), Some(request)).await
}

/// `DELETE /api/agent/invites/{id}`: the link stops working.
pub async fn revoke_invite(id: &str) -> Result<(), ApiError> {
    done(Request::delete(&path::invite(&encode(id)))).await
}

/// `GET /api/agent/api-tokens`: never the secrets.
pub async fn api_tokens() -> Result<Vec<ApiTokenInfo>, ApiError> {
    Ok(get::<ApiTokensReply>("/api/agent/api-tokens").await?.tokens)
}

/// `POST /api/agent/api-tokens`: the new token and its secret, shown once.
pub async fn create_api_token(name: &str) -> Result<ApiTokenCreated, ApiError> {
    let body = NewApiToken { name: name.to_owned() };
    send(Request::post("/api/agent/api-tokens"), Some(&body)).await
}

/// `DELETE /api/agent/api-tokens/{id}`.
pub async fn revoke_api_token(id: &str) -> Result<(), ApiError> {
    done(Request::delete(&path::api_token(&encode(id)))).await
}

/// `GET /api/agent/sign-in-locks`: the accounts and networks waiting to sign in again.
pub async fn sign_in_locks() -> Result<Vec<Lock>, ApiError> {
    Ok(get::<SignInLocksReply>("/api/agent/sign-in-locks").await?.locks)
}

/// `DELETE /api/agent/sign-in-locks?kind=…&key=…`: that account or network may try now.
pub async fn clear_sign_in_lock(lock: &Lock) -> Result<(), ApiError> {
    let url =
        format!("/api/agent/sign-in-locks?kind={}&key={}", lock.kind.as_str(), encode(&lock.key));
    done(Request::delete(&url)).await
}

/// `GET /api/agent/channels/{id}/identity-secret`: the key the host site signs user ids with.
pub async fn identity_secret(channel: &ChannelId) -> Result<IdentitySecret, ApiError> {
    get(&path::identity_secret(channel)).await
}

/// `POST /api/agent/channels/{id}/identity-secret`: a new key; the old one stops working.
pub async fn new_identity_secret(channel: &ChannelId) -> Result<IdentitySecret, ApiError> {
    send(Request::post(&path::identity_secret(channel)), None::<&()>).await
}
