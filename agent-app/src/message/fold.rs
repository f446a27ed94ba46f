//! The message list as the agent sees it: each `MessagePosted` with the edits and deletion that
//! came after it folded in (M8, M9), its quote resolved to the quoted message as it stands now
//! (M1), and every other event as a line of its own. Edits and deletions are not lines: they
//! change the message they name.
//!
//! Also who may change a message: the same rule as core's `editing` (the author, or anyone whose
//! role may moderate, and only agents' messages), so the menu never offers what the server
//! refuses. The server still decides.

use openline_core::auth::Role;
use openline_core::conversation::DialogState;
use openline_core::event::{Actor, AgentRef, Event, EventBody};
use openline_core::files::{message_preview, FileRef};
use openline_core::ids::AgentId;

/// One line of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Message(Message),
    /// A lifecycle event (answered, closed…), shown as a system line.
    Line(Event),
}

/// A message as it stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub seq: u64,
    /// When it was posted.
    pub at: i64,
    pub actor: Actor,
    /// The current text; empty once deleted.
    pub text: String,
    pub internal: bool,
    pub edited: bool,
    pub deleted: bool,
    /// Earlier versions, oldest first, each with the time it was written (M8 history).
    pub history: Vec<Version>,
    /// The message this one quotes (M1), as that message reads now.
    pub quote: Option<Quote>,
    /// The colleagues it mentions (C2), highlighted where the text names them.
    pub mentions: Vec<AgentRef>,
    /// Its files (C1), with the links the edge signed; none once deleted.
    pub files: Vec<FileRef>,
    /// The `seq` of the last change (or of the post), or of the quoted message's last change if
    /// later: a list key that changes with what the bubble shows.
    pub version: u64,
}

/// A quoted message, as a reply shows it: who wrote it and a short excerpt (M1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub seq: u64,
    pub author: Actor,
    /// One short line of its current text; empty once deleted.
    pub excerpt: String,
    pub internal: bool,
    pub deleted: bool,
}

/// An earlier text of an edited message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub text: String,
    pub at: i64,
}

impl Item {
    /// A key for the list: the same until the item's content changes.
    pub fn key(&self) -> (u64, u64) {
        match self {
            Item::Message(m) => (m.seq, m.version),
            Item::Line(e) => (e.seq, e.seq),
        }
    }
}

/// The events (in `seq` order) as list items; unknown kinds show nothing.
pub fn fold(events: &[Event]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(events.len());
    // Where the text now shown was written: the post's time, then each edit's.
    let mut written_at: Vec<(u64, i64)> = Vec::new();
    for event in events {
        match &event.body {
            EventBody::MessagePosted { text, internal, quote, mentions, files } => {
                written_at.push((event.seq, event.at));
                items.push(Item::Message(Message {
                    seq: event.seq,
                    at: event.at,
                    actor: event.actor.clone(),
                    text: text.clone(),
                    internal: *internal,
                    edited: false,
                    deleted: false,
                    history: Vec::new(),
                    // Resolved below, once the quoted message's later edits are folded in.
                    quote: quote.map(|seq| Quote {
                        seq,
                        author: Actor::System,
                        excerpt: String::new(),
                        internal: false,
                        deleted: false,
                    }),
                    mentions: mentions.clone(),
                    files: files.clone(),
                    version: event.seq,
                }));
            }
            EventBody::MessageEdited { seq, text, .. } => {
                let Some(m) = find(&mut items, *seq).filter(|m| !m.deleted) else { continue };
                let at = written_at.iter().find(|(s, _)| s == seq).map_or(m.at, |(_, at)| *at);
                m.history.push(Version { text: std::mem::replace(&mut m.text, text.clone()), at });
                m.edited = true;
                m.version = event.seq;
                if let Some(w) = written_at.iter_mut().find(|(s, _)| s == seq) {
                    w.1 = event.at;
                }
            }
            EventBody::MessageDeleted { seq, .. } => {
                let Some(m) = find(&mut items, *seq) else { continue };
                // Gone means gone: neither the text nor its earlier versions stay on screen.
                m.text.clear();
                m.history.clear();
                m.files.clear();
                m.deleted = true;
                m.version = event.seq;
            }
            // Read marks show on the messages they cover, not as lines (W2).
            EventBody::Unknown | EventBody::Read { .. } => {}
            // M6: the new session begins at message `from`, which came earlier in the log.
            EventBody::SessionSplit { from, .. } => {
                let at = items.iter().position(|i| matches!(i, Item::Message(m) if m.seq == *from));
                items.insert(at.unwrap_or(items.len()), Item::Line(event.clone()));
            }
            _ => items.push(Item::Line(event.clone())),
        }
    }
    resolve_quotes(&mut items);
    items
}

