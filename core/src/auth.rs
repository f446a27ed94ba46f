//! Signed tokens and password hashes: pure functions over secrets the edge passes in.
//!
//! A token is `base64url(claims JSON) "." base64url(HMAC-SHA256(secret, first part))`.
//! Verification is constant-time. Passwords are PBKDF2-HMAC-SHA256 with a per-agent salt.

use crate::ids::{AgentId, ChannelId, DialogId, FileId, VisitorId, WorkspaceId};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Iterations for new password hashes: 100,000 is the most the Workers runtime's own PBKDF2
/// accepts, the bar we hold our pure-Rust one to. Stored with each hash, so it can be raised.
pub const PASSWORD_ITERATIONS: u32 = 100_000;

/// What a token proves. Short field names keep tokens short in URLs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Claims {
    /// A widget's customer: one visitor on one channel of one workspace. Does not expire: it
    /// is the customer's identity on this browser (W3).
    Visitor { ws: WorkspaceId, ch: ChannelId, v: VisitorId },
    /// A logged-in agent's session `s`, until `exp` (ms since the epoch). The workspace keeps
    /// the live sessions: logging out, a password change or removal ends one before `exp`.
    /// Name and role are not in the token: they are read fresh on every request.
    Agent { ws: WorkspaceId, a: AgentId, s: String, exp: i64 },
    /// A download link for file `f` of dialog `d` (C1), until `exp`: handed only to the
    /// dialog's customer and the workspace's agents, and useless for anything else.
    File { ws: WorkspaceId, d: DialogId, f: FileId, exp: i64 },
}

/// C1: the path of a signed download link for one file, valid until `exp`.
pub fn file_link(
    secret: &[u8],
    ws: &WorkspaceId,
    dialog: &DialogId,
    file: &FileId,
    exp: i64,
) -> String {
    let claims = Claims::File { ws: ws.clone(), d: dialog.clone(), f: file.clone(), exp };
    format!("/api/files/{}", sign(secret, &claims))
}

/// An agent's role in their workspace. What each may do is decided in `authz`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Supervisor,
    #[default]
    Agent,
}

impl Role {
    pub fn parse(raw: &str) -> Role {
        match raw {
            "admin" => Role::Admin,
            "supervisor" => Role::Supervisor,
            _ => Role::Agent,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Supervisor => "supervisor",
            Role::Agent => "agent",
        }
    }

    /// Edit or delete colleagues' messages (M8, M9).
    pub fn may_moderate(self) -> bool {
        matches!(self, Role::Admin | Role::Supervisor)
    }
}

/// Shortest password accepted for new passwords.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password: PBKDF2 hashes the whole string, so an unbounded one is a cost attack.
pub const MAX_PASSWORD_CHARS: usize = 200;

/// Why a new password is refused; `None`: it is acceptable.
pub fn password_problem(password: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Some(format!("The password needs at least {MIN_PASSWORD_CHARS} characters."));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Some(format!("The password may have at most {MAX_PASSWORD_CHARS} characters."));
    }
    None
}

/// `olk_<workspace>_<secret>`: an API token names its workspace, so the edge knows which
/// workspace to ask whether the token exists. Only its hash is stored.
pub const API_TOKEN_PREFIX: &str = "olk_";

pub fn api_token(workspace: &WorkspaceId, secret: &str) -> String {
    format!("{API_TOKEN_PREFIX}{workspace}_{secret}")
}

/// The workspace an API token names, if it has the form of one.
pub fn api_token_workspace(token: &str) -> Option<WorkspaceId> {
    let rest = token.strip_prefix(API_TOKEN_PREFIX)?;
    let (workspace, secret) = rest.rsplit_once('_')?;
    (secret.len() >= 20).then_some(())?;
    WorkspaceId::parse(workspace)
}

/// What is stored for a token, an invite code or a session: hex(SHA-256). The values hashed
/// carry 100+ random bits, so a fast hash is enough (unlike passwords).
pub fn digest(value: &str) -> String {
    use sha2::Digest;
    hex(&Sha256::digest(value.as_bytes()))
}

/// W6: what the host site's server computes for a signed-in user: hex(HMAC-SHA256(channel
/// secret, user id)).
pub fn identity_hash(channel_secret: &str, user_id: &str) -> String {
    hex(&mac(channel_secret.as_bytes(), user_id.as_bytes()).finalize().into_bytes())
}

