//! Guessing passwords is slowed before any password is hashed: each account and each network
//! has a few free tries, then waits that double with every further failure (30 s, 1 min,
//! 2 min, …, at most 15 minutes). A wait is answered with 429 and `Retry-After`, so a guesser cannot
//! make the workspace's single object hash passwords all day either.
//!
//! Two keys count every failure: the account (the email tried, known or not, so a guesser
//! learns nothing from the waits) and the network (a keyed tag of the address, generous since
//! an office shares one). A success forgets the account's failures, not the network's. An
//! admin sees the accounts and networks that must wait and can clear them (`Lock`).
//!
//! Pure: the Workspace object keeps the failures per key and passes the time.

use serde::{Deserialize, Serialize};

/// Failures an account may have before it waits.
pub const ACCOUNT_FREE_TRIES: u32 = 5;
/// Failures a network may have before it waits (many people may share one address).
pub const NETWORK_FREE_TRIES: u32 = 20;
/// The first wait after the free tries; each further failure doubles it.
pub const FIRST_WAIT_MS: i64 = 30_000;
/// The longest wait.
pub const MAX_WAIT_MS: i64 = 15 * 60_000;
/// Failures this old are forgotten.
pub const FORGET_AFTER_MS: i64 = 24 * 60 * 60_000;

/// Who a failure counts against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// The email that was tried.
    Account,
    /// A keyed tag of the caller's address.
    Network,
}

impl KeyKind {
    pub fn free_tries(self) -> u32 {
        match self {
            KeyKind::Account => ACCOUNT_FREE_TRIES,
            KeyKind::Network => NETWORK_FREE_TRIES,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Account => "account",
            KeyKind::Network => "network",
        }
    }

    pub fn parse(text: &str) -> Option<KeyKind> {
        match text {
            "account" => Some(KeyKind::Account),
            "network" => Some(KeyKind::Network),
            _ => None,
        }
    }
}

/// One key's failed sign-ins, as stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failures {
    /// Failures since the last success (or since they were forgotten or cleared).
    pub count: u32,
    /// When the last one happened (ms since the epoch).
    pub last_at: i64,
}

impl Failures {
    /// The failures as they count at `now`: none once they are old enough to forget.
    pub fn at(self, now: i64) -> Failures {
        if now - self.last_at > FORGET_AFTER_MS {
            Failures::default()
        } else {
            self
        }
    }

    /// How many milliseconds a key of `kind` with these failures must wait at `now` before
    /// its next try is heard; 0 when it may try now.
    pub fn wait_ms(self, kind: KeyKind, now: i64) -> i64 {
        let current = self.at(now);
        let Some(over) = current.count.checked_sub(kind.free_tries()) else { return 0 };
        let wait = FIRST_WAIT_MS.saturating_mul(1 << over.min(20)).min(MAX_WAIT_MS);
        (current.last_at + wait - now).max(0)
    }

    /// The failures after one more at `now`.
    pub fn after_failure(self, now: i64) -> Failures {
        Failures { count: self.at(now).count.saturating_add(1), last_at: now }
    }
}

/// The longest wait among a sign-in's keys: what the caller is told to wait, or 0.
pub fn wait_before_try(keys: &[(KeyKind, Failures)], now: i64) -> i64 {
    keys.iter().map(|(kind, failures)| failures.wait_ms(*kind, now)).max().unwrap_or(0)
}

/// A key on hold, as an admin sees it (`GET /api/agent/sign-in-locks`): it has spent its free
/// tries, so each wrong password makes it wait longer, until it signs in, a day passes or an
/// admin lets it in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub kind: KeyKind,
    /// The email for an account; the tag for a network (never the address itself).
    pub key: String,
    pub failures: u32,
    /// When its next try is heard (ms since the epoch); past once the current wait is over.
    pub until: i64,
}

