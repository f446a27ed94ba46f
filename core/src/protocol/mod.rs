//! Wire types: every HTTP body and WebSocket frame. The UIs and the edge share these; there is
//! no second definition of any message shape.
//!
//! Routes: every one is listed in `ROUTES` (`routes.rs`) with who may call it (the edge's router
//! and the adversarial test suite both read that table). All bodies are JSON; errors are
//! `ErrorBody` with a 4xx/5xx status.
//!
//! Agents authenticate with the session cookie set by login, setup or accepting an invite
//! (`openline_session`: HttpOnly, Secure, SameSite=Strict). A request that changes something
//! with that cookie must also send `X-Openline-Csrf: 1`, which no other site's page can send
//! without a CORS preflight the edge never grants; WebSockets check the `Origin` instead.
//! Integrations use an admin-made API token (`Authorization: Bearer olk_…`) in its place.
//! Widgets send their visitor token as `Authorization: Bearer …`.
//!
//! Browsers cannot set headers on a WebSocket, so sockets take the token as a query parameter.
//! `after` is the last `seq` the client has; without it the server sends everything.
//!
//! Besides `EventsFrame`s, a dialog socket carries typing indicators (W2), which are never
//! stored: a client sends `TypingUpdate`s (or "ping"), and the other side's sockets get
//! `TypingFrame`s. Clients tell the two apart by their fields and skip frames they do not know.
//!
//! The files, by subject: `error_body` (every error reply), `widget` (opening a chat),
//! `frames` (what a dialog and the inbox carry: commands, events, typing, inbox rows), `agent`
//! (the agent app's other bodies), `crm` (contacts), `team` (setup, passwords, invitations, roles, API tokens),
//! `dev` (seeding), `routes` (the table and its matching) and `path` (the builders). Every type
//! is re-exported here: `protocol::X` is the one name to use.

mod agent;
mod crm;
mod dev;
mod error_body;
mod frames;
pub mod path;
mod routes;
mod team;
mod widget;

pub use agent::{
    AgentProfile, AgentsReply, CannedReply, ChannelsReply, ChatName, ChatNamesReply,
    IdentitySecret, LoginReply, LoginRequest, NewChannel, PresenceRequest, RenameChat,
    SessionStatus,
};
pub use crm::{ContactCard, ContactDialog, ContactsPage, MergeRequest, Noted};
pub use dev::{DevAgent, DevInboxRows, DevSeedRequest};
pub use error_body::{ErrorBody, ErrorDetail};
pub use frames::{
    CommandReply, CommandRequest, EventsFrame, InboxFrame, InboxPage, ListMore, TypingFrame,
    TypingUpdate,
};
pub use routes::{find_route, path_known, Access, Route, ROUTES};
pub use team::{
    AcceptInvite, AgentUpdate, ApiTokenCreated, ApiTokenInfo, ApiTokensReply, Invite,
    InviteCreated, InvitePreview, InviteRequest, InvitesReply, NewApiToken, PasswordChange,
    SetupRequest, SetupStatus, SignInLocksReply,
};
pub use widget::{ChannelInfo, VisitorIdentity, WidgetSession, WidgetSessionRequest};

#[cfg(test)]
mod tests;
