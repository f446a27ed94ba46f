//! Properties over random command sequences (issue 15): whatever the customer, the agents and
//! the system send, in any order, `decide` never panics, `apply` folds what it returned into
//! the state the log rebuilds, and `view` gives the customer nothing agent-only: no note, no
//! deleted or replaced text, no deleted file, no agent-only event, no session number that
//! shows a move to a new session.
//!
//! Every text a step writes is unique (`<w7>` for step 7), so finding one in the customer's
//! copy means that text, not a look-alike. The case count is kept small so that
//! `cargo test -p openline-core` stays a matter of seconds.

use super::*;
use crate::files::Upload;
use crate::view::{view, view_log, Revisions, Viewer};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// One random step: who acts (an index into `WHO`), which kind of command, and two numbers the
/// command reads its targets from (a message, an agent, a channel, files, a rating).
type Step = (usize, u8, u64, usize);

/// Who acts, weighted: the customer and the two agents most, the system least.
const WHO: [&str; 8] = ["visitor", "visitor", "visitor", "ana", "luis", "luis", "eva", "system"];
/// Agents a command may name; "ghost" is not in the workspace.
const NAMED: [&str; 4] = ["ana", "luis", "eva", "ghost"];
const CHANNELS: [&str; 3] = ["web", "sales", "nowhere"];
const FILES: [&str; 5] = ["f_visitor", "f_visitor2", "f_ana", "f_luis", "f_sent"];
/// Kinds of command, weighted: see `random_command`.
const COMMAND_KINDS: u8 = 40;

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = (0..WHO.len(), 0..COMMAND_KINDS, 0..64u64, 0..16usize);
    proptest::collection::vec(step, 1..48)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        // No regression files in the source tree; a failure prints its shrunk steps.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_commands_never_panic_fold_into_the_state_and_leak_nothing_to_the_customer(
        steps in steps(),
        stars in any::<bool>(),
    ) {
        let log = play(&steps, if stars { "stars" } else { "" });
        check_customer_copy(&log);
        check_live_agrees_with_a_later_load(&log);
    }
}

/// Plays `steps` as the Conversation object would (each command's target message and
/// uploads looked up in the log so far), checking what `decide` returns and `apply` makes of
/// it; returns the log.
fn play(steps: &[Step], channel_words: &str) -> Vec<Event> {
    let settings = channel(channel_words);
    let (mut state, mut log) = (DialogState::default(), Vec::<Event>::new());
    for (i, &(who, kind, n, m)) in steps.iter().enumerate() {
        let command = random_command(kind, target(&log, n), m, &format!("<w{i}>"));
        let message = message_history(&log, command.target_message());
        let uploads = uploads_now(&log);
        let role = if WHO[who] == "ana" { Role::Admin } else { Role::Agent };
        let ctx = Context {
            now: 1_000 + i as i64,
            directory: &directory(),
            channels: &channels(),
            message: &message,
            role,
            uploads: &uploads,
            channel: Some(&settings),
        };
        let Ok(events) = decide(&state, &actor(WHO[who]), &command, ctx) else { continue };
        for event in events {
            assert_eq!(event.seq, state.last_seq + 1, "numbered after the log: {command:?}");
            let json = serde_json::to_string(&event).unwrap();
            assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event, "{json}");
            apply(&mut state, &event);
            log.push(event);
        }
    }
    let mut refolded = DialogState::default();
    log.iter().for_each(|e| apply(&mut refolded, e));
    assert_eq!(refolded, state, "folding the log must rebuild the state");
    log
}

