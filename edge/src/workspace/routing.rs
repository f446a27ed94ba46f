//! Routing (Q13): the offers table, who is available, the alarm at the next offer deadline,
//! and the "nobody is available" reply. The rules are `core::routing`'s.
//!
//! An agent is available when their presence is online and their app is open (an inbox
//! socket tagged with their id). Offers are recomputed when a session starts waiting, when an
//! offer times out (alarm), and when who is available changes (presence, sockets).

use super::Workspace;
use crate::error::ApiResult;
use crate::internal::{self, ConversationRequest, DialogCommand};
use crate::sql::{get_meta, put_meta};
use openline_core::inbox::DialogSummary;
use openline_core::protocol::CommandRequest;
use openline_core::routing::{self, Offer, Presence};
use openline_core::{
    Actor, AgentId, ChannelId, Command, CommandId, DialogId, SessionStatus, Viewer, WorkspaceId,
};
use serde::Deserialize;
use worker::{console_error, ScheduledTime, WebSocket};

#[derive(Deserialize)]
struct OfferRow {
    dialog_id: String,
    channel_id: String,
    start: i64,
    offer: String,
}

impl Workspace {
    /// Who `summary`'s session is offered to now, keeping the offers table in step: a new
    /// waiting session gets its first offer; an answered or closed one loses its offer.
    pub(super) fn offer_for(&self, summary: &DialogSummary) -> ApiResult<Vec<AgentId>> {
        let dialog = summary.dialog_id.as_str();
        if summary.status != SessionStatus::Unanswered {
            self.sql.exec("DELETE FROM offers WHERE dialog_id = ?", vec![dialog.into()])?;
            return Ok(Vec::new());
        }
        // A session keeps its offer while it waits in the same channel; moved to another
        // channel (Q4), it starts over in that channel's queue.
        if let Some(row) = self.offer_rows(Some(dialog))?.into_iter().next() {
            if row.channel_id == summary.channel_id.as_str() {
                return Ok(serde_json::from_str::<Offer>(&row.offer)?.to);
            }
        }
        let settings = self.settings_of(&summary.channel_id)?;
        let cursor_key = format!("round-robin:{}", summary.channel_id);
        let start: usize = get_meta(&self.sql, &cursor_key)?.unwrap_or(0);
        let available = self.available(None)?;
        let (offer, next_start) =
            routing::first_offer(&settings.routing(), &available, start, crate::auth::now_ms());
        if next_start != start {
            put_meta(&self.sql, &cursor_key, &next_start)?;
        }
        self.save_offer(dialog, summary.channel_id.as_str(), start as i64, &offer)?;
        Ok(offer.to)
    }

    /// Re-offers waiting sessions whose offer expired, and, as who is available changed, those
    /// offered to nobody or to someone gone (all of them in all-at-once channels). `closing`
    /// is a socket being closed, which no longer counts.
    pub(super) fn reroute(&self, closing: Option<&WebSocket>) -> ApiResult<()> {
        let available = self.available(closing)?;
        let now = crate::auth::now_ms();
        for row in self.offer_rows(None)? {
            let (Some(channel), Some(dialog)) =
                (ChannelId::parse(&row.channel_id), DialogId::parse(&row.dialog_id))
            else {
                continue;
            };
            let Ok(settings) = self.settings_of(&channel) else { continue };
            let current: Offer = serde_json::from_str(&row.offer)?;
            let start = row.start as usize;
            let Some(next) =
                routing::reoffer(&settings.routing(), &current, &available, start, now)
            else {
                continue;
            };
            self.save_offer(dialog.as_str(), channel.as_str(), row.start, &next)?;
            if let Some(before) = self.summary_of(&dialog)? {
                let summary = DialogSummary { offered_to: next.to, ..before.clone() };
                self.store_and_push(&summary, Some(before))?;
            }
        }
        Ok(())
    }

    /// After offers changed: the alarm at the next deadline, and the "nobody is available"
    /// reply for sessions that have no one to be offered to.
    pub(super) async fn after_routing(&self) {
        if let Err(e) = self.tell_nobody() {
            console_error!("no-agent reply failed: {e:?}");
        }
        self.schedule_alarm().await;
    }

