//! The verdict: each dialog's log (an agent's history, read to its end) against every send
//! that succeeded, every reply, every view and the customer's own history.
//!
//! - **lost**: a send that succeeded but is not in the log exactly once where its reply said;
//!   an event due to a participant that their view or history lacks; an event they hold that
//!   the log lacks or holds otherwise; a resume the dialog no longer knew.
//! - **duplicated**: a send in the log more than once; an event delivered again on a socket;
//!   a replay answered otherwise than the first time.
//! - **leaked**: anything a customer got (socket, history, reply) that `core::view` keeps
//!   from them, or that carries a hidden note's text.
//!
//! A customer is due the log's customer copy (`view::view_log`); an agent, the log itself.

use super::cast::{Cast, Participant};
use super::send::{until_accepted, Sends, Sent};
use super::watch::View;
use super::NOTE_MARKER;
use anyhow::{ensure, Result};
use openline_core::sync::position_after;
use openline_core::view::{view_log, Revisions};
use openline_core::{Event, EventBody, Viewer};
use std::collections::{BTreeMap, BTreeSet};

/// One dialog as it stands at the end: the log, and the customer's history of it.
pub struct Logs {
    pub log: Vec<Event>,
    pub customer_history: Vec<Event>,
}

impl Logs {
    /// The last `seq` `viewer` may see, which their view must reach.
    pub fn last_seen_by(&self, viewer: Viewer) -> u64 {
        let events = match viewer {
            Viewer::Agent => &self.log,
            Viewer::Customer => &self.customer_history,
        };
        events.last().map_or(0, |e| e.seq)
    }
}

/// What went wrong, one line per problem.
#[derive(Default)]
pub struct Found {
    pub lost: Vec<String>,
    pub duplicated: Vec<String>,
    pub leaked: Vec<String>,
    /// Views that did not catch up (what they lack is counted as lost).
    pub stuck: Vec<String>,
}

impl Found {
    /// The first `n` problems of each kind, labelled.
    pub fn first_problems(&self, n: usize) -> Vec<String> {
        let kinds = [
            ("stuck", &self.stuck),
            ("lost", &self.lost),
            ("duplicated", &self.duplicated),
            ("leaked", &self.leaked),
        ];
        kinds
            .into_iter()
            .flat_map(|(kind, lines)| lines.iter().take(n).map(move |l| format!("{kind}: {l}")))
            .collect()
    }
}

/// Every dialog's log and customer history, each read to its end.
pub async fn read_logs(cast: &Cast) -> Result<Vec<Logs>> {
    let mut logs = Vec::new();
    for dialog in &cast.dialogs {
        let agent = dialog.agents.first().unwrap_or(&dialog.customer);
        let log = read_to_end(agent).await?;
        let customer_history = read_to_end(&dialog.customer).await?;
        logs.push(Logs { log, customer_history });
    }
    Ok(logs)
}

/// Fails if a log grew since it was read: the views were compared with a log that moved.
pub async fn logs_stood_still(cast: &Cast, logs: &[Logs]) -> Result<()> {
    for (dialog, logs) in cast.dialogs.iter().zip(logs) {
        let agent = dialog.agents.first().unwrap_or(&dialog.customer);
        let last = logs.last_seen_by(Viewer::Agent);
        let what = format!("{}'s history after {last}", agent.name);
        let frame = until_accepted(&what, || agent.history(Some(last))).await?;
        ensure!(frame.last_seq == last, "{what}: the log grew to {} after the run", frame.last_seq);
    }
    Ok(())
}

/// Compares everything with the logs.
pub fn compare(logs: &[Logs], sends: &Sends, views: &[View]) -> Found {
    let mut found = Found::default();
    let dialogs: Vec<Dialog> = logs.iter().map(Dialog::new).collect();
    for (index, (dialog, logs)) in dialogs.iter().zip(logs).enumerate() {
        let who = format!("customer {index}'s history");
        check_no_seq_twice(&format!("dialog {index}'s log"), &logs.log, &mut found);
        check_no_seq_twice(&who, &logs.customer_history, &mut found);
        let history = by_seq(&logs.customer_history);
        dialog.check_copy(&who, Viewer::Customer, &history, &mut found);
    }
    for view in views {
        let dialog = &dialogs[view.by.dialog];
        dialog.check_copy(&view.by.name, view.by.viewer(), &view.events, &mut found);
        found.lost.extend(view.lost.iter().cloned());
        found.duplicated.extend(view.duplicated.iter().cloned());
        found.leaked.extend(view.leaked.iter().cloned());
        found.stuck.extend(view.stuck.iter().cloned());
    }
    for sent in &sends.sent {
        dialogs[sent.by.dialog].check_sent(sent, &mut found);
    }
    found.duplicated.extend(sends.replay_mismatches.iter().cloned());
    found
}

