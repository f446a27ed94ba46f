//! Effects on the workspace's objects, recorded with the events and delivered until
//! acknowledged (issue 15). A command's events change things the Workspace object keeps: the
//! dialog's inbox row (the summary) and, for a block (Q6), the visitor's and their network's
//! standing; and what the customer said of themselves goes to the Contacts object (R1). Sending
//! them once, after the commit, lost them whenever that one call failed: a stale inbox row, a
//! blocked spammer still opening chats.
//!
//! So each effect is a row in `outbox`, written in the same transaction as the events (no
//! `await` between the append and it). It is sent right after the commit (the block before
//! the reply, the summary after it) and marked delivered only when the workspace acknowledged
//! that very version; a failure leaves it for the dialog's alarm, which tries again with
//! backoff.
//!
//! Effects are state-like, so one row per kind is kept, the newest replacing older ones: the
//! workspace only ever needs the latest summary and the latest block flag, and it takes both
//! idempotently (summaries ordered by `last_seq`, blocks set or clear a row).

use super::Conversation;
use crate::error::{ApiError, ApiResult};
use crate::internal::{self, BlockChange, ContactsRequest, DialogMeta, Sighting, WorkspaceRequest};
use crate::sql::{earliest, get_meta, put_meta};
use openline_core::channel::ChannelSettings;
use openline_core::inbox::DialogSummary;
use openline_core::retry::{retry_delay, FIRST_RETRY_MS};
use openline_core::DialogState;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use worker::worker_sys::DurableObjectState;
use worker::{console_error, State};

/// One row per kind of effect. `version` is the dialog's `last_seq` when it was recorded, so a
/// newer effect always has a larger one; `next_at` is when the alarm tries it (again).
/// `acked` marks it delivered: the row stays (one per kind) so that an older delivery landing
/// after it can be followed by the newest again.
pub(super) const OUTBOX_TABLE: &str = "CREATE TABLE outbox (kind TEXT PRIMARY KEY, version INTEGER NOT NULL, request TEXT NOT NULL, attempts INTEGER NOT NULL, next_at INTEGER NOT NULL, acked INTEGER NOT NULL DEFAULT 0)";

/// What a command's events owe the workspace's objects.
#[derive(Clone, Copy, Default)]
pub(super) struct Effects {
    summary: bool,
    block: bool,
    contact: bool,
}

#[derive(Clone, Copy)]
enum Kind {
    Summary,
    Block,
    /// What the customer said of themselves, to the Contacts object (issue 16, R1).
    Contact,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Block, Kind::Summary, Kind::Contact];

    fn as_str(self) -> &'static str {
        match self {
            Kind::Summary => "summary",
            Kind::Block => "block",
            Kind::Contact => "contact",
        }
    }

    /// The workspace drops a summary older than the one it has (by `last_seq`); a block is a
    /// flag, and the last one to land wins.
    fn ordered_by_workspace(self) -> bool {
        matches!(self, Kind::Summary)
    }
}

#[derive(Deserialize)]
struct Pending {
    version: i64,
    request: String,
    attempts: i64,
    acked: i64,
}

impl Conversation {
    /// Records what the change from `before` to `after` owes the workspace. Call it with no
    /// `await` since the append, so the effects commit with the events.
    pub(super) fn record_effects(
        &self,
        meta: &DialogMeta,
        settings: &ChannelSettings,
        before: &DialogState,
        after: &DialogState,
    ) -> ApiResult<Effects> {
        let mut effects = Effects::default();
        if after.last_seq != before.last_seq {
            let summary = DialogSummary::new(
                meta.dialog.clone(),
                after.channel_or(&meta.channel),
                meta.visitor.clone(),
                after,
            );
            let request = WorkspaceRequest::Summary { workspace: meta.workspace.clone(), summary };
            self.record(Kind::Summary, after.last_seq, &request)?;
            effects.summary = true;
        }
        if after.blocked != before.blocked {
            let change = BlockChange {
                visitor: meta.visitor.clone(),
                network: meta.network.clone(),
                blocked: after.blocked,
            };
            self.record(Kind::Block, after.last_seq, &WorkspaceRequest::Block(change))?;
            effects.block = true;
        }
        if let (Some(contact), true) = (&after.contact, after.contact != before.contact) {
            let sighting = Sighting {
                dialog: meta.dialog.clone(),
                channel: after.channel_or(&meta.channel),
                visitor: meta.visitor.clone(),
                user_id: None,
                contact: contact.clone(),
                default_country: settings.default_country.clone(),
            };
            self.record(Kind::Contact, after.last_seq, &ContactsRequest::Note(sighting))?;
            effects.contact = true;
        }
        Ok(effects)
    }

