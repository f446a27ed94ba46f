//! Accounts resist guessing and cross-site tricks (issue 15), on the real edge: failed sign-ins
//! make an account and a network wait (429 with `Retry-After`) before any password is hashed,
//! an admin sees and clears the waits, and the doors that hand out a session take only JSON
//! from this site (no login CSRF).

use anyhow::{ensure, Result};
use openline_core::protocol::{
    ErrorBody, InviteCreated, InviteRequest, LoginRequest, SignInLocksReply,
};
use openline_core::sign_in::{KeyKind, ACCOUNT_FREE_TRIES, NETWORK_FREE_TRIES};
use openline_core::ErrorCode;
use openline_tests::api::failure;
use openline_tests::demo::{ADMIN_PASSWORD, COLLEAGUES};
use openline_tests::scene::Workspace;
use serde::Serialize;
use serde_json::Value;

/// What a sign-in door answered: status, `Retry-After`, error code (none on success).
struct Answer {
    status: u16,
    retry_after: Option<u64>,
    code: Option<ErrorCode>,
}

/// POSTs `body` to `path` as a browser on `origin` would, with `content_type`, from `network`.
async fn knock(
    ws: &Workspace,
    path: &str,
    origin: Option<&str>,
    content_type: &str,
    network: &str,
    body: String,
) -> Result<Answer> {
    let mut req = reqwest::Client::new()
        .post(ws.url(path))
        .header("content-type", content_type)
        .header("cf-connecting-ip", network)
        .body(body);
    if let Some(origin) = origin {
        req = req.header("origin", origin);
    }
    let response = req.send().await?;
    let status = response.status().as_u16();
    let header = response.headers().get("retry-after").and_then(|v| v.to_str().ok());
    let retry_after = header.and_then(|v| v.parse().ok());
    let text = response.text().await?;
    let code = serde_json::from_str::<ErrorBody<ErrorCode>>(&text).ok().map(|b| b.error.code);
    Ok(Answer { status, retry_after, code })
}

/// A sign-in from the app's own page.
async fn sign_in(ws: &Workspace, network: &str, email: &str, password: &str) -> Result<Answer> {
    let body =
        LoginRequest { workspace: ws.id.clone(), email: email.into(), password: password.into() };
    knock(ws, "/api/agent/login", Some(&origin(ws)), "application/json", network, json(&body)).await
}

fn origin(ws: &Workspace) -> String {
    ws.url("").trim_end_matches('/').to_owned()
}

fn json(body: &impl Serialize) -> String {
    serde_json::to_string(body).unwrap_or_default()
}

#[tokio::test]
async fn a_guessed_account_waits_even_for_its_right_password_until_an_admin_clears_it() -> Result<()>
{
    let ws = Workspace::new("sign-in-account-waits").await?;
    let admin = ws.admin().await?;
    let (luis, net) = (COLLEAGUES[0].0, "198.51.100.7");
    for guess in 0..ACCOUNT_FREE_TRIES {
        let wrong = sign_in(&ws, net, luis, &format!("guess {guess}")).await?;
        ensure!(wrong.status == 401, "guess {guess}: {}", wrong.status);
        ensure!(wrong.code == Some(ErrorCode::InvalidCredentials));
    }
    // The free tries are spent: even the right password now waits, told for how long.
    let waiting = sign_in(&ws, net, luis, ADMIN_PASSWORD).await?;
    ensure!(waiting.status == 429, "after the free tries: {}", waiting.status);
    ensure!(waiting.code == Some(ErrorCode::RateLimited));
    ensure!(waiting.retry_after.is_some_and(|s| s >= 1), "Retry-After: {:?}", waiting.retry_after);
    // An email nobody has waits the same way: the waits tell a guesser nothing.
    for _ in 0..ACCOUNT_FREE_TRIES {
        ensure!(sign_in(&ws, net, "nobody@example.com", "x").await?.status == 401);
    }
    ensure!(sign_in(&ws, net, "nobody@example.com", "x").await?.status == 429);

    // The admin sees Luis's account waiting, and lets him in again.
    let locks: SignInLocksReply = admin.http.get("/api/agent/sign-in-locks").await?;
    let lock = locks.locks.iter().find(|l| l.kind == KeyKind::Account && l.key == luis);
    ensure!(lock.is_some_and(|l| l.failures == ACCOUNT_FREE_TRIES), "{:?}", locks.locks);
    let colleague = ws.login(COLLEAGUES[1].0, ADMIN_PASSWORD).await?;
    let denied = colleague.http.get::<SignInLocksReply>("/api/agent/sign-in-locks").await;
    ensure!(failure(denied).0 == 403, "an agent read the sign-in locks");
    let path = format!("/api/agent/sign-in-locks?kind=account&key={luis}");
    let _: Value = admin.http.delete(&path).await?;
    let again = sign_in(&ws, net, luis, ADMIN_PASSWORD).await?;
    ensure!(again.status == 200, "after the admin cleared the lock: {}", again.status);
    Ok(())
}

