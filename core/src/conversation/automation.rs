//! What the system does by itself (Q14): the automatic reply when a session opens (in or out
//! of working hours) and the automatic close after inactivity. The Conversation DO asks these
//! functions after each change and when its alarm rings.

use super::decide::{Command, Rejection};
use super::state::DialogState;
use crate::channel::ChannelSettings;
use crate::event::{CloseReason, Event, EventBody};

/// The system's message for the session these `events` opened, if they opened one and the
/// channel has a text for the hour (`now`).
pub fn new_session_reply(
    events: &[Event],
    settings: &ChannelSettings,
    now: i64,
) -> Option<Command> {
    let opened = events.iter().any(|e| matches!(e.body, EventBody::SessionOpened { .. }));
    let text = settings.reply_for_new_session(now).filter(|_| opened)?;
    Some(Command::Post {
        text: text.to_owned(),
        internal: false,
        quote: None,
        mentions: Vec::new(),
        files: Vec::new(),
    })
}

/// When the open session closes by itself, if it does: the channel's period after the last
/// message, never while the owner has it locked (Q11).
pub fn auto_close_deadline(state: &DialogState, settings: &ChannelSettings) -> Option<i64> {
    let secs = settings.auto_close_after_secs?;
    if !state.is_open() || state.pinned {
        return None;
    }
    Some(state.last_activity_at? + i64::from(secs) * 1000)
}

/// Commands the system may give: post an automatic message in an open session, and close
/// one (a no-op when it is already closed or locked, as the alarm may ring late).
pub fn system_command(state: &DialogState, command: &Command) -> Result<Vec<EventBody>, Rejection> {
    match command {
        Command::Post { text, internal: false, quote: None, .. } if state.is_open() => {
            Ok(vec![EventBody::MessagePosted {
                text: text.clone(),
                internal: false,
                quote: None,
                mentions: Vec::new(),
                files: Vec::new(),
            }])
        }
        Command::Post { .. } if !state.is_open() => Err(Rejection::NoOpenSession),
        Command::AutoClose if state.is_open() && !state.pinned => {
            Ok(vec![EventBody::Closed { session: state.session, reason: CloseReason::Inactive }])
        }
        Command::AutoClose => Ok(Vec::new()),
        _ => Err(Rejection::Forbidden),
    }
}