/// W6: whether `hash` is `identity_hash(channel secret, user id)`, compared in constant time.
pub fn identity_verifies(channel_secret: &str, user_id: &str, hash: &str) -> bool {
    let expected = identity_hash(channel_secret, user_id);
    constant_time_eq(expected.as_bytes(), hash.trim().to_ascii_lowercase().as_bytes())
}

/// How a verified user's visitor id begins (anonymous ones begin `v_`). Only the edge signs
/// visitor tokens, and it gives this prefix only after the signature verified, so a token's
/// visitor id says whether it was issued to a verified user (`admission::Identity::of_token`).
pub const IDENTIFIED_VISITOR_PREFIX: &str = "u_";

/// The visitor a verified user id is on a channel: the same on every device, and not
/// guessable from the user id without the server's secret.
pub fn identified_visitor(secret: &[u8], channel: &ChannelId, user_id: &str) -> VisitorId {
    let tag = mac(secret, format!("identity\n{channel}\n{user_id}").as_bytes()).finalize();
    let id = format!("{IDENTIFIED_VISITOR_PREFIX}{}", &hex(&tag.into_bytes())[..32]);
    VisitorId::parse(&id).unwrap_or_else(|| unreachable!("hex is a valid id"))
}

/// A keyed hash of a visitor's network address: lets the edge block and rate-limit a network
/// without storing the address itself.
pub fn network_tag(secret: &[u8], address: &str) -> String {
    let tag = mac(secret, format!("network\n{address}").as_bytes()).finalize();
    format!("n_{}", &hex(&tag.into_bytes())[..32])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    Malformed,
    BadSignature,
    Expired,
}

pub fn sign(secret: &[u8], claims: &Claims) -> String {
    let payload = B64.encode(serde_json::to_vec(claims).unwrap_or_default());
    let signature = B64.encode(mac(secret, payload.as_bytes()).finalize().into_bytes());
    format!("{payload}.{signature}")
}

/// Checks the signature first (constant-time), then decodes, then checks expiry against `now`.
pub fn verify(secret: &[u8], token: &str, now: i64) -> Result<Claims, TokenError> {
    let (payload, signature) = token.split_once('.').ok_or(TokenError::Malformed)?;
    let signature = B64.decode(signature).map_err(|_| TokenError::Malformed)?;
    mac(secret, payload.as_bytes())
        .verify_slice(&signature)
        .map_err(|_| TokenError::BadSignature)?;
    let json = B64.decode(payload).map_err(|_| TokenError::Malformed)?;
    let claims: Claims = serde_json::from_slice(&json).map_err(|_| TokenError::Malformed)?;
    if let Claims::Agent { exp, .. } | Claims::File { exp, .. } = claims {
        if exp <= now {
            return Err(TokenError::Expired);
        }
    }
    Ok(claims)
}

fn mac(secret: &[u8], data: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length; this cannot fail.
    let mut mac = <HmacSha256 as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    mac
}

/// `pbkdf2-sha256$<iterations>$<salt>$<hash>`, salt and hash in base64url.
pub fn hash_password(password: &str, salt: &[u8], iterations: u32) -> String {
    let hash = derive(password, salt, iterations);
    format!("pbkdf2-sha256${iterations}${}${}", B64.encode(salt), B64.encode(hash))
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    let mut parts = stored.split('$');
    let (Some("pbkdf2-sha256"), Some(iterations), Some(salt), Some(hash), None) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Ok(iterations), Ok(salt), Ok(expected)) =
        (iterations.parse::<u32>(), B64.decode(salt), B64.decode(hash))
    else {
        return false;
    };
    constant_time_eq(&derive(password, &salt, iterations), &expected)
}

