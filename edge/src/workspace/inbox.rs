//! The inbox (Q2): one summary row per dialog, pushed live to every agent's inbox socket, with
//! who a waiting session is offered to (Q13) filled in.

use super::Workspace;
use crate::error::{ApiError, ApiResult};
use crate::http::{is_websocket_upgrade, json};
use crate::sql::{get_meta, put_meta};
use openline_core::access::Access;
use openline_core::inbox::{sort_for_display, DialogSummary};
use openline_core::protocol::InboxFrame;
use openline_core::ErrorCode;
use openline_core::SessionStatus;
use openline_core::{AgentId, DialogId, WorkspaceId};
use serde::Deserialize;
use serde_json::json;
use worker::{Request, Response, WebSocketPair};

/// The inbox snapshot holds every dialog with an open session and the most recently active of
/// the others, so one socket frame stays small; older closed dialogs are reached through search
/// (a later issue).
const INBOX_SNAPSHOT_ROWS: i64 = 500;

/// Inbox rows know when they last changed and whether a session is open, so the snapshot can
/// pick them without reading every summary (issue 15: a returning customer's new chat was
/// missing once a workspace had more than 500 dialogs, as the snapshot took the newest created).
pub(super) const INBOX_ACTIVITY_COLUMNS: [&str; 3] = [
    "ALTER TABLE inbox ADD COLUMN active_at INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE inbox ADD COLUMN open INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX inbox_by_activity ON inbox (open, active_at)",
];

#[derive(Deserialize)]
struct Row {
    summary: String,
}

impl Workspace {
    /// Keeps the newest summary of each dialog and routes its session. Summaries may arrive
    /// out of order (two commands in flight), so an older `last_seq` is dropped.
    pub(super) async fn summary(
        &self,
        mut summary: DialogSummary,
        workspace: &WorkspaceId,
    ) -> ApiResult<Response> {
        self.remember_own_id(workspace)?;
        if self
            .summary_of(&summary.dialog_id)?
            .is_some_and(|stored| stored.last_seq > summary.last_seq)
        {
            return json(&json!({ "ok": true, "stale": true }));
        }
        summary.channel_name = self.channel_name(&summary.channel_id)?;
        summary.offered_to = self.offer_for(&summary)?;
        self.store_and_push(&summary)?;
        self.after_routing().await;
        json(&json!({ "ok": true }))
    }

    /// Dialogs name this workspace when they report; it needs its own id to write back to them.
    pub(super) fn remember_own_id(&self, workspace: &WorkspaceId) -> ApiResult<()> {
        if get_meta::<WorkspaceId>(&self.sql, "workspace")?.is_none() {
            put_meta(&self.sql, "workspace", workspace)?;
        }
        Ok(())
    }

    pub(super) fn summary_of(&self, dialog: &DialogId) -> ApiResult<Option<DialogSummary>> {
        let rows: Vec<Row> = self
            .sql
            .exec("SELECT summary FROM inbox WHERE dialog_id = ?", vec![dialog.as_str().into()])?
            .to_array()?;
        match rows.into_iter().next() {
            Some(row) => Ok(Some(serde_json::from_str(&row.summary)?)),
            None => Ok(None),
        }
    }

    /// Every dialog's row, oldest first.
    pub(super) fn all_summaries(&self) -> ApiResult<Vec<DialogSummary>> {
        let rows: Vec<Row> = self.sql.exec("SELECT summary FROM inbox", None)?.to_array()?;
        let summaries = rows.iter().map(|r| serde_json::from_str(&r.summary));
        Ok(summaries.collect::<std::result::Result<Vec<DialogSummary>, _>>()?)
    }

    /// Stores the row, stamped with now as its last activity, and pushes it to every open inbox.
    pub(super) fn store_and_push(&self, summary: &DialogSummary) -> ApiResult<()> {
        let open = summary.status != SessionStatus::Idle;
        self.sql.exec(
            "INSERT INTO inbox (dialog_id, last_seq, summary, active_at, open) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT(dialog_id) DO UPDATE SET last_seq = excluded.last_seq, \
             summary = excluded.summary, active_at = excluded.active_at, open = excluded.open",
            vec![
                summary.dialog_id.as_str().into(),
                (summary.last_seq as i64).into(),
                serde_json::to_string(summary)?.into(),
                (crate::auth::now_ms() as f64).into(),
                i32::from(open).into(),
            ],
        )?;
        let frame = InboxFrame::Upsert { dialog: summary.clone() };
        for ws in self.state.get_websockets() {
            let _ = ws.send(&frame);
        }
        Ok(())
    }

    pub(super) fn snapshot(&self) -> ApiResult<InboxFrame> {
        let rows: Vec<Row> = self
            .sql
            .exec(
                "SELECT summary FROM inbox WHERE open = 1 UNION ALL \
                 SELECT summary FROM (SELECT summary FROM inbox WHERE open = 0 \
                 ORDER BY active_at DESC, rowid DESC LIMIT ?)",
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

    /// An agent's app opens its inbox: the socket is tagged with the agent's id (the Worker
    /// checked the token), which makes them available for offers while it is open.
    /// The access it was opened under tags it too, so it closes when that access ends, and
    /// an access that ended since the Worker checked it is refused (issue 15).
    pub(super) async fn socket(
        &self,
        req: &Request,
        agent: &AgentId,
        access: &Access,
    ) -> ApiResult<Response> {
        if !is_websocket_upgrade(req)? {
            return Err(ApiError::bad_request(
                ErrorCode::WebsocketExpected,
                "Expected a WebSocket upgrade.",
            ));
        }
        if !self.is_live(access)? {
            return Err(ApiError::Unauthorized);
        }
        let pair = WebSocketPair::new()?;
        self.state.accept_websocket_with_tags(&pair.server, &[agent.as_str(), &access.tag()]);
        if let Err(e) = self.reroute(None) {
            worker::console_error!("rerouting failed: {e:?}");
        }
        pair.server.send(&self.snapshot()?)?;
        self.after_routing().await;
        Ok(Response::from_websocket(pair.client)?)
    }
}
