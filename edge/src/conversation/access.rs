//! Agents' sockets end with their access (issue 15). Each agent socket is tagged with the
//! session or API token it was opened under; when the workspace ends or changes that access it
//! tells every dialog the access held sockets on, and the dialog closes them here.
//!
//! An ended access is remembered for a while (`ENDED_ACCESS_KEPT_MS`): a socket authorized
//! just before the end but arriving just after it is refused, whichever comes first.

use super::{Conversation, SocketInfo};
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use openline_core::access::{Access, AccessChange, ENDED_ACCESS_KEPT_MS};
use serde::Deserialize;
use serde_json::json;
use worker::{console_error, Response};

/// The accesses that ended, by tag, and when.
pub(super) const ENDED_ACCESS_TABLE: &str =
    "CREATE TABLE ended_access (access TEXT PRIMARY KEY, ended_at INTEGER NOT NULL)";

#[derive(Deserialize)]
struct Count {
    n: f64,
}

impl Conversation {
    /// Closes the sockets opened under `accesses`; remembers them when they ended for good.
    /// Closing twice, or a socket already gone, is no error: the workspace may send again.
    pub(super) fn end_access(
        &self,
        accesses: &[Access],
        change: &AccessChange,
    ) -> ApiResult<Response> {
        let now = crate::auth::now_ms();
        if change.ends_access() {
            let expired = now - ENDED_ACCESS_KEPT_MS;
            self.sql.exec(
                "DELETE FROM ended_access WHERE ended_at < ?",
                vec![(expired as f64).into()],
            )?;
            for access in accesses {
                self.sql.exec(
                    "INSERT OR REPLACE INTO ended_access (access, ended_at) VALUES (?, ?)",
                    vec![access.tag().into(), (now as f64).into()],
                )?;
            }
        }
        let close = change.close();
        for access in accesses {
            for ws in self.state.get_websockets_with_tag(&access.tag()) {
                // Marked first: nothing is sent to it or relayed from it from now on.
                if let Ok(Some(mut info)) = ws.deserialize_attachment::<SocketInfo>() {
                    info.closed = true;
                    if let Err(e) = ws.serialize_attachment(&info) {
                        console_error!("marking a socket closed failed: {e:?}");
                    }
                }
                // A socket the client closed already cannot be closed again; that is no loss.
                let _ = ws.close(Some(close.code), Some(close.reason));
            }
        }
        json(&json!({}))
    }

    /// A socket may not open under an access that ended.
    pub(super) fn refuse_ended(&self, access: &Access) -> ApiResult<()> {
        let found: Vec<Count> = self
            .sql
            .exec(
                "SELECT COUNT(*) AS n FROM ended_access WHERE access = ?",
                vec![access.tag().into()],
            )?
            .to_array()?;
        if found.iter().all(|c| c.n == 0.0) {
            Ok(())
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}
