//! Visibility, decided once: what a viewer may see of an event.
//!
//! Every path out of a dialog (customer socket, history, resume, command replies, later
//! connectors, webhooks and exports) goes through `view`. Nothing else decides what a customer
//! sees.
//!
//! A customer's copy of an event depends on what agents did after it, so `view` takes the
//! log's `Revisions`: a message deleted since (M9) reaches them as a tombstone, one edited
//! since (M8) with its current text only, and session numbers without the moves to a new
//! session (M6). Agents see every event as stored, earlier versions included.
//!
//! What a customer may still infer: `seq` numbers the whole log, so a gap between two events
//! they receive says that something they do not see happened there (a hidden note, a lock, a
//! move, a colleague's edit of a note…), never what. Their position for resume (`sync`) and
//! the references between events (quotes, edits, read marks) are the log's own numbers, so
//! renumbering them per viewer would cost a second numbering on every path for that little.

use crate::event::{Actor, CloseReason, Event, EventBody};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Viewer {
    /// The dialog's own customer (widget, connector).
    Customer,
    /// An agent of the dialog's workspace.
    Agent,
}

/// What agents changed after the fact, which a customer's copy of an earlier event must show
/// as it stands now: the messages deleted (M9), the current text of edited ones (M8), and
/// where sessions were split (M6). Folded from the log's edits, deletions and splits, the only
/// events it needs (`REVISION_TYPES`); it must cover the log at least up to the events viewed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revisions {
    deleted: BTreeSet<u64>,
    /// Each edited message's latest edit: its `seq` and text.
    current_text: BTreeMap<u64, (u64, String)>,
    /// The `seq` of each `SessionSplit` event.
    splits: BTreeSet<u64>,
}

/// The `type` tags of the events `Revisions` folds, for a store that reads only those.
pub const REVISION_TYPES: [&str; 3] = ["message_edited", "message_deleted", "session_split"];

impl Revisions {
    /// The revisions in `events` (a whole log, or its edits, deletions and splits).
    pub fn of(events: &[Event]) -> Revisions {
        let mut revisions = Revisions::default();
        events.iter().for_each(|e| revisions.learn(e));
        revisions
    }

    /// Takes note of `event` if it revises an earlier one; other events change nothing.
    pub fn learn(&mut self, event: &Event) {
        match &event.body {
            EventBody::MessageEdited { seq, text, .. } => {
                // The log's order decides which text is current, whatever order they come in.
                let newer = self.current_text.get(seq).is_none_or(|(at, _)| *at < event.seq);
                if newer {
                    self.current_text.insert(*seq, (event.seq, text.clone()));
                }
            }
            EventBody::MessageDeleted { seq, .. } => {
                self.deleted.insert(*seq);
            }
            EventBody::SessionSplit { .. } => {
                self.splits.insert(event.seq);
            }
            _ => {}
        }
    }

    /// Session `session`, as the customer numbers it at `seq`: for them it is one chat, so the
    /// moves to a new session before then do not count (M6).
    fn customer_session(&self, session: u32, seq: u64) -> u32 {
        let moves = self.splits.range(..seq).count();
        session.saturating_sub(u32::try_from(moves).unwrap_or(u32::MAX))
    }

    /// Message `seq`'s text as the customer may read it now: none once deleted, the current
    /// one once edited, `posted` otherwise.
    fn customer_text(&self, seq: u64, posted: &str) -> String {
        if self.deleted.contains(&seq) {
            return String::new();
        }
        self.current_text.get(&seq).map_or(posted, |(_, text)| text.as_str()).to_owned()
    }
}

