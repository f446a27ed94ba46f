//! The disruptions, spread over the run by its progress (messages that succeeded): sockets
//! dropped at random, so many per message sent, and the runtime stopped and started again on
//! the same state at even intervals. Drops not done when the last message succeeds are done
//! then; the run's check waits for this task to finish.

use super::send::Budget;
use super::watch::Drops;
use super::{Config, Random};
use crate::edge::Edge;
use anyhow::{bail, Result};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// The disruption task, holding the edge while it runs.
pub struct Disruption {
    task: JoinHandle<Result<(Edge, usize)>>,
}

impl Disruption {
    /// Starts disrupting: `triggers` drop one socket each when notified.
    pub fn spawn(
        edge: Edge,
        config: &Config,
        budget: Arc<Budget>,
        drops: Arc<Drops>,
        triggers: Vec<Arc<Notify>>,
        random: Random,
    ) -> Disruption {
        let plan = Plan { restarts: config.restarts, budget, drops, triggers, random };
        Disruption { task: tokio::spawn(plan.run(edge)) }
    }

    /// Waits until every drop and restart is done: the edge back, and the restarts made.
    pub async fn finish(self) -> Result<(Edge, usize)> {
        self.task.await?
    }
}

/// How long the last drops may take after the last message succeeded.
const LAST_DROPS: Duration = Duration::from_secs(60);

struct Plan {
    restarts: usize,
    budget: Arc<Budget>,
    drops: Arc<Drops>,
    triggers: Vec<Arc<Notify>>,
    random: Random,
}

impl Plan {
    async fn run(mut self, mut edge: Edge) -> Result<(Edge, usize)> {
        let mut restarted = 0;
        let mut all_sent = None;
        let mut tick = tokio::time::interval(Duration::from_millis(10));
        loop {
            tick.tick().await;
            let (sent, total) = (self.budget.succeeded(), self.budget.total());
            // Restart `r` when (r + 1) / (restarts + 1) of the messages are through.
            if restarted < self.restarts && sent >= total * (restarted + 1) / (self.restarts + 1) {
                edge = restart(edge).await?;
                restarted += 1;
                continue;
            }
            let due = if sent >= total {
                self.drops.target()
            } else {
                self.drops.target() * sent / total
            };
            self.ask_for_drops(due.saturating_sub(self.drops.done()));
            if sent < total {
                continue;
            }
            if restarted == self.restarts && self.drops.done() == self.drops.target() {
                return Ok((edge, restarted));
            }
            let since = *all_sent.get_or_insert_with(Instant::now);
            if since.elapsed() > LAST_DROPS {
                let (done, target) = (self.drops.done(), self.drops.target());
                bail!(
                    "only {done} of {target} drops done {} s after the last message",
                    LAST_DROPS.as_secs()
                );
            }
        }
    }

    /// Asks `missing` sockets, picked at random, to drop (a socket reconnecting drops once it
    /// is back; `Drops` keeps the total to the run's).
    fn ask_for_drops(&mut self, missing: usize) {
        if self.triggers.is_empty() {
            return;
        }
        for _ in 0..missing.min(self.triggers.len()) {
            let pick = self.random.below(self.triggers.len());
            self.triggers[pick].notify_one();
        }
    }
}

/// Stops the runtime (its whole process group, as `Edge::restart` does) and starts it again on
/// the same state and port.
async fn restart(edge: Edge) -> Result<Edge> {
    // Stopping waits for the process group on a plain thread, not the runtime's.
    let mut edge = tokio::task::spawn_blocking(move || {
        let mut edge = edge;
        edge.stop();
        edge
    })
    .await?;
    edge.start_again().await?;
    Ok(edge)
}
