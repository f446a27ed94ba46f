//! Who is calling: the signing secret, the agent's session cookie (with its CSRF and origin
//! checks), API tokens, visitor tokens, and fresh random ids.
//!
//! Every handler starts here, then asks `openline_core::authz::permit` through
//! `AgentAuth::permit` / `VisitorAuth::permit` before it touches anything.

use crate::error::{ApiError, ApiResult};
use crate::http::{is_websocket_upgrade, query};
use crate::internal::{self, Credential, Identity, WorkspaceRequest};
use openline_core::access::Access;
use openline_core::auth::{self, api_token_workspace, digest, Claims, Role, API_TOKEN_PREFIX};
use openline_core::authz::{self, Action, Caller};
use openline_core::ErrorCode;
use openline_core::{AgentId, ChannelId, VisitorId, WorkspaceId};
use worker::{Env, Method, Request};

/// The agent app's session cookie: HttpOnly (no script reads it), Secure, SameSite=Strict.
pub const SESSION_COOKIE: &str = "openline_session";
/// The header a cookie-authenticated write must carry (see `protocol`).
pub const CSRF_HEADER: &str = "x-openline-csrf";

/// The secret that signs every token. From `wrangler secret put OPENLINE_SECRET` in production
/// and `--var` locally; never from the repo.
pub fn secret(env: &Env) -> ApiResult<Vec<u8>> {
    let value = env
        .secret("OPENLINE_SECRET")
        .map(|s| s.to_string())
        .or_else(|_| env.var("OPENLINE_SECRET").map(|v| v.to_string()))
        .map_err(|_| ApiError::Misconfigured("OPENLINE_SECRET"))?;
    if value.len() < 16 {
        return Err(ApiError::Misconfigured("a long enough OPENLINE_SECRET"));
    }
    Ok(value.into_bytes())
}

pub fn now_ms() -> i64 {
    worker::Date::now().as_millis() as i64
}

/// `Authorization: Bearer …`, or `?token=` where headers cannot be set (browsers' WebSockets).
fn bearer(req: &Request) -> ApiResult<Option<String>> {
    if let Some(header) = req.headers().get("authorization")? {
        if let Some(token) = header.strip_prefix("Bearer ") {
            return Ok(Some(token.trim().to_owned()));
        }
    }
    query(req, "token")
}

fn cookie(req: &Request, name: &str) -> ApiResult<Option<String>> {
    let header = req.headers().get("cookie")?.unwrap_or_default();
    Ok(header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned()))
}

/// `Set-Cookie` for a new session, or (`None`) for signing out.
pub fn session_cookie(token: Option<&str>, max_age_ms: i64) -> String {
    let (value, max_age) = match token {
        Some(token) => (token, max_age_ms / 1000),
        None => ("", 0),
    };
    format!(
        "{SESSION_COOKIE}={value}; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age={max_age}"
    )
}

/// The request's own origin, as a browser on this site would send it.
fn own_origin(req: &Request) -> ApiResult<String> {
    Ok(req.url()?.origin().ascii_serialization())
}

/// A foreign page's script must not act with a cookie it cannot read: a write needs the CSRF
/// header (which needs a CORS preflight the edge never grants) and, like a WebSocket, an
/// `Origin` of this site when the browser sends one.
fn check_cookie_request(req: &Request) -> ApiResult<()> {
    let origin = req.headers().get("origin")?;
    let foreign = origin.as_deref().is_some_and(|o| own_origin(req).is_ok_and(|own| own != o));
    let csrf_header_ok = req.headers().get(CSRF_HEADER)?.as_deref() == Some("1");
    let refused = if is_websocket_upgrade(req)? {
        origin.is_none() || foreign
    } else {
        foreign || (!matches!(req.method(), Method::Get | Method::Head) && !csrf_header_ok)
    };
    if refused {
        return Err(ApiError::Forbidden(
            ErrorCode::Csrf,
            "This request must come from the Openline app.",
        ));
    }
    Ok(())
}

/// The doors that hand out a session (sign-in, setup, accepting an invitation) take only JSON
/// from a page of this site. A foreign page's plain form can send neither a JSON content type
/// nor our `Origin`, so it cannot sign a browser into an account of its choosing (login CSRF);
/// its script cannot either without a CORS preflight the edge never grants.
pub fn check_sign_in_request(req: &Request) -> ApiResult<()> {
    let content_type = req.headers().get("content-type")?.unwrap_or_default();
    let json = content_type.trim_start().to_ascii_lowercase().starts_with("application/json");
    let origin = req.headers().get("origin")?;
    let same_site = origin.is_some_and(|o| own_origin(req).is_ok_and(|own| own == o));
    if !(json && same_site) {
        return Err(ApiError::Forbidden(
            ErrorCode::Csrf,
            "Sign in from the Openline app: this request must be JSON from this site.",
        ));
    }
    Ok(())
}

