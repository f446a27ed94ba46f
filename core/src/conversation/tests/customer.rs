//! The customer's chat derives its marks from the events it receives (`crate::customer`); each
//! must agree with the rule `decide` applies to the whole log, whatever happened.

use super::*;
use crate::customer;
use crate::view::{view_log, Viewer};

const SCRIPTS: [&str; 8] = [
    "visitor: say hola",
    "visitor: say hola | luis: say hi",
    "visitor: say hola | luis: say hi | visitor: read 4",
    "visitor: say hola | luis: say hi | luis: note vip | visitor: read 5",
    "visitor: say hola | luis: say hi | luis: finish",
    "visitor: say hola | luis: finish | visitor: rate up",
    "visitor: say hola | luis: finish | visitor: rate up | visitor: say again",
    "visitor: say hola | luis: say hi | luis: delete 4 | luis: finish | visitor: say again",
];

fn visitor_may(state: &DialogState, command: Command) -> Option<usize> {
    let events = decide(state, &actor("visitor"), &command, Context::at(9_999)).ok()?;
    Some(events.len())
}

#[test]
fn w4_a_rating_is_due_exactly_when_decide_would_take_one() {
    for script in SCRIPTS {
        let (state, log, _) = run(script);
        let seen = view_log(&log, Viewer::Customer);
        let rating =
            Command::Rate { rating: crate::contact::Rating::thumbs(true), comment: "".into() };
        let accepted = visitor_may(&state, rating).is_some();
        assert_eq!(customer::rating_due(&seen), accepted, "script: {script}");
    }
}

#[test]
fn w2_a_read_mark_is_due_exactly_when_decide_would_record_one() {
    for script in SCRIPTS {
        let (state, log, _) = run(script);
        let seen = view_log(&log, Viewer::Customer);
        let due = customer::read_mark_due(&seen);
        let records = |up_to| visitor_may(&state, Command::MarkRead { up_to }) > Some(0);
        match due {
            Some(up_to) => assert!(records(up_to), "script: {script}"),
            None => assert!(!records(u64::MAX), "script: {script}"),
        }
        // The unread count is what a read mark at the end would clear.
        assert_eq!(customer::unread_count(&seen) > 0, due.is_some(), "script: {script}");
    }
}

#[test]
fn w2_the_customer_sees_sent_then_seen_under_their_latest_message() {
    let mark = |script| customer::delivery_mark(&view_log(&run(script).1, Viewer::Customer));
    assert_eq!(mark("visitor: say hola"), Some(false));
    assert_eq!(mark("visitor: say hola | luis: answer"), None, "a line follows");
    assert_eq!(mark("visitor: say hola | luis: answer | visitor: say ok"), Some(false));
    assert_eq!(
        mark("visitor: say hola | luis: answer | visitor: say ok | luis: read 4"),
        Some(true)
    );
    assert_eq!(mark("visitor: say hola | luis: say hi"), None);
}

#[test]
fn w2_the_header_names_who_joined_the_current_session_last() {
    let agent = |script| {
        let seen = view_log(&run(script).1, Viewer::Customer);
        customer::answering_agent(&seen).map(str::to_owned)
    };
    assert_eq!(agent("visitor: say hola"), None);
    assert_eq!(agent("visitor: say hola | luis: answer | luis: transfer eva"), Some("eva".into()));
    assert_eq!(agent("visitor: say hola | luis: answer | eva: take"), Some("eva".into()));
    assert_eq!(agent("visitor: say hola | luis: finish | visitor: say again"), None);
}
