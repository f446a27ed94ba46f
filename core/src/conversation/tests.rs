//! The dialog rules as data: a script of steps and the trace it must produce.
//!
//! Script: steps separated by `|`, each `who: verb [text]` with who ∈ {visitor, ana, luis, eva,
//! system} and verb ∈ {say, note, quote <seq> <text>, note-quote <seq> <text>, answer, finish,
//! accept-close, spam, take, transfer <who>, invite <who>, pin, unpin, block, unblock,
//! edit <seq> <text>, delete <seq>, split <seq>, mention <who[,who]> <text>,
//! note-mention <who[,who]> <text>, attach <file[,file]> [text], note-attach <file[,file]> [text],
//! contact name;email;phone, rate up|down|<stars> [comment], read <seq>}.
//! The dialog's uploads (C1) are `uploads()`. Trace: per step, the event types it appended (a quote as
//! `>seq`; or `!code` for a rejection, `-` for none), then `;` and the final status.

use super::*;
use crate::auth::Role;
use crate::event::{Actor, AgentRef, ChannelRef, CloseReason, Event, EventBody};
use crate::ids::ChannelId;
use crate::ids::{AgentId, VisitorId};

fn actor(who: &str) -> Actor {
    match who {
        "visitor" => Actor::Visitor { id: VisitorId::parse("v_1").unwrap() },
        "ana" | "luis" | "eva" => Actor::Agent { id: agent_id(who), name: who.to_owned() },
        "system" => Actor::System,
        other => panic!("unknown actor {other}"),
    }
}

fn agent_id(who: &str) -> AgentId {
    AgentId::parse(&format!("a_{who}")).unwrap()
}

/// The workspace's agents, as the edge would look them up. "ghost" is not among them.
fn directory() -> Vec<AgentRef> {
    ["ana", "luis", "eva"]
        .iter()
        .map(|n| AgentRef { id: agent_id(n), name: n.to_string() })
        .collect()
}

/// The workspace's open channels. "nowhere" is not among them.
fn channels() -> Vec<ChannelRef> {
    ["web", "sales"]
        .iter()
        .map(|c| ChannelRef { id: ChannelId::parse(c).unwrap(), name: c.to_uppercase() })
        .collect()
}

