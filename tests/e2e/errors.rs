//! Bad input gets a clear JSON error with the right status, and changes nothing.

use openline_core::limits::{MAX_BODY_BYTES, MAX_MESSAGE_CHARS};
use openline_core::protocol::{path, ErrorBody};
use openline_core::ErrorCode;
use openline_tests::api::{failure, post};
use openline_tests::scene::Workspace;
use reqwest::Method;

/// (method, path, body, expected status, expected code)
type Case = (Method, String, Vec<u8>, u16, ErrorCode);

fn check(case: &Case, status: u16, text: &str) {
    let (method, path, _, want_status, want_code) = case;
    let body: ErrorBody<ErrorCode> = serde_json::from_str(text)
        .unwrap_or_else(|_| panic!("{method} {path}: not a JSON error body: {text}"));
    assert_eq!((status, body.error.code), (*want_status, *want_code), "{method} {path}: {text}");
    assert!(!body.error.message.is_empty(), "{method} {path}: empty message");
}

// Long: a table of bad requests, each with the error it must get, then one check that
// nothing changed.
#[tokio::test]
async fn bad_requests_get_json_errors_and_change_nothing() -> anyhow::Result<()> {
    let ws = Workspace::new("errors").await?;
    let ws_id = ws.id.as_str();
    let customer = ws.customer().await?;
    customer.say("the only message").await?;
    let agent = ws.admin().await?;
    let commands = path::dialog_commands(&customer.session.dialog_id);
    let cmd = |text: &str| {
        serde_json::to_vec(
            &serde_json::json!({"command_id": "c-x", "command": {"type": "post", "text": text}}),
        )
        .unwrap_or_default()
    };

    let anonymous: Vec<Case> = vec![
        (Method::GET, "/api/nothing-here".into(), vec![], 404, ErrorCode::NotFound),
        (Method::GET, "/api/agent/login".into(), vec![], 405, ErrorCode::MethodNotAllowed),
        (
            Method::POST,
            "/api/widget/session".into(),
            b"{not json".to_vec(),
            400,
            ErrorCode::InvalidJson,
        ),
        (
            Method::POST,
            "/api/widget/session".into(),
            b"{\"channel\": 42}".to_vec(),
            400,
            ErrorCode::InvalidJson,
        ),
        (
            Method::POST,
            "/api/widget/session".into(),
            format!("{{\"channel\":\"{ws_id}.nope\"}}").into_bytes(),
            404,
            ErrorCode::NotFound,
        ),
        (
            Method::POST,
            "/api/widget/session".into(),
            b"{\"channel\":\"../etc\"}".to_vec(),
            404,
            ErrorCode::NotFound,
        ),
        (
            Method::POST,
            "/api/widget/session".into(),
            vec![0xff, 0xfe, 0x00],
            400,
            ErrorCode::InvalidJson,
        ),
        (
            Method::POST,
            "/api/widget/session".into(),
            vec![b' '; MAX_BODY_BYTES + 1],
            413,
            ErrorCode::PayloadTooLarge,
        ),
        (Method::POST, "/api/widget/commands".into(), cmd("hi"), 401, ErrorCode::Unauthorized),
        (Method::GET, "/api/agent/inbox".into(), vec![], 401, ErrorCode::Unauthorized),
        (
            Method::POST,
            "/api/agent/login".into(),
            format!(
                "{{\"workspace\":\"{ws_id}\",\"email\":\"admin@demo.openline\",\"password\":\"wrong\"}}"
            )
            .into_bytes(),
            401,
            ErrorCode::InvalidCredentials,
        ),
        (
            Method::POST,
            "/api/agent/login".into(),
            b"{\"workspace\":\"nope\",\"email\":\"a\",\"password\":\"b\"}".to_vec(),
            401,
            ErrorCode::InvalidCredentials,
        ),
        (
            Method::POST,
            "/api/agent/login".into(),
            format!(
                "{{\"workspace\":\"{ws_id}\",\"email\":\"a\",\"password\":\"b\",\"role\":\"admin\"}}"
            )
            .into_bytes(),
            400,
            ErrorCode::InvalidJson,
        ),
    ];
    let http = ws.http();
    for case in &anonymous {
        let (status, text) = http.raw(case.0.clone(), &case.1, case.2.clone()).await?;
        check(case, status, &text);
    }

    let as_customer: Vec<Case> = vec![
        (Method::POST, "/api/widget/commands".into(), cmd("   "), 400, ErrorCode::EmptyMessage),
        (Method::POST, "/api/widget/commands".into(), cmd(&"x".repeat(MAX_MESSAGE_CHARS + 1)), 413, ErrorCode::MessageTooLong),
        (Method::POST, "/api/widget/commands".into(), b"{\"command_id\":\"bad id!\",\"command\":{\"type\":\"post\",\"text\":\"x\"}}".to_vec(), 400, ErrorCode::InvalidJson),
        (Method::POST, "/api/widget/commands".into(), b"{\"command_id\":\"c1\",\"command\":{\"type\":\"answer\"}}".to_vec(), 403, ErrorCode::Forbidden),
        (Method::POST, "/api/widget/commands".into(), b"{\"command_id\":\"c1\",\"command\":{\"type\":\"post\",\"text\":\"x\",\"internal\":true}}".to_vec(), 403, ErrorCode::Forbidden),
        (Method::GET, "/api/widget/events?after=-1".into(), vec![], 400, ErrorCode::InvalidAfter),
        (Method::GET, "/api/widget/socket".into(), vec![], 400, ErrorCode::WebsocketExpected),
    ];
    for case in &as_customer {
        let (status, text) = customer.http.raw(case.0.clone(), &case.1, case.2.clone()).await?;
        check(case, status, &text);
    }

    let tampered = format!("{}x", customer.session.visitor_token);
    let forged = customer.http.with_token(&tampered);
    let (status, text) = forged.raw(Method::GET, "/api/widget/events", vec![]).await?;
    check(
        &(
            Method::GET,
            "/api/widget/events (tampered token)".into(),
            vec![],
            401,
            ErrorCode::Unauthorized,
        ),
        status,
        &text,
    );

    let as_agent: Vec<Case> = vec![
        (
            Method::GET,
            "/api/agent/dialogs/no-such-dialog/events".into(),
            vec![],
            404,
            ErrorCode::NotFound,
        ),
        (
            Method::GET,
            "/api/agent/dialogs/bad%20id/events".into(),
            vec![],
            404,
            ErrorCode::NotFound,
        ),
        (Method::POST, commands.clone(), b"[]".to_vec(), 400, ErrorCode::InvalidJson),
        (
            Method::POST,
            commands.clone(),
            b"{\"command_id\":\"c2\",\"command\":{\"type\":\"fly\"}}".to_vec(),
            400,
            ErrorCode::InvalidJson,
        ),
    ];
    for case in &as_agent {
        let (status, text) = agent.http.raw(case.0.clone(), &case.1, case.2.clone()).await?;
        check(case, status, &text);
    }
    // Finishing twice: the second is a conflict, not a crash.
    agent.command(&customer.session.dialog_id, openline_core::Command::Finish).await?;
    assert_eq!(
        failure(agent.command(&customer.session.dialog_id, openline_core::Command::Finish).await),
        (409, ErrorCode::NoOpenSession)
    );
    assert_eq!(
        failure(agent.command(&customer.session.dialog_id, post("late")).await),
        (409, ErrorCode::NoOpenSession)
    );

    // Nothing of the above changed the dialog.
    let history = agent.events(&customer.session.dialog_id, None).await?;
    let posted: Vec<_> = history
        .events
        .iter()
        .filter(|e| matches!(e.body, openline_core::EventBody::MessagePosted { .. }))
        .collect();
    assert_eq!(posted.len(), 1);
    assert_eq!(history.last_seq, 3, "opened, the message, closed");
    Ok(())
}

