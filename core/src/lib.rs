//! Openline's domain, sans I/O.
//!
//! Everything that is a rule lives here: typed ids, the wire protocol every other crate speaks,
//! the dialog as an event log (`conversation::decide` + `conversation::apply`), the one
//! visibility function (`view`), resume rules (`sync`), the inbox summary, and the signed tokens.
//!
//! Architecture invariant: this crate reads no clock, no randomness and no storage. `now`, new
//! ids, secrets and state come in as arguments, so every function here is deterministic and is
//! tested natively in milliseconds.
//!
//! Layout:
//! - `ids`: typed string ids.
//! - `look`: a channel's widget colour (with its contrast rule) and launcher side (W5).
//! - `limits`: sizes and lengths every side enforces.
//! - `event`: the stored/broadcast event (`Event`, `EventBody`, `Actor`).
//! - `files`: files in messages: accepted types per channel, names, sizes (C1).
//! - `contact`: a customer's contact details and ratings (W4).
//! - `crm`: CRM contacts: emails and phones in one normal form, which contact a person belongs
//!   to, merges (R1, R3). Phone numbers in national formats need the `phone` feature.
//! - `conversation`: dialog state, `decide` (command → events or `Rejection`), `apply` (fold).
//! - `view`: what a customer or an agent may see of an event, given the log's later revisions.
//! - `customer`: what the customer's chat derives from what it sees (unread, marks, rating due).
//! - `transcript`: the messages as they read now (edits, deletions, quotes, moves folded in).
//! - `sync`: how a client's last seen `seq` turns into a replay or a full resync.
//! - `inbox`: the per-dialog summary a dialog sends its workspace.
//! - `protocol`: HTTP bodies and WebSocket frames, the API's routes and their path builders.
//! - `error_code`: `ErrorCode`, the stable code of every error reply.
//! - `rate`: token buckets for rate limits.
//! - `retry`: how long a failed delivery waits before the next try.
//! - `routing`: who is offered a waiting session, and who is next (Q13).
//! - `channel`: an open channel's settings: texts, working hours, automatic close (Q14).
//! - `canned`: canned responses: validation, search, `/code` shortcuts, placeholders (C7).
//! - `emoji`: the emoji picker's list format, search and keyboard moves (C4).
//! - `chat_name`: an agent's own name for a chat, seen only by them (C3).
//! - `typing`: typing indicators: who is told, the sender's throttle, how long one shows (W2).
//! - `admission`: who may open a chat on a channel (allowed sites, blocks, signed identity).
//! - `auth`: signed tokens and password hashing (pure computations over given secrets).
//! - `authz`: the one permission function (may this caller do this to that).
//! - `access`: which sockets close when a session, token or membership ends or changes.

pub mod access;
pub mod admission;
pub mod auth;
pub mod authz;
pub mod canned;
pub mod channel;
pub mod chat_name;
pub mod contact;
pub mod conversation;
pub mod crm;
pub mod customer;
pub mod emoji;
pub mod error_code;
pub mod event;
pub mod files;
pub mod ids;
pub mod inbox;
pub mod limits;
pub mod look;
pub mod protocol;
pub mod rate;
pub mod retry;
pub mod routing;
pub mod sign_in;
pub mod sync;
pub mod transcript;
pub mod typing;
pub mod view;

pub use conversation::{apply, decide, Command, DialogState, Rejection, SessionStatus};
pub use error_code::ErrorCode;
pub use event::{Actor, CloseReason, Event, EventBody};
pub use ids::{AgentId, ChannelId, CommandId, ContactId, DialogId, FileId, VisitorId, WorkspaceId};
pub use view::{view, Viewer};
