//! Typed ids. Each is a short string made by the edge (core makes none: no randomness here).
//!
//! Ids travel in URLs and Durable Object names, so they are restricted to `[A-Za-z0-9_-]`,
//! 1–64 characters; `parse` is the one check every inbound id goes through.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        /// Deserializing checks the form too: an id from the wire is parsed, never trusted.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(raw: String) -> Result<Self, String> {
                if is_valid_id(&raw) {
                    Ok(Self(raw))
                } else {
                    Err(format!("invalid id {raw:?}: use 1-{MAX_ID_LEN} of A-Z a-z 0-9 _ -"))
                }
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl $name {
            /// Accepts only well-formed ids, so nothing odd reaches a URL, a name or SQL.
            pub fn parse(raw: &str) -> Option<Self> {
                is_valid_id(raw).then(|| Self(raw.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// A tenant: one business with its agents, channels and dialogs.
    WorkspaceId
);
string_id!(
    /// An open channel of a workspace (the website widget is one).
    ChannelId
);
string_id!(
    /// A dialog: all sessions between one customer and the workspace on one channel.
    DialogId
);
string_id!(
    /// An employee who answers customers.
    AgentId
);
string_id!(
    /// A customer, as known by the widget's visitor token.
    VisitorId
);
string_id!(
    /// A file uploaded to a dialog (C1), made by the edge.
    FileId
);
string_id!(
    /// A CRM contact (R1): a person the workspace knows, with every dialog they had. Made by
    /// the edge with the prefix `c_`.
    ContactId
);
string_id!(
    /// Made by the client for each command, so a retry is recognised and applied once.
    CommandId
);

pub const MAX_ID_LEN: usize = 64;

pub fn is_valid_id(raw: &str) -> bool {
    !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl DialogId {
    /// This slice keeps one dialog per visitor and channel, so the dialog id follows from them.
    pub fn for_visitor(channel: &ChannelId, visitor: &VisitorId) -> DialogId {
        let raw = format!("{}-{}", channel.as_str(), visitor.as_str());
        // Both parts are valid ids; only the length can overflow, so keep the visitor's tail.
        let start = raw.len().saturating_sub(MAX_ID_LEN);
        DialogId(raw[start..].trim_start_matches('-').to_owned())
    }
}

/// The public key of a channel, as written in the embed snippet: `<workspace>.<channel>`.
/// Not a secret: it only names where a widget's customers write.
pub fn channel_key(workspace: &WorkspaceId, channel: &ChannelId) -> String {
    format!("{workspace}.{channel}")
}

pub fn parse_channel_key(key: &str) -> Option<(WorkspaceId, ChannelId)> {
    let (workspace, channel) = key.split_once('.')?;
    Some((WorkspaceId::parse(workspace)?, ChannelId::parse(channel)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w1_channel_keys_round_trip_and_refuse_junk() {
        let (ws, ch) = parse_channel_key("demo.web").unwrap();
        assert_eq!((ws.as_str(), ch.as_str()), ("demo", "web"));
        assert_eq!(channel_key(&ws, &ch), "demo.web");
        for bad in ["", "demo", "demo.", ".web", "de mo.web", "demo.web.x"] {
            assert!(parse_channel_key(bad).is_none(), "{bad:?} accepted");
        }
    }

    #[test]
    fn ids_accept_url_safe_text_only() {
        assert!(DialogId::parse("d_abc-123").is_some());
        for bad in ["", "a b", "a/b", "é", "a.b", &"x".repeat(65)] {
            assert!(DialogId::parse(bad).is_none(), "{bad:?} accepted");
        }
    }

    #[test]
    fn ids_from_the_wire_are_checked() {
        assert_eq!(serde_json::from_str::<CommandId>("\"c-1\"").unwrap().as_str(), "c-1");
        assert!(serde_json::from_str::<CommandId>("\"bad id!\"").is_err());
        assert!(serde_json::from_str::<DialogId>("\"\"").is_err());
        assert_eq!(serde_json::to_string(&AgentId::parse("a_1").unwrap()).unwrap(), "\"a_1\"");
    }

    #[test]
    fn dialog_id_for_visitor_is_stable_and_valid() {
        let ch = ChannelId::parse("web").unwrap();
        let v = VisitorId::parse("v_123").unwrap();
        let id = DialogId::for_visitor(&ch, &v);
        assert_eq!(id.as_str(), "web-v_123");
        let long = VisitorId::parse(&"v".repeat(64)).unwrap();
        assert!(is_valid_id(DialogId::for_visitor(&ch, &long).as_str()));
    }
}
