//! Calendar dates as day numbers, so charts and return calculations can do
//! arithmetic on them without a date crate.

use std::fmt;

/// A proleptic-Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A date from its parts, for constants: `Date::ymd(2025, 11, 20)`.
    /// Not checked (a constant's test checks it: see `data::days`).
    pub const fn ymd(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Parse `YYYY-MM-DD`; `None` for anything else, including impossible days.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |s: &str| -> Option<u32> {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let year = digits(&text[0..4])? as i32;
        let month = digits(&text[5..7])?;
        let day = digits(&text[8..10])?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before). Algorithm: H. Hinnant,
    /// "chrono-Compatible Low-Level Date Algorithms", `days_from_civil`.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::days`] (Hinnant's `civil_from_days`).
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Whether the day is a Saturday or a Sunday (1 Jan 1970 was a Thursday).
    pub fn is_weekend(self) -> bool {
        matches!(self.days().rem_euclid(7), 2 | 3)
    }

    /// "20 Nov" style label for axes and prose.
    pub fn short(self) -> String {
        format!("{} {}", self.day, MONTHS[(self.month - 1) as usize])
    }

    /// "20 Nov 2025".
    pub fn long(self) -> String {
        format!("{} {} {}", self.day, MONTHS[(self.month - 1) as usize], self.year)
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_rejects_invalid() {
        assert_eq!(Date::parse("2025-11-20"), Some(Date { year: 2025, month: 11, day: 20 }));
        for bad in ["2025-11-31", "2025-13-01", "2025-02-29", "20-11-2025", "2025-1-01", "2025-11-2x", ""] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2025-11-20").unwrap().days(), 20_412);
        for z in [-800_000, -1, 0, 1, 20_412, 60_000] {
            assert_eq!(Date::from_days(z).days(), z);
        }
        assert_eq!(Date::parse("2025-11-20").unwrap().to_string(), "2025-11-20");
        assert_eq!(Date::parse("2025-11-20").unwrap().short(), "20 Nov");
    }

    #[test]
    fn weekends_are_saturday_and_sunday() {
        let d = |t: &str| Date::parse(t).unwrap();
        assert!(d("2025-11-22").is_weekend() && d("2025-11-23").is_weekend());
        assert!(!d("2025-11-21").is_weekend() && !d("2025-11-24").is_weekend() && !d("2025-11-27").is_weekend());
        assert!(d("1970-01-03").is_weekend() && !d("1970-01-01").is_weekend());
    }
}
