//! The Workspace Durable Object: one per tenant.
//!
//! It owns the directory (agents and their password hashes, open channels), the inbox index
//! (one summary row per dialog) and the agents' inbox sockets. Messages never pass through
//! here: dialogs send summaries, which keeps the hot path sharded per dialog.

use crate::auth::random_bytes;
use crate::error::{ApiError, ApiResult};
use crate::http::{is_websocket_upgrade, json, query, read_json};
use crate::internal::LoginCheck;
use crate::sql::{migrate, META_TABLE};
use openline_core::auth::{hash_password, verify_password, PASSWORD_ITERATIONS};
use openline_core::inbox::{sort_for_display, DialogSummary};
use openline_core::protocol::{
    AgentProfile, AgentsReply, ChannelInfo, DevAgent, DevSeedRequest, InboxFrame,
};
use openline_core::{AgentId, ChannelId};
use serde::Deserialize;
use serde_json::json;
use worker::{
    console_error, durable_object, DurableObject, Env, Method, Request, Response, Result,
    SqlStorage, State, WebSocket, WebSocketIncomingMessage, WebSocketPair,
};

const MIGRATIONS: &[&[&str]] = &[&[
    META_TABLE,
    "CREATE TABLE agents (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL)",
    "CREATE TABLE channels (id TEXT PRIMARY KEY, name TEXT NOT NULL, greeting TEXT NOT NULL)",
    "CREATE TABLE inbox (dialog_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, summary TEXT NOT NULL)",
]];

/// The inbox snapshot is bounded so one socket frame stays small; older closed dialogs are
/// reached through search (a later issue).
const INBOX_SNAPSHOT_ROWS: i64 = 500;

#[durable_object]
pub struct Workspace {
    state: State,
    sql: SqlStorage,
}

impl DurableObject for Workspace {
    fn new(state: State, _env: Env) -> Self {
        crate::sockets::answer_pings_while_hibernating(&state);
        let sql = state.storage().sql();
        if let Err(e) = migrate(&sql, MIGRATIONS) {
            console_error!("workspace migration failed: {e}");
        }
        Workspace { state, sql }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        match self.route(req).await {
            Ok(response) => Ok(response),
            Err(error) => error.into_response(),
        }
    }

    /// Clients send nothing but pings, which the runtime answers; commands go over HTTP.
    async fn websocket_message(&self, _: WebSocket, _: WebSocketIncomingMessage) -> Result<()> {
        Ok(())
    }

    async fn websocket_close(&self, _: WebSocket, _: usize, _: String, _: bool) -> Result<()> {
        Ok(())
    }

    async fn websocket_error(&self, _: WebSocket, _: worker::Error) -> Result<()> {
        Ok(())
    }