fn command(verb: &str, text: &str) -> Command {
    match verb {
        "say" => Command::Post {
            text: text.to_owned(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        },
        "note" => Command::Post {
            text: text.to_owned(),
            internal: true,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        },
        "quote" | "note-quote" => {
            let (seq, text) = text.split_once(' ').unwrap_or((text, ""));
            let (text, internal) = (text.to_owned(), verb == "note-quote");
            Command::Post {
                text,
                internal,
                quote: Some(seq.parse().unwrap()),
                mentions: Vec::new(),
                files: Vec::new(),
            }
        }
        "answer" => Command::Answer,
        "finish" => Command::Finish,
        "accept-close" => Command::AcceptAndClose,
        "spam" => Command::MarkSpam,
        "block" => Command::Block,
        "unblock" => Command::Unblock,
        "take" => Command::Take,
        "transfer" => Command::Transfer { to: agent_id(text) },
        "invite" => Command::Invite { agent: agent_id(text) },
        "pin" => Command::Pin,
        "unpin" => Command::Unpin,
        "auto-close" => Command::AutoClose,
        "move" => Command::TransferToChannel { channel: ChannelId::parse(text).unwrap() },
        "edit" => {
            let (seq, text) = text.split_once(' ').unwrap_or((text, ""));
            Command::EditMessage { seq: seq.parse().unwrap(), text: text.to_owned() }
        }
        "delete" => Command::DeleteMessage { seq: text.parse().unwrap() },
        "split" => Command::MoveToNewSession { seq: text.parse().unwrap() },
        "mention" | "note-mention" => {
            let (who, text) = text.split_once(' ').unwrap_or((text, ""));
            Command::Post {
                text: format!("@{who} {text}"),
                internal: verb == "note-mention",
                quote: None,
                mentions: who.split(',').map(agent_id).collect(),
                files: Vec::new(),
            }
        }
        "attach" | "note-attach" => {
            let (files, text) = text.split_once(' ').unwrap_or((text, ""));
            Command::Post {
                text: text.to_owned(),
                internal: verb == "note-attach",
                quote: None,
                mentions: Vec::new(),
                files: files.split(',').map(|f| crate::ids::FileId::parse(f).unwrap()).collect(),
            }
        }
        "contact" => {
            let mut parts = text.split(';').map(str::to_owned);
            let mut next = || parts.next().unwrap_or_default();
            let contact = crate::contact::Contact { name: next(), email: next(), phone: next() };
            Command::ShareContact { contact }
        }
        "read" => Command::MarkRead { up_to: text.parse().unwrap() },
        "rate" => {
            let (value, comment) = text.split_once(' ').unwrap_or((text, ""));
            let rating = match value {
                "up" => crate::contact::Rating::thumbs(true),
                "down" => crate::contact::Rating::thumbs(false),
                stars => crate::contact::Rating::stars(stars.parse().unwrap()),
            };
            Command::Rate { rating, comment: comment.to_owned() }
        }
        other => panic!("unknown verb {other}"),
    }
}

/// Files uploaded to the dialog (C1), as the edge would pass them: `f_<who>` by that person,
/// `f_sent` by the visitor and in a message already.
fn uploads() -> Vec<crate::files::Upload> {
    let upload = |id: &str, who: &str, attached| crate::files::Upload {
        file: crate::files::FileRef {
            id: crate::ids::FileId::parse(id).unwrap(),
            name: format!("{id}.png"),
            size: 10,
            content_type: "image/png".into(),
            url: None,
        },
        by: actor(who),
        attached,
    };
    vec![
        upload("f_visitor", "visitor", false),
        upload("f_visitor2", "visitor", false),
        upload("f_ana", "ana", false),
        upload("f_luis", "luis", false),
        upload("f_sent", "visitor", true),
    ]
}

fn event_type(e: &Event) -> String {
    let kind = match e.body {
        EventBody::MessagePosted { ref mentions, internal, .. } if !mentions.is_empty() => {
            let kind = if internal { "note_posted" } else { "message_posted" };
            let names: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
            return format!("{kind}@{}", names.join(","));
        }
        EventBody::MessagePosted { ref files, internal, .. } if !files.is_empty() => {
            let kind = if internal { "note_posted" } else { "message_posted" };
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            return format!("{kind}+{}", names.join(","));
        }
        EventBody::MessagePosted { quote: Some(seq), internal, .. } => {
            let kind = if internal { "note_posted" } else { "message_posted" };
            return format!("{kind}>{seq}");
        }
        EventBody::SessionOpened { .. } => "session_opened",
        EventBody::MessagePosted { internal: false, .. } => "message_posted",
        EventBody::MessagePosted { internal: true, .. } => "note_posted",
        EventBody::Answered { .. } => "answered",
        EventBody::Closed { reason: CloseReason::Finished, .. } => "closed",
        EventBody::Closed { reason: CloseReason::Spam, .. } => "closed(spam)",
        EventBody::Closed { reason: CloseReason::Inactive, .. } => "closed(inactive)",
        EventBody::Transferred { .. } => "transferred",
        EventBody::MovedToChannel { .. } => "moved",
        EventBody::MessageEdited { .. } => "edited",
        EventBody::MessageDeleted { .. } => "deleted",
        EventBody::Taken { .. } => "taken",
        EventBody::Invited { .. } => "invited",
        EventBody::SessionSplit { session, from } => return format!("split({session}@{from})"),
        EventBody::Pinned => "pinned",
        EventBody::Unpinned => "unpinned",
        EventBody::Blocked => "blocked",
        EventBody::Unblocked => "unblocked",
        EventBody::ContactShared { ref contact } => return format!("contact({})", contact.email),
        EventBody::Rated { rating, .. } => return format!("rated({})", rating.symbols()),
        EventBody::Read { up_to } => return format!("read({up_to})"),
        EventBody::Unknown => "unknown",
    };
    kind.to_owned()
}

fn status(state: &DialogState) -> String {
    let status = match &state.status {
        SessionStatus::Idle => "idle".to_owned(),
        SessionStatus::Unanswered => "unanswered".to_owned(),
        SessionStatus::InProgress { agent_name, .. } => format!("in_progress({agent_name})"),
    };
    let mut line = format!("{status} session={} unread={}", state.session, state.unread);
    if state.pinned {
        line.push_str(" pinned");
    }
    if state.blocked {
        line.push_str(" blocked");
    }
    if !state.participants.is_empty() {
        let names: Vec<&str> = state.participants.iter().map(|p| p.name.as_str()).collect();
        line.push_str(&format!(" guests={}", names.join(",")));
    }
    line
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
        // Ana is the workspace's admin; the others are agents.
        let role = if who == "ana" { Role::Admin } else { Role::Agent };
        let uploads = uploads();
        let ctx = Context {
            now,
            directory: &directory(),
            channels: &channels(),
            message: &log,
            role,
            uploads: &uploads,
        };
        match decide(&state, &actor(who), &command(verb, text), ctx) {
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
        "visitor: note sneaky | visitor: say hola | visitor: answer | visitor: finish | visitor: auto-close | ana: auto-close",
        "!forbidden | session_opened message_posted | !forbidden | !forbidden | !forbidden | !forbidden ; unanswered session=1 unread=1",
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
    assert_eq!(
        log[1].body,
        EventBody::MessagePosted {
            text: "padded".into(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        }
    );
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
            Command::Post {
                text: "hi".into(),
                internal: false,
                quote: None,
                mentions: Vec::new(),
                files: Vec::new(),
            },
            r#"{"type":"post","text":"hi","internal":false}"#,
        ),
        (
            Command::Post {
                text: "sí".into(),
                internal: false,
                quote: Some(2),
                mentions: Vec::new(),
                files: Vec::new(),
            },
            r#"{"type":"post","text":"sí","internal":false,"quote":2}"#,
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
        Command::Post {
            text: "hi".into(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new()
        }
    );
    assert!(serde_json::from_str::<Command>(r#"{"type":"post","text":"hi","x":1}"#).is_err());
}

#[test]
fn q5_accept_and_close_answers_and_closes_at_once() {
    check(
        "visitor: say test | ana: accept-close",
        "session_opened message_posted | answered closed ; idle session=1 unread=0",
    );
    check(
        "visitor: say hi | ana: answer | luis: accept-close | ana: accept-close",
        "session_opened message_posted | answered | !answered_by_other | closed ; idle session=1 unread=0",
    );
}

#[test]
fn q6_spam_closes_and_the_customer_may_write_again() {
    check(
        "visitor: say buy pills | luis: spam | visitor: say hello again",
        "session_opened message_posted | closed(spam) | session_opened message_posted ; unanswered session=2 unread=1",
    );
    check(
        "visitor: say x | ana: answer | luis: spam | ana: spam | ana: spam",
        "session_opened message_posted | answered | !answered_by_other | closed(spam) | !no_open_session ; idle session=1 unread=0",
    );
}

#[test]
fn q6_spam_is_remembered_for_the_spam_list_until_the_next_session() {
    let (state, _, _) = run("visitor: say x | ana: spam");
    assert_eq!(state.last_close, Some(CloseReason::Spam));
    let (state, _, _) = run("visitor: say x | ana: spam | visitor: say y");
    assert_eq!(state.last_close, None);
}

#[test]
fn q7_take_over_from_another_agent_who_is_told() {
    check(
        "visitor: say hi | ana: answer | luis: take | ana: say still me? | luis: say I'm here",
        "session_opened message_posted | answered | taken | !answered_by_other | message_posted ; in_progress(luis) session=1 unread=0",
    );
    let (_, log, _) = run("visitor: say hi | ana: answer | luis: take");
    assert_eq!(
        log[3].body,
        EventBody::Taken { previous: agent_id("ana"), previous_name: "ana".into() }
    );
}

#[test]
fn q7_take_a_waiting_session_is_answering_it_and_own_is_nothing() {
    check(
        "visitor: say hi | luis: take | luis: take | ana: take",
        "session_opened message_posted | answered | - | taken ; in_progress(ana) session=1 unread=1",
    );
    check("ana: take", "!no_open_session ; idle session=0 unread=0");
}

#[test]
fn q11_pinned_sessions_cannot_be_taken_until_unpinned() {
    check(
        "visitor: say hi | ana: answer | ana: pin | luis: take | ana: pin | ana: unpin | luis: take",
        "session_opened message_posted | answered | pinned | !pinned | - | unpinned | taken ; in_progress(luis) session=1 unread=1",
    );
}

#[test]
fn q11_only_the_owner_pins_and_a_close_releases_the_lock() {
    check(
        "visitor: say hi | ana: pin | ana: answer | luis: pin | ana: pin | ana: finish | visitor: say again",
        "session_opened message_posted | !not_answered | answered | !answered_by_other | pinned | closed | session_opened message_posted ; unanswered session=2 unread=1",
    );
}

#[test]
fn q4_transfer_hands_the_session_to_a_colleague() {
    check(
        "visitor: say hi | ana: answer | ana: pin | ana: transfer luis | ana: say me? | luis: say hello",
        "session_opened message_posted | answered | pinned | transferred | !answered_by_other | message_posted ; in_progress(luis) session=1 unread=0",
    );
}

#[test]
fn q4_anyone_may_route_a_waiting_session_but_only_the_owner_an_answered_one() {
    check(
        "visitor: say hi | eva: transfer ana | luis: transfer eva | ana: transfer ana | ana: transfer ghost",
        "session_opened message_posted | transferred | !answered_by_other | - | !unknown_agent ; in_progress(ana) session=1 unread=1",
    );
    check("ana: transfer luis", "!no_open_session ; idle session=0 unread=0");
}

#[test]
fn q9_invited_colleagues_see_and_write_until_the_session_closes() {
    check(
        "visitor: say hi | ana: answer | ana: invite luis | luis: say hi, Luis here | luis: invite eva | ana: invite luis",
        "session_opened message_posted | answered | invited | message_posted | invited | - ; in_progress(ana) session=1 unread=0 guests=luis,eva",
    );
    check(
        "visitor: say hi | ana: answer | ana: invite luis | ana: finish | visitor: say new",
        "session_opened message_posted | answered | invited | closed | session_opened message_posted ; unanswered session=2 unread=1",
    );
}

#[test]
fn q9_only_members_invite_and_only_known_agents() {
    check(
        "visitor: say hi | ana: invite luis | ana: answer | eva: invite luis | ana: invite ghost",
        "session_opened message_posted | !not_answered | answered | !answered_by_other | !unknown_agent ; in_progress(ana) session=1 unread=1",
    );
}

#[test]
fn q7_a_guest_taking_over_becomes_the_owner_not_a_guest() {
    check(
        "visitor: say hi | ana: answer | ana: invite luis | luis: take",
        "session_opened message_posted | answered | invited | taken ; in_progress(luis) session=1 unread=1",
    );
}

#[test]
fn snapshot_contact_center_commands() {
    let cases = [
        (Command::AcceptAndClose, r#"{"type":"accept_and_close"}"#),
        (Command::MarkSpam, r#"{"type":"mark_spam"}"#),
        (Command::Take, r#"{"type":"take"}"#),
        (Command::Transfer { to: agent_id("luis") }, r#"{"type":"transfer","to":"a_luis"}"#),
        (Command::Invite { agent: agent_id("luis") }, r#"{"type":"invite","agent":"a_luis"}"#),
        (
            Command::TransferToChannel { channel: ChannelId::parse("sales").unwrap() },
            r#"{"type":"transfer_to_channel","channel":"sales"}"#,
        ),
        (
            Command::EditMessage { seq: 4, text: "hi".into() },
            r#"{"type":"edit_message","seq":4,"text":"hi"}"#,
        ),
        (Command::DeleteMessage { seq: 4 }, r#"{"type":"delete_message","seq":4}"#),
        (Command::MoveToNewSession { seq: 5 }, r#"{"type":"move_to_new_session","seq":5}"#),
        (Command::Pin, r#"{"type":"pin"}"#),
        (Command::Unpin, r#"{"type":"unpin"}"#),
    ];
    for (cmd, json) in cases {
        assert_eq!(serde_json::to_string(&cmd).unwrap(), json);
        assert_eq!(serde_json::from_str::<Command>(json).unwrap(), cmd);
    }
}

#[test]
fn q14_the_system_writes_only_in_open_sessions_and_answers_nothing() {
    check(
        "system: say too early | visitor: say hi | system: say we'll be right with you | system: note x",
        "!no_open_session | session_opened message_posted | message_posted | !forbidden ; unanswered session=1 unread=1",
    );
    let (state, _, _) = run("visitor: say hi | system: say auto");
    assert_eq!(
        state.last_message.map(|m| m.text).as_deref(),
        Some("hi"),
        "previews keep the customer's words"
    );
}

#[test]
fn q14_auto_close_closes_open_unlocked_sessions_and_is_otherwise_nothing() {
    check(
        "system: auto-close | visitor: say hi | ana: answer | ana: pin | system: auto-close | ana: unpin | system: auto-close | system: auto-close",
        "- | session_opened message_posted | answered | pinned | - | unpinned | closed(inactive) | - ; idle session=1 unread=0",
    );
}

fn settings(auto_close: Option<u32>) -> crate::channel::ChannelSettings {
    let mut s = crate::channel::ChannelSettings::new(
        crate::ids::ChannelId::parse("web").unwrap(),
        "Web".into(),
        "Hi".into(),
    );
    s.auto_close_after_secs = auto_close;
    s.auto_reply = "An agent will answer shortly.".into();
    s
}

#[test]
fn q14_auto_close_counts_from_the_last_public_message() {
    // Steps are stamped 1000, 1001, …: the last public message is the third step.
    let (state, _, _) =
        run("visitor: say hi | ana: say hello | visitor: say thanks | ana: note done");
    assert_eq!(auto_close_deadline(&state, &settings(Some(60))), Some(1002 + 60_000));
    assert_eq!(auto_close_deadline(&state, &settings(None)), None);
    let (pinned, _, _) = run("visitor: say hi | ana: answer | ana: pin");
    assert_eq!(auto_close_deadline(&pinned, &settings(Some(60))), None);
    let (closed, _, _) = run("visitor: say hi | ana: finish");
    assert_eq!(auto_close_deadline(&closed, &settings(Some(60))), None);
}

#[test]
fn q14_a_new_session_gets_the_automatic_reply_once() {
    let (_, log, _) = run("visitor: say hi");
    let reply = new_session_reply(&log, &settings(None), 0);
    assert_eq!(
        reply,
        Some(Command::Post {
            text: "An agent will answer shortly.".into(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        })
    );
    let (_, log, _) = run("visitor: say hi | visitor: say again");
    assert_eq!(new_session_reply(&log[2..], &settings(None), 0), None, "not for a second message");
}

#[test]
fn q4_moving_to_another_channel_puts_the_session_back_in_its_queue() {
    check(
        "visitor: say quiero comprar | ana: answer | ana: invite luis | ana: pin | ana: move sales",
        "session_opened message_posted | answered | invited | pinned | moved ; unanswered session=1 unread=1",
    );
    let (state, _, _) = run("visitor: say hi | eva: move sales");
    let web = ChannelId::parse("web").unwrap();
    assert_eq!(state.channel_or(&web).as_str(), "sales");
    let (state, _, _) = run("visitor: say hi");
    assert_eq!(state.channel_or(&web).as_str(), "web");
}

#[test]
fn q4_only_the_owner_moves_an_answered_session_and_only_to_known_channels() {
    check(
        "visitor: say hi | ana: answer | luis: move sales | ana: move nowhere",
        "session_opened message_posted | answered | !answered_by_other | !unknown_channel ; in_progress(ana) session=1 unread=1",
    );
}

// Seqs in these scripts: 1 session_opened, 2 the customer's message, 3 answered, 4 Luis's reply.

#[test]
fn m8_the_author_edits_their_message_and_everyone_gets_the_new_text() {
    check(
        "visitor: say hi | luis: say helo | luis: edit 4 hello | luis: edit 4 hello | luis: edit 4   ",
        "session_opened message_posted | answered message_posted | edited | - | !empty_message ; in_progress(luis) session=1 unread=0",
    );
    let (_, log, _) = run("visitor: say hi | luis: say helo | luis: edit 4 hello");
    assert_eq!(message_info(4, &log).map(|m| (m.text, m.edited)), Some(("hello".into(), true)));
}

#[test]
fn m8_m9_colleagues_may_not_change_a_message_but_admins_may() {
    check(
        "visitor: say hi | luis: say helo | eva: edit 4 x | eva: delete 4 | ana: edit 4 hello",
        "session_opened message_posted | answered message_posted | !forbidden | !forbidden | edited ; in_progress(luis) session=1 unread=0",
    );
}

#[test]
fn m8_m9_customers_words_are_never_altered() {
    check(
        "visitor: say hi | ana: edit 2 bye | ana: delete 2 | luis: delete 2",
        "session_opened message_posted | !forbidden | !forbidden | !forbidden ; unanswered session=1 unread=1",
    );
}

#[test]
fn m9_deleted_messages_stay_deleted_and_unknown_ones_are_refused() {
    check(
        "visitor: say hi | luis: say oops | luis: delete 4 | luis: edit 4 x | luis: delete 4 | luis: delete 99 | luis: delete 3",
        "session_opened message_posted | answered message_posted | deleted | !message_deleted | !message_deleted | !unknown_message | !unknown_message ; in_progress(luis) session=1 unread=0",
    );
}

#[test]
fn c6_m8_edits_of_hidden_notes_stay_hidden() {
    let (_, log, _) =
        run("visitor: say hi | luis: note vip | luis: edit 3 very vip | luis: delete 3");
    let kinds: Vec<bool> = log[3..]
        .iter()
        .map(|e| {
            matches!(
                e.body,
                EventBody::MessageEdited { internal: true, .. }
                    | EventBody::MessageDeleted { internal: true, .. }
            )
        })
        .collect();
    assert_eq!(kinds, [true, true]);
    for e in &log[3..] {
        assert_eq!(crate::view::view(e, crate::view::Viewer::Customer), None);
    }
}

#[test]
fn q6_block_closes_as_spam_and_refuses_the_customer_until_an_admin_unblocks() {
    check(
        "visitor: say buy pills | luis: block | visitor: say more pills | luis: block \
         | luis: unblock | ana: unblock | visitor: say sorry",
        "session_opened message_posted | closed(spam) blocked | !blocked | - | !forbidden \
         | unblocked | session_opened message_posted ; unanswered session=2 unread=1",
    );
    // A waiting session is blocked by anyone; an idle dialog too, and only once.
    check(
        "visitor: say hi | eva: block",
        "session_opened message_posted | closed(spam) blocked ; idle session=1 unread=0 blocked",
    );
    check("visitor: say hi | ana: answer | ana: finish | luis: block | eva: block", "session_opened message_posted | answered | closed | blocked | - ; idle session=1 unread=0 blocked");
    // While someone else owns the session, closing it is theirs to do.
    check("visitor: say hi | ana: answer | luis: block", "session_opened message_posted | answered | !answered_by_other ; in_progress(ana) session=1 unread=1");
}

// Seqs: 1 session_opened, 2 the customer's question, 3 answered, 4 Luis's reply, 5 Luis's note.

#[test]
fn m1_agents_and_customers_quote_messages_they_can_see() {
    check(
        "visitor: say ¿tenéis envío? | luis: quote 2 Sí, en 48 h | visitor: quote 4 ¿y a Canarias? | luis: note-quote 2 cliente de Canarias",
        "session_opened message_posted | answered message_posted>2 | message_posted>4 | note_posted>2 ; in_progress(luis) session=1 unread=1",
    );
}

#[test]
fn m1_a_hidden_note_is_quoted_only_in_another_note() {
    check(
        "visitor: say hola | luis: say hola | luis: note VIP | visitor: quote 5 what? | luis: quote 5 you are VIP | luis: note-quote 5 sí",
        "session_opened message_posted | answered message_posted | note_posted | !unknown_message | !quote_not_public | note_posted>5 ; in_progress(luis) session=1 unread=0",
    );
}

#[test]
fn m1_quoting_a_deleted_or_missing_message_is_refused() {
    check(
        "visitor: say hola | luis: say oops | luis: delete 4 | luis: quote 4 x | visitor: quote 4 x | luis: quote 99 x | luis: quote 3 x | luis: quote 2   ",
        "session_opened message_posted | answered message_posted | deleted | !message_deleted | !message_deleted | !unknown_message | !unknown_message | !empty_message ; in_progress(luis) session=1 unread=0",
    );
}

#[test]
fn m1_a_quote_survives_in_the_customers_view_of_the_reply() {
    let (_, log, _) = run("visitor: say hola | luis: quote 2 hola, ¿en qué te ayudo?");
    let reply = crate::view::view(&log[3], crate::view::Viewer::Customer).unwrap();
    assert!(matches!(reply.body, EventBody::MessagePosted { quote: Some(2), .. }));
}

// Seqs: 1 session_opened, 2 the first question, 3 answered, 4 Luis's reply, 5 and 6 a new topic.

#[test]
fn m6_a_new_topic_becomes_the_next_session_with_the_same_owner() {
    check(
        "visitor: say ¿precio de la Arco? | luis: say 249 € | visitor: say Otra cosa: mi factura | visitor: say del pedido 12 | luis: split 5 | luis: say Te la envío | luis: finish | visitor: say gracias",
        "session_opened message_posted | answered message_posted | message_posted | message_posted | split(2@5) | message_posted | closed | session_opened message_posted ; unanswered session=3 unread=1",
    );
}

#[test]
fn m6_only_the_owner_moves_and_only_from_a_later_message_of_the_open_session() {
    check(
        "visitor: say hola | luis: say hola | visitor: say otra cosa | eva: split 5 | luis: split 2 | luis: split 3 | luis: split 99 | luis: split 5 | luis: split 5",
        "session_opened message_posted | answered message_posted | message_posted | !answered_by_other | !cannot_split_here | !unknown_message | !unknown_message | split(2@5) | !cannot_split_here ; in_progress(luis) session=2 unread=1",
    );
    check(
        "visitor: say hola | luis: say hola | luis: finish | visitor: say again | luis: answer | luis: split 4",
        "session_opened message_posted | answered message_posted | closed | session_opened message_posted | answered | !cannot_split_here ; in_progress(luis) session=2 unread=1",
    );
}

#[test]
fn m6_customers_are_not_told_of_the_move() {
    let (state, log, _) = run("visitor: say a | luis: say b | visitor: say c | luis: split 5");
    assert_eq!(state.first_message, Some(5));
    let split = log.last().unwrap();
    assert_eq!(crate::view::view(split, crate::view::Viewer::Customer), None);
    assert!(crate::view::view(split, crate::view::Viewer::Agent).is_some());
}

#[test]
fn c2_agents_mention_colleagues_of_the_workspace_and_they_are_told() {
    check(
        "visitor: say ¿hacéis factura? | ana: note-mention luis ¿puedes mirarlo? | luis: mention eva,eva,ana os leo | ana: mention ghost hola | visitor: mention ana hola",
        "session_opened message_posted | note_posted@luis | answered message_posted@eva,ana | !unknown_agent | !forbidden ; in_progress(luis) session=1 unread=0",
    );
    let (state, log, _) = run("visitor: say hola | ana: note-mention luis mira esto");
    let mention = state.last_mention.unwrap();
    assert_eq!((mention.seq, mention.by.as_str()), (3, "ana"));
    assert_eq!(mention.agents, [agent_id("luis")]);
    assert_eq!(crate::view::view(&log[2], crate::view::Viewer::Customer), None, "a note");
}

#[test]
fn c2_customers_read_a_mention_as_plain_text() {
    let (_, log, _) = run("visitor: say hola | ana: mention luis te atiende mañana");
    let seen = crate::view::view(&log[3], crate::view::Viewer::Customer).unwrap();
    let EventBody::MessagePosted { text, mentions, .. } = seen.body else { panic!("{seen:?}") };
    assert_eq!((text.as_str(), mentions.len()), ("@luis te atiende mañana", 0));
    let agents = crate::view::view(&log[3], crate::view::Viewer::Agent).unwrap();
    assert!(
        matches!(agents.body, EventBody::MessagePosted { ref mentions, .. } if mentions.len() == 1)
    );
}

#[test]
fn c1_a_message_carries_files_its_poster_uploaded_to_the_dialog() {
    check(
        "visitor: attach f_visitor,f_visitor2,f_visitor | ana: attach f_ana aquí tienes | luis: note-attach f_luis",
        "session_opened message_posted+f_visitor.png,f_visitor2.png | answered message_posted+f_ana.png | note_posted+f_luis.png ; in_progress(ana) session=1 unread=0",
    );
}

#[test]
fn c1_nobody_attaches_someone_elses_upload_or_one_sent_already() {
    check(
        "visitor: attach f_ana | visitor: attach f_sent | visitor: attach f_nowhere | visitor: say hola | ana: attach f_luis | ana: attach f_visitor",
        "!unknown_file | !file_already_sent | !unknown_file | session_opened message_posted | !unknown_file | !unknown_file ; unanswered session=1 unread=1",
    );
    let eleven: Vec<String> = (1..=11).map(|i| format!("f_{i}")).collect();
    check(
        &format!("visitor: attach {}", eleven.join(",")),
        "!too_many_files ; idle session=0 unread=0",
    );
}

#[test]
fn c1_files_reach_whoever_sees_the_message_and_notes_stay_with_agents() {
    let (_, log, _) = run("visitor: say hola | ana: attach f_ana | luis: note-attach f_luis");
    let customer = crate::view::view_all(&log, crate::view::Viewer::Customer);
    let files: Vec<&str> = customer
        .iter()
        .flat_map(|e| match &e.body {
            EventBody::MessagePosted { files, .. } => files.iter().map(|f| f.id.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(files, ["f_ana"]);
    assert_eq!(crate::view::view_all(&log, crate::view::Viewer::Agent).len(), log.len());
}

#[test]
fn c1_files_are_stored_without_links_and_need_no_text() {
    let (_, log, _) = run("visitor: attach f_visitor");
    let EventBody::MessagePosted { text, files, .. } = &log[1].body else { panic!() };
    assert_eq!((text.as_str(), files.len(), files[0].url.as_ref()), ("", 1, None));
    check(
        "visitor: attach f_visitor    ",
        "session_opened message_posted+f_visitor.png ; unanswered session=1 unread=1",
    );
}

#[test]
fn c1_m9_deleting_a_message_with_files_is_the_authors_right() {
    check(
        "visitor: say hola | ana: attach f_ana | luis: delete 4 | ana: delete 4 | ana: delete 4",
        "session_opened message_posted | answered message_posted+f_ana.png | !forbidden | deleted | !message_deleted ; in_progress(ana) session=1 unread=0",
    );
}

#[test]
fn w4_the_customer_shares_contact_details_which_name_them_for_agents() {
    check(
        "visitor: contact Lucía;lucia@example.es | visitor: contact Lucía;lucia@example.es | visitor: contact ;lucia@ | visitor: say hola | ana: contact Ana;ana@x.es",
        "contact(lucia@example.es) | - | !contact_invalid | session_opened message_posted | !forbidden ; unanswered session=1 unread=1",
    );
    let (state, _, _) = run("visitor: contact Lucía;lucia@example.es | visitor: contact ;;600 123 456 | visitor: say hola");
    let contact = state.contact.clone().unwrap();
    assert_eq!((contact.name.as_str(), contact.phone.as_str()), ("Lucía", "600 123 456"));
    let summary = crate::inbox::DialogSummary::new(
        crate::ids::DialogId::parse("web-v_1").unwrap(),
        ChannelId::parse("web").unwrap(),
        VisitorId::parse("v_1").unwrap(),
        &state,
    );
    assert_eq!(summary.visitor_name, "Lucía");
}

#[test]
fn w4_a_finished_session_is_rated_once() {
    check(
        "visitor: rate up | visitor: say hola | visitor: rate up | ana: answer | ana: finish | ana: rate 5 | visitor: rate 6 | visitor: rate 4 muy amables | visitor: rate down",
        "!nothing_to_rate | session_opened message_posted | !nothing_to_rate | answered | closed | !forbidden | !invalid_rating | rated(★★★★☆) | !nothing_to_rate ; idle session=1 unread=0",
    );
    // The next session may be rated again, once it ends; agents see the last rating.
    let (state, log, _) = run("visitor: say a | ana: finish | visitor: rate down | visitor: say b | ana: answer | ana: finish | visitor: rate up");
    assert_eq!(state.last_rating, Some(crate::contact::Rating::thumbs(true)));
    assert!(crate::view::view(log.last().unwrap(), crate::view::Viewer::Customer).is_some());
}

#[test]
fn w2_read_marks_go_forward_only_and_only_the_answering_agents_mark() {
    check(
        "visitor: say hola | ana: answer | ana: say hi | visitor: read 4 | visitor: read 3 | visitor: read 99 | luis: read 2 | ana: read 2 | ana: read 2",
        "session_opened message_posted | answered | message_posted | read(4) | - | - | - | read(2) | - ; in_progress(ana) session=1 unread=0",
    );
    let (state, log, _) = run("visitor: say hola | ana: say hi | visitor: read 4 | ana: read 2");
    assert_eq!((state.customer_read, state.agents_read), (4, 2));
    // Each side sees the other's marks.
    for event in &log[4..] {
        assert!(crate::view::view(event, crate::view::Viewer::Customer).is_some());
    }
}
