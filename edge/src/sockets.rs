//! What both Durable Objects do with their hibernatable sockets.

use worker::{console_error, State, WebSocketRequestResponsePair};

/// A client that sends the inbox anything but the runtime-answered ping is misbehaving (or
/// flooding): its socket is closed with "policy violation" and the app reconnects cleanly.
pub fn refuse_unexpected_frames(ws: &worker::WebSocket) {
    if let Err(e) = ws.close(Some(1008), Some("unexpected frame")) {
        console_error!("closing a socket failed: {e:?}");
    }
}

/// Clients send "ping" to keep proxies from closing idle sockets. The runtime answers "pong"
/// itself, so a ping never wakes a hibernated object.
pub fn answer_pings_while_hibernating(state: &State) {
    match WebSocketRequestResponsePair::new("ping", "pong") {
        Ok(pair) => state.set_websocket_auto_response(&pair),
        Err(e) => console_error!("socket auto-response not set: {e:?}"),
    }
}
