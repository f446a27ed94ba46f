//! The dialog as an event log: `decide` turns a command into events (or a `Rejection`),
//! `apply` folds an event into the state. Both are pure; the Conversation Durable Object only
//! loads, calls them, stores and broadcasts.

mod apply;
mod automation;
mod decide;
mod editing;
mod feedback;
mod lifecycle;
mod messages;
mod offer;
mod quoting;
mod splitting;
mod state;

pub use apply::apply;
pub use automation::{auto_close_deadline, new_session_reply};
pub use decide::{decide, Command, Context, Rejection};
pub use editing::{may_change, message_info, MessageInfo};
pub use offer::{agent_actions, locked_by, AgentAction};
pub use quoting::{excerpt, EXCERPT_CHARS};
pub use splitting::may_split;
pub use state::{DialogState, LastMessage, Mention, SessionStatus};

#[cfg(test)]
mod tests;
