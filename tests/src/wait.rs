//! Waiting, in one place: every poll of the harness and the tests goes through `wait_until`,
//! with a budget from `budget` and a sentence naming what it waited for, so a wait that runs
//! out fails in bounded time and says what never happened.

use anyhow::{anyhow, Result};
use std::future::Future;
use std::time::Duration;
use tokio::time::Instant;

/// How long each kind of wait may take. A run on a busy two-core machine is slow; a budget is
/// what the slowest healthy run needs with room to spare, never a sleep.
pub mod budget {
    use std::time::Duration;

    /// Something a page shows after an action (an element, a text, focus, an image).
    pub const PAGE: Duration = Duration::from_secs(20);
    /// A page's document loading (WebDriver's page-load timeout, strategy "eager": the
    /// document is parsed; frames and images load on their own and are waited for by what
    /// needs them).
    pub const PAGE_LOAD: Duration = Duration::from_secs(30);
    /// One WebDriver command that is not a navigation (a script, a click): the renderer
    /// answering at all.
    pub const COMMAND: Duration = Duration::from_secs(30);
    /// Something the edge should do at once (a frame on a socket, a row in an inbox).
    pub const API: Duration = Duration::from_secs(15);
    /// Something the runtime does by its own alarm a few seconds from now (auto-close, an
    /// unattached upload's removal, the next offer).
    pub const ALARM: Duration = Duration::from_secs(20);
    /// `wrangler dev` answering (the first request compiles the Worker's wasm).
    pub const EDGE_START: Duration = Duration::from_secs(90);
    /// chromedriver listening.
    pub const DRIVER_START: Duration = Duration::from_secs(20);
    /// Between two probes.
    pub const POLL: Duration = Duration::from_millis(100);
}

/// Calls `probe` until it returns `Ok(Some(value))`, then returns the value. `Ok(None)` means
/// "not yet"; an error is remembered and tried again (a stale element, a connection refused
/// while a server starts). Each probe is cut off at the deadline too, so a hanging call cannot
/// outlast the budget. Fails with "`what`: not within Ns" and the last error, if any.
pub async fn wait_until<T, F, Fut>(what: &str, budget: Duration, mut probe: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Option<T>>>,
{
    let started = Instant::now();
    let deadline = started + budget;
    let mut last_error = None;
    let mut tries = 0u32;
    loop {
        tries += 1;
        match tokio::time::timeout_at(deadline, probe()).await {
            Ok(Ok(Some(value))) => return Ok(value),
            Ok(Ok(None)) => {}
            Ok(Err(e)) => last_error = Some(e),
            Err(_) => {
                let before = last_error.take().map(|e| format!("; the one before: {e:#}"));
                last_error = Some(anyhow!(
                    "the last check was still running at the deadline{}",
                    before.unwrap_or_default()
                ))
            }
        }
        if Instant::now() + budget::POLL >= deadline {
            break;
        }
        tokio::time::sleep(budget::POLL).await;
    }
    let waited = started.elapsed().as_secs_f32();
    Err(match last_error {
        Some(e) => anyhow!("{what}: not within {waited:.1} s ({tries} checks); last: {e:#}"),
        None => anyhow!("{what}: not within {waited:.1} s ({tries} checks)"),
    })
}

/// Runs one step that must finish within `budget` (a navigation, a WebDriver command), failing
/// with "`what`: no answer within Ns" instead of hanging.
pub async fn within<T>(
    what: &str,
    budget: Duration,
    step: impl Future<Output = Result<T>>,
) -> Result<T> {
    match tokio::time::timeout(budget, step).await {
        Ok(result) => result.map_err(|e| anyhow!("{what}: {e:#}")),
        Err(_) => Err(anyhow!("{what}: no answer within {} s", budget.as_secs())),
    }
}
