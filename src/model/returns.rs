//! Daily log returns of the S&P 500 and Bitcoin on a common calendar, and the
//! statistics built on them (volatility, correlation, beta).
//!
//! Alignment rule: Bitcoin trades every day, the S&P 500 on trading days. For
//! each pair of consecutive S&P trading days (t₋, t), the Bitcoin return is
//! ln(BTC close on t / BTC close on t₋), which compounds the weekend's and
//! holidays' returns into the next trading day. Bitcoin's "close" of day D is
//! its price at 00:00 UTC of D+1 (Bitstamp), three hours after the US close.

use super::date::Date;
use super::series::{value_on, Obs};

/// One aligned observation: the date of the equity close and both log returns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub date: Date,
    /// ln(P_t / P_t₋) of the S&P 500.
    pub spx: f64,
    /// ln(P_t / P_t₋) of Bitcoin over the same calendar span.
    pub btc: f64,
}

/// Align `spx` closes (trading days) with `btc_close` (daily UTC closes).
/// Days where either price is missing are skipped, never interpolated.
pub fn align(spx: &[Obs], btc_close: &[Obs]) -> Vec<Pair> {
    spx.windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0], w[1]);
            let (ba, bb) = (value_on(btc_close, a.date)?, value_on(btc_close, b.date)?);
            let pair = Pair { date: b.date, spx: (b.value / a.value).ln(), btc: (bb / ba).ln() };
            (pair.spx.is_finite() && pair.btc.is_finite()).then_some(pair)
        })
        .collect()
}

/// The last `window` pairs (at least 3) dated on or before `end`: the window
/// an estimate uses when it must stop before the move it explains.
pub fn window_ending(pairs: &[Pair], window: usize, end: Date) -> &[Pair] {
    let Some(last) = pairs.iter().rposition(|p| p.date <= end) else { return &[] };
    &pairs[(last + 1).saturating_sub(window.max(3))..=last]
}

/// Sample statistics of a window of pairs. Volatilities are daily, in log
/// return units (0.01 = 1 %).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stats {
    pub n: usize,
    pub sd_spx: f64,
    pub sd_btc: f64,
    pub corr: f64,
    /// β of Bitcoin on the S&P 500 = ρ·σ_BTC/σ_S&P.
    pub beta: f64,
}

/// Two-pass sample statistics; `None` for fewer than 3 pairs or a constant series.
pub fn stats(pairs: &[Pair]) -> Option<Stats> {
    let n = pairs.len();
    if n < 3 {
        return None;
    }
    let nf = n as f64;
    let mx = pairs.iter().map(|p| p.spx).sum::<f64>() / nf;
    let my = pairs.iter().map(|p| p.btc).sum::<f64>() / nf;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for p in pairs {
        let (dx, dy) = (p.spx - mx, p.btc - my);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    let sd_spx = (sxx / (nf - 1.0)).sqrt();
    let sd_btc = (syy / (nf - 1.0)).sqrt();
    let corr = (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0);
    Some(Stats { n, sd_spx, sd_btc, corr, beta: corr * sd_btc / sd_spx })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::test_util::d;

    #[test]
    fn weekend_returns_compound_into_monday() {
        // Fri 14 Nov, Mon 17 Nov 2025.
        let spx = vec![Obs { date: d("2025-11-14"), value: 100.0 }, Obs { date: d("2025-11-17"), value: 99.0 }];
        let btc = vec![
            Obs { date: d("2025-11-14"), value: 100.0 },
            Obs { date: d("2025-11-15"), value: 90.0 },
            Obs { date: d("2025-11-16"), value: 95.0 },
            Obs { date: d("2025-11-17"), value: 80.0 },
        ];
        let p = align(&spx, &btc);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].date, d("2025-11-17"));
        // Sum of the three daily log returns = ln(80/100).
        assert!((p[0].btc - (80.0f64 / 100.0).ln()).abs() < 1e-12);
        assert!((p[0].spx - 0.99f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn missing_prices_are_skipped_not_filled() {
        let spx = vec![
            Obs { date: d("2025-11-17"), value: 100.0 },
            Obs { date: d("2025-11-18"), value: 101.0 },
            Obs { date: d("2025-11-19"), value: 102.0 },
        ];
        let btc = vec![Obs { date: d("2025-11-17"), value: 1.0 }, Obs { date: d("2025-11-19"), value: 2.0 }];
        assert!(align(&spx, &btc).is_empty());
    }

    fn pairs(xs: &[f64], ys: &[f64]) -> Vec<Pair> {
        xs.iter().zip(ys).map(|(x, y)| Pair { date: d("2025-11-20"), spx: *x, btc: *y }).collect()
    }

    #[test]
    fn known_correlations_and_beta() {
        let x = [0.01, -0.02, 0.015, 0.0, -0.01, 0.02];
        let y2: Vec<f64> = x.iter().map(|v| 2.0 * v + 0.001).collect();
        let s = stats(&pairs(&x, &y2)).unwrap();
        assert!((s.corr - 1.0).abs() < 1e-12);
        assert!((s.beta - 2.0).abs() < 1e-12);
        let yneg: Vec<f64> = x.iter().map(|v| -v).collect();
        assert!((stats(&pairs(&x, &yneg)).unwrap().corr + 1.0).abs() < 1e-12);
        // Orthogonal: x = (1,-1,1,-1), y = (1,1,-1,-1) → ρ = 0.
        let s0 = stats(&pairs(&[1.0, -1.0, 1.0, -1.0], &[1.0, 1.0, -1.0, -1.0])).unwrap();
        assert!(s0.corr.abs() < 1e-12);
        assert!(stats(&pairs(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0])).is_none());
        assert!(stats(&pairs(&[1.0, 2.0], &[1.0, 2.0])).is_none());
    }
}
