//! Limits every side enforces the same way (the UIs to warn early, the edge to refuse).

/// Longest message text, in characters.
pub const MAX_MESSAGE_CHARS: usize = 4_000;
/// Largest JSON body the edge accepts, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Most events one history page or resync frame carries.
pub const MAX_EVENTS_PER_PAGE: u64 = 500;
/// Rows of each inbox list in the snapshot, and in each page after it.
pub const INBOX_PAGE_ROWS: usize = 50;
/// How long an agent's session token lasts, in milliseconds (12 hours).
pub const AGENT_SESSION_MS: i64 = 12 * 60 * 60 * 1000;
/// How long an invitation link stays valid, in milliseconds (7 days).
pub const INVITE_MS: i64 = 7 * 24 * 60 * 60 * 1000;
/// Longest display name (agents, visitors), in characters.
pub const MAX_NAME_CHARS: usize = 80;
