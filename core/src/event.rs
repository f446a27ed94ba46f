//! The dialog's event log entries: what is stored in SQLite and sent over sockets.
//!
//! This is a wire and disk format: add fields with defaults, never rename a tag. The snapshot
//! tests at the bottom pin the JSON.

use crate::ids::{AgentId, VisitorId};
use serde::{Deserialize, Serialize};

/// One change to a dialog. `seq` numbers a dialog's events from 1 without gaps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    /// Milliseconds since the Unix epoch, as given to `decide`.
    pub at: i64,
    pub actor: Actor,
    pub body: EventBody,
}

/// Who caused an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actor {
    Visitor {
        id: VisitorId,
    },
    /// Agents carry their display name so a reader needs no directory lookup.
    Agent {
        id: AgentId,
        name: String,
    },
    System,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventBody {
    /// Session `session` (1, 2, …) starts; it runs until `Closed` (Q12).
    SessionOpened { session: u32 },
    MessagePosted {
        text: String,
        /// A hidden note (C6): agents only. Absent in old events means public.
        #[serde(default, skip_serializing_if = "is_false")]
        internal: bool,
    },
    /// An agent took the session (Q3).
    Answered { agent: AgentId, agent_name: String },
    /// The session ended (Q10).
    Closed { session: u32, reason: CloseReason },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    Finished,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Actor {
    pub fn is_agent(&self) -> bool {
        matches!(self, Actor::Agent { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(e: &Event) -> String {
        serde_json::to_string(e).unwrap()
    }

    #[test]
    fn snapshot_message_event() {
        let e = Event {
            seq: 2,
            at: 1_700_000_000_000,
            actor: Actor::Visitor { id: VisitorId::parse("v_1").unwrap() },
            body: EventBody::MessagePosted { text: "hola".into(), internal: false },
        };
        assert_eq!(
            json(&e),
            r#"{"seq":2,"at":1700000000000,"actor":{"kind":"visitor","id":"v_1"},"body":{"type":"message_posted","text":"hola"}}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&json(&e)).unwrap(), e);
    }

    #[test]
    fn snapshot_lifecycle_events() {
        let agent = Actor::Agent { id: AgentId::parse("a_1").unwrap(), name: "Ana".into() };
        let bodies = [
            (EventBody::SessionOpened { session: 1 }, r#"{"type":"session_opened","session":1}"#),
            (
                EventBody::MessagePosted { text: "x".into(), internal: true },
                r#"{"type":"message_posted","text":"x","internal":true}"#,
            ),
            (
                EventBody::Answered {
                    agent: AgentId::parse("a_1").unwrap(),
                    agent_name: "Ana".into(),
                },
                r#"{"type":"answered","agent":"a_1","agent_name":"Ana"}"#,
            ),
            (
                EventBody::Closed { session: 1, reason: CloseReason::Finished },
                r#"{"type":"closed","session":1,"reason":"finished"}"#,
            ),
        ];
        for (body, expected) in bodies {
            assert_eq!(serde_json::to_string(&body).unwrap(), expected);
            assert_eq!(serde_json::from_str::<EventBody>(expected).unwrap(), body);
        }
        assert_eq!(
            serde_json::to_string(&agent).unwrap(),
            r#"{"kind":"agent","id":"a_1","name":"Ana"}"#
        );
        assert_eq!(serde_json::to_string(&Actor::System).unwrap(), r#"{"kind":"system"}"#);
    }
}
