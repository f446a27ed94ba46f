//! The adversarial suite (issue 4): every route of `openline_core::protocol::ROUTES`, attacked
//! on the real edge by everyone who should not get through — nobody, forged, tampered, expired
//! and signed-out credentials, the wrong kind of token, another customer, another workspace's
//! admin, a plain agent on admin routes, a cookie without its CSRF header or from another
//! site — and then fed a table of malformed and oversized inputs.
//!
//! A *leak* is an attack that got through (a 2xx where a refusal was due), any reply (HTTP or
//! WebSocket) that carries something the attacker must not see (another customer's words, a
//! hidden note, another workspace's emails, canned texts or secrets), or any change to the
//! target workspace's state. The suite prints
//! `security suite: <E> endpoints, <A> attacks, <L> leaks` and fails unless L is 0.

use anyhow::{Context, Result};
use openline_core::canned::{CannedInput, CannedResponse};
use openline_core::protocol::{
    Access, AgentsReply, ApiTokenCreated, ApiTokensReply, CannedReply, ChannelsReply,
    IdentitySecret, InviteCreated, InviteRequest, InvitesReply, NewApiToken, Route, ROUTES,
};
use openline_core::{AgentId, Command};
use openline_tests::api::{note, Agent, Customer, Http};
use openline_tests::demo;
use openline_tests::scene::Workspace;
use reqwest::Method;
use serde_json::{json, Value};
use std::time::Duration;

mod cast;
use cast::{must_refuse, Attacker, Cast};

const ALICE_WORDS: &str = "alice-private-words-7f3a";
const NOTE_WORDS: &str = "hidden-note-words-c41d";
const CANNED_WORDS: &str = "canned-team-words-9b2e";
const ADMIN_EMAIL: &str = demo::ADMIN_EMAIL;

/// What the target workspace (demo) holds, to prove attacks changed nothing.
#[derive(Debug, PartialEq)]
struct DemoState {
    agents: Value,
    channels: Value,
    canned: Value,
    invites: Value,
    tokens: Value,
    alice_last_seq: u64,
}

struct World {
    ws: Workspace,
    rival: Workspace,
    ana: Agent,
    alice: Customer,
    /// Ids the routes' `{id}` is filled with, per route family.
    marta: AgentId,
    invite_id: String,
    token_id: String,
    canned_id: String,
    identity_secret: String,
    web_settings: Value,
}

impl World {
    async fn build() -> Result<World> {
        let ws = Workspace::new("security").await?;
        let rival = ws.other("rival", "olga@rival.example", "Olga").await?;
        let (ana, luis, marta) = ws.agents().await?;
        let alice = ws.customer().await?;
        alice.say(ALICE_WORDS).await?;
        let dialog = alice.session.dialog_id.clone();
        luis.command(&dialog, Command::Answer).await?;
        luis.command(&dialog, note(NOTE_WORDS)).await?;
        let canned = CannedInput {
            code: "secret".into(),
            title: "Team only".into(),
            text: CANNED_WORDS.into(),
            folder: None,
        };
        let canned: CannedResponse = ana.http.post("/api/agent/canned", &canned).await?;
        let invite = InviteRequest {
            email: "pending@demo.openline".into(),
            name: "Pending".into(),
            role: openline_core::auth::Role::Agent,
        };
        let invite: InviteCreated = ana.http.post("/api/agent/invites", &invite).await?;
        let token: ApiTokenCreated =
            ana.http.post("/api/agent/api-tokens", &NewApiToken { name: "crm".into() }).await?;
        let secret: IdentitySecret =
            ana.http.get("/api/agent/channels/web/identity-secret").await?;
        let channels: ChannelsReply = ana.http.get("/api/agent/channels").await?;
        let web = channels.channels.iter().find(|c| c.id.as_str() == "web").context("web")?;
        Ok(World {
            marta: marta.login.agent.id.clone(),
            invite_id: invite.invite.id,
            token_id: token.token.id,
            canned_id: canned.id,
            identity_secret: secret.secret,
            web_settings: serde_json::to_value(web)?,
            ws,
            rival,
            ana,
            alice,
        })
    }

