//! Canned responses (C7): the workspace's shared library. Any agent may add, edit and delete
//! (a team library, as in Chatwoot); codes are unique.

use super::Workspace;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use openline_core::canned::{CannedInput, CannedResponse};
use openline_core::protocol::CannedReply;
use openline_core::ErrorCode;
use serde::Deserialize;
use serde_json::json;
use worker::Response;

#[derive(Deserialize)]
struct Row {
    id: String,
    code: String,
    title: String,
    text: String,
    folder: Option<String>,
}

impl Workspace {
    pub(super) fn canned(&self) -> ApiResult<Response> {
        let rows: Vec<Row> = self
            .sql
            .exec("SELECT id, code, title, text, folder FROM canned ORDER BY folder, code", None)?
            .to_array()?;
        let responses = rows
            .into_iter()
            .map(|r| CannedResponse {
                id: r.id,
                input: CannedInput { code: r.code, title: r.title, text: r.text, folder: r.folder },
            })
            .collect();
        json(&CannedReply { responses })
    }

    /// Creates (`id` None) or replaces a canned response.
    pub(super) fn save_canned(
        &self,
        id: Option<String>,
        input: CannedInput,
    ) -> ApiResult<Response> {
        let input =
            input.normalized().map_err(|m| ApiError::bad_request(ErrorCode::InvalidCanned, m))?;
        let taken: Vec<Row> = self
            .sql
            .exec(
                "SELECT id, code, title, text, folder FROM canned WHERE code = ?",
                vec![input.code.clone().into()],
            )?
            .to_array()?;
        if taken.iter().any(|r| Some(&r.id) != id.as_ref()) {
            return Err(ApiError::Conflict(
                ErrorCode::CodeTaken,
                "Another canned response has this code.",
            ));
        }
        let values = |id: &str| -> Vec<worker::SqlStorageValue> {
            vec![
                input.code.clone().into(),
                input.title.clone().into(),
                input.text.clone().into(),
                input.folder.clone().into(),
                id.into(),
            ]
        };
        let id = match id {
            Some(id) => {
                let cursor = self.sql.exec(
                    "UPDATE canned SET code = ?, title = ?, text = ?, folder = ? WHERE id = ?",
                    values(&id),
                )?;
                if cursor.rows_written() == 0 {
                    return Err(ApiError::NotFound("canned response"));
                }
                id
            }
            None => {
                let id = crate::auth::random_id("c_")?;
                self.sql.exec(
                    "INSERT INTO canned (code, title, text, folder, id) VALUES (?, ?, ?, ?, ?)",
                    values(&id),
                )?;
                id
            }
        };
        json(&CannedResponse { id, input })
    }

    pub(super) fn delete_canned(&self, id: &str) -> ApiResult<Response> {
        let cursor = self.sql.exec("DELETE FROM canned WHERE id = ?", vec![id.into()])?;
        if cursor.rows_written() == 0 {
            return Err(ApiError::NotFound("canned response"));
        }
        json(&json!({}))
    }
}
