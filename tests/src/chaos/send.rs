//! The sends: every participant writes until the run's budget of messages is spent (customers
//! their messages, agents replies and hidden notes), each under a fresh command id tried again
//! with that same id until it succeeds, as the apps' outboxes do through an outage. Now and
//! then an author replays one of their earlier commands, id and all, which must be answered as
//! the first time and append nothing.

use super::cast::{Cast, Participant};
use super::{Config, Random, NOTE_MARKER};
use crate::api::{new_command_id, note, post, ApiFailure};
use anyhow::{anyhow, bail, Result};
use openline_core::protocol::CommandReply;
use openline_core::{Command, CommandId, Viewer};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// The run's messages: handed out one at a time, counted as they succeed (the pace the drops
/// and restarts follow).
pub struct Budget {
    total: usize,
    handed_out: AtomicUsize,
    succeeded: AtomicUsize,
}

impl Budget {
    pub fn new(total: usize) -> Budget {
        Budget { total, handed_out: AtomicUsize::new(0), succeeded: AtomicUsize::new(0) }
    }

    pub fn total(&self) -> usize {
        self.total
    }

    pub fn succeeded(&self) -> usize {
        self.succeeded.load(Ordering::Relaxed)
    }

    /// The next message's number, while any is left.
    fn hand_out(&self) -> Option<usize> {
        let next = self.handed_out.fetch_add(1, Ordering::Relaxed);
        (next < self.total).then_some(next)
    }
}

/// A send that succeeded: what was sent, under which id, and the reply.
pub struct Sent {
    pub by: Arc<Participant>,
    pub text: String,
    pub internal: bool,
    pub id: CommandId,
    pub command: Command,
    pub reply: CommandReply,
}

/// What all senders did.
pub struct Sends {
    pub sent: Vec<Sent>,
    /// Sends that took more than one attempt (an outage in between), all under one id.
    pub retried: usize,
    pub replays: usize,
    /// Replays answered otherwise than the first time.
    pub replay_mismatches: Vec<String>,
}

/// One task per participant, writing until the budget is spent.
pub fn spawn_all(
    cast: &Cast,
    budget: &Arc<Budget>,
    config: &Config,
    random: &mut Random,
) -> Vec<JoinHandle<Result<Sender>>> {
    cast.participants()
        .map(|by| {
            let sender = Sender {
                by: by.clone(),
                budget: budget.clone(),
                random: random.fork(),
                replay_one_in: config.replay_one_in,
                sent: Vec::new(),
                retried: 0,
                replays: 0,
                replay_mismatches: Vec::new(),
            };
            tokio::spawn(sender.run())
        })
        .collect()
}

/// Waits for every sender; the first that failed fails the run.
pub async fn join_all(senders: Vec<JoinHandle<Result<Sender>>>) -> Result<Sends> {
    let mut sends =
        Sends { sent: Vec::new(), retried: 0, replays: 0, replay_mismatches: Vec::new() };
    for sender in senders {
        let sender = sender.await??;
        sends.sent.extend(sender.sent);
        sends.retried += sender.retried;
        sends.replays += sender.replays;
        sends.replay_mismatches.extend(sender.replay_mismatches);
    }
    Ok(sends)
}

pub struct Sender {
    by: Arc<Participant>,
    budget: Arc<Budget>,
    random: Random,
    replay_one_in: u64,
    sent: Vec<Sent>,
    retried: usize,
    replays: usize,
    replay_mismatches: Vec<String>,
}

impl Sender {
    async fn run(mut self) -> Result<Sender> {
        while let Some(number) = self.budget.hand_out() {
            let (text, internal) = self.compose(number);
            let command = if internal { note(&text) } else { post(&text) };
            let id = new_command_id();
            let what = format!("{}'s message {number}", self.by.name);
            let mut attempts = 0;
            let attempt = || {
                attempts += 1;
                self.by.send(id.clone(), command.clone())
            };
            let reply = until_accepted(&what, attempt).await?;
            self.retried += usize::from(attempts > 1);
            self.budget.succeeded.fetch_add(1, Ordering::Relaxed);
            self.sent.push(Sent { by: self.by.clone(), text, internal, id, command, reply });
            if self.random.one_in(self.replay_one_in) {
                self.replay_one().await?;
            }
        }
        Ok(self)
    }

    /// Message `number`'s text, unique in the run; an agent's is a hidden note one time in
    /// three, marked so that a copy of it anywhere a customer reads is found.
    fn compose(&mut self, number: usize) -> (String, bool) {
        let name = &self.by.name;
        match self.by.viewer() {
            Viewer::Customer => (format!("chaos {number}: {name} writes"), false),
            Viewer::Agent if self.random.one_in(3) => {
                (format!("{NOTE_MARKER} {number}: {name} notes"), true)
            }
            Viewer::Agent => (format!("chaos {number}: {name} replies"), false),
        }
    }

    /// Sends one of this author's earlier commands again with its id: from just now, or from
    /// before a drop or a restart.
    async fn replay_one(&mut self) -> Result<()> {
        let earlier = &self.sent[self.random.below(self.sent.len())];
        let what = format!("{}'s replay of {:?}", self.by.name, earlier.text);
        let send = || self.by.send(earlier.id.clone(), earlier.command.clone());
        let reply = until_accepted(&what, send).await?;
        self.replays += 1;
        if reply != earlier.reply {
            self.replay_mismatches.push(format!(
                "{what} was answered {:?}, the first time {:?}",
                reply.events, earlier.reply.events
            ));
        }
        Ok(())
    }
}

/// How long one attempt may take before it is given up and tried again.
const ATTEMPT: Duration = crate::wait::budget::API;
/// How long an outage may last (a restart: the old runtime stopped, the new one compiling).
const OUTAGE: Duration = Duration::from_secs(120);

/// Tries `attempt` until it succeeds, through an outage (no connection, no answer in time, a
/// 5xx, a 429), waiting a little longer each time. A refusal (any other 4xx) fails at once:
/// drops, restarts and replays must never cause one.
pub async fn until_accepted<T, F, Fut>(what: &str, mut attempt: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let started = Instant::now();
    let mut pause = Duration::from_millis(25);
    loop {
        let error = match tokio::time::timeout(ATTEMPT, attempt()).await {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(e)) if refused(&e) => return Err(e.context(what.to_owned())),
            Ok(Err(e)) => e,
            Err(_) => anyhow!("no answer within {} s", ATTEMPT.as_secs()),
        };
        if started.elapsed() > OUTAGE {
            bail!("{what}: still failing after {} s: {error:#}", OUTAGE.as_secs());
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(1));
    }
}

/// The server's refusal of the request itself, which trying again will not change.
fn refused(error: &anyhow::Error) -> bool {
    error.downcast_ref::<ApiFailure>().is_some_and(|f| f.status < 500 && f.status != 429)
}
