//! The Workspace Durable Object: one per tenant.
//!
//! It owns the directory (agents and their password hashes), the open channels and their
//! settings, the inbox index (one summary row per dialog) and the agents' inbox sockets.
//! Messages never pass through here: dialogs send summaries, which keeps the hot path sharded
//! per dialog.
//!
//! - `directory`: agents, login, presence, development seeding.
//! - `team`: sessions, passwords, invitations, roles, removal, API tokens.
//! - `revocation`: the sockets of an access that ends or changes close, here and in the
//!   dialogs it holds sockets on (issue 15).
//! - `dialog_outbox`: calls owed to dialogs (close an ended access's sockets), made until they
//!   answer.
//! - `access`: who may open a chat: allowed sites, blocks, signed identity (W6).
//! - `canned`: the canned-response library (C7).
//! - `chat_names`: each agent's own names for chats (C3).
//! - `channels`: open channels and their settings (Q14).
//! - `inbox`: summaries in, live rows out (Q2).
//! - `routing`: offers of waiting sessions to available agents (Q13).

mod access;
mod canned;
mod channels;
mod chat_names;
mod dialog_outbox;
mod directory;
mod inbox;
mod revocation;
mod routing;
mod sign_in;
mod team;

use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::{self, WorkspaceRequest};
use crate::sql::{migrate, META_TABLE};
use openline_core::protocol::SignInLocksReply;
use worker::{
    console_error, durable_object, DurableObject, Env, Request, Response, Result, SqlStorage,
    State, WebSocket, WebSocketIncomingMessage,
};

const MIGRATIONS: &[&[&str]] = &[
    &[
        META_TABLE,
        "CREATE TABLE agents (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL)",
        "CREATE TABLE channels (id TEXT PRIMARY KEY, name TEXT NOT NULL, greeting TEXT NOT NULL)",
        "CREATE TABLE inbox (dialog_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, summary TEXT NOT NULL)",
    ],
    // Channel settings as one JSON document (`core::channel::ChannelSettings`); NULL until
    // an admin saves them, read as the defaults.
    &["ALTER TABLE channels ADD COLUMN settings TEXT"],
    // Routing (Q13): each agent's own status, and the offer of each waiting session.
    &[
        "ALTER TABLE agents ADD COLUMN presence TEXT NOT NULL DEFAULT 'online'",
        "CREATE TABLE offers (dialog_id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, start INTEGER NOT NULL, offer TEXT NOT NULL)",
    ],
    // Canned responses (C7).
    &["CREATE TABLE canned (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL, text TEXT NOT NULL, folder TEXT)"],
    // Identity and abuse protection (issue 4): live sessions, invitations and API tokens
    // (hashed), blocked visitors and networks, each channel's identity secret (W6).
    &[
        "CREATE TABLE sessions (id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, expires_at INTEGER NOT NULL)",
        "CREATE TABLE invites (id TEXT PRIMARY KEY, code_hash TEXT NOT NULL UNIQUE, email TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, expires_at INTEGER NOT NULL)",
        "CREATE TABLE api_tokens (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, agent_id TEXT NOT NULL, created_at INTEGER NOT NULL, last_used_at INTEGER)",
        "CREATE TABLE blocks (kind TEXT NOT NULL, value TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (kind, value))",
        "CREATE TABLE channel_secrets (channel_id TEXT PRIMARY KEY, secret TEXT NOT NULL)",
    ],
    // Each agent's own names for chats (C3).
    &["CREATE TABLE chat_names (agent_id TEXT NOT NULL, dialog_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (agent_id, dialog_id))"],
    // Access ends everywhere (issue 15): the dialogs each access holds sockets on, and who
    // made each invitation (it ends when they leave).
    &[revocation::ACCESS_DIALOGS_TABLE, "ALTER TABLE invites ADD COLUMN invited_by TEXT"],
    // Failed sign-ins per account and per network (`core::sign_in`).
    &["CREATE TABLE sign_in_failures (kind TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, last_at INTEGER NOT NULL, PRIMARY KEY (kind, key))"],
    // The inbox by last activity, open sessions first (issue 15).
    &inbox::INBOX_ACTIVITY_COLUMNS,
    // Every list paged and counted from an index (issue 15).
    &inbox::INBOX_SHELF_COLUMN,
    // What the workspace owes its dialogs, until they answer (issue 15).
    &[dialog_outbox::DIALOG_OUTBOX_TABLE],
];

#[durable_object]
pub struct Workspace {
    state: State,
    env: Env,
    sql: SqlStorage,
}

impl DurableObject for Workspace {
    fn new(state: State, env: Env) -> Self {
        crate::sockets::answer_pings_while_hibernating(&state);
        let sql = state.storage().sql();
        if let Err(e) = migrate(&sql, MIGRATIONS) {
            console_error!("workspace migration failed: {e}");
        }
        if let Err(e) = inbox::fill_shelves(&sql) {
            console_error!("giving inbox rows their shelves failed: {e:?}");
        }
        Workspace { state, env, sql }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        ApiError::respond(self.route(req).await)
    }

