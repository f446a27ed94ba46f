//! `use_event_socket`: the visitor's live connection to their dialog, for as long as the
//! component that asked for it lives (the shared `openline_browser::socket` reconnects and
//! pings).
//!
//! The server sends `EventsFrame`s: first everything (or what we missed, given `after`), then
//! each change. A reconnect passes the position this socket reached (`sync::position_after`),
//! so only the gap is replayed. That position advances only through socket frames: a command's
//! reply may skip ahead of events the socket never delivered.
//!
//! The same socket carries typing indicators both ways (W2): `TypingFrame`s in, and what the
//! returned `Sender` sends out while the socket is open.

use leptos::prelude::*;
use openline_browser::json;
use openline_browser::socket::{self, Handlers, Socket};
use openline_core::protocol::{EventsFrame, TypingFrame};
use openline_core::sync::position_after;
use std::cell::Cell;
use std::rc::Rc;

pub use openline_browser::socket::Link;

/// Sends text on the live socket; `Copy`, for handlers.
#[derive(Clone, Copy)]
pub struct Sender(StoredValue<Socket, LocalStorage>);

impl Sender {
    pub fn send(&self, text: &str) {
        self.0.try_with_value(|socket| socket.sender().send(text));
    }
}

/// Opens `/api/widget/socket` with the visitor `token` and calls `on_frame` for every events
/// frame, `on_typing` for every typing frame and `on_link` as the connection comes up or goes
/// down, reconnecting until the calling component is cleaned up.
pub fn use_event_socket(
    token: &str,
    on_frame: impl Fn(EventsFrame) + 'static,
    on_typing: impl Fn(TypingFrame) + 'static,
    on_link: impl Fn(Link) + 'static,
) -> Sender {
    // The dialog's position from the frames so far: where a reconnect resumes.
    let after = Rc::new(Cell::new(None));
    let reached = after.clone();
    let token = String::from(web_sys::js_sys::encode_uri_component(token));
    let socket = Socket::open(Handlers {
        url: Box::new(move || {
            let mut path = format!("/api/widget/socket?token={token}");
            if let Some(after) = reached.get() {
                path.push_str(&format!("&after={after}"));
            }
            socket::url(&path)
        }),
        on_text: Box::new(move |text| {
            // A frame we cannot read is skipped; the next reconnect resyncs from `after`.
            let Ok(value) = web_sys::js_sys::JSON::parse(&text) else { return };
            match json::read::<EventsFrame>(value.clone()) {
                Some(frame) => {
                    after.set(Some(position_after(after.get(), &frame)));
                    on_frame(frame);
                }
                None => json::read::<TypingFrame>(value).into_iter().for_each(&on_typing),
            }
        }),
        on_link: Box::new(on_link),
    });
    // The owner keeps the connection; it closes when the owner is cleaned up.
    Sender(StoredValue::new_local(socket))
}
