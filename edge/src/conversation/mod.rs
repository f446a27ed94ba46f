//! The Conversation Durable Object: one per dialog.
//!
//! It owns the dialog's event log (SQLite), the state folded from it, the commands already
//! applied (for exactly-once retries) and the sockets of the customer and of agents who have
//! the dialog open. Every action is the same four steps: load, `core::decide`, append in one
//! transaction, broadcast through `core::view`. Then it tells its workspace a short summary.
//!
//! Sockets are hibernatable: an idle chat costs no memory. What a socket needs after a wake-up
//! (who is on it) lives in its attachment, not in a struct field.

mod automation;

use crate::error::{ApiError, ApiResult};
use crate::http::{after_param, is_websocket_upgrade, json, query, read_json};
use crate::internal::{self, DialogCommand, DialogMeta};
use crate::sql::{get_meta, migrate, put_meta, META_TABLE};
use openline_core::conversation::{new_session_reply, Context};
use openline_core::inbox::DialogSummary;
use openline_core::limits::MAX_EVENTS_PER_PAGE;
use openline_core::protocol::{CommandReply, EventsFrame};
use openline_core::sync::{resume, Resume};
use openline_core::view::view_all;
use openline_core::{apply, decide, Actor, DialogState, Event, Viewer};
use serde::{Deserialize, Serialize};
use worker::{
    console_error, durable_object, DurableObject, Env, Method, Request, Response, Result,
    SqlStorage, State, WebSocket, WebSocketIncomingMessage, WebSocketPair,
};

const MIGRATIONS: &[&[&str]] = &[&[
    META_TABLE,
    "CREATE TABLE events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, body TEXT NOT NULL)",
    // A command id seen before, scoped to its actor, and the events it appended.
    "CREATE TABLE commands (key TEXT PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL)",
]];

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

    /// The automatic-close deadline (Q14) rang; see `automation`.
    async fn alarm(&self) -> Result<Response> {
        if let Err(e) = self.on_alarm().await {
            console_error!("conversation alarm failed: {e:?}");
        }
        Response::ok("")
    }
}

impl Conversation {
    async fn route(&self, mut req: Request) -> ApiResult<Response> {
        match (req.method(), req.path().as_str()) {
            (Method::Post, "/command") => self.command(read_json(&mut req).await?).await,
            (Method::Get, "/events") => self.events(&req),
            (Method::Get, "/socket") => self.socket(&req),
            _ => Err(ApiError::NotFound("route")),
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
            return json(&CommandReply { events: view_all(&events, cmd.viewer) });
        }
        let before = self.load_state()?;
        let now = crate::auth::now_ms();
        let message = match cmd.request.command.target_message() {
            Some(seq) => self.message_history(seq)?,
            None => Vec::new(),
        };
        let ctx = Context {
            now,
            directory: &cmd.directory,
            channels: &cmd.channels,
            message: &message,
            role: cmd.role,
        };
        let mut events =
            decide(&before, &cmd.actor, &cmd.request.command, ctx).map_err(ApiError::Rejected)?;
        let mut after = self.append(&before, &events)?;
        if let Some(reply) = new_session_reply(&events, &settings, now) {
            let auto = decide(&after, &Actor::System, &reply, Context::at(now))
                .map_err(ApiError::Rejected)?;
            after = self.append(&after, &auto)?;
            events.extend(auto);
        }
        self.remember(&key, before.last_seq, after.last_seq)?;

        self.broadcast(&events, after.last_seq);
        if !events.is_empty() {
            self.send_summary(&meta, &after);
        }
        self.schedule_auto_close(&after, &settings).await;
        json(&CommandReply { events: view_all(&events, cmd.viewer) })
    }

    /// The dialog's owner, stored on the first customer command. Agents cannot create dialogs.
    fn meta_for(&self, given: Option<DialogMeta>) -> ApiResult<DialogMeta> {
        let stored: Option<DialogMeta> = get_meta(&self.sql, "dialog")?;
        match (stored, given) {
            (Some(stored), Some(given)) if stored != given => {
                Err(ApiError::Rejected(openline_core::Rejection::Forbidden))
            }
            (Some(stored), _) => Ok(stored),
            (None, Some(given)) => {
                put_meta(&self.sql, "dialog", &given)?;
                Ok(given)
            }
            (None, None) => Err(ApiError::NotFound("dialog")),
        }
    }

