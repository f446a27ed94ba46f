//! The dialog's files (C1): uploads into R2, which message carries each, signed links on every
//! way out, and removal with their message (M9) or, for uploads no message carries, a day
//! after they came (the dialog's alarm, `sweep_unattached`).
//!
//! The bytes live in the `FILES` bucket under `<workspace>/<dialog>/<file id>`, stored with the
//! content type `core::files` gave them; this object keeps one row per upload: its `FileRef`,
//! who uploaded it (only they may attach it) and the message that carries it.

use super::Conversation;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::{DialogMeta, UploadMeta};
use openline_core::auth::file_link;
use openline_core::files::{content_disposition, link_expiry, FileRef, Upload, UNATTACHED_KEPT_MS};
use openline_core::view::{view_all, Revisions};
use openline_core::{Actor, DialogId, Event, EventBody, FileId, Rejection, Viewer, WorkspaceId};
use serde::Deserialize;
use worker::{console_error, HttpMetadata, Request, Response};

pub(super) const FILES_TABLE: &str = "CREATE TABLE files (id TEXT PRIMARY KEY, file TEXT NOT NULL, by TEXT NOT NULL, at INTEGER NOT NULL, seq INTEGER)";

/// Where a file's bytes are kept.
pub fn object_key(workspace: &WorkspaceId, dialog: &DialogId, file: &FileId) -> String {
    format!("{workspace}/{dialog}/{file}")
}

impl Conversation {
    /// `ConversationRequest::Upload`: `upload` says who sends the file and its name; its bytes
    /// are `req`'s body.
    pub(super) async fn upload(&self, upload: UploadMeta, mut req: Request) -> ApiResult<Response> {
        let meta = self.meta_for(upload.meta)?;
        if let Actor::Visitor { .. } = upload.actor {
            if self.load_state()?.blocked {
                return Err(ApiError::Rejected(Rejection::Blocked));
            }
            self.spend_customer_token()?;
        }
        let settings = self.settings(&meta, true).await;
        let bytes = req.bytes().await?;
        let accepted =
            settings.files.check(&upload.name, bytes.len() as u64).map_err(ApiError::File)?;
        let id = FileId::parse(&crate::auth::random_id("f_")?).ok_or(ApiError::NotFound("file"))?;
        let mut file = FileRef {
            id,
            name: accepted.name,
            size: bytes.len() as u64,
            content_type: accepted.content_type.to_owned(),
            url: None,
        };
        let http = HttpMetadata {
            content_type: Some(file.content_type.clone()),
            content_disposition: Some(content_disposition(&file.name, &file.content_type)),
            ..HttpMetadata::default()
        };
        self.env
            .bucket("FILES")?
            .put(object_key(&meta.workspace, &meta.dialog, &file.id), bytes)
            .http_metadata(http)
            .execute()
            .await?;
        self.sql.exec(
            "INSERT INTO files (id, file, by, at) VALUES (?, ?, ?, ?)",
            vec![
                file.id.as_str().into(),
                serde_json::to_string(&file)?.into(),
                serde_json::to_string(&upload.actor)?.into(),
                crate::auth::now_ms().into(),
            ],
        )?;
        file.url = Some(self.link(&meta, &file.id)?);
        self.schedule_alarm(&self.load_state()?, &settings).await;
        json(&file)
    }

    /// How long an unattached upload is kept: a day, or `OPENLINE_UNATTACHED_FILE_SECS` (tests).
    fn unattached_kept_ms(&self) -> i64 {
        let secs = self.env.var("OPENLINE_UNATTACHED_FILE_SECS").ok();
        secs.and_then(|v| v.to_string().parse::<i64>().ok())
            .map_or(UNATTACHED_KEPT_MS, |secs| secs * 1000)
    }

    /// When the oldest upload no message carries is due to go, if there is one.
    pub(super) fn next_sweep(&self) -> ApiResult<Option<i64>> {
        #[derive(Deserialize)]
        struct Oldest {
            at: Option<i64>,
        }
        let rows: Vec<Oldest> =
            self.sql.exec("SELECT MIN(at) AS at FROM files WHERE seq IS NULL", None)?.to_array()?;
        let oldest = rows.into_iter().next().and_then(|row| row.at);
        Ok(oldest.map(|at| at + self.unattached_kept_ms()))
    }

