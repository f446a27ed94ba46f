//! Failed sign-ins per account and per network (`core::sign_in`): looked up before a password
//! is hashed, counted after a wrong one, forgotten for the account after a right one; the
//! admins' list of the keys that must wait, and clearing one.

use super::Workspace;
use crate::auth::now_ms;
use crate::error::{ApiError, ApiResult};
use openline_core::sign_in::{locks, wait_before_try, Failures, KeyKind, Lock};
use serde::Deserialize;

/// The keys one sign-in counts against: the email tried and, when known, the network.
pub(super) struct SignInKeys<'a> {
    pub email: &'a str,
    pub network: Option<&'a str>,
}

impl SignInKeys<'_> {
    fn each(&self) -> impl Iterator<Item = (KeyKind, &str)> {
        std::iter::once((KeyKind::Account, self.email))
            .chain(self.network.map(|n| (KeyKind::Network, n)))
    }
}

#[derive(Deserialize)]
struct FailureRow {
    kind: String,
    key: String,
    count: f64,
    last_at: f64,
}

impl FailureRow {
    fn read(self) -> Option<(KeyKind, String, Failures)> {
        let failures = Failures { count: self.count as u32, last_at: self.last_at as i64 };
        Some((KeyKind::parse(&self.kind)?, self.key, failures))
    }
}

impl Workspace {
    /// Refuses the try with how long to wait, if a key must wait; no password is hashed then.
    pub(super) fn sign_in_allowed(&self, keys: &SignInKeys) -> ApiResult<()> {
        let mut stored = Vec::new();
        for (kind, key) in keys.each() {
            stored.push((kind, self.failures(kind, key)?));
        }
        match wait_before_try(&stored, now_ms()) {
            0 => Ok(()),
            wait => Err(ApiError::SignInWait { retry_after_ms: wait }),
        }
    }

    /// A wrong email or password: one more failure on every key.
    pub(super) fn sign_in_failed(&self, keys: &SignInKeys) -> ApiResult<()> {
        let now = now_ms();
        for (kind, key) in keys.each() {
            let failures = self.failures(kind, key)?.after_failure(now);
            self.sql.exec(
                "INSERT INTO sign_in_failures (kind, key, count, last_at) VALUES (?, ?, ?, ?) \
                 ON CONFLICT(kind, key) DO UPDATE SET count = excluded.count, last_at = excluded.last_at",
                vec![
                    kind.as_str().into(),
                    key.into(),
                    f64::from(failures.count).into(),
                    (failures.last_at as f64).into(),
                ],
            )?;
        }
        Ok(())
    }

    /// The account signed in: its failures are forgotten (the network's stay).
    pub(super) fn sign_in_succeeded(&self, email: &str) -> ApiResult<()> {
        self.clear_sign_in_lock(KeyKind::Account, email)
    }

    /// `GET /api/agent/sign-in-locks`: the accounts and networks that must wait now.
    pub(super) fn sign_in_locks(&self) -> ApiResult<Vec<Lock>> {
        let rows: Vec<FailureRow> = self
            .sql
            .exec("SELECT kind, key, count, last_at FROM sign_in_failures", None)?
            .to_array()?;
        Ok(locks(rows.into_iter().filter_map(FailureRow::read), now_ms()))
    }

    /// An admin lets the account or network try again now.
    pub(super) fn clear_sign_in_lock(&self, kind: KeyKind, key: &str) -> ApiResult<()> {
        self.sql.exec(
            "DELETE FROM sign_in_failures WHERE kind = ? AND key = ?",
            vec![kind.as_str().into(), key.into()],
        )?;
        Ok(())
    }

    fn failures(&self, kind: KeyKind, key: &str) -> ApiResult<Failures> {
        let rows: Vec<FailureRow> = self
            .sql
            .exec(
                "SELECT kind, key, count, last_at FROM sign_in_failures WHERE kind = ? AND key = ?",
                vec![kind.as_str().into(), key.into()],
            )?
            .to_array()?;
        Ok(rows.into_iter().find_map(FailureRow::read).map_or_else(Failures::default, |r| r.2))
    }
}