    /// The object's one alarm, at whichever comes first: an offer's deadline (Q13), a
    /// session's end (its sockets close then) or a call owed to a dialog (issue 15).
    pub(super) async fn schedule_alarm(&self) {
        let offers = self
            .offer_rows(None)
            .ok()
            .into_iter()
            .flatten()
            .filter_map(|r| serde_json::from_str::<Offer>(&r.offer).ok().and_then(|o| o.until));
        let session_end = self.next_session_end().unwrap_or_else(|e| {
            console_error!("the first session's end is unknown: {e:?}");
            None
        });
        let owed = self.next_owed_call().unwrap_or_else(|e| {
            console_error!("the next owed call is unknown: {e:?}");
            None
        });
        let storage = self.state.storage();
        let result = match offers.chain(session_end).chain(owed).min() {
            Some(at) => {
                let at = js_sys::Date::new(&js_sys::Number::from(at as f64));
                storage.set_alarm(ScheduledTime::new(at)).await
            }
            None => storage.delete_alarm().await,
        };
        if let Err(e) = result {
            console_error!("alarm not scheduled: {e}");
        }
    }

    /// Online agents with the app open, in the directory's order.
    pub(super) fn available(&self, closing: Option<&WebSocket>) -> ApiResult<Vec<AgentId>> {
        let online: Vec<AgentId> = self
            .agent_profiles()?
            .into_iter()
            .filter(|a| a.presence == Presence::Online)
            .map(|a| a.id)
            .collect();
        Ok(online
            .into_iter()
            .filter(|id| {
                self.state.get_websockets_with_tag(id.as_str()).iter().any(|ws| Some(ws) != closing)
            })
            .collect())
    }

    fn offer_rows(&self, dialog: Option<&str>) -> ApiResult<Vec<OfferRow>> {
        const COLUMNS: &str = "SELECT dialog_id, channel_id, start, offer FROM offers";
        let cursor = match dialog {
            Some(d) => self.sql.exec(&format!("{COLUMNS} WHERE dialog_id = ?"), vec![d.into()])?,
            None => self.sql.exec(COLUMNS, None)?,
        };
        Ok(cursor.to_array()?)
    }

    fn save_offer(&self, dialog: &str, channel: &str, start: i64, offer: &Offer) -> ApiResult<()> {
        self.sql.exec(
            "INSERT INTO offers (dialog_id, channel_id, start, offer) VALUES (?, ?, ?, ?) \
             ON CONFLICT(dialog_id) DO UPDATE SET channel_id = excluded.channel_id, start = excluded.start, offer = excluded.offer",
            vec![dialog.into(), channel.into(), start.into(), serde_json::to_string(offer)?.into()],
        )?;
        Ok(())
    }

    /// Marks and sends the channel's "nobody is available" reply, once per waiting session.
    fn tell_nobody(&self) -> ApiResult<()> {
        let Some(workspace) = get_meta::<WorkspaceId>(&self.sql, "workspace")? else {
            return Ok(());
        };
        for row in self.offer_rows(None)? {
            let mut offer: Offer = serde_json::from_str(&row.offer)?;
            let (Some(channel), Some(dialog)) =
                (ChannelId::parse(&row.channel_id), DialogId::parse(&row.dialog_id))
            else {
                continue;
            };
            let text = self.settings_of(&channel).map(|s| s.no_agent_reply).unwrap_or_default();
            if !routing::owes_nobody_reply(&offer, &text) {
                continue;
            }
            offer.told_nobody = true;
            self.save_offer(dialog.as_str(), channel.as_str(), row.start, &offer)?;
            let session = self.summary_of(&dialog)?.map_or(0, |s| s.session);
            // One id per session: a repeated reply is applied once.
            let Some(command_id) = CommandId::parse(&format!("no-agent-{session}")) else {
                continue;
            };
            let command = DialogCommand {
                meta: None,
                actor: Actor::System,
                viewer: Viewer::Agent,
                request: CommandRequest {
                    command_id,
                    command: Command::Post {
                        text,
                        internal: false,
                        quote: None,
                        mentions: Vec::new(),
                        files: Vec::new(),
                    },
                },
                directory: Vec::new(),
                channels: Vec::new(),
                role: Default::default(),
            };
            let conversation = internal::conversation(&self.env, &workspace, &dialog)?;
            self.state.wait_until(async move {
                let request = ConversationRequest::Command(command);
                if let Err(e) = conversation.send(&request).await {
                    console_error!("no-agent reply not sent: {e:?}");
                }
            });
        }
        Ok(())
    }
}
