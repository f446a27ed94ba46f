//! Messages as scripts: notes, edits, deletions, quotes, moves, mentions, files, contact
//! details, ratings and read marks (C1, C2, C6, M1, M6, M8, M9, W2, W4).

use super::*;
use crate::view::{view, view_log, Revisions, Viewer};

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
        assert_eq!(view(e, Viewer::Customer, &Revisions::of(&log)), None);
    }
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
    let reply = view(&log[3], Viewer::Customer, &Revisions::of(&log)).unwrap();
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
    assert_eq!(view(split, Viewer::Customer, &Revisions::of(&log)), None);
    assert!(view(split, Viewer::Agent, &Revisions::of(&log)).is_some());
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
    assert_eq!(view(&log[2], Viewer::Customer, &Revisions::of(&log)), None, "a note");
}

#[test]
fn c2_customers_read_a_mention_as_plain_text() {
    let (_, log, _) = run("visitor: say hola | ana: mention luis te atiende mañana");
    let seen = view(&log[3], Viewer::Customer, &Revisions::of(&log)).unwrap();
    let EventBody::MessagePosted { text, mentions, .. } = seen.body else { panic!("{seen:?}") };
    assert_eq!((text.as_str(), mentions.len()), ("@luis te atiende mañana", 0));
    let agents = view(&log[3], Viewer::Agent, &Revisions::of(&log)).unwrap();
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
    let customer = view_log(&log, Viewer::Customer);
    let files: Vec<&str> = customer
        .iter()
        .flat_map(|e| match &e.body {
            EventBody::MessagePosted { files, .. } => files.iter().map(|f| f.id.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(files, ["f_ana"]);
    assert_eq!(view_log(&log, Viewer::Agent).len(), log.len());
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
        "channel: stars | visitor: rate 5 | visitor: say hola | visitor: rate 5 | ana: answer | ana: finish | ana: rate 5 | visitor: rate 6 | visitor: rate 4 muy amables | visitor: rate 3",
        "!nothing_to_rate | session_opened message_posted | !nothing_to_rate | answered | closed | !forbidden | !invalid_rating | rated(★★★★☆) | !nothing_to_rate ; idle session=1 unread=0",
    );
    // The next session may be rated again, once it ends; agents see the last rating.
    let (state, log, _) = run("visitor: say a | ana: finish | visitor: rate down | visitor: say b | ana: answer | ana: finish | visitor: rate up");
    assert_eq!(state.last_rating, Some(crate::contact::Rating::thumbs(true)));
    assert!(view(log.last().unwrap(), Viewer::Customer, &Revisions::of(&log)).is_some());
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
        assert!(view(event, Viewer::Customer, &Revisions::of(&log)).is_some());
    }
}

#[test]
fn m8_m9_only_agents_messages_change_by_their_author_or_a_moderator() {
    let (ana, luis) = (agent_id("ana"), agent_id("luis"));
    let by_luis = actor("luis");
    // (reader, role, author, deleted, may change)
    let cases = [
        (&luis, Role::Agent, &by_luis, false, true),
        (&luis, Role::Agent, &by_luis, true, false),
        (&ana, Role::Agent, &by_luis, false, false),
        (&ana, Role::Supervisor, &by_luis, false, true),
        (&ana, Role::Admin, &actor("visitor"), false, false),
        (&ana, Role::Admin, &Actor::System, false, false),
    ];
    for (me, role, author, deleted, expected) in cases {
        assert_eq!(may_change(me, role, author, deleted), expected, "{me} {role:?} {author:?}");
    }
}

#[test]
fn m6_only_the_owner_moves_and_only_from_a_later_message_of_the_session() {
    let (state, _, _) = run("visitor: say hola | luis: answer | luis: say hi | visitor: say otra");
    assert!(may_split(&state, &agent_id("luis"), 5));
    assert!(may_split(&state, &agent_id("luis"), 4));
    assert!(!may_split(&state, &agent_id("luis"), 2), "the session's first message");
    assert!(!may_split(&state, &agent_id("eva"), 5), "not the owner");
}

#[test]
fn w4_a_rating_follows_the_channels_scale_as_it_is_now() {
    check(
        "visitor: say hola | ana: finish | visitor: rate 4 | channel: no-rating | visitor: rate up | channel: thumbs | visitor: rate up",
        "session_opened message_posted | closed | !invalid_rating | !invalid_rating | rated(👍) ; idle session=1 unread=0",
    );
}

#[test]
fn w4_a_first_message_needs_what_the_pre_chat_form_requires() {
    check(
        "channel: prechat=name,email! | visitor: say hola | visitor: contact Lucía | visitor: say hola | visitor: contact ;lucia@example.es | visitor: say hola",
        "!contact_missing | contact() | !contact_missing | contact(lucia@example.es) | session_opened message_posted ; unanswered session=1 unread=1",
    );
    // Optional fields ask nothing; a customer who wrote before the form existed writes on.
    check(
        "channel: prechat=name,phone | visitor: say hola",
        "session_opened message_posted ; unanswered session=1 unread=1",
    );
    check(
        "visitor: say hola | ana: finish | channel: prechat=phone! | visitor: say otra vez",
        "session_opened message_posted | closed | session_opened message_posted ; unanswered session=2 unread=1",
    );
}

#[test]
fn w4_the_offline_forms_email_also_introduces_the_customer() {
    check(
        "channel: prechat=phone! offline-form | visitor: contact Lucía | visitor: say hola | visitor: contact ;lucia@example.es | visitor: say hola",
        "contact() | !contact_missing | contact(lucia@example.es) | session_opened message_posted ; unanswered session=1 unread=1",
    );
}

#[test]
fn w4_q6_a_blocked_customer_rates_nothing() {
    check(
        "visitor: say hola | ana: block | visitor: rate up bien",
        "session_opened message_posted | closed(spam) blocked | !blocked ; idle session=1 unread=0 blocked",
    );
}
