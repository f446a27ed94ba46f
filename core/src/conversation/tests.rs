//! The dialog rules as data: a script of steps and the trace it must produce.
//!
//! Script: steps separated by `|`, each `who: verb [text]` with who ∈ {visitor, ana, luis} and
//! verb ∈ {say, note, answer, finish}. Trace: per step, the event types it appended (or
//! `!code` for a rejection, `-` for none), then `;` and the final status.

use super::*;
use crate::event::{Actor, Event, EventBody};
use crate::ids::{AgentId, VisitorId};

fn actor(who: &str) -> Actor {
    match who {
        "visitor" => Actor::Visitor { id: VisitorId::parse("v_1").unwrap() },
        "ana" | "luis" => {
            Actor::Agent { id: AgentId::parse(&format!("a_{who}")).unwrap(), name: who.to_owned() }
        }
        "system" => Actor::System,
        other => panic!("unknown actor {other}"),
    }
}

fn command(verb: &str, text: &str) -> Command {
    match verb {
        "say" => Command::Post { text: text.to_owned(), internal: false },
        "note" => Command::Post { text: text.to_owned(), internal: true },
        "answer" => Command::Answer,
        "finish" => Command::Finish,
        other => panic!("unknown verb {other}"),
    }
}

fn event_type(e: &Event) -> &'static str {
    match e.body {
        EventBody::SessionOpened { .. } => "session_opened",
        EventBody::MessagePosted { internal: false, .. } => "message_posted",
        EventBody::MessagePosted { internal: true, .. } => "note_posted",
        EventBody::Answered { .. } => "answered",
        EventBody::Closed { .. } => "closed",
    }
}

fn status(state: &DialogState) -> String {
    let status = match &state.status {
        SessionStatus::Idle => "idle".to_owned(),
        SessionStatus::Unanswered => "unanswered".to_owned(),
        SessionStatus::InProgress { agent_name, .. } => format!("in_progress({agent_name})"),
    };
    format!("{status} session={} unread={}", state.session, state.unread)
}

/// Runs the script and returns the final state with the whole log, checking on the way that
/// sequence numbers have no gaps and that folding the log from scratch gives the same state.
fn run(script: &str) -> (DialogState, Vec<Event>, Vec<String>) {
    let mut state = DialogState::default();
    let mut log = Vec::new();
    let mut trace = Vec::new();
    for (now, step) in (1_000..).zip(script.split('|')) {
        let (who, rest) = step.trim().split_once(':').expect("step needs `who:`");
        let rest = rest.trim();
        let (verb, text) = rest.split_once(' ').unwrap_or((rest, ""));
        match decide(&state, &actor(who), &command(verb, text), now) {
            Ok(events) if events.is_empty() => trace.push("-".to_owned()),
            Ok(events) => {
                trace.push(events.iter().map(event_type).collect::<Vec<_>>().join(" "));
                for e in events {
                    assert_eq!(e.seq, state.last_seq + 1, "gap in seq");
                    apply(&mut state, &e);
                    log.push(e);
                }
            }
            Err(r) => trace.push(format!("!{}", r.code())),
        }
    }
    let mut refolded = DialogState::default();
    log.iter().for_each(|e| apply(&mut refolded, e));
    assert_eq!(refolded, state, "folding the log must rebuild the state");
    (state, log, trace)
}

fn check(script: &str, expected: &str) {
    let (state, _, trace) = run(script);
    let actual = format!("{} ; {}", trace.join(" | "), status(&state));
    assert_eq!(actual, expected, "script: {script}");
}

#[test]
fn q12_first_customer_message_opens_session_one() {
    check("visitor: say hola", "session_opened message_posted ; unanswered session=1 unread=1");
}

#[test]
fn q3_answer_takes_the_waiting_session() {
    check(
        "visitor: say hola | ana: answer | ana: say hi",
        "session_opened message_posted | answered | message_posted ; in_progress(ana) session=1 unread=0",
    );
}

#[test]
fn q3_replying_to_a_waiting_session_answers_it() {
    check(
        "visitor: say hola | ana: say hi",
        "session_opened message_posted | answered message_posted ; in_progress(ana) session=1 unread=0",
    );
}