// Long: one arm per kind of command, every kind the dialog knows.
fn random_command(kind: u8, seq: u64, m: usize, text: &str) -> Command {
    let agent = agent_id(NAMED[m % NAMED.len()]);
    let post = |text: &str, internal, quote, mentions, files| Command::Post {
        text: text.to_owned(),
        internal,
        quote,
        mentions,
        files,
    };
    let files = || {
        let first = FILES[m % FILES.len()];
        let ids = if m >= 8 { vec![first, FILES[(m + 1) % FILES.len()]] } else { vec![first] };
        ids.into_iter().map(|f| crate::ids::FileId::parse(f).unwrap()).collect()
    };
    match kind {
        0..=7 => post(text, false, None, Vec::new(), Vec::new()),
        8..=10 => post(text, true, None, Vec::new(), Vec::new()),
        11 => post(text, m % 2 == 1, Some(seq), Vec::new(), Vec::new()),
        12 => post(&format!("@{} {text}", NAMED[m % 4]), m >= 8, None, vec![agent], Vec::new()),
        13 => post(text, m.is_multiple_of(3), None, Vec::new(), files()),
        14 => {
            post(if m.is_multiple_of(2) { "   " } else { "" }, false, None, Vec::new(), Vec::new())
        }
        15 => post(&"x".repeat(crate::limits::MAX_MESSAGE_CHARS + 1), false, None, vec![], vec![]),
        16 | 17 => Command::Answer,
        18 => Command::Finish,
        19 => Command::AcceptAndClose,
        20 => Command::MarkSpam,
        21 => Command::Block,
        22 => Command::Unblock,
        23 => Command::Take,
        24 => Command::Transfer { to: agent },
        25 => Command::TransferToChannel { channel: ChannelId::parse(CHANNELS[m % 3]).unwrap() },
        26 => Command::Invite { agent },
        27 if m.is_multiple_of(2) => Command::Pin,
        27 => Command::Unpin,
        28 => Command::AutoClose,
        29..=32 => Command::EditMessage { seq, text: text.to_owned() },
        33 | 34 => Command::DeleteMessage { seq },
        35 | 36 => Command::MoveToNewSession { seq },
        37 if m.is_multiple_of(2) => Command::MarkRead { up_to: seq },
        37 => {
            let email =
                if m.is_multiple_of(3) { "not an email".to_owned() } else { format!("c{m}@x.es") };
            Command::ShareContact {
                contact: crate::contact::Contact { email, ..Default::default() },
            }
        }
        _ => {
            let rating = match m % 4 {
                0 => crate::contact::Rating::thumbs(true),
                1 => crate::contact::Rating::thumbs(false),
                _ => crate::contact::Rating::stars(m as u8 % 7),
            };
            Command::Rate {
                rating,
                comment: if m.is_multiple_of(2) { String::new() } else { text.into() },
            }
        }
    }
}

/// The message a step names: mostly one in the log, half the time an agent's (so edits,
/// deletions, quotes and moves often stand), sometimes any number, known or not.
fn target(log: &[Event], n: u64) -> u64 {
    let posted = |agents_only: bool| -> Vec<u64> {
        let by_agent = |e: &Event| e.actor.is_agent() || !agents_only;
        let posts = log.iter().filter(|e| matches!(e.body, EventBody::MessagePosted { .. }));
        posts.filter(|e| by_agent(e)).map(|e| e.seq).collect()
    };
    let mut messages = posted(n.is_multiple_of(2));
    if messages.is_empty() {
        messages = posted(false);
    }
    match messages.len() as u64 {
        count if count > 0 && n < 48 => messages[(n % count) as usize],
        _ => n % (log.len() as u64 + 3),
    }
}

/// The events about message `seq`, as the edge loads them: its post, then its edits and
/// deletion.
fn message_history(log: &[Event], seq: Option<u64>) -> Vec<Event> {
    let Some(seq) = seq else { return Vec::new() };
    let about = |e: &&Event| match e.body {
        EventBody::MessageEdited { seq: s, .. } | EventBody::MessageDeleted { seq: s, .. } => {
            s == seq
        }
        _ => e.seq == seq,
    };
    log.iter().filter(about).cloned().collect()
}

/// The dialog's uploads, each attached once a message in the log carries it.
fn uploads_now(log: &[Event]) -> Vec<Upload> {
    let carried = |id: &crate::ids::FileId| {
        log.iter().any(|e| {
            matches!(&e.body, EventBody::MessagePosted { files, .. }
                if files.iter().any(|f| &f.id == id))
        })
    };
    let mut uploads = uploads();
    for upload in &mut uploads {
        upload.attached |= carried(&upload.file.id);
    }
    uploads
}

/// A message as agents keep it: every text it had, and what became of it.
#[derive(Default)]
struct Written {
    versions: Vec<String>,
    files: Vec<String>,
    internal: bool,
    deleted: bool,
}

