//! What a dialog and the inbox carry, for both apps: commands and their replies, the events
//! frames of history and sockets, the typing signals (W2), and the inbox's frames.

use crate::conversation::Command;
use crate::event::Event;
use crate::ids::CommandId;
use crate::inbox::{DialogSummary, InboxCounts, InboxCursor, InboxList};
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
    /// The first page of each of the agent's lists (their union), every list's exact count,
    /// and where each list that holds more goes on (`InboxPage` gives the next rows).
    Snapshot {
        dialogs: Vec<DialogSummary>,
        #[serde(default)]
        counts: InboxCounts,
        #[serde(default)]
        more: Vec<ListMore>,
    },
    /// A row changed; `before` is the row it replaces (none: a new dialog), so that counts of
    /// rows the app has not loaded stay exact (`InboxCounts::shift`).
    Upsert {
        dialog: DialogSummary,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<DialogSummary>,
    },
}

/// The rows of one list after a position, newest activity first (scrolling down the list).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub list: InboxList,
    pub dialogs: Vec<DialogSummary>,
    /// More rows follow, after this position (the last row's here).
    pub next: Option<InboxCursor>,
}

/// A list holds rows older than those sent: the next page starts after `after`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMore {
    pub list: InboxList,
    pub after: InboxCursor,
}
