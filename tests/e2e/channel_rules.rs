//! Every customer path enforces the channel's rules as they are now (issue 15), attacked on the
//! real edge: a visitor token issued before the channel required a signed identity (W6) is
//! refused on every path after it and loses its open socket, a blocked customer (Q6) writes
//! nowhere, uploads spend the same allowances as messages, file names lose their bidi
//! controls (C1), and an upload past the channel's limit is cut off while it streams in.

use anyhow::{bail, Context, Result};
use openline_core::auth::identity_hash;
use openline_core::channel::ChannelSettings;
use openline_core::contact::{Contact, Rating};
use openline_core::files::FileRef;
use openline_core::protocol::{
    ChannelsReply, EventsFrame, IdentitySecret, VisitorIdentity, WidgetSession,
    WidgetSessionRequest,
};
use openline_core::{Command, ErrorCode, EventBody};
use openline_tests::api::{failure, new_command_id, Agent, Customer, Socket};
use openline_tests::scene::Workspace;
use openline_tests::wait::budget;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A tiny valid PNG (1×1).
const PNG: &[u8] = crate::files::PNG;

async fn web_settings(admin: &Agent) -> Result<ChannelSettings> {
    let reply: ChannelsReply = admin.http.get("/api/agent/channels").await?;
    reply.channels.into_iter().find(|c| c.id.as_str() == "web").context("the web channel")
}

pub(crate) async fn change_web(
    admin: &Agent,
    change: impl FnOnce(&mut ChannelSettings),
) -> Result<()> {
    let mut settings = web_settings(admin).await?;
    change(&mut settings);
    let _: ChannelSettings = admin.http.put("/api/agent/channels/web", &settings).await?;
    Ok(())
}

/// A customer the host site vouches for (W6), signed with the channel's secret.
async fn verified_customer(ws: &Workspace, admin: &Agent, user: &str) -> Result<Customer> {
    let path = "/api/agent/channels/web/identity-secret";
    let secret: IdentitySecret = admin.http.get(path).await?;
    let request = WidgetSessionRequest {
        channel: ws.channel_key(),
        visitor_token: None,
        host: None,
        identity: Some(VisitorIdentity {
            user_id: user.into(),
            hash: identity_hash(&secret.secret, user),
        }),
    };
    let http = ws.http();
    let session: WidgetSession = http.post("/api/widget/session", &request).await?;
    Ok(Customer { http: http.with_token(&session.visitor_token), session })
}

/// Every way a customer writes a command, each a path the gate must hold on.
fn customer_commands(up_to: u64) -> Vec<(&'static str, Command)> {
    let contact = Contact { name: "Ana".into(), email: "ana@example.com".into(), phone: "".into() };
    vec![
        ("message", openline_tests::api::post("hello again")),
        ("read mark", Command::MarkRead { up_to }),
        ("contact", Command::ShareContact { contact }),
        ("rating", Command::Rate { rating: Rating::thumbs(true), comment: String::new() }),
    ]
}

/// The HTTP status a refused WebSocket handshake got.
fn handshake_status(result: Result<Socket>) -> Result<u16> {
    use tokio_tungstenite::tungstenite::Error;
    let Err(e) = result else { bail!("the socket opened") };
    match e.downcast_ref::<Error>() {
        Some(Error::Http(response)) => Ok(response.status().as_u16()),
        _ => bail!("the handshake failed without an HTTP refusal: {e:#}"),
    }
}

