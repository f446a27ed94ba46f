//! `Socket`: a WebSocket that stays connected for as long as its owner keeps it. When it drops
//! it reconnects after 0.5 s, 1 s, 2 s, … (at most 10 s), asking the owner for a fresh URL each
//! time, so a dialog's socket resumes with `after=<position>`. A "ping" every 50 s keeps an idle
//! connection from being cut by proxies (the server's runtime answers it without waking the
//! object). Dropping the `Socket` closes it for good.
//!
//! Only text frames are passed on; reading them is the owner's job. A `Sender` sends text while
//! the socket is open and drops it otherwise (what the apps send, typing indicators, is worth
//! nothing late). The browser hides why an upgrade failed (a 401 looks like any close), so the
//! owner is told how many times in a row the link went down, and may ask over HTTP.

use leptos::prelude::{
    set_interval_with_handle, set_timeout_with_handle, IntervalHandle, TimeoutHandle,
};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, WebSocket};

const FIRST_RETRY_MS: u64 = 500;
const MAX_RETRY_MS: u64 = 10_000;
const PING_EVERY: Duration = Duration::from_secs(50);

/// The state of the connection, for the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// The server talks: the first frame after connecting.
    Live,
    /// The socket closed (or never opened) this many times in a row; a reconnect is scheduled.
    Down(u32),
}

/// What the owner supplies: where to connect, and what to do with what happens.
pub struct Handlers {
    /// The URL for the next attempt (asked on every connect).
    pub url: Box<dyn Fn() -> String>,
    /// One text frame.
    pub on_text: Box<dyn Fn(String)>,
    /// The link came up (at its first frame) or went down.
    pub on_link: Box<dyn Fn(Link)>,
}

/// A live connection; dropping it closes the socket and cancels any retry and ping.
pub struct Socket(Rc<Conn>);

/// Sends on a `Socket` for as long as it lives; cheap to clone.
#[derive(Clone)]
pub struct Sender(Weak<Conn>);

struct Conn {
    handlers: Handlers,
    /// Closes since the last frame, for the backoff and `Link::Down`.
    failures: Cell<u32>,
    /// A frame came since the last connect.
    live: Cell<bool>,
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

impl Socket {
    #[inline]
    pub fn open(handlers: Handlers) -> Socket {
        let conn = Rc::new(Conn {
            handlers,
            failures: Cell::new(0),
            live: Cell::new(false),
            socket: RefCell::new(None),
            retry: Cell::new(None),
            ping: Cell::new(None),
        });
        connect(&conn);
        let weak = Rc::downgrade(&conn);
        let ping = set_interval_with_handle(
            move || {
                if let Some(conn) = weak.upgrade() {
                    conn.send("ping");
                }
            },
            PING_EVERY,
        );
        conn.ping.set(ping.ok());
        Socket(conn)
    }

    #[inline]
    pub fn sender(&self) -> Sender {
        Sender(Rc::downgrade(&self.0))
    }
}

impl Sender {
    #[inline]
    pub fn send(&self, text: &str) {
        if let Some(conn) = self.0.upgrade() {
            conn.send(text);
        }
    }
}

impl Drop for Socket {
    #[inline]
    fn drop(&mut self) {
        let conn = &self.0;
        if let Some(handle) = conn.retry.take() {
            handle.clear();
        }
        if let Some(handle) = conn.ping.take() {
            handle.clear();
        }
        if let Some(open) = conn.socket.borrow_mut().take() {
            open.socket.set_onmessage(None);
            open.socket.set_onclose(None);
            _ = open.socket.close();
        }
    }
}

#[inline]
fn connect(conn: &Rc<Conn>) {
    conn.live.set(false);
    let Ok(socket) = WebSocket::new(&(conn.handlers.url)()) else {
        schedule_retry(conn);
        return;
    };
    let weak = Rc::downgrade(conn);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let (Some(conn), Some(text)) = (weak.upgrade(), event.data().as_string()) {
            conn.receive(text);
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

#[inline]
fn schedule_retry(conn: &Rc<Conn>) {
    let failures = conn.failures.get();
    conn.failures.set(failures.saturating_add(1));
    let weak = Rc::downgrade(conn);
    let handle = set_timeout_with_handle(
        move || {
            if let Some(conn) = weak.upgrade() {
                connect(&conn);
            }
        },
        Duration::from_millis(backoff_ms(failures)),
    );
    conn.retry.set(handle.ok());
}

/// 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s.
#[inline]
fn backoff_ms(failures: u32) -> u64 {
    FIRST_RETRY_MS.saturating_mul(1 << failures.min(8)).min(MAX_RETRY_MS)
}

impl Conn {
    #[inline]
    fn receive(&self, text: String) {
        // The backoff resets only once the server really talks: a socket that opens and is
        // closed at once (a refused session) keeps slowing down.
        self.failures.set(0);
        if !self.live.replace(true) {
            (self.handlers.on_link)(Link::Live);
        }
        (self.handlers.on_text)(text);
    }

    #[inline]
    fn closed(self: Rc<Self>) {
        (self.handlers.on_link)(Link::Down(self.failures.get().saturating_add(1)));
        // Dropping the socket here would free the closure that is running; the next `connect`
        // replaces it instead.
        schedule_retry(&self);
    }

    #[inline]
    fn send(&self, text: &str) {
        if let Some(open) = &*self.socket.borrow() {
            if open.socket.ready_state() == WebSocket::OPEN {
                _ = open.socket.send_with_str(text);
            }
        }
    }
}

/// `ws://` or `wss://`, the page's host, then `path_and_query`.
#[inline]
pub fn url(path_and_query: &str) -> String {
    let location = leptos::prelude::window().location();
    let scheme = match location.protocol().as_deref() {
        Ok("https:") => "wss",
        _ => "ws",
    };
    let host = location.host().unwrap_or_default();
    format!("{scheme}://{host}{path_and_query}")
}

#[cfg(test)]
mod tests {
    use super::backoff_ms;

    #[test]
    fn w3_reconnects_slow_down_to_ten_seconds() {
        let delays: Vec<u64> = (0..7).map(backoff_ms).collect();
        assert_eq!(delays, [500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
        assert_eq!(backoff_ms(u32::MAX), 10_000);
    }
}