    fn record(&self, kind: Kind, version: u64, request: &impl Serialize) -> ApiResult<()> {
        self.sql.exec(
            "INSERT INTO outbox (kind, version, request, attempts, next_at) VALUES (?, ?, ?, 0, ?) \
             ON CONFLICT(kind) DO UPDATE SET version = excluded.version, request = excluded.request, \
             attempts = 0, next_at = excluded.next_at, acked = 0 WHERE excluded.version > outbox.version",
            vec![
                kind.as_str().into(),
                (version as i64).into(),
                serde_json::to_string(request)?.into(),
                (crate::auth::now_ms() + FIRST_RETRY_MS).into(),
            ],
        )?;
        Ok(())
    }

    /// The first attempt, right after the commit: a block before the reply (the agent's
    /// command is done when the customer is kept out), the summary after it (the customer does
    /// not wait for the inbox). A failure is not the command's: it stays for the alarm.
    pub(super) async fn deliver_effects(&self, effects: Effects) {
        if effects.block {
            self.deliver(Kind::Block).await;
        }
        if effects.summary || effects.contact {
            let twin = self.twin();
            self.state.wait_until(async move {
                for kind in [Kind::Summary, Kind::Contact] {
                    twin.deliver(kind).await;
                }
                // The alarm was set while the summary was on its way: move it to the next
                // retry, or off the one no longer needed.
                if let Err(e) = twin.reschedule().await {
                    console_error!("alarm not moved after a delivery: {e:?}");
                }
            });
        }
    }

    /// The alarm rang: everything still owed is tried, due or not (an early try costs one
    /// call, and the workspace takes repeats).
    pub(super) async fn deliver_pending(&self) {
        for kind in Kind::ALL {
            self.deliver(kind).await;
        }
    }

    /// When the alarm must ring for the next retry, if anything is owed.
    pub(super) fn next_retry(&self) -> ApiResult<Option<i64>> {
        Ok(earliest(&self.sql, "SELECT MIN(next_at) AS at FROM outbox WHERE acked = 0")?)
    }

    /// One attempt at `kind`'s pending effect: marked delivered when acknowledged, unless a
    /// newer one replaced it meanwhile; else its next try is pushed back.
    ///
    /// Two deliveries of one kind may be on their way at once (two commands, or a command and
    /// the alarm), and the older may land last: a block undone by its own unblock arriving
    /// first. So after a block is acknowledged the newest is sent (again) until the last one
    /// acknowledged is the newest; the workspace takes repeats. Summaries need not: the
    /// workspace orders them itself.
    async fn deliver(&self, kind: Kind) {
        let mut pending = match self.latest(kind) {
            Ok(Some(latest)) if latest.acked == 0 => latest,
            Ok(_) => return,
            Err(e) => return console_error!("outbox not read: {e:?}"),
        };
        loop {
            if let Err(e) = self.send(kind, &pending).await {
                console_error!("{} to workspace failed, retrying later: {e:?}", kind.as_str());
                let next_at = crate::auth::now_ms()
                    + retry_delay((pending.attempts as u32).saturating_add(1));
                let bumped = self.sql.exec(
                    "UPDATE outbox SET attempts = attempts + 1, next_at = ? WHERE kind = ? AND version = ?",
                    vec![next_at.into(), kind.as_str().into(), pending.version.into()],
                );
                if let Err(e) = bumped {
                    console_error!("outbox not updated: {e:?}");
                }
                return;
            }
            pending = match self.acknowledged(kind, pending.version) {
                Ok(Some(newer)) if !kind.ordered_by_workspace() => newer,
                Ok(_) => return,
                Err(e) => return console_error!("outbox not updated: {e:?}"),
            };
        }
    }