/// The event as `viewer` may see it, or `None` when it must not reach them at all;
/// `revisions` are the log's (see `Revisions`).
///
/// A customer sees only what concerns them: who is answering now, not how it came to be
/// (a transfer or a take-over reads as "Luis joined the chat", by Luis, as does an invitation);
/// a close, not its reason; no
/// hidden note (C6), no lock (Q11) and no move of their messages to a new session (M6: for
/// them it is one chat, numbered so). A message they see keeps its quote (M1): `decide` lets a
/// public message quote only public messages, so the quoted one is theirs to see too. Mentions
/// of colleagues (C2) reach them as the plain text they are, without the list of whom. A
/// message edited since reads its current text, in its post and in each edit (M8); one deleted
/// since is a tombstone: its place, author and quote, no text and no files (M9).
pub fn view(event: &Event, viewer: Viewer, revisions: &Revisions) -> Option<Event> {
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
        EventBody::MessagePosted { text, internal: false, quote, files, .. } => {
            let deleted = revisions.deleted.contains(&event.seq);
            EventBody::MessagePosted {
                text: revisions.customer_text(event.seq, text),
                internal: false,
                quote: *quote,
                // The text says "@Luis Romero" as written; who that is stays with agents (C2).
                mentions: Vec::new(),
                files: if deleted { Vec::new() } else { files.clone() },
            }
        }
        EventBody::MessageEdited { seq, text, internal: false } => EventBody::MessageEdited {
            seq: *seq,
            text: revisions.customer_text(*seq, text),
            internal: false,
        },
        EventBody::SessionOpened { session } => {
            EventBody::SessionOpened { session: revisions.customer_session(*session, event.seq) }
        }
        EventBody::Closed { session, .. } => EventBody::Closed {
            session: revisions.customer_session(*session, event.seq),
            reason: CloseReason::Finished,
        },
        EventBody::Rated { session, rating, comment } => EventBody::Rated {
            session: revisions.customer_session(*session, event.seq),
            rating: *rating,
            comment: comment.clone(),
        },
        EventBody::MessageDeleted { internal: false, .. }
        | EventBody::Answered { .. }
        | EventBody::Invited { .. }
        | EventBody::ContactShared { .. }
        | EventBody::Read { .. } => event.body.clone(),
    };
    // Who joins is who acts, as when they answer themselves: who handed the chat over or
    // invited them stays with the agents (Q4, Q9).
    let actor = match &body {
        EventBody::Answered { agent, agent_name } | EventBody::Invited { agent, agent_name } => {
            Actor::Agent { id: agent.clone(), name: agent_name.clone() }
        }
        _ => event.actor.clone(),
    };
    Some(Event { seq: event.seq, at: event.at, actor, body })
}

/// `view` over a slice, keeping order.
pub fn view_all(events: &[Event], viewer: Viewer, revisions: &Revisions) -> Vec<Event> {
    events.iter().filter_map(|e| view(e, viewer, revisions)).collect()
}

