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
use openline_tests::browser::Driver;
use openline_tests::demo;
use openline_tests::edge::Edge;
use openline_tests::pages::WidgetPage;

/// What the demo's only customer has written, as an agent reads it (the channel's own
/// messages left out), with that agent and the dialog.
async fn customer_texts(edge: &Edge) -> Result<(Vec<String>, Agent, DialogId)> {
    let (ana, _, _) = demo_agents(edge).await?;
    let InboxFrame::Snapshot { dialogs, .. } = ana.inbox().await? else { panic!("a snapshot") };
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

#[tokio::test]
async fn w2_messages_written_during_an_outage_arrive_once_in_order_when_it_ends() -> Result<()> {
    let (mut edge, _driver, page) = chatting("outage", "Before the outage").await?;

    // The edge goes away; the customer keeps writing.
    expect_the_outage(&page);
    edge.stop();
    page.send("Written offline, first").await?;
    page.send("Written offline, second").await?;
    page.find_text("#messages li.pending", "Sending").await?;
    page.find_text("#banner", "Reconnecting").await?;
    page.screenshot_page("90-widget-sending-offline").await?;
    // After the retries (about 15 s) they show as not sent, with Retry.
    page.find_text("#messages li.pending.failed .failed-status", "Not sent").await?;
    page.find("#messages li.pending.failed button.retry").await?;
    page.check_accessibility("widget, messages not sent").await?;
    page.screenshot_page("91-widget-not-sent").await?;

    // The outage ends: the socket comes back and the messages go by themselves.
    edge.start_again().await?;
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
    page.expect_console_error(
        "/api/widget/commands - Failed to load resource: the server responded with a status of 403",
        "a blocked customer's message is refused, on purpose",
    );
    ana.command(&dialog, Command::Block).await?;
    page.send("Are you there?").await?;
    page.find_text("#messages li.pending.failed .failed-status", "does not accept").await?;
    page.outside().await?;
    page.screenshot("92-widget-refused").await?;
    page.page.close().await?;
    Ok(())
}

/// Every call and socket the chat tries while the edge is stopped fails to connect.
fn expect_the_outage(page: &WidgetPage) {
    page.expect_console_error("net::ERR_CONNECTION_REFUSED", "the edge is stopped, on purpose");
}

/// A fresh edge of its own (the outage stops it) with the demo workspace, and a customer on
/// the edge's own demo shop whose first message, `first`, has arrived.
async fn chatting(name: &str, first: &str) -> Result<(Edge, Driver, WidgetPage)> {
    let edge = Edge::start_fresh(name).await?;
    edge.seed(&demo::seed()).await?;
    let driver = Driver::start().await?;
    let page = WidgetPage::visit(&driver, &edge.url("/demo/")).await?;
    page.open().await?;
    page.send(first).await?;
    page.sees_mine(first).await?;
    Ok((edge, driver, page))
}

#[tokio::test]
async fn w2_a_message_written_during_an_outage_outlives_the_page_and_arrives_once() -> Result<()> {
    let (mut edge, _driver, page) = chatting("outage-leave", "Hello, is this in stock?").await?;

    // The edge goes away; the customer writes, then leaves the page before it could go.
    expect_the_outage(&page);
    edge.stop();
    page.send("I'll come back later for the answer").await?;
    page.find_text("#messages li.pending", "Sending").await?;
    page.outside().await?;
    page.goto("about:blank").await?;

    // Back later: the chat sends it by itself, with the same command id.
    edge.start_again().await?;
    page.load(&edge.url("/demo/")).await?;
    page.open().await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "come back later").await?;
    let left = page.client.find_all(Locator::Css("#messages li.pending")).await?;
    ensure!(left.is_empty(), "{} messages still pending", left.len());
    page.outside().await?;
    page.screenshot("91b-widget-kept-message-sent").await?;

    // Once, after the first; and a reload sends nothing again.
    page.load(&edge.url("/demo/")).await?;
    page.open().await?;
    page.find_text("#messages li.msg.from-visitor .msg-text", "come back later").await?;
    let (texts, _, _) = customer_texts(&edge).await?;
    ensure!(
        texts == ["Hello, is this in stock?", "I'll come back later for the answer"],
        "{texts:?}"
    );
    page.page.close().await?;
    Ok(())
}
