//! Each agent's own names for chats (C3): one row per (agent, dialog), read and written only
//! with the agent the Worker authenticated, so nobody sees or changes another's names.

use super::Workspace;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use openline_core::chat_name::normalized;
use openline_core::protocol::{ChatName, ChatNamesReply, RenameChat};
use openline_core::ErrorCode;
use openline_core::{AgentId, DialogId};
use serde::Deserialize;
use worker::Response;

#[derive(Deserialize)]
struct Row {
    dialog_id: String,
    name: String,
}

impl Workspace {
    pub(super) fn chat_names(&self, agent: &AgentId) -> ApiResult<Response> {
        let rows: Vec<Row> = self
            .sql
            .exec(
                "SELECT dialog_id, name FROM chat_names WHERE agent_id = ?",
                vec![agent.as_str().into()],
            )?
            .to_array()?;
        let names = rows
            .into_iter()
            .filter_map(|r| {
                Some(ChatName { dialog_id: DialogId::parse(&r.dialog_id)?, name: r.name })
            })
            .collect();
        json(&ChatNamesReply { names })
    }

    /// Names (or, with an empty name, un-names) a chat of this workspace for `agent`.
    pub(super) fn rename_chat(
        &self,
        agent: &AgentId,
        dialog: &DialogId,
        body: RenameChat,
    ) -> ApiResult<Response> {
        if self.summary_of(dialog)?.is_none() {
            return Err(ApiError::NotFound("dialog"));
        }
        let name =
            normalized(&body.name).map_err(|m| ApiError::bad_request(ErrorCode::InvalidName, m))?;
        let key = vec![agent.as_str().into(), dialog.as_str().into()];
        match &name {
            Some(name) => {
                let mut values = key;
                values.push(name.clone().into());
                self.sql.exec(
                    "INSERT INTO chat_names (agent_id, dialog_id, name) VALUES (?, ?, ?) \
                     ON CONFLICT(agent_id, dialog_id) DO UPDATE SET name = excluded.name",
                    values,
                )?;
            }
            None => {
                self.sql
                    .exec("DELETE FROM chat_names WHERE agent_id = ? AND dialog_id = ?", key)?;
            }
        }
        json(&ChatName { dialog_id: dialog.clone(), name: name.unwrap_or_default() })
    }
}
