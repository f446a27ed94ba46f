//! Tidy checks that run as plain tests (`cargo test -p xtask`, part of `cargo xtask test`):
//! the habits of STYLE.md that a machine can check.

#[cfg(test)]
mod tests {
    use crate::run::root;
    use std::path::{Path, PathBuf};

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() && name != "target" && name != "node_modules" && name != "build" {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_rust_file_opens_with_a_module_doc() {
        let mut files = Vec::new();
        for crate_dir in ["core", "edge", "widget", "agent-app", "tests", "xtask"] {
            rust_files(&root().join(crate_dir), &mut files);
        }
        assert!(files.len() > 20, "found only {} files", files.len());
        let undocumented: Vec<_> = files
            .iter()
            .filter(|f| !std::fs::read_to_string(f).unwrap_or_default().starts_with("//!"))
            .collect();
        assert!(undocumented.is_empty(), "start these with a `//!` doc: {undocumented:?}");
    }

    #[test]
    fn core_depends_on_no_io_crate() {
        let manifest = std::fs::read_to_string(root().join("core/Cargo.toml")).unwrap_or_default();
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
        let lib = std::fs::read_to_string(root().join("edge/src/lib.rs")).unwrap_or_default();
        assert!(lib.contains("deny(clippy::unwrap_used, clippy::expect_used)"));
    }
}
