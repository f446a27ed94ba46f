//! Signed tokens and password hashes: pure functions over secrets the edge passes in.
//!
//! A token is `base64url(claims JSON) "." base64url(HMAC-SHA256(secret, first part))`.
//! Verification is constant-time. Passwords are PBKDF2-HMAC-SHA256 with a per-agent salt.

use crate::ids::{AgentId, ChannelId, VisitorId, WorkspaceId};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Iterations for new password hashes. Stored with each hash, so it can be raised later.
pub const PASSWORD_ITERATIONS: u32 = 100_000;

/// What a token proves. Short field names keep tokens short in URLs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Claims {
    /// A widget's customer: one visitor on one channel of one workspace. Does not expire: it
    /// is the customer's identity on this browser (W3).
    Visitor { ws: WorkspaceId, ch: ChannelId, v: VisitorId },
    /// A logged-in agent, until `exp` (ms since the epoch).
    Agent {
        ws: WorkspaceId,
        a: AgentId,
        n: String,
        exp: i64,
        /// Tokens made before roles existed read as a plain agent.
        #[serde(default)]
        r: Role,
    },
}

/// What an agent may do in their workspace (A1). The full permission model comes with
/// identity; today only channel settings are admin-only.
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

    /// Edit or delete colleagues' messages (M8, M9).
    pub fn may_moderate(self) -> bool {
        matches!(self, Role::Admin | Role::Supervisor)
    }

    /// Open channels' settings: hours, automatic texts, automatic close (Q14, A1).
    pub fn may_configure_channels(self) -> bool {
        self == Role::Admin
    }
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
    if let Claims::Agent { exp, .. } = claims {
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
            n: "Ana".into(),
            exp,
            r: Role::Admin,
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
        let forged = B64.encode(br#"{"t":"agent","ws":"other","a":"a_1","n":"x","exp":9}"#);
        assert_eq!(verify(SECRET, &format!("{forged}.{sig}"), 0), Err(TokenError::BadSignature));
        assert_eq!(verify(SECRET, payload, 0), Err(TokenError::Malformed));
        assert_eq!(verify(SECRET, "", 0), Err(TokenError::Malformed));
        assert_eq!(verify(SECRET, "a.!!", 0), Err(TokenError::Malformed));
    }

    #[test]
    fn a1_only_admins_configure_channels_and_old_tokens_are_agents() {
        assert!(Role::Admin.may_configure_channels());
        assert!(!Role::Supervisor.may_configure_channels());
        assert!(!Role::Agent.may_configure_channels());
        assert_eq!(Role::parse("admin"), Role::Admin);
        assert_eq!(Role::parse("anything"), Role::Agent);
        let old = r#"{"t":"agent","ws":"demo","a":"a_1","n":"Ana","exp":5}"#;
        assert!(matches!(
            serde_json::from_str::<Claims>(old).unwrap(),
            Claims::Agent { r: Role::Agent, .. }
        ));
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
