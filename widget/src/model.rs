//! The conversation as the widget holds it: the dialog's events ordered by `seq`, plus the
//! visitor's messages still on their way to the server (local echo).
//!
//! Plain data with plain methods, no browser and no signals, so it is tested natively. Events
//! arrive twice (a command's reply and the socket): merging dedupes by `seq`. The resume position
//! for the socket is not kept here: only the socket knows which positions it saw contiguously.

use crate::days::{self, DayName};
use openline_core::customer;
use openline_core::event::{Actor, Event, EventBody};
use openline_core::files::FileRef;
use openline_core::ids::CommandId;
use openline_core::protocol::EventsFrame;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    events: Vec<Event>,
    pending: Vec<Pending>,
}

/// A message the visitor sent whose events have not arrived yet: the outbox. Messages go out
/// in the order written, each retried with its own command id until it is through (so the
/// server applies it once), or it is marked failed for the visitor to retry. Kept in the
/// browser's storage until it is through (`outbox`), so it outlives a reload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub id: CommandId,
    pub text: String,
    /// Uploaded already; the message names them (C1).
    pub files: Vec<FileRef>,
    /// Not kept: a message brought back from storage goes again.
    #[serde(skip)]
    pub delivery: Delivery,
    /// The last `seq` known when it was sent: its own event will come after this.
    after: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Delivery {
    /// Queued or on its way ("Sending…").
    #[default]
    Sending,
    /// Not sent: the network (`refused: None`) or the server's reason ("Failed — Retry").
    Failed { refused: Option<String> },
}

/// One line of the message list.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Message {
        seq: u64,
        author: Author,
        text: String,
        /// The first of a run of messages by the same author (shows the name and avatar).
        first_of_run: bool,
        /// An agent changed the text (M8).
        edited: bool,
        /// An agent removed it (M9): the text is gone.
        deleted: bool,
        /// The message this one quotes (M1), as it reads now.
        quote: Option<Quoted>,
        /// Its files (C1), with their signed links; none once deleted.
        files: Vec<FileRef>,
        /// The `seq` of the last change (or of the post, or of the quoted message), so the list
        /// redraws a changed row.
        version: u64,
    },
    Joined {
        seq: u64,
        agent_name: String,
    },
    Closed {
        seq: u64,
    },
    /// The customer rated the conversation (W4): "👍", "★★★★☆".
    Rated {
        seq: u64,
        symbols: String,
    },
    /// Above the first line of each day: which day it is (`seq` is that line's).
    Day {
        seq: u64,
        name: DayName,
    },
}

/// A quoted message: its author and one short line of it (empty once deleted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted {
    pub seq: u64,
    pub author: Author,
    pub excerpt: String,
    pub deleted: bool,
}

/// Who wrote a message, as the customer sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Author {
    /// The customer (the reader).
    Visitor,
    /// An agent, by display name.
    Agent(String),
    /// The channel's automatic reply (`actor.kind == "system"`): shown on the agents' side under
    /// the channel's name, since no person wrote it.
    Channel,
}

impl Timeline {
    /// Applies a socket frame: a reset replaces what we had, a live frame adds to it.
    pub fn apply_frame(&mut self, frame: EventsFrame) {
        if frame.reset {
            self.events.clear();
        }
        self.merge(frame.events);
    }

    /// Adds events in `seq` order, ignoring ones already held. A visitor message that arrives
    /// also retires the local echo that stood for it.
    pub fn merge(&mut self, events: impl IntoIterator<Item = Event>) {
        for event in events {
            if let Err(at) = self.events.binary_search_by_key(&event.seq, |e| e.seq) {
                self.retire_echo_of(&event);
                self.events.insert(at, event);
            }
        }
    }

    pub fn add_pending(&mut self, id: CommandId, text: String, files: Vec<FileRef>) {
        let after = self.last_seq();
        self.pending.push(Pending { id, text, files, delivery: Delivery::Sending, after });
    }

    /// Brings back messages kept from an earlier page (not through then), to send again with
    /// their own command ids: the server applies each once, whatever reached it before.
    pub fn restore(&mut self, kept: Vec<Pending>) {
        for message in kept {
            if !self.pending.iter().any(|p| p.id == message.id) {
                self.pending.push(Pending { delivery: Delivery::Sending, ..message });
            }
        }
    }