    async fn demo_state(&self) -> Result<DemoState> {
        let http = &self.ana.http;
        let agents: AgentsReply = http.get("/api/agent/agents").await?;
        // Presence is the agents' own to change; roles, names and who is there are not.
        let agents: Vec<_> =
            agents.agents.iter().map(|a| (a.id.clone(), a.email.clone(), a.role)).collect();
        let channels: ChannelsReply = http.get("/api/agent/channels").await?;
        let canned: CannedReply = http.get("/api/agent/canned").await?;
        let invites: InvitesReply = http.get("/api/agent/invites").await?;
        let tokens: ApiTokensReply = http.get("/api/agent/api-tokens").await?;
        let tokens: Vec<_> = tokens.tokens.iter().map(|t| (t.id.clone(), t.name.clone())).collect();
        let alice = self.ana.events(&self.alice.session.dialog_id, None).await?;
        Ok(DemoState {
            agents: serde_json::to_value(agents)?,
            channels: serde_json::to_value(channels)?,
            canned: serde_json::to_value(canned)?,
            invites: serde_json::to_value(invites)?,
            tokens: serde_json::to_value(tokens)?,
            alice_last_seq: alice.last_seq,
        })
    }

    /// What no attacker from outside the demo workspace may see: Alice's words, the hidden
    /// note, the team's canned text, the admin's email and the channel's identity secret.
    fn secrets(&self) -> Vec<String> {
        vec![
            ALICE_WORDS.into(),
            NOTE_WORDS.into(),
            CANNED_WORDS.into(),
            ADMIN_EMAIL.into(),
            self.identity_secret.clone(),
        ]
    }

    /// The route's path with its `{id}` filled in with a real target of the demo workspace.
    fn path(&self, route: &Route) -> String {
        let id = match route.path {
            p if p.starts_with("/api/agent/agents/") => self.marta.to_string(),
            p if p.starts_with("/api/agent/invites/") => self.invite_id.clone(),
            p if p.starts_with("/api/agent/api-tokens/") => self.token_id.clone(),
            p if p.starts_with("/api/agent/canned/") => self.canned_id.clone(),
            p if p.starts_with("/api/agent/channels/") => "web".into(),
            _ => self.alice.session.dialog_id.to_string(),
        };
        route.path.replace("{id}", &id)
    }

    /// A body the route would accept from someone allowed (so a refusal is about who asks).
    fn valid_body(&self, route: &Route) -> Option<Value> {
        let pwned_settings = {
            let mut s = self.web_settings.clone();
            s["greeting"] = json!("PWNED");
            s
        };
        Some(match (route.method, route.path) {
            ("POST", "/api/setup") => {
                json!({"workspace": "pwn", "name": "Evil", "email": "evil@x.example", "password": "evil password 123"})
            }
            ("POST", "/api/widget/session") => json!({"channel": self.ws.channel_key()}),
            ("POST", "/api/widget/commands") => {
                json!({"command_id": "attack-1", "command": {"type": "post", "text": "PWNED"}})
            }
            ("POST", "/api/agent/login") => {
                json!({"workspace": self.ws.id, "email": ADMIN_EMAIL, "password": "guess"})
            }
            ("POST", "/api/agent/invitation") => {
                json!({"code": format!("{}.guessedcode", self.ws.id), "password": "evil password 123"})
            }
            ("PUT", "/api/agent/password") => {
                json!({"current": "guess", "new": "evil password 123"})
            }
            ("PUT", "/api/agent/agents/{id}") => json!({"role": "admin"}),
            ("POST", "/api/agent/invites") => {
                json!({"email": "evil@x.example", "name": "Evil", "role": "admin"})
            }
            ("POST", "/api/agent/api-tokens") => json!({"name": "evil"}),
            ("PUT", "/api/agent/presence") => json!({"presence": "paused"}),
            ("POST", "/api/agent/channels") => json!({"id": "evil", "name": "Evil"}),
            ("PUT", "/api/agent/channels/{id}") => pwned_settings,
            ("POST" | "PUT", p) if p.starts_with("/api/agent/canned") => {
                json!({"code": "pwn", "title": "PWNED", "text": "PWNED"})
            }
            ("POST", "/api/agent/dialogs/{id}/commands") => {
                json!({"command_id": "attack-1", "command": {"type": "post", "text": "PWNED"}})
            }
            ("POST", "/api/dev/seed") => {
                json!({"workspace": self.ws.id, "admin_email": "evil@x.example", "admin_password": "evil password 123", "admin_name": "Evil", "channel": "web", "channel_name": "Evil", "greeting": "PWNED"})
            }
            _ => return None,
        })
    }
}

/// One attack's outcome: the status (or the refused handshake's) and everything it received.
struct Outcome {
    status: u16,
    text: String,
}

