//! The adversarial suite's cast: who attacks and what each must never see. Strangers hold no
//! credential, or a forged, expired, signed-out or misused one; others are signed in for real,
//! but elsewhere (another customer, another workspace); Luis, a plain agent, attacks the admin
//! routes. `must_refuse` says where each must be turned away.

use super::{World, ADMIN_EMAIL, CANNED_WORDS, NOTE_WORDS};
use anyhow::Result;
use openline_core::auth::{sign, Claims};
use openline_core::protocol::{Access, Route};
use openline_core::{ChannelId, VisitorId, WorkspaceId};
use openline_tests::api::{Credentials, Http, SESSION_COOKIE};
use openline_tests::demo;
use openline_tests::scene::Workspace;
use serde_json::Value;

/// Who attacks, and what they must never see.
pub(super) struct Attacker {
    pub(super) name: &'static str,
    pub(super) http: Http,
    /// The strings no reply to this attacker may contain.
    pub(super) must_not_see: Vec<String>,
    /// Legitimately signed in somewhere (another customer, another workspace): their
    /// requests may succeed, but only on what is theirs.
    pub(super) scoped: bool,
    /// Which requests this attacker makes (a same-site read needs no CSRF header; Alice reads
    /// her own dialog but does not write, so the suite can check her dialog is unchanged).
    pub(super) only: Only,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Only {
    Everything,
    Writes,
    Reads,
}

impl Only {
    pub(super) fn covers(self, route: &Route) -> bool {
        let read = route.method == "GET";
        match self {
            Only::Everything => true,
            Only::Writes => !read,
            Only::Reads => read,
        }
    }
}

/// Everyone who attacks every route, and Luis, a plain agent, who attacks the admin routes.
pub(super) struct Cast {
    pub(super) attackers: Vec<Attacker>,
    pub(super) plain_agent: Attacker,
}

/// Credentials that must never work, made for the demo workspace.
struct Forged {
    expired: String,
    other_secret: String,
    made_up_session: String,
    bogus_visitor: String,
}

/// The sessions the attackers hold: one signed out, others real but elsewhere.
struct Sessions {
    signed_out: Http,
    bob: Http,
    rival_customer: Http,
    olga: Http,
}

impl Cast {
    pub(super) async fn gather(world: &World) -> Result<Cast> {
        let ws = &world.ws;
        let forged = Forged::make(world);
        let signed_out = ws.login(ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;
        let _: Value = signed_out.http.post("/api/agent/logout", &()).await?;
        let luis = ws.login(demo::COLLEAGUES[0].0, demo::ADMIN_PASSWORD).await?;
        let olga = world.rival.login("olga@rival.example", demo::ADMIN_PASSWORD).await?;
        let bob = ws.customer().await?;
        let rival_customer = world.rival.customer().await?;
        let sessions = Sessions {
            signed_out: signed_out.http,
            bob: bob.http,
            rival_customer: rival_customer.http,
            olga: olga.http,
        };
        let mut attackers = strangers(world, &forged, &sessions)?;
        attackers.extend(scoped_attackers(world, &forged, &sessions));
        let plain_agent = Attacker {
            name: "Luis, a plain agent",
            http: luis.http,
            must_not_see: vec![world.identity_secret.clone()],
            scoped: false,
            only: Only::Everything,
        };
        Ok(Cast { attackers, plain_agent })
    }
}

impl Forged {
    fn make(world: &World) -> Forged {
        let secret = world.ws.edge.secret().as_bytes().to_vec();
        let ws = || WorkspaceId::parse(&world.ws.id).unwrap();
        let web = || ChannelId::parse("web").unwrap();
        let ana = || world.ana.login.agent.id.clone();
        let session = |s: &str, exp| Claims::Agent { ws: ws(), a: ana(), s: s.into(), exp };
        let visitor = |v: VisitorId| Claims::Visitor { ws: ws(), ch: web(), v };
        Forged {
            expired: sign(&secret, &session("s_expired", 1)),
            other_secret: sign(
                b"not-the-edge-secret-at-all",
                &visitor(world.alice.session.visitor_id.clone()),
            ),
            made_up_session: sign(&secret, &session("s_never_issued", i64::MAX)),
            bogus_visitor: sign(&secret, &visitor(VisitorId::parse("v_guessed").unwrap())),
        }
    }
}

/// Attackers with no right here at all: no credential, or a forged, stale or misused one.
fn strangers(world: &World, forged: &Forged, sessions: &Sessions) -> Result<Vec<Attacker>> {
    let ws = &world.ws;
    let anonymous = ws.http();
    let Credentials::Session(ana_cookie) = world.ana.http.credentials().clone() else {
        anyhow::bail!("Ana signs in with a cookie")
    };
    let alice_token = world.alice.session.visitor_token.clone();
    let stranger = |name, http: Http| Attacker {
        name,
        http,
        must_not_see: world.secrets(),
        scoped: false,
        only: Only::Everything,
    };
    let with_cookie =
        |cookie: &str| anonymous.with_credentials(Credentials::Session(cookie.to_owned()));
    Ok(vec![
        stranger("nobody", anonymous.clone()),
        stranger("a garbage bearer", anonymous.with_token("garbage")),
        stranger("a garbage cookie", with_cookie("garbage")),
        stranger("an expired session", with_cookie(&forged.expired)),
        stranger("a session never issued", with_cookie(&forged.made_up_session)),
        stranger("a tampered session", with_cookie(&tampered(&ana_cookie))),
        stranger("a signed-out session", sessions.signed_out.clone()),
        stranger("a visitor token from another secret", anonymous.with_token(&forged.other_secret)),
        stranger("a tampered visitor token", anonymous.with_token(&tampered(&alice_token))),
        stranger("Ana's cookie as a bearer token", anonymous.with_token(&ana_cookie)),
        stranger("a visitor token as a cookie", with_cookie(&alice_token)),
        stranger(
            "a made-up API token",
            anonymous.with_token(&format!("olk_{}_aaaaaaaaaaaaaaaaaaaaaaaa", ws.id)),
        ),
        // Ana's real cookie, sent the way another site's page would.
        Attacker {
            only: Only::Writes,
            ..stranger("Ana's cookie without the CSRF header", without_csrf(&ana_cookie, ws))
        },
        stranger(
            "Ana's cookie from another site",
            world.ana.http.with_header("origin", "https://evil.example"),
        ),
    ])
}

/// Attackers legitimately signed in, but not in what they attack.
fn scoped_attackers(world: &World, forged: &Forged, sessions: &Sessions) -> Vec<Attacker> {
    let scoped = |name, http: Http, must_not_see: Vec<String>| Attacker {
        name,
        http,
        must_not_see,
        scoped: true,
        only: Only::Everything,
    };
    let guessed = world.ws.http().with_token(&forged.bogus_visitor);
    let alice_must_not_see =
        vec![NOTE_WORDS.into(), CANNED_WORDS.into(), world.identity_secret.clone()];
    vec![
        scoped("Bob, another customer", sessions.bob.clone(), world.secrets()),
        scoped("a guessed visitor", guessed, world.secrets()),
        scoped("a customer of another workspace", sessions.rival_customer.clone(), world.secrets()),
        scoped("Olga, admin of another workspace", sessions.olga.clone(), world.secrets()),
        Attacker {
            only: Only::Reads,
            ..scoped("Alice herself", world.alice.http.clone(), alice_must_not_see)
        },
    ]
}

/// Whether `route` must refuse `attacker`: every route but the public ones, unless the
/// attacker holds a real credential of the kind the route takes (their own dialog or
/// workspace). A signed-out or CSRF-less cookie on a public route (say, login) is fine.
pub(super) fn must_refuse(attacker: &Attacker, route: &Route) -> bool {
    let is_visitor = attacker.name.contains("customer")
        || attacker.name.contains("visitor")
        || attacker.name.starts_with("Alice")
        || attacker.name.starts_with("Bob");
    let holds_right_kind = attacker.scoped
        && match route.access {
            Access::Visitor => is_visitor,
            Access::Agent | Access::Admin => !is_visitor,
            Access::Public | Access::Dev => true,
        };
    match route.access {
        Access::Public | Access::Dev => false,
        _ => !holds_right_kind,
    }
}

/// Ana's real cookie, sent as another site's form or script would: no CSRF header.
fn without_csrf(cookie: &str, ws: &Workspace) -> Http {
    ws.http().with_header("cookie", &format!("{SESSION_COOKIE}={cookie}"))
}

fn tampered(token: &str) -> String {
    let (payload, signature) = token.split_once('.').unwrap_or((token, ""));
    let mut payload = payload.to_owned().into_bytes();
    if let Some(first) = payload.first_mut() {
        *first = if *first == b'e' { b'f' } else { b'e' };
    }
    format!("{}.{signature}", String::from_utf8_lossy(&payload))
}