    /// Marks `version` delivered; the newer effect recorded meanwhile, if any, to send next.
    fn acknowledged(&self, kind: Kind, version: i64) -> ApiResult<Option<Pending>> {
        self.sql.exec(
            "UPDATE outbox SET acked = 1 WHERE kind = ? AND version = ?",
            vec![kind.as_str().into(), version.into()],
        )?;
        Ok(self.latest(kind)?.filter(|latest| latest.version != version))
    }

    fn latest(&self, kind: Kind) -> ApiResult<Option<Pending>> {
        let rows: Vec<Pending> = self
            .sql
            .exec(
                "SELECT version, request, attempts, acked FROM outbox WHERE kind = ?",
                vec![kind.as_str().into()],
            )?
            .to_array()?;
        Ok(rows.into_iter().next())
    }

    async fn send(&self, kind: Kind, pending: &Pending) -> ApiResult<()> {
        self.drop_on_purpose(kind)?;
        let meta: DialogMeta =
            get_meta(&self.sql, "dialog")?.ok_or(ApiError::NotFound("dialog"))?;
        if let Kind::Contact = kind {
            let request: ContactsRequest = serde_json::from_str(&pending.request)?;
            let contacts = internal::contacts(&self.env, &meta.workspace)?;
            contacts.call::<serde_json::Value>(&request).await?;
            return Ok(());
        }
        let request: WorkspaceRequest = serde_json::from_str(&pending.request)?;
        let workspace = internal::workspace(&self.env, &meta.workspace)?;
        workspace.call::<serde_json::Value>(&request).await?;
        Ok(())
    }

    /// A test and chaos hook: with `OPENLINE_DROP_EFFECTS=<n>`, the first `n` attempts at each
    /// kind of effect of each dialog fail before reaching the workspace, as a lost call would.
    fn drop_on_purpose(&self, kind: Kind) -> ApiResult<()> {
        let limit = self.env.var("OPENLINE_DROP_EFFECTS").ok();
        let Some(limit) = limit.and_then(|v| v.to_string().parse::<u64>().ok()) else {
            return Ok(());
        };
        let key = format!("chaos:dropped:{}", kind.as_str());
        let dropped: u64 = get_meta(&self.sql, &key)?.unwrap_or(0);
        if dropped >= limit {
            return Ok(());
        }
        put_meta(&self.sql, &key, &(dropped + 1))?;
        Err(ApiError::Misconfigured("effect dropped on purpose (OPENLINE_DROP_EFFECTS)"))
    }

    /// The alarm as the stored state, the kept settings and the outbox ask now.
    async fn reschedule(&self) -> ApiResult<()> {
        let Some(meta) = get_meta::<DialogMeta>(&self.sql, "dialog")? else { return Ok(()) };
        let settings = self.settings(&meta, false).await;
        self.schedule_alarm(&self.load_state()?, &settings).await;
        Ok(())
    }

    /// The same object's handles, owned, for work that runs after the reply.
    fn twin(&self) -> Conversation {
        // The runtime's state object is a JavaScript handle: another reference to the same.
        let raw: &JsValue = self.state.as_raw().as_ref();
        Conversation {
            state: State::from(raw.clone().unchecked_into::<DurableObjectState>()),
            env: self.env.clone(),
            sql: self.sql.clone(),
        }
    }
}
