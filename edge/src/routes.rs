//! Every URL of the edge, on one screen. Static files (`/`, `/widget.js`, `/app/`, `/demo/`)
//! are served by the assets binding before the Worker runs; the chat page (`/widget/`) comes
//! through here for its per-channel `frame-ancestors`; the rest is the API, whose routes and
//! access levels are listed in `openline_core::protocol::ROUTES`.

use crate::error::{ApiError, ApiResult};
use crate::{agent_api, crm_api, dev_api, files_api, team_api, widget_api, widget_page};
use openline_core::protocol::path_known;
use worker::{Env, Method, Request, Response};

// Long: every URL of the API on one screen, one line each.
pub async fn handle(req: Request, env: &Env) -> ApiResult<Response> {
    let path = req.path();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let method = req.method();
    match (method, segments.as_slice()) {
        (Method::Get, ["widget"] | ["widget", "" | "index.html"]) => {
            widget_page::serve(req, env).await
        }

        (Method::Get, ["api", "health"]) => Ok(Response::ok("ok")?),
        (Method::Get, ["api", "setup"]) => team_api::setup_status(env).await,
        (Method::Post, ["api", "setup"]) => team_api::setup(req, env).await,

        (Method::Post, ["api", "widget", "session"]) => widget_api::session(req, env).await,
        (Method::Get, ["api", "widget", "events"]) => widget_api::events(req, env).await,
        (Method::Post, ["api", "widget", "commands"]) => widget_api::command(req, env).await,
        (Method::Get, ["api", "widget", "socket"]) => widget_api::socket(req, env).await,
        (Method::Post, ["api", "widget", "files"]) => files_api::widget_upload(req, env).await,
        (Method::Get, ["api", "files", token]) => files_api::download(env, token).await,

        (Method::Post, ["api", "agent", "login"]) => team_api::login(req, env).await,
        (Method::Post, ["api", "agent", "logout"]) => team_api::logout(req, env).await,
        (Method::Get, ["api", "agent", "me"]) => team_api::me(req, env).await,
        (Method::Get, ["api", "agent", "session"]) => team_api::session(req, env).await,
        (Method::Put, ["api", "agent", "password"]) => team_api::change_password(req, env).await,
        (Method::Get | Method::Post, ["api", "agent", "invitation"]) => {
            team_api::invitation(req, env).await
        }
        (Method::Get | Method::Post, ["api", "agent", "invites"]) => {
            team_api::invites(req, env, None).await
        }
        (Method::Delete, ["api", "agent", "invites", id]) => {
            let id = id.to_string();
            team_api::invites(req, env, Some(&id)).await
        }
        (Method::Put | Method::Delete, ["api", "agent", "agents", id]) => {
            let id = id.to_string();
            team_api::agent(req, env, &id).await
        }
        (Method::Get | Method::Post, ["api", "agent", "api-tokens"]) => {
            team_api::api_tokens(req, env, None).await
        }
        (Method::Delete, ["api", "agent", "api-tokens", id]) => {
            let id = id.to_string();
            team_api::api_tokens(req, env, Some(&id)).await
        }
        (Method::Get | Method::Delete, ["api", "agent", "sign-in-locks"]) => {
            team_api::sign_in_locks(req, env).await
        }
        (Method::Get | Method::Post, ["api", "agent", "channels", id, "identity-secret"]) => {
            let id = id.to_string();
            team_api::identity_secret(req, env, &id).await
        }

        (Method::Get, ["api", "agent", "inbox"]) => agent_api::inbox(req, env).await,
        (Method::Get, ["api", "agent", "inbox", "lists", list]) => {
            agent_api::inbox_page(req, env, list).await
        }
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
        (Method::Get, ["api", "agent", "dialogs", id, "contact"]) => {
            crm_api::of_dialog(&req, env, id).await
        }
        (Method::Get, ["api", "agent", "contacts"]) => crm_api::search(&req, env).await,
        (Method::Get, ["api", "agent", "contacts", id]) => crm_api::get(&req, env, id).await,
        (Method::Put, ["api", "agent", "contacts", id]) => {
            let id = id.to_string();
            crm_api::edit(req, env, &id).await
        }
        (Method::Post, ["api", "agent", "contacts", id, "merge"]) => {
            let id = id.to_string();
            crm_api::merge(req, env, &id).await
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
        (Method::Post, ["api", "agent", "dialogs", id, "files"]) => {
            let id = id.to_string();
            files_api::agent_upload(req, env, &id).await
        }
        (Method::Get, ["api", "agent", "dialog-names"]) => agent_api::chat_names(req, env).await,
        (Method::Put, ["api", "agent", "dialogs", id, "name"]) => {
            let id = id.to_string();
            agent_api::rename_chat(req, env, &id).await
        }

        (Method::Post, ["api", "dev", "seed"]) => dev_api::seed(req, env).await,
        (Method::Post, ["api", "dev", "inbox"]) => dev_api::seed_inbox(req, env).await,

        (_, ["api", ..]) if path_known(&path) => Err(ApiError::MethodNotAllowed),
        _ => Err(ApiError::NotFound("route")),
    }
}
