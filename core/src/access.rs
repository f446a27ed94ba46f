//! Access ends at once, everywhere (issue 15): which of an agent's open sockets close when a
//! session, an API token or a membership ends or changes, and the close code they get.
//!
//! HTTP checks the session or token on every request, so a 401 follows the change at once. A
//! socket is checked only when it opens, so each one remembers the access it was opened under
//! (`Access`) and the objects holding it close it when `AccessChange::closing` names that access.
//! The rule is the same as HTTP's: a socket closes exactly when a request under its access
//! would now be refused (or would now run under another role).
//!
//! Clients need not tell the codes apart to be correct: on any close the agent app asks over
//! HTTP, and a 401 sends it back to the login. The codes say why, for logs and other clients.

use serde::{Deserialize, Serialize};

/// The close frame of a socket whose access ended or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SocketClose {
    pub code: u16,
    pub reason: &'static str,
}

/// The access ended (sign-out, another session's password change, removal, a revoked API
/// token): reconnecting is refused with 401, as every HTTP request is.
pub const ACCESS_ENDED: SocketClose = SocketClose { code: 4401, reason: "access ended" };

/// The access is live but its agent's role changed: reconnect, and the new role applies.
pub const ACCESS_CHANGED: SocketClose = SocketClose { code: 4409, reason: "access changed" };

/// An ended access is remembered by each dialog it held sockets on for this long, so a socket
/// whose opening raced the end (authorized just before, arriving just after) is refused. The
/// race lasts one request; an hour is ample.
pub const ENDED_ACCESS_KEPT_MS: i64 = 60 * 60 * 1000;

/// What a socket was opened under: one signed-in session, or one API token (by its row id,
/// never its secret).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Access {
    Session(String),
    ApiToken(String),
}

impl Access {
    /// The access as one string: a socket's hibernation tag, a stored row's key.
    pub fn tag(&self) -> String {
        match self {
            Access::Session(id) => format!("session:{id}"),
            Access::ApiToken(id) => format!("token:{id}"),
        }
    }

    /// The inverse of `tag`; `None` for anything else.
    pub fn from_tag(tag: &str) -> Option<Access> {
        if let Some(id) = tag.strip_prefix("session:") {
            return Some(Access::Session(id.to_owned()));
        }
        tag.strip_prefix("token:").map(|id| Access::ApiToken(id.to_owned()))
    }

    pub fn session(&self) -> Option<&str> {
        match self {
            Access::Session(id) => Some(id),
            Access::ApiToken(_) => None,
        }
    }
}

/// Why an agent's access ends or changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AccessChange {
    /// This session signed out.
    SignedOut { session: Access },
    /// This session's time ran out.
    Expired { session: Access },
    /// The agent set a new password from `kept`: their other sessions end, their API tokens
    /// (an admin's integrations) do not, as over HTTP.
    PasswordChanged { kept: Access },
    /// This API token was revoked.
    TokenRevoked { token: Access },
    /// The agent left the team: every session and token ends.
    Removed,
    /// The agent's role changed: every access stays, under the new role.
    RoleChanged,
}

impl AccessChange {
    /// Of `held`, every access the agent had before the change, those whose sockets close.
    pub fn closing(&self, held: &[Access]) -> Vec<Access> {
        match self {
            AccessChange::SignedOut { session } | AccessChange::Expired { session } => {
                vec![session.clone()]
            }
            AccessChange::TokenRevoked { token } => vec![token.clone()],
            AccessChange::PasswordChanged { kept } => held
                .iter()
                .filter(|a| matches!(a, Access::Session(_)) && *a != kept)
                .cloned()
                .collect(),
            AccessChange::Removed | AccessChange::RoleChanged => held.to_vec(),
        }
    }

    /// Whether every socket of the agent closes, whatever access it was opened under (sockets
    /// from before accesses were recorded included).
    pub fn closes_every_socket_of_the_agent(&self) -> bool {
        matches!(self, AccessChange::Removed | AccessChange::RoleChanged)
    }

    /// Whether the accesses closed are gone for good, so a socket opening under one later is
    /// refused; after a role change they reconnect.
    pub fn ends_access(&self) -> bool {
        !matches!(self, AccessChange::RoleChanged)
    }

    pub fn close(&self) -> SocketClose {
        if self.ends_access() {
            ACCESS_ENDED
        } else {
            ACCESS_CHANGED
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str) -> Access {
        Access::Session(id.into())
    }

    fn t(id: &str) -> Access {
        Access::ApiToken(id.into())
    }

    /// Each change, over an agent holding two sessions and a token: what closes, with what
    /// code, and whether it may open again.
    #[test]
    fn each_change_closes_what_http_now_refuses_and_no_more() {
        let held = [s("s_laptop"), s("s_phone"), t("tok_crm")];
        let cases: &[(AccessChange, &[Access], bool, u16)] = &[
            (AccessChange::SignedOut { session: s("s_laptop") }, &[s("s_laptop")], false, 4401),
            (AccessChange::Expired { session: s("s_phone") }, &[s("s_phone")], false, 4401),
            (AccessChange::PasswordChanged { kept: s("s_laptop") }, &[s("s_phone")], false, 4401),
            (AccessChange::TokenRevoked { token: t("tok_crm") }, &[t("tok_crm")], false, 4401),
            (AccessChange::Removed, &held, true, 4401),
            (AccessChange::RoleChanged, &held, true, 4409),
        ];
        for (change, closing, every_socket, code) in cases {
            assert_eq!(&change.closing(&held), closing, "{change:?}");
            assert_eq!(change.closes_every_socket_of_the_agent(), *every_socket, "{change:?}");
            assert_eq!(change.close().code, *code, "{change:?}");
            assert_eq!(change.ends_access(), *code == 4401, "{change:?}");
        }
    }

    #[test]
    fn a_signed_out_session_closes_even_when_it_was_not_listed() {
        let change = AccessChange::SignedOut { session: s("s_gone") };
        assert_eq!(change.closing(&[]), [s("s_gone")]);
    }

    #[test]
    fn the_close_codes_are_in_the_application_range_and_distinct() {
        for close in [ACCESS_ENDED, ACCESS_CHANGED] {
            assert!((4000..5000).contains(&close.code), "{close:?}");
            // A close reason is at most 123 bytes on the wire.
            assert!(close.reason.len() <= 123);
        }
        assert_ne!(ACCESS_ENDED.code, ACCESS_CHANGED.code);
    }

    #[test]
    fn a_tag_reads_back_as_its_access_and_nothing_else_reads() {
        for access in [s("s_abc"), t("tok_abc")] {
            assert_eq!(Access::from_tag(&access.tag()), Some(access));
        }
        assert_eq!(Access::from_tag("a_agent"), None);
        assert_eq!(Access::from_tag(""), None);
    }

    /// Tags are stored (rows of the accesses' dialogs, ended accesses) and cross the internal
    /// wire: their form only grows.
    #[test]
    fn snapshot_access_tags_and_json() {
        assert_eq!(s("s_1").tag(), "session:s_1");
        assert_eq!(t("tok_1").tag(), "token:tok_1");
        let json = serde_json::to_string(&t("tok_1")).unwrap();
        assert_eq!(json, r#"{"kind":"api_token","id":"tok_1"}"#);
        let change = AccessChange::PasswordChanged { kept: s("s_1") };
        assert_eq!(
            serde_json::to_string(&change).unwrap(),
            r#"{"kind":"password_changed","kept":{"kind":"session","id":"s_1"}}"#
        );
        assert_eq!(serde_json::to_string(&AccessChange::Removed).unwrap(), r#"{"kind":"removed"}"#);
    }
}
