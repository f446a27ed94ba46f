//! Getting events out: history pages, sockets with resume, live broadcast through
//! `core::view`. What the workspace is owed goes through `outbox`.

use super::{Conversation, SocketInfo};
use crate::error::{ApiError, ApiResult};
use crate::http::{is_websocket_upgrade, json};
use crate::internal::DialogMeta;
use crate::sql::get_meta;
use openline_core::access::Access;
use openline_core::limits::MAX_EVENTS_PER_PAGE;
use openline_core::protocol::EventsFrame;
use openline_core::sync::{resume, Resume};
use openline_core::ErrorCode;
use openline_core::{Actor, Event, Viewer};
use worker::{console_error, Request, Response, WebSocketPair};

impl Conversation {
    /// The frames a client resuming from `after` needs, as `viewer` may see them: a replay of
    /// what it missed, or everything with `reset` when its position is unknown here.
    pub(super) fn catch_up(
        &self,
        after: Option<u64>,
        viewer: Viewer,
    ) -> ApiResult<Vec<EventsFrame>> {
        let (mut from, reset, last_seq) = self.start(after)?;
        let mut frames = Vec::new();
        loop {
            let (frame, read_to) =
                self.frame(from, viewer, reset && frames.is_empty(), last_seq)?;
            let more = frame.more;
            frames.push(frame);
            if !more {
                return Ok(frames);
            }
            from = read_to;
        }
    }

    /// One page of history (`GET …/events`): the client asks again, after the page's last
    /// event, while `more` is set.
    pub(super) fn events(&self, viewer: Viewer, after: Option<u64>) -> ApiResult<Response> {
        self.require_dialog_for(viewer)?;
        let (from, reset, last_seq) = self.start(after)?;
        json(&self.frame(from, viewer, reset, last_seq)?.0)
    }

    /// Where a catch-up from `after` starts, whether it resets, and the log's `last_seq`.
    fn start(&self, after: Option<u64>) -> ApiResult<(u64, bool, u64)> {
        let last_seq = self.load_state()?.last_seq;
        Ok(match resume(after, last_seq) {
            Resume::Replay { after } => (after, false, last_seq),
            Resume::Reset => (0, true, last_seq),
        })
    }

    /// The frame of events after `from` as `viewer` may see them, and the last `seq` it read.
    /// Raw pages are read until one shows the viewer something or the log ends, so a frame that
    /// says `more` always carries an event to continue after: a long run of events the reader
    /// may not see (hidden notes) never strands them on an empty page.
    fn frame(
        &self,
        mut from: u64,
        viewer: Viewer,
        reset: bool,
        last_seq: u64,
    ) -> ApiResult<(EventsFrame, u64)> {
        loop {
            let page = self.read_events(from as i64, None, MAX_EVENTS_PER_PAGE)?;
            let more = page.len() as u64 == MAX_EVENTS_PER_PAGE;
            from = page.last().map_or(from, |e| e.seq);
            let events = self.outgoing(&page, viewer)?;
            if !events.is_empty() || !more {
                return Ok((EventsFrame { events, reset, last_seq, more }, from));
            }
        }
    }

    /// A customer's own dialog exists as soon as they have a token; for an agent, a dialog no
    /// customer ever wrote to is not there.
    pub(super) fn require_dialog_for(&self, viewer: Viewer) -> ApiResult<()> {
        let exists = get_meta::<DialogMeta>(&self.sql, "dialog")?.is_some();
        if viewer == Viewer::Agent && !exists {
            return Err(ApiError::NotFound("dialog"));
        }
        Ok(())
    }

    /// `actor` is who is on the socket, as the Worker authenticated them; `access`, an agent's
    /// session or token, tags it so it closes when that access ends (issue 15).
    pub(super) fn socket(
        &self,
        req: &Request,
        viewer: Viewer,
        after: Option<u64>,
        actor: Actor,
        access: Option<Access>,
    ) -> ApiResult<Response> {
        if !is_websocket_upgrade(req)? {
            return Err(ApiError::bad_request(
                ErrorCode::WebsocketExpected,
                "Expected a WebSocket upgrade.",
            ));
        }
        self.require_dialog_for(viewer)?;
        if let Some(access) = &access {
            self.refuse_ended(access)?;
        }
        let frames = self.catch_up(after, viewer)?;
        let pair = WebSocketPair::new()?;
        match &access {
            Some(access) => self.state.accept_websocket_with_tags(&pair.server, &[&access.tag()]),
            None => self.state.accept_web_socket(&pair.server),
        }
        pair.server.serialize_attachment(SocketInfo {
            viewer,
            actor: Some(actor),
            typing: Default::default(),
            access,
            closed: false,
        })?;
        for frame in frames {
            pair.server.send(&frame)?;
        }
        Ok(Response::from_websocket(pair.client)?)
    }

    /// Closes the customer's sockets (1008, policy violation, with the error code as the
    /// reason): the channel's rules changed and they may no longer read here. Their reconnect
    /// meets the Worker's gate (`customer::admitted`), which refuses it.
    pub(super) fn close_customer_sockets(&self, reason: ErrorCode) -> ApiResult<Response> {
        for ws in self.state.get_websockets() {
            let Ok(Some(info)) = ws.deserialize_attachment::<SocketInfo>() else { continue };
            if info.viewer == Viewer::Customer {
                // A socket already closing is not an error.
                let _ = ws.close(Some(1008), Some(reason.as_str()));
            }
        }
        json(&serde_json::json!({}))
    }

    /// Sends the new events to every open socket, each through `view` for its viewer: each
    /// viewer's copy is made once, when the first socket of theirs needs it.
    pub(super) fn broadcast(&self, events: &[Event], last_seq: u64) {
        if events.is_empty() {
            return;
        }
        let (mut customers, mut agents) = (None, None);
        for ws in self.state.get_websockets() {
            let Ok(Some(info)) = ws.deserialize_attachment::<SocketInfo>() else { continue };
            if info.closed {
                continue;
            }
            let copy = match info.viewer {
                Viewer::Customer => &mut customers,
                Viewer::Agent => &mut agents,
            };
            let visible = match copy.get_or_insert_with(|| self.outgoing(events, info.viewer)) {
                Ok(visible) => visible,
                Err(e) => {
                    // The events are stored: the socket's next resume brings them.
                    console_error!("broadcast failed: {e:?}");
                    continue;
                }
            };
            if visible.is_empty() {
                continue;
            }
            let frame =
                EventsFrame { events: visible.clone(), reset: false, last_seq, more: false };
            // A socket that is closing is not an error of this command.
            let _ = ws.send(&frame);
        }
    }
}
