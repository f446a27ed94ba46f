//! A WebSocket that stays connected: on close or error it reconnects after 0.5 s, 1 s, 2 s, …
//! (at most 10 s), asking its URL builder for a fresh URL each time so a dialog socket can resume
//! with `after=<last seq>`. Dropping the `Socket` closes it for good.
//!
//! Only text frames are passed on; parsing them is the owner's job. A `Sender` sends text while
//! the socket is open and drops it otherwise (what is sent here, typing indicators, is worth
//! nothing late). The browser hides why an
//! upgrade failed (a 401 looks like any close), so owners are told when the link goes down and
//! may probe over HTTP (see `inbox::model` and `dialog::socket`).

use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

const FIRST_DELAY_MS: u64 = 500;
const MAX_DELAY_MS: u64 = 10_000;

/// What the owner supplies: where to connect and what to do with what happens.
pub struct Handlers {
    /// The URL for the next attempt (called on every connect).
    pub url: Box<dyn Fn() -> String>,
    /// One text frame.
    pub on_text: Box<dyn Fn(String)>,
    /// `true` once a frame arrived, `false` when the connection dropped.
    pub on_link: Box<dyn Fn(bool)>,
}

/// A live socket; dropping it closes the connection and cancels any pending retry.
pub struct Socket {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    handlers: Rc<Handlers>,
    ws: Option<WebSocket>,
    /// Kept alive as long as `ws` may call them.
    callbacks: Option<Callbacks>,
    retry: Option<TimeoutHandle>,
    /// Failed attempts since the last frame, for the backoff.
    failures: u32,
}

struct Callbacks {
    _message: Closure<dyn FnMut(MessageEvent)>,
    _close: Closure<dyn FnMut(CloseEvent)>,
}

impl Socket {
    pub fn open(handlers: Handlers) -> Socket {
        let inner = Rc::new(RefCell::new(Inner {
            handlers: Rc::new(handlers),
            ws: None,
            callbacks: None,
            retry: None,
            failures: 0,
        }));
        connect(&inner);
        Socket { inner }
    }
}

/// Sends on a `Socket` for as long as it lives; cheap to clone.
#[derive(Clone)]
pub struct Sender(Weak<RefCell<Inner>>);

impl Socket {
    pub fn sender(&self) -> Sender {
        Sender(Rc::downgrade(&self.inner))
    }
}

impl Sender {
    pub fn send(&self, text: &str) {
        let Some(inner) = self.0.upgrade() else { return };
        let inner = inner.borrow();
        if let Some(ws) = inner.ws.as_ref().filter(|ws| ws.ready_state() == WebSocket::OPEN) {
            let _ = ws.send_with_str(text);
        }
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        let mut inner = self.inner.borrow_mut();
        if let Some(retry) = inner.retry.take() {
            retry.clear();
        }
        if let Some(ws) = inner.ws.take() {
            detach(&ws);
            let _ = ws.close();
        }
        inner.callbacks = None;
    }
}

fn connect(inner: &Rc<RefCell<Inner>>) {
    let url = {
        let handlers = inner.borrow().handlers.clone();
        (handlers.url)()
    };
    let ws = match WebSocket::new(&url) {
        Ok(ws) => ws,
        Err(_) => return schedule_retry(inner),
    };
    let weak = Rc::downgrade(inner);
    let message = Closure::<dyn FnMut(MessageEvent)>::new({
        let weak = weak.clone();
        move |event: MessageEvent| on_message(&weak, event)
    });
    let close = Closure::<dyn FnMut(CloseEvent)>::new(move |_: CloseEvent| on_close(&weak));
    ws.set_onmessage(Some(message.as_ref().unchecked_ref()));
    // An error is always followed by a close, so the close alone drives reconnection.
    ws.set_onclose(Some(close.as_ref().unchecked_ref()));
    let mut state = inner.borrow_mut();
    state.ws = Some(ws);
    state.callbacks = Some(Callbacks { _message: message, _close: close });
}

fn on_message(weak: &Weak<RefCell<Inner>>, event: MessageEvent) {
    let Some(inner) = weak.upgrade() else {
        return;
    };
    let Some(text) = event.data().as_string() else {
        return;
    };
    // Reset the backoff only once the server really talks: a socket that opens and is closed
    // right away (a refused session) must keep slowing down.
    let (handlers, was_down) = {
        let mut state = inner.borrow_mut();
        let was_down = state.failures > 0;
        state.failures = 0;
        (state.handlers.clone(), was_down)
    };
    // No borrow is held while the owner's code runs.
    if was_down {
        (handlers.on_link)(true);
    }
    (handlers.on_text)(text);
}

fn on_close(weak: &Weak<RefCell<Inner>>) {
    let Some(inner) = weak.upgrade() else {
        return;
    };
    let handlers = {
        let mut state = inner.borrow_mut();
        if let Some(ws) = state.ws.take() {
            detach(&ws);
        }
        state.handlers.clone()
    };
    (handlers.on_link)(false);
    schedule_retry(&inner);
}

fn schedule_retry(inner: &Rc<RefCell<Inner>>) {
    let failures = inner.borrow().failures;
    let delay = backoff_ms(failures);
    let weak = Rc::downgrade(inner);
    let retry = set_timeout_with_handle(
        move || {
            if let Some(inner) = weak.upgrade() {
                inner.borrow_mut().retry = None;
                connect(&inner);
            }
        },
        Duration::from_millis(delay),
    );
    let mut state = inner.borrow_mut();
    state.failures = failures.saturating_add(1);
    state.retry = retry.ok();
}

/// 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s.
fn backoff_ms(failures: u32) -> u64 {
    FIRST_DELAY_MS.saturating_mul(1 << failures.min(8)).min(MAX_DELAY_MS)
}

fn detach(ws: &WebSocket) {
    ws.set_onmessage(None);
    ws.set_onclose(None);
}

/// `ws://` or `wss://` plus the page's host and `path_and_query`.
pub fn url(path_and_query: &str) -> String {
    let location = leptos::prelude::window().location();
    let scheme = match location.protocol().as_deref() {
        Ok("https:") => "wss",
        _ => "ws",
    };
    let host = location.host().unwrap_or_default();
    format!("{scheme}://{host}{path_and_query}")
}
