//! The team's accounts: sessions, passwords, invitations, roles and removal (issue 4).
//!
//! A session is a row here; the signed cookie only names it, so signing out, a password change
//! or a removal ends it at once, and the sockets opened with it close (`revocation`).
//! Invitation codes and API tokens are stored as hashes.

use super::directory::{normalize_email, Agents};
use super::Workspace;
use crate::auth::{now_ms, random_bytes, random_id};
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::{
    Acceptance, Credential, Identity, PasswordUpdate, SessionGranted, TokenRequest,
};
use openline_core::access::{Access, AccessChange};
use openline_core::auth::{
    api_token, digest, hash_password, password_problem, verify_password, Role, PASSWORD_ITERATIONS,
};
use openline_core::authz::{role_may, Action};
use openline_core::limits::{AGENT_SESSION_MS, INVITE_MS, MAX_NAME_CHARS};
use openline_core::protocol::{
    AgentProfile, AgentUpdate, ApiTokenCreated, ApiTokenInfo, ApiTokensReply, Invite,
    InviteCreated, InvitePreview, InviteRequest, InvitesReply,
};
use openline_core::ErrorCode;
use openline_core::{AgentId, WorkspaceId};
use serde::Deserialize;
use serde_json::json;
use worker::Response;

/// An API token's "last used" is written at most this often.
const LAST_USED_EVERY_MS: i64 = 60_000;

impl Workspace {
    /// A new session for a signed-in agent. Its end is the object's alarm's business
    /// (`end_expired_sessions`), which `route` schedules after every sign-in.
    pub(super) fn open_session(&self, agent: AgentProfile) -> ApiResult<SessionGranted> {
        let now = now_ms();
        let session = random_id("s_")?;
        let expires_at = now + self.session_ms();
        self.sql.exec(
            "INSERT INTO sessions (id, agent_id, expires_at) VALUES (?, ?, ?)",
            vec![session.clone().into(), agent.id.as_str().into(), (expires_at as f64).into()],
        )?;
        Ok(SessionGranted { agent, session, expires_at })
    }

    /// How long a session lasts: 12 hours, or `OPENLINE_SESSION_SECS` (tests of its end).
    fn session_ms(&self) -> i64 {
        let secs = self.env.var("OPENLINE_SESSION_SECS").ok();
        secs.and_then(|v| v.to_string().parse::<i64>().ok())
            .map_or(AGENT_SESSION_MS, |secs| secs * 1000)
    }

    /// Who a session or an API token is, now: their current name and role. Unknown, expired,
    /// signed-out and removed all read as 401.
    pub(super) fn whoami(&self, credential: Credential) -> ApiResult<Response> {
        let (agent_id, access) = match credential {
            Credential::Session { agent, session } => {
                let live: Vec<IdRow> = self
                    .sql
                    .exec(
                        "SELECT agent_id AS id FROM sessions WHERE id = ? AND agent_id = ? AND expires_at > ?",
                        vec![session.as_str().into(), agent.as_str().into(), (now_ms() as f64).into()],
                    )?
                    .to_array()?;
                (
                    live.into_iter().next().ok_or(ApiError::Unauthorized)?.id,
                    Access::Session(session),
                )
            }
            Credential::ApiToken { hash } => {
                let rows: Vec<TokenUse> = self
                    .sql
                    .exec(
                        "SELECT id, agent_id, last_used_at FROM api_tokens WHERE token_hash = ?",
                        vec![hash.clone().into()],
                    )?
                    .to_array()?;
                let used = rows.into_iter().next().ok_or(ApiError::Unauthorized)?;
                let now = now_ms();
                if used.last_used_at.is_none_or(|at| now - at as i64 > LAST_USED_EVERY_MS) {
                    self.sql.exec(
                        "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?",
                        vec![(now as f64).into(), hash.into()],
                    )?;
                }
                (used.agent_id, Access::ApiToken(used.id))
            }
        };
        let profile = self.find_agents(Agents::WithId(&agent_id))?.find_map(|r| r.profile());
        json(&Identity { agent: profile.ok_or(ApiError::Unauthorized)?, access })
    }