/// Whether `me` may start a new session at message `seq` (M6): the owner, from a later message
/// of the open session. The server decides; this keeps the menu from offering what it refuses.
pub fn may_split(state: &DialogState, me: &AgentId, seq: u64) -> bool {
    state.assignee() == Some(me) && state.first_message.is_some_and(|first| seq > first)
}

/// Message `seq` as a quote shows it, if the list has it.
pub fn quote_of(items: &[Item], seq: u64) -> Option<Quote> {
    items.iter().rev().find_map(|item| match item {
        Item::Message(m) if m.seq == seq => Some(Quote {
            seq,
            author: m.actor.clone(),
            excerpt: openline_core::conversation::excerpt(&message_preview(&m.text, &m.files)),
            internal: m.internal,
            deleted: m.deleted,
        }),
        _ => None,
    })
}

/// The customer's latest message still standing, for `/quote` (C3).
pub fn last_from_customer(items: &[Item]) -> Option<u64> {
    items.iter().rev().find_map(|item| match item {
        Item::Message(m) if matches!(m.actor, Actor::Visitor { .. }) && !m.deleted => Some(m.seq),
        _ => None,
    })
}

/// Fills in each quote from the quoted message; a quote of a message the list does not hold
/// (never seen, or not for this reader) is dropped.
fn resolve_quotes(items: &mut [Item]) {
    for i in 0..items.len() {
        let Item::Message(Message { quote: Some(q), .. }) = &items[i] else { continue };
        let seq = q.seq;
        let found = quote_of(&items[..i], seq);
        let quoted_version = items[..i].iter().find_map(|item| match item {
            Item::Message(m) if m.seq == seq => Some(m.version),
            _ => None,
        });
        if let Item::Message(m) = &mut items[i] {
            m.quote = found;
            m.version = m.version.max(quoted_version.unwrap_or(0));
        }
    }
}

/// Whether `me` (with `role`) may edit or delete a message by `author` (M8, M9).
pub fn may_change(me: &AgentId, role: Role, author: &Actor, deleted: bool) -> bool {
    match author {
        Actor::Agent { id, .. } => !deleted && (id == me || role.may_moderate()),
        Actor::Visitor { .. } | Actor::System => false,
    }
}

