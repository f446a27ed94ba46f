//! The dialog's event log entries: what is stored in SQLite and sent over sockets.
//!
//! This is a wire and disk format: add fields with defaults, never rename a tag. The snapshot
//! tests at the bottom pin the JSON.

use crate::contact::{Contact, Rating};
use crate::files::FileRef;
use crate::ids::{AgentId, ChannelId, VisitorId};
use serde::{Deserialize, Serialize};

mod flat;

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
#[serde(tag = "kind", rename_all = "snake_case", try_from = "flat::RawActor")]
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
#[serde(tag = "type", rename_all = "snake_case", try_from = "flat::RawBody")]
pub enum EventBody {
    /// Session `session` (1, 2, …) starts; it runs until `Closed` (Q12).
    SessionOpened {
        session: u32,
    },
    MessagePosted {
        text: String,
        /// A hidden note (C6): agents only. Absent in old events means public.
        #[serde(default, skip_serializing_if = "is_false")]
        internal: bool,
        /// The `seq` of the message this one quotes (M1); `decide` made sure the quoted
        /// message reaches everyone this one reaches.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quote: Option<u64>,
        /// Colleagues mentioned as `@Name` in `text` (C2), for agents: a customer reads the
        /// text as it is and never this list.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        mentions: Vec<AgentRef>,
        /// Files attached (C1); the text may then be empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        files: Vec<FileRef>,
    },
    /// An agent took the session (Q3).
    Answered {
        agent: AgentId,
        agent_name: String,
    },
    /// The session ended (Q10; Q5 accept-and-close; Q6 spam; Q14 inactivity).
    Closed {
        session: u32,
        reason: CloseReason,
    },
    /// The actor handed the session to `agent` (Q4).
    Transferred {
        agent: AgentId,
        agent_name: String,
    },
    /// The actor moved the session to another open channel, where it waits again (Q4).
    MovedToChannel {
        channel: ChannelId,
        channel_name: String,
    },
    /// The actor took over the session from `previous`, who is told (Q7).
    Taken {
        previous: AgentId,
        previous_name: String,
    },
    /// `agent` joined as a colleague: sees and writes in the chat (Q9).
    Invited {
        agent: AgentId,
        agent_name: String,
    },
    /// Message `seq` now reads `text` (M8); agents keep every version in the log.
    MessageEdited {
        seq: u64,
        text: String,
        /// The message is a hidden note: the edit is for agents only.
        #[serde(default, skip_serializing_if = "is_false")]
        internal: bool,
    },
    /// Message `seq` was withdrawn (M9): everyone sees "message deleted".
    MessageDeleted {
        seq: u64,
        #[serde(default, skip_serializing_if = "is_false")]
        internal: bool,
    },
    /// Session `session` begins at message `from`, moved out of the session before it with
    /// every later message (M6); readers place this event just before `from`. Agents only.
    SessionSplit {
        session: u32,
        from: u64,
    },
    /// The owner locked the session as theirs (Q11): not taken over, not redistributed.
    Pinned,
    Unpinned,
    /// An agent blocked the customer (Q6 "spam and block"): they cannot open new sessions
    /// until unblocked. Agents only; the customer is not told.
    Blocked,
    Unblocked,
    /// The customer gave contact details (W4: the pre-chat or offline form, or the site's
    /// `Openline.identify`); they complete what was known.
    ContactShared {
        contact: Contact,
    },
    /// The customer rated session `session` once it ended (W4).
    Rated {
        session: u32,
        rating: Rating,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        comment: String,
    },
    /// The actor's side (the customer, or the agents) has read the conversation up to `up_to`
    /// (W2 read marks): the other side's messages until then show as seen.
    Read {
        up_to: u64,
    },
    /// An event kind this build does not know (a newer server talking to an older client).
    /// Never stored or sent by the server.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    Finished,
    Spam,
    /// Nobody wrote for the channel's automatic-close period (Q14).
    Inactive,
}

/// An open channel named by a command, as the edge looked it up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelRef {
    pub id: ChannelId,
    pub name: String,
}

