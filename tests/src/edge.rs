//! The real edge: `wrangler dev` (workerd) on the prebuilt Worker and assets.
//!
//! Each `Edge` gets a free loopback port, its own inspector port and its own persistence
//! directory, so tests run side by side. The server runs in its own process group and is
//! stopped with SIGTERM to the group (then SIGKILL), as wrangler starts workerd as a child.
//!
//! While it runs, a heartbeat sends a `HEAD /widget.js` every 750 ms. `wrangler dev` (4.86)
//! puts every request through its ProxyWorker, which forwards it to the Worker's own workerd
//! over a pooled keep-alive connection. When that connection is closed by the other side just
//! as a request is written on it (kj's 5 s idle timeout), the ProxyWorker takes the failure
//! for a restart of the Worker: a POST is answered 503 "Your worker restarted mid-request", and
//! a GET or HEAD is parked in a retry queue that is only drained when the next request
//! arrives (workers-sdk issues #14641, #14593, fixed in part by PR #15252). A page whose
//! loading waits on such a GET (the chat's `widget.js`) then waits for whoever talks to the
//! edge next: 25 s once, or until WebDriver's 300 s page-load timeout. The heartbeat is that
//! next request, so a parked GET waits under a second.

use crate::root;
use crate::wait::{budget, wait_until};
use anyhow::{anyhow, bail, Context, Result};
use openline_core::protocol::DevSeedRequest;
use std::io::Write;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Edge {
    child: Option<Child>,
    /// Set to stop the heartbeat of the running `wrangler dev`.
    heartbeat: Option<Arc<AtomicBool>>,
    pub port: u16,
    persist: PathBuf,
    secret: String,
    vars: Vec<(String, String)>,
}

pub struct EdgeConfig {
    /// `None`: any free port.
    pub port: Option<u16>,
    pub persist: PathBuf,
    /// Signs every token; keep it to keep sessions valid across restarts.
    pub secret: String,
    /// More Worker variables (`NAME`, `value`), e.g. a larger customer burst for the bench.
    pub vars: Vec<(String, String)>,
}

