//! Resume: a client sends the last `seq` it saw and gets what it missed.
//!
//! A `seq` the server does not know (ahead of its log, e.g. after a store was reset, or from
//! another dialog) is answered with a full resync, never with silence. A client's position
//! moves only as frames say (`position_after`), the same in both apps.

use crate::protocol::EventsFrame;

/// What to send a client that says it saw everything up to `after`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Send the events with `seq > after`; the client keeps what it has.
    Replay { after: u64 },
    /// Send everything; the client drops what it has.
    Reset,
}

pub fn resume(after: Option<u64>, last_seq: u64) -> Resume {
    match after {
        Some(after) if after <= last_seq => Resume::Replay { after },
        _ => Resume::Reset,
    }
}

/// Where a client that was at `previous` resumes after `frame`. A catch-up page with `more`
/// set is followed by others: if the connection drops in between, resume after the page's last
/// event, not at the dialog's `last_seq` (that would skip the pages not received). A `reset`
/// forgets a position the server no longer knows.
pub fn position_after(previous: Option<u64>, frame: &EventsFrame) -> u64 {
    let reached =
        if frame.more { frame.events.last().map_or(0, |e| e.seq) } else { frame.last_seq };
    match previous {
        Some(previous) if !frame.reset => previous.max(reached),
        _ => reached,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Actor, Event, EventBody};

    fn frame(reset: bool, seqs: &[u64], last_seq: u64, more: bool) -> EventsFrame {
        let events = seqs
            .iter()
            .map(|&seq| Event {
                seq,
                at: 0,
                actor: Actor::System,
                body: EventBody::SessionOpened { session: 1 },
            })
            .collect();
        EventsFrame { events, reset, last_seq, more }
    }

    #[test]
    fn w3_the_position_follows_frames_and_never_skips_a_page() {
        // (position before, frame, position after)
        let cases = [
            (None, frame(true, &[1, 2], 2, false), 2),
            // A hidden note (seq 3) moves the position past the last shown event.
            (Some(2), frame(false, &[], 3, false), 3),
            // The first of several pages: resume after its last event.
            (None, frame(true, &[1, 500], 1200, true), 500),
            (Some(500), frame(false, &[501, 1000], 1200, true), 1000),
            (Some(1000), frame(false, &[1001, 1200], 1200, false), 1200),
            // A page whose every event the reader may not see says nothing new.
            (Some(1000), frame(false, &[], 1200, true), 1000),
            // A reset forgets a position the server no longer knows.
            (Some(90), frame(true, &[1, 5], 5, false), 5),
        ];
        for (before, frame, expected) in cases {
            assert_eq!(position_after(before, &frame), expected, "{before:?} {frame:?}");
        }
    }

    #[test]
    fn resume_replays_known_positions_and_resets_unknown_ones() {
        let cases = [
            (None, 5, Resume::Reset),
            (Some(0), 5, Resume::Replay { after: 0 }),
            (Some(3), 5, Resume::Replay { after: 3 }),
            (Some(5), 5, Resume::Replay { after: 5 }),
            (Some(6), 5, Resume::Reset),
            (Some(0), 0, Resume::Replay { after: 0 }),
        ];
        for (after, last, expected) in cases {
            assert_eq!(resume(after, last), expected, "after={after:?} last={last}");
        }
    }
}
