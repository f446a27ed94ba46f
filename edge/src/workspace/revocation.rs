//! Access ends at once, everywhere (issue 15): when a session or an API token ends, or its
//! agent leaves or gets another role, every socket opened under it closes, here (inbox sockets)
//! and in each dialog it holds sockets on. `core::access` says which close and with what code.
//!
//! This object cannot see the dialogs' sockets, so each dialog socket is recorded here before
//! it opens (`hold_dialog`, in the same step as the check that the access is live): an access
//! that ends afterwards finds the dialog listed and tells it, and one that ended before is
//! refused. The dialog remembers ended accesses too, which covers a socket still on its way.

use super::Workspace;
use crate::auth::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::ConversationRequest;
use crate::sql::earliest;
use openline_core::access::{Access, AccessChange};
use openline_core::{AgentId, DialogId, WorkspaceId};
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;
use worker::Response;

/// Which dialogs each access opened sockets on (by `Access::tag`).
pub(super) const ACCESS_DIALOGS_TABLE: &str = "CREATE TABLE access_dialogs (access TEXT NOT NULL, dialog_id TEXT NOT NULL, PRIMARY KEY (access, dialog_id))";

#[derive(Deserialize)]
struct IdRow {
    id: String,
}

#[derive(Deserialize)]
struct HeldRow {
    access: String,
    dialog_id: String,
}

impl Workspace {
    /// Whether `access` still lets its agent in: a session not signed out or expired, an API
    /// token not revoked.
    pub(super) fn is_live(&self, access: &Access) -> ApiResult<bool> {
        let rows: Vec<IdRow> = match access {
            Access::Session(id) => self
                .sql
                .exec(
                    "SELECT id FROM sessions WHERE id = ? AND expires_at > ?",
                    vec![id.as_str().into(), (now_ms() as f64).into()],
                )?
                .to_array()?,
            Access::ApiToken(id) => self
                .sql
                .exec("SELECT id FROM api_tokens WHERE id = ?", vec![id.as_str().into()])?
                .to_array()?,
        };
        Ok(!rows.is_empty())
    }

    /// Every session and API token `agent` holds now.
    pub(super) fn accesses_of(&self, agent: &AgentId) -> ApiResult<Vec<Access>> {
        let sessions: Vec<IdRow> = self
            .sql
            .exec("SELECT id FROM sessions WHERE agent_id = ?", vec![agent.as_str().into()])?
            .to_array()?;
        let tokens: Vec<IdRow> = self
            .sql
            .exec("SELECT id FROM api_tokens WHERE agent_id = ?", vec![agent.as_str().into()])?
            .to_array()?;
        let sessions = sessions.into_iter().map(|r| Access::Session(r.id));
        Ok(sessions.chain(tokens.into_iter().map(|r| Access::ApiToken(r.id))).collect())
    }

    /// `access` is about to open a socket on `dialog`: recorded if it is live, else 401.
    pub(super) fn hold_dialog(
        &self,
        workspace: &WorkspaceId,
        access: &Access,
        dialog: &DialogId,
    ) -> ApiResult<Response> {
        if !self.is_live(access)? {
            return Err(ApiError::Unauthorized);
        }
        // The dialogs are named after this workspace; it needs its id to reach them later.
        self.remember_own_id(workspace)?;
        self.sql.exec(
            "INSERT OR IGNORE INTO access_dialogs (access, dialog_id) VALUES (?, ?)",
            vec![access.tag().into(), dialog.as_str().into()],
        )?;
        json(&json!({}))
    }

    /// Sessions whose time ran out end like a sign-out: their sockets close, here and in
    /// every dialog, then they go. Run by the alarm at the first session's end.
    pub(super) async fn end_expired_sessions(&self) -> ApiResult<()> {
        #[derive(Deserialize)]
        struct Expired {
            id: String,
            agent_id: String,
        }
        let expired: Vec<Expired> = self
            .sql
            .exec(
                "SELECT id, agent_id FROM sessions WHERE expires_at <= ?",
                vec![(now_ms() as f64).into()],
            )?
            .to_array()?;
        for row in expired {
            let session = Access::Session(row.id.clone());
            let change = AccessChange::Expired { session: session.clone() };
            let agent = AgentId::parse(&row.agent_id);
            self.close_sockets(change, &[session], agent.as_ref()).await?;
            self.sql.exec("DELETE FROM sessions WHERE id = ?", vec![row.id.into()])?;
        }
        Ok(())
    }

    /// When the first live session ends, if any does.
    pub(super) fn next_session_end(&self) -> ApiResult<Option<i64>> {
        Ok(earliest(&self.sql, "SELECT MIN(expires_at) AS at FROM sessions")?)
    }

    /// Closes every socket `change` ends or changes, of `held` (what the agent held before the
    /// change) and, when it covers them all, every socket of `agent`: inbox sockets here, and
    /// dialog sockets in each dialog recorded. Closing again is harmless.
    pub(super) async fn close_sockets(
        &self,
        change: AccessChange,
        held: &[Access],
        agent: Option<&AgentId>,
    ) -> ApiResult<()> {
        let closing = change.closing(held);
        let close = change.close();
        let mut inbox = Vec::new();
        for access in &closing {
            inbox.extend(self.state.get_websockets_with_tag(&access.tag()));
        }
        if let (true, Some(agent)) = (change.closes_every_socket_of_the_agent(), agent) {
            inbox.extend(self.state.get_websockets_with_tag(agent.as_str()));
        }
        for ws in &inbox {
            // A socket closed twice, or already gone, is no loss.
            let _ = ws.close(Some(close.code), Some(close.reason));
        }
        let dialogs = self.dialogs_held_by(&closing, change.ends_access())?;
        if !inbox.is_empty() || matches!(change, AccessChange::Removed) {
            self.availability_changed(None).await;
        }
        self.tell_dialogs(dialogs, &change).await
    }

    /// The dialogs `accesses` hold sockets on, with which of them; forgotten here when the
    /// accesses ended for good.
    fn dialogs_held_by(
        &self,
        accesses: &[Access],
        forget: bool,
    ) -> ApiResult<BTreeMap<String, Vec<Access>>> {
        let mut dialogs: BTreeMap<String, Vec<Access>> = BTreeMap::new();
        for access in accesses {
            let tag = access.tag();
            let rows: Vec<HeldRow> = self
                .sql
                .exec(
                    "SELECT access, dialog_id FROM access_dialogs WHERE access = ?",
                    vec![tag.as_str().into()],
                )?
                .to_array()?;
            for row in rows {
                let Some(access) = Access::from_tag(&row.access) else { continue };
                dialogs.entry(row.dialog_id).or_default().push(access);
            }
            if forget {
                self.sql.exec("DELETE FROM access_dialogs WHERE access = ?", vec![tag.into()])?;
            }
        }
        Ok(dialogs)
    }

    /// Each dialog closes its sockets of those accesses: owed to each, then delivered until
    /// it answers (`dialog_outbox`). One dialog failing does not stop the others; its sockets'
    /// access is gone from here all the same, so they reopen nowhere.
    async fn tell_dialogs(
        &self,
        dialogs: BTreeMap<String, Vec<Access>>,
        change: &AccessChange,
    ) -> ApiResult<()> {
        if dialogs.is_empty() {
            return Ok(());
        }
        for (dialog, accesses) in dialogs {
            let Some(dialog) = DialogId::parse(&dialog) else { continue };
            let request = ConversationRequest::EndAccess { accesses, change: change.clone() };
            self.owe_dialog(&dialog, &request)?;
        }
        self.deliver_owed_calls().await;
        Ok(())
    }
}