#[tokio::test]
async fn w6_a_token_issued_before_identity_was_required_is_refused_on_every_customer_path_after(
) -> Result<()> {
    let ws = Workspace::new("rules-identity").await?;
    let ana = ws.admin().await?;
    let anonymous = ws.customer().await?;
    let verified = verified_customer(&ws, &ana, "user-42").await?;

    // Before: the anonymous visitor uses every path.
    let said = anonymous.say("Hello, anyone?").await?;
    let last = said.events.last().map_or(0, |e| e.seq);
    anonymous.upload("photo.png", PNG.to_vec()).await?;
    anonymous.events(None).await?;
    let mut open_socket = anonymous.socket(Some(last)).await?;
    verified.say("Hello, I am signed in").await?;
    let mut verified_socket = verified.socket(None).await?;
    let _: EventsFrame = verified_socket.next().await?;

    change_web(&ana, |s| s.require_identity = true).await?;

    // The socket that was open closes at once, saying why.
    let closed = open_socket.closed_within(budget::API).await?;
    assert_eq!(closed, Some((1008, "identity_required".to_owned())), "the anonymous socket");
    // Every path refuses the old token now, with the same clear code.
    let refused = (403, ErrorCode::IdentityRequired);
    for (path, command) in customer_commands(last) {
        assert_eq!(failure(anonymous.command(new_command_id(), command).await), refused, "{path}");
    }
    assert_eq!(failure(anonymous.upload("more.png", PNG.to_vec()).await), refused, "upload");
    assert_eq!(failure(anonymous.events(None).await), refused, "history");
    assert_eq!(handshake_status(anonymous.socket(Some(last)).await)?, 403, "socket reconnect");
    let again = Customer::resume(&ws, &ws.channel_key(), Some(anonymous.session.visitor_token))
        .await
        .map(|c| c.session);
    assert_eq!(failure(again), refused, "a new session with the old token");

    // The verified visitor goes on everywhere, and their socket still delivers.
    let reply = verified.say("Still here").await?;
    let seq = reply.events.last().map_or(0, |e| e.seq);
    verified_socket.events_until(|e| e.seq == seq).await?;
    verified.upload("receipt.png", PNG.to_vec()).await?;
    verified.events(None).await?;
    verified.socket(None).await?.close().await?;
    Ok(())
}

#[tokio::test]
async fn q6_a_blocked_customer_writes_on_no_path_and_still_reads_what_they_had() -> Result<()> {
    let ws = Workspace::new("rules-block").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    let said = customer.say("Cheap pills!!!").await?;
    let last = said.events.last().map_or(0, |e| e.seq);
    customer.upload("pills.png", PNG.to_vec()).await?;
    luis.command(&customer.session.dialog_id, Command::Block).await?;

    let refused = (403, ErrorCode::Blocked);
    for (path, command) in customer_commands(last) {
        assert_eq!(failure(customer.command(new_command_id(), command).await), refused, "{path}");
    }
    assert_eq!(failure(customer.upload("more.png", PNG.to_vec()).await), refused, "upload");
    let history = customer.events(None).await?;
    assert!(history.events.iter().any(|e| e.seq == last), "their own history stays readable");
    customer.socket(None).await?.close().await?;
    Ok(())
}

#[tokio::test]
async fn w2_c1_uploads_spend_the_same_allowances_as_messages() -> Result<()> {
    let ws = Workspace::new("rules-upload-flood").await?;
    // One customer: messages and uploads share their allowance, as a burst of uploads alone
    // is cut like a burst of messages.
    let flooder = ws.customer().await?;
    let mut accepted = 0;
    let refusal = loop {
        match flooder.upload(&format!("flood-{accepted}.png"), PNG.to_vec()).await {
            Ok(_) => accepted += 1,
            Err(e) => break failure(Err::<(), _>(e)),
        }
        if accepted == 30 {
            bail!("30 uploads in a burst were all accepted");
        }
    };
    assert_eq!(refusal, (429, ErrorCode::RateLimited));
    assert!(accepted >= 5, "refused too early, after {accepted}");
    assert_eq!(failure(flooder.say("and a message").await), refusal, "one shared allowance");

    // One network: messages from a few visitors spend it, and then a visitor from that network
    // who has sent nothing yet is refused an upload too, while another network uploads.
    let mut writers = Vec::new();
    for _ in 0..7 {
        writers.push(ws.customer().await?);
    }
    let (prober, fresh_uploader) = (writers.pop().context("7")?, writers.pop().context("6")?);
    // Until the sign that the network's allowance is spent: a visitor with an untouched
    // allowance of their own is refused a message (the platform's window may turn over during
    // a round, hence rounds).
    let mut rounds = 0;
    loop {
        let floods = writers.iter().map(|writer| async move {
            for i in 0..13 {
                let _ = writer.say(&format!("flood {i}")).await;
            }
        });
        futures_util::future::join_all(floods).await;
        match prober.say("hello").await {
            Err(e) => {
                assert_eq!(failure(Err::<(), _>(e)), refusal, "the network is spent");
                break;
            }
            Ok(_) if rounds < 4 => rounds += 1,
            Ok(_) => bail!("five rounds of 65 messages from one network never spent it"),
        }
    }
    let upload = fresh_uploader.upload("receipt.png", PNG.to_vec()).await;
    assert_eq!(failure(upload), refusal, "an upload from the spent network");
    let elsewhere = ws.other("rules-upload-other", "boss@other.example", "Boss").await?;
    elsewhere.customer().await?.upload("receipt.png", PNG.to_vec()).await?;
    Ok(())
}

