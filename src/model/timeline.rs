//! The "day in context" timeline: S&P 500 and Bitcoin rebased to 100 on a
//! start date, with the Nasdaq Composite's few November points.

use super::date::Date;
use super::series::{pct_change, rebase_to_100, shift_days, value_on, Obs};

/// Rebased series ready to draw. Values are index points (base day = 100).
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub base: Date,
    pub sp500: Vec<Obs>,
    /// Bitcoin daily close (UTC), rebased.
    pub btc: Vec<Obs>,
    /// Nasdaq points, scaled so that on `nasdaq_anchor` they sit on the S&P 500
    /// line: there is no earlier Nasdaq figure to rebase them to `base`.
    pub nasdaq: Vec<Obs>,
    pub nasdaq_anchor: Option<Date>,
}

/// Build the timeline.
///
/// * `sp500`: S&P 500 closes, trading days.
/// * `btc_0000utc`: Bitcoin at 00:00 UTC of each day. The price at 00:00 UTC
///   of day D is the close of the UTC day D−1, so dates are shifted back one day.
/// * `nasdaq`: Nasdaq Composite closes, wherever they exist.
///
/// Errors name the series whose base day is missing.
pub fn build(sp500: &[Obs], btc_0000utc: &[Obs], nasdaq: &[Obs], base: Date) -> Result<Timeline, String> {
    let sp = rebase_to_100(sp500, base).ok_or_else(|| format!("the S&P 500 series has no close on {}", base.long()))?;
    let btc_close = shift_days(btc_0000utc, -1);
    let btc =
        rebase_to_100(&btc_close, base).ok_or_else(|| format!("the Bitcoin series has no close on {}", base.long()))?;
    let anchor = nasdaq.iter().find(|o| value_on(&sp, o.date).is_some()).map(|o| o.date);
    let nq = match anchor {
        Some(a) => {
            // Both values exist: `anchor` was chosen where they do.
            let level = value_on(&sp, a).unwrap_or(100.0);
            let first = value_on(nasdaq, a).unwrap_or(1.0);
            nasdaq
                .iter()
                .filter(|o| o.date >= a)
                .map(|o| Obs { date: o.date, value: o.value / first * level })
                .collect()
        }
        None => Vec::new(),
    };
    Ok(Timeline { base, sp500: sp, btc, nasdaq: nq, nasdaq_anchor: anchor })
}

/// Percentage moves read off the raw series for the summary sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Moves {
    /// From the base day's close to `day`'s close, percent.
    pub sp500_since_base: Option<f64>,
    pub btc_since_base: Option<f64>,
    /// From the previous close to `day`'s close, percent.
    pub sp500_day: Option<f64>,
    pub btc_day: Option<f64>,
    pub nasdaq_day: Option<f64>,
}

pub fn moves(t: &Timeline, nasdaq_raw: &[Obs], day: Date) -> Moves {
    let prev_of = |s: &[Obs]| -> Option<(f64, f64)> {
        let i = s.iter().position(|o| o.date == day)?;
        (i > 0).then(|| (s[i - 1].value, s[i].value))
    };
    let day_move = |s: &[Obs]| prev_of(s).map(|(a, b)| pct_change(a, b));
    // The Nasdaq points have gaps: only a true previous trading day counts.
    let nasdaq_day = prev_of(nasdaq_raw).and_then(|(a, b)| {
        let i = nasdaq_raw.iter().position(|o| o.date == day)?;
        let prev = nasdaq_raw[i - 1].date;
        let sp_prev = t.sp500.iter().take_while(|o| o.date < day).last()?.date;
        (prev == sp_prev).then(|| pct_change(a, b))
    });
    Moves {
        sp500_since_base: value_on(&t.sp500, day).map(|v| v - 100.0),
        btc_since_base: value_on(&t.btc, day).map(|v| v - 100.0),
        sp500_day: day_move(&t.sp500),
        btc_day: day_move(&t.btc),
        nasdaq_day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::test_util::{d, obs};

    fn sample() -> (Vec<Obs>, Vec<Obs>, Vec<Obs>) {
        // Real closes: S&P 500 (CNN), Bitcoin 00:00 UTC (Bitstamp), Nasdaq (Wells Fargo).
        let sp = obs(&[("2025-11-18", 6617.32), ("2025-11-19", 6642.16), ("2025-11-20", 6538.76)]);
        let btc = obs(&[("2025-11-19", 92_000.0), ("2025-11-20", 91_500.0), ("2025-11-21", 86_586.0)]);
        let nq = obs(&[("2025-11-18", 22432.85), ("2025-11-19", 22564.23), ("2025-11-20", 22078.05)]);
        (sp, btc, nq)
    }

    #[test]
    fn rebases_and_shifts_bitcoin_to_the_close() {
        let (sp, btc, nq) = sample();
        let t = build(&sp, &btc, &nq, d("2025-11-18")).unwrap();
        assert_eq!(t.sp500[0].value, 100.0);
        // 00:00 UTC on 19 Nov is the close of 18 Nov.
        assert_eq!(t.btc[0].date, d("2025-11-18"));
        assert_eq!(t.btc[0].value, 100.0);
        assert_eq!(t.nasdaq_anchor, Some(d("2025-11-18")));
        assert!((t.nasdaq[0].value - 100.0).abs() < 1e-12);
    }

    #[test]
    fn day_moves_match_the_reported_figures() {
        let (sp, btc, nq) = sample();
        let t = build(&sp, &btc, &nq, d("2025-11-18")).unwrap();
        let m = moves(&t, &nq, d("2025-11-20"));
        assert!((m.sp500_day.unwrap() - (-1.5567)).abs() < 1e-3);
        // Nasdaq −486.18 points = −2.15 % (eoption.com's figure).
        assert!((m.nasdaq_day.unwrap() - (-2.1547)).abs() < 1e-3);
        assert!((m.btc_day.unwrap() - pct_change(91_500.0, 86_586.0)).abs() < 1e-9);
    }

    #[test]
    fn a_nasdaq_gap_gives_no_day_move() {
        let (sp, btc, _) = sample();
        let nq = obs(&[("2025-11-18", 22432.85), ("2025-11-20", 22078.05)]);
        let t = build(&sp, &btc, &nq, d("2025-11-18")).unwrap();
        assert_eq!(moves(&t, &nq, d("2025-11-20")).nasdaq_day, None);
    }

    #[test]
    fn missing_base_day_is_an_error() {
        let (sp, btc, nq) = sample();
        let e = build(&sp, &btc, &nq, d("2025-11-01")).unwrap_err();
        assert_eq!(e, "the S&P 500 series has no close on 1 Nov 2025");
    }
}
