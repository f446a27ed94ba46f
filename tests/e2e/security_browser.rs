//! Text is only ever text (issue 4): markup in a customer's message, a colleague's name, a
//! channel's greeting and automatic reply, and a canned response is shown literally in both
//! UIs and never runs, in headless Chromium.

use anyhow::{ensure, Result};
use openline_core::auth::Role;
use openline_core::canned::{CannedInput, CannedResponse};
use openline_core::channel::ChannelSettings;
use openline_core::protocol::InboxFrame;
use openline_core::protocol::{
    AcceptInvite, ChannelsReply, InviteCreated, InviteRequest, LoginReply,
};
use openline_core::Command;
use openline_tests::browser::Page;
use openline_tests::demo;
use openline_tests::scene::Stage;

/// Each payload sets a flag if it ever runs.
fn payload(flag: &str) -> String {
    format!("<img src=x onerror=\"window.{flag}=1\"><script>window.{flag}=1</script>")
}

const FLAGS: [&str; 5] = ["pwnMessage", "pwnName", "pwnGreeting", "pwnReply", "pwnCanned"];

/// No payload ran and no element of theirs exists in the current document.
async fn inert(page: &Page) -> Result<()> {
    let script = format!(
        "return [{}].some(Boolean) || document.querySelectorAll('img[src=\"x\"]').length > 0",
        FLAGS.iter().map(|f| format!("window.{f}")).collect::<Vec<_>>().join(",")
    );
    let ran = page.client.execute(&script, vec![]).await?;
    ensure!(ran == serde_json::Value::Bool(false), "a payload ran or was parsed as HTML");
    Ok(())
}

#[tokio::test]
async fn xss_payloads_in_names_messages_and_channel_texts_stay_inert_in_both_uis() -> Result<()> {
    let stage = Stage::new("xss").await?;
    let ws = &stage.ws;
    let (ana, _, _) = ws.agents().await?;

    // Hostile texts everywhere an admin, a colleague or a customer can write.
    let channels: ChannelsReply = ana.http.get("/api/agent/channels").await?;
    let mut web: ChannelSettings =
        channels.channels.into_iter().find(|c| c.id.as_str() == "web").expect("web");
    web.greeting = payload("pwnGreeting");
    web.auto_reply = payload("pwnReply");
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &web).await?;
    let canned = CannedInput {
        code: "x".into(),
        title: payload("pwnCanned").chars().take(80).collect(),
        text: payload("pwnCanned"),
        folder: None,
    };
    let _: CannedResponse = ana.http.post("/api/agent/canned", &canned).await?;
    let invite = InviteRequest {
        email: "mallory@demo.openline".into(),
        name: "<img src=x onerror=\"window.pwnName=1\">".into(),
        role: Role::Agent,
    };
    let invite: InviteCreated = ana.http.post("/api/agent/invites", &invite).await?;
    let accept = AcceptInvite { code: invite.code, password: "mallory's password".into() };
    let _: (LoginReply, String) = ws.http().sign_in("/api/agent/invitation", &accept).await?;
    let mallory = ws.login("mallory@demo.openline", "mallory's password").await?;

    // The widget: the customer's view of all of it.
    let page = stage.customer().await?;
    page.open().await?;
    page.type_into("#composer-input", &payload("pwnMessage")).await?;
    page.click("#composer-send").await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "onerror").await?;
    // A colleague with a hostile name answers with a hostile canned text.
    let InboxFrame::Snapshot { dialogs, .. } = mallory.inbox().await? else { panic!("a snapshot") };
    let dialog = dialogs.first().expect("the customer's dialog").dialog_id.clone();
    mallory.command(&dialog, Command::Answer).await?;
    mallory.command(&dialog, openline_tests::api::post(&payload("pwnCanned"))).await?;
    page.find_text("#messages li.msg.from-agent .msg-text", "<script>").await?;
    page.find_text("#messages li.system", "onerror").await?;
    inert(&page).await?;
    page.outside().await?;
    inert(&page).await?;
    page.screenshot("40-xss-widget").await?;

    // The agent app: inbox row, dialog, names, canned library.
    let app = stage.agent(demo::ADMIN_EMAIL).await?;
    app.click("#tab-all-open").await?;
    app.click_in("li.inbox-row", "onerror", "a").await?;
    app.find_text("#messages li.msg.from-visitor .msg-text", "onerror").await?;
    app.find_text("#messages li.msg.from-agent .msg-text", "<script>").await?;
    app.find_text("#messages", "window.pwnName").await?;
    inert(&app).await?;
    app.screenshot("41-xss-agent-dialog").await?;
    page.page.close().await?;
    app.page.close().await?;
    Ok(())
}
