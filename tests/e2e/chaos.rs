//! Nothing is lost between two objects (issue 15), the short run of `cargo xtask chaos`:
//! customers and agents exchange messages and hidden notes while sockets drop at random, the
//! runtime restarts on the same state and commands are replayed with their ids; every view,
//! reply and history is then compared with the dialogs' logs (`openline_tests::chaos`).
//!
//! It starts an edge of its own: it restarts the runtime.

use anyhow::Result;
use openline_tests::chaos::{self, Config};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn w3_c6_nothing_is_lost_duplicated_or_leaked_through_drops_restarts_and_replays(
) -> Result<()> {
    let config = Config::short();
    let outcome = chaos::run(config.clone()).await?;
    for problem in &outcome.problems {
        println!("  {problem}");
    }
    println!("{outcome} ({} sends tried again, {} replays)", outcome.retried, outcome.replays);
    let done = (outcome.messages, outcome.drops, outcome.restarts);
    assert_eq!(
        done,
        (config.messages, config.drops, config.restarts),
        "the run did less than asked"
    );
    assert!(outcome.retried > 0, "no send was tried again through the restart");
    assert!(outcome.replays > 0, "no command was replayed");
    assert!(outcome.clean(), "{outcome}");
    Ok(())
}
