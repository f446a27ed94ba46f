//! Installs what the build needs, each step only when the right version is missing.
//!
//! Versions are pinned where a mismatch breaks the build (TOOLCHAIN.md): wasm-bindgen's CLI
//! must equal the `wasm-bindgen` crate pinned in the workspace; worker-build 0.8.7 goes with
//! `worker` 0.8.7; the npm tools come from `package-lock.json`.

use crate::run::{cargo_bin, node_bin, output, root, run};
use anyhow::{bail, Result};
use std::path::Path;
use std::process::Command;

pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const WORKER_BUILD_VERSION: &str = "0.8.7";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything `build` needs.
pub fn ensure_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", WASM_BINDGEN_VERSION, false)?;
    ensure_cargo_tool("worker-build", "worker-build", WORKER_BUILD_VERSION, true)?;
    ensure_npm_packages()
}

fn ensure_wasm_target() -> Result<()> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// `locked`: wasm-bindgen-cli's own lockfile names a crate version the registry lacks, so it
/// installs without `--locked`; worker-build installs with it.
fn ensure_cargo_tool(bin: &str, package: &str, version: &str, locked: bool) -> Result<()> {
    let found = output(Command::new(cargo_bin(bin)).arg("--version")).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    let mut cmd = Command::new("cargo");
    cmd.args(["install", package, "--version", version]);
    if locked {
        cmd.arg("--locked");
    }
    run(&mut cmd)
}

fn ensure_npm_packages() -> Result<()> {
    let root = root();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    if crate::run::is_fresh(&stamp, std::slice::from_ref(&lock)) && node_bin("wrangler").exists() {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&root))
}

/// Debian's Chromium and ChromeDriver (no test tool may download a browser here).
pub fn ensure_browser() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    let sudo: &[&str] = if is_root { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let mut cmd = Command::new(sudo.first().copied().unwrap_or("apt-get"));
        if !sudo.is_empty() {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update"])?;
    apt(&["install", "-y", "chromium", "chromium-driver"])?;
    if !Path::new(CHROMEDRIVER).exists() {
        bail!("chromium-driver installed but {CHROMEDRIVER} is missing");
    }
    Ok(())
}