pub struct VisitorAuth {
    pub workspace: WorkspaceId,
    pub channel: ChannelId,
    pub visitor: VisitorId,
}

impl VisitorAuth {
    pub fn permit(&self, action: Action<'_>) -> ApiResult<()> {
        let caller = Caller::Visitor {
            workspace: &self.workspace,
            channel: &self.channel,
            visitor: &self.visitor,
        };
        authz::permit(caller, &self.workspace, action).map_err(ApiError::Denied)
    }
}

pub struct AgentAuth {
    pub workspace: WorkspaceId,
    pub agent: AgentId,
    pub name: String,
    pub role: Role,
    /// The session or API token checked; sockets opened with it close when it ends.
    pub access: Access,
}

impl AgentAuth {
    /// The session behind a cookie; `None` for an API token.
    pub fn session(&self) -> Option<&str> {
        self.access.session()
    }

    pub fn permit(&self, action: Action<'_>) -> ApiResult<()> {
        let caller =
            Caller::Agent { workspace: &self.workspace, agent: &self.agent, role: self.role };
        authz::permit(caller, &self.workspace, action).map_err(ApiError::Denied)
    }
}

/// A widget's visitor token. The widget runs on this site (its iframe), so a browser request
/// from any other page's script is refused. The token alone admits nobody: customer paths call
/// this through `customer::admitted`, which asks the channel's rules as they are now.
pub fn visitor(req: &Request, env: &Env) -> ApiResult<VisitorAuth> {
    if let Some(origin) = req.headers().get("origin")? {
        if origin != own_origin(req)? {
            return Err(ApiError::Forbidden(
                ErrorCode::OriginNotAllowed,
                "The chat API is only for the Openline widget.",
            ));
        }
    }
    let token = bearer(req)?.ok_or(ApiError::Unauthorized)?;
    match auth::verify(&secret(env)?, &token, now_ms()) {
        Ok(Claims::Visitor { ws, ch, v }) => {
            Ok(VisitorAuth { workspace: ws, channel: ch, visitor: v })
        }
        _ => Err(ApiError::Unauthorized),
    }
}

/// An agent: an API token (`Bearer olk_…`), or the session cookie. Either is checked against
/// the workspace's live sessions and tokens, which also give the current name and role.
pub async fn agent(req: &Request, env: &Env) -> ApiResult<AgentAuth> {
    if let Some(token) = bearer(req)? {
        let workspace = token
            .starts_with(API_TOKEN_PREFIX)
            .then(|| api_token_workspace(&token))
            .flatten()
            .ok_or(ApiError::Unauthorized)?;
        let credential = Credential::ApiToken { hash: digest(&token) };
        return resolve(env, workspace, credential).await;
    }
    let token = cookie(req, SESSION_COOKIE)?.ok_or(ApiError::Unauthorized)?;
    let Ok(Claims::Agent { ws, a, s, .. }) = auth::verify(&secret(env)?, &token, now_ms()) else {
        return Err(ApiError::Unauthorized);
    };
    check_cookie_request(req)?;
    let credential = Credential::Session { agent: a, session: s };
    resolve(env, ws, credential).await
}

async fn resolve(
    env: &Env,
    workspace: WorkspaceId,
    credential: Credential,
) -> ApiResult<AgentAuth> {
    let object = internal::workspace(env, &workspace)?;
    let Identity { agent, access } = match object.call(&WorkspaceRequest::Whoami(credential)).await
    {
        Ok(identity) => identity,
        Err(ApiError::Relayed { status: 401 | 404, .. }) => return Err(ApiError::Unauthorized),
        Err(e) => return Err(e),
    };
    Ok(AgentAuth { workspace, agent: agent.id, name: agent.name, role: agent.role, access })
}

/// The keyed tag of the caller's network address (`CF-Connecting-IP`, set by the platform).
pub fn network(req: &Request, env: &Env) -> ApiResult<Option<String>> {
    let address = req.headers().get("cf-connecting-ip")?;
    Ok(match address {
        Some(address) => Some(auth::network_tag(&secret(env)?, address.trim())),
        None => None,
    })
}

/// `prefix` + 20 random characters from `[a-z0-9]`: ~103 bits, valid as any id.
pub fn random_id(prefix: &str) -> ApiResult<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = [0u8; 20];
    getrandom::getrandom(&mut bytes)
        .map_err(|_| ApiError::Internal(worker::Error::from("no randomness")))?;
    let tail: String =
        bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
    Ok(format!("{prefix}{tail}"))
}

pub fn random_bytes<const N: usize>() -> ApiResult<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes)
        .map_err(|_| ApiError::Internal(worker::Error::from("no randomness")))?;
    Ok(bytes)
}
