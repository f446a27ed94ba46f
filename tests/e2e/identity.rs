//! Identity and tenancy (issue 4) on the real edge: first-run setup, invitations, sessions that
//! end (sign-out, password change, removal), roles applied at once, API tokens, signed
//! visitor identity (W6), allowed sites, and blocking from the spam action (Q6).

use anyhow::Result;
use openline_core::auth::{identity_hash, Role};
use openline_core::channel::ChannelSettings;
use openline_core::protocol::path;
use openline_core::protocol::{
    AcceptInvite, AgentProfile, AgentUpdate, AgentsReply, ApiTokenCreated, ApiTokensReply,
    ChannelsReply, IdentitySecret, InboxFrame, InviteCreated, InvitePreview, InviteRequest,
    InvitesReply, LoginReply, LoginRequest, NewApiToken, NewChannel, PasswordChange, SessionStatus,
    SetupRequest, SetupStatus, VisitorIdentity, WidgetSession, WidgetSessionRequest,
};
use openline_core::ErrorCode;
use openline_core::{ChannelId, Command, EventBody};
use openline_tests::api::{failure, post, Agent, Credentials, Customer, Http};
use openline_tests::demo;
use openline_tests::edge::Edge;
use openline_tests::scene::Workspace;
use serde_json::Value;

type Empty = Value;

fn login(ws: &Workspace, email: &str, password: &str) -> LoginRequest {
    LoginRequest { workspace: ws.id.clone(), email: email.into(), password: password.into() }
}

fn session_request(
    ws: &Workspace,
    host: Option<&str>,
    identity: Option<VisitorIdentity>,
) -> WidgetSessionRequest {
    WidgetSessionRequest {
        channel: ws.channel_key(),
        visitor_token: None,
        host: host.map(str::to_owned),
        identity,
    }
}

async fn web_settings(admin: &Agent) -> Result<ChannelSettings> {
    let reply: ChannelsReply = admin.http.get("/api/agent/channels").await?;
    Ok(reply.channels.into_iter().find(|c| c.id.as_str() == "web").expect("the web channel"))
}

async fn save_web(admin: &Agent, settings: &ChannelSettings) -> Result<ChannelSettings> {
    admin.http.put("/api/agent/channels/web", settings).await
}

#[tokio::test]
async fn a_first_run_offers_setup_once_and_signs_the_admin_in() -> Result<()> {
    // Its own edge: setup needs an installation with no workspace yet.
    let edge = Edge::start_fresh("setup").await?;
    let http = Http::new(&edge);
    let status: SetupStatus = http.get("/api/setup").await?;
    assert!(status.needed);
    let mut request = SetupRequest {
        workspace: "acme".into(),
        name: "Alice Admin".into(),
        email: "alice@acme.example".into(),
        password: "short".into(),
    };
    let refused = http.sign_in::<_, LoginReply>("/api/setup", &request).await;
    assert_eq!(failure(refused), (400, ErrorCode::WeakPassword));
    request.password = "a long enough password".into();
    let (reply, cookie): (LoginReply, String) = http.sign_in("/api/setup", &request).await?;
    assert_eq!((reply.workspace.as_str(), reply.agent.role), ("acme", Role::Admin));
    let alice = http.with_credentials(Credentials::Session(cookie));
    let me: LoginReply = alice.get("/api/agent/me").await?;
    assert_eq!(me.agent.email, "alice@acme.example");
    // The new admin works at once: a channel for the widget.
    let channel = NewChannel { id: ChannelId::parse("web").unwrap(), name: "Website".into() };
    let _: ChannelSettings = alice.post("/api/agent/channels", &channel).await?;

    let status: SetupStatus = http.get("/api/setup").await?;
    assert!(!status.needed, "set up once");
    request.workspace = "evil".into();
    let again = http.sign_in::<_, LoginReply>("/api/setup", &request).await;
    assert_eq!(failure(again), (409, ErrorCode::AlreadySetUp));
    // Signing in later works with the same password.
    let login = LoginRequest {
        workspace: "acme".into(),
        email: "ALICE@acme.example".into(),
        password: "a long enough password".into(),
    };
    let (_, _): (LoginReply, String) = http.sign_in("/api/agent/login", &login).await?;
    Ok(())
}

