//! Typing indicators (W2): an update from one socket goes to the other side's sockets at once,
//! as `core::typing::relay` says, and is never stored. Each socket's updates are rate-limited
//! (a token bucket in its attachment); the excess and anything unreadable are dropped silently,
//! since nobody waits for an answer.

use super::{Conversation, SocketInfo};
use openline_core::protocol::TypingUpdate;
use openline_core::typing::{relay, BURST, REFILL_MS};
use worker::WebSocket;

impl Conversation {
    pub(super) fn typing(&self, from: &WebSocket, text: &str) {
        let Ok(update) = serde_json::from_str::<TypingUpdate>(text) else { return };
        let Ok(Some(mut info)) = from.deserialize_attachment::<SocketInfo>() else { return };
        // A socket whose access ended says nothing more (issue 15).
        if info.closed {
            return;
        }
        let Some(actor) = info.actor.clone() else { return };
        if info.typing.take(crate::auth::now_ms(), BURST, REFILL_MS).is_err() {
            return;
        }
        if from.serialize_attachment(&info).is_err() {
            return;
        }
        let Some((audience, frame)) = relay(&actor, &update) else { return };
        for ws in self.state.get_websockets() {
            let Ok(Some(to)) = ws.deserialize_attachment::<SocketInfo>() else { continue };
            if to.viewer == audience && !to.closed {
                // A socket that is closing is nobody's loss here.
                let _ = ws.send(&frame);
            }
        }
    }
}
