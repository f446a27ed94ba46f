//! Typing indicators (W2): the customer sees "Ana is typing…", agents see that the customer is.
//!
//! They are ephemeral: never in the event log, sent over the dialog's sockets as they happen,
//! and lost without harm. Three rules, one per party:
//! - the sender announces at most once per `REFRESH_MS` while typing, and says when it stopped
//!   (`Throttle`);
//! - the dialog passes an update to the other side only (`relay`), and a hidden note's draft to
//!   nobody: a customer must not learn that a note is being written;
//! - the receiver shows an announcement for `SHOWN_MS` unless refreshed, so a lost "stopped" (a
//!   closed tab) does not leave "typing…" on screen forever (`Shown`).
//!
//! The dialog also rate-limits each socket (`BURST`, `REFILL_MS`) and drops the excess.

use crate::event::{Actor, Event, EventBody};
use crate::protocol::{TypingFrame, TypingUpdate};
use crate::view::Viewer;

/// A sender repeats "typing" at most this often while the draft changes.
pub const REFRESH_MS: i64 = 2_000;
/// A receiver hides an announcement not refreshed within this time.
pub const SHOWN_MS: i64 = 6_000;
/// The dialog passes on at most this many updates per socket at once…
pub const BURST: u32 = 4;
/// …then one per this many milliseconds; the rest are dropped.
pub const REFILL_MS: i64 = 500;

/// Which sockets get `update` from `from`, and the frame they get; `None`: nobody.
pub fn relay(from: &Actor, update: &TypingUpdate) -> Option<(Viewer, TypingFrame)> {
    let audience = match from {
        // Customers write no notes; a "note" from one is not an update at all.
        Actor::Visitor { .. } if !update.note => Viewer::Agent,
        Actor::Agent { .. } if !update.note => Viewer::Customer,
        _ => return None,
    };
    Some((audience, TypingFrame { typist: from.clone(), typing: update.typing }))
}

/// The sender's side: what to send as the draft changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Throttle {
    /// When "typing" was last sent, and whether it was about a note; `None` once stopped.
    announced: Option<(i64, bool)>,
}

impl Throttle {
    /// The draft changed at `now`; `note`: it is a hidden note. An emptied draft counts as
    /// stopping. Switching between reply and note stops the one before announcing the other.
    pub fn typed(&mut self, now: i64, note: bool, empty: bool) -> Vec<TypingUpdate> {
        if empty {
            return self.stopped().into_iter().collect();
        }
        let mut updates = Vec::new();
        match self.announced {
            Some((_, was_note)) if was_note != note => updates.extend(self.stopped()),
            Some((at, _)) if (at..at + REFRESH_MS).contains(&now) => return updates,
            _ => {}
        }
        self.announced = Some((now, note));
        updates.push(TypingUpdate { typing: true, note });
        updates
    }

    /// The draft was sent, or the box left: "stopped", if "typing" was said.
    pub fn stopped(&mut self) -> Option<TypingUpdate> {
        let (_, note) = self.announced.take()?;
        Some(TypingUpdate { typing: false, note })
    }
}

/// The receiver's side: who is shown as typing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The typist and when the announcement lapses.
    current: Option<(Actor, i64)>,
}

impl Shown {
    /// A frame arrived at `now`.
    pub fn frame(&mut self, frame: TypingFrame, now: i64) {
        if frame.typing {
            self.current = Some((frame.typist, now + SHOWN_MS));
        } else if self.current.as_ref().is_some_and(|(who, _)| *who == frame.typist) {
            self.current = None;
        }
    }

    /// Events arrived: a message from the typist is what they were typing.
    pub fn events(&mut self, events: &[Event]) {
        let wrote = |who: &Actor| {
            events
                .iter()
                .any(|e| &e.actor == who && matches!(e.body, EventBody::MessagePosted { .. }))
        };
        if self.current.as_ref().is_some_and(|(who, _)| wrote(who)) {
            self.current = None;
        }
    }

    /// Who is typing at `now`, if anyone.
    pub fn typist(&self, now: i64) -> Option<&Actor> {
        self.current.as_ref().filter(|(_, until)| now < *until).map(|(who, _)| who)
    }

