//! The Registry Durable Object: one per installation, it knows which workspaces exist, so the
//! first run can offer setup exactly once (issue 4).

use crate::auth::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::http::{json, query};
use crate::sql::{migrate, META_TABLE};
use openline_core::protocol::SetupStatus;
use serde::Deserialize;
use serde_json::json;
use worker::{
    console_error, durable_object, DurableObject, Env, Method, Request, Response, Result,
    SqlStorage, State,
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
        ApiError::respond(self.route(&req))
    }
}

impl Registry {
    fn route(&self, req: &Request) -> ApiResult<Response> {
        match (req.method(), req.path().as_str()) {
            (Method::Get, "/status") => json(&SetupStatus { needed: self.count()? == 0 }),
            // First-run setup claims the installation: only while no workspace exists.
            (Method::Post, "/claim") => {
                if self.count()? > 0 {
                    return Err(ApiError::Conflict(
                        "already_set_up",
                        "Openline is set up already.",
                    ));
                }
                self.register(&workspace(req)?)
            }
            (Method::Post, "/register") => self.register(&workspace(req)?),
            _ => Err(ApiError::NotFound("route")),
        }
    }

    fn count(&self) -> ApiResult<u64> {
        let rows: Vec<Count> =
            self.sql.exec("SELECT count(*) AS n FROM workspaces", None)?.to_array()?;
        Ok(rows.first().map_or(0, |r| r.n as u64))
    }

    fn register(&self, workspace: &str) -> ApiResult<Response> {
        self.sql.exec(
            "INSERT INTO workspaces (id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
            vec![workspace.into(), (now_ms() as f64).into()],
        )?;
        json(&json!({}))
    }
}

fn workspace(req: &Request) -> ApiResult<String> {
    query(req, "workspace")?
        .filter(|w| openline_core::ids::is_valid_id(w))
        .ok_or(ApiError::NotFound("workspace"))
}

#[derive(Deserialize)]
struct Count {
    n: f64,
}