    /// The next message to send: the oldest still sending. Failed ones wait for a retry.
    pub fn next_to_send(&self) -> Option<&Pending> {
        self.pending.iter().find(|p| p.delivery == Delivery::Sending)
    }

    /// The server refused this one for a reason of its own: the others go on.
    pub fn refuse(&mut self, id: &CommandId, reason: String) {
        if let Some(p) = self.pending.iter_mut().find(|p| &p.id == id) {
            p.delivery = Delivery::Failed { refused: Some(reason) };
        }
    }

    /// The network is gone for good (for now): this one and every later one fail together,
    /// so nothing overtakes a message that has not gone out.
    pub fn fail_from(&mut self, id: &CommandId) {
        let Some(start) = self.pending.iter().position(|p| &p.id == id) else { return };
        for p in &mut self.pending[start..] {
            if p.delivery == Delivery::Sending {
                p.delivery = Delivery::Failed { refused: None };
            }
        }
    }

    /// Sends the failed messages again, in order, with their own ids; true if there were any.
    pub fn retry_failed(&mut self) -> bool {
        let mut any = false;
        for p in &mut self.pending {
            if matches!(p.delivery, Delivery::Failed { .. }) {
                p.delivery = Delivery::Sending;
                any = true;
            }
        }
        any
    }

    /// Forgets a pending message: its command was answered (or failed).
    pub fn settle(&mut self, id: &CommandId) {
        self.pending.retain(|p| &p.id != id);
    }

    pub fn pending(&self) -> &[Pending] {
        &self.pending
    }

    pub fn last_seq(&self) -> u64 {
        self.events.last().map_or(0, |e| e.seq)
    }

    /// What the list shows, oldest first, with a `Row::Day` before each day's first line:
    /// `day_of` gives the visitor's day of an event's time, `today` is theirs now.
    /// `session_opened` and anything that is not for customers show nothing.
    pub fn rows(&self, day_of: impl Fn(i64) -> i64, today: i64) -> Vec<Row> {
        let mut rows = Vec::with_capacity(self.events.len());
        let mut previous_author: Option<&Actor> = None;
        let mut previous_day = None;
        for event in &self.events {
            let mut row = match &event.body {
                EventBody::MessagePosted { internal: false, text, quote, files, .. } => {
                    Row::Message {
                        seq: event.seq,
                        author: author(&event.actor),
                        text: text.clone(),
                        first_of_run: previous_author != Some(&event.actor),
                        edited: false,
                        deleted: false,
                        // Filled in by `resolve_quotes`, after the quoted message's own changes.
                        quote: quote.map(|seq| Quoted {
                            seq,
                            author: Author::Channel,
                            excerpt: String::new(),
                            deleted: false,
                        }),
                        files: files.clone(),
                        version: event.seq,
                    }
                }
                // Edits and deletions change the message they name; they are not rows.
                EventBody::MessageEdited { seq, text, internal: false } => {
                    if let Some(row) = message_row(&mut rows, *seq) {
                        row.edit(text, event.seq);
                    }
                    continue;
                }
                EventBody::MessageDeleted { seq, internal: false } => {
                    if let Some(row) = message_row(&mut rows, *seq) {
                        row.delete(event.seq);
                    }
                    continue;
                }
                // An invited colleague joins the chat just as the one who answered did.
                EventBody::Answered { agent_name, .. } | EventBody::Invited { agent_name, .. } => {
                    Row::Joined { seq: event.seq, agent_name: agent_name.clone() }
                }
                EventBody::Closed { .. } => Row::Closed { seq: event.seq },
                EventBody::Rated { rating, .. } => {
                    Row::Rated { seq: event.seq, symbols: rating.symbols() }
                }
                _ => continue,
            };
            let day = day_of(event.at);
            if previous_day != Some(day) {
                rows.push(Row::Day { seq: event.seq, name: days::name(day, today) });
                previous_day = Some(day);
                // A new day starts a new run: the first message shows its author again.
                if let Row::Message { first_of_run, .. } = &mut row {
                    *first_of_run = true;
                }
            }
            previous_author = matches!(row, Row::Message { .. }).then_some(&event.actor);
            rows.push(row);
        }
        resolve_quotes(&mut rows);
        rows
    }

    /// The customer has said who they are (W4), written already, or is writing now: no form
    /// to fill.
    pub fn introduced(&self) -> bool {
        !self.pending.is_empty() || customer::introduced(&self.events)
    }

