//! The test scene: one edge per test binary, shared by every test that can share it, and a
//! fresh workspace per test on it; the demo shop's page for that workspace; a chromedriver per
//! browser test. A test asks for `Workspace::new("its-name")` (or `Stage::new` with browsers)
//! and gets the demo's team and channels in a workspace of its own, so tests running side by
//! side in threads of one binary never see each other's dialogs, agents or settings.
//!
//! Sharing is safe because everything the edge keeps is per workspace (dialogs, agents,
//! channels, blocks, presence) except three things, which the scene keeps apart:
//! - the registry of workspaces (first-run setup needs it empty): setup tests start their own
//!   edge (`Edge::start_fresh`);
//! - the per-network rate limits on the widget's public calls, keyed by `CF-Connecting-IP`:
//!   every client a workspace makes (`Site::http`) comes from the test's own address (in
//!   2001:db8::/32, the documentation prefix, only ever a header), so one test's bursts never
//!   count against another's. Browsers come from 127.0.0.1 as wrangler sets it; they open a
//!   handful of sessions each, far below the limit;
//! - the runtime's process and variables: tests that stop, restart or reconfigure the runtime
//!   start their own edge.
//!
//! The shared edge is started by the first test that needs it and stopped when the test
//! binary exits (a watchdog process ends its process group then, as statics are never dropped).

use crate::api::{Agent, Customer, Http, Site};
use crate::browser::Driver;
use crate::demo;
use crate::edge::Edge;
use crate::host::{HostPage, HostSite};
use crate::pages::{AppPage, WidgetPage};
use anyhow::{bail, Context, Result};
use openline_core::WorkspaceId;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

static SHARED: tokio::sync::OnceCell<Edge> = tokio::sync::OnceCell::const_new();
static NEXT: AtomicU32 = AtomicU32::new(1);

/// The edge every test of this binary shares, started on first use.
pub async fn shared_edge() -> Result<&'static Edge> {
    SHARED
        .get_or_try_init(|| async {
            let edge = Edge::start_fresh("shared").await?;
            if let Some(group) = edge.group() {
                stop_at_exit(group)?;
            }
            anyhow::Ok(edge)
        })
        .await
}

/// A watchdog: once this process is gone, SIGTERM then SIGKILL to `group`.
fn stop_at_exit(group: u32) -> Result<()> {
    let me = std::process::id();
    let script = format!(
        "while kill -0 {me} 2>/dev/null; do sleep 1; done; \
         kill -s TERM -- -{group} 2>/dev/null; sleep 3; kill -s KILL -- -{group} 2>/dev/null"
    );
    Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .context("starting the shared edge's watchdog")?;
    Ok(())
}

/// One test's workspace on the shared edge: the demo's team (Ana the admin, Luis, Marta; the
/// demo password) and channels (`web` "Website", `sales` "Sales"), under an id of its own.
pub struct Workspace {
    pub edge: &'static Edge,
    /// The workspace's id (`<test name>-<n>`): what the login form and channel keys name.
    pub id: String,
    /// The `CF-Connecting-IP` its clients send.
    network: String,
}

impl Workspace {
    /// A fresh workspace like the demo's, named after the test.
    pub async fn new(name: &str) -> Result<Workspace> {
        let edge = shared_edge().await?;
        let ws = Workspace::named(edge, name);
        edge.seed(&demo::seed_in(&ws.id)).await?;
        Ok(ws)
    }

    /// Another tenant on the same edge: its admin `email` (named `admin_name`, the demo
    /// password) and a `web` channel.
    pub async fn other(&self, name: &str, email: &str, admin_name: &str) -> Result<Workspace> {
        let ws = Workspace::named(self.edge, name);
        self.edge.seed(&demo::seed_for(&ws.id, email, admin_name)).await?;
        Ok(ws)
    }

    fn named(edge: &'static Edge, name: &str) -> Workspace {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let clean: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .take(40)
            .collect();
        let id = format!("{clean}-{n}");
        debug_assert!(WorkspaceId::parse(&id).is_some(), "{id}");
        let network = format!("2001:db8::{:x}:{n:x}", std::process::id() & 0xffff);
        Workspace { edge, id, network }
    }

    /// The key the widget names a channel by: `<workspace>.<channel>`.
    pub fn channel(&self, channel: &str) -> String {
        format!("{}.{channel}", self.id)
    }

    /// The Website channel's key (the demo's `demo.web`).
    pub fn channel_key(&self) -> String {
        self.channel("web")
    }

    /// The network address this workspace's clients come from.
    pub fn network(&self) -> &str {
        &self.network
    }

    pub fn url(&self, path: &str) -> String {
        self.edge.url(path)
    }