    /// Removes the uploads no message carried within their time. Their rows go first, in one
    /// write, so no command can attach a file whose bytes are on their way out.
    pub(super) async fn sweep_unattached(&self, now: i64) -> ApiResult<()> {
        #[derive(Deserialize)]
        struct Expired {
            id: String,
        }
        let before = now - self.unattached_kept_ms();
        let expired: Vec<Expired> = self
            .sql
            .exec("SELECT id FROM files WHERE seq IS NULL AND at <= ?", vec![before.into()])?
            .to_array()?;
        if expired.is_empty() {
            return Ok(());
        }
        self.sql.exec("DELETE FROM files WHERE seq IS NULL AND at <= ?", vec![before.into()])?;
        let Some(meta) = crate::sql::get_meta::<DialogMeta>(&self.sql, "dialog")? else {
            return Ok(());
        };
        let bucket = self.env.bucket("FILES")?;
        for file in expired.iter().filter_map(|row| FileId::parse(&row.id)) {
            if let Err(e) = bucket.delete(object_key(&meta.workspace, &meta.dialog, &file)).await {
                console_error!("removing an unattached upload failed: {e}");
            }
        }
        Ok(())
    }

    /// The uploads a command attaches, for `decide`; unknown ids are simply absent. Only as
    /// many as a message may carry are looked up (`decide` refuses more anyway).
    pub(super) fn uploads(&self, ids: &[FileId]) -> ApiResult<Vec<Upload>> {
        #[derive(Deserialize)]
        struct Row {
            file: String,
            by: String,
            seq: Option<i64>,
        }
        let mut uploads = Vec::new();
        for id in ids.iter().take(openline_core::files::MAX_FILES_PER_MESSAGE + 1) {
            let rows: Vec<Row> = self
                .sql
                .exec("SELECT file, by, seq FROM files WHERE id = ?", vec![id.as_str().into()])?
                .to_array()?;
            for row in rows {
                uploads.push(Upload {
                    file: serde_json::from_str(&row.file)?,
                    by: serde_json::from_str(&row.by)?,
                    attached: row.seq.is_some(),
                });
            }
        }
        Ok(uploads)
    }

    /// Marks the files of the new messages as sent (in the same write as the events).
    pub(super) fn mark_attached(&self, events: &[Event]) -> ApiResult<()> {
        for event in events {
            if let EventBody::MessagePosted { files, .. } = &event.body {
                for file in files {
                    self.sql.exec(
                        "UPDATE files SET seq = ? WHERE id = ?",
                        vec![(event.seq as i64).into(), file.id.as_str().into()],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// M9: a deleted message's files leave the bucket (their links then answer 404).
    /// `message` holds the events about the deleted message, its post first.
    pub(super) async fn remove_deleted_files(
        &self,
        meta: &DialogMeta,
        events: &[Event],
        message: &[Event],
    ) {
        if !events.iter().any(|e| matches!(e.body, EventBody::MessageDeleted { .. })) {
            return;
        }
        let files = message.iter().flat_map(|e| match &e.body {
            EventBody::MessagePosted { files, .. } => files.as_slice(),
            _ => &[],
        });
        let Ok(bucket) = self.env.bucket("FILES") else { return };
        for file in files {
            if let Err(e) = bucket.delete(object_key(&meta.workspace, &meta.dialog, &file.id)).await
            {
                console_error!("removing a deleted message's file failed: {e}");
            }
        }
    }

    /// `events` as `viewer` may see them, every file with a signed link: the one way events
    /// leave this object. A customer's copy reads the log's revisions first (`core::view`).
    pub(super) fn outgoing(&self, events: &[Event], viewer: Viewer) -> ApiResult<Vec<Event>> {
        let revisions = match viewer {
            Viewer::Customer => self.revisions()?,
            Viewer::Agent => Revisions::default(),
        };
        let mut events = view_all(events, viewer, &revisions);
        let has_files = |e: &Event| matches!(&e.body, EventBody::MessagePosted { files, .. } if !files.is_empty());
        if !events.iter().any(has_files) {
            return Ok(events);
        }
        let Ok(Some(meta)) = crate::sql::get_meta::<DialogMeta>(&self.sql, "dialog") else {
            return Ok(events);
        };
        // One secret and one expiry for the whole batch.
        let secret = match crate::auth::secret(&self.env) {
            Ok(secret) => secret,
            Err(e) => {
                console_error!("cannot sign file links: {e:?}");
                return Ok(events);
            }
        };
        let exp = link_expiry(crate::auth::now_ms());
        for event in &mut events {
            if let EventBody::MessagePosted { files, .. } = &mut event.body {
                for file in files {
                    file.url =
                        Some(file_link(&secret, &meta.workspace, &meta.dialog, &file.id, exp));
                }
            }
        }
        Ok(events)
    }

    fn link(&self, meta: &DialogMeta, file: &FileId) -> ApiResult<String> {
        let secret = crate::auth::secret(&self.env)?;
        let exp = link_expiry(crate::auth::now_ms());
        Ok(file_link(&secret, &meta.workspace, &meta.dialog, file, exp))
    }
}
