//! Moving to a new conversation (M6): when the customer starts another topic, the owner picks
//! the message where it starts, and that message and every later one become a new session of
//! the dialog, which goes on with the same owner; the earlier session ends just before it.
//!
//! The log is never rewritten: one `SessionSplit { session, from }` event says where the new
//! session begins, and readers place it before message `from`, so every message stays in the
//! log once and shows once, in the session it now belongs to. The customer is not told: for
//! them it is one chat (`view` drops the event).

use super::decide::Rejection;
use super::editing::message_info;
use super::lifecycle::require_owner;
use super::state::DialogState;
use crate::event::{AgentRef, Event, EventBody};
use crate::ids::AgentId;

/// Splits the open session at message `seq`; `history` holds the events about that message.
pub fn split(
    state: &DialogState,
    me: &AgentRef,
    seq: u64,
    history: &[Event],
) -> Result<Vec<EventBody>, Rejection> {
    require_owner(state, me)?;
    let message = message_info(seq, history).ok_or(Rejection::UnknownMessage)?;
    if message.deleted {
        return Err(Rejection::MessageDeleted);
    }
    if !splits_here(state, seq) {
        return Err(Rejection::CannotSplitHere);
    }
    Ok(vec![EventBody::SessionSplit { session: state.session + 1, from: seq }])
}

/// Whether `me` may start a new session at message `seq`, one that stands (M6): the owner,
/// from a later message of the open session. The agent app's message menu asks this.
pub fn may_split(state: &DialogState, me: &AgentId, seq: u64) -> bool {
    state.assignee() == Some(me) && splits_here(state, seq)
}

/// A later message of the open session: an earlier one stays behind in the old session.
fn splits_here(state: &DialogState, seq: u64) -> bool {
    state.first_message.is_some_and(|first| seq > first)
}
