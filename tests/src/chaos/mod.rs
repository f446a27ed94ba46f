//! Chaos (issue 15, "nothing is lost between two objects"): on the real edge, customers and
//! agents exchange messages and hidden notes while sockets are dropped at random, the runtime
//! restarts on the same state and commands are replayed with the same ids; at the end each
//! participant's view is compared with the dialog's log.
//!
//! `cargo xtask chaos` runs it in full (`bin/chaos.rs`); `e2e/chaos.rs` runs a short version.
//!
//! - `cast`: the participants (customers, and the demo agents answering each dialog) and what
//!   each does over the wire.
//! - `send`: the sends, each retried with its command id until it succeeds, some replayed.
//! - `watch`: each participant's socket, resumed from its last position after every drop.
//! - `disrupt`: the drops and restarts, spread over the run.
//! - `check`: the views, replies and sends against the log: what was lost, duplicated, leaked.

mod cast;
mod check;
mod disrupt;
mod send;
mod watch;

use crate::demo;
use crate::edge::{unique, Edge};
use anyhow::{bail, Context, Result};
use cast::Cast;
use disrupt::Disruption;
use send::Budget;
use std::sync::Arc;
use watch::{Drops, Watcher};

/// Marks every hidden note's text, so a copy of one anywhere a customer reads is found.
pub const NOTE_MARKER: &str = "HIDDEN-NOTE-7Q";

/// A chaos run: how many of each, and how hard.
#[derive(Clone, Debug)]
pub struct Config {
    /// Customers, each with a dialog of their own.
    pub customers: usize,
    /// Demo agents in each dialog (1 to 3): the first answers, then invites the others.
    pub agents_per_dialog: usize,
    /// Customer messages, agent replies and hidden notes sent in all.
    pub messages: usize,
    /// Sockets dropped abruptly, spread over the run.
    pub drops: usize,
    /// Restarts of the runtime on the same state, spread over the run.
    pub restarts: usize,
    /// After about one send in this many, its author replays one of their earlier commands.
    pub replay_one_in: u64,
    /// Seeds the random choices (which socket drops, notes or replies, which replays).
    pub seed: u64,
    /// Names the edge's state directory under `target/e2e/state/`.
    pub name: String,
}

impl Config {
    /// The full run of `cargo xtask chaos`: 1,000 drops and 2 restarts over a few minutes.
    pub fn full() -> Config {
        Config {
            customers: 6,
            agents_per_dialog: 2,
            messages: 20_000,
            drops: 1000,
            restarts: 2,
            replay_one_in: 10,
            seed: unique(),
            name: "chaos".into(),
        }
    }

    /// The short run of `cargo xtask test`: well under a minute.
    pub fn short() -> Config {
        Config {
            customers: 3,
            messages: 300,
            drops: 100,
            restarts: 1,
            name: "chaos-short".into(),
            ..Config::full()
        }
    }
}

/// What a run did and found. `Display` is the line `cargo xtask chaos` prints.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Sends that succeeded (each exactly once, however often it was tried).
    pub messages: usize,
    pub drops: usize,
    pub restarts: usize,
    /// Sends tried more than once (an outage in between), each under its one id.
    pub retried: usize,
    /// Commands replayed with their id after they had succeeded.
    pub replays: usize,
    pub lost: usize,
    pub duplicated: usize,
    pub leaked: usize,
    /// What the first losses, duplicates and leaks were, one line each.
    pub problems: Vec<String>,
}

impl Outcome {
    /// Nothing lost, duplicated or leaked.
    pub fn clean(&self) -> bool {
        self.lost == 0 && self.duplicated == 0 && self.leaked == 0
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "chaos: {} messages, {} drops, {} restarts, {} lost, {} duplicated, {} leaked",
            self.messages, self.drops, self.restarts, self.lost, self.duplicated, self.leaked
        )
    }
}

/// Runs chaos on an edge of its own and compares every view with the logs.
pub async fn run(config: Config) -> Result<Outcome> {
    if !(1..=3).contains(&config.agents_per_dialog) {
        bail!("agents_per_dialog is 1 to 3: the demo workspace has three agents");
    }
    // Many sends from one address, far above a person's pace: lift the per-visitor and
    // per-network limits, as the latency bench does.
    let vars = [("OPENLINE_CUSTOMER_BURST", "1000000"), ("OPENLINE_NETWORK_LIMIT", "off")];
    let edge = Edge::start_fresh_with(&config.name, &vars).await?;
    edge.seed(&demo::seed()).await?;
    let cast = Cast::gather(&edge, &config).await.context("gathering the cast")?;

    let mut random = Random::new(config.seed);
    let drops = Arc::new(Drops::new(config.drops));
    let watchers: Vec<Watcher> =
        cast.participants().map(|by| Watcher::spawn(by.clone(), drops.clone())).collect();
    let budget = Arc::new(Budget::new(config.messages));
    let senders = send::spawn_all(&cast, &budget, &config, &mut random);
    let triggers = watchers.iter().map(Watcher::trigger).collect();
    let disruption = Disruption::spawn(edge, &config, budget, drops.clone(), triggers, random);

    let sends = send::join_all(senders).await?;
    let (edge, restarts) = disruption.finish().await?;
    // The logs stand still now: every view must reach the end of its reader's part of them.
    let logs = check::read_logs(&cast).await?;
    let views = watch::settle(watchers, |by| logs[by.dialog].last_seen_by(by.viewer())).await;
    check::logs_stood_still(&cast, &logs).await?;
    let found = check::compare(&logs, &sends, &views);
    drop(edge);
    Ok(Outcome {
        messages: sends.sent.len(),
        drops: drops.done(),
        restarts,
        retried: sends.retried,
        replays: sends.replays,
        lost: found.lost.len(),
        duplicated: found.duplicated.len(),
        leaked: found.leaked.len(),
        problems: found.first_problems(20),
    })
}

/// A small deterministic generator (SplitMix64): the harness needs dice, not cryptography.
#[derive(Clone, Debug)]
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True about once in `n` calls.
    pub fn one_in(&mut self, n: u64) -> bool {
        n > 0 && self.next_u64().is_multiple_of(n)
    }

    /// Another generator, for a task of its own.
    pub fn fork(&mut self) -> Random {
        Random(self.next_u64())
    }
}
