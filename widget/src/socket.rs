//! `use_event_socket`: the visitor's live connection to their dialog, for as long as the
//! component that asked for it lives.
//!
//! The server sends `EventsFrame`s: first everything (or what we missed, given `after`), then
//! each change. When the socket drops we reconnect with backoff (0.5 s, 1 s, 2 s, … 10 s) and
//! pass the position this socket reached, so only the gap is replayed. That position advances
//! only through socket frames: a command's reply may skip ahead of events the socket never
//! delivered. A "ping" every 50 s keeps idle connections from being cut by proxies.
//!
//! The same socket carries typing indicators both ways (W2): `TypingFrame`s in, and what the
//! returned `Sender` sends out while the socket is open (dropped while it is down: a late
//! "typing" is worth nothing).

use crate::json;
use leptos::prelude::*;
use openline_core::protocol::{EventsFrame, TypingFrame};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, WebSocket};

/// The state of the live connection, for the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// Frames are flowing.
    Live,
    /// The socket dropped (or never opened) this many times in a row; a reconnect is scheduled.
    Down(u32),
}

const FIRST_RETRY_MS: u64 = 500;
const MAX_RETRY_MS: u64 = 10_000;
const PING_EVERY: Duration = Duration::from_secs(50);

/// Sends text on the live socket; `Copy`, for handlers.
#[derive(Clone, Copy)]
pub struct Sender(StoredValue<Rc<Conn>, LocalStorage>);

impl Sender {
    pub fn send(&self, text: &str) {
        self.0.try_with_value(|conn| conn.send(text));
    }
}

/// Opens `/api/widget/socket` with the visitor `token` and calls `on_frame` for every events
/// frame, `on_typing` for every typing frame and `on_link` as the connection goes up (at each
/// frame) or down, reconnecting until the calling component is cleaned up.
pub fn use_event_socket(
    token: &str,
    on_frame: impl Fn(EventsFrame) + 'static,
    on_typing: impl Fn(TypingFrame) + 'static,
    on_link: impl Fn(Link) + 'static,
) -> Sender {
    let conn = Rc::new(Conn {
        token: token.to_owned(),
        on_frame: Box::new(on_frame),
        on_typing: Box::new(on_typing),
        on_link: Box::new(on_link),
        after: Cell::new(None),
        attempt: Cell::new(0),
        stopped: Cell::new(false),
        socket: RefCell::new(None),
        retry: Cell::new(None),
        ping: Cell::new(None),
    });
    connect(&conn);
    let weak = Rc::downgrade(&conn);
    let ping = set_interval_with_handle(
        move || {
            if let Some(conn) = weak.upgrade() {
                conn.ping();
            }
        },
        PING_EVERY,
    );
    conn.ping.set(ping.ok());
    // The owner keeps the connection alive; the browser callbacks only hold weak references.
    let owned = StoredValue::new_local(conn);
    on_cleanup(move || {
        owned.try_with_value(|conn| conn.stop());
    });
    Sender(owned)
}

struct Conn {
    token: String,
    on_frame: Box<dyn Fn(EventsFrame)>,
    on_typing: Box<dyn Fn(TypingFrame)>,
    on_link: Box<dyn Fn(Link)>,
    /// The dialog's `last_seq` from the newest frame: where a reconnect resumes.
    after: Cell<Option<u64>>,
    /// Failed attempts since the last frame, for the backoff.
    attempt: Cell<u32>,
    stopped: Cell<bool>,
    socket: RefCell<Option<Open>>,
    retry: Cell<Option<TimeoutHandle>>,
    ping: Cell<Option<IntervalHandle>>,
}

/// A socket and the callbacks it calls, dropped together.
struct Open {
    socket: WebSocket,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(web_sys::Event)>,
}

fn connect(conn: &Rc<Conn>) {
    if conn.stopped.get() {
        return;
    }
    let Ok(socket) = WebSocket::new(&socket_url(&conn.token, conn.after.get())) else {
        schedule_retry(conn);
        return;
    };
    let weak = Rc::downgrade(conn);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let (Some(conn), Some(text)) = (weak.upgrade(), event.data().as_string()) {
            conn.receive(&text);
        }
    });
    let weak = Rc::downgrade(conn);
    let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(conn) = weak.upgrade() {
            conn.closed();
        }
    });
    // `error` is always followed by `close`, so `close` alone drives the reconnect.
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    *conn.socket.borrow_mut() = Some(Open { socket, _on_message: on_message, _on_close: on_close });
}

