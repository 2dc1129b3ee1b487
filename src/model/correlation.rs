//! Cause 2: rolling correlation of Bitcoin and the S&P 500, its confidence
//! band, the volatility adjustment, and what it implies for a portfolio.
//!
//! * Pearson correlation over a rolling window of w aligned daily log returns
//!   (see `returns::align`), updated incrementally: each step adds the newest
//!   pair to five running sums and removes the oldest.
//! * 95 % band by Fisher's z: z = atanh ρ, SE = 1/√(w − 3), ρ ∈ tanh(z ± 1.96·SE).
//! * Forbes & Rigobon ("No Contagion, Only Interdependence", Journal of
//!   Finance 57(5), 2002): ρ* = ρ/√(1 + δ(1 − ρ²)), δ = σ²_turmoil/σ²_calm − 1,
//!   with σ² the variance of the market where the shock starts (the S&P 500).

use super::date::Date;
use super::returns::Pair;

/// One point of the rolling series, dated by the window's last day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rolling {
    pub date: Date,
    pub corr: f64,
    pub lo: f64,
    pub hi: f64,
    /// Sample variance of the S&P 500 returns in the window.
    pub var_spx: f64,
    pub var_btc: f64,
}

/// z multiplier for a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// Fisher-z 95 % interval for a correlation `r` from `n` pairs.
pub fn fisher_band(r: f64, n: usize) -> (f64, f64) {
    if n <= 3 || !r.is_finite() {
        return (-1.0, 1.0);
    }
    // Keep atanh finite at |r| = 1.
    let z = r.clamp(-0.999_999, 0.999_999).atanh();
    let se = 1.0 / ((n - 3) as f64).sqrt();
    ((z - Z95 * se).tanh(), (z + Z95 * se).tanh())
}

/// Running sums of one window.
#[derive(Default, Clone, Copy)]
struct Sums {
    n: f64,
    x: f64,
    y: f64,
    xx: f64,
    yy: f64,
    xy: f64,
}

impl Sums {
    fn add(&mut self, p: &Pair, sign: f64) {
        self.n += sign;
        self.x += sign * p.spx;
        self.y += sign * p.btc;
        self.xx += sign * p.spx * p.spx;
        self.yy += sign * p.btc * p.btc;
        self.xy += sign * p.spx * p.btc;
    }

    /// (correlation, var x, var y) from the sums; `None` if degenerate.
    fn stats(&self) -> Option<(f64, f64, f64)> {
        let n = self.n;
        let sxx = self.xx - self.x * self.x / n;
        let syy = self.yy - self.y * self.y / n;
        let sxy = self.xy - self.x * self.y / n;
        // Relative guard: catastrophic cancellation can leave tiny negatives.
        if !(sxx > 1e-18 && syy > 1e-18) {
            return None;
        }
        Some(((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0), sxx / (n - 1.0), syy / (n - 1.0)))
    }
}

/// Rolling correlation over `window` pairs (≥ 4), one point per window end.
/// Empty if there are fewer pairs than the window.
pub fn rolling(pairs: &[Pair], window: usize) -> Vec<Rolling> {
    if window < 4 || pairs.len() < window {
        return Vec::new();
    }
    let mut sums = Sums::default();
    let mut out = Vec::with_capacity(pairs.len() + 1 - window);
    for (i, p) in pairs.iter().enumerate() {
        sums.add(p, 1.0);
        if i >= window {
            sums.add(&pairs[i - window], -1.0);
        }
        if i + 1 >= window {
            if let Some((corr, var_spx, var_btc)) = sums.stats() {
                let (lo, hi) = fisher_band(corr, window);
                out.push(Rolling { date: p.date, corr, lo, hi, var_spx, var_btc });
            }
        }
    }
    out
}

/// Forbes–Rigobon adjusted correlation.
pub fn forbes_rigobon(rho: f64, var_turmoil: f64, var_calm: f64) -> f64 {
    if rho.is_nan() {
        return 0.0;
    }
    let rho = rho.clamp(-1.0, 1.0);
    if !(var_calm > 0.0 && var_turmoil.is_finite() && var_turmoil >= 0.0) {
        return rho;
    }
    let delta = var_turmoil / var_calm - 1.0;
    let denom = 1.0 + delta * (1.0 - rho * rho);
    // ρ = ±1 with an infinite δ (NaN) is left as it is; an infinite
    // denominator sends the adjusted correlation to 0.
    if denom.is_nan() || denom <= 0.0 {
        return rho;
    }
    if denom.is_infinite() {
        return 0.0;
    }
    (rho / denom.sqrt()).clamp(-1.0, 1.0)
}

/// Daily volatility of a two-asset portfolio with `w_btc` in Bitcoin (0–1),
/// from daily volatilities and their correlation.
pub fn portfolio_sd(w_btc: f64, sd_btc: f64, sd_spx: f64, rho: f64) -> f64 {
    let w = w_btc.clamp(0.0, 1.0);
    let v =
        w * w * sd_btc * sd_btc + (1.0 - w) * (1.0 - w) * sd_spx * sd_spx + 2.0 * w * (1.0 - w) * rho * sd_btc * sd_spx;
    v.max(0.0).sqrt()
}

