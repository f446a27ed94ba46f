//! How `Actor` and `EventBody` are read: each from one flat struct of every variant's fields,
//! then checked for the fields its tag needs.
//!
//! The derived reader of an internally tagged enum buffers the whole object and then reads it
//! again for the variant its tag names, code that cost the widget 38 KB of wasm (7.5 KB
//! brotli). The JSON is the same either way (the snapshot tests in `event.rs` read and write
//! it). One difference: a field named here must have its usual type even in a body of a kind
//! this build does not know (kinds only grow, and a new kind reuses a name only with its type).

use super::{Actor, AgentRef, CloseReason, EventBody};
use crate::contact::{Contact, Rating};
use crate::files::FileRef;
use crate::ids::{AgentId, ChannelId, VisitorId};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct RawActor {
    kind: ActorKind,
    id: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ActorKind {
    Visitor,
    Agent,
    System,
}

impl TryFrom<RawActor> for Actor {
    type Error = &'static str;

    fn try_from(raw: RawActor) -> Result<Actor, &'static str> {
        Ok(match (raw.kind, raw.id, raw.name) {
            (ActorKind::Visitor, Some(id), _) => {
                Actor::Visitor { id: need(VisitorId::parse(&id))? }
            }
            (ActorKind::Agent, Some(id), Some(name)) => {
                Actor::Agent { id: need(AgentId::parse(&id))?, name }
            }
            (ActorKind::System, ..) => Actor::System,
            _ => return Err(MISSING),
        })
    }
}

#[derive(Deserialize)]
pub(super) struct RawBody {
    #[serde(rename = "type")]
    kind: BodyKind,
    session: Option<u32>,
    text: Option<String>,
    #[serde(default)]
    internal: bool,
    quote: Option<u64>,
    #[serde(default)]
    mentions: Vec<AgentRef>,
    agent: Option<AgentId>,
    agent_name: Option<String>,
    reason: Option<CloseReason>,
    channel: Option<ChannelId>,
    channel_name: Option<String>,
    previous: Option<AgentId>,
    previous_name: Option<String>,
    seq: Option<u64>,
    from: Option<u64>,
    #[serde(default)]
    files: Vec<FileRef>,
    contact: Option<Contact>,
    rating: Option<Rating>,
    #[serde(default)]
    comment: String,
    up_to: Option<u64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum BodyKind {
    SessionOpened,
    MessagePosted,
    Answered,
    Closed,
    Transferred,
    MovedToChannel,
    Taken,
    Invited,
    MessageEdited,
    MessageDeleted,
    SessionSplit,
    Pinned,
    Unpinned,
    Blocked,
    Unblocked,
    ContactShared,
    Rated,
    Read,
    #[serde(other)]
    Unknown,
}

const MISSING: &str = "a field is missing or invalid";

impl TryFrom<RawBody> for EventBody {
    type Error = &'static str;

    fn try_from(raw: RawBody) -> Result<EventBody, &'static str> {
        let RawBody { internal, mentions, quote, files, comment, .. } = raw;
        let body = match raw.kind {
            BodyKind::SessionOpened => EventBody::SessionOpened { session: need(raw.session)? },
            BodyKind::MessagePosted => {
                EventBody::MessagePosted { text: need(raw.text)?, internal, quote, mentions, files }
            }
            BodyKind::Answered => {
                EventBody::Answered { agent: need(raw.agent)?, agent_name: need(raw.agent_name)? }
            }
            BodyKind::Closed => {
                EventBody::Closed { session: need(raw.session)?, reason: need(raw.reason)? }
            }
            BodyKind::Transferred => EventBody::Transferred {
                agent: need(raw.agent)?,
                agent_name: need(raw.agent_name)?,
            },
            BodyKind::MovedToChannel => EventBody::MovedToChannel {
                channel: need(raw.channel)?,
                channel_name: need(raw.channel_name)?,
            },
            BodyKind::Taken => EventBody::Taken {
                previous: need(raw.previous)?,
                previous_name: need(raw.previous_name)?,
            },
            BodyKind::Invited => {
                EventBody::Invited { agent: need(raw.agent)?, agent_name: need(raw.agent_name)? }
            }
            BodyKind::MessageEdited => {
                EventBody::MessageEdited { seq: need(raw.seq)?, text: need(raw.text)?, internal }
            }
            BodyKind::MessageDeleted => EventBody::MessageDeleted { seq: need(raw.seq)?, internal },
            BodyKind::SessionSplit => {
                EventBody::SessionSplit { session: need(raw.session)?, from: need(raw.from)? }
            }
            BodyKind::Pinned => EventBody::Pinned,
            BodyKind::Unpinned => EventBody::Unpinned,
            BodyKind::Blocked => EventBody::Blocked,
            BodyKind::Unblocked => EventBody::Unblocked,
            BodyKind::ContactShared => EventBody::ContactShared { contact: need(raw.contact)? },
            BodyKind::Rated => {
                EventBody::Rated { session: need(raw.session)?, rating: need(raw.rating)?, comment }
            }
            BodyKind::Read => EventBody::Read { up_to: need(raw.up_to)? },
            BodyKind::Unknown => EventBody::Unknown,
        };
        Ok(body)
    }
}

/// The field, if it was there (and, for an id, well-formed).
fn need<T>(field: Option<T>) -> Result<T, &'static str> {
    field.ok_or(MISSING)
}