#[tokio::test]
async fn an_admin_invites_a_colleague_who_sets_a_password_and_signs_in() -> Result<()> {
    let ws = Workspace::new("invite").await?;
    let (ana, luis, _) = ws.agents().await?;
    let invite = InviteRequest {
        email: "nuria@demo.openline".into(),
        name: "Núria Puig".into(),
        role: Role::Supervisor,
    };
    let by_agent = luis.http.post::<_, InviteCreated>("/api/agent/invites", &invite).await;
    assert_eq!(failure(by_agent), (403, ErrorCode::Forbidden));
    let taken = InviteRequest { email: demo::COLLEAGUES[0].0.into(), ..invite.clone() };
    let taken = ana.http.post::<_, InviteCreated>("/api/agent/invites", &taken).await;
    assert_eq!(failure(taken), (409, ErrorCode::EmailTaken));

    let created: InviteCreated = ana.http.post("/api/agent/invites", &invite).await?;
    let pending: InvitesReply = ana.http.get("/api/agent/invites").await?;
    assert_eq!(pending.invites, vec![created.invite.clone()]);
    assert!(!serde_json::to_string(&pending)?.contains(&created.code), "codes are shown once");

    let http = ws.http();
    let preview: InvitePreview =
        http.get(&format!("/api/agent/invitation?code={}", created.code)).await?;
    assert_eq!((preview.email.as_str(), preview.role), ("nuria@demo.openline", Role::Supervisor));
    let wrong =
        http.get::<InvitePreview>(&format!("/api/agent/invitation?code={}.guessed", ws.id)).await;
    assert_eq!(failure(wrong).0, 404);
    let weak = AcceptInvite { code: created.code.clone(), password: "123".into() };
    let weak = http.sign_in::<_, LoginReply>("/api/agent/invitation", &weak).await;
    assert_eq!(failure(weak), (400, ErrorCode::WeakPassword));
    let accept = AcceptInvite { code: created.code.clone(), password: "nuria's password".into() };
    let (reply, _): (LoginReply, String) = http.sign_in("/api/agent/invitation", &accept).await?;
    assert_eq!((reply.agent.name.as_str(), reply.agent.role), ("Núria Puig", Role::Supervisor));
    let reused = http.sign_in::<_, LoginReply>("/api/agent/invitation", &accept).await;
    assert_eq!(failure(reused).0, 404, "an invitation is used once");

    let nuria = ws.login("nuria@demo.openline", "nuria's password").await?;
    let team: AgentsReply = nuria.http.get("/api/agent/agents").await?;
    assert_eq!(team.agents.len(), 4);
    let pending: InvitesReply = ana.http.get("/api/agent/invites").await?;
    assert!(pending.invites.is_empty());
    // A revoked invitation no longer opens.
    let other = InviteRequest { email: "pau@demo.openline".into(), ..invite };
    let created: InviteCreated = ana.http.post("/api/agent/invites", &other).await?;
    let _: Empty = ana.http.delete(&path::invite(&created.invite.id)).await?;
    let revoked =
        http.get::<InvitePreview>(&format!("/api/agent/invitation?code={}", created.code)).await;
    assert_eq!(failure(revoked).0, 404);
    Ok(())
}