    /// The conversation ended and the customer has not rated it yet (W4).
    pub fn rating_due(&self) -> bool {
        customer::rating_due(&self.events)
    }

    /// W2 read marks: the latest agent message, when the customer has not marked it read.
    pub fn unread_mark(&self) -> Option<u64> {
        customer::read_mark_due(&self.events)
    }

    /// Agents' messages the customer has not read (W2).
    pub fn unread_count(&self) -> usize {
        customer::unread_count(&self.events)
    }

    /// W2 "Sent" (`Some(false)`) or "Seen" (`Some(true)`) under the customer's latest message,
    /// while it ends the list and nothing of theirs is still on its way.
    pub fn mark_at_end(&self) -> Option<bool> {
        customer::delivery_mark(&self.events).filter(|_| self.pending.is_empty())
    }

    /// Who is answering the customer now (W2), as the header shows them.
    pub fn answering_agent(&self) -> Option<&str> {
        customer::answering_agent(&self.events)
    }

    /// An agent has joined the conversation (the offline form's note then goes).
    pub fn answered(&self) -> bool {
        customer::answered(&self.events)
    }

    fn retire_echo_of(&mut self, event: &Event) {
        let (Actor::Visitor { .. }, EventBody::MessagePosted { text, files, .. }) =
            (&event.actor, &event.body)
        else {
            return;
        };
        let same_files =
            |p: &Pending| p.files.iter().map(|f| &f.id).eq(files.iter().map(|f| &f.id));
        let echo = self
            .pending
            .iter()
            .position(|p| p.after < event.seq && p.text.trim() == text.trim() && same_files(p));
        if let Some(i) = echo {
            self.pending.remove(i);
        }
    }
}

impl Row {
    /// A key for the list: the same until the row's content changes (an edit, a deletion, a
    /// day that is no longer today). A day shares its `seq` with its first line, not its key.
    pub fn key(&self) -> (u64, u8, u64) {
        match self {
            Row::Message { seq, first_of_run, version, .. } => {
                (*seq, u8::from(*first_of_run), *version)
            }
            Row::Joined { seq, .. } | Row::Closed { seq } | Row::Rated { seq, .. } => {
                (*seq, 0, *seq)
            }
            Row::Day { seq, name } => (*seq, 2, name.key()),
        }
    }

    fn edit(&mut self, new_text: &str, at_seq: u64) {
        if let Row::Message { text, edited, deleted: false, version, .. } = self {
            *text = new_text.to_owned();
            *edited = true;
            *version = at_seq;
        }
    }

    fn delete(&mut self, at_seq: u64) {
        if let Row::Message { text, files, deleted, version, .. } = self {
            text.clear();
            files.clear();
            *deleted = true;
            *version = at_seq;
        }
    }
}

/// Fills in each quote from the quoted message as it reads now; a quote of a message this list
/// lacks shows nothing.
fn resolve_quotes(rows: &mut [Row]) {
    for i in 0..rows.len() {
        let Row::Message { quote: Some(q), .. } = &rows[i] else { continue };
        let seq = q.seq;
        let found = rows[..i].iter().rev().find_map(|row| match row {
            Row::Message { seq: s, author, text, files, deleted, version, .. } if *s == seq => {
                let preview = openline_core::files::message_preview(text, files);
                let excerpt = openline_core::conversation::excerpt(&preview);
                let quoted = Quoted { seq, author: author.clone(), excerpt, deleted: *deleted };
                Some((quoted, *version))
            }
            _ => None,
        });
        if let Row::Message { quote, version, .. } = &mut rows[i] {
            *version = (*version).max(found.as_ref().map_or(0, |(_, v)| *v));
            *quote = found.map(|(q, _)| q);
        }
    }
}

/// The message row with `seq`, searched from the newest (edits follow their message closely).
fn message_row(rows: &mut [Row], seq: u64) -> Option<&mut Row> {
    rows.iter_mut().rev().find(|row| matches!(row, Row::Message { seq: s, .. } if *s == seq))
}

