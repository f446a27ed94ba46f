//! `decide`: may this actor do this now, and what happens if so.

use super::state::{DialogState, SessionStatus};
use crate::event::{Actor, CloseReason, Event, EventBody};
use crate::limits::MAX_MESSAGE_CHARS;
use serde::{Deserialize, Serialize};

/// What a customer or an agent asks a dialog to do. A wire type (see `protocol::CommandRequest`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Write a message; `internal` makes it a hidden note (agents only, C6).
    Post {
        text: String,
        #[serde(default)]
        internal: bool,
    },
    /// Take the waiting session and start replying (Q3).
    Answer,
    /// Close the session (Q10).
    Finish,
}

/// Why a command was refused. A value, never a panic; `code()` is stable for clients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// The actor may not do this at all (a customer answering, a customer writing a note).
    Forbidden,
    EmptyMessage,
    MessageTooLong {
        max_chars: usize,
    },
    /// No session is open: nothing to answer, reply to or finish.
    NoOpenSession,
    /// Another agent already owns the session.
    AnsweredByOther {
        agent_name: String,
    },
}

impl Rejection {
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::Forbidden => "forbidden",
            Rejection::EmptyMessage => "empty_message",
            Rejection::MessageTooLong { .. } => "message_too_long",
            Rejection::NoOpenSession => "no_open_session",
            Rejection::AnsweredByOther { .. } => "answered_by_other",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Rejection::Forbidden => "You may not do that in this conversation.".into(),
            Rejection::EmptyMessage => "The message is empty.".into(),
            Rejection::MessageTooLong { max_chars } => {
                format!("The message is longer than {max_chars} characters.")
            }
            Rejection::NoOpenSession => "The conversation is closed.".into(),
            Rejection::AnsweredByOther { agent_name } => {
                format!("{agent_name} is already answering this conversation.")
            }
        }
    }
}

/// Decides what `command` by `actor` does to the dialog at time `now` (ms since the epoch).
/// The returned events are numbered after `state.last_seq` and stamped with `now`; an empty
/// list means "nothing to do" (for instance answering a session one already owns).
pub fn decide(
    state: &DialogState,
    actor: &Actor,
    command: &Command,
    now: i64,
) -> Result<Vec<Event>, Rejection> {
    let bodies = match (actor, command) {
        (Actor::System, _) => return Err(Rejection::Forbidden),
        (Actor::Visitor { .. }, Command::Post { text, internal }) => {
            if *internal {
                return Err(Rejection::Forbidden);
            }
            let text = checked_text(text)?;
            customer_post(state, text)
        }
        (Actor::Visitor { .. }, Command::Answer | Command::Finish) => {
            return Err(Rejection::Forbidden)
        }
        (Actor::Agent { .. }, Command::Post { text, internal }) => {
            let text = checked_text(text)?;
            agent_post(state, actor, text, *internal)?
        }
        (Actor::Agent { .. }, Command::Answer) => answer(state, actor)?,
        (Actor::Agent { .. }, Command::Finish) => finish(state, actor)?,
    };
    Ok(stamp(state, actor, bodies, now))
}

fn checked_text(text: &str) -> Result<String, Rejection> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Rejection::EmptyMessage);
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err(Rejection::MessageTooLong { max_chars: MAX_MESSAGE_CHARS });
    }
    Ok(text.to_owned())
}

/// A customer may always write: after a close, the message opens the next session (Q12).
fn customer_post(state: &DialogState, text: String) -> Vec<EventBody> {
    let mut bodies = Vec::new();
    if !state.is_open() {
        bodies.push(EventBody::SessionOpened { session: state.session + 1 });
    }
    bodies.push(EventBody::MessagePosted { text, internal: false });
    bodies
}

/// An agent replying to a waiting session answers it first, as in every contact center.
/// A hidden note needs no ownership: any colleague may leave one.
fn agent_post(
    state: &DialogState,
    actor: &Actor,
    text: String,
    internal: bool,
) -> Result<Vec<EventBody>, Rejection> {
    if !state.is_open() {
        return Err(Rejection::NoOpenSession);
    }
    let mut bodies = Vec::new();
    if !internal {
        bodies = answer(state, actor)?;
    }
    bodies.push(EventBody::MessagePosted { text, internal });
    Ok(bodies)
}

fn answer(state: &DialogState, actor: &Actor) -> Result<Vec<EventBody>, Rejection> {
    let Actor::Agent { id, name } = actor else {
        return Err(Rejection::Forbidden);
    };
    match &state.status {
        SessionStatus::Idle => Err(Rejection::NoOpenSession),
        SessionStatus::Unanswered => {
            Ok(vec![EventBody::Answered { agent: id.clone(), agent_name: name.clone() }])
        }
        SessionStatus::InProgress { agent, .. } if agent == id => Ok(Vec::new()),
        SessionStatus::InProgress { agent_name, .. } => {
            Err(Rejection::AnsweredByOther { agent_name: agent_name.clone() })
        }
    }
}

/// The owner finishes a session; a waiting one may be closed by any agent.
fn finish(state: &DialogState, actor: &Actor) -> Result<Vec<EventBody>, Rejection> {
    let Actor::Agent { id, .. } = actor else {
        return Err(Rejection::Forbidden);
    };
    match &state.status {
        SessionStatus::Idle => Err(Rejection::NoOpenSession),
        SessionStatus::InProgress { agent, agent_name } if agent != id => {
            Err(Rejection::AnsweredByOther { agent_name: agent_name.clone() })
        }
        _ => Ok(vec![EventBody::Closed { session: state.session, reason: CloseReason::Finished }]),
    }
}

fn stamp(state: &DialogState, actor: &Actor, bodies: Vec<EventBody>, now: i64) -> Vec<Event> {
    bodies
        .into_iter()
        .zip(state.last_seq + 1..)
        .map(|(body, seq)| Event { seq, at: now, actor: actor.clone(), body })
        .collect()
}