/// A one-in-a-hundred-days loss under a normal approximation, as a
/// percentage (negative): −2.326·σ, σ in log-return units.
pub fn one_in_100_loss_pct(sd: f64) -> f64 {
    ((-2.326_347_874 * sd).exp() - 1.0) * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::returns::stats;

    fn d(i: i64) -> Date {
        Date::from_days(20_300 + i)
    }
    fn pairs(xs: &[f64], ys: &[f64]) -> Vec<Pair> {
        xs.iter().zip(ys).enumerate().map(|(i, (x, y))| Pair { date: d(i as i64), spx: *x, btc: *y }).collect()
    }

    /// A deterministic, irregular test series.
    fn wiggle(n: usize, seed: f64) -> Vec<f64> {
        (0..n).map(|i| (i as f64 * 1.7 + seed).sin() * 0.013 + (i as f64 * 0.37 + seed * 2.0).cos() * 0.007).collect()
    }

    #[test]
    fn incremental_matches_two_pass() {
        let x = wiggle(80, 0.3);
        let y: Vec<f64> = x.iter().zip(wiggle(80, 1.1)).map(|(a, b)| 0.6 * a + b).collect();
        let ps = pairs(&x, &y);
        for w in [14, 30, 60] {
            let r = rolling(&ps, w);
            assert_eq!(r.len(), ps.len() - w + 1);
            for (k, point) in r.iter().enumerate() {
                let direct = stats(&ps[k..k + w]).unwrap();
                assert!((point.corr - direct.corr).abs() < 1e-9, "w {w} k {k}");
                assert!((point.var_spx.sqrt() - direct.sd_spx).abs() < 1e-9);
            }
        }
        assert!(rolling(&ps, 90).is_empty());
    }

    #[test]
    fn constructed_series_with_known_correlation() {
        let x = wiggle(40, 0.5);
        let plus: Vec<f64> = x.iter().map(|v| 3.0 * v).collect();
        let minus: Vec<f64> = x.iter().map(|v| -0.5 * v).collect();
        for p in rolling(&pairs(&x, &plus), 14) {
            assert!((p.corr - 1.0).abs() < 1e-9);
        }
        for p in rolling(&pairs(&x, &minus), 14) {
            assert!((p.corr + 1.0).abs() < 1e-9);
        }
        // Orthogonal by construction: (1,−1,1,−1,…) against (1,1,−1,−1,…).
        let a: Vec<f64> = (0..16).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 }).collect();
        let b: Vec<f64> = (0..16).map(|i| if i % 4 < 2 { 1.0 } else { -1.0 }).collect();
        let r = rolling(&pairs(&a, &b), 16);
        assert_eq!(r.len(), 1);
        assert!(r[0].corr.abs() < 1e-12);
    }

    #[test]
    fn fisher_band_values() {
        // ρ = 0.5, n = 30: z = 0.5493, SE = 1/√27 = 0.19245, z ± 0.3772 → (0.1704, 0.7291).
        let (lo, hi) = fisher_band(0.5, 30);
        assert!((lo - 0.1704).abs() < 1e-3, "{lo}");
        assert!((hi - 0.7291).abs() < 1e-3, "{hi}");
        let (lo, hi) = fisher_band(0.0, 14);
        assert!((lo + hi).abs() < 1e-12);
        let (lo, hi) = fisher_band(1.0, 14);
        assert!(lo.is_finite() && hi <= 1.0);
        assert_eq!(fisher_band(0.3, 3), (-1.0, 1.0));
        // Wider for smaller windows.
        assert!(fisher_band(0.5, 14).1 - fisher_band(0.5, 14).0 > fisher_band(0.5, 60).1 - fisher_band(0.5, 60).0);
    }

    #[test]
    fn forbes_rigobon_adjustment() {
        // Turmoil variance 4× calm: δ = 3, ρ 0.6 → 0.6/√(1 + 3·0.64) = 0.3511.
        assert!((forbes_rigobon(0.6, 4.0, 1.0) - 0.351_1).abs() < 1e-4);
        assert_eq!(forbes_rigobon(0.6, 1.0, 1.0), 0.6);
        assert_eq!(forbes_rigobon(0.6, 1.0, 0.0), 0.6);
        // Calmer than calm raises it, within [−1, 1].
        assert!(forbes_rigobon(0.9, 0.1, 1.0) <= 1.0);
    }

    #[test]
    fn portfolio_volatility_rises_with_correlation() {
        let calm = portfolio_sd(0.1, 0.03, 0.01, 0.1);
        let crisis = portfolio_sd(0.1, 0.03, 0.01, 0.8);
        assert!(crisis > calm);
        assert!((portfolio_sd(0.0, 0.03, 0.01, 0.5) - 0.01).abs() < 1e-12);
        assert!((portfolio_sd(1.0, 0.03, 0.01, 0.5) - 0.03).abs() < 1e-12);
        assert!(one_in_100_loss_pct(0.01) < -2.2 && one_in_100_loss_pct(0.01) > -2.4);
    }
}