/// The customer's copy of `log` holds what stands, and nothing agents keep to themselves.
fn check_customer_copy(log: &[Event]) {
    let customer = view_log(log, Viewer::Customer);
    let copy = serde_json::to_string(&customer).unwrap();
    for message in written(log).values() {
        let current = message.versions.last().cloned().unwrap_or_default();
        let hidden = message.internal || message.deleted;
        for text in message.versions.iter().filter(|t| hidden || **t != current) {
            // Only the unique mark: a mention's `@name` is in other texts too.
            let mark = &text[text.find('<').unwrap_or(0)..];
            assert!(mark.is_empty() || !copy.contains(mark), "{mark:?} reached the customer");
        }
        if hidden {
            for file in &message.files {
                assert!(!copy.contains(file.as_str()), "file {file} reached the customer");
            }
        } else {
            assert!(copy.contains(&serde_json::to_string(&current).unwrap()), "{current:?}");
        }
    }
    check_customer_events(&customer);
    assert_eq!(view_log(log, Viewer::Agent), log, "agents get the log as it is");
}

/// Every message of the log by `seq`, its versions folded in.
fn written(log: &[Event]) -> BTreeMap<u64, Written> {
    let mut written: BTreeMap<u64, Written> = BTreeMap::new();
    for event in log {
        match &event.body {
            EventBody::MessagePosted { text, internal, files, .. } => {
                let message = written.entry(event.seq).or_default();
                message.versions.push(text.clone());
                message.files = files.iter().map(|f| f.name.clone()).collect();
                message.internal = *internal;
            }
            EventBody::MessageEdited { seq, text, .. } => {
                written.entry(*seq).or_default().versions.push(text.clone());
            }
            EventBody::MessageDeleted { seq, .. } => {
                written.entry(*seq).or_default().deleted = true
            }
            _ => {}
        }
    }
    written
}

/// No agent-only kind of event, field or reason, and sessions numbered 1, 2, 3… as the
/// customer met them: a close or a rating names the session they last saw open.
fn check_customer_events(customer: &[Event]) {
    let mut session = 0;
    for event in customer {
        match &event.body {
            EventBody::SessionOpened { session: s } => {
                assert_eq!(*s, session + 1, "sessions as the customer met them: {customer:?}");
                session = *s;
            }
            EventBody::Closed { session: s, reason } => {
                assert_eq!((*s, *reason), (session, CloseReason::Finished), "{event:?}");
            }
            EventBody::Rated { session: s, .. } => assert_eq!(*s, session, "{event:?}"),
            EventBody::MessagePosted { internal, mentions, .. } => {
                assert!(!internal && mentions.is_empty(), "{event:?}");
            }
            EventBody::MessageEdited { internal, .. }
            | EventBody::MessageDeleted { internal, .. } => {
                assert!(!internal, "{event:?}")
            }
            // Who joined acts for themselves: who handed over or invited stays with agents.
            EventBody::Answered { agent, .. } | EventBody::Invited { agent, .. } => {
                assert!(
                    matches!(&event.actor, Actor::Agent { id, .. } if id == agent),
                    "{event:?}"
                );
            }
            EventBody::ContactShared { .. } | EventBody::Read { .. } => {}
            other => panic!("an agent-only event reached the customer: {other:?}"),
        }
    }
}

/// What the customer got live, each event as its time's revisions showed it, agrees with what
/// a later load gives them: the same events, numbered the same, so a resume never has to take
/// back or renumber a line. Only a message's text may differ, when a later edit or deletion,
/// which they get too, changed it.
fn check_live_agrees_with_a_later_load(log: &[Event]) {
    let later = view_log(log, Viewer::Customer);
    let live: Vec<Event> = (0..log.len())
        .filter_map(|i| view(&log[i], Viewer::Customer, &Revisions::of(&log[..=i])))
        .collect();
    let seqs = |events: &[Event]| events.iter().map(|e| e.seq).collect::<Vec<_>>();
    assert_eq!(seqs(&live), seqs(&later), "the same events, live or loaded later");
    let changed_later = |message: u64, after: u64| {
        later.iter().any(|e| {
            e.seq > after
                && matches!(e.body, EventBody::MessageEdited { seq, .. }
                    | EventBody::MessageDeleted { seq, .. } if seq == message)
        })
    };
    for (then, now) in live.iter().zip(&later) {
        if then == now {
            continue;
        }
        let message = match (&then.body, &now.body) {
            (EventBody::MessagePosted { .. }, EventBody::MessagePosted { .. }) => then.seq,
            (EventBody::MessageEdited { seq: a, .. }, EventBody::MessageEdited { seq: b, .. })
                if a == b =>
            {
                *a
            }
            _ => panic!("{then:?} was told live, {now:?} later"),
        };
        assert!(changed_later(message, then.seq), "{then:?} changed with nothing to say so");
    }
}
