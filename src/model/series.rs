//! Operations on dated series: lookup, rebasing to an index, percentage moves.

use super::date::Date;

/// One observation: a date and a finite value in the series' own unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Obs {
    pub date: Date,
    pub value: f64,
}

/// Value on exactly `date`, if that day is in the series (no interpolation:
/// a missing day stays missing).
pub fn value_on(series: &[Obs], date: Date) -> Option<f64> {
    series.binary_search_by(|o| o.date.cmp(&date)).ok().map(|i| series[i].value)
}

/// Rebase a series so that its value on `base` equals 100 (an index, unitless).
/// `None` if `base` is not in the series or its value there is zero or negative,
/// because then no index can be formed.
pub fn rebase_to_100(series: &[Obs], base: Date) -> Option<Vec<Obs>> {
    let b = value_on(series, base)?;
    if !(b.is_finite() && b > 0.0) {
        return None;
    }
    Some(series.iter().map(|o| Obs { date: o.date, value: o.value / b * 100.0 }).collect())
}

/// Simple percentage change from `from` to `to`, in percent.
pub fn pct_change(from: f64, to: f64) -> f64 {
    (to / from - 1.0) * 100.0
}

/// Shift every date by `days` (used to label Bitstamp's 00:00 UTC price of
/// day D as the close of day D−1).
pub fn shift_days(series: &[Obs], days: i64) -> Vec<Obs> {
    series.iter().map(|o| Obs { date: Date::from_days(o.date.days() + days), value: o.value }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::test_util::{d, obs};

    #[test]
    fn rebases_to_100_on_the_base_day() {
        let s = obs(&[("2025-09-02", 50.0), ("2025-09-03", 55.0), ("2025-09-04", 45.0)]);
        let r = rebase_to_100(&s, d("2025-09-02")).unwrap();
        assert_eq!(r[0].value, 100.0);
        assert!((r[1].value - 110.0).abs() < 1e-12);
        assert!((r[2].value - 90.0).abs() < 1e-12);
        // Rebasing on a later day works too, and keeps dates.
        let r = rebase_to_100(&s, d("2025-09-03")).unwrap();
        assert!((r[0].value - 100.0 * 50.0 / 55.0).abs() < 1e-12);
        assert_eq!(r[2].date, d("2025-09-04"));
    }

    #[test]
    fn missing_or_non_positive_base_gives_none() {
        let s = obs(&[("2025-09-02", 50.0), ("2025-09-04", 0.0)]);
        assert!(rebase_to_100(&s, d("2025-09-03")).is_none());
        assert!(rebase_to_100(&s, d("2025-09-04")).is_none());
        assert!(rebase_to_100(&[], d("2025-09-04")).is_none());
    }

    #[test]
    fn real_sp500_move_on_20_nov() {
        // S&P 500 closes from the bundled data: 6,642.16 (19 Nov) and 6,538.76 (20 Nov).
        assert!((pct_change(6642.16, 6538.76) - (-1.5567)).abs() < 1e-3);
    }

    #[test]
    fn shifting_moves_dates_only() {
        let s = obs(&[("2025-11-01", 1.0)]);
        assert_eq!(shift_days(&s, -1)[0].date, d("2025-10-31"));
        assert_eq!(shift_days(&s, -1)[0].value, 1.0);
    }
}
