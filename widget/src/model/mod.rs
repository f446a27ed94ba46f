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
mod tests;
