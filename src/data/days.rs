//! The days the explanation is about, as [`Date`] values defined once (the
//! data layer's checks and every layer above read them).

use crate::model::date::Date;

/// The sell-off: Thursday 20 November 2025.
pub const DAY: Date = Date::ymd(2025, 11, 20);
/// The session before, 19 Nov (the last day the estimates may see).
pub const DAY_BEFORE: Date = Date::ymd(2025, 11, 19);
/// Friday 21 Nov: Bitcoin's next UTC day and the 24 hours of liquidations to it.
pub const DAY_AFTER: Date = Date::ymd(2025, 11, 21);
/// Friday 10 Oct 2025: the US–China tariff threat and the stock sell-off.
pub const TARIFF_DAY: Date = Date::ymd(2025, 10, 10);
/// Saturday 11 Oct: the UTC day of the record crypto liquidations that followed.
pub const TARIFF_CRASH: Date = Date::ymd(2025, 10, 11);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_days_are_real_dates() {
        for d in [DAY, DAY_BEFORE, DAY_AFTER, TARIFF_DAY, TARIFF_CRASH] {
            assert_eq!(Date::parse(&d.to_string()), Some(d));
        }
        assert_eq!(DAY.days() - DAY_BEFORE.days(), 1);
        assert_eq!(DAY_AFTER.days() - DAY.days(), 1);
        assert_eq!(TARIFF_CRASH.days() - TARIFF_DAY.days(), 1);
    }
}
