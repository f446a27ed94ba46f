//! One dialog's events as the agent sees them (hidden notes included), ordered by `seq` and
//! deduplicated, whichever way they arrived: socket frames, command replies, HTTP catch-up.
//!
//! The dialog's state (who owns it, is it open) is folded from the events with core's `apply`,
//! the same fold the server runs, so the header and buttons never disagree with the rules.

use openline_core::conversation::{apply, DialogState};
use openline_core::event::{Actor, Event};
use openline_core::ids::VisitorId;
use openline_core::protocol::EventsFrame;
use openline_core::sync::position_after;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DialogLog {
    events: Vec<Event>,
    /// The resume position (`sync::position_after` the frames so far). Command replies do not
    /// move it, since a frame with earlier events may still be on its way.
    synced_seq: u64,
    /// False until the first frame.
    pub loaded: bool,
}

impl DialogLog {
    /// A socket or HTTP frame: `reset` replaces what we had.
    pub fn apply_frame(&mut self, frame: EventsFrame) {
        if frame.reset {
            self.events.clear();
        }
        // Where the next connection resumes: a page with more to come moves it only to its
        // last event, as in the widget (core's `sync`).
        self.synced_seq = position_after(self.resume_after(), &frame);
        self.merge(frame.events);
        self.loaded = true;
    }

    /// Events from a command reply (the socket will bring them again; `seq` dedupes).
    pub fn merge(&mut self, events: Vec<Event>) {
        for event in events {
            if let Err(at) = self.events.binary_search_by_key(&event.seq, |e| e.seq) {
                self.events.insert(at, event);
            }
        }
    }

    /// `after=` for the next connection: none before the first frame (the server then sends
    /// everything with `reset`).
    pub fn resume_after(&self) -> Option<u64> {
        self.loaded.then_some(self.synced_seq)
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn state(&self) -> DialogState {
        let mut state = DialogState::default();
        for event in &self.events {
            apply(&mut state, event);
        }
        state
    }

    /// The customer, for a name when the inbox has no row for this dialog.
    pub fn visitor(&self) -> Option<&VisitorId> {
        self.events.iter().find_map(|e| match &e.actor {
            Actor::Visitor { id } => Some(id),
            _ => None,
        })
    }
}