#[tokio::test]
async fn logout_and_a_password_change_end_sessions() -> Result<()> {
    let ws = Workspace::new("sessions").await?;
    let first = ws.admin().await?;
    let second = ws.admin().await?;
    let wrong = PasswordChange { current: "not it".into(), new: "a brand new password".into() };
    let wrong = first.http.put::<_, Empty>("/api/agent/password", &wrong).await;
    assert_eq!(failure(wrong), (403, ErrorCode::WrongPassword));
    let weak = PasswordChange { current: demo::ADMIN_PASSWORD.into(), new: "2short".into() };
    assert_eq!(failure(first.http.put::<_, Empty>("/api/agent/password", &weak).await).0, 400);
    let change =
        PasswordChange { current: demo::ADMIN_PASSWORD.into(), new: "a brand new password".into() };
    let _: Empty = first.http.put("/api/agent/password", &change).await?;
    assert_eq!(failure(second.inbox().await), (401, ErrorCode::Unauthorized), "other sessions end");
    first.inbox().await?;
    // The app's start-up question: the cookie's agent, or no one (not a 401) once it ended.
    assert_eq!(signed_in(&first).await?.as_deref(), Some(demo::ADMIN_EMAIL));
    assert_eq!(signed_in(&second).await?, None);

    let http = ws.http();
    let old = http
        .sign_in::<_, LoginReply>(
            "/api/agent/login",
            &login(&ws, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD),
        )
        .await;
    assert_eq!(failure(old), (401, ErrorCode::InvalidCredentials));
    let _: (LoginReply, String) = http
        .sign_in("/api/agent/login", &login(&ws, demo::ADMIN_EMAIL, "a brand new password"))
        .await?;

    let _: Empty = first.http.post("/api/agent/logout", &()).await?;
    assert_eq!(failure(first.inbox().await).0, 401, "a signed-out cookie is dead");
    assert_eq!(failure(first.http.get::<LoginReply>("/api/agent/me").await).0, 401);
    assert_eq!(signed_in(&first).await?, None);
    Ok(())
}

/// Whom `agent`'s cookie signs in (their email), as the app asks at start-up.
async fn signed_in(agent: &Agent) -> Result<Option<String>> {
    let status: SessionStatus = agent.http.get("/api/agent/session").await?;
    Ok(status.signed_in.map(|s| s.agent.email))
}

#[tokio::test]
async fn roles_apply_at_once_and_a_removed_agent_is_out() -> Result<()> {
    let ws = Workspace::new("roles").await?;
    let (ana, luis, marta) = ws.agents().await?;
    let sales2 = NewChannel { id: ChannelId::parse("sales2").unwrap(), name: "Sales 2".into() };
    let refused = luis.http.post::<_, ChannelSettings>("/api/agent/channels", &sales2).await;
    assert_eq!(failure(refused), (403, ErrorCode::Forbidden));
    let luis_id = luis.login.agent.id.clone();
    let promoted: AgentProfile =
        ana.http.put(&path::agent(&luis_id), &AgentUpdate { role: Role::Admin }).await?;
    assert_eq!(promoted.role, Role::Admin);
    let _: ChannelSettings = luis.http.post("/api/agent/channels", &sales2).await?;
    let _: AgentProfile =
        ana.http.put(&path::agent(&luis_id), &AgentUpdate { role: Role::Agent }).await?;
    let sales3 = NewChannel { id: ChannelId::parse("sales3").unwrap(), name: "Sales 3".into() };
    let refused = luis.http.post::<_, ChannelSettings>("/api/agent/channels", &sales3).await;
    assert_eq!(failure(refused).0, 403, "the demotion applies to the open session");

    let ana_id = ana.login.agent.id.clone();
    let herself = ana.http.delete::<Empty>(&path::agent(&ana_id)).await;
    assert_eq!(failure(herself), (403, ErrorCode::NotOnYourself));
    let by_agent = luis.http.delete::<Empty>(&path::agent(&ana_id)).await;
    assert_eq!(failure(by_agent).0, 403);

    let mut socket = marta.inbox_socket().await?;
    let _: InboxFrame = socket.next().await?;
    let marta_id = marta.login.agent.id.clone();
    let _: Empty = ana.http.delete(&path::agent(&marta_id)).await?;
    assert_eq!(failure(marta.inbox().await).0, 401);
    assert!(socket.next::<InboxFrame>().await.is_err(), "her open app is disconnected");
    let team: AgentsReply = ana.http.get("/api/agent/agents").await?;
    assert!(team.agents.iter().all(|a| a.id != marta_id));
    let again = ws
        .http()
        .sign_in::<_, LoginReply>(
            "/api/agent/login",
            &login(&ws, demo::COLLEAGUES[1].0, demo::ADMIN_PASSWORD),
        )
        .await;
    assert_eq!(failure(again).0, 401);
    Ok(())
}