fn schedule_retry(conn: &Rc<Conn>) {
    let attempt = conn.attempt.get();
    conn.attempt.set(attempt.saturating_add(1));
    let delay = FIRST_RETRY_MS.saturating_mul(1 << attempt.min(10)).min(MAX_RETRY_MS);
    let weak: Weak<Conn> = Rc::downgrade(conn);
    let handle = set_timeout_with_handle(
        move || {
            if let Some(conn) = weak.upgrade() {
                connect(&conn);
            }
        },
        Duration::from_millis(delay),
    );
    conn.retry.set(handle.ok());
}

impl Conn {
    fn receive(&self, text: &str) {
        // A frame we cannot read is skipped; the next reconnect resyncs from `after`.
        let Ok(value) = web_sys::js_sys::JSON::parse(text) else { return };
        let Some(frame) = json::read::<EventsFrame>(value.clone()) else {
            if let Some(typing) = json::read::<TypingFrame>(value) {
                (self.on_typing)(typing);
            }
            return;
        };
        self.after.set(Some(resume_position(self.after.get(), &frame)));
        self.attempt.set(0);
        (self.on_link)(Link::Live);
        (self.on_frame)(frame);
    }

    fn closed(self: Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        (self.on_link)(Link::Down(self.attempt.get().saturating_add(1)));
        // Dropping the socket here would free the closure that is running; the next
        // `connect` replaces it instead.
        schedule_retry(&self);
    }

    fn ping(&self) {
        self.send("ping");
    }

    fn send(&self, text: &str) {
        if let Some(open) = &*self.socket.borrow() {
            if open.socket.ready_state() == WebSocket::OPEN {
                _ = open.socket.send_with_str(text);
            }
        }
    }

    fn stop(&self) {
        self.stopped.set(true);
        if let Some(handle) = self.retry.take() {
            handle.clear();
        }
        if let Some(handle) = self.ping.take() {
            handle.clear();
        }
        if let Some(open) = self.socket.borrow_mut().take() {
            open.socket.set_onmessage(None);
            open.socket.set_onclose(None);
            _ = open.socket.close();
        }
    }
}

/// Where to resume after `frame`. A catch-up page with `more` set is followed by others on the
/// same socket: if the socket drops in between, resume after the page's last event, not at the
/// dialog's `last_seq` (that would skip the pages not received).
fn resume_position(previous: Option<u64>, frame: &EventsFrame) -> u64 {
    let reached =
        if frame.more { frame.events.last().map_or(0, |e| e.seq) } else { frame.last_seq };
    match previous {
        Some(previous) if !frame.reset => previous.max(reached),
        _ => reached,
    }
}

/// `ws(s)://<this host>/api/widget/socket?token=T[&after=N]`.
fn socket_url(token: &str, after: Option<u64>) -> String {
    let location = window().location();
    let scheme = match location.protocol().as_deref() {
        Ok("https:") => "wss",
        _ => "ws",
    };
    let host = location.host().unwrap_or_default();
    let token = String::from(web_sys::js_sys::encode_uri_component(token));
    let mut url = format!("{scheme}://{host}/api/widget/socket?token={token}");
    if let Some(after) = after {
        url.push_str(&format!("&after={after}"));
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::event::{Actor, Event, EventBody};

    fn frame(reset: bool, seqs: &[u64], last_seq: u64, more: bool) -> EventsFrame {
        let events = seqs
            .iter()
            .map(|&seq| Event {
                seq,
                at: 0,
                actor: Actor::System,
                body: EventBody::SessionOpened { session: 1 },
            })
            .collect();
        EventsFrame { events, reset, last_seq, more }
    }

    #[test]
    fn w3_resume_position_follows_frames_and_never_skips_a_page() {
        // (position before, frame, position after)
        let cases = [
            (None, frame(true, &[1, 2], 2, false), 2),
            // A hidden note (seq 3) moves the position past the last shown event.
            (Some(2), frame(false, &[], 3, false), 3),
            // The first of several pages: resume after its last event.
            (None, frame(true, &[1, 500], 1200, true), 500),
            (Some(500), frame(false, &[501, 1000], 1200, true), 1000),
            (Some(1000), frame(false, &[1001, 1200], 1200, false), 1200),
            // A reset forgets a position the server no longer knows.
            (Some(90), frame(true, &[1, 5], 5, false), 5),
        ];
        for (before, frame, expected) in cases {
            assert_eq!(resume_position(before, &frame), expected, "{before:?} {frame:?}");
        }
    }
}
