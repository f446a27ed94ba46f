//! Changing sent messages (M8 edit, M9 delete). The author may, and a supervisor or admin may
//! change a colleague's; a customer's words are never altered, nor the system's.
//!
//! The dialog state does not keep every message; the edge loads the events about the target
//! message (its post, edits, deletion) into `Context::message`, and `message_info` folds them.

use super::decide::Rejection;
use super::messages::checked_text;
use crate::auth::Role;
use crate::event::{Actor, AgentRef, Event, EventBody};
use crate::ids::AgentId;

/// A message as it stands after its edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageInfo {
    pub author: Actor,
    pub text: String,
    pub internal: bool,
    pub edited: bool,
    pub deleted: bool,
}

/// Folds the events about message `seq` (in log order); `None` if it was never posted.
pub fn message_info(seq: u64, history: &[Event]) -> Option<MessageInfo> {
    let mut info: Option<MessageInfo> = None;
    for event in history {
        match (&event.body, info.as_mut()) {
            (EventBody::MessagePosted { text, internal, .. }, None) if event.seq == seq => {
                info = Some(MessageInfo {
                    author: event.actor.clone(),
                    text: text.clone(),
                    internal: *internal,
                    edited: false,
                    deleted: false,
                });
            }
            (EventBody::MessageEdited { seq: s, text, .. }, Some(m)) if *s == seq => {
                m.text = text.clone();
                m.edited = true;
            }
            (EventBody::MessageDeleted { seq: s, .. }, Some(m)) if *s == seq => m.deleted = true,
            _ => {}
        }
    }
    info
}

pub fn edit(
    me: &AgentRef,
    role: Role,
    seq: u64,
    text: &str,
    history: &[Event],
) -> Result<Vec<EventBody>, Rejection> {
    let message = changeable(me, role, seq, history)?;
    let text = checked_text(text)?;
    if text == message.text {
        return Ok(Vec::new());
    }
    Ok(vec![EventBody::MessageEdited { seq, text, internal: message.internal }])
}

pub fn delete(
    me: &AgentRef,
    role: Role,
    seq: u64,
    history: &[Event],
) -> Result<Vec<EventBody>, Rejection> {
    let message = changeable(me, role, seq, history)?;
    Ok(vec![EventBody::MessageDeleted { seq, internal: message.internal }])
}

fn changeable(
    me: &AgentRef,
    role: Role,
    seq: u64,
    history: &[Event],
) -> Result<MessageInfo, Rejection> {
    let message = message_info(seq, history).ok_or(Rejection::UnknownMessage)?;
    if message.deleted {
        return Err(Rejection::MessageDeleted);
    }
    if !may_change(&me.id, role, &message.author, false) {
        return Err(Rejection::Forbidden);
    }
    Ok(message)
}

/// Whether `me`, with `role` in the workspace, may edit or delete a message by `author` that
/// is (or is not) `deleted` (M8, M9): an agent's message, by its author or a moderator. The
/// agent app's message menu asks this too.
pub fn may_change(me: &AgentId, role: Role, author: &Actor, deleted: bool) -> bool {
    match author {
        Actor::Agent { id, .. } => !deleted && (id == me || role.may_moderate()),
        Actor::Visitor { .. } | Actor::System => false,
    }
}
