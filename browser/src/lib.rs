//! What the two browser apps (the customer's widget and the agents' app) share: one way to
//! read the server's replies and refusals, one reconnecting socket, one upload, one safe-HTML
//! type. Each app keeps only what is its own: which URLs it calls, and what it draws.
//!
//! Everything here is written to the widget's byte budget (`widget_open` ≤ 100 KB brotli):
//! nothing generic where one copy will do, the browser's own JSON parser, no extra crate. And
//! every function is `#[inline]`: each app then compiles it as its own code, inlined and
//! sharing the generic instances the app has anyway. Across a crate boundary LTO alone does
//! not get there: the same code cost the widget 360 B brotli more without it (measured).
//!
//! - `json`: a parsed JavaScript value read as a `core::protocol` type.
//! - `http`: `ApiError` (what a refusal says, with its `ErrorCode`), reading a reply, and a
//!   `fetch` of JSON for the widget (the agent app sends with gloo-net and reads here).
//! - `socket`: a WebSocket that reconnects with backoff and pings while idle.
//! - `upload`: one file with progress.
//! - `html`: markup escaped by type (`html!`), and the only raw HTML sinks.
//! - `random_id`: a fresh command id.

pub mod html;
pub mod http;
pub mod json;
pub mod socket;
pub mod upload;

use openline_core::ids::CommandId;

/// A fresh id for one user action: 128 random bits in hex (`crypto.getRandomValues` works on
/// plain http too, unlike `crypto.randomUUID`).
#[inline]
pub fn random_id() -> Option<CommandId> {
    let mut bytes = [0u8; 16];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    let hex: String = bytes
        .iter()
        .flat_map(|b| [b >> 4, b & 15])
        .filter_map(|n| char::from_digit(n.into(), 16))
        .collect();
    CommandId::parse(&hex)
}