async fn attempt(http: &Http, route: &Route, path: &str, body: Option<&Value>) -> Result<Outcome> {
    if route.socket {
        return match http.socket(path).await {
            Err(e) => {
                let status = e
                    .chain()
                    .find_map(|cause| {
                        let text = cause.to_string();
                        text.split_whitespace().find_map(|word| word.parse::<u16>().ok())
                    })
                    .unwrap_or(400);
                Ok(Outcome { status, text: String::new() })
            }
            Ok(mut socket) => {
                let mut text = String::new();
                while let Ok(Some(frame)) =
                    socket.next_within::<Value>(Duration::from_millis(300)).await
                {
                    text.push_str(&frame.to_string());
                }
                Ok(Outcome { status: 101, text })
            }
        };
    }
    let method = Method::from_bytes(route.method.as_bytes())?;
    let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
    let (status, text) = http.raw(method, path, bytes).await?;
    Ok(Outcome { status, text })
}

struct Tally {
    endpoints: usize,
    attacks: usize,
    leaks: Vec<String>,
    /// Routes of the table the edge answered with "no such route": the table and the router
    /// disagree, so the suite would not be attacking what the edge serves.
    unrouted: Vec<String>,
}

impl Tally {
    fn judge(&mut self, who: &Attacker, route: &Route, outcome: &Outcome, must_refuse: bool) {
        self.attacks += 1;
        let what = format!("{} {} {} by {}", route.method, route.path, outcome.status, who.name);
        if outcome.text.contains("No such route.") {
            self.unrouted.push(format!("{} {}", route.method, route.path));
        }
        let passed = (200..300).contains(&outcome.status) || outcome.status == 101;
        if must_refuse && passed {
            self.leaks.push(format!("got through: {what}: {}", outcome.text));
        }
        if let Some(seen) = who.must_not_see.iter().find(|m| outcome.text.contains(m.as_str())) {
            self.leaks.push(format!("{what} saw {seen:?}"));
        }
    }

    /// A leak for each part of the demo workspace the attacks changed.
    fn compare(&mut self, before: &DemoState, after: &DemoState) {
        for (what, same) in [
            ("agents", before.agents == after.agents),
            ("channels", before.channels == after.channels),
            ("canned responses", before.canned == after.canned),
            ("invitations", before.invites == after.invites),
            ("API tokens", before.tokens == after.tokens),
            ("Alice's dialog", before.alice_last_seq == after.alice_last_seq),
        ] {
            if !same {
                self.leaks.push(format!("the demo workspace's {what} changed"));
            }
        }
    }
}

#[tokio::test]
async fn the_adversarial_suite_finds_no_leak() -> Result<()> {
    let world = World::build().await?;
    let cast = Cast::gather(&world).await?;
    let before = world.demo_state().await?;
    let mut tally = Tally { endpoints: 0, attacks: 0, leaks: Vec::new(), unrouted: Vec::new() };
    attack_every_route(&world, &cast, &mut tally).await?;
    send_malformed_input(&world, &mut tally).await?;
    let after = world.demo_state().await?;
    tally.compare(&before, &after);
    the_real_paths_still_work(&world).await?;

    println!(
        "security suite: {} endpoints, {} attacks, {} leaks",
        tally.endpoints,
        tally.attacks,
        tally.leaks.len()
    );
    assert_eq!(tally.endpoints, ROUTES.len());
    assert!(tally.unrouted.is_empty(), "not routed by the edge: {:?}", tally.unrouted);
    assert!(tally.leaks.is_empty(), "leaks:\n{}", tally.leaks.join("\n"));
    Ok(())
}

/// Every attacker on every route, with a valid body so a refusal is about who asks; the
/// plain agent on the admin routes too, who must get a 403.
async fn attack_every_route(world: &World, cast: &Cast, tally: &mut Tally) -> Result<()> {
    // Signing out goes last: the signed-in attackers keep their sessions for every other route.
    let mut routes: Vec<&Route> = ROUTES.iter().collect();
    routes.sort_by_key(|r| r.path.ends_with("/logout"));
    for route in routes {
        tally.endpoints += 1;
        let path = world.path(route);
        let body = world.valid_body(route);
        for attacker in cast.attackers.iter().filter(|a| a.only.covers(route)) {
            let outcome = attempt(&attacker.http, route, &path, body.as_ref()).await?;
            tally.judge(attacker, route, &outcome, must_refuse(attacker, route));
        }
        if route.access == Access::Admin {
            let luis = &cast.plain_agent;
            let outcome = attempt(&luis.http, route, &path, body.as_ref()).await?;
            tally.judge(luis, route, &outcome, true);
            if outcome.status != 403 {
                tally.leaks.push(format!(
                    "{} {}: a plain agent got {}, not 403",
                    route.method, route.path, outcome.status
                ));
            }
        }
    }
    Ok(())
}

