//! The real pages in headless Chromium: the demo shop with the widget, and the agent app, each
//! in its own browser. Screenshots of every screen go to `target/e2e/`; axe-core checks each.

use fantoccini::Locator;
use openline_tests::browser::{Driver, Page};
use openline_tests::demo;
use openline_tests::edge::Edge;

/// Opens the launcher on the host page and moves into the chat iframe.
async fn open_widget(customer: &Page) -> anyhow::Result<()> {
    let host = customer.find("openline-chat").await?;
    let shadow = host.shadow_root().await?;
    shadow.find(Locator::Css("button")).await?.click().await?;
    let frame = shadow.find(Locator::Css("iframe")).await?;
    frame.enter_frame().await?;
    customer.find("#composer-input").await?;
    Ok(())
}

async fn send(page: &Page, text: &str) -> anyhow::Result<()> {
    page.type_into("#composer-input", text).await?;
    page.click("#composer-send").await
}

#[tokio::test]
async fn w2_q2_q3_q10_q12_customer_and_agent_round_trip_through_the_real_pages(
) -> anyhow::Result<()> {
    let edge = Edge::start_fresh("browser").await?;
    edge.seed(&demo::seed()).await?;
    let driver = Driver::start().await?;
    let customer = driver.page(1280, 800).await?;
    let agent = driver.page(1280, 800).await?;

    // The customer opens the chat on the demo shop and writes (W1, W2).
    customer.goto(&edge.url("/demo/")).await?;
    customer.find("openline-chat").await?;
    customer.screenshot("01-demo-page").await?;
    customer.check_accessibility("demo page").await?;
    open_widget(&customer).await?;
    customer.check_accessibility("widget, empty").await?;
    send(&customer, "Hola, ¿hacéis envíos a Canarias?").await?;
    customer.find_text("#messages li.msg.from-visitor .msg-text", "Canarias").await?;
    customer.client.enter_parent_frame().await?;
    customer.screenshot("02-widget-sent").await?;

    // The agent logs in and sees it in Unanswered (Q2).
    agent.goto(&edge.url("/app/")).await?;
    agent.find("#login-email").await?;
    agent.screenshot("03-agent-login").await?;
    agent.check_accessibility("agent login").await?;
    agent.type_into("#login-email", demo::ADMIN_EMAIL).await?;
    agent.type_into("#login-password", demo::ADMIN_PASSWORD).await?;
    agent.click("#login-submit").await?;
    let row = agent.find_text("li.inbox-row", "Canarias").await?;
    agent.find_text("#tab-unanswered", "1").await?;
    agent.screenshot("04-agent-inbox").await?;
    agent.check_accessibility("agent inbox").await?;

    // Answer (Q3) and reply: the customer sees the reply live.
    row.find(Locator::Css("a")).await?.click().await?;
    agent.click("#action-answer").await?;
    agent.find_text("#messages li.system", "answered").await?;
    send(&agent, "¡Hola! Sí, enviamos en 48 horas.").await?;
    agent.find_text("#messages li.msg.from-agent .msg-text", "48 horas").await?;
    agent.find_text("#tab-mine", "1").await?;
    agent.screenshot("05-agent-dialog").await?;
    agent.check_accessibility("agent dialog").await?;

    let host = customer.find("openline-chat").await?;
    host.shadow_root().await?.find(Locator::Css("iframe")).await?.enter_frame().await?;
    customer.find_text("#messages li.msg.from-agent .msg-text", "48 horas").await?;
    customer.find_text("#messages li.system", "joined").await?;
    customer.check_accessibility("widget, answered").await?;

    // Finish (Q10): the customer is told; writing again opens session 2 of the same dialog (Q12).
    agent.click("#action-finish").await?;
    customer.find_text("#messages li.system", "closed").await?;
    send(&customer, "Una cosa más: ¿y a Baleares?").await?;
    agent.find_text("#messages li.system", "Session 2").await?;
    agent.find_text("#messages li.msg.from-visitor .msg-text", "Baleares").await?;
    agent.find_text("#tab-unanswered", "1").await?;
    customer.client.enter_parent_frame().await?;
    customer.screenshot("06-widget-session-two").await?;
    agent.screenshot("07-agent-session-two").await?;

    // Reloading either page loses nothing (W3).
    customer.client.refresh().await?;
    open_widget(&customer).await?;
    for text in ["Canarias", "Baleares"] {
        customer.find_text("#messages li.msg.from-visitor .msg-text", text).await?;
    }
    customer.find_text("#messages li.msg.from-agent .msg-text", "48 horas").await?;
    agent.client.refresh().await?;
    agent.find_text("#messages li.msg.from-agent .msg-text", "48 horas").await?;
    agent.find_text("#messages li.msg.from-visitor .msg-text", "Baleares").await?;
    customer.client.enter_parent_frame().await?;
    customer.screenshot("08-widget-after-reload").await?;

    customer.close().await?;
    agent.close().await?;
    Ok(())
}
