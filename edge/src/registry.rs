//! The Registry Durable Object: one per installation, it knows which workspaces exist, so the
//! first run can offer setup exactly once (issue 4).

use crate::auth::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::{self, RegistryRequest};
use crate::sql::{migrate, META_TABLE};
use openline_core::protocol::SetupStatus;
use openline_core::ErrorCode;
use openline_core::WorkspaceId;
use serde::Deserialize;
use serde_json::json;
use worker::{
    console_error, durable_object, DurableObject, Env, Request, Response, Result, SqlStorage, State,
};

const MIGRATIONS: &[&[&str]] =
    &[&[META_TABLE, "CREATE TABLE workspaces (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)"]];

#[durable_object]
pub struct Registry {
    sql: SqlStorage,
}

impl DurableObject for Registry {
    fn new(state: State, _env: Env) -> Self {
        let sql = state.storage().sql();
        if let Err(e) = migrate(&sql, MIGRATIONS) {
            console_error!("registry migration failed: {e}");
        }
        Registry { sql }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        ApiError::respond(self.route(req).await)
    }
}

impl Registry {
    /// One call of the Worker's (`internal::RegistryRequest`), to its handler.
    async fn route(&self, mut req: Request) -> ApiResult<Response> {
        match internal::receive(&mut req).await? {
            RegistryRequest::Status => json(&SetupStatus { needed: self.count()? == 0 }),
            RegistryRequest::Claim { workspace } => {
                if self.count()? > 0 {
                    return Err(ApiError::Conflict(
                        ErrorCode::AlreadySetUp,
                        "Openline is set up already.",
                    ));
                }
                self.register(&workspace)
            }
            RegistryRequest::Register { workspace } => self.register(&workspace),
        }
    }

    fn count(&self) -> ApiResult<u64> {
        let rows: Vec<Count> =
            self.sql.exec("SELECT count(*) AS n FROM workspaces", None)?.to_array()?;
        Ok(rows.first().map_or(0, |r| r.n as u64))
    }

    fn register(&self, workspace: &WorkspaceId) -> ApiResult<Response> {
        self.sql.exec(
            "INSERT INTO workspaces (id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
            vec![workspace.as_str().into(), (now_ms() as f64).into()],
        )?;
        json(&json!({}))
    }
}

#[derive(Deserialize)]
struct Count {
    n: f64,
}
