//! The console guard: a browser test fails when its page logs an error it did not expect — a
//! wasm panic (`RuntimeError: unreachable`), any other uncaught exception or rejection, a
//! `console.error`, a resource that failed to load — with the error's text and the page's URL.
//!
//! The errors come from chromedriver's browser log (the session asks for it with
//! `goog:loggingPrefs`), read through `POST /session/{id}/se/log`: every read returns the entries
//! since the last one. It holds the page's own frames and its same-process frames; the browser
//! runs without site isolation so that the chat's frame on a customer's site (another site)
//! logs there too (`Driver`).
//!
//! `Page` reads it at the points every test passes through: each screenshot and accessibility
//! check, a failed wait (the errors join the failure, often its cause), `Page::close`, and, for
//! a page never closed, when the `Page` is dropped at the end of the test.

use crate::wait::{budget, within};
use anyhow::{bail, Result};
use serde::Deserialize;
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Errors every page may log, each with the reason it is harmless. Empty is the goal: an error
/// the app or the edge can stop causing is fixed there, not listed here.
const HARMLESS: &[(&str, &str)] = &[];

/// One entry of chromedriver's browser log.
#[derive(Debug, Deserialize)]
pub struct Entry {
    pub level: String,
    /// `javascript` (uncaught), `console-api`, `network`, …
    #[serde(default)]
    pub source: String,
    pub message: String,
}

impl Entry {
    /// Errors only: `console.warn` and below do not fail a test.
    fn is_error(&self) -> bool {
        self.level == "SEVERE"
    }
}

/// The console of one browser session.
pub struct Console {
    http: reqwest::Client,
    /// `http://127.0.0.1:<driver>/session/<id>`.
    session: String,
    /// Errors this page's test provokes on purpose: (a part of the message, why).
    expected: Mutex<Vec<(String, String)>>,
    /// Errors were reported already (a failed check or wait), or the session is closed: the
    /// check at drop has nothing to add.
    done: AtomicBool,
}

impl Console {
    pub fn new(driver_port: u16, session_id: &str) -> Console {
        Console {
            http: reqwest::Client::new(),
            session: format!("http://127.0.0.1:{driver_port}/session/{session_id}"),
            expected: Mutex::new(Vec::new()),
            done: AtomicBool::new(false),
        }
    }

    /// Lets this page log errors containing `text`, because the test provokes them (`why`).
    pub fn expect(&self, text: &str, why: &str) {
        if let Ok(mut expected) = self.expected.lock() {
            expected.push((text.to_owned(), why.to_owned()));
        }
    }

    /// Fails with every unexpected error logged since the last read, naming `when` it was read.
    pub async fn check(&self, when: &str) -> Result<()> {
        let read = self.unexpected(&self.http);
        let errors = within("reading the browser's console", budget::COMMAND, read).await?;
        if errors.is_empty() {
            return Ok(());
        }
        self.done.store(true, Ordering::Relaxed);
        bail!("{}", self.describe(&self.http, &errors, when).await)
    }

    /// For a failed wait: the unexpected errors logged meanwhile, as a sentence to add, if any.
    pub async fn errors_meanwhile(&self) -> Option<String> {
        let read = tokio::time::timeout(budget::POLL * 50, self.unexpected(&self.http)).await;
        let errors = read.ok()?.ok()?;
        if errors.is_empty() {
            return None;
        }
        self.done.store(true, Ordering::Relaxed);
        Some(self.describe(&self.http, &errors, "by then").await)
    }

    /// The session is over (closed after a check): nothing is left to read.
    pub fn closed(&self) {
        self.done.store(true, Ordering::Relaxed);
    }

    /// The check of a page dropped without `close`. `Drop` cannot await, so the log is read from
    /// a thread of its own with a runtime and an HTTP client of its own (the pooled connections
    /// of `self.http` are served by the runtime this thread blocks), while this one waits; a log
    /// that cannot be read (chromedriver already gone) is passed over.
    pub fn check_at_drop(&self) {
        if self.done.load(Ordering::Relaxed) || std::thread::panicking() {
            return;
        }
        let failure = std::thread::scope(|scope| {
            let reading = scope.spawn(|| {
                let runtime =
                    tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
                let http = reqwest::Client::new();
                runtime.block_on(async {
                    let read = tokio::time::timeout(budget::COMMAND, self.unexpected(&http));
                    let errors = read.await.ok()?.ok()?;
                    if errors.is_empty() {
                        return None;
                    }
                    Some(self.describe(&http, &errors, "when the test ended").await)
                })
            });
            reading.join().ok().flatten()
        });
        if let Some(failure) = failure {
            panic!("{failure}");
        }
    }

    /// Reads the log and keeps the errors neither harmless nor expected.
    async fn unexpected(&self, http: &reqwest::Client) -> Result<Vec<Entry>> {
        let reply: serde_json::Value = http
            .post(format!("{}/se/log", self.session))
            .json(&json!({ "type": "browser" }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let entries: Vec<Entry> = serde_json::from_value(reply["value"].clone())?;
        Ok(self.without_expected(entries))
    }

    fn without_expected(&self, entries: Vec<Entry>) -> Vec<Entry> {
        let expected = self.expected.lock().map(|e| e.clone()).unwrap_or_default();
        let allowed = |entry: &Entry| {
            HARMLESS.iter().any(|(text, _)| entry.message.contains(text))
                || expected.iter().any(|(text, _)| entry.message.contains(text.as_str()))
        };
        entries.into_iter().filter(|e| e.is_error() && !allowed(e)).collect()
    }

    /// "the page logged N errors <when>, on <URL>:" and one line per error.
    async fn describe(&self, http: &reqwest::Client, errors: &[Entry], when: &str) -> String {
        let url = self.current_url(http).await.unwrap_or_else(|| "(its URL unknown)".into());
        let lines: Vec<String> =
            errors.iter().map(|e| format!("  [{}] {}", e.source, e.message)).collect();
        format!("the page logged {} error(s) {when}, on {url}:\n{}", errors.len(), lines.join("\n"))
    }

    async fn current_url(&self, http: &reqwest::Client) -> Option<String> {
        let read = http.get(format!("{}/url", self.session)).send();
        let reply = tokio::time::timeout(budget::POLL * 50, read).await.ok()?.ok()?;
        let value: serde_json::Value = reply.json().await.ok()?;
        value["value"].as_str().map(str::to_owned)
    }
}