    /// Clients send nothing but pings, which the runtime answers without waking us.
    async fn websocket_message(&self, ws: WebSocket, _: WebSocketIncomingMessage) -> Result<()> {
        crate::sockets::refuse_unexpected_frames(&ws);
        Ok(())
    }

    /// An agent closed the app: their offers pass on.
    async fn websocket_close(&self, ws: WebSocket, _: usize, _: String, _: bool) -> Result<()> {
        self.availability_changed(Some(&ws)).await;
        Ok(())
    }

    async fn websocket_error(&self, ws: WebSocket, _: worker::Error) -> Result<()> {
        self.availability_changed(Some(&ws)).await;
        Ok(())
    }

    /// An offer's answer time ran out (Q13), or a session's did (issue 15).
    async fn alarm(&self) -> Result<Response> {
        if let Err(e) = self.end_expired_sessions().await {
            console_error!("ending expired sessions failed: {e:?}");
        }
        self.deliver_owed_calls().await;
        // Offers pass on, and the alarm moves to what comes next.
        self.availability_changed(None).await;
        Response::ok("")
    }
}

impl Workspace {
    /// One call of the Worker's (`internal::WorkspaceRequest`), to its handler.
    async fn route(&self, mut req: Request) -> ApiResult<Response> {
        use WorkspaceRequest as W;
        match internal::receive(&mut req).await? {
            W::Seed(seed) => self.seed(seed),
            W::Login(check) => self.with_alarm(self.login(check)).await,
            W::Whoami(credential) => self.whoami(credential),
            W::Logout { session } => self.end_session(session).await,
            W::Password(update) => self.change_password(update).await,
            W::Setup(admin) => {
                self.with_alarm(self.first_admin(&admin.name, &admin.email, &admin.password)).await
            }
            W::Invites => self.invites(),
            W::Invite { workspace, invite, by } => self.invite(&workspace, invite, &by),
            W::RevokeInvite { id } => self.revoke_invite(&id),
            W::PreviewInvitation { workspace, code_hash } => {
                self.preview_invite(workspace, &code_hash)
            }
            W::AcceptInvitation(acceptance) => {
                self.with_alarm(self.accept_invite(acceptance)).await
            }
            W::SignInLocks => json(&SignInLocksReply { locks: self.sign_in_locks()? }),
            W::ClearSignInLock { kind, key } => {
                self.clear_sign_in_lock(kind, &key)?;
                json(&serde_json::json!({}))
            }
            W::Agents => self.agents(),
            W::Agent { id } => self.agent(&id),
            W::UpdateAgent { id, update } => self.update_agent(&id, update).await,
            W::RemoveAgent { id } => self.remove_agent(&id).await,
            W::Presence(change) => self.set_presence(change).await,
            W::ApiTokens => self.api_tokens(),
            W::CreateApiToken(request) => self.create_api_token(request),
            W::RevokeApiToken { id } => self.revoke_api_token(id).await,
            W::Admit(admission) => self.admit(admission),
            W::Standing(check) => self.standing(check),
            W::Block(change) => self.set_blocked(change),
            W::IdentitySecret { channel, rotate } => self.identity_secret(&channel, rotate),
            W::Channels => self.channels(),
            W::Settings { channel } => json(&self.settings_of(&channel)?),
            W::CreateChannel(channel) => self.create_channel(channel),
            W::SaveChannel(settings) => {
                let saved = self.save_settings(settings);
                self.deliver_owed_calls().await;
                saved
            }
            W::Canned => self.canned(),
            W::CreateCanned(input) => self.save_canned(None, input),
            W::ReplaceCanned { id, input } => self.save_canned(Some(id), input),
            W::DeleteCanned { id } => self.delete_canned(&id),
            W::ChatNames { agent } => self.chat_names(&agent),
            W::RenameChat { agent, dialog, rename } => self.rename_chat(&agent, &dialog, rename),
            W::Summary { workspace, summary } => self.summary(summary, &workspace).await,
            W::Inbox { agent } => json(&self.snapshot(&agent)?),
            W::InboxPage { agent, list, after } => json(&self.page(&agent, list, after)?),
            W::SeedInbox(seed) => self.seed_inbox(seed),
            W::Socket { agent, access } => self.socket(&req, &agent, &access).await,
            W::HoldDialog { workspace, access, dialog } => {
                self.hold_dialog(&workspace, &access, &dialog)
            }
        }
    }

    /// After a sign-in: the new session's end may be the first to come.
    async fn with_alarm(&self, reply: ApiResult<Response>) -> ApiResult<Response> {
        if reply.is_ok() {
            self.schedule_alarm().await;
        }
        reply
    }

    /// Offers follow who is available; `closing` is a socket on its way out.
    async fn availability_changed(&self, closing: Option<&WebSocket>) {
        if let Err(e) = self.reroute(closing) {
            console_error!("rerouting failed: {e:?}");
        }
        self.after_routing().await;
    }
}