    pub(super) async fn end_session(&self, session: String) -> ApiResult<Response> {
        self.sql.exec("DELETE FROM sessions WHERE id = ?", vec![session.as_str().into()])?;
        let change = AccessChange::SignedOut { session: Access::Session(session) };
        self.close_sockets(change, &[], None).await?;
        json(&json!({}))
    }

    /// A new password after the current one; the agent's other sessions end.
    pub(super) async fn change_password(&self, update: PasswordUpdate) -> ApiResult<Response> {
        let row = self
            .find_agents(Agents::WithId(update.agent.as_str()))?
            .next()
            .ok_or(ApiError::Unauthorized)?;
        if !verify_password(&update.current, &row.password_hash) {
            return Err(ApiError::Forbidden(
                ErrorCode::WrongPassword,
                "The current password is wrong.",
            ));
        }
        check_password(&update.new)?;
        let held = self.accesses_of(&update.agent)?;
        self.sql.exec(
            "UPDATE agents SET password_hash = ? WHERE id = ?",
            vec![new_hash(&update.new)?.into(), update.agent.as_str().into()],
        )?;
        self.sql.exec(
            "DELETE FROM sessions WHERE agent_id = ? AND id != ?",
            vec![update.agent.as_str().into(), update.session.as_str().into()],
        )?;
        let change = AccessChange::PasswordChanged { kept: Access::Session(update.session) };
        self.close_sockets(change, &held, Some(&update.agent)).await?;
        json(&json!({}))
    }

    /// The first admin of a new workspace (first-run setup).
    pub(super) fn first_admin(
        &self,
        name: &str,
        email: &str,
        password: &str,
    ) -> ApiResult<Response> {
        if self.find_agents(Agents::All)?.next().is_some() {
            return Err(ApiError::Conflict(
                ErrorCode::AlreadySetUp,
                "This workspace exists already.",
            ));
        }
        let profile = self.create_agent(email, name, Role::Admin, password)?;
        json(&self.open_session(profile)?)
    }

    fn create_agent(
        &self,
        email: &str,
        name: &str,
        role: Role,
        password: &str,
    ) -> ApiResult<AgentProfile> {
        let (email, name) = (checked_email(email)?, checked_name(name)?);
        check_password(password)?;
        if self.find_agents(Agents::WithEmail(&email))?.next().is_some() {
            return Err(ApiError::Conflict(
                ErrorCode::EmailTaken,
                "An agent with this email exists.",
            ));
        }
        let id = random_id("a_")?;
        self.sql.exec(
            "INSERT INTO agents (id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?)",
            vec![
                id.clone().into(),
                email.into(),
                name.into(),
                role.as_str().into(),
                new_hash(password)?.into(),
            ],
        )?;
        self.find_agents(Agents::WithId(&id))?
            .find_map(|r| r.profile())
            .ok_or(ApiError::NotFound("agent"))
    }

    pub(super) fn invites(&self) -> ApiResult<Response> {
        let rows: Vec<InviteRow> = self
            .sql
            .exec(
                "SELECT id, email, name, role, expires_at FROM invites WHERE expires_at > ? ORDER BY expires_at",
                vec![(now_ms() as f64).into()],
            )?
            .to_array()?;
        json(&InvitesReply { invites: rows.into_iter().map(InviteRow::invite).collect() })
    }

