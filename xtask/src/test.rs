//! `cargo xtask test`: every test, from fast to real.
//!
//! First formatting, then `core` natively (milliseconds), then the end-to-end suite in
//! `tests/`: the real Worker on workerd, real sockets and SQLite, and headless Chromium through
//! WebDriver. Extra arguments go to the end-to-end test binary (a name filter, say).

use crate::run::{root, run};
use crate::{build, tools};
use anyhow::Result;
use std::process::Command;

pub fn main(args: &[String]) -> Result<()> {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    build::build_all()?;
    run(Command::new("cargo").args(["fmt", "--all", "--check"]).current_dir(root()))?;
    run(Command::new("cargo").args(["test", "-p", "openline-core"]).current_dir(root()))?;
    run(Command::new("cargo")
        .args(["test", "-p", "openline-tests", "--"])
        .args(args)
        .current_dir(root()))
}
