//! Builds the three wasm artefacts and lays out what the Worker serves.
//!
//! Output:
//! - `dist/public/`: `widget.js` (the embed loader), `widget/` (the chat iframe), `app/` (the
//!   agent app), `demo/` (a host page with the snippet). Served by wrangler's assets binding.
//! - `edge/build/`: the Worker (worker-build's output), named by `edge/wrangler.toml`.
//!
//! Each post-processing step (wasm-bindgen, wasm-opt, worker-build) is skipped when its output
//! is newer than its input, so a rebuild with no change takes seconds.

use crate::run::{cargo_bin, is_fresh, node_bin, root, run};
use crate::tools;
use anyhow::{Context, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// A Leptos front end: its crate, the name wasm-bindgen gives its output, its folder in `dist`.
struct FrontEnd {
    package: &'static str,
    out_name: &'static str,
    folder: &'static str,
    source: &'static str,
}

const FRONT_ENDS: [FrontEnd; 2] = [
    FrontEnd { package: "openline-widget", out_name: "widget", folder: "widget", source: "widget" },
    FrontEnd { package: "openline-agent", out_name: "app", folder: "app", source: "agent-app" },
];

/// `cargo xtask build`.
pub fn main() -> Result<()> {
    tools::ensure_build_tools()?;
    build_all()
}

pub fn dist() -> PathBuf {
    root().join("dist/public")
}

pub fn build_all() -> Result<()> {
    build_front_ends()?;
    copy_static_files()?;
    build_edge()
}

fn build_front_ends() -> Result<()> {
    let mut cargo = Command::new("cargo");
    cargo.args(["build", "--target", WASM_TARGET, "--profile", "wasm"]).current_dir(root());
    for fe in &FRONT_ENDS {
        cargo.args(["-p", fe.package]);
    }
    run(&mut cargo)?;
    for fe in &FRONT_ENDS {
        let wasm = root().join(format!("target/{WASM_TARGET}/wasm/{}.wasm", fe.package));
        let out_dir = dist().join(fe.folder);
        let bg = out_dir.join(format!("{}_bg.wasm", fe.out_name));
        if is_fresh(&bg, std::slice::from_ref(&wasm)) {
            continue;
        }
        run(Command::new(cargo_bin("wasm-bindgen"))
            .args(["--target", "web", "--no-typescript", "--out-name", fe.out_name, "--out-dir"])
            .arg(&out_dir)
            .arg(&wasm))?;
        // npm's binaryen, never Debian's: its wasm-opt 108 emits modules browsers reject.
        // Leptos always links server_fn, whose stream adapters (`IntoUnderlying*`, for
        // streaming server functions) are wasm exports the UIs never call: removed first, their
        // code goes too (4 KB). `--low-memory-unused` lets it fold pointer arithmetic into
        // offsets: Rust's stack fills the first megabyte from the top down, so the first
        // kilobyte is never in use.
        run(Command::new(node_bin("wasm-opt"))
            .args([
                "--remove-exports",
                "--pass-arg=remove-exports@*intounderlying*",
                "-Oz",
                "--converge",
                "--low-memory-unused",
                "--strip-debug",
                "--strip-producers",
            ])
            .arg(&bg)
            .arg("-o")
            .arg(&bg))?;
        // wasm-bindgen's glue is readable JavaScript; minified it is a quarter smaller gzipped.
        let glue = out_dir.join(format!("{}.js", fe.out_name));
        let text = fs::read_to_string(&glue).with_context(|| glue.display().to_string())?;
        fs::write(&glue, without_stream_adapters(&text)?)?;
        run(Command::new(node_bin("esbuild"))
            .arg(&glue)
            .args(["--minify", "--format=esm", "--target=es2020", "--log-level=warning"])
            .arg("--allow-overwrite")
            .arg(format!("--outfile={}", glue.display())))?;
    }
    Ok(())
}

/// The glue without the JavaScript side of server_fn's stream adapters, whose wasm exports
/// are removed above (nothing calls them): their three classes and finalization registries,
/// about 300 bytes brotli. Fails if the glue's shape changed, rather than leave a half.
fn without_stream_adapters(glue: &str) -> Result<String> {
    const CLASS: &str = "export class IntoUnderlying";
    const REGISTRY: &str = "const IntoUnderlying";
    let mut kept = String::with_capacity(glue.len());
    let mut lines = glue.split_inclusive('\n');
    while let Some(line) = lines.next() {
        if line.starts_with(CLASS) {
            // The class runs to its `Symbol.dispose` line.
            lines.by_ref().find(|l| l.starts_with("if (Symbol.dispose) IntoUnderlying"));
        } else if line.starts_with(REGISTRY) {
            // `= (typeof FinalizationRegistry === 'undefined')`, then its two branches.
            lines.by_ref().take(2).for_each(drop);
        } else {
            kept.push_str(line);
        }
    }
    anyhow::ensure!(
        !kept.contains("IntoUnderlying"),
        "wasm-bindgen's glue changed shape: update without_stream_adapters"
    );
    Ok(kept)
}

fn copy_static_files() -> Result<()> {
    for fe in &FRONT_ENDS {
        let (from, to) = (root().join(fe.source).join("static"), dist().join(fe.folder));
        copy_dir(&from, &to, &["loader.js"])?;
        // Comments and indentation are a quarter of the stylesheet, even compressed.
        minify(&from.join("style.css"), &to.join("style.css"), &[])?;
        minify(&from.join("boot.js"), &to.join("boot.js"), &["--format=esm"])?;
    }
    copy_dir(&root().join("edge/static"), &dist(), &[])?;
    // The loader is the whole cost of a page view: minified, it is a few hundred bytes.
    minify(&root().join("widget/static/loader.js"), &dist().join("widget.js"), &["--target=es2017"])
}

/// esbuild's `--minify` of one CSS or JavaScript file into `to`, with extra `args`.
fn minify(from: &Path, to: &Path, args: &[&str]) -> Result<()> {
    run(Command::new(node_bin("esbuild"))
        .arg(from)
        .args(["--minify", "--log-level=warning", "--allow-overwrite"])
        .args(args)
        .arg(format!("--outfile={}", to.display())))
}

/// Copies every file below `from` into `to`, keeping sub-folders, except names in `skip`.
fn copy_dir(from: &Path, to: &Path, skip: &[&str]) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        if skip.iter().any(|s| name == **s) {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target, skip)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The same `cargo build` worker-build runs (so the artefact is shared), then worker-build only
/// when the wasm changed. worker-build would download wasm-bindgen and wasm-opt from the
/// internet; the environment points it at the local ones instead.
fn build_edge() -> Result<()> {
    let edge = root().join("edge");
    run(Command::new("cargo")
        .args(["build", "--lib", "--release", "--target", WASM_TARGET])
        .env("WASM_BINDGEN_USE_JS_SYS", "1")
        .current_dir(&edge))?;
    let wasm = root().join(format!("target/{WASM_TARGET}/release/openline_edge.wasm"));
    if is_fresh(&edge.join("build/index_bg.wasm"), &[wasm]) {
        return Ok(());
    }
    run(Command::new(cargo_bin("worker-build"))
        .arg("--release")
        .env("WASM_BINDGEN_BIN", cargo_bin("wasm-bindgen"))
        .env("WASM_OPT_BIN", node_bin("wasm-opt"))
        .env("ESBUILD_BIN", node_bin("esbuild"))
        .current_dir(&edge))
}

/// `cargo xtask deploy [args]`: build, then `wrangler deploy` with the given arguments.
pub fn deploy(args: &[String]) -> Result<()> {
    // `cargo xtask deploy -- --dry-run`: the `--` only separates our arguments from cargo's.
    let args = args.strip_prefix(&["--".to_owned()]).unwrap_or(args);
    main()?;
    run(Command::new(node_bin("wrangler"))
        .args(["deploy", "-c", "edge/wrangler.toml"])
        .args(args)
        .current_dir(root()))
}