/// An agent named in an event or a directory lookup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentRef {
    pub id: AgentId,
    pub name: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Actor {
    pub fn is_agent(&self) -> bool {
        matches!(self, Actor::Agent { .. })
    }

    /// The same person, whatever their display name was at the time.
    pub fn same_person(&self, other: &Actor) -> bool {
        match (self, other) {
            (Actor::Visitor { id: a }, Actor::Visitor { id: b }) => a == b,
            (Actor::Agent { id: a, .. }, Actor::Agent { id: b, .. }) => a == b,
            (Actor::System, Actor::System) => true,
            _ => false,
        }
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
            body: EventBody::MessagePosted {
                text: "hola".into(),
                internal: false,
                quote: None,
                mentions: Vec::new(),
                files: Vec::new(),
            },
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
                EventBody::MessagePosted {
                    text: "x".into(),
                    internal: true,
                    quote: None,
                    mentions: Vec::new(),
                    files: Vec::new(),
                },
                r#"{"type":"message_posted","text":"x","internal":true}"#,
            ),
            (
                EventBody::MessagePosted {
                    text: "sí".into(),
                    internal: false,
                    quote: Some(2),
                    mentions: Vec::new(),
                    files: Vec::new(),
                },
                r#"{"type":"message_posted","text":"sí","quote":2}"#,
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

    // Long: one snapshot of every contact-center event's JSON, as stored and sent.
    #[test]
    fn snapshot_contact_center_events() {
        let luis = || AgentId::parse("a_luis").unwrap();
        let bodies = [
            (
                EventBody::Transferred { agent: luis(), agent_name: "Luis".into() },
                r#"{"type":"transferred","agent":"a_luis","agent_name":"Luis"}"#,
            ),
            (
                EventBody::Taken { previous: luis(), previous_name: "Luis".into() },
                r#"{"type":"taken","previous":"a_luis","previous_name":"Luis"}"#,
            ),
            (
                EventBody::Invited { agent: luis(), agent_name: "Luis".into() },
                r#"{"type":"invited","agent":"a_luis","agent_name":"Luis"}"#,
            ),
            (
                EventBody::MovedToChannel {
                    channel: ChannelId::parse("sales").unwrap(),
                    channel_name: "Sales".into(),
                },
                r#"{"type":"moved_to_channel","channel":"sales","channel_name":"Sales"}"#,
            ),
            (
                EventBody::MessageEdited { seq: 4, text: "fixed".into(), internal: false },
                r#"{"type":"message_edited","seq":4,"text":"fixed"}"#,
            ),
            (
                EventBody::MessageDeleted { seq: 4, internal: true },
                r#"{"type":"message_deleted","seq":4,"internal":true}"#,
            ),
            (
                EventBody::MessagePosted {
                    text: "@Luis mira".into(),
                    internal: true,
                    quote: None,
                    mentions: vec![AgentRef { id: luis(), name: "Luis".into() }],
                    files: Vec::new(),
                },
                r#"{"type":"message_posted","text":"@Luis mira","internal":true,"mentions":[{"id":"a_luis","name":"Luis"}]}"#,
            ),
            (
                EventBody::SessionSplit { session: 2, from: 5 },
                r#"{"type":"session_split","session":2,"from":5}"#,
            ),
            (
                EventBody::ContactShared {
                    contact: crate::contact::Contact {
                        name: "Lucía".into(),
                        email: "lucia@example.es".into(),
                        phone: String::new(),
                    },
                },
                r#"{"type":"contact_shared","contact":{"name":"Lucía","email":"lucia@example.es"}}"#,
            ),
            (
                EventBody::Rated {
                    session: 2,
                    rating: crate::contact::Rating::stars(4),
                    comment: "Rápidos".into(),
                },
                r#"{"type":"rated","session":2,"rating":{"scale":"stars","value":4},"comment":"Rápidos"}"#,
            ),
            (EventBody::Read { up_to: 7 }, r#"{"type":"read","up_to":7}"#),
            (
                EventBody::MessagePosted {
                    text: String::new(),
                    internal: false,
                    quote: None,
                    mentions: Vec::new(),
                    files: vec![crate::files::FileRef {
                        id: crate::ids::FileId::parse("f_1").unwrap(),
                        name: "a.png".into(),
                        size: 3,
                        content_type: "image/png".into(),
                        url: Some("/api/files/t".into()),
                    }],
                },
                r#"{"type":"message_posted","text":"","files":[{"id":"f_1","name":"a.png","size":3,"content_type":"image/png","url":"/api/files/t"}]}"#,
            ),
            (EventBody::Pinned, r#"{"type":"pinned"}"#),
            (EventBody::Unpinned, r#"{"type":"unpinned"}"#),
            (EventBody::Blocked, r#"{"type":"blocked"}"#),
            (EventBody::Unblocked, r#"{"type":"unblocked"}"#),
            (
                EventBody::Closed { session: 2, reason: CloseReason::Spam },
                r#"{"type":"closed","session":2,"reason":"spam"}"#,
            ),
        ];
        for (body, expected) in bodies {
            assert_eq!(serde_json::to_string(&body).unwrap(), expected);
            assert_eq!(serde_json::from_str::<EventBody>(expected).unwrap(), body);
        }
    }

    #[test]
    fn events_missing_a_field_or_with_a_bad_id_are_refused() {
        for bad in [
            r#"{"type":"message_posted"}"#,
            r#"{"type":"closed","session":1}"#,
            r#"{"type":"answered","agent":"a 1","agent_name":"Ana"}"#,
            r#"{"type":"message_edited","seq":"4","text":"x"}"#,
            r#"{"session":1}"#,
        ] {
            assert!(serde_json::from_str::<EventBody>(bad).is_err(), "{bad}");
        }
        for bad in [r#"{"kind":"agent","id":"a_1"}"#, r#"{"kind":"visitor","id":"v 1"}"#] {
            assert!(serde_json::from_str::<Actor>(bad).is_err(), "{bad}");
        }
        // The tag may come anywhere, and unknown fields are skipped.
        let body: EventBody =
            serde_json::from_str(r#"{"session":3,"x":[1],"type":"session_opened"}"#).unwrap();
        assert_eq!(body, EventBody::SessionOpened { session: 3 });
    }

    #[test]
    fn event_kinds_from_newer_servers_read_as_unknown() {
        let body: EventBody = serde_json::from_str(r#"{"type":"surveyed","stars":5}"#).unwrap();
        assert_eq!(body, EventBody::Unknown);
    }
}
