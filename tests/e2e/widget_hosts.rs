//! The widget on customers' sites (W1): pages served from another site than the edge, with
//! aggressive CSS, old libraries' habits and a strict Content-Security-Policy naming only the
//! edge's origin; on a phone-sized screen; in Spanish. The chat works, and the page is left as
//! it was: its layout, focus, globals and policy.

use anyhow::{ensure, Context, Result};
use openline_core::auth::identity_hash;
use openline_core::protocol::{IdentitySecret, InboxFrame};
use openline_core::{Command, EventBody};
use openline_tests::api::post;
use openline_tests::browser::Page;
use openline_tests::host::{HostPage, HostSite};
use openline_tests::pages::WidgetPage;
use openline_tests::scene::{Stage, Workspace};
use serde_json::Value;

/// What a hostile stylesheet, an old library and a careful site do all at once.
const HOSTILE_CSS: &str = "
html { font-size: 10px; }
body { transform: translateZ(0) scale(1); margin: 0; min-height: 2000px; }
* { box-sizing: content-box !important; margin: 7px !important; padding: 9px !important;
    font-size: 31px !important; line-height: 3 !important; position: relative !important;
    display: block !important; border: 3px solid red !important; opacity: .99 !important; }
iframe { display: none !important; width: 10px !important; height: 10px !important; }
button { background: red !important; width: 300px !important; }
script, style, head, title { display: none !important; }
";

/// Old libraries' globals, and a record of what the page sees: globals added by others, CSP
/// violations, and whether focus moved.
const HOST_SCRIPT: &str = "
Object.defineProperty(Array.prototype, 'toJSON', { value: function () { return 'broken'; }, enumerable: true, configurable: true });
window.define = function () {}; window.define.amd = { jQuery: true };
window.__globalsBefore = Object.keys(window);
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
";

fn host_page(edge_origin: &str, channel: &str, extra: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A careful shop</title>
<link rel="stylesheet" href="/hostile.css">
<script src="/host.js"></script>
</head><body>
<h1 id="headline">A shop with strong opinions</h1>
<input id="search" aria-label="Search the shop">
<p>Products, prices, shipping.</p>
<script async src="{edge_origin}/widget.js" data-channel="{channel}" {extra}></script>
</body></html>"#
    )
}

/// The host site: the page, its stylesheet and script, all under a policy that names only
/// itself and the edge (no 'unsafe-inline', no 'unsafe-eval').
async fn hostile_site(ws: &Workspace, extra: &str) -> Result<HostSite> {
    let origin = ws.url("");
    let csp = format!(
        "default-src 'none'; script-src 'self' {origin}; frame-src {origin}; style-src 'self'; img-src 'self'; connect-src 'self'"
    );
    HostSite::serve(vec![
        (
            "/",
            HostPage::html(host_page(&origin, &ws.channel_key(), extra))
                .with_header("content-security-policy", &csp),
        ),
        (
            "/hostile.css",
            HostPage { content_type: "text/css", headers: vec![], body: HOSTILE_CSS.into() },
        ),
        ("/host.js", HostPage::script(HOST_SCRIPT)),
    ])
    .await
}

async fn eval(page: &Page, script: &str) -> Result<Value> {
    page.eval(script).await
}

/// `script`'s value once `done` holds for it (`what` names that state).
async fn eval_until(
    page: &Page,
    what: &str,
    script: &str,
    done: impl Fn(&Value) -> bool,
) -> Result<Value> {
    page.eval_until(what, script, done).await
}

/// The launcher's box, as the customer sees it.
async fn launcher_box(page: &Page) -> Result<Value> {
    eval(
        page,
        "const b = document.querySelector('openline-chat').shadowRoot.querySelector('button');
         const r = b.getBoundingClientRect();
         const v = document.documentElement; return { right: v.clientWidth - r.right, bottom: v.clientHeight - r.bottom, width: r.width, height: r.height };",
    )
    .await
}

