//! The dialog's log in SQLite: events, the folded state, and the commands already applied.
//! Every write here is synchronous; callers keep them free of `await` in between so they
//! commit together.

use super::{Conversation, MAX_SAFE_INTEGER};
use crate::error::ApiResult;
use crate::sql::{get_meta, put_meta};
use openline_core::view::{Revisions, REVISION_TYPES};
use openline_core::{apply, DialogState, Event};
use serde::Deserialize;

impl Conversation {
    pub(super) fn already_applied(&self, key: &str) -> ApiResult<Option<Vec<Event>>> {
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

    pub(super) fn load_state(&self) -> ApiResult<DialogState> {
        Ok(get_meta(&self.sql, "state")?.unwrap_or_default())
    }

    /// Appends `events` and saves the folded state.
    pub(super) fn append(&self, before: &DialogState, events: &[Event]) -> ApiResult<DialogState> {
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
    pub(super) fn remember(&self, key: &str, before: u64, last: u64) -> ApiResult<()> {
        self.sql.exec(
            "INSERT INTO commands (key, first_seq, last_seq) VALUES (?, ?, ?)",
            vec![key.into(), (before as i64 + 1).into(), (last as i64).into()],
        )?;
        Ok(())
    }

    /// The events about message `seq`: its post, then its edits and deletion (M8, M9).
    pub(super) fn message_history(&self, seq: u64) -> ApiResult<Vec<Event>> {
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

    /// The log's edits, deletions and moves to a new session, folded: what a customer's copy
    /// of an earlier event depends on (`core::view`). Read through the `events_by_type` index,
    /// in no particular order (an `ORDER BY seq` may lead SQLite to scan the log instead);
    /// `Revisions` folds them in any order.
    pub(super) fn revisions(&self) -> ApiResult<Revisions> {
        let [edited, deleted, split] = REVISION_TYPES;
        let rows: Vec<EventRow> = self
            .sql
            .exec(
                "SELECT seq, at, actor, body FROM events \
                 WHERE json_extract(body, '$.type') IN (?, ?, ?)",
                vec![edited.into(), deleted.into(), split.into()],
            )?
            .to_array()?;
        let mut revisions = Revisions::default();
        for row in rows {
            revisions.learn(&row.into_event()?);
        }
        Ok(revisions)
    }

    /// Events with `after < seq <= until`, oldest first, at most `limit`.
    pub(super) fn read_events(
        &self,
        after: i64,
        until: Option<i64>,
        limit: u64,
    ) -> ApiResult<Vec<Event>> {
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
}

/// An `events` row as SQLite returns it.
#[derive(Deserialize)]
pub(super) struct EventRow {
    seq: i64,
    at: i64,
    actor: String,
    body: String,
}

impl EventRow {
    pub(super) fn into_event(self) -> ApiResult<Event> {
        Ok(Event {
            seq: self.seq as u64,
            at: self.at,
            actor: serde_json::from_str(&self.actor)?,
            body: serde_json::from_str(&self.body)?,
        })
    }
}