/// Every key of `stored` on hold at `now`, the one heard last first.
pub fn locks(stored: impl IntoIterator<Item = (KeyKind, String, Failures)>, now: i64) -> Vec<Lock> {
    let mut locks: Vec<Lock> = stored
        .into_iter()
        .filter_map(|(kind, key, failures)| {
            let current = failures.at(now);
            let until = now + current.wait_ms(kind, now);
            let until = if until > now { until } else { current.last_at };
            let held = current.count >= kind.free_tries();
            held.then_some(Lock { kind, key, failures: current.count, until })
        })
        .collect();
    locks.sort_by(|a, b| b.until.cmp(&a.until).then_with(|| a.key.cmp(&b.key)));
    locks
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: i64 = 1_700_000_000_000;

    fn failed(times: u32, from: i64) -> Failures {
        (0..times).fold(Failures::default(), |f, i| f.after_failure(from + i64::from(i)))
    }

    #[test]
    fn an_account_waits_only_after_its_free_tries_and_the_wait_doubles() {
        // (failures, ms since the last one, wait)
        let cases = [
            (0, 0, 0),
            (4, 0, 0),
            (5, 0, 30_000),
            (5, 400, 29_600),
            (5, 30_000, 0),
            (6, 0, 60_000),
            (7, 0, 120_000),
            (9, 0, 480_000),
            (10, 0, MAX_WAIT_MS),
            (40, 0, MAX_WAIT_MS),
            // Forgotten a day later.
            (40, FORGET_AFTER_MS + 1, 0),
        ];
        for (count, since, wait) in cases {
            let failures = Failures { count, last_at: T };
            assert_eq!(failures.wait_ms(KeyKind::Account, T + since), wait, "{count} {since}");
        }
    }

    #[test]
    fn a_network_has_more_free_tries_than_an_account() {
        let failures = failed(6, T);
        assert!(failures.wait_ms(KeyKind::Account, T + 5) > 0);
        assert_eq!(failures.wait_ms(KeyKind::Network, T + 5), 0);
        assert_eq!(failed(20, T).wait_ms(KeyKind::Network, T + 19), 30_000);
    }

    #[test]
    fn a_try_waits_for_its_slowest_key() {
        let account = (KeyKind::Account, failed(7, T));
        let network = (KeyKind::Network, failed(3, T));
        assert_eq!(wait_before_try(&[account, network], T + 6), 120_000);
        assert_eq!(wait_before_try(&[network], T + 6), 0);
        assert_eq!(wait_before_try(&[], T), 0);
    }

    #[test]
    fn failures_after_a_forgotten_run_start_again() {
        let old = failed(9, T);
        assert_eq!(old.after_failure(T + FORGET_AFTER_MS + 10).count, 1);
        assert_eq!(old.after_failure(T + 10).count, 10);
    }

    #[test]
    fn an_admin_sees_the_keys_that_wait_longest_first() {
        let stored = vec![
            (KeyKind::Account, "ana@example.com".to_owned(), failed(6, T)),
            (KeyKind::Account, "luis@example.com".to_owned(), failed(2, T)),
            (KeyKind::Network, "net-1".to_owned(), failed(25, T)),
            (KeyKind::Network, "net-2".to_owned(), failed(19, T)),
        ];
        let held = locks(stored.clone(), T + 30);
        let keys: Vec<&str> = held.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["net-1", "ana@example.com"]);
        assert_eq!(held[1].until, T + 5 + 60_000);
        assert_eq!(held[0].failures, 25);
        // Once the wait is over the key is still on hold: its next failure waits longer.
        let later = locks(stored.clone(), T + 3_600_000);
        assert_eq!(later.len(), 2);
        assert!(later.iter().all(|l| l.until < T + 3_600_000));
        assert!(locks(stored, T + FORGET_AFTER_MS + 100).is_empty());
    }

    #[test]
    fn key_kinds_read_back_as_written() {
        for kind in [KeyKind::Account, KeyKind::Network] {
            assert_eq!(KeyKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(KeyKind::parse("other"), None);
    }
}
