//! Headless Chromium over WebDriver (Debian's chromium + chromedriver), with helpers split into
//! find, act and check. Every helper waits through `wait::wait_until` and every navigation and
//! command is bounded (`wait::budget`), so a page that never settles fails in seconds with a
//! message naming what it waited for, instead of at Chromium's 300 s renderer time-out.
//!
//! Sessions use the "eager" page-load strategy: a navigation returns once the document is
//! parsed, not when every frame and image has loaded. The widget's loader makes the chat's
//! iframe hidden, ahead of a click, on the pages of a visitor with a conversation; with the
//! "normal" strategy a reload of such a page waited for that whole frame (its document, glue
//! script and wasm) before WebDriver answered, and one slow asset held the reload for as long
//! as the page-load timeout (300 s by default). Tests wait for the elements they need instead.
//!
//! Every page is watched by the console guard (`console`): an error it logs and its test did
//! not expect fails the test.

mod console;

use crate::edge::free_port;
use crate::root;
use crate::wait::{budget, wait_until, within};
use anyhow::{bail, Context, Result};
use console::Console;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// WebDriver's keys.
pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const END: &str = "\u{E010}";
    pub const HOME: &str = "\u{E011}";
    pub const RIGHT: &str = "\u{E014}";
    pub const DOWN: &str = "\u{E015}";
}

/// One chromedriver; each `page()` is a separate browser with its own profile (a customer and
/// an agent never share storage). Dropping it ends chromedriver's whole process group, the
/// browsers it started included (a failed test leaves no Chromium behind).
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
        wait_until(&format!("chromedriver listening on port {port}"), budget::DRIVER_START, || {
            let up = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
            async move { Ok(up.then_some(())) }
        })
        .await?;
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
            // A frame from another site (the chat on a customer's site) would run in a process
            // of its own, whose console chromedriver's log never sees; the console guard needs
            // it. Only processes change: origins, storage and policies stay apart.
            "--disable-site-isolation-trials",
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
        // The console guard reads the browser's log.
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        // Navigations return once the document is parsed, and none may take longer than the
        // budget (WebDriver's default is 300 s); scripts likewise.
        caps.insert("pageLoadStrategy".into(), json!("eager"));
        caps.insert(
            "timeouts".into(),
            json!({
                "pageLoad": budget::PAGE_LOAD.as_millis() as u64,
                "script": budget::COMMAND.as_millis() as u64,
                "implicit": 0,
            }),
        );
        let driver = format!("http://127.0.0.1:{}", self.port);
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(caps);
        let client = within("starting a Chromium session", budget::PAGE_LOAD, async {
            Ok(builder.connect(&driver).await?)
        })
        .await?;
        let session = client.session_id().await?.context("a WebDriver session without an id")?;
        Ok(Page { client, console: Console::new(self.port, &session) })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        crate::edge::signal_group(self.child.id(), "KILL");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Page {
    pub client: Client,
    console: Console,
}

/// A page never closed is checked when its test lets go of it.
impl Drop for Page {
    fn drop(&mut self) {
        self.console.check_at_drop();
    }
}

impl Page {
    // Find.

    /// Waits until an element matches `css` in the current document (or frame).
    pub async fn find(&self, css: &str) -> Result<Element> {
        let found =
            wait_until(&format!("an element `{css}` on the page"), budget::PAGE, || async move {
                Ok(self.client.find_all(Locator::Css(css)).await?.into_iter().next())
            })
            .await;
        self.shot_on_failure(found).await
    }

    /// Waits until some element matching `css` contains `text`.
    pub async fn find_text(&self, css: &str, text: &str) -> Result<Element> {
        let outcome =
            wait_until(&format!("a `{css}` with text {text:?}"), budget::PAGE, || async move {
                for element in self.client.find_all(Locator::Css(css)).await? {
                    if element.text().await.is_ok_and(|t| t.contains(text)) {
                        return Ok(Some(element));
                    }
                }
                Ok(None)
            })
            .await;
        self.shot_on_failure(outcome).await
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        let outcome =
            wait_until(&format!("`{css}` gone from the page"), budget::PAGE, || async move {
                Ok(self.client.find_all(Locator::Css(css)).await?.is_empty().then_some(()))
            })
            .await;
        self.shot_on_failure(outcome).await
    }

    /// Waits until no element matching `css` contains `text`.
    pub async fn wait_text_gone(&self, css: &str, text: &str) -> Result<()> {
        let outcome =
            wait_until(&format!("no `{css}` with text {text:?}"), budget::PAGE, || async move {
                for element in self.client.find_all(Locator::Css(css)).await? {
                    if element.text().await.is_ok_and(|t| t.contains(text)) {
                        return Ok(None);
                    }
                }
                Ok(Some(()))
            })
            .await;
        self.shot_on_failure(outcome).await
    }

