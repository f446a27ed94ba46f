//! Visibility, decided once: what a viewer may see of an event.
//!
//! Every path out of a dialog (customer socket, history, command replies, later connectors,
//! webhooks and exports) goes through `view`. Nothing else decides what a customer sees.

use crate::event::{Event, EventBody};
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
pub fn view(event: &Event, viewer: Viewer) -> Option<Event> {
    match (viewer, &event.body) {
        (Viewer::Agent, _) => Some(event.clone()),
        // Hidden notes (C6) never reach a customer.
        (Viewer::Customer, EventBody::MessagePosted { internal: true, .. }) => None,
        (Viewer::Customer, _) => Some(event.clone()),
    }
}

/// `view` over a slice, keeping order.
pub fn view_all(events: &[Event], viewer: Viewer) -> Vec<Event> {
    events.iter().filter_map(|e| view(e, viewer)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Actor, CloseReason};
    use crate::ids::{AgentId, VisitorId};

    fn event(body: EventBody) -> Event {
        let actor = Actor::Agent { id: AgentId::parse("a_1").unwrap(), name: "Ana".into() };
        Event { seq: 1, at: 0, actor, body }
    }

    /// (body, seen by the customer, seen by an agent)
    fn cases() -> Vec<(EventBody, bool, bool)> {
        vec![
            (EventBody::SessionOpened { session: 1 }, true, true),
            (EventBody::MessagePosted { text: "hi".into(), internal: false }, true, true),
            (EventBody::MessagePosted { text: "secret".into(), internal: true }, false, true),
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