#[tokio::test]
async fn api_tokens_act_as_their_admin_until_revoked() -> Result<()> {
    let ws = Workspace::new("api-tokens").await?;
    let (ana, luis, _) = ws.agents().await?;
    let name = NewApiToken { name: "CRM sync".into() };
    let refused = luis.http.post::<_, ApiTokenCreated>("/api/agent/api-tokens", &name).await;
    assert_eq!(failure(refused).0, 403);
    let created: ApiTokenCreated = ana.http.post("/api/agent/api-tokens", &name).await?;
    assert!(created.secret.starts_with(&format!("olk_{}_", ws.id)));
    let listed: ApiTokensReply = ana.http.get("/api/agent/api-tokens").await?;
    assert_eq!(listed.tokens.len(), 1);
    assert!(!serde_json::to_string(&listed)?.contains(&created.secret));

    let customer = ws.customer().await?;
    customer.say("Is my order shipped?").await?;
    let api = ws.http().with_token(&created.secret);
    let inbox: InboxFrame = api.get("/api/agent/inbox").await?;
    let InboxFrame::Snapshot { dialogs, .. } = inbox else { panic!("a snapshot") };
    assert_eq!(dialogs.len(), 1);
    let dialog = &customer.session.dialog_id;
    let reply: openline_core::protocol::CommandReply = api
        .post(
            &path::dialog_commands(dialog),
            &openline_core::protocol::CommandRequest {
                command_id: openline_tests::api::new_command_id(),
                command: post("Yes, it left this morning."),
            },
        )
        .await?;
    assert!(reply.events.iter().any(
        |e| matches!(&e.actor, openline_core::Actor::Agent { name, .. } if name == demo::ADMIN_NAME)
    ));
    let listed: ApiTokensReply = ana.http.get("/api/agent/api-tokens").await?;
    assert!(listed.tokens[0].last_used_at.is_some());

    let _: Empty = ana.http.delete(&path::api_token(&created.token.id)).await?;
    assert_eq!(failure(api.get::<InboxFrame>("/api/agent/inbox").await).0, 401);
    let tampered = ws.http().with_token(&format!("{}x", created.secret));
    assert_eq!(failure(tampered.get::<InboxFrame>("/api/agent/inbox").await).0, 401);
    Ok(())
}

