//! Rate limits as token buckets: `capacity` actions at once, refilled at `per_second`. Pure:
//! the caller keeps the bucket (a Durable Object's storage) and passes the time.

use serde::{Deserialize, Serialize};

/// A customer may send a burst of this many messages…
pub const CUSTOMER_BURST: u32 = 10;
/// …then one per this many milliseconds.
pub const CUSTOMER_REFILL_MS: i64 = 1_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// Actions spent and not yet refilled.
    pub spent: u32,
    /// When `spent` was last brought up to date (ms since the epoch).
    pub at: i64,
}

impl Bucket {
    /// Spends one action at `now`, or says in how many milliseconds one is free again.
    pub fn take(&mut self, now: i64, capacity: u32, refill_ms: i64) -> Result<(), i64> {
        let refilled = ((now - self.at).max(0) / refill_ms.max(1)) as u32;
        if refilled > 0 {
            self.spent = self.spent.saturating_sub(refilled);
            self.at += i64::from(refilled) * refill_ms.max(1);
        }
        if self.spent == 0 {
            self.at = now;
        }
        if self.spent >= capacity {
            return Err((self.at + refill_ms - now).max(1));
        }
        self.spent += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_one_per_refill() {
        let mut b = Bucket::default();
        for _ in 0..3 {
            assert_eq!(b.take(1_000, 3, 1_000), Ok(()));
        }
        assert_eq!(b.take(1_000, 3, 1_000), Err(1_000));
        assert_eq!(b.take(1_600, 3, 1_000), Err(400));
        assert_eq!(b.take(2_000, 3, 1_000), Ok(()));
        assert_eq!(b.take(2_000, 3, 1_000), Err(1_000));
    }

    #[test]
    fn a_quiet_while_refills_the_whole_burst() {
        let mut b = Bucket::default();
        for _ in 0..3 {
            b.take(0, 3, 1_000).unwrap();
        }
        for _ in 0..3 {
            assert_eq!(b.take(60_000, 3, 1_000), Ok(()));
        }
        assert!(b.take(60_000, 3, 1_000).is_err());
    }

    #[test]
    fn a_clock_going_backwards_refills_nothing() {
        let mut b = Bucket { spent: 3, at: 5_000 };
        assert!(b.take(1_000, 3, 1_000).is_err());
    }
}
