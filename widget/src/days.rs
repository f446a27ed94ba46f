//! Day separators in the message list: "Today", "Yesterday" or the date above the first line of
//! each day, in the visitor's own calendar.
//!
//! The calendar arithmetic is pure and tested natively; only `local_day` asks the browser, for
//! its time zone's offset at a given moment (so daylight saving is right for old messages too).
//! Words are `i18n`'s.

use web_sys::js_sys::Date;

/// How a day is named above its first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayName {
    Today,
    Yesterday,
    /// `month` 1–12, `weekday` 0 = Sunday; `year` only when it is not this year.
    Date {
        year: Option<i64>,
        month: u32,
        day: u32,
        weekday: u32,
    },
}

impl DayName {
    /// Changes when the name does as days pass, for the list's keys.
    pub fn key(self) -> u64 {
        match self {
            DayName::Today => 0,
            DayName::Yesterday => 1,
            DayName::Date { year: None, .. } => 2,
            DayName::Date { .. } => 3,
        }
    }
}

const MS_PER_DAY: i64 = 86_400_000;

/// The visitor's day (days since 1970-01-01) of `at`, milliseconds since the epoch.
pub fn local_day(at: i64) -> i64 {
    let offset = Date::new(&(at as f64).into()).get_timezone_offset();
    day_number(at, offset as i64)
}

/// The visitor's day now.
pub fn today() -> i64 {
    local_day(Date::now() as i64)
}

/// The day of `at` where clocks are `offset_minutes` behind UTC (as `getTimezoneOffset` says).
pub fn day_number(at: i64, offset_minutes: i64) -> i64 {
    (at - offset_minutes * 60_000).div_euclid(MS_PER_DAY)
}

/// The name of `day` as seen on `today`. A day after today (a clock a little behind the
/// server's) is today.
pub fn name(day: i64, today: i64) -> DayName {
    if day >= today {
        return DayName::Today;
    }
    if day == today - 1 {
        return DayName::Yesterday;
    }
    let (year, month, date) = civil(day);
    let this_year = civil(today).0;
    let weekday = (day + 4).rem_euclid(7) as u32; // 1970-01-01 was a Thursday.
    DayName::Date { year: (year != this_year).then_some(year), month, day: date, weekday }
}

/// Year, month (1–12) and day of the month of a day number (Howard Hinnant's
/// `civil_from_days`, for the proleptic Gregorian calendar).
fn civil(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // 0 = March
    let date = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    (year_of_era + era * 400 + i64::from(month <= 2), month, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day number of a UTC date, for readable cases.
    fn day(year: i64, month: u32, date: u32) -> i64 {
        (0..200_000).map(|d| d - 100_000).find(|&d| civil(d) == (year, month, date)).unwrap()
    }

    #[test]
    fn w2_days_follow_the_visitors_clock_not_utc() {
        // 2025-03-02 23:30 UTC: still the 2nd in London, already the 3rd in Madrid (UTC+1,
        // offset -60) and the evening of the 2nd in Buenos Aires (UTC-3, offset 180).
        let at = (day(2025, 3, 2) * 24 * 60 + 23 * 60 + 30) * 60_000;
        assert_eq!(day_number(at, 0), day(2025, 3, 2));
        assert_eq!(day_number(at, -60), day(2025, 3, 3));
        assert_eq!(day_number(at, 180), day(2025, 3, 2));
        assert_eq!(day_number(-1, 0), -1, "before 1970 rounds down");
    }

    #[test]
    fn w2_a_day_is_today_yesterday_or_its_date() {
        let today = day(2025, 3, 3);
        let date = |year, month, date, weekday| DayName::Date { year, month, day: date, weekday };
        let cases = [
            (today, DayName::Today),
            (today + 1, DayName::Today),
            (today - 1, DayName::Yesterday),
            (day(2025, 3, 1), date(None, 3, 1, 6)),
            (day(2025, 1, 1), date(None, 1, 1, 3)),
            (day(2024, 12, 31), date(Some(2024), 12, 31, 2)),
            (day(2024, 2, 29), date(Some(2024), 2, 29, 4)),
            (0, date(Some(1970), 1, 1, 4)),
        ];
        for (day, expected) in cases {
            assert_eq!(name(day, today), expected, "{:?}", civil(day));
        }
    }
}