#[test]
fn q3_answering_twice_is_a_no_op_for_the_owner() {
    check(
        "visitor: say hola | ana: answer | ana: answer",
        "session_opened message_posted | answered | - ; in_progress(ana) session=1 unread=1",
    );
}

#[test]
fn q3_a_second_agent_cannot_answer_or_reply_or_finish() {
    check(
        "visitor: say hola | ana: answer | luis: answer | luis: say me too | luis: finish",
        "session_opened message_posted | answered | !answered_by_other | !answered_by_other | !answered_by_other ; in_progress(ana) session=1 unread=1",
    );
}

#[test]
fn q10_finish_closes_the_session() {
    check(
        "visitor: say hola | ana: say hi | ana: finish",
        "session_opened message_posted | answered message_posted | closed ; idle session=1 unread=0",
    );
}

#[test]
fn q10_nothing_to_do_in_a_closed_or_empty_dialog() {
    check(
        "ana: answer | ana: finish | ana: say hi | visitor: say hola | ana: finish | ana: say late | ana: finish",
        "!no_open_session | !no_open_session | !no_open_session | session_opened message_posted | closed | !no_open_session | !no_open_session ; idle session=1 unread=0",
    );
}

#[test]
fn q12_customer_message_after_close_opens_next_session() {
    check(
        "visitor: say one | ana: finish | visitor: say two | visitor: say three",
        "session_opened message_posted | closed | session_opened message_posted | message_posted ; unanswered session=2 unread=2",
    );
}

#[test]
fn c6_any_agent_may_leave_a_hidden_note_and_it_answers_nothing() {
    check(
        "visitor: say hola | luis: note vip customer | ana: answer | luis: note ok",
        "session_opened message_posted | note_posted | answered | note_posted ; in_progress(ana) session=1 unread=1",
    );
}

#[test]
fn c6_customers_cannot_write_hidden_notes_nor_act_as_agents() {
    check(
        "visitor: note sneaky | visitor: say hola | visitor: answer | visitor: finish | system: say x",
        "!forbidden | session_opened message_posted | !forbidden | !forbidden | !forbidden ; unanswered session=1 unread=1",
    );
}

#[test]
fn messages_are_trimmed_and_bounded() {
    let long = "x".repeat(crate::limits::MAX_MESSAGE_CHARS + 1);
    check(
        &format!("visitor: say     | visitor: say {long}"),
        "!empty_message | !message_too_long ; idle session=0 unread=0",
    );
    let (_, log, _) = run("visitor: say   padded  ");
    assert_eq!(log[1].body, EventBody::MessagePosted { text: "padded".into(), internal: false });
}

#[test]
fn q2_preview_shows_the_last_public_message_only() {
    let (state, _, _) = run("visitor: say hola | ana: note secret");
    let last = state.last_message.unwrap();
    assert_eq!((last.text.as_str(), last.from_customer), ("hola", true));
    let (state, _, _) = run("visitor: say hola | ana: answer");
    assert!(state.waiting_since.is_none());
}

#[test]
fn events_are_stamped_with_now_and_numbered_in_order() {
    let (_, log, _) = run("visitor: say a | ana: say b");
    let stamps: Vec<(u64, i64)> = log.iter().map(|e| (e.seq, e.at)).collect();
    assert_eq!(stamps, vec![(1, 1000), (2, 1000), (3, 1001), (4, 1001)]);
}

#[test]
fn snapshot_command_wire_format() {
    let cases = [
        (
            Command::Post { text: "hi".into(), internal: false },
            r#"{"type":"post","text":"hi","internal":false}"#,
        ),
        (Command::Answer, r#"{"type":"answer"}"#),
        (Command::Finish, r#"{"type":"finish"}"#),
    ];
    for (cmd, json) in cases {
        assert_eq!(serde_json::to_string(&cmd).unwrap(), json);
        assert_eq!(serde_json::from_str::<Command>(json).unwrap(), cmd);
    }
    // Old clients may omit `internal`; unknown fields are refused rather than ignored.
    assert_eq!(
        serde_json::from_str::<Command>(r#"{"type":"post","text":"hi"}"#).unwrap(),
        Command::Post { text: "hi".into(), internal: false }
    );
    assert!(serde_json::from_str::<Command>(r#"{"type":"post","text":"hi","x":1}"#).is_err());
}
