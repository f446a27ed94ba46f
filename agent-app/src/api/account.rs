//! Signing in and one's own account: the calls behind the login, first-run setup and
//! invitation screens, the account menu (logout, change password) and the start-up check
//! (`/api/agent/session`). Each answer that signs in comes with the HttpOnly session cookie, which
//! the browser keeps; the app only keeps the `LoginReply` (workspace and profile) in memory.

use super::http::{done, encode, get, send, ApiError};
use gloo_net::http::Request;
use openline_core::protocol::{
    AcceptInvite, InvitePreview, LoginReply, LoginRequest, PasswordChange, SessionStatus,
    SetupRequest, SetupStatus,
};

/// `POST /api/agent/login`: 401 `invalid_credentials` for a wrong workspace, email or password.
pub async fn login(request: &LoginRequest) -> Result<LoginReply, ApiError> {
    send(Request::post("/api/agent/login"), Some(request)).await
}

/// `GET /api/agent/session`: who the session cookie signs in, if anyone (no 401 for no one).
pub async fn session() -> Result<SessionStatus, ApiError> {
    get("/api/agent/session").await
}

/// `POST /api/agent/logout`: the session ends (the cookie no longer signs anyone in).
pub async fn logout() -> Result<(), ApiError> {
    done(Request::post("/api/agent/logout")).await
}

/// `PUT /api/agent/password`: 403 `wrong_password`, 400 `weak_password`. The agent's other
/// sessions end; this one stays.
pub async fn change_password(change: &PasswordChange) -> Result<(), ApiError> {
    send::<serde::de::IgnoredAny>(Request::put("/api/agent/password"), Some(change))
        .await
        .map(|_| ())
}

/// `GET /api/setup`: whether this installation still needs its first workspace.
pub async fn setup_status() -> Result<SetupStatus, ApiError> {
    get("/api/setup").await
}

/// `POST /api/setup`: the first workspace and its first admin, signed in.
pub async fn setup(request: &SetupRequest) -> Result<LoginReply, ApiError> {
    send(Request::post("/api/setup"), Some(request)).await
}

/// `GET /api/agent/invitation?code=`: what an invitation link offers (404 when it expired, was
/// used or revoked).
pub async fn invitation(code: &str) -> Result<InvitePreview, ApiError> {
    get(&format!("/api/agent/invitation?code={}", encode(code))).await
}

/// `POST /api/agent/invitation`: the invitee's password; they are signed in.
pub async fn accept_invitation(accept: &AcceptInvite) -> Result<LoginReply, ApiError> {
    send(Request::post("/api/agent/invitation"), Some(accept)).await
}
