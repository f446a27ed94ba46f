//! The Workspace Durable Object: one per tenant.
//!
//! It owns the directory (agents and their password hashes), the open channels and their
//! settings, the inbox index (one summary row per dialog) and the agents' inbox sockets.
//! Messages never pass through here: dialogs send summaries, which keeps the hot path sharded
//! per dialog.
//!
//! - `directory`: agents, login, presence, development seeding.
//! - `team`: sessions, passwords, invitations, roles, removal, API tokens.
//! - `access`: who may open a chat: allowed sites, blocks, signed identity (W6).
//! - `canned`: the canned-response library (C7).
//! - `chat_names`: each agent's own names for chats (C3).
//! - `channels`: open channels and their settings (Q14).
//! - `inbox`: summaries in, live rows out (Q2).
//! - `routing`: offers of waiting sessions to available agents (Q13).

mod access;
mod canned;
mod channels;
mod chat_names;
mod directory;
mod inbox;
mod routing;
mod team;

use crate::error::{ApiError, ApiResult};
use crate::http::{json, read_json};
use crate::internal::FirstAdmin;
use crate::sql::{migrate, META_TABLE};
use worker::{
    console_error, durable_object, DurableObject, Env, Method, Request, Response, Result,
    SqlStorage, State, WebSocket, WebSocketIncomingMessage,
};

const MIGRATIONS: &[&[&str]] = &[
    &[
        META_TABLE,
        "CREATE TABLE agents (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL)",
        "CREATE TABLE channels (id TEXT PRIMARY KEY, name TEXT NOT NULL, greeting TEXT NOT NULL)",
        "CREATE TABLE inbox (dialog_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, summary TEXT NOT NULL)",
    ],
    // Channel settings as one JSON document (`core::channel::ChannelSettings`); NULL until
    // an admin saves them, read as the defaults.
    &["ALTER TABLE channels ADD COLUMN settings TEXT"],
    // Routing (Q13): each agent's own status, and the offer of each waiting session.
    &[
        "ALTER TABLE agents ADD COLUMN presence TEXT NOT NULL DEFAULT 'online'",
        "CREATE TABLE offers (dialog_id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, start INTEGER NOT NULL, offer TEXT NOT NULL)",
    ],
    // Canned responses (C7).
    &["CREATE TABLE canned (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL, text TEXT NOT NULL, folder TEXT)"],
    // Identity and abuse protection (issue 4): live sessions, invitations and API tokens
    // (hashed), blocked visitors and networks, each channel's identity secret (W6).
    &[
        "CREATE TABLE sessions (id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, expires_at INTEGER NOT NULL)",
        "CREATE TABLE invites (id TEXT PRIMARY KEY, code_hash TEXT NOT NULL UNIQUE, email TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, expires_at INTEGER NOT NULL)",
        "CREATE TABLE api_tokens (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, agent_id TEXT NOT NULL, created_at INTEGER NOT NULL, last_used_at INTEGER)",
        "CREATE TABLE blocks (kind TEXT NOT NULL, value TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (kind, value))",
        "CREATE TABLE channel_secrets (channel_id TEXT PRIMARY KEY, secret TEXT NOT NULL)",
    ],
    // Each agent's own names for chats (C3).
    &["CREATE TABLE chat_names (agent_id TEXT NOT NULL, dialog_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (agent_id, dialog_id))"],
];

#[durable_object]
pub struct Workspace {
    state: State,
    env: Env,
    sql: SqlStorage,
}

impl DurableObject for Workspace {
    fn new(state: State, env: Env) -> Self {
        crate::sockets::answer_pings_while_hibernating(&state);
        let sql = state.storage().sql();
        if let Err(e) = migrate(&sql, MIGRATIONS) {
            console_error!("workspace migration failed: {e}");
        }
        Workspace { state, env, sql }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        ApiError::respond(self.route(req).await)
    }

    /// Clients send nothing but pings, which the runtime answers without waking us.
    async fn websocket_message(&self, ws: WebSocket, _: WebSocketIncomingMessage) -> Result<()> {
        crate::sockets::refuse_unexpected_frames(&ws);
        Ok(())
    }

    /// An agent closed the app: their offers pass on.
    async fn websocket_close(&self, ws: WebSocket, _: usize, _: String, _: bool) -> Result<()> {
        self.availability_changed(Some(&ws)).await;
        Ok(())
    }

    async fn websocket_error(&self, ws: WebSocket, _: worker::Error) -> Result<()> {
        self.availability_changed(Some(&ws)).await;
        Ok(())
    }

    /// An offer's answer time ran out (Q13).
    async fn alarm(&self) -> Result<Response> {
        self.availability_changed(None).await;
        Response::ok("")
    }
}