/// A dialog's log, as each kind of viewer is due it.
struct Dialog {
    log: BTreeMap<u64, Event>,
    /// The customer's copy of the log.
    customers: BTreeMap<u64, Event>,
    /// The `seq`s the customer may not see at all.
    hidden: BTreeSet<u64>,
    revisions: Revisions,
}

impl Dialog {
    fn new(logs: &Logs) -> Dialog {
        let customers = by_seq(&view_log(&logs.log, Viewer::Customer));
        let hidden =
            logs.log.iter().map(|e| e.seq).filter(|seq| !customers.contains_key(seq)).collect();
        let revisions = Revisions::of(&logs.log);
        Dialog { log: by_seq(&logs.log), customers, hidden, revisions }
    }

    fn due_to(&self, viewer: Viewer) -> &BTreeMap<u64, Event> {
        match viewer {
            Viewer::Agent => &self.log,
            Viewer::Customer => &self.customers,
        }
    }

    /// What `who` holds against what they are due: each event missing is lost; each held that
    /// is not theirs is leaked; each held that the log lacks, or has otherwise, is lost.
    fn check_copy(
        &self,
        who: &str,
        viewer: Viewer,
        held: &BTreeMap<u64, Event>,
        found: &mut Found,
    ) {
        let due = self.due_to(viewer);
        for (seq, event) in held {
            if self.leaks(viewer, event) {
                found.leaked.push(format!("{who} holds seq {seq}, not theirs: {event:?}"));
                continue;
            }
            match due.get(seq) {
                Some(copy) if copy == event => {}
                Some(copy) => found.lost.push(format!("{who} holds {event:?}, the log {copy:?}")),
                None => {
                    found.lost.push(format!("{who} holds seq {seq}, not in the log: {event:?}"))
                }
            }
        }
        for (seq, event) in due {
            if !held.contains_key(seq) {
                found.lost.push(format!("{who} lacks seq {seq}: {event:?}"));
            }
        }
    }

    /// Whether a customer holding `event` is a leak: the log's event at its `seq` is kept from
    /// them, or it carries a hidden note's text.
    fn leaks(&self, viewer: Viewer, event: &Event) -> bool {
        let carries_note = || serde_json::to_string(event).is_ok_and(|t| t.contains(NOTE_MARKER));
        viewer == Viewer::Customer && (self.hidden.contains(&event.seq) || carries_note())
    }

    /// A send that succeeded is in the log exactly once, where its reply put it, and its reply
    /// gave a customer nothing that is not theirs.
    fn check_sent(&self, sent: &Sent, found: &mut Found) {
        let who = &sent.by.name;
        let is_it = |e: &&Event| {
            matches!(&e.body, EventBody::MessagePosted { text, internal, .. }
                if *text == sent.text && *internal == sent.internal)
        };
        let times = self.log.values().filter(is_it).count();
        match times {
            0 => {
                found.lost.push(format!("{who}'s {:?} succeeded but is not in the log", sent.text))
            }
            1 => {}
            n => found.duplicated.push(format!("{who}'s {:?} is in the log {n} times", sent.text)),
        }
        let viewer = sent.by.viewer();
        for event in &sent.reply.events {
            if self.leaks(viewer, event) {
                found.leaked.push(format!("the reply to {who}'s {:?} holds {event:?}", sent.text));
                continue;
            }
            let logged = self.log.get(&event.seq);
            let copy = logged.and_then(|e| openline_core::view::view(e, viewer, &self.revisions));
            if copy.as_ref() != Some(event) {
                found.lost.push(format!(
                    "the reply to {who}'s {:?} holds {event:?}, the log {logged:?}",
                    sent.text
                ));
            }
        }
    }
}

/// An event paged into a history twice (or out of order).
fn check_no_seq_twice(what: &str, events: &[Event], found: &mut Found) {
    for pair in events.windows(2) {
        if pair[1].seq <= pair[0].seq {
            let (before, after) = (pair[0].seq, pair[1].seq);
            found.duplicated.push(format!("{what} has seq {after} after seq {before}"));
        }
    }
}

/// Every page of `by`'s history from the start, moving as the apps do.
async fn read_to_end(by: &Participant) -> Result<Vec<Event>> {
    let (mut position, mut events) = (None, Vec::new());
    loop {
        let what = format!("{}'s history after {position:?}", by.name);
        let frame = until_accepted(&what, || by.history(position)).await?;
        ensure!(!frame.more || !frame.events.is_empty(), "{what}: a page says more but is empty");
        position = Some(position_after(position, &frame));
        let more = frame.more;
        events.extend(frame.events);
        if !more {
            return Ok(events);
        }
    }
}

fn by_seq(events: &[Event]) -> BTreeMap<u64, Event> {
    events.iter().map(|e| (e.seq, e.clone())).collect()
}
