//! The inbox (Q2): one summary row per dialog, pushed live to every agent's inbox socket.

use super::Workspace;
use crate::error::{ApiError, ApiResult};
use crate::http::{is_websocket_upgrade, json};
use openline_core::inbox::{sort_for_display, DialogSummary};
use openline_core::protocol::InboxFrame;
use serde::Deserialize;
use serde_json::json;
use worker::{Request, Response, WebSocketPair};

/// The inbox snapshot is bounded so one socket frame stays small; older closed dialogs are
/// reached through search (a later issue).
const INBOX_SNAPSHOT_ROWS: i64 = 500;

impl Workspace {
    /// Keeps the newest summary of each dialog. Summaries may arrive out of order (two commands
    /// in flight), so an older `last_seq` never overwrites a newer one.
    pub(super) fn summary(&self, mut summary: DialogSummary) -> ApiResult<Response> {
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

    pub(super) fn snapshot(&self) -> ApiResult<InboxFrame> {
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

    pub(super) fn socket(&self, req: &Request) -> ApiResult<Response> {
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
