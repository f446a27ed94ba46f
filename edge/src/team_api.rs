//! Accounts and the team (issue 4): first-run setup, sign in and out, passwords, invitations,
//! roles, removal, API tokens. Sessions live in the workspace; the browser holds them only as
//! an HttpOnly cookie.

use crate::auth::{self, AgentAuth};
use crate::error::{ApiError, ApiResult};
use crate::http::{json, query, read_json};
use crate::internal::{
    self, Acceptance, FirstAdmin, LoginCheck, PasswordUpdate, RegistryRequest, SessionGranted,
    TokenRequest, WorkspaceRequest,
};
use openline_core::auth::{digest, sign, Claims};
use openline_core::authz::Action;
use openline_core::protocol::{
    AcceptInvite, AgentUpdate, InviteRequest, LoginReply, LoginRequest, NewApiToken,
    PasswordChange, SessionStatus, SetupRequest,
};
use openline_core::sign_in::KeyKind;
use openline_core::ErrorCode;
use openline_core::{AgentId, WorkspaceId};
use worker::{Env, Method, Request, Response};

/// The signed-in reply with the session cookie.
fn signed_in(env: &Env, workspace: WorkspaceId, granted: SessionGranted) -> ApiResult<Response> {
    let claims = Claims::Agent {
        ws: workspace.clone(),
        a: granted.agent.id.clone(),
        s: granted.session,
        exp: granted.expires_at,
    };
    let token = sign(&auth::secret(env)?, &claims);
    let cookie = auth::session_cookie(Some(&token), granted.expires_at - auth::now_ms());
    with_cookie(json(&LoginReply { workspace, agent: granted.agent })?, &cookie)
}

fn with_cookie(response: Response, cookie: &str) -> ApiResult<Response> {
    let headers = response.headers().clone();
    headers.set("set-cookie", cookie)?;
    Ok(response.with_headers(headers))
}

pub async fn login(mut req: Request, env: &Env) -> ApiResult<Response> {
    auth::check_sign_in_request(&req)?;
    let body: LoginRequest = read_json(&mut req).await?;
    let workspace =
        WorkspaceId::parse(body.workspace.trim()).ok_or(ApiError::InvalidCredentials)?;
    let network = auth::network(&req, env)?;
    let check = LoginCheck { email: body.email, password: body.password, network };
    let object = internal::workspace(env, &workspace)?;
    let granted = object.call(&WorkspaceRequest::Login(check)).await?;
    signed_in(env, workspace, granted)
}

pub async fn setup_status(env: &Env) -> ApiResult<Response> {
    internal::registry(env)?.send(&RegistryRequest::Status).await
}

/// First run: the workspace and its first admin, only while the installation has none.
pub async fn setup(mut req: Request, env: &Env) -> ApiResult<Response> {
    auth::check_sign_in_request(&req)?;
    let body: SetupRequest = read_json(&mut req).await?;
    let workspace = WorkspaceId::parse(body.workspace.trim()).ok_or_else(|| {
        ApiError::bad_request(
            ErrorCode::InvalidWorkspace,
            "A workspace id has 1 to 64 letters, digits, _ or -.",
        )
    })?;
    if let Some(problem) = openline_core::auth::password_problem(&body.password) {
        return Err(ApiError::bad_request(ErrorCode::WeakPassword, problem));
    }
    let claim = RegistryRequest::Claim { workspace: workspace.clone() };
    internal::registry(env)?.call::<serde_json::Value>(&claim).await?;
    let admin = FirstAdmin { name: body.name, email: body.email, password: body.password };
    let object = internal::workspace(env, &workspace)?;
    let granted = object.call(&WorkspaceRequest::Setup(admin)).await?;
    signed_in(env, workspace, granted)
}

pub async fn me(req: Request, env: &Env) -> ApiResult<Response> {
    json(&signed_in_agent(&req, env).await?)
}

/// The app's start-up question: like `me`, with "no one" as an answer instead of a 401.
pub async fn session(req: Request, env: &Env) -> ApiResult<Response> {
    let signed_in = match signed_in_agent(&req, env).await {
        Ok(reply) => Some(reply),
        Err(ApiError::Unauthorized) => None,
        Err(e) => return Err(e),
    };
    json(&SessionStatus { signed_in })
}

async fn signed_in_agent(req: &Request, env: &Env) -> ApiResult<LoginReply> {
    let who = auth::agent(req, env).await?;
    who.permit(Action::OwnAccount)?;
    let object = internal::workspace(env, &who.workspace)?;
    let agent = object.call(&WorkspaceRequest::Agent { id: who.agent }).await?;
    Ok(LoginReply { workspace: who.workspace, agent })
}

pub async fn logout(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    if let Some(session) = who.session() {
        let request = WorkspaceRequest::Logout { session: session.to_owned() };
        internal::workspace(env, &who.workspace)?.call::<serde_json::Value>(&request).await?;
    }
    with_cookie(json(&serde_json::json!({}))?, &auth::session_cookie(None, 0))
}