#[tokio::test]
async fn w6_a_verified_user_is_the_same_visitor_everywhere_and_required_identity_is_enforced(
) -> Result<()> {
    let ws = Workspace::new("w6").await?;
    let (ana, luis, _) = ws.agents().await?;
    let path = "/api/agent/channels/web/identity-secret";
    assert_eq!(failure(luis.http.get::<IdentitySecret>(path).await).0, 403);
    let secret: IdentitySecret = ana.http.get(path).await?;
    let again: IdentitySecret = ana.http.get(path).await?;
    assert_eq!(secret, again, "made once, then kept");

    let identity = |user: &str, secret: &str| VisitorIdentity {
        user_id: user.into(),
        hash: identity_hash(secret, user),
    };
    let http = ws.http();
    let laptop: WidgetSession = http
        .post(
            "/api/widget/session",
            &session_request(&ws, None, Some(identity("user-42", &secret.secret))),
        )
        .await?;
    let laptop = Customer { http: http.with_token(&laptop.visitor_token), session: laptop };
    laptop.say("Hello from my laptop").await?;
    let phone: WidgetSession = http
        .post(
            "/api/widget/session",
            &session_request(&ws, None, Some(identity("user-42", &secret.secret))),
        )
        .await?;
    assert_eq!(phone.dialog_id, laptop.session.dialog_id, "the same customer on another device");
    let phone = Customer { http: http.with_token(&phone.visitor_token), session: phone };
    let history = phone.events(None).await?;
    assert!(history.events.iter().any(|e| matches!(&e.body, EventBody::MessagePosted { text, .. } if text == "Hello from my laptop")));
    let someone_else: WidgetSession = http
        .post(
            "/api/widget/session",
            &session_request(&ws, None, Some(identity("user-43", &secret.secret))),
        )
        .await?;
    assert_ne!(someone_else.dialog_id, laptop.session.dialog_id);

    let forged =
        VisitorIdentity { user_id: "user-42".into(), hash: identity_hash("guess", "user-42") };
    let forged = http
        .post::<_, WidgetSession>("/api/widget/session", &session_request(&ws, None, Some(forged)))
        .await;
    assert_eq!(failure(forged), (403, ErrorCode::IdentityInvalid));

    let mut settings = web_settings(&ana).await?;
    settings.require_identity = true;
    save_web(&ana, &settings).await?;
    let anonymous = http
        .post::<_, WidgetSession>("/api/widget/session", &session_request(&ws, None, None))
        .await;
    assert_eq!(failure(anonymous), (403, ErrorCode::IdentityRequired));
    let _: WidgetSession = http
        .post(
            "/api/widget/session",
            &session_request(&ws, None, Some(identity("user-42", &secret.secret))),
        )
        .await?;
    // A new secret: signatures made with the old one stop working.
    let rotated: IdentitySecret = ana.http.post(path, &()).await?;
    assert_ne!(rotated, secret);
    let stale = http
        .post::<_, WidgetSession>(
            "/api/widget/session",
            &session_request(&ws, None, Some(identity("user-42", &secret.secret))),
        )
        .await;
    assert_eq!(failure(stale).0, 403);
    Ok(())
}

#[tokio::test]
async fn allowed_sites_limit_where_the_chat_runs() -> Result<()> {
    let ws = Workspace::new("origins").await?;
    let (ana, _, _) = ws.agents().await?;
    let http = ws.http();
    let page = |channel: &str| {
        let url = ws.url(&format!("/widget/?channel={}", ws.channel(channel)));
        async move {
            let response = reqwest::get(url).await?;
            let csp = response
                .headers()
                .get("content-security-policy")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            anyhow::Ok((response.status().as_u16(), csp, response.text().await?))
        }
    };
    let (status, csp, html) = page("web").await?;
    assert_eq!(status, 200);
    assert!(html.contains("boot.js") && !csp.contains("frame-ancestors"), "any site: {csp}");

    let mut settings = web_settings(&ana).await?;
    settings.allowed_origins = vec!["not a site".into()];
    assert_eq!(failure(save_web(&ana, &settings).await).0, 400);
    settings.allowed_origins = vec!["https://shop.example".into()];
    save_web(&ana, &settings).await?;

    let (_, csp, _) = page("web").await?;
    assert!(csp.contains("frame-ancestors https://shop.example"), "{csp}");
    let (_, csp, _) = page("nowhere").await?;
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");

    let _: WidgetSession = http
        .post("/api/widget/session", &session_request(&ws, Some("https://shop.example"), None))
        .await?;
    for host in [Some("https://evil.example"), None] {
        let refused = http
            .post::<_, WidgetSession>("/api/widget/session", &session_request(&ws, host, None))
            .await;
        assert_eq!(failure(refused), (403, ErrorCode::OriginNotAllowed), "{host:?}");
    }
    // Another site's script cannot use a visitor's token against the API.
    let customer = ws.customer().await;
    assert!(customer.is_err(), "no host: refused");
    let session: WidgetSession = http
        .post("/api/widget/session", &session_request(&ws, Some("https://shop.example"), None))
        .await?;
    let foreign =
        http.with_token(&session.visitor_token).with_header("origin", "https://evil.example");
    let refused = foreign.get::<openline_core::protocol::EventsFrame>("/api/widget/events").await;
    assert_eq!(failure(refused), (403, ErrorCode::OriginNotAllowed));
    Ok(())
}