    /// When the current announcement lapses (to look again then).
    pub fn until(&self) -> Option<i64> {
        self.current.as_ref().map(|(_, until)| *until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{AgentId, VisitorId};

    fn visitor() -> Actor {
        Actor::Visitor { id: VisitorId::parse("v_1").unwrap() }
    }

    fn ana() -> Actor {
        Actor::Agent { id: AgentId::parse("a_ana").unwrap(), name: "Ana".into() }
    }

    fn update(typing: bool, note: bool) -> TypingUpdate {
        TypingUpdate { typing, note }
    }

    #[test]
    fn w2_typing_goes_to_the_other_side_and_a_note_draft_to_nobody() {
        let to = |from: &Actor, u| relay(from, &u).map(|(viewer, frame)| (viewer, frame.typing));
        assert_eq!(to(&visitor(), update(true, false)), Some((Viewer::Agent, true)));
        assert_eq!(to(&ana(), update(true, false)), Some((Viewer::Customer, true)));
        assert_eq!(to(&ana(), update(false, false)), Some((Viewer::Customer, false)));
        assert_eq!(to(&ana(), update(true, true)), None, "a note being written");
        assert_eq!(to(&ana(), update(false, true)), None, "nor that one stopped");
        assert_eq!(to(&visitor(), update(true, true)), None);
        assert_eq!(to(&Actor::System, update(true, false)), None);
        let (_, frame) = relay(&ana(), &update(true, false)).unwrap();
        assert_eq!(frame.typist, ana());
    }

    #[test]
    fn w2_the_sender_announces_once_per_refresh_and_says_when_it_stopped() {
        let mut t = Throttle::default();
        let typing = |note| vec![update(true, note)];
        assert_eq!(t.typed(1_000, false, false), typing(false));
        assert_eq!(t.typed(1_500, false, false), vec![]);
        assert_eq!(t.typed(2_999, false, false), vec![]);
        assert_eq!(t.typed(3_000, false, false), typing(false));
        assert_eq!(t.stopped(), Some(update(false, false)));
        assert_eq!(t.stopped(), None, "said once");
        assert_eq!(t.typed(3_100, false, false), typing(false), "typing again");
        assert_eq!(t.typed(3_200, false, true), vec![update(false, false)], "emptied");
        assert_eq!(t.typed(3_300, false, true), vec![]);
    }

    #[test]
    fn w2_c6_switching_to_a_note_first_stops_the_reply() {
        let mut t = Throttle::default();
        assert_eq!(t.typed(0, false, false), vec![update(true, false)]);
        assert_eq!(t.typed(100, true, false), vec![update(false, false), update(true, true)]);
        assert_eq!(t.typed(200, true, false), vec![]);
        assert_eq!(t.typed(300, false, false), vec![update(false, true), update(true, false)]);
        // Every update the customer could get from that: typing, stopped, typing.
        let mut t = Throttle::default();
        let seen: Vec<bool> = [(0, false), (100, true), (200, true), (300, false)]
            .into_iter()
            .flat_map(|(now, note)| t.typed(now, note, false))
            .filter_map(|u| relay(&ana(), &u).map(|(_, f)| f.typing))
            .collect();
        assert_eq!(seen, [true, false, true]);
    }

    #[test]
    fn w2_an_announcement_lapses_unless_refreshed_and_ends_with_a_message() {
        let frame = |typist: Actor, typing| TypingFrame { typist, typing };
        let mut shown = Shown::default();
        shown.frame(frame(ana(), true), 1_000);
        assert_eq!(shown.typist(1_000), Some(&ana()));
        assert_eq!(shown.until(), Some(1_000 + SHOWN_MS));
        assert_eq!(shown.typist(1_000 + SHOWN_MS), None, "lapsed");
        shown.frame(frame(ana(), true), 5_000);
        assert_eq!(shown.typist(8_000), Some(&ana()), "refreshed");
        let luis = Actor::Agent { id: AgentId::parse("a_luis").unwrap(), name: "Luis".into() };
        shown.frame(frame(luis, false), 8_000);
        assert_eq!(shown.typist(8_000), Some(&ana()), "someone else stopping");
        let post = |actor: Actor| Event {
            seq: 9,
            at: 0,
            actor,
            body: EventBody::MessagePosted {
                text: "hola".into(),
                internal: false,
                quote: None,
                mentions: Vec::new(),
                files: Vec::new(),
            },
        };
        shown.events(&[post(visitor())]);
        assert_eq!(shown.typist(8_000), Some(&ana()));
        shown.events(&[post(ana())]);
        assert_eq!(shown.typist(8_000), None, "what she typed arrived");
        shown.frame(frame(ana(), true), 9_000);
        shown.frame(frame(ana(), false), 9_100);
        assert_eq!(shown.typist(9_100), None);
    }
}