    /// An invitation with a one-time code `<workspace>.<secret>`; only its hash is kept.
    pub(super) fn invite(
        &self,
        workspace: &WorkspaceId,
        request: InviteRequest,
        by: &AgentId,
    ) -> ApiResult<Response> {
        let (email, name) = (checked_email(&request.email)?, checked_name(&request.name)?);
        if self.find_agents(Agents::WithEmail(&email))?.next().is_some() {
            return Err(ApiError::Conflict(
                ErrorCode::EmailTaken,
                "An agent with this email exists.",
            ));
        }
        let code = format!("{workspace}.{}", random_id("")?);
        let invite = Invite {
            id: random_id("inv_")?,
            email,
            name,
            role: request.role,
            expires_at: now_ms() + INVITE_MS,
        };
        // A new invitation for the same email replaces the old one.
        self.sql.exec("DELETE FROM invites WHERE email = ?", vec![invite.email.clone().into()])?;
        self.sql.exec(
            "INSERT INTO invites (id, code_hash, email, name, role, expires_at, invited_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            vec![
                invite.id.clone().into(),
                digest(&code).into(),
                invite.email.clone().into(),
                invite.name.clone().into(),
                invite.role.as_str().into(),
                (invite.expires_at as f64).into(),
                by.as_str().into(),
            ],
        )?;
        json(&InviteCreated { invite, code })
    }

    pub(super) fn revoke_invite(&self, id: &str) -> ApiResult<Response> {
        let cursor = self.sql.exec("DELETE FROM invites WHERE id = ?", vec![id.into()])?;
        if cursor.rows_written() == 0 {
            return Err(ApiError::NotFound("invitation"));
        }
        json(&json!({}))
    }

    fn invite_by_code(&self, code_hash: &str) -> ApiResult<InviteRow> {
        let rows: Vec<InviteRow> = self
            .sql
            .exec(
                "SELECT id, email, name, role, expires_at FROM invites WHERE code_hash = ? AND expires_at > ?",
                vec![code_hash.into(), (now_ms() as f64).into()],
            )?
            .to_array()?;
        rows.into_iter().next().ok_or(ApiError::NotFound("invitation"))
    }

    pub(super) fn preview_invite(
        &self,
        workspace: WorkspaceId,
        code_hash: &str,
    ) -> ApiResult<Response> {
        let row = self.invite_by_code(code_hash)?;
        json(&InvitePreview {
            workspace,
            email: row.email,
            name: row.name,
            role: Role::parse(&row.role),
        })
    }

    /// The invitee sets a password: the invitation is used up and they are signed in.
    pub(super) fn accept_invite(&self, acceptance: Acceptance) -> ApiResult<Response> {
        let row = self.invite_by_code(&acceptance.code_hash)?;
        let profile =
            self.create_agent(&row.email, &row.name, Role::parse(&row.role), &acceptance.password)?;
        self.sql.exec("DELETE FROM invites WHERE id = ?", vec![row.id.into()])?;
        json(&self.open_session(profile)?)
    }

    /// A new role applies at once: the agent's sockets close and reconnect under it.
    pub(super) async fn update_agent(
        &self,
        id: &AgentId,
        update: AgentUpdate,
    ) -> ApiResult<Response> {
        let before = self.find_agents(Agents::WithId(id.as_str()))?.find_map(|r| r.profile());
        let cursor = self.sql.exec(
            "UPDATE agents SET role = ? WHERE id = ?",
            vec![update.role.as_str().into(), id.as_str().into()],
        )?;
        if cursor.rows_written() == 0 {
            return Err(ApiError::NotFound("agent"));
        }
        if before.is_some_and(|before| before.role != update.role) {
            // An invitation lives only as long as its maker may invite.
            if !role_may(update.role, Action::ManageTeam) {
                self.sql
                    .exec("DELETE FROM invites WHERE invited_by = ?", vec![id.as_str().into()])?;
            }
            let held = self.accesses_of(id)?;
            self.close_sockets(AccessChange::RoleChanged, &held, Some(id)).await?;
        }
        let profile = self.find_agents(Agents::WithId(id.as_str()))?.find_map(|r| r.profile());
        json(&profile.ok_or(ApiError::NotFound("agent"))?)
    }

    /// Removes an agent: their sessions, API tokens and pending invitations end, their open
    /// sockets close and their offers pass on. Dialogs keep their name in the history.
    pub(super) async fn remove_agent(&self, id: &AgentId) -> ApiResult<Response> {
        let held = self.accesses_of(id)?;
        let cursor = self.sql.exec("DELETE FROM agents WHERE id = ?", vec![id.as_str().into()])?;
        if cursor.rows_written() == 0 {
            return Err(ApiError::NotFound("agent"));
        }
        for table in ["sessions", "api_tokens"] {
            self.sql.exec(
                &format!("DELETE FROM {table} WHERE agent_id = ?"),
                vec![id.as_str().into()],
            )?;
        }
        self.sql.exec("DELETE FROM invites WHERE invited_by = ?", vec![id.as_str().into()])?;
        self.close_sockets(AccessChange::Removed, &held, Some(id)).await?;
        json(&json!({}))
    }

    pub(super) fn api_tokens(&self) -> ApiResult<Response> {
        let rows: Vec<TokenRow> = self
            .sql
            .exec(
                "SELECT id, name, agent_id, created_at, last_used_at FROM api_tokens ORDER BY created_at",
                None,
            )?
            .to_array()?;
        json(&ApiTokensReply { tokens: rows.into_iter().filter_map(TokenRow::info).collect() })
    }

    /// A new API token acting as the admin who made it; the secret is returned once.
    pub(super) fn create_api_token(&self, request: TokenRequest) -> ApiResult<Response> {
        let name = checked_name(&request.name)?;
        let secret = api_token(&request.workspace, &random_id("")?);
        let info = ApiTokenInfo {
            id: random_id("tok_")?,
            name,
            agent: request.agent,
            created_at: now_ms(),
            last_used_at: None,
        };
        self.sql.exec(
            "INSERT INTO api_tokens (id, name, token_hash, agent_id, created_at) VALUES (?, ?, ?, ?, ?)",
            vec![
                info.id.clone().into(),
                info.name.clone().into(),
                digest(&secret).into(),
                info.agent.as_str().into(),
                (info.created_at as f64).into(),
            ],
        )?;
        json(&ApiTokenCreated { token: info, secret })
    }

    pub(super) async fn revoke_api_token(&self, id: String) -> ApiResult<Response> {
        let cursor =
            self.sql.exec("DELETE FROM api_tokens WHERE id = ?", vec![id.as_str().into()])?;
        if cursor.rows_written() == 0 {
            return Err(ApiError::NotFound("API token"));
        }
        let change = AccessChange::TokenRevoked { token: Access::ApiToken(id) };
        self.close_sockets(change, &[], None).await?;
        json(&json!({}))
    }
}