    fn already_applied(&self, key: &str) -> ApiResult<Option<Vec<Event>>> {
        #[derive(Deserialize)]
        struct Row {
            first_seq: i64,
            last_seq: i64,
        }
        let rows: Vec<Row> = self
            .sql
            .exec("SELECT first_seq, last_seq FROM commands WHERE key = ?", vec![key.into()])?
            .to_array()?;
        let Some(row) = rows.into_iter().next() else { return Ok(None) };
        Ok(Some(self.read_events(row.first_seq - 1, Some(row.last_seq), u64::MAX)?))
    }

    fn load_state(&self) -> ApiResult<DialogState> {
        Ok(get_meta(&self.sql, "state")?.unwrap_or_default())
    }

    /// Appends `events` and saves the folded state.
    fn append(&self, before: &DialogState, events: &[Event]) -> ApiResult<DialogState> {
        let mut state = before.clone();
        for event in events {
            self.sql.exec(
                "INSERT INTO events (seq, at, actor, body) VALUES (?, ?, ?, ?)",
                vec![
                    (event.seq as i64).into(),
                    event.at.into(),
                    serde_json::to_string(&event.actor)?.into(),
                    serde_json::to_string(&event.body)?.into(),
                ],
            )?;
            apply(&mut state, event);
        }
        put_meta(&self.sql, "state", &state)?;
        Ok(state)
    }

    /// Remembers that command `key` appended the events after `before` up to `last`.
    fn remember(&self, key: &str, before: u64, last: u64) -> ApiResult<()> {
        self.sql.exec(
            "INSERT INTO commands (key, first_seq, last_seq) VALUES (?, ?, ?)",
            vec![key.into(), (before as i64 + 1).into(), (last as i64).into()],
        )?;
        Ok(())
    }

    /// The events about message `seq`: its post, then its edits and deletion (M8, M9).
    fn message_history(&self, seq: u64) -> ApiResult<Vec<Event>> {
        let rows: Vec<EventRow> = self
            .sql
            .exec(
                "SELECT seq, at, actor, body FROM events WHERE seq = ?1 \
                 OR (json_extract(body, '$.seq') = ?1 \
                     AND json_extract(body, '$.type') IN ('message_edited', 'message_deleted')) \
                 ORDER BY seq",
                vec![(seq.min(MAX_SAFE_INTEGER as u64) as i64).into()],
            )?
            .to_array()?;
        rows.into_iter().map(EventRow::into_event).collect()
    }