    /// A client without credentials, from this workspace's network address.
    pub fn http(&self) -> Http {
        Http::new(self.edge).with_header("cf-connecting-ip", &self.network)
    }

    /// A new customer on the Website channel.
    pub async fn customer(&self) -> Result<Customer> {
        Customer::open(self, &self.channel_key()).await
    }

    /// A new customer from network address `n` of this workspace's own: many customers from
    /// one network would be slowed down, rightly, by its limit.
    pub async fn customer_from(&self, n: usize) -> Result<Customer> {
        let address = format!("{}:{n:x}", self.network);
        let site = Http::new(self.edge).with_header("cf-connecting-ip", &address);
        Customer::open(&Anywhere(site), &self.channel_key()).await
    }

    /// Ana, Luis and Marta, signed in together.
    pub async fn agents(&self) -> Result<(Agent, Agent, Agent)> {
        let login = |email: &'static str| self.login(email, demo::ADMIN_PASSWORD);
        tokio::try_join!(
            login(demo::ADMIN_EMAIL),
            login(demo::COLLEAGUES[0].0),
            login(demo::COLLEAGUES[1].0)
        )
    }

    /// Ana, the admin, signed in.
    pub async fn admin(&self) -> Result<Agent> {
        self.login(demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Result<Agent> {
        Agent::login(self, &self.id, email, password).await
    }

    /// The demo shop for this workspace: the page the edge serves at `/demo/`, served from
    /// another origin of the same site (127.0.0.1, another port) with its widget on this
    /// workspace's Website channel and its links on the edge. The edge's own page names the
    /// demo workspace's channel, which one shared edge cannot give every test. Its stylesheet
    /// comes from the shop's own origin, as a shop's would: axe-core reads a page's
    /// stylesheets, and one on another origin without CORS is an error in the console.
    pub async fn shop(&self) -> Result<Shop> {
        let page = reqwest::get(self.url("/demo/")).await?.error_for_status()?.text().await?;
        let style =
            reqwest::get(self.url("/demo/style.css")).await?.error_for_status()?.text().await?;
        let snippet = r#"src="/widget.js" data-channel="demo.web""#;
        if !page.contains(snippet) {
            bail!("the edge's /demo/ page does not embed the widget as `{snippet}`: {page}");
        }
        let edge = self.url("");
        let page = page
            .replace(
                snippet,
                &format!(r#"src="{edge}/widget.js" data-channel="{}""#, self.channel_key()),
            )
            .replace(r#"href="/app/""#, &format!(r#"href="{edge}/app/""#));
        let style = HostPage { content_type: "text/css", headers: vec![], body: style };
        let site =
            HostSite::serve(vec![("/demo/", HostPage::html(page)), ("/demo/style.css", style)])
                .await?;
        Ok(Shop { site })
    }
}

/// A client from wherever its headers say.
struct Anywhere(Http);

impl Site for Anywhere {
    fn http(&self) -> Http {
        self.0.clone()
    }
}

impl Site for Workspace {
    fn http(&self) -> Http {
        Workspace::http(self)
    }
}

/// The demo shop of one workspace (see `Workspace::shop`), serving until dropped.
pub struct Shop {
    site: HostSite,
}

impl Shop {
    /// The shop's `path` (`/demo/`, `/demo/?page=2`).
    pub fn url(&self, path: &str) -> String {
        self.site.same_site_url(path)
    }
}

/// A browser test's scene: its workspace, its shop and a chromedriver.
pub struct Stage {
    pub ws: Workspace,
    pub shop: Shop,
    pub driver: Driver,
}

impl Stage {
    pub async fn new(name: &str) -> Result<Stage> {
        let ws = Workspace::new(name).await?;
        let (shop, driver) = tokio::try_join!(ws.shop(), Driver::start())?;
        Ok(Stage { ws, shop, driver })
    }

    /// A customer's browser on the shop's page, the launcher there (chat not open).
    pub async fn customer(&self) -> Result<WidgetPage> {
        WidgetPage::visit(&self.driver, &self.shop.url("/demo/")).await
    }

    /// An agent's browser with the app open, signed in as `email` (the demo password).
    pub async fn agent(&self, email: &str) -> Result<AppPage> {
        self.agent_sized(email, 1280, 800).await
    }

    /// `agent` with another window size.
    pub async fn agent_sized(&self, email: &str, width: u32, height: u32) -> Result<AppPage> {
        let app = AppPage::new(self.driver.page(width, height).await?, self.ws.url("/app/"));
        app.log_in(&self.ws.id, email, demo::ADMIN_PASSWORD).await?;
        Ok(app)
    }
}