pub async fn change_password(mut req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    let body: PasswordChange = read_json(&mut req).await?;
    let session = who.session().map(str::to_owned).ok_or(ApiError::Forbidden(
        ErrorCode::SessionRequired,
        "Passwords are changed in the app, not with an API token.",
    ))?;
    let update = PasswordUpdate { agent: who.agent, session, current: body.current, new: body.new };
    internal::workspace(env, &who.workspace)?.send(&WorkspaceRequest::Password(update)).await
}

pub async fn invites(mut req: Request, env: &Env, id: Option<&str>) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ManageTeam)?;
    let request = match (req.method(), id) {
        (Method::Get, None) => WorkspaceRequest::Invites,
        (Method::Post, None) => {
            let invite: InviteRequest = read_json(&mut req).await?;
            WorkspaceRequest::Invite {
                workspace: who.workspace.clone(),
                invite,
                by: who.agent.clone(),
            }
        }
        (Method::Delete, Some(id)) if openline_core::ids::is_valid_id(id) => {
            WorkspaceRequest::RevokeInvite { id: id.to_owned() }
        }
        _ => return Err(ApiError::NotFound("invitation")),
    };
    internal::workspace(env, &who.workspace)?.send(&request).await
}

/// The workspace an invitation code names (`<workspace>.<secret>`).
fn invitation_workspace(code: &str) -> ApiResult<WorkspaceId> {
    code.split_once('.')
        .and_then(|(workspace, _)| WorkspaceId::parse(workspace))
        .ok_or(ApiError::NotFound("invitation"))
}

pub async fn invitation(mut req: Request, env: &Env) -> ApiResult<Response> {
    if req.method() == Method::Get {
        let code = query(&req, "code")?.unwrap_or_default();
        let workspace = invitation_workspace(&code)?;
        let object = internal::workspace(env, &workspace)?;
        let request = WorkspaceRequest::PreviewInvitation { workspace, code_hash: digest(&code) };
        return object.send(&request).await;
    }
    auth::check_sign_in_request(&req)?;
    let body: AcceptInvite = read_json(&mut req).await?;
    let workspace = invitation_workspace(&body.code)?;
    let acceptance = Acceptance { code_hash: digest(&body.code), password: body.password };
    let object = internal::workspace(env, &workspace)?;
    let granted = object.call(&WorkspaceRequest::AcceptInvitation(acceptance)).await?;
    signed_in(env, workspace, granted)
}

/// An admin changes a colleague's role or removes them (never themselves).
pub async fn agent(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ManageTeam)?;
    let target = AgentId::parse(id).ok_or(ApiError::NotFound("agent"))?;
    who.permit(Action::ManageAgent(&target))?;
    let request = if req.method() == Method::Delete {
        WorkspaceRequest::RemoveAgent { id: target }
    } else {
        let update: AgentUpdate = read_json(&mut req).await?;
        WorkspaceRequest::UpdateAgent { id: target, update }
    };
    internal::workspace(env, &who.workspace)?.send(&request).await
}

pub async fn api_tokens(mut req: Request, env: &Env, id: Option<&str>) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ManageApiTokens)?;
    let request = match (req.method(), id) {
        (Method::Get, None) => WorkspaceRequest::ApiTokens,
        (Method::Post, None) => {
            let body: NewApiToken = read_json(&mut req).await?;
            WorkspaceRequest::CreateApiToken(TokenRequest {
                workspace: who.workspace.clone(),
                agent: who.agent,
                name: body.name,
            })
        }
        (Method::Delete, Some(id)) if openline_core::ids::is_valid_id(id) => {
            WorkspaceRequest::RevokeApiToken { id: id.to_owned() }
        }
        _ => return Err(ApiError::NotFound("API token")),
    };
    internal::workspace(env, &who.workspace)?.send(&request).await
}

/// The accounts and networks that must wait before signing in again, or (DELETE) one of them
/// let in again.
pub async fn sign_in_locks(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ManageTeam)?;
    let request = match req.method() {
        Method::Delete => {
            let kind = query(&req, "kind")?.as_deref().and_then(KeyKind::parse);
            let key = query(&req, "key")?.filter(|k| !k.is_empty());
            let (Some(kind), Some(key)) = (kind, key) else {
                return Err(ApiError::bad_request(
                    ErrorCode::InvalidSettings,
                    "Say which lock: ?kind=account|network&key=….",
                ));
            };
            WorkspaceRequest::ClearSignInLock { kind, key }
        }
        _ => WorkspaceRequest::SignInLocks,
    };
    internal::workspace(env, &who.workspace)?.send(&request).await
}

/// A channel's identity secret (W6): read it, or (POST) replace it.
pub async fn identity_secret(req: Request, env: &Env, channel: &str) -> ApiResult<Response> {
    let who: AgentAuth = auth::agent(&req, env).await?;
    who.permit(Action::ConfigureChannels)?;
    let channel = openline_core::ChannelId::parse(channel).ok_or(ApiError::NotFound("channel"))?;
    let rotate = req.method() == Method::Post;
    let request = WorkspaceRequest::IdentitySecret { channel, rotate };
    internal::workspace(env, &who.workspace)?.send(&request).await
}