    /// Whether any element matches `css` now (after a positive signal that it would be there).
    pub async fn exists(&self, css: &str) -> Result<bool> {
        let found = within(&format!("looking for `{css}`"), budget::COMMAND, async {
            Ok(self.client.find_all(Locator::Css(css)).await?)
        })
        .await?;
        Ok(!found.is_empty())
    }

    /// The `value` of an input.
    pub async fn value(&self, css: &str) -> Result<String> {
        Ok(self.find(css).await?.prop("value").await?.unwrap_or_default())
    }

    /// The id of the focused element.
    pub async fn focused_id(&self) -> Result<String> {
        let id = self.eval("return document.activeElement && document.activeElement.id;").await?;
        Ok(id.as_str().unwrap_or_default().to_owned())
    }

    // Act.

    /// Loads `url`: bounded by the page-load budget, returning once the document is parsed and
    /// its stylesheets have loaded (what a screenshot or a contrast check needs), not waiting
    /// for frames or images.
    pub async fn goto(&self, url: &str) -> Result<()> {
        within(&format!("loading {url}"), budget::PAGE_LOAD + budget::POLL, async {
            Ok(self.client.goto(url).await?)
        })
        .await?;
        self.wait_styled(url).await
    }

    /// Reloads the current page, bounded like `goto`.
    pub async fn reload(&self) -> Result<()> {
        let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        within(&format!("reloading {url}"), budget::PAGE_LOAD + budget::POLL, async {
            Ok(self.client.refresh().await?)
        })
        .await?;
        self.wait_styled(&url).await
    }

    /// Waits until the document is parsed and each of its stylesheets has loaded.
    async fn wait_styled(&self, url: &str) -> Result<()> {
        let script = "return document.readyState !== 'loading' && \
            [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet !== null);";
        let what = format!("{url}: the document parsed, its stylesheets loaded");
        self.eval_until(&what, script, |v| v == &json!(true)).await?;
        Ok(())
    }

    /// Clicks the element `css`, looking it up again while the page redraws it (a stale
    /// element, one not yet clickable).
    pub async fn click(&self, css: &str) -> Result<()> {
        let outcome = wait_until(&format!("clicking `{css}`"), budget::PAGE, || async move {
            let Some(element) = self.client.find_all(Locator::Css(css)).await?.into_iter().next()
            else {
                return Ok(None);
            };
            element.click().await?;
            Ok(Some(()))
        })
        .await;
        self.shot_on_failure(outcome).await
    }

    /// Clicks `inner` inside the first `css` element containing `text`. Live lists re-render
    /// under the pointer, so a stale element is looked up again rather than failing.
    pub async fn click_in(&self, css: &str, text: &str, inner: &str) -> Result<()> {
        let outcome = wait_until(
            &format!("clicking `{inner}` in a `{css}` with {text:?}"),
            budget::PAGE,
            || async move {
                for element in self.client.find_all(Locator::Css(css)).await? {
                    if element.text().await.is_ok_and(|t| t.contains(text)) {
                        element.find(Locator::Css(inner)).await?.click().await?;
                        return Ok(Some(()));
                    }
                }
                Ok(None)
            },
        )
        .await;
        self.shot_on_failure(outcome).await
    }

