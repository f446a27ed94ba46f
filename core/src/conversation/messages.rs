//! Writing messages: who may write what, and when a message opens a session.

use super::decide::Rejection;
use super::lifecycle;
use super::state::DialogState;
use crate::event::{AgentRef, EventBody};
use crate::ids::AgentId;
use crate::limits::MAX_MESSAGE_CHARS;

/// A customer may always write: after a close, the message opens the next session (Q12).
pub fn customer_post(
    state: &DialogState,
    text: &str,
    quote: Option<u64>,
) -> Result<Vec<EventBody>, Rejection> {
    if state.blocked {
        return Err(Rejection::Blocked);
    }
    let text = checked_text(text)?;
    let mut bodies = Vec::new();
    if !state.is_open() {
        bodies.push(EventBody::SessionOpened { session: state.session + 1 });
    }
    bodies.push(EventBody::MessagePosted { text, internal: false, quote, mentions: Vec::new() });
    Ok(bodies)
}

/// Agents write to the customer when they own the session or were invited; replying to a
/// waiting session answers it first, as in every contact center. A hidden note needs no
/// membership: any colleague may leave one in an open session.
pub fn agent_post(
    state: &DialogState,
    me: &AgentRef,
    text: &str,
    internal: bool,
    quote: Option<u64>,
    mentions: Vec<AgentRef>,
) -> Result<Vec<EventBody>, Rejection> {
    let text = checked_text(text)?;
    if !state.is_open() {
        return Err(Rejection::NoOpenSession);
    }
    let mut bodies = Vec::new();
    if !internal && !state.is_member(&me.id) {
        bodies = lifecycle::answer(state, me)?;
    }
    bodies.push(EventBody::MessagePosted { text, internal, quote, mentions });
    Ok(bodies)
}

/// At most this many colleagues are mentioned in one message.
pub const MAX_MENTIONS: usize = 10;

/// The colleagues a message mentions (C2), as the directory names them: each must be an agent
/// of the workspace; repeats count once.
pub fn checked_mentions(
    mentions: &[AgentId],
    directory: &[AgentRef],
) -> Result<Vec<AgentRef>, Rejection> {
    let mut found: Vec<AgentRef> = Vec::new();
    for id in mentions {
        let agent = directory.iter().find(|a| &a.id == id).ok_or(Rejection::UnknownAgent)?;
        if !found.contains(agent) {
            found.push(agent.clone());
        }
    }
    if found.len() > MAX_MENTIONS {
        return Err(Rejection::TooManyMentions { max: MAX_MENTIONS });
    }
    Ok(found)
}

pub(super) fn checked_text(text: &str) -> Result<String, Rejection> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Rejection::EmptyMessage);
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err(Rejection::MessageTooLong { max_chars: MAX_MESSAGE_CHARS });
    }
    Ok(text.to_owned())
}