/// A whole log (or its start) as `viewer` may see it: the revisions are those in it.
pub fn view_log(log: &[Event], viewer: Viewer) -> Vec<Event> {
    view_all(log, viewer, &Revisions::of(log))
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
        let none = Revisions::default();
        let customer = |body| view(&by_luis(body), Viewer::Customer, &none).map(|e| e.body);
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
        let seen = view(&by_luis(EventBody::Pinned), Viewer::Agent, &none).unwrap();
        assert_eq!((seen.seq, seen.body), (7, EventBody::Pinned));
    }

    #[test]
    fn q4_q9_who_handed_the_chat_over_or_invited_stays_with_the_agents() {
        let luis = || AgentId::parse("a_luis").unwrap();
        let ana = Actor::Agent { id: AgentId::parse("a_ana").unwrap(), name: "Ana".into() };
        let as_luis = Actor::Agent { id: luis(), name: "Luis".into() };
        // (what Ana did, the customer's copy: by whom, and what)
        let cases = [
            (
                EventBody::Transferred { agent: luis(), agent_name: "Luis".into() },
                EventBody::Answered { agent: luis(), agent_name: "Luis".into() },
            ),
            (
                EventBody::Invited { agent: luis(), agent_name: "Luis".into() },
                EventBody::Invited { agent: luis(), agent_name: "Luis".into() },
            ),
        ];
        for (body, expected) in cases {
            let by_ana = Event { seq: 3, at: 0, actor: ana.clone(), body };
            let seen = view(&by_ana, Viewer::Customer, &Revisions::default()).unwrap();
            assert_eq!((&seen.actor, &seen.body), (&as_luis, &expected), "{by_ana:?}");
            assert_eq!(view(&by_ana, Viewer::Agent, &Revisions::default()), Some(by_ana));
        }
    }

    #[test]
    fn c6_hidden_notes_reach_agents_only() {
        for (body, customer, agent) in cases() {
            let e = event(body);
            let none = Revisions::default();
            assert_eq!(view(&e, Viewer::Customer, &none).is_some(), customer, "{e:?}");
            assert_eq!(view(&e, Viewer::Agent, &none).is_some(), agent, "{e:?}");
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
        let seqs: Vec<u64> = view_log(&events, Viewer::Customer).iter().map(|e| e.seq).collect();
        assert_eq!(seqs, vec![1, 2, 4, 5]);
        assert_eq!(view_log(&events, Viewer::Agent).len(), 5);
    }

    /// A log as steps separated by `|`, numbered from 1: `open N`, `close N`, `spam N`,
    /// `rate N`, `v:text` (the customer), `a:text` (Ana), `n:text` (Ana's hidden note), a
    /// message's `+file` and `@colleague` after its text, `edit S=text`, `note-edit S=text`,
    /// `del S`, `note-del S`, `split N@S` (session N starts at message S), `pin`.
    fn log(script: &str) -> Vec<Event> {
        let ana = Actor::Agent { id: AgentId::parse("a_ana").unwrap(), name: "Ana".into() };
        let visitor = Actor::Visitor { id: VisitorId::parse("v_1").unwrap() };
        let number = |n: &str| n.parse::<u64>().unwrap();
        let step = |step: &str| -> (Actor, EventBody) {
            let (word, rest) = step.split_once([' ', ':']).unwrap_or((step, ""));
            let session = || rest.parse::<u32>().unwrap();
            let change = || rest.split_once('=').map(|(s, t)| (number(s), t.to_owned())).unwrap();
            let body = match word {
                "open" => EventBody::SessionOpened { session: session() },
                "close" => EventBody::Closed { session: session(), reason: CloseReason::Finished },
                "spam" => EventBody::Closed { session: session(), reason: CloseReason::Spam },
                "rate" => EventBody::Rated {
                    session: session(),
                    rating: crate::contact::Rating::thumbs(true),
                    comment: String::new(),
                },
                "v" | "a" | "n" => post(rest, word == "n"),
                "edit" | "note-edit" => {
                    let (seq, text) = change();
                    EventBody::MessageEdited { seq, text, internal: word == "note-edit" }
                }
                "del" | "note-del" => {
                    EventBody::MessageDeleted { seq: number(rest), internal: word == "note-del" }
                }
                "split" => {
                    let (session, from) = rest.split_once('@').unwrap();
                    EventBody::SessionSplit {
                        session: session.parse().unwrap(),
                        from: number(from),
                    }
                }
                "pin" => EventBody::Pinned,
                other => panic!("unknown step {other}"),
            };
            (if word == "v" { visitor.clone() } else { ana.clone() }, body)
        };
        script
            .split(" | ")
            .zip(1..)
            .map(|(s, seq)| {
                let (actor, body) = step(s);
                Event { seq, at: 0, actor, body }
            })
            .collect()
    }

    fn post(written: &str, internal: bool) -> EventBody {
        let mut parts = written.split(['+', '@']);
        let text = parts.next().unwrap_or_default().to_owned();
        let (mut files, mut mentions) = (Vec::new(), Vec::new());
        for (i, part) in written.match_indices(['+', '@']).zip(parts) {
            if i.1 == "+" {
                files.push(crate::files::FileRef {
                    id: crate::ids::FileId::parse("f_1").unwrap(),
                    name: part.to_owned(),
                    size: 1,
                    content_type: "application/pdf".into(),
                    url: None,
                });
            } else {
                let id = AgentId::parse(&format!("a_{part}")).unwrap();
                mentions.push(crate::event::AgentRef { id, name: part.to_owned() });
            }
        }
        EventBody::MessagePosted { text, internal, quote: None, mentions, files }
    }

    /// The events in the words of `log`, each after its `seq`: `#3 a:hello`.
    fn shown(events: &[Event]) -> String {
        let line = |e: &Event| match &e.body {
            EventBody::SessionOpened { session } => format!("open {session}"),
            EventBody::Closed { session, reason: CloseReason::Spam } => format!("spam {session}"),
            EventBody::Closed { session, .. } => format!("close {session}"),
            EventBody::Rated { session, .. } => format!("rate {session}"),
            EventBody::MessagePosted { text, internal, files, mentions, .. } => {
                let who = match (&e.actor, internal) {
                    (Actor::Visitor { .. }, _) => "v",
                    (_, true) => "n",
                    (_, false) => "a",
                };
                let files = files.iter().map(|f| format!("+{}", f.name));
                let mentions = mentions.iter().map(|m| format!("@{}", m.name));
                format!("{who}:{text}{}", files.chain(mentions).collect::<String>())
            }
            EventBody::MessageEdited { seq, text, internal } => {
                format!("{}edit {seq}={text}", if *internal { "note-" } else { "" })
            }
            EventBody::MessageDeleted { seq, internal } => {
                format!("{}del {seq}", if *internal { "note-" } else { "" })
            }
            EventBody::SessionSplit { session, from } => format!("split {session}@{from}"),
            EventBody::Pinned => "pin".to_owned(),
            other => format!("{other:?}"),
        };
        let lines: Vec<String> = events.iter().map(|e| format!("#{} {}", e.seq, line(e))).collect();
        lines.join(" | ")
    }

    /// (the log, what the customer gets of it when they load it now). Agents get it all.
    const CUSTOMER_COPIES: &[(&str, &str)] = &[
        // M9: a deleted message keeps its place and loses its text and files.
        (
            "open 1 | v:hola | a:oops+factura.pdf | del 3",
            "#1 open 1 | #2 v:hola | #3 a: | #4 del 3",
        ),
        // M8: every copy of an edited message reads its current text.
        (
            "open 1 | v:hola | a:helo | edit 3=hello | edit 3=hello!",
            "#1 open 1 | #2 v:hola | #3 a:hello! | #4 edit 3=hello! | #5 edit 3=hello!",
        ),
        ("open 1 | a:first | edit 2=second | del 2", "#1 open 1 | #2 a: | #3 edit 2= | #4 del 2"),
        // C6, C2: notes and what agents do to them never arrive; mentions lose their list.
        (
            "open 1 | v:hola | n:vip | note-edit 3=very vip | note-del 3 | a:hi @luis@luis | pin",
            "#1 open 1 | #2 v:hola | #6 a:hi ",
        ),
        // M6: one chat for the customer, numbered without the moves.
        (
            "open 1 | v:a | a:b | v:c | split 2@4 | close 2 | open 3 | v:again | close 3 | rate 3",
            "#1 open 1 | #2 v:a | #3 a:b | #4 v:c | #6 close 1 | #7 open 2 | #8 v:again | #9 close 2 | #10 rate 2",
        ),
        (
            "open 1 | v:a | v:b | split 2@3 | v:c | split 3@5 | spam 3 | open 4",
            "#1 open 1 | #2 v:a | #3 v:b | #5 v:c | #7 close 1 | #8 open 2",
        ),
    ];

    #[test]
    fn m6_m8_m9_c6_customers_get_each_event_as_it_stands_now_and_agents_get_the_log() {
        for (script, customer) in CUSTOMER_COPIES {
            let log = log(script);
            assert_eq!(shown(&view_log(&log, Viewer::Customer)), *customer, "{script}");
            assert_eq!(view_log(&log, Viewer::Agent), log, "{script}");
        }
    }

    #[test]
    fn m8_m9_a_page_of_history_reads_as_the_whole_log_does() {
        for (script, _) in CUSTOMER_COPIES {
            let log = log(script);
            let revisions = Revisions::of(&log);
            let whole = view_all(&log, Viewer::Customer, &revisions);
            for cut in 0..log.len() {
                let (first, rest) = log.split_at(cut);
                let mut pages = view_all(first, Viewer::Customer, &revisions);
                pages.extend(view_all(rest, Viewer::Customer, &revisions));
                assert_eq!(pages, whole, "{script} cut at {cut}");
            }
        }
    }

    #[test]
    fn m6_m8_m9_revisions_need_only_the_events_of_their_types() {
        for (script, _) in CUSTOMER_COPIES {
            let log = log(script);
            let tag = |e: &Event| serde_json::to_value(&e.body).unwrap()["type"].clone();
            let revising: Vec<Event> = log
                .iter()
                .filter(|e| REVISION_TYPES.iter().any(|t| tag(e) == *t))
                .cloned()
                .collect();
            assert_eq!(Revisions::of(&revising), Revisions::of(&log), "{script}");
            // In any order the store returns them.
            let backwards: Vec<Event> = revising.iter().rev().cloned().collect();
            assert_eq!(Revisions::of(&backwards), Revisions::of(&log), "{script}");
        }
    }
}
