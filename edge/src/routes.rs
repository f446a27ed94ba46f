//! Every URL of the edge, on one screen. Static files (`/`, `/widget.js`, `/widget/`, `/app/`,
//! `/demo/`) are served by the assets binding before the Worker runs; what reaches this table
//! is the API.

use crate::error::{ApiError, ApiResult};
use crate::{agent_api, dev_api, widget_api};
use worker::{Env, Method, Request, Response};

pub async fn handle(req: Request, env: &Env) -> ApiResult<Response> {
    let path = req.path();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let method = req.method();
    match (method, segments.as_slice()) {
        (Method::Get, ["api", "health"]) => Ok(Response::ok("ok")?),

        (Method::Post, ["api", "widget", "session"]) => widget_api::session(req, env).await,
        (Method::Get, ["api", "widget", "events"]) => widget_api::events(req, env).await,
        (Method::Post, ["api", "widget", "commands"]) => widget_api::command(req, env).await,
        (Method::Get, ["api", "widget", "socket"]) => widget_api::socket(req, env).await,

        (Method::Post, ["api", "agent", "login"]) => agent_api::login(req, env).await,
        (Method::Get, ["api", "agent", "inbox"]) => agent_api::inbox(req, env).await,
        (Method::Get, ["api", "agent", "agents"]) => agent_api::agents(req, env).await,
        (Method::Get, ["api", "agent", "channels"]) => agent_api::channels(req, env).await,
        (Method::Post, ["api", "agent", "channels"]) => agent_api::create_channel(req, env).await,
        (Method::Put, ["api", "agent", "presence"]) => agent_api::presence(req, env).await,
        (Method::Get | Method::Post, ["api", "agent", "canned"]) => {
            agent_api::canned(req, env, None).await
        }
        (Method::Put | Method::Delete, ["api", "agent", "canned", id]) => {
            let id = id.to_string();
            agent_api::canned(req, env, Some(&id)).await
        }
        (Method::Put, ["api", "agent", "channels", id]) => {
            let id = id.to_string();
            agent_api::save_channel(req, env, &id).await
        }
        (Method::Get, ["api", "agent", "inbox", "socket"]) => {
            agent_api::inbox_socket(req, env).await
        }
        (Method::Get, ["api", "agent", "dialogs", id, "events"]) => {
            agent_api::events(&req, env, id).await
        }
        (Method::Post, ["api", "agent", "dialogs", id, "commands"]) => {
            let id = id.to_string();
            agent_api::command(req, env, &id).await
        }
        (Method::Get, ["api", "agent", "dialogs", id, "socket"]) => {
            agent_api::socket(&req, env, id).await
        }
        (Method::Get, ["api", "agent", "dialog-names"]) => agent_api::chat_names(req, env).await,
        (Method::Put, ["api", "agent", "dialogs", id, "name"]) => {
            let id = id.to_string();
            agent_api::rename_chat(req, env, &id).await
        }

        (Method::Post, ["api", "dev", "seed"]) => dev_api::seed(req, env).await,

        (_, ["api", ..]) if known_path(&segments) => Err(ApiError::MethodNotAllowed),
        _ => Err(ApiError::NotFound("route")),
    }
}

/// Paths that exist with another method, so a wrong method is a 405 rather than a 404.
fn known_path(segments: &[&str]) -> bool {
    matches!(
        segments,
        ["api", "widget", "session" | "events" | "commands" | "socket"]
            | ["api", "agent", "login" | "inbox" | "agents" | "channels" | "presence" | "canned"]
            | ["api", "agent", "canned", _]
            | ["api", "agent", "channels", _]
            | ["api", "agent", "inbox", "socket"]
            | ["api", "agent", "dialogs", _, "events" | "commands" | "socket" | "name"]
            | ["api", "agent", "dialog-names"]
            | ["api", "dev", "seed"]
    )
}
