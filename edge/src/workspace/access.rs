//! Who may open a chat on a channel and go on using it (issue 4, issue 15): allowed sites,
//! blocked visitors and networks, and the host site's signed identity (W6). The rule is
//! `core::admission::admit`; this looks up what it needs.

use super::Workspace;
use crate::auth::{now_ms, random_id};
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::ConversationRequest;
use crate::internal::{Admission, BlockChange, Standing, StandingCheck};
use crate::sql::get_meta;
use openline_core::admission::{admit, loses_reading, Identity, Step, Visit};
use openline_core::auth::identity_verifies;
use openline_core::channel::ChannelSettings;
use openline_core::files::MAX_FILE_BYTES;
use openline_core::protocol::{ChannelInfo, IdentitySecret};
use openline_core::{ChannelId, DialogId, ErrorCode, WorkspaceId};
use serde::Deserialize;
use serde_json::json;
use worker::Response;

impl Workspace {
    /// A widget opens a session: the channel exists, the page's site is allowed, neither the
    /// visitor nor their network is blocked, and a given (or required) identity verifies.
    pub(super) fn admit(&self, admission: Admission) -> ApiResult<Response> {
        let settings = self.current_settings(&admission.channel)?;
        let identity = match &admission.identity {
            None => Identity::Anonymous,
            // No secret yet: nobody can have signed with it (and a visit never makes one).
            Some(given) => match self.existing_identity_secret(&admission.channel)? {
                Some(secret) if identity_verifies(&secret, &given.user_id, &given.hash) => {
                    Identity::Verified
                }
                _ => Identity::Forged,
            },
        };
        let visit = Visit {
            step: Step::Open { site: admission.host.as_deref() },
            blocked: self.is_blocked(admission.visitor.as_str(), admission.network.as_deref())?,
            identity,
        };
        admit(settings.as_ref(), &visit).map_err(ApiError::Refused)?;
        let Some(settings) = settings else { return Err(ApiError::NotFound("channel")) };
        // W4: whether someone can answer now decides between the chat and the offline form.
        let available = settings.staffed_at(crate::auth::now_ms(), &self.available(None)?);
        json(&ChannelInfo {
            id: settings.id,
            name: settings.name,
            greeting: settings.greeting,
            prechat: settings.prechat,
            available,
            offline_form: settings.offline_form,
            rating: settings.rating,
            look: settings.look,
        })
    }

    /// Every customer call after the session opened asks the same rule, with the channel's
    /// settings and the blocks as they are now and the identity the visitor's token carries.
    pub(super) fn standing(&self, check: StandingCheck) -> ApiResult<Response> {
        let settings = self.current_settings(&check.channel)?;
        let visit = Visit {
            step: if check.writes { Step::Write } else { Step::Read },
            blocked: self.is_blocked(check.visitor.as_str(), check.network.as_deref())?,
            identity: Identity::of_token(&check.visitor),
        };
        admit(settings.as_ref(), &visit).map_err(ApiError::Refused)?;
        let max_file_bytes =
            settings.map_or(MAX_FILE_BYTES, |s| s.files.max_bytes.min(MAX_FILE_BYTES));
        json(&Standing { max_file_bytes })
    }

    /// After an edit of `before` into `after`: the customers of this channel whose tokens may
    /// no longer read (an anonymous visitor once identity is required) lose their open
    /// sockets now, not at their next reconnect: one call owed to each dialog (`dialog_outbox`),
    /// made once the edit is saved.
    pub(super) fn close_sockets_refused_now(
        &self,
        before: &ChannelSettings,
        after: &ChannelSettings,
    ) -> ApiResult<()> {
        // No dialog has reported yet, so none has a socket.
        if get_meta::<WorkspaceId>(&self.sql, "workspace")?.is_none() {
            return Ok(());
        }
        let request =
            ConversationRequest::CloseCustomerSockets { reason: ErrorCode::IdentityRequired };
        for summary in self.all_summaries()? {
            let made_here = DialogId::for_visitor(&after.id, &summary.visitor_id);
            if made_here != summary.dialog_id || !loses_reading(before, after, &summary.visitor_id)
            {
                continue;
            }
            self.owe_dialog(&summary.dialog_id, &request)?;
        }
        Ok(())
    }

    /// The channel's settings, or `None` when it does not exist (any more).
    fn current_settings(&self, channel: &ChannelId) -> ApiResult<Option<ChannelSettings>> {
        match self.settings_of(channel) {
            Ok(settings) => Ok(Some(settings)),
            Err(ApiError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn is_blocked(&self, visitor: &str, network: Option<&str>) -> ApiResult<bool> {
        let rows: Vec<Found> = self
            .sql
            .exec(
                "SELECT count(*) AS n FROM blocks WHERE (kind = 'visitor' AND value = ?) OR (kind = 'network' AND value = ?)",
                vec![visitor.into(), network.unwrap_or("-").into()],
            )?
            .to_array()?;
        Ok(rows.first().is_some_and(|r| r.n > 0.0))
    }

    /// A dialog blocked or unblocked its customer (Q6): their visitor id and the network they
    /// wrote from.
    pub(super) fn set_blocked(&self, change: BlockChange) -> ApiResult<Response> {
        let mut entries = vec![("visitor", change.visitor.to_string())];
        entries.extend(change.network.map(|n| ("network", n)));
        for (kind, value) in entries {
            if change.blocked {
                self.sql.exec(
                    "INSERT INTO blocks (kind, value, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    vec![kind.into(), value.into(), (now_ms() as f64).into()],
                )?;
            } else {
                self.sql.exec(
                    "DELETE FROM blocks WHERE kind = ? AND value = ?",
                    vec![kind.into(), value.into()],
                )?;
            }
        }
        json(&json!({}))
    }

    /// The channel's identity secret, made on first use; `rotate` replaces it.
    pub(super) fn identity_secret(&self, channel: &ChannelId, rotate: bool) -> ApiResult<Response> {
        self.settings_of(channel)?;
        json(&IdentitySecret { secret: self.identity_secret_of(channel, rotate)? })
    }

    fn identity_secret_of(&self, channel: &ChannelId, rotate: bool) -> ApiResult<String> {
        if let (false, Some(secret)) = (rotate, self.existing_identity_secret(channel)?) {
            return Ok(secret);
        }
        let secret = random_id("ois_")? + &random_id("")?;
        self.sql.exec(
            "INSERT INTO channel_secrets (channel_id, secret) VALUES (?, ?) ON CONFLICT(channel_id) DO UPDATE SET secret = excluded.secret",
            vec![channel.as_str().into(), secret.clone().into()],
        )?;
        Ok(secret)
    }

    fn existing_identity_secret(&self, channel: &ChannelId) -> ApiResult<Option<String>> {
        let rows: Vec<SecretRow> = self
            .sql
            .exec(
                "SELECT secret FROM channel_secrets WHERE channel_id = ?",
                vec![channel.as_str().into()],
            )?
            .to_array()?;
        Ok(rows.into_iter().next().map(|row| row.secret))
    }
}

#[derive(Deserialize)]
struct Found {
    n: f64,
}

#[derive(Deserialize)]
struct SecretRow {
    secret: String,
}
