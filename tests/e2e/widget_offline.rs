//! Never losing a message (W2, issue 8): what a customer writes while the edge is unreachable
//! shows as "Sending…", then "Not sent" with a Retry button once the retries run out, and goes
//! out by itself — once, in order — when the connection is back. A message the server refuses
//! for a reason shows that reason. One written just before the customer leaves the page goes
//! when they come back.

use anyhow::{ensure, Result};
use fantoccini::Locator;
use openline_core::ids::DialogId;
use openline_core::protocol::InboxFrame;
use openline_core::{Command, EventBody};
use openline_tests::api::{demo_agents, Agent};
use openline_tests::browser::{Driver, Page};
use openline_tests::demo;
use openline_tests::edge::Edge;

/// What the demo's only customer has written, as an agent reads it (the channel's own
/// messages left out), with that agent and the dialog.
async fn customer_texts(edge: &Edge) -> Result<(Vec<String>, Agent, DialogId)> {
    let (ana, _, _) = demo_agents(edge).await?;
    let InboxFrame::Snapshot { dialogs } = ana.inbox().await? else { panic!("a snapshot") };
    let dialog = dialogs.first().expect("the customer's dialog").dialog_id.clone();
    let texts = ana
        .events(&dialog, None)
        .await?
        .events
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::MessagePosted { text, .. } => Some(text),
            _ => None,
        })
        .filter(|t| !t.starts_with("Hi"))
        .collect();
    Ok((texts, ana, dialog))
}

async fn send(page: &Page, text: &str) -> Result<()> {
    page.type_into("#composer-input", text).await?;
    page.click("#composer-send").await
}

#[tokio::test]
async fn w2_messages_written_during_an_outage_arrive_once_in_order_when_it_ends() -> Result<()> {
    let (mut edge, _driver, page) = chatting("outage", "Before the outage").await?;

    // The edge goes away; the customer keeps writing.
    edge.stop();
    send(&page, "Written offline, first").await?;
    send(&page, "Written offline, second").await?;
    page.find_text("#messages li.pending", "Sending").await?;
    page.find_text("#banner", "Reconnecting").await?;
    page.client.enter_parent_frame().await?;
    page.screenshot("90-widget-sending-offline").await?;
    let host = page.find("openline-chat").await?;
    host.shadow_root().await?.find(Locator::Css("iframe")).await?.enter_frame().await?;
    // After the retries (about 15 s) they show as not sent, with Retry.
    page.find_text("#messages li.pending.failed .failed-status", "Not sent").await?;
    page.find("#messages li.pending.failed button.retry").await?;
    page.check_accessibility("widget, messages not sent").await?;
    page.client.enter_parent_frame().await?;
    page.screenshot("91-widget-not-sent").await?;

    // The outage ends: the socket comes back and the messages go by themselves.
    edge.start_again().await?;
    let host = page.find("openline-chat").await?;
    host.shadow_root().await?.find(Locator::Css("iframe")).await?.enter_frame().await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "Written offline, second").await?;
    let left = page.client.find_all(Locator::Css("#messages li.pending")).await?;
    ensure!(left.is_empty(), "{} messages still pending", left.len());
    let banner = page.find("#banner").await?.text().await?;
    ensure!(banner.is_empty(), "the banner goes with the outage: {banner:?}");

    // Once each, in the order written.
    let (texts, ana, dialog) = customer_texts(&edge).await?;
    ensure!(
        texts == ["Before the outage", "Written offline, first", "Written offline, second"],
        "{texts:?}"
    );

    // A refusal with a reason shows it (a blocked customer), and the chat goes on.
    ana.command(&dialog, Command::Block).await?;
    send(&page, "Are you there?").await?;
    page.find_text("#messages li.pending.failed .failed-status", "does not accept").await?;
    page.client.enter_parent_frame().await?;
    page.screenshot("92-widget-refused").await?;
    page.close().await?;
    Ok(())
}

/// A fresh edge and a customer on the demo shop whose first message, `first`, has arrived.
async fn chatting(name: &str, first: &str) -> Result<(Edge, Driver, Page)> {
    let edge = Edge::start_fresh(name).await?;
    edge.seed(&demo::seed()).await?;
    let driver = Driver::start().await?;
    let page = driver.page(1280, 800).await?;
    page.goto(&edge.url("/demo/")).await?;
    open_chat(&page).await?;
    send(&page, first).await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", first).await?;
    Ok((edge, driver, page))
}

/// Opens the launcher on `page` (the demo shop) and moves into the chat.
async fn open_chat(page: &Page) -> Result<()> {
    let host = page.find("openline-chat").await?;
    let shadow = host.shadow_root().await?;
    shadow.find(Locator::Css("button")).await?.click().await?;
    shadow.find(Locator::Css("iframe")).await?.enter_frame().await?;
    page.find("#composer-input").await?;
    Ok(())
}

#[tokio::test]
async fn w2_a_message_written_during_an_outage_outlives_the_page_and_arrives_once() -> Result<()> {
    let (mut edge, _driver, page) = chatting("outage-leave", "Hello, is this in stock?").await?;

    // The edge goes away; the customer writes, then leaves the page before it could go.
    edge.stop();
    send(&page, "I'll come back later for the answer").await?;
    page.find_text("#messages li.pending", "Sending").await?;
    page.client.enter_parent_frame().await?;
    page.goto("about:blank").await?;

    // Back later: the chat sends it by itself, with the same command id.
    edge.start_again().await?;
    page.goto(&edge.url("/demo/")).await?;
    open_chat(&page).await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "come back later").await?;
    let left = page.client.find_all(Locator::Css("#messages li.pending")).await?;
    ensure!(left.is_empty(), "{} messages still pending", left.len());
    page.client.enter_parent_frame().await?;
    page.screenshot("91b-widget-kept-message-sent").await?;

    // Once, after the first; and a reload sends nothing again.
    page.goto(&edge.url("/demo/")).await?;
    open_chat(&page).await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "come back later").await?;
    let (texts, _, _) = customer_texts(&edge).await?;
    ensure!(
        texts == ["Hello, is this in stock?", "I'll come back later for the answer"],
        "{texts:?}"
    );
    page.close().await?;
    Ok(())
}
