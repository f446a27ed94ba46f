//! `cargo xtask test`: every test, from fast to real.
//!
//! First the cheap checks (the deployable bundle, formatting, clippy on native and wasm
//! targets, tidy), then `core`
//! natively (milliseconds), then the end-to-end suite in `tests/`: the real Worker on workerd,
//! real sockets and SQLite, and headless Chromium through WebDriver. Extra arguments go to the
//! end-to-end test binary (a name filter, say).

use crate::run::{root, run};
use crate::{build, tools};
use anyhow::Result;
use std::process::Command;

pub fn main(args: &[String]) -> Result<()> {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    build::build_all()?;
    // The deployable bundle builds (offline: `wrangler deploy --dry-run`). An absolute
    // `--outdir`: wrangler reads a relative one from the config's folder (`edge/`).
    run(Command::new(crate::run::node_bin("wrangler"))
        .args(["deploy", "-c", "edge/wrangler.toml", "--dry-run", "--outdir"])
        .arg(root().join("dist/deploy"))
        .env("WRANGLER_SEND_METRICS", "false")
        .current_dir(root()))?;
    let cargo = |args: &[&str]| run(Command::new("cargo").args(args).current_dir(root()));
    cargo(&["fmt", "--all", "--check"])?;
    cargo(&[
        "clippy",
        "--quiet",
        "-p",
        "openline-core",
        "-p",
        "openline-tests",
        "-p",
        "xtask",
        // The UIs natively too: their unit tests are native code.
        "-p",
        "openline-browser",
        "-p",
        "openline-widget",
        "-p",
        "openline-agent",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&[
        "clippy",
        "--quiet",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "openline-edge",
        "-p",
        "openline-browser",
        "-p",
        "openline-widget",
        "-p",
        "openline-agent",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&["test", "--quiet", "-p", "xtask"])?;
    // The UIs' models and string tables are plain Rust and run natively too.
    cargo(&[
        "test",
        "-p",
        "openline-core",
        "-p",
        "openline-browser",
        "-p",
        "openline-widget",
        "-p",
        "openline-agent",
    ])?;
    // `--show-output` prints what passing tests print: the security suite's summary line.
    run(Command::new("cargo")
        .args(["test", "-p", "openline-tests", "--", "--show-output"])
        .args(args)
        .current_dir(root()))
}
