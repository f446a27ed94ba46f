//! What the Workspace object owes its dialogs, delivered until each dialog acknowledges it
//! (issue 15). When an access ends, each dialog holding its sockets must close them; when a
//! channel starts requiring a signed identity, each anonymous customer's sockets must close.
//! Sent once, a call that failed left those sockets open until they reconnected.
//!
//! So each call is a row in `dialog_outbox`, written before the first attempt (no `await`
//! between the change and it), deleted when the dialog answered, and otherwise tried again by
//! the object's alarm with `core::retry`'s back-off, for about a day (`retry::gives_up`).
//! Every such call is idempotent at the dialog: closing closed sockets, or remembering an
//! ended access twice, changes nothing.

use super::Workspace;
use crate::auth::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::internal::{self, ConversationRequest};
use crate::sql::{earliest, get_meta};
use openline_core::retry::{gives_up, retry_delay};
use openline_core::{DialogId, WorkspaceId};
use serde::Deserialize;
use worker::console_error;

pub(super) const DIALOG_OUTBOX_TABLE: &str = "CREATE TABLE dialog_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, dialog_id TEXT NOT NULL, request TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL)";

#[derive(Deserialize)]
struct Owed {
    id: i64,
    dialog_id: String,
    request: String,
    attempts: i64,
}

impl Workspace {
    /// Records a call `dialog` is owed, due now. Sync, so it commits with the change that
    /// caused it; `deliver_owed_calls` makes it.
    pub(super) fn owe_dialog(
        &self,
        dialog: &DialogId,
        request: &ConversationRequest,
    ) -> ApiResult<()> {
        self.sql.exec(
            "INSERT INTO dialog_outbox (dialog_id, request, next_at) VALUES (?, ?, ?)",
            vec![
                dialog.as_str().into(),
                serde_json::to_string(request)?.into(),
                (now_ms() as f64).into(),
            ],
        )?;
        Ok(())
    }

    /// Makes every call that is due; those that fail wait for the alarm, which this moves.
    pub(super) async fn deliver_owed_calls(&self) {
        if let Err(e) = self.try_owed_calls().await {
            console_error!("calls owed to dialogs not made: {e:?}");
        }
        self.schedule_alarm().await;
    }

    async fn try_owed_calls(&self) -> ApiResult<()> {
        let due: Vec<Owed> = self
            .sql
            .exec(
                "SELECT id, dialog_id, request, attempts FROM dialog_outbox WHERE next_at <= ? \
                 ORDER BY id",
                vec![(now_ms() as f64).into()],
            )?
            .to_array()?;
        if due.is_empty() {
            return Ok(());
        }
        let Some(workspace) = get_meta::<WorkspaceId>(&self.sql, "workspace")? else {
            return Err(ApiError::Misconfigured("the workspace does not know its own id"));
        };
        for owed in due {
            match self.call_dialog(&workspace, &owed).await {
                Ok(()) => {
                    self.sql
                        .exec("DELETE FROM dialog_outbox WHERE id = ?", vec![owed.id.into()])?;
                }
                Err(e) if gives_up((owed.attempts + 1) as u32) => {
                    console_error!("given up a call owed to dialog {}: {e:?}", owed.dialog_id);
                    self.sql
                        .exec("DELETE FROM dialog_outbox WHERE id = ?", vec![owed.id.into()])?;
                }
                Err(e) => {
                    console_error!("a call owed to dialog {} failed: {e:?}", owed.dialog_id);
                    let attempts = owed.attempts + 1;
                    let next_at = now_ms() + retry_delay(attempts as u32);
                    self.sql.exec(
                        "UPDATE dialog_outbox SET attempts = ?, next_at = ? WHERE id = ?",
                        vec![attempts.into(), (next_at as f64).into(), owed.id.into()],
                    )?;
                }
            }
        }
        Ok(())
    }

    async fn call_dialog(&self, workspace: &WorkspaceId, owed: &Owed) -> ApiResult<()> {
        self.drop_on_purpose(owed)?;
        let Some(dialog) = DialogId::parse(&owed.dialog_id) else { return Ok(()) };
        let request: ConversationRequest = serde_json::from_str(&owed.request)?;
        let conversation = internal::conversation(&self.env, workspace, &dialog)?;
        conversation.call::<serde_json::Value>(&request).await?;
        Ok(())
    }

    /// When the first owed call is due again, if one is.
    pub(super) fn next_owed_call(&self) -> ApiResult<Option<i64>> {
        Ok(earliest(&self.sql, "SELECT MIN(next_at) AS at FROM dialog_outbox")?)
    }

    /// A test and chaos hook, as the dialogs' (`OPENLINE_DROP_EFFECTS=<n>`): the first `n`
    /// attempts at each owed call fail before reaching the dialog, as a lost call would.
    fn drop_on_purpose(&self, owed: &Owed) -> ApiResult<()> {
        let limit = self.env.var("OPENLINE_DROP_EFFECTS").ok();
        let limit = limit.and_then(|v| v.to_string().parse::<i64>().ok()).unwrap_or(0);
        if owed.attempts < limit {
            return Err(ApiError::Misconfigured("call dropped on purpose (OPENLINE_DROP_EFFECTS)"));
        }
        Ok(())
    }
}
