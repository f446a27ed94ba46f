//! What a dialog knows about itself, folded from its events.
//!
//! Stored next to the log as a snapshot so a request needs no replay; it can always be rebuilt
//! by folding the events from `DialogState::default()`.

use crate::contact::{Contact, Rating};
use crate::event::{AgentRef, CloseReason};
use crate::ids::{AgentId, ChannelId};
use serde::{Deserialize, Serialize};

/// Stored as a snapshot: every field added later needs a default (`#[serde(default)]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DialogState {
    /// The `seq` of the last event; 0 for an empty log.
    pub last_seq: u64,
    /// The number of the latest session; 0 before the first customer message.
    pub session: u32,
    pub status: SessionStatus,
    pub last_message: Option<LastMessage>,
    /// Customer messages since an agent last wrote (the agents' unread count).
    pub unread: u32,
    /// When the current session started waiting for an answer (for "waiting time").
    pub waiting_since: Option<i64>,
    /// Colleagues invited into the current session (Q9); they see and write in it.
    pub participants: Vec<AgentRef>,
    /// Locked as the owner's (Q11) until unpinned or closed.
    pub pinned: bool,
    /// How the last session ended, while none is open (the Closed and Spam lists).
    pub last_close: Option<CloseReason>,
    /// The last time anyone wrote to the chat (automatic close counts from here, Q14).
    pub last_activity_at: Option<i64>,
    /// The open channel the dialog was moved to (Q4); `None`: the one the customer wrote on.
    pub channel: Option<ChannelId>,
    /// The customer was blocked (Q6): their messages are refused.
    pub blocked: bool,
    /// The first message of the latest session, where a move to a new session may not start
    /// (M6). `None` in snapshots from before it was kept, until the next session.
    pub first_message: Option<u64>,
    /// The latest message that mentions colleagues (C2): they are told through the inbox.
    pub last_mention: Option<Mention>,
    /// What the customer told about themselves (W4), all shares merged.
    pub contact: Option<Contact>,
    /// How far each side has read (W2 read marks): the customer, and the agents answering.
    pub customer_read: u64,
    pub agents_read: u64,
    /// The `seq` of each side's latest public message: a side reads no further than the
    /// other's (so a read mark never marks read marks).
    pub last_from_customer: u64,
    pub last_to_customer: u64,
    /// The last session the customer rated, and how (W4).
    pub rated_session: Option<u32>,
    pub last_rating: Option<Rating>,
}

/// A message that mentions colleagues (C2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub seq: u64,
    /// Who wrote it.
    pub by: String,
    pub agents: Vec<AgentId>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SessionStatus {
    /// No session is open: none yet, or the last one was closed.
    #[default]
    Idle,
    /// A customer wrote and nobody has answered yet (Q2 "Unanswered").
    Unanswered,
    /// An agent answered and owns the session (Q3).
    InProgress { agent: AgentId, agent_name: String },
}

/// The newest public message, for previews in the inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastMessage {
    pub text: String,
    pub at: i64,
    pub from_customer: bool,
}

impl DialogState {
    pub fn is_open(&self) -> bool {
        self.status != SessionStatus::Idle
    }

    pub fn assignee(&self) -> Option<&AgentId> {
        match &self.status {
            SessionStatus::InProgress { agent, .. } => Some(agent),
            _ => None,
        }
    }

    /// The channel the dialog is in now: `original` unless it was moved (Q4).
    pub fn channel_or(&self, original: &ChannelId) -> ChannelId {
        self.channel.clone().unwrap_or_else(|| original.clone())
    }

    /// The owner or an invited colleague: may write to the customer.
    pub fn is_member(&self, agent: &AgentId) -> bool {
        self.assignee() == Some(agent) || self.participants.iter().any(|p| &p.id == agent)
    }
}