#[tokio::test]
async fn a_network_guessing_many_accounts_waits_while_other_networks_sign_in() -> Result<()> {
    let ws = Workspace::new("sign-in-network-waits").await?;
    let guesser = "203.0.113.9";
    // Fewer tries per email than an account's free ones: only the network's count adds up.
    let per_email = ACCOUNT_FREE_TRIES - 1;
    let mut tries = 0;
    let mut email = 0;
    while tries < NETWORK_FREE_TRIES {
        for _ in 0..per_email.min(NETWORK_FREE_TRIES - tries) {
            let wrong = sign_in(&ws, guesser, &format!("user{email}@example.com"), "x").await?;
            ensure!(wrong.status == 401, "try {tries}: {}", wrong.status);
            tries += 1;
        }
        email += 1;
    }
    let marta = COLLEAGUES[1].0;
    let waiting = sign_in(&ws, guesser, marta, ADMIN_PASSWORD).await?;
    ensure!(waiting.status == 429, "the guessing network: {}", waiting.status);
    let elsewhere = sign_in(&ws, "192.0.2.44", marta, ADMIN_PASSWORD).await?;
    ensure!(elsewhere.status == 200, "another network: {}", elsewhere.status);
    Ok(())
}

#[tokio::test]
async fn the_doors_that_hand_out_a_session_take_only_json_from_this_site() -> Result<()> {
    let ws = Workspace::new("sign-in-doors").await?;
    let admin = ws.admin().await?;
    let invite = InviteRequest {
        email: "new@example.com".into(),
        name: "New".into(),
        role: Default::default(),
    };
    let created: InviteCreated = admin.http.post("/api/agent/invites", &invite).await?;
    let net = "198.51.100.20";
    let login = json(&LoginRequest {
        workspace: ws.id.clone(),
        email: COLLEAGUES[0].0.into(),
        password: ADMIN_PASSWORD.into(),
    });
    let accept =
        json(&serde_json::json!({ "code": created.code, "password": "a new password 123" }));
    let form = format!("workspace={}&email=x&password=y", ws.id);
    let own = origin(&ws);
    // (door, origin, content type, body): a plain form, a foreign page, no origin, and the
    // content type a cross-site `fetch` may send without asking first.
    for (path, body) in [("/api/agent/login", &login), ("/api/agent/invitation", &accept)] {
        let attempts = [
            (Some(own.as_str()), "application/x-www-form-urlencoded", form.clone()),
            (Some("https://evil.example"), "application/json", body.clone()),
            (None, "application/json", body.clone()),
            (Some(own.as_str()), "text/plain", body.clone()),
        ];
        for (origin, content_type, body) in attempts {
            let answer = knock(&ws, path, origin, content_type, net, body).await?;
            ensure!(
                answer.status == 403 && answer.code == Some(ErrorCode::Csrf),
                "{path} from {origin:?} as {content_type}: {}",
                answer.status
            );
        }
    }
    let setup = json(&serde_json::json!({
        "workspace": "csrf-setup", "name": "Eve", "email": "eve@example.com",
        "password": "a long password 123"
    }));
    let foreign =
        knock(&ws, "/api/setup", Some("https://evil.example"), "application/json", net, setup)
            .await?;
    ensure!(
        foreign.status == 403 && foreign.code == Some(ErrorCode::Csrf),
        "setup: {}",
        foreign.status
    );
    // The same requests from the app's own page go through.
    let own_login =
        knock(&ws, "/api/agent/login", Some(&own), "application/json", net, login).await?;
    ensure!(own_login.status == 200, "login from this site: {}", own_login.status);
    let own_accept =
        knock(&ws, "/api/agent/invitation", Some(&own), "application/json", net, accept).await?;
    ensure!(own_accept.status == 200, "invitation from this site: {}", own_accept.status);
    Ok(())
}