impl Workspace {
    async fn route(&self, mut req: Request) -> ApiResult<Response> {
        match (req.method(), req.path().as_str()) {
            (Method::Post, "/seed") => self.seed(read_json(&mut req).await?),
            (Method::Post, "/login") => self.login(read_json(&mut req).await?),
            (Method::Post, "/whoami") => self.whoami(read_json(&mut req).await?),
            (Method::Post, "/logout") => self.end_session(&param(&req, "session")?),
            (Method::Post, "/password") => self.change_password(read_json(&mut req).await?),
            (Method::Post, "/setup") => {
                let admin: FirstAdmin = read_json(&mut req).await?;
                self.first_admin(&admin.name, &admin.email, &admin.password)
            }
            (Method::Get, "/invites") => self.invites(),
            (Method::Post, "/invites") => {
                let workspace = workspace_param(&req)?;
                self.invite(&workspace, read_json(&mut req).await?)
            }
            (Method::Delete, "/invites") => self.revoke_invite(&param(&req, "id")?),
            (Method::Get, "/invitation") => {
                self.preview_invite(workspace_param(&req)?, &param(&req, "code_hash")?)
            }
            (Method::Post, "/invitation") => self.accept_invite(read_json(&mut req).await?),
            (Method::Put, "/agents") => {
                let id = agent_param(&req)?;
                self.update_agent(&id, read_json(&mut req).await?)
            }
            (Method::Delete, "/agents") => self.remove_agent(&agent_param(&req)?).await,
            (Method::Get, "/api-tokens") => self.api_tokens(),
            (Method::Post, "/api-tokens") => self.create_api_token(read_json(&mut req).await?),
            (Method::Delete, "/api-tokens") => self.revoke_api_token(&param(&req, "id")?),
            (Method::Get, "/identity-secret") => self.identity_secret(&channel_param(&req)?, false),
            (Method::Post, "/identity-secret") => self.identity_secret(&channel_param(&req)?, true),
            (Method::Post, "/admit") => self.admit(read_json(&mut req).await?),
            (Method::Post, "/block") => self.set_blocked(read_json(&mut req).await?),
            (Method::Get, "/agents") => self.agents(),
            (Method::Get, "/agent") => self.agent(&req),
            (Method::Get, "/channel-settings") => json(&self.settings_of(&channel_param(&req)?)?),
            (Method::Get, "/channels") => self.channels(),
            (Method::Post, "/channels") => self.create_channel(read_json(&mut req).await?),
            (Method::Post, "/channel-settings") => self.save_settings(read_json(&mut req).await?),
            (Method::Get, "/canned") => self.canned(),
            (Method::Post, "/canned") => self.save_canned(None, read_json(&mut req).await?),
            (Method::Put, "/canned") => {
                let id =
                    crate::http::query(&req, "id")?.ok_or(ApiError::NotFound("canned response"))?;
                self.save_canned(Some(id), read_json(&mut req).await?)
            }
            (Method::Delete, "/canned") => {
                self.delete_canned(&crate::http::query(&req, "id")?.unwrap_or_default())
            }
            (Method::Get, "/chat-names") => self.chat_names(&caller_param(&req)?),
            (Method::Put, "/chat-name") => {
                let (agent, dialog) = (caller_param(&req)?, dialog_param(&req)?);
                self.rename_chat(&agent, &dialog, read_json(&mut req).await?)
            }
            (Method::Post, "/summary") => {
                let workspace = crate::http::query(&req, "workspace")?;
                self.summary(read_json(&mut req).await?, workspace).await
            }
            (Method::Post, "/presence") => self.set_presence(read_json(&mut req).await?).await,
            (Method::Get, "/inbox") => json(&self.snapshot()?),
            (Method::Get, "/socket") => self.socket(&req).await,
            _ => Err(ApiError::NotFound("route")),
        }
    }

    /// Offers follow who is available; `closing` is a socket on its way out.
    async fn availability_changed(&self, closing: Option<&WebSocket>) {
        if let Err(e) = self.reroute(closing) {
            console_error!("rerouting failed: {e:?}");
        }
        self.after_routing().await;
    }
}

fn param(req: &Request, name: &str) -> ApiResult<String> {
    crate::http::query(req, name)?.ok_or(ApiError::NotFound("parameter"))
}

fn workspace_param(req: &Request) -> ApiResult<openline_core::WorkspaceId> {
    openline_core::WorkspaceId::parse(&param(req, "workspace")?)
        .ok_or(ApiError::NotFound("workspace"))
}

fn agent_param(req: &Request) -> ApiResult<openline_core::AgentId> {
    openline_core::AgentId::parse(&param(req, "id")?).ok_or(ApiError::NotFound("agent"))
}

/// The agent the Worker authenticated, for per-agent data.
fn caller_param(req: &Request) -> ApiResult<openline_core::AgentId> {
    crate::http::query(req, "agent")?
        .and_then(|raw| openline_core::AgentId::parse(&raw))
        .ok_or(ApiError::Unauthorized)
}

fn dialog_param(req: &Request) -> ApiResult<openline_core::DialogId> {
    crate::http::query(req, "dialog")?
        .and_then(|raw| openline_core::DialogId::parse(&raw))
        .ok_or(ApiError::NotFound("dialog"))
}

fn channel_param(req: &Request) -> ApiResult<openline_core::ChannelId> {
    crate::http::query(req, "id")?
        .and_then(|raw| openline_core::ChannelId::parse(&raw))
        .ok_or(ApiError::NotFound("channel"))
}
