//! What the customer's chat derives from the events it receives (W2, W4): who is answering,
//! what they have not read, whether a read mark or a rating is due. Each is a fold over the
//! customer's view of the log (`view::view_log(_, Viewer::Customer)`), so the widget needs no
//! dialog state; the tests check that each agrees with the rule `decide` applies.

use crate::event::{Actor, Event, EventBody};

/// The agent answering the customer now: the one who last joined the current session, as the
/// chat's header names them. A transfer reaches the customer as that agent joining.
pub fn answering_agent(events: &[Event]) -> Option<&str> {
    let mut agent = None;
    for event in events {
        match &event.body {
            EventBody::SessionOpened { .. } => agent = None,
            EventBody::Answered { agent_name, .. } => agent = Some(agent_name.as_str()),
            _ => {}
        }
    }
    agent
}

/// An agent has ever joined the conversation (the offline form's note then goes).
pub fn answered(events: &[Event]) -> bool {
    events.iter().any(|e| matches!(e.body, EventBody::Answered { .. }))
}

/// The customer has said who they are or has written already: no pre-chat form to fill (W4).
pub fn introduced(events: &[Event]) -> bool {
    events.iter().any(|e| match e.body {
        EventBody::ContactShared { .. } => true,
        EventBody::MessagePosted { .. } => matches!(e.actor, Actor::Visitor { .. }),
        _ => false,
    })
}

/// The last session ended and the customer has not rated it yet (W4): what `rate` accepts.
pub fn rating_due(events: &[Event]) -> bool {
    let mut due = false;
    for event in events {
        match event.body {
            EventBody::Closed { .. } => due = true,
            EventBody::SessionOpened { .. } | EventBody::Rated { .. } => due = false,
            _ => {}
        }
    }
    due
}

/// The read mark the customer owes (W2): the latest agent message, when it is past their mark.
pub fn read_mark_due(events: &[Event]) -> Option<u64> {
    let (mut last, mut marked) = (0, 0);
    for event in events {
        match (&event.actor, &event.body) {
            (Actor::Agent { .. }, EventBody::MessagePosted { internal: false, .. }) => {
                last = event.seq
            }
            (Actor::Visitor { .. }, EventBody::Read { up_to }) => marked = marked.max(*up_to),
            _ => {}
        }
    }
    (last > marked).then_some(last)
}

/// Agents' messages the customer has not read (W2): the launcher's count while the chat is
/// hidden, on this page or the next.
pub fn unread_count(events: &[Event]) -> usize {
    let read = events.iter().fold(0, |read, e| match (&e.actor, &e.body) {
        (Actor::Visitor { .. }, EventBody::Read { up_to }) => read.max(*up_to),
        _ => read,
    });
    let unread = |e: &&Event| {
        e.seq > read
            && matches!(e.actor, Actor::Agent { .. })
            && matches!(e.body, EventBody::MessagePosted { internal: false, .. })
    };
    events.iter().filter(unread).count()
}

/// The mark under the customer's latest message while it ends the chat (W2): `Some(false)` it
/// reached the server ("Sent"), `Some(true)` the agents read it ("Seen"); `None` when another
/// line follows it or the customer has not written.
pub fn delivery_mark(events: &[Event]) -> Option<bool> {
    let (mut last_visitor, mut last_line, mut read) = (0, 0, 0);
    for event in events {
        match (&event.actor, &event.body) {
            (actor, EventBody::MessagePosted { internal: false, .. }) => {
                last_line = event.seq;
                if matches!(actor, Actor::Visitor { .. }) {
                    last_visitor = event.seq;
                }
            }
            (Actor::Agent { .. }, EventBody::Read { up_to }) => read = read.max(*up_to),
            // Lines of their own come after the message too.
            (_, EventBody::Answered { .. } | EventBody::Invited { .. })
            | (_, EventBody::Closed { .. } | EventBody::Rated { .. }) => last_line = event.seq,
            _ => {}
        }
    }
    (last_visitor > 0 && last_visitor == last_line).then_some(read >= last_visitor)
}
