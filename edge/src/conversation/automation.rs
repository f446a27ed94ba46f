//! What the dialog does by itself (Q14): it keeps a copy of its channel's settings, schedules
//! its alarm at the automatic-close deadline (or sooner, when an unattached upload is due to
//! go: `files`, or an effect on the workspace is due for a retry: `outbox`), and closes the
//! session when the alarm rings. The rules are `core`'s (`new_session_reply`,
//! `auto_close_deadline`); this is the plumbing.

use super::Conversation;
use crate::error::{ApiError, ApiResult};
use crate::internal::{self, DialogMeta, WorkspaceRequest};
use crate::sql::{get_meta, put_meta};
use openline_core::channel::ChannelSettings;
use openline_core::conversation::{auto_close_deadline, Command, Context};
use openline_core::{decide, Actor, ChannelId, DialogState};
use worker::{console_error, ScheduledTime};

impl Conversation {
    /// The channel's settings: fetched from the workspace when `refresh` (a session may open),
    /// else the copy kept from the last fetch. Without either, no automatic behaviour.
    pub(super) async fn settings(&self, meta: &DialogMeta, refresh: bool) -> ChannelSettings {
        // The channel the dialog is in now: it may have been moved (Q4).
        let channel = self
            .load_state()
            .map(|s| s.channel_or(&meta.channel))
            .unwrap_or_else(|_| meta.channel.clone());
        if refresh {
            match self.fetch_settings(meta, &channel).await {
                Ok(settings) => return settings,
                Err(e) => {
                    console_error!("channel settings unavailable, using the kept copy: {e:?}")
                }
            }
        }
        get_meta(&self.sql, "channel")
            .ok()
            .flatten()
            .unwrap_or_else(|| ChannelSettings::new(channel, String::new(), String::new()))
    }

    async fn fetch_settings(
        &self,
        meta: &DialogMeta,
        channel: &ChannelId,
    ) -> ApiResult<ChannelSettings> {
        let workspace = internal::workspace(&self.env, &meta.workspace)?;
        let request = WorkspaceRequest::Settings { channel: channel.clone() };
        let settings: ChannelSettings = workspace.call(&request).await?;
        put_meta(&self.sql, "channel", &settings)?;
        Ok(settings)
    }

    /// Sets the alarm at the automatic-close deadline, when an unattached upload is due to go
    /// or when an effect on the workspace is due for a retry, whichever is first, or clears it
    /// when there is none.
    pub(super) async fn schedule_alarm(&self, state: &DialogState, settings: &ChannelSettings) {
        let storage = self.state.storage();
        let sweep = self.next_sweep().unwrap_or_else(|e| {
            console_error!("unattached uploads not looked up: {e:?}");
            None
        });
        let retry = self.next_retry().unwrap_or_else(|e| {
            console_error!("outbox not looked up: {e:?}");
            None
        });
        let next = [auto_close_deadline(state, settings), sweep, retry].into_iter().flatten().min();
        let result = match next {
            // An absolute time: a plain i64 would be read as an offset from now.
            Some(deadline) => {
                let at = js_sys::Date::new(&js_sys::Number::from(deadline as f64));
                storage.set_alarm(ScheduledTime::new(at)).await
            }
            None => storage.delete_alarm().await,
        };
        if let Err(e) = result {
            console_error!("alarm not scheduled: {e}");
        }
    }

    /// The alarm rang: deliver what the workspace is still owed, remove the uploads whose time
    /// is up, close the session if its deadline has passed (with fresh settings, so an admin's
    /// change counts), or move the alarm on.
    pub(super) async fn on_alarm(&self) -> ApiResult<()> {
        let Some(meta) = get_meta::<DialogMeta>(&self.sql, "dialog")? else { return Ok(()) };
        self.deliver_pending().await;
        self.sweep_unattached(crate::auth::now_ms()).await?;
        let settings = self.settings(&meta, true).await;
        // From here to the writes: no `await`, as in every command.
        let before = self.load_state()?;
        let now = crate::auth::now_ms();
        match auto_close_deadline(&before, &settings) {
            Some(deadline) if deadline <= now => {}
            _ => {
                self.schedule_alarm(&before, &settings).await;
                return Ok(());
            }
        }
        let ctx = Context::at(now);
        let events = decide(&before, &Actor::System, &Command::AutoClose, ctx)
            .map_err(ApiError::Rejected)?;
        let after = self.append(&before, &events)?;
        let effects = self.record_effects(&meta, &settings, &before, &after)?;
        self.broadcast(&events, after.last_seq);
        self.deliver_effects(effects).await;
        self.schedule_alarm(&after, &settings).await;
        Ok(())
    }
}