fn find(items: &mut [Item], seq: u64) -> Option<&mut Message> {
    items.iter_mut().rev().find_map(|item| match item {
        Item::Message(m) if m.seq == seq => Some(m),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::ids::VisitorId;

    fn event(seq: u64, actor: &Actor, body: EventBody) -> Event {
        Event { seq, at: seq as i64 * 1000, actor: actor.clone(), body }
    }

    fn agent(id: &str) -> Actor {
        Actor::Agent { id: AgentId::parse(id).unwrap(), name: id.into() }
    }

    #[test]
    fn m8_m9_edits_and_deletions_change_the_message_they_name() {
        let luis = agent("a_luis");
        let visitor = Actor::Visitor { id: VisitorId::parse("v_1").unwrap() };
        let post = |text: &str| EventBody::MessagePosted {
            text: text.into(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        };
        let edit =
            |seq, text: &str| EventBody::MessageEdited { seq, text: text.into(), internal: false };
        let events = [
            event(1, &visitor, EventBody::SessionOpened { session: 1 }),
            event(2, &visitor, post("hola")),
            event(3, &luis, post("helo")),
            event(4, &luis, post("oops")),
            event(5, &luis, edit(3, "hello")),
            event(6, &luis, edit(3, "hello!")),
            event(7, &luis, EventBody::MessageDeleted { seq: 4, internal: false }),
            event(8, &luis, edit(4, "too late")),
            event(9, &luis, edit(99, "no such message")),
        ];
        let items = fold(&events);
        assert_eq!(items.len(), 4, "edits and deletions are not lines");
        assert!(matches!(&items[0], Item::Line(e) if e.seq == 1));
        let Item::Message(edited) = &items[2] else { panic!() };
        assert_eq!((edited.text.as_str(), edited.edited, edited.version), ("hello!", true, 6));
        let history: Vec<_> = edited.history.iter().map(|v| (v.text.as_str(), v.at)).collect();
        assert_eq!(history, [("helo", 3000), ("hello", 5000)]);
        let Item::Message(deleted) = &items[3] else { panic!() };
        assert!(deleted.deleted && deleted.text.is_empty() && deleted.history.is_empty());
        assert_eq!(deleted.version, 7, "a deleted message is not edited again");
        assert_ne!(items[2].key(), fold(&events[..5])[2].key(), "a change re-keys the item");
    }

    #[test]
    fn m1_a_quote_shows_the_quoted_message_as_it_reads_now() {
        let luis = agent("a_luis");
        let visitor = Actor::Visitor { id: VisitorId::parse("v_1").unwrap() };
        let post = |text: &str, quote| EventBody::MessagePosted {
            text: text.into(),
            internal: false,
            quote,
            mentions: Vec::new(),
            files: Vec::new(),
        };
        let mut events = vec![
            event(1, &visitor, post("¿Tenéis la lámpara Arco en negro?", None)),
            event(2, &luis, post("Sí", Some(1))),
            event(3, &luis, post("Y en latón", Some(9))),
        ];
        let reply = |items: &[Item]| match &items[1] {
            Item::Message(m) => m.clone(),
            other => panic!("{other:?}"),
        };
        let before = fold(&events);
        let quote = reply(&before).quote.unwrap();
        assert_eq!((quote.seq, quote.author, quote.deleted), (1, visitor.clone(), false));
        assert_eq!(quote.excerpt, "¿Tenéis la lámpara Arco en negro?");
        assert!(matches!(&before[2], Item::Message(m) if m.quote.is_none()), "unknown: dropped");

        // An agent's message may change after it was quoted: the quote follows.
        events.push(event(4, &luis, post("Te lo confirmo", Some(2))));
        events.push(event(5, &luis, post("Perdona", Some(3))));
        let edit =
            EventBody::MessageEdited { seq: 2, text: "Sí, en negro".into(), internal: false };
        events.push(event(6, &luis, edit));
        events.push(event(7, &luis, EventBody::MessageDeleted { seq: 3, internal: false }));
        let after = fold(&events);
        let quoted = |i: usize| match &after[i] {
            Item::Message(m) => (m.quote.clone().unwrap(), m.version),
            other => panic!("{other:?}"),
        };
        let (quote, version) = quoted(3);
        assert_eq!((quote.excerpt.as_str(), quote.deleted, version), ("Sí, en negro", false, 6));
        let (quote, version) = quoted(4);
        assert_eq!((quote.excerpt.as_str(), quote.deleted, version), ("", true, 7));
        assert_eq!(reply(&after).version, 6, "the edited message itself");
        assert_eq!(reply(&after).quote, reply(&before).quote, "the customer's words stay");
        assert_eq!(last_from_customer(&after), Some(1), "what /quote quotes");
        assert_eq!(last_from_customer(&after[1..]), None);
    }

    #[test]
    fn m6_a_moved_topic_shows_once_under_its_new_session() {
        let luis = agent("a_luis");
        let visitor = Actor::Visitor { id: VisitorId::parse("v_1").unwrap() };
        let post = |text: &str| EventBody::MessagePosted {
            text: text.into(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        };
        let events = [
            event(1, &visitor, EventBody::SessionOpened { session: 1 }),
            event(2, &visitor, post("¿precio?")),
            event(3, &luis, post("249 €")),
            event(4, &visitor, post("otra cosa: factura")),
            event(5, &visitor, post("pedido 12")),
            event(6, &luis, EventBody::SessionSplit { session: 2, from: 4 }),
            event(7, &luis, post("te la envío")),
        ];
        let order: Vec<u64> = fold(&events).iter().map(|i| i.key().0).collect();
        assert_eq!(order, [1, 2, 3, 6, 4, 5, 7], "the split line stands before the moved message");
        let mut state = DialogState::default();
        events.iter().for_each(|e| openline_core::conversation::apply(&mut state, e));
        let me = AgentId::parse("a_luis").unwrap();
        state.status = openline_core::conversation::SessionStatus::InProgress {
            agent: me.clone(),
            agent_name: "Luis".into(),
        };
        assert!(may_split(&state, &me, 5));
        assert!(!may_split(&state, &me, 4), "the new session's first message");
        assert!(!may_split(&state, &AgentId::parse("a_ana").unwrap(), 5), "not the owner");
    }

    #[test]
    fn m8_only_agents_messages_change_by_their_author_or_a_moderator() {
        let me = AgentId::parse("a_luis").unwrap();
        let mine = agent("a_luis");
        let colleague = agent("a_ana");
        let visitor = Actor::Visitor { id: VisitorId::parse("v_1").unwrap() };
        assert!(may_change(&me, Role::Agent, &mine, false));
        assert!(!may_change(&me, Role::Agent, &mine, true));
        assert!(!may_change(&me, Role::Agent, &colleague, false));
        assert!(may_change(&me, Role::Supervisor, &colleague, false));
        assert!(may_change(&me, Role::Admin, &colleague, false));
        assert!(!may_change(&me, Role::Admin, &visitor, false));
        assert!(!may_change(&me, Role::Admin, &Actor::System, false));
    }
}
