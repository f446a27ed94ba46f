//! Who is calling: the signing secret, bearer tokens, and fresh random ids.

use crate::error::{ApiError, ApiResult};
use crate::http::query;
use openline_core::auth::{self, Claims, Role};
use openline_core::{AgentId, ChannelId, VisitorId, WorkspaceId};
use worker::{Env, Request};

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

/// The caller's token: `Authorization: Bearer …`, or `?token=` where headers cannot be set
/// (browsers' WebSockets).
fn token(req: &Request) -> ApiResult<String> {
    if let Some(header) = req.headers().get("authorization")? {
        if let Some(token) = header.strip_prefix("Bearer ") {
            return Ok(token.trim().to_owned());
        }
    }
    query(req, "token")?.ok_or(ApiError::Unauthorized)
}

fn claims(req: &Request, env: &Env) -> ApiResult<Claims> {
    auth::verify(&secret(env)?, &token(req)?, now_ms()).map_err(|_| ApiError::Unauthorized)
}

pub struct VisitorAuth {
    pub workspace: WorkspaceId,
    pub channel: ChannelId,
    pub visitor: VisitorId,
}

pub struct AgentAuth {
    pub workspace: WorkspaceId,
    pub agent: AgentId,
    pub name: String,
    pub role: Role,
}

pub fn visitor(req: &Request, env: &Env) -> ApiResult<VisitorAuth> {
    match claims(req, env)? {
        Claims::Visitor { ws, ch, v } => Ok(VisitorAuth { workspace: ws, channel: ch, visitor: v }),
        Claims::Agent { .. } => Err(ApiError::Unauthorized),
    }
}

pub fn agent(req: &Request, env: &Env) -> ApiResult<AgentAuth> {
    match claims(req, env)? {
        Claims::Agent { ws, a, n, r, .. } => {
            Ok(AgentAuth { workspace: ws, agent: a, name: n, role: r })
        }
        Claims::Visitor { .. } => Err(ApiError::Unauthorized),
    }
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
