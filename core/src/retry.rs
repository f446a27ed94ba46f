//! How long a delivery that failed waits before it is tried again: what a dialog owes its
//! workspace (issue 15) is retried by the dialog's alarm on this schedule. Short enough that
//! an inbox row or a block is late by seconds after a lost call, long enough that a workspace
//! that is down is asked once a minute, not flooded.

/// The first retry comes this long after the first attempt (made at once, after the commit).
pub const FIRST_RETRY_MS: i64 = 1_000;
/// Each failure doubles the wait, up to this.
pub const LONGEST_RETRY_MS: i64 = 60_000;

/// A call that failed this many times in a row (about a day of tries) is given up and logged:
/// what it was for (closing sockets of an ended access) is moot by then, and a call nobody
/// can take must not be tried for ever. Only calls that pile up (one row each) give up;
/// state-like effects, one row per kind, are kept until they land.
pub const GIVE_UP_AFTER_FAILURES: u32 = 7 + 24 * 60;

/// Whether a call that failed `failures` times in a row is given up.
pub fn gives_up(failures: u32) -> bool {
    failures >= GIVE_UP_AFTER_FAILURES
}

/// The wait after `failures` failed attempts in a row: 1 s, 2 s, 4 s … 32 s, then a minute.
pub fn retry_delay(failures: u32) -> i64 {
    let doublings = failures.saturating_sub(1).min(16);
    (FIRST_RETRY_MS << doublings).min(LONGEST_RETRY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retry_waits_a_second_then_twice_as_long_each_time_up_to_a_minute() {
        let waits: Vec<i64> = (0..=9).map(retry_delay).collect();
        let seconds = [1, 1, 2, 4, 8, 16, 32, 60, 60, 60];
        assert_eq!(waits, seconds.map(|s| s * 1_000));
        assert_eq!(retry_delay(u32::MAX), LONGEST_RETRY_MS, "no overflow however long it fails");
    }

    #[test]
    fn a_call_that_piles_up_is_given_up_after_about_a_day_of_tries() {
        let waited: i64 = (1..GIVE_UP_AFTER_FAILURES).map(retry_delay).sum();
        let hours = waited as f64 / 3_600_000.0;
        assert!((23.5..24.5).contains(&hours), "{hours} h of tries");
        assert!(!gives_up(GIVE_UP_AFTER_FAILURES - 1));
        assert!(gives_up(GIVE_UP_AFTER_FAILURES));
    }
}
