//! Development helpers, switched on only by `OPENLINE_DEV_SEED=true` (set by `cargo xtask dev`
//! and the tests; never in `wrangler.toml`). Elsewhere these routes do not exist.

use crate::error::{ApiError, ApiResult};
use crate::http::read_json;
use crate::internal::{self, RegistryRequest, WorkspaceRequest};
use openline_core::protocol::DevSeedRequest;
use worker::{Env, Request, Response};

pub async fn seed(mut req: Request, env: &Env) -> ApiResult<Response> {
    let enabled = env.var("OPENLINE_DEV_SEED").map(|v| v.to_string() == "true").unwrap_or(false);
    if !enabled {
        return Err(ApiError::NotFound("route"));
    }
    let body: DevSeedRequest = read_json(&mut req).await?;
    let register = RegistryRequest::Register { workspace: body.workspace.clone() };
    internal::registry(env)?.call::<serde_json::Value>(&register).await?;
    internal::workspace(env, &body.workspace)?.send(&WorkspaceRequest::Seed(body)).await
}
