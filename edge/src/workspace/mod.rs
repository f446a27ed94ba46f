//! The Workspace Durable Object: one per tenant.
//!
//! It owns the directory (agents and their password hashes), the open channels and their
//! settings, the inbox index (one summary row per dialog) and the agents' inbox sockets.
//! Messages never pass through here: dialogs send summaries, which keeps the hot path sharded
//! per dialog.
//!
//! - `directory`: agents, login, presence, development seeding.
//! - `canned`: the canned-response library (C7).
//! - `chat_names`: each agent's own names for chats (C3).
//! - `channels`: open channels and their settings (Q14).
//! - `inbox`: summaries in, live rows out (Q2).
//! - `routing`: offers of waiting sessions to available agents (Q13).

mod canned;
mod channels;
mod chat_names;
mod directory;
mod inbox;
mod routing;

use crate::error::{ApiError, ApiResult};
use crate::http::{json, read_json};
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

    /// Clients send nothing but pings, which the runtime answers.
    async fn websocket_message(&self, _: WebSocket, _: WebSocketIncomingMessage) -> Result<()> {
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
            (Method::Get, "/agents") => self.agents(),
            (Method::Get, "/agent") => self.agent(&req),
            (Method::Get, "/channel") => self.channel_info(&req),
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
            (Method::Get, "/chat-names") => self.chat_names(&agent_param(&req)?),
            (Method::Put, "/chat-name") => {
                let (agent, dialog) = (agent_param(&req)?, dialog_param(&req)?);
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

/// The agent the Worker authenticated, for per-agent data.
fn agent_param(req: &Request) -> ApiResult<openline_core::AgentId> {
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
