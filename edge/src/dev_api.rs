//! Development helpers, switched on only by `OPENLINE_DEV_SEED=true` (set by `cargo xtask dev`
//! and the tests; never in `wrangler.toml`). Elsewhere these routes do not exist.

use crate::error::{ApiError, ApiResult};
use crate::http::read_json;
use crate::internal::{self, RegistryRequest, WorkspaceRequest};
use openline_core::protocol::{DevInboxRows, DevSeedRequest};
use worker::{Env, Request, Response};

pub async fn seed(mut req: Request, env: &Env) -> ApiResult<Response> {
    require_dev(env)?;
    let body: DevSeedRequest = read_json(&mut req).await?;
    let register = RegistryRequest::Register { workspace: body.workspace.clone() };
    internal::registry(env)?.call::<serde_json::Value>(&register).await?;
    internal::workspace(env, &body.workspace)?.send(&WorkspaceRequest::Seed(body)).await
}

/// Inbox rows straight into a seeded workspace, to try the lists at scale.
pub async fn seed_inbox(mut req: Request, env: &Env) -> ApiResult<Response> {
    require_dev(env)?;
    let body: DevInboxRows = read_json(&mut req).await?;
    internal::workspace(env, &body.workspace)?.send(&WorkspaceRequest::SeedInbox(body)).await
}

/// Outside development these routes do not exist.
fn require_dev(env: &Env) -> ApiResult<()> {
    let enabled = env.var("OPENLINE_DEV_SEED").map(|v| v.to_string() == "true").unwrap_or(false);
    if enabled {
        Ok(())
    } else {
        Err(ApiError::NotFound("route"))
    }
}