#[tokio::test]
async fn q6_block_refuses_the_customer_and_their_network_until_unblocked() -> Result<()> {
    let ws = Workspace::new("block").await?;
    let (ana, luis, _) = ws.agents().await?;
    let from = |address: &str| ws.http().with_header("cf-connecting-ip", address);
    let anonymous = session_request(&ws, None, None);
    let open = |http: Http, token: Option<String>| {
        let request = WidgetSessionRequest { visitor_token: token, ..anonymous.clone() };
        async move {
            let session: WidgetSession = http.post("/api/widget/session", &request).await?;
            anyhow::Ok(Customer { http: http.with_token(&session.visitor_token), session })
        }
    };
    let spammer = open(from("203.0.113.7"), None).await?;
    spammer.say("Cheap pills!!!").await?;
    let dialog = spammer.session.dialog_id.clone();
    let reply = luis.command(&dialog, Command::Block).await?;
    let kinds: Vec<_> = reply.events.iter().map(|e| &e.body).collect();
    assert!(
        matches!(kinds.as_slice(), [EventBody::Closed { .. }, EventBody::Blocked]),
        "{kinds:?}"
    );

    assert_eq!(failure(spammer.say("More pills").await), (403, ErrorCode::Blocked));
    let history = spammer.events(None).await?;
    assert!(history.events.iter().all(|e| !matches!(e.body, EventBody::Blocked)), "not told");
    let token = Some(spammer.session.visitor_token.clone());
    let returning = open(from("198.51.100.1"), token.clone()).await;
    assert_eq!(failure(returning.map(|c| c.session)), (403, ErrorCode::Blocked), "the visitor");
    let same_network = open(from("203.0.113.7"), None).await;
    assert_eq!(failure(same_network.map(|c| c.session)), (403, ErrorCode::Blocked), "the network");
    let other = open(from("198.51.100.2"), None).await?;
    other.say("Hello, I have a question").await?;

    assert_eq!(failure(luis.command(&dialog, Command::Unblock).await), (403, ErrorCode::Forbidden));
    ana.command(&dialog, Command::Unblock).await?;
    let back = open(from("203.0.113.7"), token).await?;
    back.say("Sorry about that").await?;
    Ok(())
}

#[tokio::test]
async fn a_network_opening_sessions_in_a_flood_is_slowed_down_and_others_are_not() -> Result<()> {
    let ws = Workspace::new("network-flood").await?;
    let request = session_request(&ws, None, None);
    let flooder = ws.http().with_header("cf-connecting-ip", "192.0.2.66");
    // All at once, as a flood comes: sent one after another on a loaded machine, they could
    // spread past the limiter's 10-second window.
    let flood = (0..30).map(|_| flooder.post::<_, WidgetSession>("/api/widget/session", &request));
    let mut limited = 0;
    for result in futures_util::future::join_all(flood).await {
        if let Err(e) = result {
            assert_eq!(failure(Err::<(), _>(e)), (429, ErrorCode::RateLimited));
            limited += 1;
        }
    }
    assert!(limited > 0, "30 new visitors from one network in a moment are too many");
    let other = ws.http().with_header("cf-connecting-ip", "192.0.2.77");
    let _: WidgetSession = other.post("/api/widget/session", &request).await?;
    Ok(())
}
