//! The session's lifecycle as scripts: answer, take, transfer, invite, pin, finish, spam,
//! block, automatic replies and close (Q3–Q14).

use super::*;

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
