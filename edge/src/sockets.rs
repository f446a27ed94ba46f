//! What both Durable Objects do with their hibernatable sockets.

use worker::{console_error, State, WebSocketRequestResponsePair};

/// Clients send "ping" to keep proxies from closing idle sockets. The runtime answers "pong"
/// itself, so a ping never wakes a hibernated object.
pub fn answer_pings_while_hibernating(state: &State) {
    match WebSocketRequestResponsePair::new("ping", "pong") {
        Ok(pair) => state.set_websocket_auto_response(&pair),
        Err(e) => console_error!("socket auto-response not set: {e:?}"),
    }
}
