//! Visibility, decided once: what a viewer may see of an event.
//!
//! Every path out of a dialog (customer socket, history, command replies, later connectors,
//! webhooks and exports) goes through `view`. Nothing else decides what a customer sees.

use crate::event::{Actor, CloseReason, Event, EventBody};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Viewer {
    /// The dialog's own customer (widget, connector).
    Customer,
    /// An agent of the dialog's workspace.
    Agent,
}

/// The event as `viewer` may see it, or `None` when it must not reach them at all.
///
/// A customer sees only what concerns them: who is answering now, not how it came to be
/// (a transfer or a take-over reads as "Luis joined the chat"); a close, not its reason; no
/// hidden note (C6), no lock (Q11) and no move of their messages to a new session (M6: for
/// them it is one chat). A message they see keeps its quote (M1): `decide` lets a
/// public message quote only public messages, so the quoted one is theirs to see too. Mentions
/// of colleagues (C2) reach them as the plain text they are, without the list of whom.
pub fn view(event: &Event, viewer: Viewer) -> Option<Event> {
    if viewer == Viewer::Agent {
        return Some(event.clone());
    }
    let body = match &event.body {
        EventBody::MessagePosted { internal: true, .. }
        | EventBody::MessageEdited { internal: true, .. }
        | EventBody::MessageDeleted { internal: true, .. }
        | EventBody::Pinned
        | EventBody::Unpinned
        | EventBody::Blocked
        | EventBody::Unblocked
        | EventBody::MovedToChannel { .. }
        | EventBody::SessionSplit { .. }
        | EventBody::Unknown => return None,
        EventBody::Transferred { agent, agent_name } => {
            EventBody::Answered { agent: agent.clone(), agent_name: agent_name.clone() }
        }
        EventBody::Taken { .. } => match &event.actor {
            Actor::Agent { id, name } => {
                EventBody::Answered { agent: id.clone(), agent_name: name.clone() }
            }
            _ => return None,
        },
        EventBody::Closed { session, .. } => {
            EventBody::Closed { session: *session, reason: CloseReason::Finished }
        }
        // The text says "@Luis Romero" as written; who that is stays with the agents (C2).
        EventBody::MessagePosted { text, internal: false, quote, mentions, files }
            if !mentions.is_empty() =>
        {
            EventBody::MessagePosted {
                text: text.clone(),
                internal: false,
                quote: *quote,
                mentions: Vec::new(),
                files: files.clone(),
            }
        }
        other => other.clone(),
    };
    Some(Event { body, ..event.clone() })
}

/// `view` over a slice, keeping order.
pub fn view_all(events: &[Event], viewer: Viewer) -> Vec<Event> {
    events.iter().filter_map(|e| view(e, viewer)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{AgentId, VisitorId};

    fn event(body: EventBody) -> Event {
        let actor = Actor::Agent { id: AgentId::parse("a_1").unwrap(), name: "Ana".into() };
        Event { seq: 1, at: 0, actor, body }
    }

    /// (body, seen by the customer, seen by an agent)
    fn cases() -> Vec<(EventBody, bool, bool)> {
        vec![
            (EventBody::SessionOpened { session: 1 }, true, true),
            (
                EventBody::MessagePosted {
                    text: "hi".into(),
                    internal: false,
                    quote: None,
                    mentions: Vec::new(),
                    files: Vec::new(),
                },
                true,
                true,
            ),
            (
                EventBody::MessagePosted {
                    text: "secret".into(),
                    internal: true,
                    quote: None,
                    mentions: Vec::new(),
                    files: Vec::new(),
                },
                false,
                true,
            ),
            (
                EventBody::Answered {
                    agent: AgentId::parse("a_1").unwrap(),
                    agent_name: "Ana".into(),
                },
                true,
                true,
            ),
            (EventBody::Closed { session: 1, reason: CloseReason::Finished }, true, true),
        ]
    }

    #[test]
    fn q4_q7_q11_customers_see_who_answers_not_how() {
        let luis = AgentId::parse("a_luis").unwrap();
        let as_answered =
            Some(EventBody::Answered { agent: luis.clone(), agent_name: "Luis".into() });
        let by_luis = |body| Event {
            seq: 7,
            at: 5,
            actor: Actor::Agent { id: luis.clone(), name: "Luis".into() },
            body,
        };
        let customer = |body| view(&by_luis(body), Viewer::Customer).map(|e| e.body);
        let ana = AgentId::parse("a_ana").unwrap();
        assert_eq!(
            customer(EventBody::Taken { previous: ana, previous_name: "Ana".into() }),
            as_answered
        );
        assert_eq!(
            customer(EventBody::Transferred { agent: luis.clone(), agent_name: "Luis".into() }),
            as_answered
        );
        assert_eq!(customer(EventBody::Pinned), None);
        let sales = crate::ids::ChannelId::parse("sales").unwrap();
        assert_eq!(
            customer(EventBody::MovedToChannel { channel: sales, channel_name: "Sales".into() }),
            None
        );
        assert_eq!(customer(EventBody::Unpinned), None);
        assert_eq!(customer(EventBody::Blocked), None);
        assert_eq!(customer(EventBody::Unblocked), None);
        assert_eq!(
            customer(EventBody::Closed { session: 1, reason: CloseReason::Spam }),
            Some(EventBody::Closed { session: 1, reason: CloseReason::Finished })
        );
        let seen = view(&by_luis(EventBody::Pinned), Viewer::Agent).unwrap();
        assert_eq!((seen.seq, seen.body), (7, EventBody::Pinned));
    }

    #[test]
    fn c6_hidden_notes_reach_agents_only() {
        for (body, customer, agent) in cases() {
            let e = event(body);
            assert_eq!(view(&e, Viewer::Customer).is_some(), customer, "{e:?}");
            assert_eq!(view(&e, Viewer::Agent).is_some(), agent, "{e:?}");
        }
    }

    #[test]
    fn c6_view_all_drops_notes_and_keeps_order() {
        let visitor = Actor::Visitor { id: VisitorId::parse("v_1").unwrap() };
        let events: Vec<Event> = cases()
            .into_iter()
            .enumerate()
            .map(|(i, (body, _, _))| Event {
                seq: i as u64 + 1,
                at: 0,
                actor: visitor.clone(),
                body,
            })
            .collect();
        let seqs: Vec<u64> = view_all(&events, Viewer::Customer).iter().map(|e| e.seq).collect();
        assert_eq!(seqs, vec![1, 2, 4, 5]);
        assert_eq!(view_all(&events, Viewer::Agent).len(), 5);
    }
}