impl Edge {
    /// Starts the edge and waits until it answers.
    pub async fn start(config: EdgeConfig) -> Result<Edge> {
        let port = match config.port {
            Some(port) => port,
            None => free_port()?,
        };
        let mut edge = Edge {
            child: None,
            heartbeat: None,
            port,
            persist: config.persist,
            secret: config.secret,
            vars: config.vars,
        };
        // A port found free may be taken before wrangler binds it (browsers and other edges
        // start alongside): then try another, when the port was ours to choose.
        let mut tries = if config.port.is_some() { 1 } else { 3 };
        loop {
            edge.spawn()?;
            match edge.wait_ready().await {
                Ok(()) => return Ok(edge),
                Err(_) if tries > 1 && edge.port_was_taken() => {
                    tries -= 1;
                    edge.stop();
                    edge.port = free_port()?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Whether wrangler gave up because an address it wanted was in use.
    fn port_was_taken(&self) -> bool {
        std::fs::read_to_string(self.log_path())
            .is_ok_and(|log| log.contains("Address already in use"))
    }

    /// A fresh edge with a fresh state directory under `target/e2e/`, named after the test.
    pub async fn start_fresh(name: &str) -> Result<Edge> {
        Edge::start_fresh_with(name, &[]).await
    }

    /// Like `start_fresh`, with more Worker variables.
    pub async fn start_fresh_with(name: &str, vars: &[(&str, &str)]) -> Result<Edge> {
        let persist =
            root().join("target/e2e/state").join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&persist);
        std::fs::create_dir_all(&persist)?;
        let secret = format!("test-secret-{}-{}", std::process::id(), unique());
        let vars = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Edge::start(EdgeConfig { port: None, persist, secret, vars }).await
    }

    /// The secret this edge signs tokens with (to forge expired or tampered ones in tests).
    pub fn secret(&self) -> &str {
        &self.secret
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn ws_url(&self, path: &str) -> String {
        format!("ws://127.0.0.1:{}{path}", self.port)
    }

    /// Stops the runtime, as a crash or a deploy would, and starts it again on the same state.
    pub async fn restart(&mut self) -> Result<()> {
        self.stop();
        self.start_again().await
    }

    /// Starts a stopped edge again on the same port and state (an outage ends).
    pub async fn start_again(&mut self) -> Result<()> {
        self.spawn()?;
        self.wait_ready().await
    }

    /// Seeds a workspace. Seeding is idempotent, so a 503 (wrangler reloading the Worker
    /// because its files changed under it) is simply tried again.
    pub async fn seed(&self, seed: &DevSeedRequest) -> Result<()> {
        let client = reqwest::Client::new();
        let what = format!("seeding workspace `{}`", seed.workspace);
        let outcome = wait_until(&what, budget::API, || {
            let request = client.post(self.url("/api/dev/seed")).json(seed).send();
            async move {
                let response = request.await?;
                Ok(match response.status().as_u16() {
                    200..=299 => Some(Ok(())),
                    503 => None,
                    status => Some(Err(anyhow!("{status} {}", response.text().await?))),
                })
            }
        })
        .await;
        outcome.and_then(|seeded| seeded).with_context(|| format!("seeding `{}`", seed.workspace))
    }

    fn spawn(&mut self) -> Result<()> {
        let inspector = free_port()?;
        // Appended: a restart keeps what the runtime said before it.
        let log = std::fs::OpenOptions::new().create(true).append(true).open(self.log_path())?;
        let wrangler = root().join("node_modules/.bin/wrangler");
        if !wrangler.exists() {
            bail!(
                "{} is missing: run `cargo xtask test` (it installs and builds)",
                wrangler.display()
            );
        }
        if !root().join("edge/build/index.js").exists() {
            bail!("the Worker is not built: run `cargo xtask test` or `cargo xtask build`");
        }
        let child = Command::new(wrangler)
            .args(["dev", "-c", "edge/wrangler.toml", "--local", "--ip", "127.0.0.1"])
            .args(["--port", &self.port.to_string(), "--inspector-port", &inspector.to_string()])
            .arg("--persist-to")
            .arg(&self.persist)
            .arg("--show-interactive-dev-session=false")
            .args(["--var", &format!("OPENLINE_SECRET:{}", self.secret)])
            .args(["--var", "OPENLINE_DEV_SEED:true"])
            .args(self.vars.iter().flat_map(|(k, v)| ["--var".to_owned(), format!("{k}:{v}")]))
            .env("WRANGLER_SEND_METRICS", "false")
            .env("WRANGLER_SEND_ERROR_REPORTS", "false")
            .env("CLOUDFLARE_CF_FETCH_ENABLED", "false")
            .env("CI", "true")
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0)
            .spawn()
            .context("starting wrangler")?;
        record_start(&self.persist, self.port);
        self.child = Some(child);
        self.heartbeat = Some(heartbeat(self.port));
        Ok(())
    }

    /// Polls `/api/health`; the first request also compiles the Worker's wasm. Fails at once
    /// if wrangler exits.
    async fn wait_ready(&mut self) -> Result<()> {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
        let what = format!("the edge on port {} answering /api/health", self.port);
        let log = self.log_path();
        let health = self.url("/api/health");
        let child = &mut self.child;
        let outcome = wait_until(&what, budget::EDGE_START, || {
            let exited = child.as_mut().map(|c| c.try_wait());
            let request = client.get(&health).send();
            async move {
                if let Some(Ok(Some(status))) = exited {
                    return Ok(Some(Err(anyhow!("wrangler exited with {status}"))));
                }
                Ok(request.await?.status().is_success().then_some(Ok(())))
            }
        })
        .await;
        outcome.and_then(|ready| ready).with_context(|| format!("see {}", log.display()))
    }

    /// The process group of the running `wrangler dev` (its id), if it runs.
    pub fn group(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    pub fn log_path(&self) -> PathBuf {
        self.persist.join("wrangler.log")
    }

    pub fn persist_dir(&self) -> &Path {
        &self.persist
    }

    /// SIGTERM to the whole group, then SIGKILL if it lingers.
    pub fn stop(&mut self) {
        if let Some(beat) = self.heartbeat.take() {
            beat.store(true, Ordering::Relaxed);
        }
        let Some(mut child) = self.child.take() else { return };
        let group = child.id();
        signal_group(group, "TERM");
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(child.try_wait(), Ok(Some(_))) {
                signal_group(group, "KILL");
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        signal_group(group, "KILL");
        let _ = child.wait();
    }
}

impl Drop for Edge {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `kill -s SIGNAL -- -GROUP`: the whole group, workerd included. The command keeps the
/// harness free of `unsafe`.
pub fn signal_group(group: u32, signal: &str) {
    let _ = Command::new("kill")
        .args(["-s", signal, "--", &format!("-{group}")])
        .stderr(Stdio::null())
        .status();
}

/// Sends `HEAD /widget.js` to `port` every 750 ms until the flag returned is set (see the
/// module's note: it drains the ProxyWorker's queue of parked GETs). A static asset, so the
/// Worker itself does no work for it; 750 ms, not a divisor of the 5 s idle timeout.
fn heartbeat(port: u16) -> Arc<AtomicBool> {
    use std::io::Read;
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    std::thread::spawn(move || {
        let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        let request = format!(
            "HEAD /widget.js HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        );
        while !stopped.load(Ordering::Relaxed) {
            if let Ok(mut stream) =
                std::net::TcpStream::connect_timeout(&address, Duration::from_secs(1))
            {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                if stream.write_all(request.as_bytes()).is_ok() {
                    // A HEAD's reply is its head: read to its blank line, not to a close.
                    let (mut head, mut buffer) = (Vec::new(), [0u8; 1024]);
                    while let Ok(n @ 1..) = stream.read(&mut buffer) {
                        head.extend_from_slice(&buffer[..n]);
                        if head.windows(4).any(|w| w == b"\r\n\r\n") {
                            break;
                        }
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(750));
        }
    });
    stop
}

/// Each start of `wrangler dev`, one line in `target/e2e/wrangler-starts.log` (the test
/// process, the state directory, the port), to count them.
fn record_start(persist: &Path, port: u16) {
    let path = root().join("target/e2e/wrangler-starts.log");
    let _ = std::fs::create_dir_all(root().join("target/e2e"));
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = writeln!(file, "{} {} {port}", std::process::id(), persist.display());
    }
}

pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A number that differs between calls in one process, for unique names.
pub fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    nanos + NEXT.fetch_add(1, Ordering::Relaxed)
}
