//! `cargo xtask chaos [--messages N] [--drops N] [--restarts N] [--customers N] [--agents N]
//! [--seed N]`: the full chaos run of issue 15 ("nothing is lost between two objects") on local
//! workerd, by the `chaos` program of the test harness (`tests/src/chaos/`). Prints
//! `chaos: <messages> messages, <drops> drops, <restarts> restarts, <lost> lost, <duplicated>
//! duplicated, <leaked> leaked` and fails on any loss, duplicate or leak. A short run is part
//! of `cargo xtask test` (`tests/e2e/chaos.rs`).

use crate::build;
use crate::run::{root, run};
use crate::tools;
use anyhow::Result;
use std::process::Command;

pub fn main(args: &[String]) -> Result<()> {
    tools::ensure_build_tools()?;
    build::build_all()?;
    run(Command::new("cargo")
        .args(["run", "--quiet", "-p", "openline-tests", "--bin", "chaos", "--"])
        .args(args)
        .current_dir(root()))
}
