//! `apply`: fold one event into the dialog state. Never fails: events are facts.

use super::state::{DialogState, LastMessage, SessionStatus};
use crate::event::{Event, EventBody};

pub fn apply(state: &mut DialogState, event: &Event) {
    state.last_seq = event.seq;
    match &event.body {
        EventBody::SessionOpened { session } => {
            state.session = *session;
            state.status = SessionStatus::Unanswered;
            state.waiting_since = Some(event.at);
        }
        EventBody::MessagePosted { text, internal } => {
            if *internal {
                return;
            }
            let from_customer = !event.actor.is_agent();
            state.last_message =
                Some(LastMessage { text: text.clone(), at: event.at, from_customer });
            if from_customer {
                state.unread += 1;
            } else {
                state.unread = 0;
            }
        }
        EventBody::Answered { agent, agent_name } => {
            state.status =
                SessionStatus::InProgress { agent: agent.clone(), agent_name: agent_name.clone() };
            state.waiting_since = None;
        }
        EventBody::Closed { .. } => {
            state.status = SessionStatus::Idle;
            state.waiting_since = None;
            state.unread = 0;
        }
    }
}