    /// Events with `after < seq <= until`, oldest first, at most `limit`.
    fn read_events(&self, after: i64, until: Option<i64>, limit: u64) -> ApiResult<Vec<Event>> {
        let rows: Vec<EventRow> = self
            .sql
            .exec(
                "SELECT seq, at, actor, body FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                vec![
                    after.into(),
                    until.unwrap_or(MAX_SAFE_INTEGER).into(),
                    (limit.min(MAX_SAFE_INTEGER as u64) as i64).into(),
                ],
            )?
            .to_array()?;
        rows.into_iter().map(EventRow::into_event).collect()
    }

    /// The frames a client resuming from `after` needs, as `viewer` may see them: a replay of
    /// what it missed, or everything with `reset` when its position is unknown here.
    fn catch_up(&self, after: Option<u64>, viewer: Viewer) -> ApiResult<Vec<EventsFrame>> {
        let last_seq = self.load_state()?.last_seq;
        let (mut from, reset) = match resume(after, last_seq) {
            Resume::Replay { after } => (after, false),
            Resume::Reset => (0, true),
        };
        let mut frames = Vec::new();
        loop {
            let page = self.read_events(from as i64, None, MAX_EVENTS_PER_PAGE)?;
            let more = page.len() as u64 == MAX_EVENTS_PER_PAGE;
            from = page.last().map_or(from, |e| e.seq);
            let events = view_all(&page, viewer);
            frames.push(EventsFrame { events, reset: reset && frames.is_empty(), last_seq, more });
            if !more {
                return Ok(frames);
            }
        }
    }

    fn events(&self, req: &Request) -> ApiResult<Response> {
        let viewer = viewer_param(req)?;
        self.require_dialog_for(viewer)?;
        // One page per request: the client asks again with `after` while `more` is set.
        let first = self.catch_up(after_param(req)?, viewer)?.into_iter().next();
        json(&first.ok_or(ApiError::NotFound("events"))?)
    }

    /// A customer's own dialog exists as soon as they have a token; for an agent, a dialog no
    /// customer ever wrote to is not there.
    fn require_dialog_for(&self, viewer: Viewer) -> ApiResult<()> {
        let exists = get_meta::<DialogMeta>(&self.sql, "dialog")?.is_some();
        if viewer == Viewer::Agent && !exists {
            return Err(ApiError::NotFound("dialog"));
        }
        Ok(())
    }

    fn socket(&self, req: &Request) -> ApiResult<Response> {
        if !is_websocket_upgrade(req)? {
            return Err(ApiError::bad_request(
                "websocket_expected",
                "Expected a WebSocket upgrade.",
            ));
        }
        let viewer = viewer_param(req)?;
        self.require_dialog_for(viewer)?;
        let frames = self.catch_up(after_param(req)?, viewer)?;
        let pair = WebSocketPair::new()?;
        self.state.accept_web_socket(&pair.server);
        pair.server.serialize_attachment(SocketInfo { viewer })?;
        for frame in frames {
            pair.server.send(&frame)?;
        }
        Ok(Response::from_websocket(pair.client)?)
    }

    /// Sends the new events to every open socket, each through `view` for its viewer.
    fn broadcast(&self, events: &[Event], last_seq: u64) {
        if events.is_empty() {
            return;
        }
        for ws in self.state.get_websockets() {
            let Ok(Some(info)) = ws.deserialize_attachment::<SocketInfo>() else { continue };
            let visible = view_all(events, info.viewer);
            if visible.is_empty() {
                continue;
            }
            let frame = EventsFrame { events: visible, reset: false, last_seq, more: false };
            // A socket that is closing is not an error of this command.
            let _ = ws.send(&frame);
        }
    }

    /// The workspace's inbox row for this dialog, sent after the reply: the customer does not
    /// wait for the inbox. A failure loses no message (the log is stored) and the next change
    /// sends a fresh summary; summaries that overtake each other are ordered by `last_seq`.
    fn send_summary(&self, meta: &DialogMeta, state: &DialogState) {
        let summary = DialogSummary::new(
            meta.dialog.clone(),
            state.channel_or(&meta.channel),
            meta.visitor.clone(),
            state,
        );
        let (env, workspace) = (self.env.clone(), meta.workspace.clone());
        self.state.wait_until(async move {
            let result = async {
                let stub = internal::workspace(&env, &workspace)?;
                let path = format!("/summary?workspace={workspace}");
                internal::call::<_, serde_json::Value>(&stub, Method::Post, &path, Some(&summary))
                    .await
            }
            .await;
            if let Err(e) = result {
                console_error!("summary to workspace failed: {e:?}");
            }
        });
    }
}

/// An `events` row as SQLite returns it.
#[derive(Deserialize)]
struct EventRow {
    seq: i64,
    at: i64,
    actor: String,
    body: String,
}

impl EventRow {
    fn into_event(self) -> ApiResult<Event> {
        Ok(Event {
            seq: self.seq as u64,
            at: self.at,
            actor: serde_json::from_str(&self.actor)?,
            body: serde_json::from_str(&self.body)?,
        })
    }
}

fn viewer_param(req: &Request) -> ApiResult<Viewer> {
    match query(req, "viewer")?.as_deref() {
        Some("customer") => Ok(Viewer::Customer),
        Some("agent") => Ok(Viewer::Agent),
        _ => Err(ApiError::bad_request("invalid_viewer", "Unknown viewer.")),
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
