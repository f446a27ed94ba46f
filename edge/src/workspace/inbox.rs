//! The inbox (Q2): one summary row per dialog, pushed live to every agent's inbox socket, with
//! who a waiting session is offered to (Q13) filled in.

use super::Workspace;
use crate::error::{ApiError, ApiResult};
use crate::http::{is_websocket_upgrade, json};
use crate::sql::{get_meta, put_meta};
use openline_core::access::Access;
use openline_core::inbox::{
    sort_for_display, DialogSummary, InboxCounts, InboxCursor, InboxList, Shelf,
};
use openline_core::limits::INBOX_PAGE_ROWS;
use openline_core::protocol::{DevInboxRows, InboxFrame, InboxPage, ListMore};
use openline_core::ErrorCode;
use openline_core::SessionStatus;
use openline_core::{AgentId, DialogId, WorkspaceId};
use serde::Deserialize;
use serde_json::json;
use worker::{Request, Response, SqlStorage, SqlStorageValue, WebSocketPair};

/// Inbox rows know when they last changed and whether a session is open, so the snapshot can
/// pick them without reading every summary (issue 15: a returning customer's new chat was
/// missing once a workspace had more than 500 dialogs, as the snapshot took the newest created).
pub(super) const INBOX_ACTIVITY_COLUMNS: [&str; 3] = [
    "ALTER TABLE inbox ADD COLUMN active_at INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE inbox ADD COLUMN open INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX inbox_by_activity ON inbox (open, active_at)",
];

/// Each row's shelf (`core::inbox::Shelf`), so every list is paged by last activity from an
/// index, and counted exactly, at any number of dialogs. Rows from before have none until
/// `fill_shelves` gives them one.
pub(super) const INBOX_SHELF_COLUMN: [&str; 2] = [
    "ALTER TABLE inbox ADD COLUMN shelf TEXT",
    "CREATE INDEX inbox_by_shelf ON inbox (shelf, active_at, dialog_id)",
];

#[derive(Deserialize)]
struct Row {
    summary: String,
    active_at: i64,
}

impl Row {
    /// The stored summary, with its activity from the column the lists are ordered by.
    fn summary(&self) -> ApiResult<DialogSummary> {
        let mut summary: DialogSummary = serde_json::from_str(&self.summary)?;
        summary.active_at = self.active_at;
        Ok(summary)
    }
}

fn summaries(rows: &[Row]) -> ApiResult<Vec<DialogSummary>> {
    rows.iter().map(Row::summary).collect()
}