    async fn alarm(&self) -> Result<Response> {
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
            (Method::Get, "/channel") => self.channel(&req),
            (Method::Post, "/summary") => self.summary(read_json(&mut req).await?),
            (Method::Get, "/inbox") => json(&self.snapshot()?),
            (Method::Get, "/socket") => self.socket(&req),
            _ => Err(ApiError::NotFound("route")),
        }
    }

    /// Development seeding: creates the channel and each agent whose email is not there yet;
    /// calling it again changes nothing.
    fn seed(&self, seed: DevSeedRequest) -> ApiResult<Response> {
        let admin = DevAgent {
            email: seed.admin_email,
            name: seed.admin_name,
            password: seed.admin_password,
        };
        let mut created = false;
        for (agent, role) in
            std::iter::once((admin, "admin")).chain(seed.agents.into_iter().map(|a| (a, "agent")))
        {
            created |= self.add_agent(agent, role)?;
        }
        let cursor = self.sql.exec(
            "INSERT INTO channels (id, name, greeting) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
            vec![seed.channel.as_str().into(), seed.channel_name.into(), seed.greeting.into()],
        )?;
        created |= cursor.rows_written() > 0;
        json(&json!({ "created": created }))
    }

    /// Adds an agent unless the email is taken; true if added.
    fn add_agent(&self, agent: DevAgent, role: &str) -> ApiResult<bool> {
        let email = normalize_email(&agent.email);
        if self.find_agents(Agents::WithEmail(&email))?.next().is_some() {
            return Ok(false);
        }
        let salt = random_bytes::<16>()?;
        let hash = hash_password(&agent.password, &salt, PASSWORD_ITERATIONS);
        self.sql.exec(
            "INSERT INTO agents (id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?)",
            vec![
                crate::auth::random_id("a_")?.into(),
                email.into(),
                agent.name.into(),
                role.into(),
                hash.into(),
            ],
        )?;
        Ok(true)
    }

    fn find_agents(&self, which: Agents<'_>) -> ApiResult<impl Iterator<Item = AgentRow>> {
        const COLUMNS: &str = "SELECT id, email, name, password_hash FROM agents";
        let cursor = match which {
            Agents::WithId(id) => {
                self.sql.exec(&format!("{COLUMNS} WHERE id = ?"), vec![id.into()])?
            }
            Agents::WithEmail(email) => {
                self.sql.exec(&format!("{COLUMNS} WHERE email = ?"), vec![email.into()])?
            }
            Agents::All => self.sql.exec(&format!("{COLUMNS} ORDER BY name"), None)?,
        };
        let rows: Vec<AgentRow> = cursor.to_array()?;
        Ok(rows.into_iter())
    }

    /// The directory, for pickers: every agent's id, name and email (never a hash).
    fn agents(&self) -> ApiResult<Response> {
        let agents = self.find_agents(Agents::All)?.filter_map(AgentRow::profile).collect();
        json(&AgentsReply { agents })
    }

    fn agent(&self, req: &Request) -> ApiResult<Response> {
        let id = query(req, "id")?.unwrap_or_default();
        let agent = self.find_agents(Agents::WithId(&id))?.find_map(AgentRow::profile);
        json(&agent.ok_or(ApiError::NotFound("agent"))?)
    }

    /// The password is checked even for an unknown email, so timing tells nothing.
    fn login(&self, check: LoginCheck) -> ApiResult<Response> {
        let row = self.find_agents(Agents::WithEmail(&normalize_email(&check.email)))?.next();
        let stored = row.as_ref().map_or(DUMMY_HASH, |r| r.password_hash.as_str());
        let password_ok = verify_password(&check.password, stored);
        match (row.and_then(AgentRow::profile), password_ok) {
            (Some(profile), true) => json(&profile),
            _ => Err(ApiError::InvalidCredentials),
        }
    }

    fn channel(&self, req: &Request) -> ApiResult<Response> {
        let id = query(req, "id")?
            .and_then(|raw| ChannelId::parse(&raw))
            .ok_or(ApiError::NotFound("channel"))?;
        #[derive(Deserialize)]
        struct Row {
            name: String,
            greeting: String,
        }
        let rows: Vec<Row> = self
            .sql
            .exec("SELECT name, greeting FROM channels WHERE id = ?", vec![id.as_str().into()])?
            .to_array()?;
        let row = rows.into_iter().next().ok_or(ApiError::NotFound("channel"))?;
        json(&ChannelInfo { id, name: row.name, greeting: row.greeting })
    }

    /// Keeps the newest summary of each dialog. Summaries may arrive out of order (two commands
    /// in flight), so an older `last_seq` never overwrites a newer one.
    fn summary(&self, mut summary: DialogSummary) -> ApiResult<Response> {
        summary.channel_name = self.channel_name(&summary.channel_id)?;
        let cursor = self.sql.exec(
            "INSERT INTO inbox (dialog_id, last_seq, summary) VALUES (?, ?, ?) \
             ON CONFLICT(dialog_id) DO UPDATE SET last_seq = excluded.last_seq, summary = excluded.summary \
             WHERE excluded.last_seq >= inbox.last_seq",
            vec![
                summary.dialog_id.as_str().into(),
                (summary.last_seq as i64).into(),
                serde_json::to_string(&summary)?.into(),
            ],
        )?;
        if cursor.rows_written() > 0 {
            let frame = InboxFrame::Upsert { dialog: summary };
            for ws in self.state.get_websockets() {
                let _ = ws.send(&frame);
            }
        }
        json(&json!({ "ok": true }))
    }

    fn channel_name(&self, id: &ChannelId) -> ApiResult<String> {
        #[derive(Deserialize)]
        struct Row {
            name: String,
        }
        let rows: Vec<Row> = self
            .sql
            .exec("SELECT name FROM channels WHERE id = ?", vec![id.as_str().into()])?
            .to_array()?;
        Ok(rows.into_iter().next().map_or_else(|| id.to_string(), |r| r.name))
    }

    fn snapshot(&self) -> ApiResult<InboxFrame> {
        #[derive(Deserialize)]
        struct Row {
            summary: String,
        }
        let rows: Vec<Row> = self
            .sql
            .exec(
                "SELECT summary FROM inbox ORDER BY rowid DESC LIMIT ?",
                vec![INBOX_SNAPSHOT_ROWS.into()],
            )?
            .to_array()?;
        let mut dialogs = rows
            .iter()
            .map(|r| serde_json::from_str(&r.summary))
            .collect::<std::result::Result<Vec<DialogSummary>, _>>()?;
        sort_for_display(&mut dialogs);
        Ok(InboxFrame::Snapshot { dialogs })
    }

    fn socket(&self, req: &Request) -> ApiResult<Response> {
        if !is_websocket_upgrade(req)? {
            return Err(ApiError::bad_request(
                "websocket_expected",
                "Expected a WebSocket upgrade.",
            ));
        }
        let pair = WebSocketPair::new()?;
        self.state.accept_web_socket(&pair.server);
        pair.server.send(&self.snapshot()?)?;
        Ok(Response::from_websocket(pair.client)?)
    }
}

enum Agents<'a> {
    WithId(&'a str),
    WithEmail(&'a str),
    All,
}

#[derive(Deserialize)]
struct AgentRow {
    id: String,
    email: String,
    name: String,
    password_hash: String,
}

impl AgentRow {
    fn profile(self) -> Option<AgentProfile> {
        Some(AgentProfile { id: AgentId::parse(&self.id)?, name: self.name, email: self.email })
    }
}

fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A well-formed hash of a random password: verifying against it costs what a real check costs.
const DUMMY_HASH: &str =
    "pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA$dW5rbm93bnVua25vd251bmtub3dudW5rbm93bnVua24";
