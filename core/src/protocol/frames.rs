//! What a dialog and the inbox carry, for both apps: commands and their replies, the events
//! frames of history and sockets, the typing signals (W2), and the inbox's frames.

use crate::conversation::Command;
use crate::event::Event;
use crate::ids::CommandId;
use crate::inbox::DialogSummary;
use serde::{Deserialize, Serialize};

/// A command with the client's id for it: a retry with the same id is applied once and
/// answered with the original result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandRequest {
    pub command_id: CommandId,
    pub command: Command,
}

/// The events the command appended, as the caller may see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandReply {
    pub events: Vec<Event>,
}

/// Events of one dialog, as the receiver may see them. `reset` tells the client to drop what
/// it had (first load, or a resume position the server does not know).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventsFrame {
    pub events: Vec<Event>,
    pub reset: bool,
    /// The dialog's last `seq`, which may be past the last event shown (a hidden note).
    pub last_seq: u64,
    /// More events follow: ask again with `after` = the last event's `seq`.
    #[serde(default)]
    pub more: bool,
}

/// Client → dialog socket: the sender's draft is being written (`typing`) or no longer is (sent,
/// cleared, left the box). Never the draft itself. `note`: the draft is a hidden note (C6), of
/// which the customer must not even learn that it is being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypingUpdate {
    pub typing: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note: bool,
}

/// Dialog socket → client: someone on the other side is typing, or stopped (W2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypingFrame {
    /// The customer, or the agent with their display name.
    pub typist: crate::event::Actor,
    pub typing: bool,
}

/// The agents' inbox: a snapshot first, then one row at a time as dialogs change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
// Frames live for one send or receive; boxing the row would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum InboxFrame {
    Snapshot { dialogs: Vec<DialogSummary> },
    Upsert { dialog: DialogSummary },
}