/// Gives rows stored before shelves existed their shelf; nothing to do once they all have one.
pub(super) fn fill_shelves(sql: &SqlStorage) -> ApiResult<()> {
    let rows: Vec<Row> =
        sql.exec("SELECT summary, active_at FROM inbox WHERE shelf IS NULL", None)?.to_array()?;
    for summary in summaries(&rows)? {
        sql.exec(
            "UPDATE inbox SET shelf = ? WHERE dialog_id = ?",
            vec![Shelf::of(&summary).as_str().into(), summary.dialog_id.as_str().into()],
        )?;
    }
    Ok(())
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
        let before = self.summary_of(&summary.dialog_id)?;
        if before.as_ref().is_some_and(|stored| stored.last_seq > summary.last_seq) {
            return json(&json!({ "ok": true, "stale": true }));
        }
        summary.channel_name = self.channel_name(&summary.channel_id)?;
        summary.offered_to = self.offer_for(&summary)?;
        self.store_and_push(&summary, before)?;
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
            .exec(
                "SELECT summary, active_at FROM inbox WHERE dialog_id = ?",
                vec![dialog.as_str().into()],
            )?
            .to_array()?;
        rows.first().map(Row::summary).transpose()
    }

    /// Every dialog's row, oldest first.
    pub(super) fn all_summaries(&self) -> ApiResult<Vec<DialogSummary>> {
        let rows: Vec<Row> =
            self.sql.exec("SELECT summary, active_at FROM inbox", None)?.to_array()?;
        summaries(&rows)
    }

    /// Stores the row and pushes it, with `before` (the stored row it replaces, as the caller
    /// read it), to every open inbox. A new event stamps it with now as its last activity; a
    /// new offer alone keeps its place.
    pub(super) fn store_and_push(
        &self,
        summary: &DialogSummary,
        before: Option<DialogSummary>,
    ) -> ApiResult<()> {
        let mut row = summary.clone();
        row.active_at = match &before {
            Some(before) if before.last_seq == row.last_seq => before.active_at,
            // Never earlier than before: a row's place in the lists only moves up.
            Some(before) => crate::auth::now_ms().max(before.active_at),
            None => crate::auth::now_ms(),
        };
        self.store_row(&row)?;
        let frame = InboxFrame::Upsert { dialog: row, before };
        for ws in self.state.get_websockets() {
            let _ = ws.send(&frame);
        }
        Ok(())
    }

    /// Writes the row, with its activity and shelf in their columns for the lists' index.
    fn store_row(&self, row: &DialogSummary) -> ApiResult<()> {
        let open = row.status != SessionStatus::Idle;
        self.sql.exec(
            "INSERT INTO inbox (dialog_id, last_seq, summary, active_at, open, shelf) \
             VALUES (?, ?, ?, ?, ?, ?) \
             ON CONFLICT(dialog_id) DO UPDATE SET last_seq = excluded.last_seq, \
             summary = excluded.summary, active_at = excluded.active_at, open = excluded.open, \
             shelf = excluded.shelf",
            vec![
                row.dialog_id.as_str().into(),
                (row.last_seq as i64).into(),
                serde_json::to_string(row)?.into(),
                (row.active_at as f64).into(),
                i32::from(open).into(),
                Shelf::of(row).as_str().into(),
            ],
        )?;
        Ok(())
    }

    /// Development only: rows written as they come, activity included; open inboxes learn of
    /// them at their next snapshot.
    pub(super) fn seed_inbox(&self, seed: DevInboxRows) -> ApiResult<Response> {
        self.remember_own_id(&seed.workspace)?;
        for mut row in seed.rows {
            row.channel_name = self.channel_name(&row.channel_id)?;
            self.store_row(&row)?;
        }
        json(&json!({}))
    }

    /// What `me`'s app starts from: the first page of each list, every list's exact count.
    pub(super) fn snapshot(&self, me: &AgentId) -> ApiResult<InboxFrame> {
        let (mut dialogs, mut more) = (Vec::new(), Vec::new());
        for list in InboxList::ALL {
            let page = self.page(me, list, None)?;
            if let Some(after) = page.next {
                more.push(ListMore { list, after });
            }
            for row in page.dialogs {
                if !dialogs.iter().any(|d: &DialogSummary| d.dialog_id == row.dialog_id) {
                    dialogs.push(row);
                }
            }
        }
        sort_for_display(&mut dialogs);
        Ok(InboxFrame::Snapshot { dialogs, counts: self.counts(me)?, more })
    }

    /// The rows of `list` for `me` after `after` (none: from the top), newest activity first.
    pub(super) fn page(
        &self,
        me: &AgentId,
        list: InboxList,
        after: Option<InboxCursor>,
    ) -> ApiResult<InboxPage> {
        // One row more than a page tells whether more follow. Mine and Unanswered (offers)
        // depend on the agent, not on a column: their rows are read on until the page is full.
        let batch_rows = INBOX_PAGE_ROWS as i64 + 1;
        let mut dialogs = Vec::new();
        let mut position = after;
        loop {
            let batch = self.rows_of_shelves(list.shelves(), position.as_ref(), batch_rows)?;
            let exhausted = (batch.len() as i64) < batch_rows;
            for row in batch {
                position = Some(row.position());
                if !list.includes(&row, me) {
                    continue;
                }
                if dialogs.len() == INBOX_PAGE_ROWS {
                    let next = dialogs.last().map(DialogSummary::position);
                    return Ok(InboxPage { list, dialogs, next });
                }
                dialogs.push(row);
            }
            if exhausted {
                return Ok(InboxPage { list, dialogs, next: None });
            }
        }
    }

    /// Up to `limit` rows on `shelves` older than `after`, newest activity first.
    fn rows_of_shelves(
        &self,
        shelves: &[Shelf],
        after: Option<&InboxCursor>,
        limit: i64,
    ) -> ApiResult<Vec<DialogSummary>> {
        let marks = vec!["?"; shelves.len()].join(", ");
        let mut bindings: Vec<SqlStorageValue> =
            shelves.iter().map(|s| s.as_str().into()).collect();
        let older = match after {
            Some(at) => {
                bindings.push((at.active_at as f64).into());
                bindings.push((at.active_at as f64).into());
                bindings.push(at.dialog_id.as_str().into());
                "AND (active_at < ? OR (active_at = ? AND dialog_id < ?))"
            }
            None => "",
        };
        bindings.push(limit.into());
        let query = format!(
            "SELECT summary, active_at FROM inbox WHERE shelf IN ({marks}) {older} \
             ORDER BY active_at DESC, dialog_id DESC LIMIT ?"
        );
        let rows: Vec<Row> = self.sql.exec(&query, bindings)?.to_array()?;
        summaries(&rows)
    }

    /// How many rows each of `me`'s lists holds: the closed ones counted from the index, the
    /// open rows read (they are few, and Unanswered and Mine depend on the agent).
    fn counts(&self, me: &AgentId) -> ApiResult<InboxCounts> {
        #[derive(Deserialize)]
        struct Count {
            shelf: String,
            rows: i64,
        }
        let per_shelf: Vec<Count> = self
            .sql
            .exec("SELECT shelf, COUNT(*) AS rows FROM inbox GROUP BY shelf", None)?
            .to_array()?;
        let on = |shelf: Shelf| {
            per_shelf.iter().find(|c| c.shelf == shelf.as_str()).map_or(0, |c| c.rows as u64)
        };
        // Closed and Spam are whole shelves (a test in core says so); the open lists depend
        // on who asks.
        let mut counts = InboxCounts {
            closed: on(Shelf::Closed),
            spam: on(Shelf::Spam),
            ..InboxCounts::default()
        };
        let open: Vec<Row> = self
            .sql
            .exec(
                "SELECT summary, active_at FROM inbox WHERE shelf IN (?, ?)",
                vec![Shelf::Unanswered.as_str().into(), Shelf::InProgress.as_str().into()],
            )?
            .to_array()?;
        for row in summaries(&open)? {
            counts.add(&row, me);
        }
        Ok(counts)
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
        pair.server.send(&self.snapshot(agent)?)?;
        self.after_routing().await;
        Ok(Response::from_websocket(pair.client)?)
    }
}