fn check_password(password: &str) -> ApiResult<()> {
    match password_problem(password) {
        Some(message) => Err(ApiError::bad_request(ErrorCode::WeakPassword, message)),
        None => Ok(()),
    }
}

fn new_hash(password: &str) -> ApiResult<String> {
    Ok(hash_password(password, &random_bytes::<16>()?, PASSWORD_ITERATIONS))
}

fn checked_email(email: &str) -> ApiResult<String> {
    let email = normalize_email(email);
    let plausible = email.len() <= 254
        && email.split_once('@').is_some_and(|(user, host)| !user.is_empty() && !host.is_empty())
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if plausible {
        Ok(email)
    } else {
        Err(ApiError::bad_request(ErrorCode::InvalidEmail, "Write an email like name@example.com."))
    }
}

fn checked_name(name: &str) -> ApiResult<String> {
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            ErrorCode::InvalidName,
            format!("A name needs 1 to {MAX_NAME_CHARS} characters."),
        ));
    }
    Ok(name.to_owned())
}

#[derive(Deserialize)]
struct IdRow {
    id: String,
}

#[derive(Deserialize)]
struct TokenUse {
    id: String,
    agent_id: String,
    last_used_at: Option<f64>,
}

#[derive(Deserialize)]
struct InviteRow {
    id: String,
    email: String,
    name: String,
    role: String,
    expires_at: f64,
}

impl InviteRow {
    fn invite(self) -> Invite {
        Invite {
            id: self.id,
            email: self.email,
            name: self.name,
            role: Role::parse(&self.role),
            expires_at: self.expires_at as i64,
        }
    }
}

#[derive(Deserialize)]
struct TokenRow {
    id: String,
    name: String,
    agent_id: String,
    created_at: f64,
    last_used_at: Option<f64>,
}

impl TokenRow {
    fn info(self) -> Option<ApiTokenInfo> {
        Some(ApiTokenInfo {
            id: self.id,
            name: self.name,
            agent: AgentId::parse(&self.agent_id)?,
            created_at: self.created_at as i64,
            last_used_at: self.last_used_at.map(|at| at as i64),
        })
    }
}
