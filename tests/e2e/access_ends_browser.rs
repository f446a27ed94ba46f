//! Access ends at once in the agent app (issue 15): when the session the app runs under ends
//! elsewhere, its sockets close, it asks over HTTP, gets 401 and shows the login, with no
//! click or request of its own to notice.

use anyhow::{Context, Result};
use openline_core::protocol::PasswordChange;
use openline_tests::demo;
use openline_tests::scene::Stage;
use serde_json::Value;

#[tokio::test]
async fn a_password_changed_elsewhere_returns_the_open_app_to_the_login_at_once() -> Result<()> {
    let stage = Stage::new("access-browser").await?;
    let ws = &stage.ws;
    let customer = ws.customer().await?;
    customer.say("Is anyone there?").await?;
    // Ana has the app open on a conversation (its inbox and dialog sockets open)…
    let app = stage.agent(demo::ADMIN_EMAIL).await?;
    app.open_chat("Is anyone there?").await?;
    app.sees_customer("Is anyone there?").await?;
    app.screenshot("90-app-open-before-the-password-change").await?;

    // …and changes her password from another device: the app's session ends.
    app.expect_console_error(
        "the server responded with a status of 401",
        "the app's calls after its session ended are refused: that is how it notices",
    );
    let elsewhere = ws.admin().await?;
    let change =
        PasswordChange { current: demo::ADMIN_PASSWORD.into(), new: "a brand new password".into() };
    let _: Value = elsewhere.http.put("/api/agent/password", &change).await?;
    app.find("#login-email").await.context("the app did not return to the login")?;
    assert!(!app.exists("#account-menu").await?, "the signed-in shell is gone");
    app.screenshot("91-app-back-at-the-login").await?;
    Ok(())
}
