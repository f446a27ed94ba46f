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
    // The browser crates natively too: their unit tests are native code.
    let native = ["openline-core", "openline-browser", "openline-widget", "openline-agent"];
    let all_targets = [&native[..], &["openline-tests", "xtask"]].concat();
    cargo(
        &[
            &["clippy", "--quiet"],
            &packages(&all_targets)[..],
            &["--all-targets", "--", "-D", "warnings"],
        ]
        .concat(),
    )?;
    let wasm = ["openline-edge", "openline-browser", "openline-widget", "openline-agent"];
    let target = ["clippy", "--quiet", "--target", "wasm32-unknown-unknown"];
    cargo(&[&target[..], &packages(&wasm)[..], &["--", "-D", "warnings"]].concat())?;
    cargo(&["test", "--quiet", "-p", "xtask"])?;
    // The UIs' models and string tables are plain Rust and run natively too.
    cargo(&[&["test"], &packages(&native)[..]].concat())?;
    // `--show-output` prints what passing tests print: the security suite's summary line.
    run(Command::new("cargo")
        .args(["test", "-p", "openline-tests", "--", "--show-output"])
        .args(args)
        .current_dir(root()))
}

/// `-p name` for each package.
fn packages<'a>(names: &[&'a str]) -> Vec<&'a str> {
    names.iter().flat_map(|name| ["-p", *name]).collect()
}