/// Malformed input, sent with credentials that are allowed: every body the route takes
/// broken each way, and every `{id}` replaced with a bad one. Each is refused with a 4xx
/// (a JSON error for a bad body) and changes nothing.
async fn send_malformed_input(world: &World, tally: &mut Tally) -> Result<()> {
    let malformed = malformed_bodies();
    let bad_ids = ["does-not-exist", "..%2F..%2Fetc", "%00", "a%20b", &"x".repeat(100)];
    for route in ROUTES.iter().filter(|r| !r.socket) {
        let allowed = match route.access {
            Access::Visitor => &world.alice.http,
            _ => &world.ana.http,
        };
        let method = Method::from_bytes(route.method.as_bytes())?;
        if world.valid_body(route).is_some() {
            for (what, bytes) in &malformed {
                let (status, text) =
                    allowed.raw(method.clone(), &world.path(route), bytes.clone()).await?;
                tally.attacks += 1;
                let json_error = serde_json::from_str::<
                    openline_core::protocol::ErrorBody<openline_core::ErrorCode>,
                >(&text)
                .is_ok();
                if !(400..500).contains(&status) || !json_error {
                    tally.leaks.push(format!(
                        "{} {} with {what}: {status} {text:.120}",
                        route.method, route.path
                    ));
                }
            }
        }
        if route.path.contains("{id}") {
            for id in bad_ids {
                let path = route.path.replace("{id}", id);
                let bytes =
                    world.valid_body(route).map(|b| b.to_string().into_bytes()).unwrap_or_default();
                let (status, text) = allowed.raw(method.clone(), &path, bytes).await?;
                tally.attacks += 1;
                if !(400..500).contains(&status) {
                    tally.leaks.push(format!("{} {path}: {status} {text:.120}", route.method));
                }
            }
        }
    }
    Ok(())
}

/// Bodies no route takes: (what is wrong with it, its bytes).
fn malformed_bodies() -> Vec<(&'static str, Vec<u8>)> {
    let oversized =
        format!("{{\"text\":\"{}\"}}", "x".repeat(openline_core::limits::MAX_BODY_BYTES + 10));
    vec![
        ("not JSON", b"{".to_vec()),
        ("empty", Vec::new()),
        ("wrong type", b"[1,2,3]".to_vec()),
        ("wrong field types", br#"{"email":7,"name":[],"role":"king","command":5}"#.to_vec()),
        ("unknown fields only", br#"{"unexpected":true}"#.to_vec()),
        ("invalid UTF-8", vec![b'{', b'"', 0xff, 0xfe, b'"', b'}']),
        ("oversized", oversized.into_bytes()),
    ]
}

/// The attacks reached the real paths: Alice's own socket and history carry her words (so
/// the absence of the note in the attackers' replies means something), and Ana's session
/// still works.
async fn the_real_paths_still_work(world: &World) -> Result<()> {
    let socket_route = ROUTES.iter().find(|r| r.path == "/api/widget/socket").context("route")?;
    let seen = attempt(&world.alice.http, socket_route, socket_route.path, None).await?;
    assert!(seen.status == 101 && seen.text.contains(ALICE_WORDS), "{}", seen.text);
    assert!(!seen.text.contains(NOTE_WORDS));
    world.ana.inbox().await?;
    Ok(())
}

#[tokio::test]
async fn an_inbox_socket_sending_junk_frames_is_closed() -> Result<()> {
    let ws = Workspace::new("socket-junk").await?;
    let (ana, _, _) = ws.agents().await?;
    let mut socket = ana.inbox_socket().await?;
    let _: openline_core::protocol::InboxFrame = socket.next().await?;
    for _ in 0..5 {
        // The close may already be under way: later sends can fail.
        let _ = socket.send_text("{\"flood\":true}").await;
    }
    assert!(socket.next::<Value>().await.is_err(), "the edge closed the socket");
    ana.inbox().await?;
    Ok(())
}
