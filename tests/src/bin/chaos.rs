//! `cargo xtask chaos`: the full chaos run (`openline_tests::chaos`) on an edge of its own.
//! Prints `chaos: <messages> messages, <drops> drops, <restarts> restarts, <lost> lost,
//! <duplicated> duplicated, <leaked> leaked` and fails on any loss, duplicate or leak.
//!
//! Flags (defaults: `Config::full`): `--messages N`, `--drops N`, `--restarts N`,
//! `--customers N`, `--agents N` (per dialog, 1 to 3), `--seed N` (to repeat a run's choices).

use anyhow::{bail, Context, Result};
use openline_tests::chaos::{self, Config};
use std::time::Instant;

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let config = config(&args)?;
    println!(
        "chaos: {} customers, {} agents each, seed {}",
        config.customers, config.agents_per_dialog, config.seed
    );
    let started = Instant::now();
    let outcome = chaos::run(config).await?;
    for problem in &outcome.problems {
        println!("  {problem}");
    }
    println!("{outcome}");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "({} sends tried again, {} replays, {seconds:.0} s)",
        outcome.retried, outcome.replays
    );
    if !outcome.clean() {
        bail!("chaos found losses, duplicates or leaks");
    }
    Ok(())
}

/// `Config::full`, with what the flags change.
fn config(args: &[String]) -> Result<Config> {
    let value = |name: &str| -> Result<Option<u64>> {
        let Some(i) = args.iter().position(|a| a == name) else { return Ok(None) };
        let text = args.get(i + 1).with_context(|| format!("{name} needs a number"))?;
        Ok(Some(text.parse().with_context(|| format!("{name} {text}"))?))
    };
    let mut config = Config::full();
    let count = |n: u64| n as usize;
    config.messages = value("--messages")?.map_or(config.messages, count);
    config.drops = value("--drops")?.map_or(config.drops, count);
    config.restarts = value("--restarts")?.map_or(config.restarts, count);
    config.customers = value("--customers")?.map_or(config.customers, count);
    config.agents_per_dialog = value("--agents")?.map_or(config.agents_per_dialog, count);
    config.seed = value("--seed")?.unwrap_or(config.seed);
    Ok(config)
}