// Long: one visit to a hostile page, step by step (page view, intent, open, write).
#[tokio::test]
async fn w1_the_chat_works_on_a_hostile_page_of_another_site_under_a_strict_csp() -> Result<()> {
    let stage = Stage::new("hostile-host").await?;
    let ws = &stage.ws;
    let (ana, _, _) = ws.agents().await?;
    let site = hostile_site(ws, "").await?;
    let page = WidgetPage::visit(&stage.driver, &site.url("/")).await?;
    let layout_before = eval(
        &page,
        "return JSON.stringify(document.getElementById('headline').getBoundingClientRect())",
    )
    .await?;

    // The launcher sits in the corner at its own size, whatever the page's CSS says.
    let launcher = launcher_box(&page).await?;
    ensure!(launcher["width"] == 56.0 && launcher["height"] == 56.0, "launcher size {launcher}");
    ensure!(launcher["right"] == 20.0 && launcher["bottom"] == 20.0, "launcher place {launcher}");
    page.screenshot("80-hostile-host-closed").await?;

    // Nothing leaked into the page: one global, no focus taken, no layout change.
    // (Less the page's own `__` records and what WebDriver itself injects to find elements.)
    let added = eval(
        &page,
        "const webdriver = ['se_exportedFunctionSymbol', 'ret_nodes'];
         return Object.keys(window).filter(k => !window.__globalsBefore.includes(k)
           && !k.startsWith('__') && !webdriver.includes(k));",
    )
    .await?;
    ensure!(added == serde_json::json!(["Openline"]), "globals added: {added}");
    let focused = eval(&page, "return document.activeElement === document.body").await?;
    ensure!(focused == Value::Bool(true), "the loader moved focus");

    // A page view made no chat; the pointer on the launcher (intent) makes it ready, hidden,
    // and leaves the page's focus and layout alone.
    let chat =
        "const f = document.querySelector('openline-chat').shadowRoot.querySelector('iframe');
                return f ? getComputedStyle(f).display : 'none made'";
    ensure!(eval(&page, chat).await? == "none made", "a chat made on a page view");
    eval(
        &page,
        "document.querySelector('openline-chat').shadowRoot.querySelector('button')
           .dispatchEvent(new PointerEvent('pointerenter')); return null",
    )
    .await?;
    ensure!(eval(&page, chat).await? == "none", "the chat made ready, hidden");
    let focused = eval(&page, "return document.activeElement === document.body").await?;
    ensure!(focused == Value::Bool(true), "warming up moved focus");

    page.click_launcher().await?;
    let frame = eval(
        &page,
        "const f = document.querySelector('openline-chat').shadowRoot.querySelector('iframe');
         const r = f.getBoundingClientRect(); return { width: r.width, height: r.height, shown: getComputedStyle(f).display };",
    )
    .await?;
    ensure!(frame["width"] == 370.0 && frame["shown"] == "block", "chat frame {frame}");
    page.inside().await?;
    page.type_into("#composer-input", "Hello from a very opinionated website").await?;
    page.click("#composer-send").await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "opinionated").await?;

    // The message arrives, and the reply comes back into the page of the other site.
    let InboxFrame::Snapshot { dialogs, .. } = ana.inbox().await? else { panic!("a snapshot") };
    let dialog = dialogs.first().context("the customer's dialog")?.dialog_id.clone();
    let events = ana.events(&dialog, None).await?;
    ensure!(events.events.iter().any(
        |e| matches!(&e.body, EventBody::MessagePosted { text, .. } if text.contains("opinionated"))
    ));
    ana.command(&dialog, Command::Answer).await?;
    ana.command(&dialog, post("Welcome! Strong opinions are fine here.")).await?;
    page.find_text("#messages li.msg.from-agent .msg-text", "Strong opinions").await?;
    page.outside().await?;
    page.screenshot("81-hostile-host-chatting").await?;

    let violations = eval(&page, "return window.__violations").await?;
    ensure!(violations == serde_json::json!([]), "CSP violations on the host page: {violations}");
    let layout_after = eval(
        &page,
        "return JSON.stringify(document.getElementById('headline').getBoundingClientRect())",
    )
    .await?;
    ensure!(layout_before == layout_after, "the page's layout moved");
    page.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn w1_on_a_phone_the_chat_fills_the_screen_and_speaks_spanish_when_told() -> Result<()> {
    let stage = Stage::new("phone-host").await?;
    let ws = &stage.ws;
    let site = hostile_site(ws, r#"data-lang="es""#).await?;
    let page = WidgetPage::on(stage.driver.phone(390, 844).await?);
    page.load(&site.url("/")).await?;
    page.click_launcher().await?;
    let frame = eval(
        &page,
        "const f = document.querySelector('openline-chat').shadowRoot.querySelector('iframe');
         const r = f.getBoundingClientRect(); const v = visualViewport;
         return { left: r.left - v.offsetLeft, top: r.top - v.offsetTop, width: r.width, height: r.height, vw: v.width, vh: v.height, page: document.documentElement.scrollWidth };",
    )
    .await?;
    // The page is wider than the phone (its CSS overflows): the chat still fits the screen.
    ensure!(frame["page"].as_f64() > frame["vw"].as_f64(), "the page overflows: {frame}");
    ensure!(frame["left"] == 0.0 && frame["top"] == 0.0, "full screen: {frame}");
    ensure!(
        frame["width"] == frame["vw"] && frame["height"] == frame["vh"],
        "full screen: {frame}"
    );
    page.inside().await?;
    let lang = eval(&page, "return document.documentElement.lang").await?;
    ensure!(lang == "es", "data-lang=es: {lang}");
    page.type_into("#composer-input", "Hola desde el móvil").await?;
    page.click("#composer-send").await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "móvil").await?;
    page.check_accessibility("widget on a phone, Spanish").await?;
    page.outside().await?;
    page.screenshot("82-phone-host-spanish").await?;
    // Closing from inside the chat hands focus back to the launcher on the page.
    page.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn w5_w6_the_page_drives_the_chat_through_window_openline_even_before_it_loaded() -> Result<()>
{
    let stage = Stage::new("js-api").await?;
    let ws = &stage.ws;
    let (ana, _, _) = ws.agents().await?;
    let secret: IdentitySecret = ana.http.get("/api/agent/channels/web/identity-secret").await?;
    let hash = identity_hash(&secret.secret, "customer-1001");
    // The page queues calls before the loader ran, the way the README shows.
    let early = format!(
        "{HOST_SCRIPT}
window.Openline = window.Openline || function () {{ (Openline.q = Openline.q || []).push(arguments); }};
window.__events = [];
Openline('on', 'ready', function () {{ window.__events.push('ready'); }});
Openline('on', 'open', function () {{ window.__events.push('open'); }});
Openline('on', 'close', function () {{ window.__events.push('close'); }});
Openline('identify', {{ userId: 'customer-1001', hash: '{hash}', name: 'Marta Ruiz', email: 'marta@example.es' }});"
    );
    let origin = ws.url("");
    let csp = format!(
        "default-src 'none'; script-src 'self' {origin}; frame-src {origin}; style-src 'self'"
    );
    let site = HostSite::serve(vec![
        (
            "/",
            HostPage::html(host_page(&origin, &ws.channel_key(), ""))
                .with_header("content-security-policy", &csp),
        ),
        (
            "/hostile.css",
            HostPage { content_type: "text/css", headers: vec![], body: String::new() },
        ),
        ("/host.js", HostPage::script(early)),
    ])
    .await?;
    let page = WidgetPage::visit(&stage.driver, &site.url("/")).await?;
    eval(&page, "Openline.open(); return null").await?;
    page.inside().await?;
    page.type_into("#composer-input", "I am signed in on the shop").await?;
    page.click("#composer-send").await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "signed in").await?;
    page.outside().await?;
    eval(&page, "Openline('close'); return null").await?;
    let events = eval(&page, "return window.__events").await?;
    ensure!(events == serde_json::json!(["ready", "open", "close"]), "events: {events}");
    let violations = eval(&page, "return window.__violations").await?;
    ensure!(violations == serde_json::json!([]), "CSP violations: {violations}");

    // The identity was verified: the customer is the shop's user, the same on every device.
    let InboxFrame::Snapshot { dialogs, .. } = ana.inbox().await? else { panic!("a snapshot") };
    let row = dialogs.first().context("the customer's dialog")?;
    let expected = openline_core::auth::identified_visitor(
        ws.edge.secret().as_bytes(),
        &openline_core::ChannelId::parse("web").unwrap(),
        "customer-1001",
    );
    ensure!(row.visitor_id == expected, "visitor {} is not the identified one", row.visitor_id);
    // W4/W5: the name and email the site gave are the customer's contact details.
    ensure!(row.visitor_name == "Marta Ruiz", "named {}", row.visitor_name);
    page.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn w2_w5_replies_while_the_chat_is_closed_show_on_the_launcher_and_in_the_title() -> Result<()>
{
    let stage = Stage::new("unread").await?;
    let ws = &stage.ws;
    let (ana, _, _) = ws.agents().await?;
    let page = stage.customer().await?;
    page.find("openline-chat").await?;
    let title = eval(&page, "return document.title").await?;
    eval(
        &page,
        "window.__events = [];
         ['message', 'unread'].forEach(n => Openline.on(n, () => window.__events.push(n)));
         Openline.open(); return null",
    )
    .await?;
    page.inside().await?;
    page.type_into("#composer-input", "Do you ship to Portugal?").await?;
    page.click("#composer-send").await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "Portugal").await?;
    page.outside().await?;
    eval(&page, "Openline.close(); return null").await?;

    let InboxFrame::Snapshot { dialogs, .. } = ana.inbox().await? else { panic!("a snapshot") };
    let dialog = dialogs.first().context("the customer's dialog")?.dialog_id.clone();
    ana.command(&dialog, Command::Answer).await?;
    ana.command(&dialog, post("Yes, in 3 days.")).await?;
    ana.command(&dialog, post("Anything else?")).await?;
    let badge = "const b = document.querySelector('openline-chat').shadowRoot.querySelector('button span');
                 return [b.textContent, getComputedStyle(b).display, document.title,
                         document.querySelector('openline-chat').shadowRoot.querySelector('button').getAttribute('aria-label')]";
    let seen = eval_until(&page, "a badge of 2", badge, |seen| seen[0] == "2").await?;
    ensure!(seen[0] == "2" && seen[1] == "block", "badge: {seen}");
    ensure!(seen[2] == format!("(2) {}", title.as_str().unwrap_or_default()), "title: {seen}");
    ensure!(seen[3] == "Open chat (2 unread)", "label: {seen}");
    page.screenshot("83-launcher-unread").await?;
    let events = eval(&page, "return window.__events").await?;
    ensure!(events == serde_json::json!(["message", "unread", "message", "unread"]), "{events}");

    // The customer goes on to another page of the site: the count is there too, with the chat
    // still closed (it was made ready, hidden, since this visitor has a conversation), and
    // the page keeps its focus.
    page.load(&stage.shop.url("/demo/?page=2")).await?;
    page.find("openline-chat").await?;
    let seen = eval_until(&page, "a badge of 2", badge, |seen| seen[0] == "2").await?;
    ensure!(seen[0] == "2" && seen[1] == "block", "badge on the next page: {seen}");
    ensure!(seen[2] == format!("(2) {}", title.as_str().unwrap_or_default()), "title: {seen}");
    let hidden =
        "const f = document.querySelector('openline-chat').shadowRoot.querySelector('iframe');
                  return [getComputedStyle(f).display, document.activeElement === document.body]";
    let hidden = eval(&page, hidden).await?;
    ensure!(hidden == serde_json::json!(["none", true]), "hidden, focus untouched: {hidden}");

    eval(&page, "Openline.open(); return null").await?;
    let seen = eval(&page, badge).await?;
    ensure!(seen[1] == "none" && seen[2] == title, "after opening: {seen}");
    // The chat made ready while hidden puts the caret in the message box once shown.
    let expanded = "return document.querySelector('openline-chat').shadowRoot
                    .querySelector('button').getAttribute('aria-expanded')";
    ensure!(eval(&page, expanded).await? == "true", "open before the close button");
    page.inside().await?;
    let focused = "return document.activeElement.id";
    let focused =
        eval_until(&page, "focus in the message box", focused, |id| id == "composer-input").await?;
    ensure!(focused == "composer-input", "focus in the chat: {focused}");
    page.find_text("#messages li.msg.from-agent .msg-text", "Anything else?").await?;

    // The chat's own close button hides it again.
    page.click("#widget-close").await?;
    page.outside().await?;
    let open = eval_until(&page, "the chat closed", expanded, |open| open == "false").await?;
    ensure!(open == "false", "closed by its button: {open}");
    page.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn w5_the_snippet_sets_the_launchers_colour_side_and_icon() -> Result<()> {
    let stage = Stage::new("launcher-look").await?;
    let ws = &stage.ws;
    // The channel's look (the chat window's colour comes from the server) and its snippet.
    let (ana, _, _) = ws.agents().await?;
    let reply: openline_core::protocol::ChannelsReply = ana.http.get("/api/agent/channels").await?;
    let mut web = reply.channels.into_iter().find(|c| c.id.as_str() == "web").context("web")?;
    web.look.color = "#0b6e4f".into();
    let _: openline_core::channel::ChannelSettings =
        ana.http.put("/api/agent/channels/web", &web).await?;
    let look = r##"data-color="#0b6e4f" data-position="left" data-icon="help""##;
    let site = hostile_site(ws, look).await?;
    let page = WidgetPage::visit(&stage.driver, &site.url("/")).await?;
    let drawn = "const b = document.querySelector('openline-chat').shadowRoot.querySelector('button');
                 return { left: b.getBoundingClientRect().left, background: getComputedStyle(b).backgroundColor,
                          icon: b.querySelector('path').getAttribute('d') };";
    let launcher = eval(&page, drawn).await?;
    ensure!(launcher["left"] == 20.0, "the launcher sits on the left: {launcher}");
    ensure!(launcher["background"] == "rgb(11, 110, 79)", "the channel's colour: {launcher}");
    let help = openline_core::look::LauncherIcon::Help.path();
    ensure!(launcher["icon"] == help, "the question mark: {launcher}");
    page.click_launcher().await?;
    let window = "return document.querySelector('openline-chat').shadowRoot.querySelector('iframe').getBoundingClientRect().left";
    ensure!(eval(&page, window).await? == 20.0, "the chat opens on the same side");
    page.inside().await?;
    let brand = "return getComputedStyle(document.documentElement).getPropertyValue('--brand')";
    ensure!(eval(&page, brand).await? == "#0b6e4f", "the window takes the channel's colour");
    page.outside().await?;
    page.screenshot("84-launcher-look").await?;
    page.page.close().await?;
    Ok(())
}
