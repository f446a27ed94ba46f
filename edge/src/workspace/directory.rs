//! The directory: agents, their password hashes and roles, login, and development seeding.

use super::sign_in::SignInKeys;
use super::Workspace;
use crate::auth::random_bytes;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::{LoginCheck, PresenceChange};
use openline_core::auth::{hash_password, verify_password, Role, PASSWORD_ITERATIONS};
use openline_core::protocol::{AgentProfile, AgentsReply, DevAgent, DevSeedRequest};
use openline_core::AgentId;
use serde::Deserialize;
use serde_json::json;
use worker::Response;

impl Workspace {
    /// Development seeding: creates the agents and channels of a new workspace. A workspace
    /// that has agents already is left alone, so seeding again changes nothing and can never
    /// add an agent to a workspace in use.
    pub(super) fn seed(&self, seed: DevSeedRequest) -> ApiResult<Response> {
        if self.find_agents(Agents::All)?.next().is_some() {
            return json(&json!({ "created": false }));
        }
        let admin = DevAgent {
            email: seed.admin_email,
            name: seed.admin_name,
            password: seed.admin_password,
        };
        let mut created = false;
        for (agent, role) in
            std::iter::once((admin, "admin")).chain(seed.agents.into_iter().map(|a| (a, "agent")))
        {
            created |= self.add_agent(agent, role)?;
        }
        let cursor = self.sql.exec(
            "INSERT INTO channels (id, name, greeting) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
            vec![seed.channel.as_str().into(), seed.channel_name.into(), seed.greeting.into()],
        )?;
        created |= cursor.rows_written() > 0;
        for channel in seed.more_channels {
            created |= self.create_channel(channel).is_ok();
        }
        json(&json!({ "created": created }))
    }

    /// Adds an agent unless the email is taken; true if added.
    fn add_agent(&self, agent: DevAgent, role: &str) -> ApiResult<bool> {
        let email = normalize_email(&agent.email);
        if self.find_agents(Agents::WithEmail(&email))?.next().is_some() {
            return Ok(false);
        }
        let salt = random_bytes::<16>()?;
        let hash = hash_password(&agent.password, &salt, PASSWORD_ITERATIONS);
        self.sql.exec(
            "INSERT INTO agents (id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?)",
            vec![
                crate::auth::random_id("a_")?.into(),
                email.into(),
                agent.name.into(),
                role.into(),
                hash.into(),
            ],
        )?;
        Ok(true)
    }

    pub(super) fn find_agents(
        &self,
        which: Agents<'_>,
    ) -> ApiResult<impl Iterator<Item = AgentRow>> {
        const COLUMNS: &str = "SELECT id, email, name, role, presence, password_hash FROM agents";
        let cursor = match which {
            Agents::WithId(id) => {
                self.sql.exec(&format!("{COLUMNS} WHERE id = ?"), vec![id.into()])?
            }
            Agents::WithEmail(email) => {
                self.sql.exec(&format!("{COLUMNS} WHERE email = ?"), vec![email.into()])?
            }
            Agents::All => self.sql.exec(&format!("{COLUMNS} ORDER BY name"), None)?,
        };
        let rows: Vec<AgentRow> = cursor.to_array()?;
        Ok(rows.into_iter())
    }

    /// The directory, for pickers: every agent's id, name, email, role and presence (never a
    /// hash).
    pub(super) fn agents(&self) -> ApiResult<Response> {
        json(&AgentsReply { agents: self.agent_profiles()? })
    }

    pub(super) fn agent_profiles(&self) -> ApiResult<Vec<AgentProfile>> {
        Ok(self.find_agents(Agents::All)?.filter_map(AgentRow::profile).collect())
    }

    /// An agent goes online, pauses or goes offline (Q13); their offers follow at once.
    pub(super) async fn set_presence(&self, change: PresenceChange) -> ApiResult<Response> {
        let presence = serde_json::to_value(change.presence)?;
        self.sql.exec(
            "UPDATE agents SET presence = ? WHERE id = ?",
            vec![presence.as_str().unwrap_or("online").into(), change.agent.as_str().into()],
        )?;
        let profile = self
            .find_agents(Agents::WithId(change.agent.as_str()))?
            .find_map(AgentRow::profile)
            .ok_or(ApiError::NotFound("agent"))?;
        self.availability_changed(None).await;
        json(&profile)
    }

    pub(super) fn agent(&self, id: &AgentId) -> ApiResult<Response> {
        let agent = self.find_agents(Agents::WithId(id.as_str()))?.find_map(AgentRow::profile);
        json(&agent.ok_or(ApiError::NotFound("agent"))?)
    }

    /// The password is checked even for an unknown email, so timing tells nothing. A match
    /// opens a session.
    /// A sign-in: refused before any hashing while its account or network must wait
    /// (`core::sign_in`); a failure counts against both.
    pub(super) fn login(&self, check: LoginCheck) -> ApiResult<Response> {
        let email = normalize_email(&check.email);
        let keys = SignInKeys { email: &email, network: check.network.as_deref() };
        self.sign_in_allowed(&keys)?;
        let row = self.find_agents(Agents::WithEmail(&email))?.next();
        let stored = row.as_ref().map_or(DUMMY_HASH, |r| r.password_hash.as_str());
        let password_ok = verify_password(&check.password, stored);
        match (row.and_then(AgentRow::profile), password_ok) {
            (Some(profile), true) => {
                self.sign_in_succeeded(&email)?;
                json(&self.open_session(profile)?)
            }
            _ => {
                self.sign_in_failed(&keys)?;
                Err(ApiError::InvalidCredentials)
            }
        }
    }
}

pub(super) enum Agents<'a> {
    WithId(&'a str),
    WithEmail(&'a str),
    All,
}

#[derive(Deserialize)]
pub(super) struct AgentRow {
    id: String,
    email: String,
    name: String,
    role: String,
    presence: String,
    pub(super) password_hash: String,
}

impl AgentRow {
    pub(super) fn profile(self) -> Option<AgentProfile> {
        Some(AgentProfile {
            id: AgentId::parse(&self.id)?,
            name: self.name,
            email: self.email,
            role: Role::parse(&self.role),
            presence: serde_json::from_value(serde_json::Value::String(self.presence))
                .unwrap_or_default(),
        })
    }
}

pub(super) fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A well-formed hash of a random password: verifying against it costs what a real check costs.
const DUMMY_HASH: &str =
    "pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA$dW5rbm93bnVua25vd251bmtub3dudW5rbm93bnVua24";