    /// Types `text` into the element `css`, once it takes keys (a field may be there before
    /// its popover is shown).
    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let what = format!("typing into `{css}`");
        let typed = wait_until(&what, budget::PAGE, || async move {
            let Some(element) = self.client.find_all(Locator::Css(css)).await?.into_iter().next()
            else {
                return Ok(None);
            };
            element.send_keys(text).await?;
            Ok(Some(()))
        })
        .await;
        self.shot_on_failure(typed).await
    }

    /// Replaces what an input holds.
    pub async fn retype(&self, css: &str, text: &str) -> Result<()> {
        let input = self.find(css).await?;
        within(&format!("retyping `{css}`"), budget::COMMAND, async {
            input.clear().await?;
            Ok(input.send_keys(text).await?)
        })
        .await
    }

    /// Runs `script` in the current document (or frame) and returns its value.
    pub async fn eval(&self, script: &str) -> Result<Value> {
        let what = format!("running `{}`", script.lines().next().unwrap_or_default().trim());
        within(&what, budget::COMMAND, async { Ok(self.client.execute(script, vec![]).await?) })
            .await
    }

    /// Waits until `script`'s value satisfies `done`; returns that value. `what` names the
    /// state waited for.
    pub async fn eval_until(
        &self,
        what: &str,
        script: &str,
        done: impl Fn(&Value) -> bool,
    ) -> Result<Value> {
        let last = std::sync::Mutex::new(Value::Null);
        let (done, seen) = (&done, &last);
        let outcome = wait_until(what, budget::PAGE, || async move {
            let value = self.client.execute(script, vec![]).await?;
            if let Ok(mut seen) = seen.lock() {
                *seen = value.clone();
            }
            Ok(done(&value).then_some(value))
        })
        .await;
        let last = last.lock().map(|v| v.clone()).unwrap_or_default();
        outcome.map_err(|e| anyhow::anyhow!("{e:#}; the last value was {last}"))
    }

    /// Waits until the element with `id` has focus (focus may move on the next frame).
    pub async fn wait_focus(&self, id: &str) -> Result<()> {
        let script = "return document.activeElement && document.activeElement.id;";
        self.eval_until(&format!("focus on #{id}"), script, |v| v.as_str() == Some(id)).await?;
        Ok(())
    }

    /// Waits until the image `css` has loaded (its bytes came through).
    pub async fn wait_image(&self, css: &str) -> Result<()> {
        let script = format!(
            "const i = document.querySelector({css:?}); return !!(i && i.complete && i.naturalWidth > 0);"
        );
        self.eval_until(&format!("the image `{css}` loaded"), &script, |v| v == &json!(true))
            .await?;
        Ok(())
    }

    // Frames.

    /// Moves into the chat's iframe (the `<openline-chat>` element's shadow root) on a page
    /// that embeds the widget.
    pub async fn enter_chat(&self) -> Result<()> {
        wait_until("entering the chat's iframe", budget::PAGE, || async move {
            let Some(host) =
                self.client.find_all(Locator::Css("openline-chat")).await?.into_iter().next()
            else {
                return Ok(None);
            };
            let frame = host.shadow_root().await?.find(Locator::Css("iframe")).await?;
            frame.enter_frame().await?;
            Ok(Some(()))
        })
        .await
    }

    /// Back to the page that holds the current frame.
    pub async fn leave_frame(&self) -> Result<()> {
        within("leaving the frame", budget::COMMAND, async {
            Ok(self.client.enter_parent_frame().await?)
        })
        .await
    }

    /// On a failed wait, a screenshot of the page as it was (`target/e2e/failed-<n>.png`),
    /// named in the error, and the errors the page logged meanwhile (often the cause).
    async fn shot_on_failure<T>(&self, result: Result<T>) -> Result<T> {
        let Err(mut e) = result else { return result };
        if let Some(errors) = self.console.errors_meanwhile().await {
            e = e.context(errors);
        }
        let name = format!("failed-{}", crate::edge::unique());
        match tokio::time::timeout(budget::POLL * 50, self.save_png(&name)).await {
            Ok(Ok(path)) => Err(e.context(format!("the page then: {}", path.display()))),
            _ => Err(e),
        }
    }

    // Check.

    /// Saves a screenshot of the current page as `target/e2e/<name>.png`, then fails if the
    /// page logged an error.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let path = self.save_png(name).await?;
        self.check_console(&format!("by screenshot {name}")).await?;
        Ok(path)
    }

    /// Fails with the errors the page logged since the last check, unless its test expects
    /// them (`expect_console_error`). `when` says where the test was.
    pub async fn check_console(&self, when: &str) -> Result<()> {
        self.console.check(when).await
    }

    /// Lets this page log errors containing `text`: the test provokes them on purpose (`why`).
    pub fn expect_console_error(&self, text: &str, why: &str) {
        self.console.expect(text, why);
    }

    async fn save_png(&self, name: &str) -> Result<PathBuf> {
        let dir = root().join("target/e2e");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        let png = within(&format!("screenshot {name}"), budget::COMMAND, async {
            Ok(self.client.screenshot().await?)
        })
        .await?;
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Runs axe-core on the current document (or frame) and fails on serious or critical
    /// violations, naming each. The pointer is parked in the corner first: the check is of the
    /// screen at rest, not of whatever the last click left hovered (which a scroll may or may
    /// not have moved away).
    pub async fn check_accessibility(&self, screen: &str) -> Result<()> {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction};
        let park = MouseActions::new("park".into()).then(PointerAction::MoveTo {
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        within("parking the pointer", budget::COMMAND, async {
            Ok(self.client.perform_actions(park).await?)
        })
        .await?;
        let source = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js"))
            .context("axe-core is missing: run `cargo xtask test` (npm ci installs it)")?;
        let script = "const done = arguments[arguments.length - 1];\
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => \
            ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))));";
        let violations = within(&format!("axe-core on {screen}"), budget::COMMAND, async {
            self.client.execute(&format!("{source}\nreturn true;"), vec![]).await?;
            Ok(self.client.execute_async(script, vec![]).await?)
        })
        .await?;
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
        self.check_console(&format!("by the accessibility check of {screen}")).await
    }

    /// Checks the console a last time, then ends the browser.
    pub async fn close(self) -> Result<()> {
        self.check_console("by the end of the test").await?;
        self.console.closed();
        let client = self.client.clone();
        within("closing the browser", budget::COMMAND, async { Ok(client.close().await?) }).await
    }
}