fn derive(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, iterations, &mut out);
    out
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"test-secret";

    fn agent_claims(exp: i64) -> Claims {
        Claims::Agent {
            ws: WorkspaceId::parse("demo").unwrap(),
            a: AgentId::parse("a_1").unwrap(),
            s: "s_1".into(),
            exp,
        }
    }

    #[test]
    fn tokens_round_trip() {
        let visitor = Claims::Visitor {
            ws: WorkspaceId::parse("demo").unwrap(),
            ch: ChannelId::parse("web").unwrap(),
            v: VisitorId::parse("v_1").unwrap(),
        };
        for claims in [visitor, agent_claims(2_000)] {
            assert_eq!(verify(SECRET, &sign(SECRET, &claims), 1_000), Ok(claims));
        }
    }

    #[test]
    fn tokens_refuse_tampering_other_secrets_and_expiry() {
        let token = sign(SECRET, &agent_claims(2_000));
        assert_eq!(verify(b"other", &token, 1_000), Err(TokenError::BadSignature));
        assert_eq!(verify(SECRET, &token, 2_000), Err(TokenError::Expired));
        let (payload, sig) = token.split_once('.').unwrap();
        let forged = B64.encode(br#"{"t":"agent","ws":"other","a":"a_1","s":"s_1","exp":9}"#);
        assert_eq!(verify(SECRET, &format!("{forged}.{sig}"), 0), Err(TokenError::BadSignature));
        assert_eq!(verify(SECRET, payload, 0), Err(TokenError::Malformed));
        assert_eq!(verify(SECRET, "", 0), Err(TokenError::Malformed));
        assert_eq!(verify(SECRET, "a.!!", 0), Err(TokenError::Malformed));
    }

    #[test]
    fn c1_file_links_are_signed_and_expire() {
        let (ws, d, f) = (
            WorkspaceId::parse("demo").unwrap(),
            DialogId::parse("web-v_1").unwrap(),
            FileId::parse("f_1").unwrap(),
        );
        let link = file_link(SECRET, &ws, &d, &f, 5_000);
        let token = link.strip_prefix("/api/files/").unwrap();
        assert!(!token.contains('/'), "one path segment");
        assert_eq!(verify(SECRET, token, 4_999), Ok(Claims::File { ws, d, f, exp: 5_000 }));
        assert_eq!(verify(SECRET, token, 5_000), Err(TokenError::Expired));
        assert_eq!(verify(b"other", token, 0), Err(TokenError::BadSignature));
    }

    #[test]
    fn roles_read_and_write_as_words() {
        for role in [Role::Admin, Role::Supervisor, Role::Agent] {
            assert_eq!(Role::parse(role.as_str()), role);
        }
        assert_eq!(Role::parse("anything"), Role::Agent);
        assert!(Role::Supervisor.may_moderate() && !Role::Agent.may_moderate());
    }

    #[test]
    fn new_passwords_have_a_sensible_length() {
        assert!(password_problem("short").is_some());
        assert!(password_problem(&"x".repeat(201)).is_some());
        assert_eq!(password_problem("correct horse battery"), None);
    }

    #[test]
    fn api_tokens_name_their_workspace() {
        let ws = WorkspaceId::parse("demo_shop").unwrap();
        let token = api_token(&ws, "abcdefghij0123456789");
        assert_eq!(api_token_workspace(&token), Some(ws));
        assert_eq!(api_token_workspace("olk_demo_short"), None);
        assert_eq!(api_token_workspace("Bearer xyz"), None);
        assert_ne!(digest(&token), digest("olk_demo_shop_abcdefghij012345678X"));
        assert_eq!(digest("abc").len(), 64);
    }

    #[test]
    fn w6_identity_hash_is_hmac_of_the_user_id() {
        // hex(HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")), RFC 4231 style vector.
        let hash = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        let msg = "The quick brown fox jumps over the lazy dog";
        assert!(identity_verifies("key", msg, hash));
        assert!(identity_verifies("key", msg, &hash.to_uppercase()));
        assert!(!identity_verifies("other", msg, hash));
        assert!(!identity_verifies("key", "another user", hash));
        assert!(!identity_verifies("key", msg, ""));
        let web = ChannelId::parse("web").unwrap();
        let a = identified_visitor(b"server", &web, "user-42");
        assert_eq!(a, identified_visitor(b"server", &web, "user-42"));
        assert_ne!(a, identified_visitor(b"server", &web, "user-43"));
        assert_ne!(a, identified_visitor(b"other-server", &web, "user-42"));
        assert!(a.as_str().starts_with("u_"));
    }

    #[test]
    fn passwords_verify_only_the_right_one() {
        let stored = hash_password("correct horse", b"salt-123", 1_000);
        assert!(stored.starts_with("pbkdf2-sha256$1000$"));
        assert!(verify_password("correct horse", &stored));
        assert!(!verify_password("correct hors", &stored));
        assert!(!verify_password("correct horse", "garbage"));
        assert!(!verify_password("correct horse", "pbkdf2-sha256$x$y$z"));
    }
}
