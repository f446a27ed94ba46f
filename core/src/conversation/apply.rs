//! `apply`: fold one event into the dialog state. Never fails: events are facts.

use super::state::{DialogState, LastMessage, Mention, SessionStatus};
use crate::event::{Actor, AgentRef, Event, EventBody};
use crate::ids::AgentId;

// Long: one arm per kind of event, the whole fold on one screen.
pub fn apply(state: &mut DialogState, event: &Event) {
    state.last_seq = event.seq;
    match &event.body {
        EventBody::SessionOpened { session } => {
            state.session = *session;
            state.status = SessionStatus::Unanswered;
            state.waiting_since = Some(event.at);
            state.last_close = None;
            state.participants.clear();
            state.pinned = false;
            state.last_activity_at = Some(event.at);
            state.first_message = None;
        }
        EventBody::SessionSplit { session, from } => {
            state.session = *session;
            state.first_message = Some(*from);
        }
        EventBody::MessagePosted { text, internal, mentions, files, .. } => {
            state.first_message.get_or_insert(event.seq);
            if let (false, Actor::Agent { name, .. }) = (mentions.is_empty(), &event.actor) {
                let agents = mentions.iter().map(|a| a.id.clone()).collect();
                state.last_mention = Some(Mention { seq: event.seq, by: name.clone(), agents });
            }
            if *internal {
                return;
            }
            state.last_activity_at = Some(event.at);
            // Automatic messages neither preview nor count as read: agents still owe a reply.
            let from_customer = match event.actor {
                Actor::Visitor { .. } => true,
                Actor::Agent { .. } => false,
                Actor::System => return,
            };
            match event.actor {
                Actor::Visitor { .. } => state.last_from_customer = event.seq,
                _ => state.last_to_customer = event.seq,
            }
            let text = crate::files::message_preview(text, files);
            state.last_message = Some(LastMessage { text, at: event.at, from_customer });
            if from_customer {
                state.unread += 1;
            } else {
                state.unread = 0;
            }
        }
        EventBody::Answered { agent, agent_name }
        | EventBody::Transferred { agent, agent_name } => {
            assign(state, agent, agent_name);
        }
        EventBody::Taken { .. } => {
            if let Actor::Agent { id, name } = &event.actor {
                assign(state, id, name);
            }
        }
        EventBody::MovedToChannel { channel, .. } => {
            state.channel = Some(channel.clone());
            state.status = SessionStatus::Unanswered;
            state.waiting_since = Some(event.at);
            state.participants.clear();
            state.pinned = false;
        }
        EventBody::Invited { agent, agent_name } => {
            state.participants.push(AgentRef { id: agent.clone(), name: agent_name.clone() });
        }
        EventBody::Pinned => state.pinned = true,
        EventBody::Unpinned => state.pinned = false,
        EventBody::Blocked => state.blocked = true,
        EventBody::Unblocked => state.blocked = false,
        EventBody::ContactShared { contact } => {
            let known = state.contact.take().unwrap_or_default();
            state.contact = Some(contact.merged_over(&known));
        }
        EventBody::Read { up_to } => match event.actor {
            Actor::Visitor { .. } => state.customer_read = state.customer_read.max(*up_to),
            Actor::Agent { .. } => state.agents_read = state.agents_read.max(*up_to),
            Actor::System => {}
        },
        EventBody::Rated { session, rating, .. } => {
            state.rated_session = Some(*session);
            state.last_rating = Some(*rating);
        }
        EventBody::Closed { reason, .. } => {
            state.status = SessionStatus::Idle;
            state.waiting_since = None;
            state.unread = 0;
            state.participants.clear();
            state.pinned = false;
            state.last_close = Some(*reason);
        }
        // The log keeps every version; the state needs none of them.
        EventBody::MessageEdited { .. } | EventBody::MessageDeleted { .. } | EventBody::Unknown => {
        }
    }
}

/// A new owner: the lock was the previous owner's, and an owner is no longer a guest.
fn assign(state: &mut DialogState, agent: &AgentId, agent_name: &str) {
    state.status =
        SessionStatus::InProgress { agent: agent.clone(), agent_name: agent_name.to_owned() };
    state.waiting_since = None;
    state.pinned = false;
    state.participants.retain(|p| &p.id != agent);
}
