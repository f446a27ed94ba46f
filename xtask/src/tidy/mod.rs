//! Tidy checks that run as plain tests (`cargo test -p xtask`, part of `cargo xtask test`): the
//! habits of `docs/STYLE.md` and the promises of `docs/` that a machine can check.
//!
//! Every exception list here only shrinks: a check fails when an entry is no longer needed, so
//! each list says what is still owed, why, and which issue pays it.

#![cfg(test)]

use crate::run::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a Rust file may be, in lines. A file past it holds more than one idea.
const MAX_LINES: usize = 600;

/// Rust files allowed past `MAX_LINES` today: (path, why, and the issue that splits it).
const LONG_FILES: &[(&str, &str)] =
    &[("tests/e2e/browser.rs", "the first browser tests; page objects split them (issue 14)")];

/// Files that may write raw HTML into a page (`inner_html` and kin): (path, why). The widget
/// writes its plain-HTML parts only through `html.rs`, whose `Html` is built by escaping
/// constructors and checked markup (issue 14), so a text left unescaped does not compile.
const HTML_SINKS: &[(&str, &str)] = &[(
    "browser/src/html.rs",
    "the safe-HTML type's sinks: `set`, `append` and `inner` (for `view!`) write an `Html`",
)];

/// Features that work but have no test named after them yet: (id, where they are tested). None.
const BUILT_WITHOUT_NAMED_TEST: &[(&str, &str)] = &[];

/// Import circles between folders known today, as printed by the check: (cycle, why). None.
const FOLDER_CYCLES: &[(&str, &str)] = &[];

/// Files below `dir` whose names end in one of `exts`, build output left out.
fn files_under(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let skipped = ["target", "node_modules", "build", "dist"].contains(&name.as_str());
        if path.is_dir() && !skipped && !name.starts_with('.') {
            files_under(&path, exts, out);
        } else if exts.iter().any(|e| name.ends_with(&format!(".{e}"))) {
            out.push(path);
        }
    }
}

/// The repository's top-level folders, sorted; hidden ones and build output left out.
fn top_folders() -> Vec<String> {
    let ignored = docs::ignored_folders();
    let mut names: Vec<String> = std::fs::read_dir(root())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !ignored.contains(n))
        .collect();
    names.sort();
    names
}

/// The top-level folders holding a crate (`core`, `edge`, …).
fn crates() -> Vec<String> {
    top_folders().into_iter().filter(|c| root().join(c).join("Cargo.toml").is_file()).collect()
}

/// Fails with `heading` and one line per problem, if there is any.
fn assert_none(heading: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{heading}:\n  {}", problems.join("\n  "));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// `path` relative to the repository, with `/` between parts.
fn rel(path: &Path) -> String {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let mut files = Vec::new();
    for crate_dir in ["core", "edge", "widget", "agent-app", "tests", "xtask"] {
        files_under(&root().join(crate_dir), &["rs"], &mut files);
    }
    assert!(files.len() > 20, "found only {} files", files.len());
    let undocumented: Vec<_> = files.iter().filter(|f| !read(f).starts_with("//!")).collect();
    assert!(undocumented.is_empty(), "start these with a `//!` doc: {undocumented:?}");
}

#[test]
fn core_depends_on_no_io_crate() {
    let manifest = read(&root().join("core/Cargo.toml"));
    let deps = manifest.split("[dependencies]").nth(1).unwrap_or_default();
    for io in [
        "worker",
        "tokio",
        "reqwest",
        "web-sys",
        "js-sys",
        "gloo",
        "leptos",
        "getrandom",
        "wasm-bindgen",
    ] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(io)),
            "core must stay free of I/O, but depends on {io}"
        );
    }
}

#[test]
fn the_edge_never_unwraps_on_request_paths() {
    let lib = read(&root().join("edge/src/lib.rs"));
    assert!(lib.contains("deny(clippy::unwrap_used, clippy::expect_used)"));
}

mod docs;
mod layout;
