//! Identity in the agent app (issue 4), in headless Chromium against the real edge: the
//! first-run setup, the team screen (roles, removal, an invitation link the colleague opens in
//! their own browser), API tokens, the account menu (change password, log out). Each new screen
//! is photographed to `target/e2e/` and checked with axe-core.

use anyhow::{bail, Result};
use fantoccini::Locator;
use openline_core::protocol::LoginReply;
use openline_tests::browser::{Driver, Page};
use openline_tests::demo;
use openline_tests::edge::Edge;
use std::time::{Duration, Instant};

const ESCAPE: &str = "\u{E00C}";

/// Logs an agent into the app in `page`, with the demo password.
async fn log_in(page: &Page, edge: &Edge, email: &str, password: &str) -> Result<()> {
    page.goto(&edge.url("/app/")).await?;
    page.type_into("#login-email", email).await?;
    page.type_into("#login-password", password).await?;
    page.click("#login-submit").await?;
    page.find("#account-menu").await?;
    Ok(())
}

/// Clicks `css`, looking it up again while the app redraws it (a stale element).
async fn press(page: &Page, css: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match page.click(css).await {
            Ok(()) => return Ok(()),
            Err(e) if Instant::now() > deadline => return Err(e),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// The `value` of an input.
async fn value(page: &Page, css: &str) -> Result<String> {
    Ok(page.find(css).await?.prop("value").await?.unwrap_or_default())
}

/// Replaces what an input holds.
async fn retype(page: &Page, css: &str, text: &str) -> Result<()> {
    let input = page.find(css).await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

/// The id of the focused element.
async fn focused_id(page: &Page) -> Result<String> {
    let active = page.client.active_element().await?;
    Ok(active.attr("id").await?.unwrap_or_default())
}

/// Waits until no element matching `css` contains `text`.
async fn gone(page: &Page, css: &str, text: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mut present = false;
        for element in page.client.find_all(Locator::Css(css)).await? {
            present |= element.text().await.is_ok_and(|t| t.contains(text));
        }
        if !present {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("`{css}` with {text:?} is still there");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether any element matches `css` now.
async fn exists(page: &Page, css: &str) -> Result<bool> {
    Ok(!page.client.find_all(Locator::Css(css)).await?.is_empty())
}

#[tokio::test]
async fn a_first_run_sets_up_the_workspace_in_the_browser() -> Result<()> {
    // No seed: the installation has no workspace yet.
    let edge = Edge::start_fresh("browser-setup").await?;
    let driver = Driver::start().await?;
    let page = driver.page(1280, 860).await?;
    page.goto(&edge.url("/app/")).await?;
    page.find("#setup-workspace").await?;
    page.screenshot("60-first-run-setup").await?;
    page.check_accessibility("first-run setup").await?;

    // The password rule is said before anything is sent, and focus goes to the field.
    page.type_into("#setup-workspace", "acme").await?;
    page.type_into("#setup-name", "Alice Admin").await?;
    page.type_into("#setup-email", "alice@acme.example").await?;
    page.type_into("#setup-password", "short").await?;
    page.type_into("#setup-password-again", "short").await?;
    page.click("#setup-submit").await?;
    page.find_text("#setup-error", "at least 10 characters").await?;
    assert_eq!(focused_id(&page).await?, "setup-password");
    page.screenshot("61-first-run-weak-password").await?;
    page.check_accessibility("first-run setup with an error").await?;

    retype(&page, "#setup-password", "a long enough password").await?;
    retype(&page, "#setup-password-again", "a long enough password").await?;
    page.click("#setup-submit").await?;
    page.find_text("#account-menu", "Alice Admin").await?;
    page.find_text("#account-menu", "Admin").await?;
    assert!(exists(&page, "#nav-team").await?, "the first admin manages the team");
    page.screenshot("62-first-run-signed-in").await?;

    // The session is the cookie: a reload stays signed in.
    page.client.refresh().await?;
    page.find_text("#account-menu", "Alice Admin").await?;

    // Another browser is offered the login now, not the setup.
    let other = driver.page(1280, 800).await?;
    other.goto(&edge.url("/app/")).await?;
    other.find("#login-email").await?;
    assert!(!exists(&other, "#setup-workspace").await?);
    retype(&other, "#login-workspace", "acme").await?;
    other.type_into("#login-email", "alice@acme.example").await?;
    other.type_into("#login-password", "a long enough password").await?;
    other.click("#login-submit").await?;
    other.find_text("#account-menu", "Alice Admin").await?;
    page.close().await?;
    other.close().await?;
    Ok(())
}

#[tokio::test]
async fn an_admin_invites_a_colleague_in_the_browser_who_joins_through_the_link() -> Result<()> {
    let edge = Edge::start_fresh("browser-invite").await?;
    edge.seed(&demo::seed()).await?;
    let driver = Driver::start().await?;
    let ana = driver.page(1280, 900).await?;
    log_in(&ana, &edge, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;

    ana.click("#nav-team").await?;
    ana.find("#tab-team[aria-selected=true]").await?;
    ana.find_text("li.team-row", "Luis Romero").await?;
    ana.screenshot("63-team-members").await?;
    ana.check_accessibility("team screen").await?;

    // Luis becomes a supervisor; the select saves at once.
    ana.click_in("li.team-row", "Luis Romero", "option[value=supervisor]").await?;
    ana.find_text(".admin-card .save-status", "Role saved").await?;

    // Marta is removed after a confirmation.
    ana.click_in("li.team-row", "Marta Vidal", ".team-actions button").await?;
    ana.find("#agent-remove-confirm").await?;
    assert_eq!(focused_id(&ana).await?, "agent-remove-confirm");
    ana.screenshot("64-team-remove-confirm").await?;
    ana.check_accessibility("team screen, removal confirmation").await?;
    ana.click("#agent-remove-confirm").await?;
    gone(&ana, "li.team-row", "Marta Vidal").await?;
    ana.find_text(".admin-card .save-status", "Marta Vidal was removed").await?;

    // The invitation: a link shown once, and a pending row.
    ana.type_into("#invite-email", "nuria@demo.openline").await?;
    ana.type_into("#invite-name", "Núria Puig").await?;
    ana.click("#invite-role option[value=supervisor]").await?;
    ana.click("#invite-create").await?;
    let link = value(&ana, "#invite-link").await?;
    assert!(link.starts_with(&edge.url("/app/#invite=")), "{link}");
    assert_eq!(focused_id(&ana).await?, "invite-link", "focus goes to the link to copy");
    ana.find_text("li.invite-row", "nuria@demo.openline").await?;
    ana.screenshot("65-team-invitation-link").await?;
    ana.check_accessibility("team screen with an invitation link").await?;

    // Núria opens it in her own browser, sets a password and is signed in.
    let nuria = driver.page(1280, 800).await?;
    nuria.goto(&link).await?;
    nuria.find("#invite-password").await?;
    nuria.find_text("h1", "Join the demo workspace").await?;
    nuria.screenshot("66-invitation").await?;
    nuria.check_accessibility("invitation").await?;
    nuria.type_into("#invite-password", "nuria's password").await?;
    nuria.type_into("#invite-password-again", "nuria's passwort").await?;
    nuria.click("#invite-submit").await?;
    nuria.find_text("#invite-error", "not the same").await?;
    assert_eq!(focused_id(&nuria).await?, "invite-password-again");
    retype(&nuria, "#invite-password-again", "nuria's password").await?;
    nuria.click("#invite-submit").await?;
    nuria.find_text("#account-menu", "Núria Puig").await?;
    nuria.find_text("#account-menu", "Supervisor").await?;
    let url = nuria.client.current_url().await?;
    assert!(!url.as_str().contains("invite="), "the code leaves the address: {url}");
    assert!(!exists(&nuria, "#nav-team").await?, "the team screen is for admins");
    nuria.screenshot("67-invitee-signed-in").await?;

    // The invitation is used up: Ana's pending list is empty once she looks again.
    ana.click("#tab-api-tokens").await?;
    ana.click("#tab-team").await?;
    ana.find_text(".admin-card .list-note", "No pending invitations").await?;
    ana.find_text("li.team-row", "Núria Puig").await?;
    ana.close().await?;
    nuria.close().await?;
    Ok(())
}

#[tokio::test]
async fn an_admin_makes_an_api_token_in_the_browser_that_works_until_revoked() -> Result<()> {
    let edge = Edge::start_fresh("browser-tokens").await?;
    edge.seed(&demo::seed()).await?;
    let driver = Driver::start().await?;
    let ana = driver.page(1280, 900).await?;
    log_in(&ana, &edge, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;
    ana.click("#nav-team").await?;
    ana.click("#tab-api-tokens").await?;
    ana.find("#tab-api-tokens[aria-selected=true]").await?;
    ana.find_text(".admin-card .list-note", "No API tokens yet").await?;

    ana.click("#api-token-create").await?;
    ana.find_text("#api-token-error", "name").await?;
    ana.type_into("#api-token-name", "CRM sync").await?;
    ana.click("#api-token-create").await?;
    let secret = value(&ana, "#api-token-secret").await?;
    assert!(secret.starts_with("olk_"), "{secret}");
    ana.find_text(".secret-box .usage", &format!("Authorization: Bearer {secret}")).await?;
    ana.find_text("li.token-row", "CRM sync").await?;
    ana.find_text("li.token-row", "Never").await?;
    ana.screenshot("68-api-token-created").await?;
    ana.check_accessibility("API tokens").await?;

    let client = reqwest::Client::new();
    let inbox = || client.get(edge.url("/api/agent/inbox")).bearer_auth(&secret).send();
    assert_eq!(inbox().await?.status().as_u16(), 200, "the secret works as shown");

    ana.click_in("li.token-row", "CRM sync", ".team-actions button").await?;
    ana.find("#api-token-revoke-confirm").await?;
    ana.screenshot("69-api-token-revoke-confirm").await?;
    ana.click("#api-token-revoke-confirm").await?;
    gone(&ana, "li.token-row", "CRM sync").await?;
    assert_eq!(inbox().await?.status().as_u16(), 401, "a revoked token is refused");
    ana.close().await?;
    Ok(())
}

#[tokio::test]
async fn logout_ends_the_session_and_change_password_works() -> Result<()> {
    let edge = Edge::start_fresh("browser-account").await?;
    edge.seed(&demo::seed()).await?;
    // Ana is also signed in elsewhere: a password change ends that session.
    let elsewhere = openline_tests::api::Agent::login(
        &edge,
        demo::WORKSPACE,
        demo::ADMIN_EMAIL,
        demo::ADMIN_PASSWORD,
    )
    .await?;
    let driver = Driver::start().await?;
    let ana = driver.page(1280, 800).await?;
    log_in(&ana, &edge, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;

    // The account menu: keyboard first. Escape closes it and gives focus back.
    ana.click("#account-menu").await?;
    ana.find("#change-password").await?;
    assert_eq!(focused_id(&ana).await?, "change-password", "focus moves into the menu");
    ana.screenshot("70-account-menu").await?;
    ana.check_accessibility("account menu").await?;
    ana.client.active_element().await?.send_keys(ESCAPE).await?;
    assert_eq!(focused_id(&ana).await?, "account-menu");

    // Change password: a wrong current password is refused with the server's words.
    ana.click("#account-menu").await?;
    ana.click("#change-password").await?;
    ana.find("[role=dialog] #password-current").await?;
    assert_eq!(focused_id(&ana).await?, "password-current");
    ana.screenshot("71-change-password").await?;
    ana.check_accessibility("change password").await?;
    ana.type_into("#password-current", "not my password").await?;
    ana.type_into("#password-new", "a brand new password").await?;
    ana.type_into("#password-new-again", "a brand new password").await?;
    ana.click("#password-save").await?;
    ana.find_text("#password-error", "current password is wrong").await?;
    assert_eq!(focused_id(&ana).await?, "password-current");
    ana.screenshot("72-change-password-wrong").await?;
    retype(&ana, "#password-current", demo::ADMIN_PASSWORD).await?;
    ana.click("#password-save").await?;
    ana.find_text("#password-status", "Password changed").await?;
    ana.screenshot("73-password-changed").await?;
    ana.click("#password-done").await?;
    assert_eq!(focused_id(&ana).await?, "account-menu", "focus returns to the menu button");
    let other = elsewhere.http.get::<LoginReply>("/api/agent/me").await;
    assert!(other.is_err(), "the other session ended");
    // This one stays: the inbox still answers.
    ana.find("#tab-unanswered").await?;

    // Log out: the login screen, and a reload does not sign back in.
    ana.click("#account-menu").await?;
    ana.click("#logout").await?;
    ana.find("#login-email").await?;
    assert!(!exists(&ana, "#account-menu").await?);
    ana.screenshot("74-logged-out").await?;
    ana.client.refresh().await?;
    ana.find("#login-email").await?;
    assert!(!exists(&ana, "#account-menu").await?, "the session ended on the server");

    // The new password signs in; the old one does not.
    ana.type_into("#login-email", demo::ADMIN_EMAIL).await?;
    ana.type_into("#login-password", demo::ADMIN_PASSWORD).await?;
    ana.click("#login-submit").await?;
    ana.find_text(".alert", "Wrong workspace, email or password").await?;
    retype(&ana, "#login-password", "a brand new password").await?;
    ana.click("#login-submit").await?;
    ana.find("#account-menu").await?;
    ana.close().await?;
    Ok(())
}

#[tokio::test]
async fn q6_an_agent_spams_and_blocks_a_customer_and_a_supervisor_unblocks() -> Result<()> {
    let edge = Edge::start_fresh("browser-block").await?;
    edge.seed(&demo::seed()).await?;
    let customer = openline_tests::api::Customer::open(&edge, demo::CHANNEL_KEY).await?;
    customer.say("Compra relojes baratos aquí").await?;
    let driver = Driver::start().await?;
    let luis = driver.page(1280, 800).await?;
    log_in(&luis, &edge, demo::COLLEAGUES[0].0, demo::ADMIN_PASSWORD).await?;

    // "Spam and block" sits next to "Mark as spam" in the "…" menu.
    luis.click_in("li.inbox-row", "relojes", "a").await?;
    luis.find("#action-answer").await?;
    press(&luis, "#action-more").await?;
    luis.find("#action-spam").await?;
    press(&luis, "#action-block").await?;
    luis.find_text("#messages li.system", "Luis Romero blocked the customer").await?;
    luis.find_text(".dialog-header .blocked-badge", "Blocked").await?;
    luis.find_text(".closed-notice", "blocked").await?;
    assert!(!exists(&luis, "#action-unblock").await?, "agents do not unblock");
    luis.screenshot("75-dialog-blocked").await?;
    luis.check_accessibility("blocked dialog").await?;
    assert!(customer.say("¿Hola?").await.is_err(), "a blocked customer is refused");
    luis.click("#tab-spam").await?;
    luis.find_text("li.inbox-row .blocked-badge", "Blocked").await?;
    luis.screenshot("76-inbox-blocked-row").await?;

    // An admin (a moderator) unblocks; the customer may write again.
    let ana = driver.page(1280, 800).await?;
    log_in(&ana, &edge, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;
    ana.click("#tab-spam").await?;
    ana.click_in("li.inbox-row", "relojes", "a").await?;
    press(&ana, "#action-unblock").await?;
    ana.find_text("#messages li.system", "Ana García unblocked the customer").await?;
    gone(&ana, ".dialog-header .blocked-badge", "Blocked").await?;
    customer.say("Perdón, era una broma").await?;
    luis.close().await?;
    ana.close().await?;
    Ok(())
}

#[tokio::test]
async fn w6_an_admin_limits_where_the_chat_opens_and_renews_the_identity_secret() -> Result<()> {
    let edge = Edge::start_fresh("browser-access").await?;
    edge.seed(&demo::seed()).await?;
    let admin_api = openline_tests::api::Agent::login(
        &edge,
        demo::WORKSPACE,
        demo::ADMIN_EMAIL,
        demo::ADMIN_PASSWORD,
    )
    .await?;
    let driver = Driver::start().await?;
    let ana = driver.page(1280, 1000).await?;
    log_in(&ana, &edge, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;
    ana.goto(&edge.url("/app/#/channels/web")).await?;
    ana.find("#channel-form").await?;

    // A line that is not an origin is named, and focus goes to the field.
    ana.type_into("#channel-allowed-origins", "shop.example/cart").await?;
    ana.click("#channel-save").await?;
    ana.find_text("#channel-error", "shop.example/cart").await?;
    assert_eq!(focused_id(&ana).await?, "channel-allowed-origins");
    retype(&ana, "#channel-allowed-origins", "https://Shop.example/").await?;
    ana.click("#channel-require-identity").await?;
    ana.click("#channel-save").await?;
    ana.find_text("#channel-status", "Saved").await?;
    let channels: openline_core::protocol::ChannelsReply =
        admin_api.http.get("/api/agent/channels").await?;
    let web = channels.channels.iter().find(|c| c.id.as_str() == "web").expect("web");
    assert_eq!(web.allowed_origins, ["https://shop.example"]);
    assert!(web.require_identity);

    // The identity secret: revealed on demand, renewed after a confirmation.
    ana.click("#identity-secret-reveal").await?;
    let first = value(&ana, "#identity-secret").await?;
    assert!(!first.is_empty());
    ana.click("#identity-secret-new").await?;
    ana.find("#identity-secret-generate").await?;
    ana.screenshot("77-channel-access").await?;
    ana.check_accessibility("channel access and identity secret").await?;
    ana.click("#identity-secret-generate").await?;
    ana.find_text(".identity-secret .save-status", "new secret").await?;
    let second = value(&ana, "#identity-secret").await?;
    assert_ne!(first, second);
    let stored: openline_core::protocol::IdentitySecret =
        admin_api.http.get("/api/agent/channels/web/identity-secret").await?;
    assert_eq!(stored.secret, second);
    ana.close().await?;
    Ok(())
}
