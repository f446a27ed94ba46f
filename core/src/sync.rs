//! Resume: a client sends the last `seq` it saw and gets what it missed.
//!
//! A `seq` the server does not know (ahead of its log, e.g. after a store was reset, or from
//! another dialog) is answered with a full resync, never with silence.

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

#[cfg(test)]
mod tests {
    use super::*;

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
