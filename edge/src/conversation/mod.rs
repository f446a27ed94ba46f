//! The Conversation Durable Object: one per dialog.
//!
//! It owns the dialog's event log (SQLite), the state folded from it, the commands already
//! applied (for exactly-once retries) and the sockets of the customer and of agents who have
//! the dialog open. Every action is the same four steps: load, `core::decide`, append in one
//! transaction, broadcast through `core::view`. What the events owe its workspace (the inbox
//! summary, a block) is recorded in that same transaction and delivered until acknowledged.
//!
//! Sockets are hibernatable: an idle chat costs no memory. What a socket needs after a wake-up
//! (who is on it) lives in its attachment, not in a struct field.
//!
//! - `log`: the event log, state snapshot and applied commands in SQLite.
//! - `delivery`: history pages, sockets with resume, broadcast.
//! - `outbox`: effects on the workspace (the inbox summary, a block), recorded with the events
//!   and sent until acknowledged, retried by the alarm (issue 15).
//! - `automation`: the channel's settings copy and the alarm: automatic close (Q14), unattached
//!   uploads, the outbox's retries.
//! - `typing`: typing indicators passed between sockets, never stored (W2).
//! - `files`: uploads into R2, signed links on the way out, removal with their message (C1).
//! - `access`: agents' sockets closed when the session or token they were opened under ends
//!   (issue 15).

mod access;
mod automation;
mod delivery;
mod files;
mod log;
mod outbox;
mod typing;

pub use files::object_key;

use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::{self, ConversationRequest, DialogCommand, DialogMeta};
use crate::sql::{get_meta, migrate, put_meta, META_TABLE};
use openline_core::conversation::{new_session_reply, Context};
use openline_core::protocol::CommandReply;
use openline_core::rate::{Bucket, CUSTOMER_BURST, CUSTOMER_REFILL_MS};
use openline_core::{decide, Actor, Command, Viewer};
use serde::{Deserialize, Serialize};
use worker::{
    console_error, durable_object, DurableObject, Env, Request, Response, Result, SqlStorage,
    State, WebSocket, WebSocketIncomingMessage,
};

const MIGRATIONS: &[&[&str]] = &[&[
    META_TABLE,
    "CREATE TABLE events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, body TEXT NOT NULL)",
    // A command id seen before, scoped to its actor, and the events it appended.
    "CREATE TABLE commands (key TEXT PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL)",
], &[files::FILES_TABLE], &[access::ENDED_ACCESS_TABLE], &[
    // The events found by kind: a customer's copy reads the log's edits, deletions and moves
    // (`log::revisions`) without a scan of the whole log.
    "CREATE INDEX events_by_type ON events (json_extract(body, '$.type'))",
], &[outbox::OUTBOX_TABLE]];

/// Bindings cross into JavaScript as numbers; keep them exact.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

#[durable_object]
pub struct Conversation {
    state: State,
    env: Env,
    sql: SqlStorage,
}

/// Kept on each socket so it survives hibernation.
#[derive(Serialize, Deserialize)]
struct SocketInfo {
    viewer: Viewer,
    /// Who is on it, as the Worker authenticated them (sockets opened before typing
    /// indicators existed have none, and their updates are ignored).
    #[serde(default)]
    actor: Option<Actor>,
    /// The socket's allowance of typing updates (W2).
    #[serde(default)]
    typing: openline_core::rate::Bucket,
    /// An agent's session or API token the socket was opened under (issue 15).
    #[serde(default)]
    access: Option<openline_core::access::Access>,
    /// Set as the dialog closes the socket: nothing more goes out or comes in through it.
    #[serde(default)]
    closed: bool,
}

impl DurableObject for Conversation {
    fn new(state: State, env: Env) -> Self {
        crate::sockets::answer_pings_while_hibernating(&state);
        let sql = state.storage().sql();
        if let Err(e) = migrate(&sql, MIGRATIONS) {
            console_error!("conversation migration failed: {e}");
        }
        Conversation { state, env, sql }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        ApiError::respond(self.route(req).await)
    }

    /// Clients send pings, which the runtime answers, and typing updates; commands go over
    /// HTTP.
    async fn websocket_message(&self, ws: WebSocket, msg: WebSocketIncomingMessage) -> Result<()> {
        if let WebSocketIncomingMessage::String(text) = msg {
            self.typing(&ws, &text);
        }
        Ok(())
    }

    async fn websocket_close(&self, _: WebSocket, _: usize, _: String, _: bool) -> Result<()> {
        Ok(())
    }

    async fn websocket_error(&self, _: WebSocket, _: worker::Error) -> Result<()> {
        Ok(())
    }

    /// A deadline rang (an outbox retry, the automatic close of Q14, an upload's time); see
    /// `automation`.
    async fn alarm(&self) -> Result<Response> {
        if let Err(e) = self.on_alarm().await {
            console_error!("conversation alarm failed: {e:?}");
        }
        Response::ok("")
    }
}