fn author(actor: &Actor) -> Author {
    match actor {
        Actor::Visitor { .. } => Author::Visitor,
        Actor::Agent { name, .. } => Author::Agent(name.clone()),
        Actor::System => Author::Channel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::event::CloseReason;
    use openline_core::ids::{AgentId, VisitorId};

    /// `"v:hola"` a visitor message, `"a:hi"` Ana's message, `"n:x"` a hidden note, `"s:x"` an
    /// automatic message,
    /// `"open"`, `"answer"`, `"close"` lifecycle events; numbered from `first_seq`.
    fn events(first_seq: u64, script: &str) -> Vec<Event> {
        let visitor = Actor::Visitor { id: VisitorId::parse("v_1").unwrap() };
        let ana = Actor::Agent { id: AgentId::parse("a_1").unwrap(), name: "Ana".into() };
        let post = |text: &str, internal| EventBody::MessagePosted {
            text: text.into(),
            internal,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        };
        script
            .split(" | ")
            .zip(first_seq..)
            .map(|(step, seq)| {
                let (actor, body) = match step.split_once(':') {
                    Some(("v", text)) => (visitor.clone(), post(text, false)),
                    Some(("a", text)) => (ana.clone(), post(text, false)),
                    Some(("n", text)) => (ana.clone(), post(text, true)),
                    Some(("s", text)) => (Actor::System, post(text, false)),
                    // `q2=sí`: Ana's reply quoting message 2.
                    Some((quoting, text)) if quoting.starts_with('q') => {
                        let quote = quoting[1..].parse().ok();
                        (
                            ana.clone(),
                            EventBody::MessagePosted {
                                text: text.into(),
                                internal: false,
                                quote,
                                mentions: Vec::new(),
                                files: Vec::new(),
                            },
                        )
                    }
                    Some(("edit", rest)) => {
                        let (seq, text) = rest.split_once('=').unwrap();
                        let seq = seq.parse().unwrap();
                        (
                            ana.clone(),
                            EventBody::MessageEdited { seq, text: text.into(), internal: false },
                        )
                    }
                    Some(("del", seq)) => (
                        ana.clone(),
                        EventBody::MessageDeleted { seq: seq.parse().unwrap(), internal: false },
                    ),
                    _ => match step {
                        "open" => (visitor.clone(), EventBody::SessionOpened { session: 1 }),
                        "answer" => (
                            ana.clone(),
                            EventBody::Answered {
                                agent: AgentId::parse("a_1").unwrap(),
                                agent_name: "Ana".into(),
                            },
                        ),
                        "close" => (
                            ana.clone(),
                            EventBody::Closed { session: 1, reason: CloseReason::Finished },
                        ),
                        other => panic!("unknown step {other}"),
                    },
                };
                Event { seq, at: 0, actor, body }
            })
            .collect()
    }

    /// The rows of a conversation that all happens today.
    fn rows(t: &Timeline) -> Vec<Row> {
        t.rows(|_| 0, 0).into_iter().filter(|row| !matches!(row, Row::Day { .. })).collect()
    }

    /// The list as text: `v:hola`, `*a:hi` (first of a run; `s` for the channel), `a:sí>v:hola`
    /// (a quote), `joined:Ana`, `closed`, then pending texts as `…text`.
    fn shown(t: &Timeline) -> String {
        let rows = rows(t).into_iter().map(line);
        let pending = t.pending().iter().map(|p| format!("…{}", p.text));
        rows.chain(pending).collect::<Vec<_>>().join(" | ")
    }

    /// One row as text, as `shown` writes it; a day is `[today]`, `[yesterday]` or `[M/D]`.
    fn line(row: Row) -> String {
        match row {
            Row::Message { author, text, first_of_run, edited, deleted, quote, .. } => format!(
                "{}{}:{text}{}{}",
                if first_of_run { "*" } else { "" },
                short(&author),
                if deleted {
                    "(deleted)"
                } else if edited {
                    "(edited)"
                } else {
                    ""
                },
                quote.map_or(String::new(), |q| format!(
                    ">{}:{}",
                    short(&q.author),
                    if q.deleted { "(deleted)".into() } else { q.excerpt }
                ))
            ),
            Row::Joined { agent_name, .. } => format!("joined:{agent_name}"),
            Row::Closed { .. } => "closed".into(),
            Row::Rated { symbols, .. } => format!("rated:{symbols}"),
            Row::Day { name: DayName::Today, .. } => "[today]".into(),
            Row::Day { name: DayName::Yesterday, .. } => "[yesterday]".into(),
            Row::Day { name: DayName::Date { month, day, .. }, .. } => format!("[{month}/{day}]"),
        }
    }

    fn short(author: &Author) -> String {
        match author {
            Author::Visitor => "v".into(),
            Author::Agent(n) => n.to_lowercase()[..1].to_string(),
            Author::Channel => "s".into(),
        }
    }

    fn frame(reset: bool, events: Vec<Event>) -> EventsFrame {
        let last_seq = events.last().map_or(0, |e| e.seq);
        EventsFrame { events, reset, last_seq, more: false }
    }

    fn id(raw: &str) -> CommandId {
        CommandId::parse(raw).unwrap()
    }

    #[test]
    fn w2_list_shows_messages_and_system_lines_but_not_session_opened_or_notes() {
        let mut t = Timeline::default();
        t.apply_frame(frame(
            true,
            events(1, "open | v:hola | v:hay alguien? | answer | n:secret | a:hi | a:how can I help | close"),
        ));
        assert_eq!(
            shown(&t),
            "*v:hola | v:hay alguien? | joined:Ana | *a:hi | a:how can I help | closed"
        );
    }

    #[test]
    fn w2_each_day_starts_with_its_name_and_a_new_run() {
        const DAY: i64 = 86_400_000;
        let mut list = events(1, "open | v:hola | a:hi | a:still there? | a:bye | v:thanks");
        // Days 0, 0, 2, 2, 3 (today is day 3); the hidden "open" is on a day of its own.
        for (event, at) in list.iter_mut().zip([-DAY, 0, 0, 2 * DAY, 2 * DAY + 5, 3 * DAY]) {
            event.at = at;
        }
        let mut t = Timeline::default();
        t.apply_frame(frame(true, list));
        let lines: Vec<String> = t.rows(|at| at.div_euclid(DAY), 3).into_iter().map(line).collect();
        assert_eq!(
            lines.join(" | "),
            "[1/1] | *v:hola | *a:hi | [yesterday] | *a:still there? | a:bye | [today] | *v:thanks"
        );
        let keys: Vec<_> = t.rows(|at| at.div_euclid(DAY), 3).iter().map(Row::key).collect();
        let mut unique = keys.clone();
        unique.dedup();
        assert_eq!(keys, unique, "a day's key is not its first line's");
    }

    #[test]
    fn w3_events_merge_by_seq_without_duplicates() {
        let mut t = Timeline::default();
        t.apply_frame(frame(true, events(1, "open | v:one")));
        // The command reply and the socket both deliver seq 3; seq 4 arrives first.
        t.merge(events(4, "a:three"));
        t.merge(events(3, "v:two"));
        t.apply_frame(frame(false, events(3, "v:two | a:three")));
        assert_eq!(shown(&t), "*v:one | v:two | *a:three");
        assert_eq!(t.last_seq(), 4);
    }

    #[test]
    fn w3_reset_frame_replaces_the_list() {
        let mut t = Timeline::default();
        t.apply_frame(frame(true, events(1, "open | v:old | v:older")));
        t.apply_frame(frame(true, events(1, "open | v:new")));
        assert_eq!(shown(&t), "*v:new");
    }

    #[test]
    fn w2_pending_message_shows_until_its_event_arrives_either_way() {
        let mut t = Timeline::default();
        t.apply_frame(frame(true, events(1, "open | v:hola")));
        t.add_pending(id("c1"), "hola".into(), Vec::new());
        t.add_pending(id("c2"), "second".into(), Vec::new());
        assert_eq!(shown(&t), "*v:hola | …hola | …second");
        // The socket is faster than the reply: the echo goes when the event comes.
        t.apply_frame(frame(false, events(3, "v:hola")));
        assert_eq!(shown(&t), "*v:hola | v:hola | …second");
        // The reply to c1 then changes nothing; c2 fails and is dropped.
        t.settle(&id("c1"));
        t.settle(&id("c2"));
        assert_eq!(shown(&t), "*v:hola | v:hola");
    }

    #[test]
    fn q14_automatic_messages_show_on_the_agents_side_as_the_channel() {
        let mut t = Timeline::default();
        t.apply_frame(frame(
            true,
            events(1, "open | v:hola | s:We reply within minutes | s:Bye | answer | a:hi"),
        ));
        assert_eq!(shown(&t), "*v:hola | *s:We reply within minutes | s:Bye | joined:Ana | *a:hi");
    }

    #[test]
    fn m8_m9_edits_and_deletions_change_the_message_in_place() {
        let mut t = Timeline::default();
        t.apply_frame(frame(true, events(1, "open | v:hola | answer | a:helo | a:oops")));
        let before = rows(&t)[2].key();
        t.merge(events(6, "edit:4=hello | del:5 | edit:5=too late | edit:99=nothing"));
        assert_eq!(shown(&t), "*v:hola | joined:Ana | *a:hello(edited) | a:(deleted)");
        assert_ne!(rows(&t)[2].key(), before, "a changed row is drawn again");
    }

    #[test]
    fn m1_quotes_show_the_quoted_message_as_it_reads_now() {
        let mut t = Timeline::default();
        t.apply_frame(frame(true, events(1, "open | v:¿envío a Canarias? | answer | q2:Sí, en 48 h | a:tipo | q5:perdón | q9:nada")));
        assert_eq!(
            shown(&t),
            "*v:¿envío a Canarias? | joined:Ana | *a:Sí, en 48 h>v:¿envío a Canarias? | a:tipo | a:perdón>a:tipo | a:nada"
        );
        let before = rows(&t)[4].key();
        t.merge(events(8, "edit:5=typo | del:5"));
        assert_eq!(
            shown(&t),
            "*v:¿envío a Canarias? | joined:Ana | *a:Sí, en 48 h>v:¿envío a Canarias? | a:(deleted) | a:perdón>a:(deleted) | a:nada"
        );
        assert_ne!(rows(&t)[4].key(), before, "the quoting row is drawn again");
    }

    #[test]
    fn w2_the_outbox_keeps_order_fails_together_and_retries_with_the_same_ids() {
        let mut t = Timeline::default();
        t.add_pending(id("c1"), "one".into(), Vec::new());
        t.add_pending(id("c2"), "two".into(), Vec::new());
        t.add_pending(id("c3"), "three".into(), Vec::new());
        assert_eq!(t.next_to_send().map(|p| p.text.as_str()), Some("one"));
        // The server refuses "one" for its own reason: "two" goes next.
        t.refuse(&id("c1"), "blocked".into());
        assert_eq!(t.next_to_send().map(|p| p.text.as_str()), Some("two"));
        // The network fails "two": "three" waits with it, nothing overtakes.
        t.fail_from(&id("c2"));
        assert_eq!(t.next_to_send(), None);
        let states: Vec<_> = t.pending().iter().map(|p| p.delivery.clone()).collect();
        assert_eq!(
            states,
            vec![
                Delivery::Failed { refused: Some("blocked".into()) },
                Delivery::Failed { refused: None },
                Delivery::Failed { refused: None },
            ]
        );
        // A retry sends them again in order, each with the id it had.
        assert!(t.retry_failed());
        assert_eq!(t.next_to_send().map(|p| p.id.clone()), Some(id("c1")));
        t.settle(&id("c1"));
        assert_eq!(t.next_to_send().map(|p| p.id.clone()), Some(id("c2")));
        assert!(!Timeline::default().retry_failed());
    }

    fn photo() -> FileRef {
        FileRef {
            id: openline_core::ids::FileId::parse("f_1").unwrap(),
            name: "rota.png".into(),
            size: 10,
            content_type: "image/png".into(),
            url: Some("/api/files/x".into()),
        }
    }

    #[test]
    fn c1_a_photo_sent_alone_replaces_its_echo_and_goes_with_its_message() {
        let mut t = Timeline::default();
        t.apply_frame(frame(true, events(1, "open | v:hola | answer")));
        t.add_pending(id("c1"), String::new(), vec![photo()]);
        let visitor = Actor::Visitor { id: openline_core::ids::VisitorId::parse("v_1").unwrap() };
        let body = EventBody::MessagePosted {
            text: String::new(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: vec![photo()],
        };
        t.merge([Event { seq: 4, at: 0, actor: visitor, body }]);
        assert!(t.pending().is_empty(), "the echo is retired");
        let files = |t: &Timeline| match rows(t).last() {
            Some(Row::Message { files, .. }) => files.len(),
            _ => 0,
        };
        assert_eq!(files(&t), 1);
        t.merge(events(5, "q4:¿esta?"));
        assert_eq!(shown(&t), "*v:hola | joined:Ana | *v: | *a:¿esta?>v:📎 rota.png");
        t.merge(events(6, "del:4"));
        assert!(
            matches!(&rows(&t)[2], Row::Message { files, deleted: true, .. } if files.is_empty())
        );
    }

    fn event(seq: u64, actor: Actor, body: EventBody) -> Event {
        Event { seq, at: 0, actor, body }
    }

    #[test]
    fn w4_the_form_shows_until_the_customer_is_introduced_and_a_rating_once_closed() {
        let mut t = Timeline::default();
        assert!(!t.introduced() && !t.rating_due());
        let visitor = Actor::Visitor { id: openline_core::ids::VisitorId::parse("v_1").unwrap() };
        let contact =
            openline_core::contact::Contact { email: "a@b.es".into(), ..Default::default() };
        t.merge([event(1, visitor.clone(), EventBody::ContactShared { contact })]);
        assert!(t.introduced());
        t.merge(events(2, "open | v:hola | answer | a:hi | close"));
        assert!(t.rating_due());
        let rating = openline_core::contact::Rating::thumbs(true);
        let rated = EventBody::Rated { session: 1, rating, comment: String::new() };
        t.merge([event(7, visitor, rated)]);
        assert!(!t.rating_due());
        assert!(shown(&t).ends_with("closed | rated:👍"), "{}", shown(&t));
    }

    #[test]
    fn w2_read_marks_both_ways() {
        let mut t = Timeline::default();
        t.merge(events(1, "open | v:hola | answer | a:hi"));
        assert_eq!(t.unread_mark(), Some(4));
        let visitor = Actor::Visitor { id: openline_core::ids::VisitorId::parse("v_1").unwrap() };
        let ana = Actor::Agent {
            id: openline_core::ids::AgentId::parse("a_1").unwrap(),
            name: "Ana".into(),
        };
        assert_eq!(t.unread_count(), 1);
        t.merge([event(5, visitor, EventBody::Read { up_to: 4 })]);
        assert_eq!(t.unread_mark(), None);
        assert_eq!(t.unread_count(), 0);
        t.merge(events(6, "v:gracias"));
        assert_eq!(t.mark_at_end(), Some(false), "sent");
        t.merge([event(7, ana, EventBody::Read { up_to: 6 })]);
        assert_eq!(t.mark_at_end(), Some(true), "seen");
        t.merge(events(8, "close"));
        assert_eq!(t.mark_at_end(), None, "only while the message ends the list");
        t.merge(events(9, "a:one | a:two | n:a note is never counted"));
        assert_eq!(t.unread_count(), 2);
    }

    #[test]
    fn w2_the_header_names_whoever_answers_the_current_session() {
        let mut t = Timeline::default();
        t.merge(events(1, "open | v:hola"));
        assert_eq!(t.answering_agent(), None);
        t.merge(events(3, "answer | a:hi"));
        assert_eq!(t.answering_agent(), Some("Ana"));
        let luis = EventBody::Answered {
            agent: openline_core::ids::AgentId::parse("a_2").unwrap(),
            agent_name: "Luis".into(),
        };
        t.merge([event(5, Actor::System, luis)]);
        assert_eq!(t.answering_agent(), Some("Luis"), "a transfer reads as Luis joining");
        t.merge(events(6, "close"));
        assert_eq!(t.answering_agent(), Some("Luis"), "still who answered, until a new session");
        t.merge(events(7, "open | v:otra pregunta"));
        assert_eq!(t.answering_agent(), None);
    }

    #[test]
    fn w2_messages_not_through_are_kept_and_come_back_to_be_sent_again() {
        let mut before = Timeline::default();
        before.merge(events(1, "open | v:ok | answer | a:hi"));
        before.add_pending(id("c1"), "ok".into(), Vec::new());
        before.add_pending(id("c2"), "are you there?".into(), Vec::new());
        before.fail_from(&id("c1"));
        let kept = serde_json::to_string(before.pending()).unwrap();

        // The next page: the history comes back (with the older "ok"), then the kept messages.
        let mut after = Timeline::default();
        after.apply_frame(frame(true, events(1, "open | v:ok | answer | a:hi")));
        let kept: Vec<Pending> = serde_json::from_str(&kept).unwrap();
        after.restore(kept.clone());
        after.restore(kept);
        assert_eq!(after.pending().len(), 2, "each once");
        assert_eq!(after.next_to_send().map(|p| p.text.as_str()), Some("ok"), "in order, sending");
        assert_eq!(shown(&after), "*v:ok | joined:Ana | *a:hi | …ok | …are you there?");
        // Its own echo retires it; the older "ok" did not.
        after.merge(events(5, "v:ok"));
        assert_eq!(after.pending().len(), 1);
    }
}
