//! The harness: the real edge on workerd, started and stopped, and clients that speak its wire
//! protocol; the same harness serves `cargo xtask dev` (`bin/serve.rs`), the latency bench
//! (`bin/latency.rs`) and `cargo xtask chaos` (`bin/chaos.rs`). The tests themselves live in
//! `e2e/`.
//!
//! Layout:
//! - `edge`: `wrangler dev` on a free loopback port with its own persistence directory.
//! - `scene`: one shared edge per test binary, a fresh workspace per test, its demo shop.
//! - `demo`: the demo workspace every local run seeds (and each test's workspace copies).
//! - `api`: typed HTTP and WebSocket clients for the widget's and the agents' endpoints.
//! - `browser`: headless Chromium over WebDriver, screenshots, axe-core checks, and the console
//!   guard that fails a test on any error its page logs.
//! - `pages`: page objects for the widget and the agent app.
//! - `host`: a customer's website on another origin, for the widget's embedding tests.
//! - `wait`: `wait_until` and the budgets every wait uses.
//! - `chaos`: messages and notes under dropped sockets, restarts and replays, every view
//!   compared with the logs (issue 15).

pub mod api;
pub mod browser;
pub mod chaos;
pub mod demo;
pub mod edge;
pub mod host;
pub mod pages;
pub mod scene;
pub mod wait;

/// The workspace root (the parent of `tests/`).
pub fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default()
}
