//! Headless Chromium over WebDriver (Debian's chromium + chromedriver), with helpers split into
//! find, act and check. Helpers wait for elements instead of sleeping.

use crate::edge::free_port;
use crate::root;
use anyhow::{bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const PATIENCE: Duration = Duration::from_secs(20);

/// One chromedriver; each `page()` is a separate browser with its own profile (a customer and
/// an agent never share storage).
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub async fn start() -> Result<Driver> {
        let port = free_port()?;
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .context("starting chromedriver (cargo xtask test installs it)")?;
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                bail!("chromedriver did not listen on {port}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(driver)
    }

    pub async fn page(&self, width: u32, height: u32) -> Result<Page> {
        self.browser(width, height, None).await
    }

    /// A phone: Chromium's mobile emulation at `width`×`height` CSS pixels, touch and all
    /// (a desktop window cannot be narrower than 500 pixels).
    pub async fn phone(&self, width: u32, height: u32) -> Result<Page> {
        let metrics = json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 3.0, "touch": true } });
        self.browser(width.max(500), height, Some(metrics)).await
    }

    async fn browser(&self, width: u32, height: u32, mobile: Option<Value>) -> Result<Page> {
        let profile =
            std::env::temp_dir().join(format!("openline-chrome-{}", crate::edge::unique()));
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            // Without these Chromium keeps reaching for the internet, which is closed here.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--lang=en-US",
            &format!("--window-size={width},{height}"),
            &format!("--user-data-dir={}", profile.display()),
        ];
        let mut caps = serde_json::Map::new();
        let mut options = json!({ "binary": CHROMIUM, "args": args });
        if let Some(mobile) = mobile {
            options["mobileEmulation"] = mobile;
        }
        caps.insert("goog:chromeOptions".into(), options);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        Ok(Page { client })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Page {
    pub client: Client,
}

impl Page {
    // Find.

    pub async fn find(&self, css: &str) -> Result<Element> {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("no element `{css}` appeared"))
    }

    /// Waits until some element matching `css` contains `text`.
    pub async fn find_text(&self, css: &str, text: &str) -> Result<Element> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            for element in self.client.find_all(Locator::Css(css)).await? {
                if element.text().await.is_ok_and(|t| t.contains(text)) {
                    return Ok(element);
                }
            }
            if Instant::now() > deadline {
                bail!("no `{css}` with text {text:?} appeared");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + PATIENCE;
        while !self.client.find_all(Locator::Css(css)).await?.is_empty() {
            if Instant::now() > deadline {
                bail!("`{css}` is still there");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    // Act.

    pub async fn goto(&self, url: &str) -> Result<()> {
        Ok(self.client.goto(url).await?)
    }

    pub async fn click(&self, css: &str) -> Result<()> {
        self.find(css).await?.click().await?;
        Ok(())
    }

    /// Clicks `inner` inside the first `css` element containing `text`. Live lists re-render
    /// under the pointer, so a stale element is looked up again rather than failing.
    pub async fn click_in(&self, css: &str, text: &str, inner: &str) -> Result<()> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let attempt = async {
                let element = self.find_text(css, text).await?;
                element.find(Locator::Css(inner)).await?.click().await?;
                anyhow::Ok(())
            };
            match attempt.await {
                Ok(()) => return Ok(()),
                Err(e) if Instant::now() > deadline => return Err(e),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        self.find(css).await?.send_keys(text).await?;
        Ok(())
    }

    // Check.

    /// Saves a screenshot of the current page as `target/e2e/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let dir = root().join("target/e2e");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, self.client.screenshot().await?)?;
        Ok(path)
    }

    /// Runs axe-core on the current document (or frame) and fails on serious or critical
    /// violations, naming each.
    pub async fn check_accessibility(&self, screen: &str) -> Result<()> {
        let source = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js"))
            .context("axe-core is missing: run `cargo xtask test` (npm ci installs it)")?;
        self.client.execute(&format!("{source}\nreturn true;"), vec![]).await?;
        let script = "const done = arguments[arguments.length - 1];\
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => \
            ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))));";
        let violations = self.client.execute_async(script, vec![]).await?;
        let serious: Vec<&Value> = violations
            .as_array()
            .map(|all| {
                all.iter()
                    .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
                    .collect()
            })
            .unwrap_or_default();
        if !serious.is_empty() {
            bail!("axe-core on {screen}: {}", serde_json::to_string_pretty(&serious)?);
        }
        Ok(())
    }

    pub async fn close(self) -> Result<()> {
        Ok(self.client.close().await?)
    }
}
