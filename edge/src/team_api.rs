//! Accounts and the team (issue 4): first-run setup, sign in and out, passwords, invitations,
//! roles, removal, API tokens. Sessions live in the workspace; the browser holds them only as
//! an HttpOnly cookie.

use crate::auth::{self, AgentAuth};
use crate::error::{ApiError, ApiResult};
use crate::http::{json, query, read_json};
use crate::internal::{
    self, Acceptance, FirstAdmin, LoginCheck, PasswordUpdate, SessionGranted, TokenRequest,
};
use openline_core::auth::{digest, sign, Claims};
use openline_core::authz::Action;
use openline_core::protocol::{
    AcceptInvite, AgentUpdate, InviteRequest, LoginReply, LoginRequest, NewApiToken,
    PasswordChange, SetupRequest,
};
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
    let body: LoginRequest = read_json(&mut req).await?;
    let workspace =
        WorkspaceId::parse(body.workspace.trim()).ok_or(ApiError::InvalidCredentials)?;
    let stub = internal::workspace(env, &workspace)?;
    let check = LoginCheck { email: body.email, password: body.password };
    let granted = internal::call(&stub, Method::Post, "/login", Some(&check)).await?;
    signed_in(env, workspace, granted)
}

pub async fn setup_status(env: &Env) -> ApiResult<Response> {
    internal::send::<()>(&internal::registry(env)?, Method::Get, "/status", None).await
}

/// First run: the workspace and its first admin, only while the installation has none.
pub async fn setup(mut req: Request, env: &Env) -> ApiResult<Response> {
    let body: SetupRequest = read_json(&mut req).await?;
    let workspace = WorkspaceId::parse(body.workspace.trim()).ok_or_else(|| {
        ApiError::bad_request(
            "invalid_workspace",
            "A workspace id has 1 to 64 letters, digits, _ or -.",
        )
    })?;
    if let Some(problem) = openline_core::auth::password_problem(&body.password) {
        return Err(ApiError::bad_request("weak_password", problem));
    }
    let registry = internal::registry(env)?;
    let claim = format!("/claim?workspace={workspace}");
    internal::call::<(), serde_json::Value>(&registry, Method::Post, &claim, None).await?;
    let admin = FirstAdmin { name: body.name, email: body.email, password: body.password };
    let stub = internal::workspace(env, &workspace)?;
    let granted = internal::call(&stub, Method::Post, "/setup", Some(&admin)).await?;
    signed_in(env, workspace, granted)
}

pub async fn me(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    let stub = internal::workspace(env, &who.workspace)?;
    let agent =
        internal::call::<(), _>(&stub, Method::Get, &format!("/agent?id={}", who.agent), None)
            .await?;
    json(&LoginReply { workspace: who.workspace, agent })
}

pub async fn logout(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    if let Some(session) = &who.session {
        let stub = internal::workspace(env, &who.workspace)?;
        internal::call::<(), serde_json::Value>(
            &stub,
            Method::Post,
            &format!("/logout?session={session}"),
            None,
        )
        .await?;
    }
    with_cookie(json(&serde_json::json!({}))?, &auth::session_cookie(None, 0))
}

pub async fn change_password(mut req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    let body: PasswordChange = read_json(&mut req).await?;
    let session = who.session.clone().ok_or(ApiError::Forbidden(
        "session_required",
        "Passwords are changed in the app, not with an API token.",
    ))?;
    let update = PasswordUpdate { agent: who.agent, session, current: body.current, new: body.new };
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send(&stub, Method::Post, "/password", Some(&update)).await
}

pub async fn invites(mut req: Request, env: &Env, id: Option<&str>) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ManageTeam)?;
    let stub = internal::workspace(env, &who.workspace)?;
    match (req.method(), id) {
        (Method::Get, None) => internal::send::<()>(&stub, Method::Get, "/invites", None).await,
        (Method::Post, None) => {
            let body: InviteRequest = read_json(&mut req).await?;
            let path = format!("/invites?workspace={}", who.workspace);
            internal::send(&stub, Method::Post, &path, Some(&body)).await
        }
        (Method::Delete, Some(id)) if openline_core::ids::is_valid_id(id) => {
            internal::send::<()>(&stub, Method::Delete, &format!("/invites?id={id}"), None).await
        }
        _ => Err(ApiError::NotFound("invitation")),
    }
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
        let stub = internal::workspace(env, &workspace)?;
        let path = format!("/invitation?workspace={workspace}&code_hash={}", digest(&code));
        return internal::send::<()>(&stub, Method::Get, &path, None).await;
    }
    let body: AcceptInvite = read_json(&mut req).await?;
    let workspace = invitation_workspace(&body.code)?;
    let stub = internal::workspace(env, &workspace)?;
    let acceptance = Acceptance { code_hash: digest(&body.code), password: body.password };
    let granted = internal::call(&stub, Method::Post, "/invitation", Some(&acceptance)).await?;
    signed_in(env, workspace, granted)
}

/// An admin changes a colleague's role or removes them (never themselves).
pub async fn agent(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ManageTeam)?;
    let target = AgentId::parse(id).ok_or(ApiError::NotFound("agent"))?;
    who.permit(Action::ManageAgent(&target))?;
    let stub = internal::workspace(env, &who.workspace)?;
    let path = format!("/agents?id={target}");
    if req.method() == Method::Delete {
        return internal::send::<()>(&stub, Method::Delete, &path, None).await;
    }
    let update: AgentUpdate = read_json(&mut req).await?;
    internal::send(&stub, Method::Put, &path, Some(&update)).await
}

pub async fn api_tokens(mut req: Request, env: &Env, id: Option<&str>) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ManageApiTokens)?;
    let stub = internal::workspace(env, &who.workspace)?;
    match (req.method(), id) {
        (Method::Get, None) => internal::send::<()>(&stub, Method::Get, "/api-tokens", None).await,
        (Method::Post, None) => {
            let body: NewApiToken = read_json(&mut req).await?;
            let request = TokenRequest {
                workspace: who.workspace.clone(),
                agent: who.agent,
                name: body.name,
            };
            internal::send(&stub, Method::Post, "/api-tokens", Some(&request)).await
        }
        (Method::Delete, Some(id)) if openline_core::ids::is_valid_id(id) => {
            internal::send::<()>(&stub, Method::Delete, &format!("/api-tokens?id={id}"), None).await
        }
        _ => Err(ApiError::NotFound("API token")),
    }
}

/// A channel's identity secret (W6): read it, or (POST) replace it.
pub async fn identity_secret(req: Request, env: &Env, channel: &str) -> ApiResult<Response> {
    let who: AgentAuth = auth::agent(&req, env).await?;
    who.permit(Action::ConfigureChannels)?;
    let channel = openline_core::ChannelId::parse(channel).ok_or(ApiError::NotFound("channel"))?;
    let stub = internal::workspace(env, &who.workspace)?;
    let path = format!("/identity-secret?id={channel}");
    internal::send::<()>(&stub, req.method(), &path, None).await
}
