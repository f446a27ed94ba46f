//! `cargo xtask dev [--port N]`: the whole product on this machine.
//!
//! Builds, then runs the edge on workerd through the test harness's `serve` program (one way
//! to start the edge, shared with the tests), with state kept in `.openline/` across restarts.

use crate::run::{root, run};
use crate::{build, tools};
use anyhow::Result;
use std::process::Command;

pub fn main(args: &[String]) -> Result<()> {
    let port = flag_value(args, "--port").unwrap_or("8787");
    tools::ensure_build_tools()?;
    build::build_all()?;
    run(Command::new("cargo")
        .args(["run", "--quiet", "-p", "openline-tests", "--bin", "serve", "--"])
        .args(["--port", port, "--persist"])
        .arg(root().join(".openline"))
        .arg("--seed-demo")
        .current_dir(root()))
}

/// The value after `name` in `args`, as in `--port 8787`.
pub fn flag_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}
