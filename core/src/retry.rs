//! How long a delivery that failed waits before it is tried again: what a dialog owes its
//! workspace (issue 15) is retried by the dialog's alarm on this schedule. Short enough that
//! an inbox row or a block is late by seconds after a lost call, long enough that a workspace
//! that is down is asked once a minute, not flooded.

/// The first retry comes this long after the first attempt (made at once, after the commit).
pub const FIRST_RETRY_MS: i64 = 1_000;
/// Each failure doubles the wait, up to this.
pub const LONGEST_RETRY_MS: i64 = 60_000;

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
}
