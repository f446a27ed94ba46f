//! The chat's model as data: scripts of events in, the list and marks out (W2, W3, M1, M8,
//! M9, C1, W4).

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
        events(
            1,
            "open | v:hola | v:hay alguien? | answer | n:secret | a:hi | a:how can I help | close",
        ),
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
    t.apply_frame(frame(
        true,
        events(
            1,
            "open | v:¿envío a Canarias? | answer | q2:Sí, en 48 h | a:tipo | q5:perdón | q9:nada",
        ),
    ));
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
    assert!(matches!(&rows(&t)[2], Row::Message { files, deleted: true, .. } if files.is_empty()));
}

fn event(seq: u64, actor: Actor, body: EventBody) -> Event {
    Event { seq, at: 0, actor, body }
}

#[test]
fn w4_the_form_shows_until_the_customer_is_introduced_and_a_rating_once_closed() {
    let mut t = Timeline::default();
    assert!(!t.introduced() && !t.rating_due());
    let visitor = Actor::Visitor { id: openline_core::ids::VisitorId::parse("v_1").unwrap() };
    let contact = openline_core::contact::Contact { email: "a@b.es".into(), ..Default::default() };
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
    let ana =
        Actor::Agent { id: openline_core::ids::AgentId::parse("a_1").unwrap(), name: "Ana".into() };
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

/// The widget keeps its own fold of the customer's lines (core's `transcript::fold` costs it
/// 1.3 KB brotli); from the customer's copy of the log (`core::view`: deleted messages as
/// tombstones, edited ones with their current text) it must read every message as core's
/// transcript of the whole log does.
#[test]
fn m1_m8_m9_the_list_reads_each_message_as_cores_transcript_does() {
    let scripts = [
        "open | v:hola | answer | a:helo | edit:4=hello | a:oops | del:6 | q4:see above | q6:gone",
        "open | v:¿envío? | answer | q2:sí | edit:2=never | a:x | edit:6=y | edit:6=z | q6:zz | del:6",
        "open | v:a | n:secret | s:auto | a:b | close | v:again",
    ];
    for script in scripts {
        let log = events(1, script);
        let mut timeline = Timeline::default();
        timeline.merge(openline_core::view::view_log(&log, openline_core::Viewer::Customer));
        let ours: Vec<_> = rows(&timeline)
            .into_iter()
            .filter_map(|row| match row {
                Row::Message { seq, text, edited, deleted, quote, files, version, .. } => {
                    let quote = quote.map(|q| (q.seq, q.excerpt, q.deleted));
                    Some((seq, text, edited, deleted, quote, files, version))
                }
                _ => None,
            })
            .collect();
        let cores: Vec<_> = openline_core::transcript::fold(&log)
            .into_iter()
            .filter_map(|item| match item {
                openline_core::transcript::Item::Message(m) if !m.internal => {
                    let quote = m.quote.map(|q| (q.seq, q.excerpt, q.deleted));
                    Some((m.seq, m.text, m.edited, m.deleted, quote, m.files, m.version))
                }
                _ => None,
            })
            .collect();
        assert_eq!(ours, cores, "script: {script}");
    }
}