#[tokio::test]
async fn the_agent_app_cannot_be_framed_and_pages_run_without_inline_code() -> anyhow::Result<()> {
    let ws = Workspace::new("headers").await?;
    let client = reqwest::Client::new();
    let headers = |path: &'static str| {
        let client = client.clone();
        let url = ws.url(path);
        async move { anyhow::Ok(client.get(url).send().await?.headers().clone()) }
    };
    let app = headers("/app/").await?;
    let csp = app.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(app.get("x-frame-options").and_then(|v| v.to_str().ok()), Some("DENY"));
    // The chat iframe is framed by the channel's sites (see `identity::allowed_sites_*`), under
    // the same no-inline policy; without a channel, by nobody.
    let widget = headers("/widget/").await?;
    let csp =
        widget.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(csp.contains("style-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    // The headers file itself is not served.
    let (status, _) = ws.http().raw(Method::GET, "/_headers", vec![]).await?;
    assert_eq!(status, 404);
    Ok(())
}

#[tokio::test]
async fn a_flooding_customer_is_slowed_down_and_others_are_not() -> anyhow::Result<()> {
    let ws = Workspace::new("flood").await?;
    let flooder = ws.customer().await?;
    let other = ws.customer().await?;
    let mut refused = None;
    for i in 0..30 {
        let (status, body) = flooder
            .http
            .raw(
                Method::POST,
                "/api/widget/commands",
                serde_json::to_vec(&serde_json::json!({
                    "command_id": format!("flood-{i}"),
                    "command": { "type": "post", "text": format!("spam {i}") }
                }))?,
            )
            .await?;
        if status == 429 {
            refused = Some((i, body));
            break;
        }
    }
    let (sent, body) = refused.expect("30 messages in a burst were all accepted");
    assert!(sent >= 5, "refused too early, after {sent}");
    let refusal: ErrorBody<ErrorCode> = serde_json::from_str(&body)?;
    assert_eq!(refusal.error.code, ErrorCode::RateLimited, "{body}");
    // The refusal says when to retry, and other customers write as usual.
    let retry = reqwest::Client::new()
        .post(ws.url("/api/widget/commands"))
        .header("cf-connecting-ip", ws.network())
        .bearer_auth(&flooder.session.visitor_token)
        .json(
            &serde_json::json!({"command_id": "flood-x", "command": {"type": "post", "text": "x"}}),
        )
        .send()
        .await?;
    assert_eq!(retry.status().as_u16(), 429);
    let after: u64 = retry
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!((1..=60).contains(&after), "Retry-After {after}");
    other.say("hola, ¿qué tal?").await?;
    Ok(())
}