impl Conversation {
    /// One call of the Worker's (`internal::ConversationRequest`), to its handler.
    async fn route(&self, mut req: Request) -> ApiResult<Response> {
        match internal::receive(&mut req).await? {
            ConversationRequest::Command(cmd) => self.command(cmd).await,
            ConversationRequest::Upload(upload) => self.upload(upload, req).await,
            ConversationRequest::Events { viewer, after } => self.events(viewer, after),
            ConversationRequest::Exists => {
                self.require_dialog_for(Viewer::Agent)?;
                json(&serde_json::json!({}))
            }
            ConversationRequest::Socket { viewer, after, actor, access } => {
                self.socket(&req, viewer, after, actor, access)
            }
            ConversationRequest::EndAccess { accesses, change } => {
                self.end_access(&accesses, &change)
            }
            ConversationRequest::CloseCustomerSockets { reason } => {
                self.close_customer_sockets(reason)
            }
        }
    }

    async fn command(&self, cmd: DialogCommand) -> ApiResult<Response> {
        let meta = self.meta_for(cmd.meta)?;
        let key = format!("{}:{}", actor_key(&cmd.actor), cmd.request.command_id);
        // Fresh settings when this command may open a session (their texts apply then).
        let settings = self.settings(&meta, !self.load_state()?.is_open()).await;

        // Check, load, decide, append: no `await` from here to the end of the writes, so the
        // writes commit together and no other request interleaves (a retry racing the
        // original included).
        if let Some(events) = self.already_applied(&key)? {
            return json(&CommandReply { events: self.outgoing(&events, cmd.viewer)? });
        }
        // A read mark is not the customer writing: it never spends their allowance (W2).
        let writes = !matches!(cmd.request.command, Command::MarkRead { .. });
        if let (Actor::Visitor { .. }, true) = (&cmd.actor, writes) {
            self.spend_customer_token()?;
        }
        let before = self.load_state()?;
        let now = crate::auth::now_ms();
        let message = match cmd.request.command.target_message() {
            Some(seq) => self.message_history(seq)?,
            None => Vec::new(),
        };
        let uploads = self.uploads(cmd.request.command.attached_files())?;
        let ctx = Context {
            now,
            directory: &cmd.directory,
            channels: &cmd.channels,
            message: &message,
            role: cmd.role,
            uploads: &uploads,
            channel: Some(&settings),
        };
        let mut events =
            decide(&before, &cmd.actor, &cmd.request.command, ctx).map_err(ApiError::Rejected)?;
        let mut after = self.append(&before, &events)?;
        self.mark_attached(&events)?;
        if let Some(reply) = new_session_reply(&events, &settings, now) {
            let auto = decide(&after, &Actor::System, &reply, Context::at(now))
                .map_err(ApiError::Rejected)?;
            after = self.append(&after, &auto)?;
            events.extend(auto);
        }
        let effects = self.record_effects(&meta, &settings, &before, &after)?;
        self.remember(&key, before.last_seq, after.last_seq)?;

        self.broadcast(&events, after.last_seq);
        self.deliver_effects(effects).await;
        self.schedule_alarm(&after, &settings).await;
        self.remove_deleted_files(&meta, &events, &message).await;
        json(&CommandReply { events: self.outgoing(&events, cmd.viewer)? })
    }

    /// A customer writes at a human pace: a burst, then one message a second (abuse
    /// protection; the bucket lives with the dialog, so one customer never slows another).
    fn spend_customer_token(&self) -> ApiResult<()> {
        // A deployment (or the latency bench) may allow a larger burst.
        let burst = self
            .env
            .var("OPENLINE_CUSTOMER_BURST")
            .ok()
            .and_then(|v| v.to_string().parse().ok())
            .unwrap_or(CUSTOMER_BURST);
        let mut bucket: Bucket = get_meta(&self.sql, "rate:customer")?.unwrap_or_default();
        let spent = bucket.take(crate::auth::now_ms(), burst, CUSTOMER_REFILL_MS);
        put_meta(&self.sql, "rate:customer", &bucket)?;
        spent.map_err(|retry_after_ms| ApiError::RateLimited { retry_after_ms })
    }

    /// The dialog's owner, stored on the first customer command. Agents cannot create dialogs.
    fn meta_for(&self, given: Option<DialogMeta>) -> ApiResult<DialogMeta> {
        let stored: Option<DialogMeta> = get_meta(&self.sql, "dialog")?;
        let same_dialog = |a: &DialogMeta, b: &DialogMeta| {
            (&a.workspace, &a.channel, &a.visitor, &a.dialog)
                == (&b.workspace, &b.channel, &b.visitor, &b.dialog)
        };
        match (stored, given) {
            (Some(stored), Some(given)) if !same_dialog(&stored, &given) => {
                Err(ApiError::Rejected(openline_core::Rejection::Forbidden))
            }
            // The customer's latest network is the one a block covers (Q6).
            (Some(stored), Some(given))
                if given.network.is_some() && given.network != stored.network =>
            {
                put_meta(&self.sql, "dialog", &given)?;
                Ok(given)
            }
            (Some(stored), _) => Ok(stored),
            (None, Some(given)) => {
                put_meta(&self.sql, "dialog", &given)?;
                Ok(given)
            }
            (None, None) => Err(ApiError::NotFound("dialog")),
        }
    }
}

/// Command ids are the client's; scoping them to the actor keeps one client's ids from ever
/// answering for another's.
fn actor_key(actor: &Actor) -> String {
    match actor {
        Actor::Visitor { id } => format!("v:{id}"),
        Actor::Agent { id, .. } => format!("a:{id}"),
        Actor::System => "system".to_owned(),
    }
}