#[tokio::test]
async fn c1_an_upload_named_with_bidi_controls_comes_back_with_a_clean_name() -> Result<()> {
    let ws = Workspace::new("rules-bidi").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    // Shown as written, this would read "invoice_27.pdf"-like: the override flips "piz.fdp".
    let uploaded = customer.upload("invoice\u{202E}fdp.zip", b"PK\x03\x04zip".to_vec()).await?;
    let clean = "invoicefdp.zip";
    assert_eq!(uploaded.name, clean);
    let sneaky = "\u{2066}cv\u{200F}\u{200B}\u{2069}.pdf";
    let other = customer.upload(sneaky, b"%PDF-1.4".to_vec()).await?;
    assert_eq!(other.name, "cv.pdf");
    customer.command(new_command_id(), openline_tests::api::attach(&[&uploaded], "")).await?;

    let history = luis.events(&customer.session.dialog_id, None).await?;
    let names: Vec<&FileRef> = history
        .events
        .iter()
        .flat_map(|e| match &e.body {
            EventBody::MessagePosted { files, .. } => files.iter().collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(names.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), [clean]);
    let link = names[0].url.as_deref().context("a link")?;
    let download = ws.http().download(link).await?;
    assert_eq!(download.status, 200);
    assert!(download.disposition.contains(clean), "{}", download.disposition);
    assert!(!download.disposition.contains("%E2%80%AE"), "{}", download.disposition);
    Ok(())
}

/// Sends an upload by hand over HTTP/1.1 in chunks of 1 KB, `chunks` of them, and ends the body
/// only when `finish`: a body the server can refuse only while it streams in. Returns the
/// status line and body of the reply.
async fn chunked_upload(
    ws: &Workspace,
    token: &str,
    chunks: usize,
    finish: bool,
) -> Result<(u16, String)> {
    let base = ws.url("");
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(host).await?;
    let head = format!(
        "POST /api/widget/files?name=big.pdf HTTP/1.1\r\nhost: {host}\r\n\
         authorization: Bearer {token}\r\ncf-connecting-ip: {}\r\n\
         transfer-encoding: chunked\r\nconnection: close\r\n\r\n",
        ws.network()
    );
    stream.write_all(head.as_bytes()).await?;
    for _ in 0..chunks {
        stream.write_all(format!("400\r\n{}\r\n", "x".repeat(1024)).as_bytes()).await?;
    }
    if finish {
        stream.write_all(b"0\r\n\r\n").await?;
    }
    stream.flush().await?;
    // The reply, read until the server closes (we asked `connection: close`).
    let mut reply = Vec::new();
    let read = tokio::time::timeout(budget::API, async {
        let mut buf = [0u8; 4096];
        loop {
            let n = stream.read(&mut buf).await?;
            if n == 0 {
                return anyhow::Ok(());
            }
            reply.extend_from_slice(&buf[..n]);
            // An error body ends the reply even if the server keeps the connection open.
            if String::from_utf8_lossy(&reply).contains("}}") {
                return anyhow::Ok(());
            }
        }
    })
    .await;
    let reply = String::from_utf8_lossy(&reply).into_owned();
    if read.is_err() && reply.is_empty() {
        bail!("no reply within {} s to an upload of {chunks} KB", budget::API.as_secs());
    }
    let status = reply
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("a status line: {reply}"))?;
    Ok((status, reply))
}

#[tokio::test]
async fn c1_an_upload_past_the_channels_limit_is_refused_with_413_while_it_streams() -> Result<()> {
    let ws = Workspace::new("rules-stream").await?;
    let ana = ws.admin().await?;
    change_web(&ana, |s| s.files.max_bytes = 4 * 1024).await?;
    let customer = ws.customer().await?;
    let token = &customer.session.visitor_token;
    // The hand-made request works: 2 KB in chunks, finished, is stored.
    let (status, reply) = chunked_upload(&ws, token, 2, true).await?;
    assert_eq!(status, 200, "{reply}");
    // 16 KB with no declared length and a body that never ends: the reply can only come from
    // counting the bytes as they arrive.
    let (status, reply) = chunked_upload(&ws, token, 16, false).await?;
    assert_eq!(status, 413, "{reply}");
    assert!(reply.contains("file_too_large"), "{reply}");
    Ok(())
}
