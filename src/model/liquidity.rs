//! Cause 3: valuation froth and the price impact of selling in a thin market.
//!
//! * Implied growth of a price/earnings multiple, from the Gordon model with
//!   all earnings paid out: P = E/(r − g) ⇒ g = r − E/P. The share of today's
//!   price that rests on profits beyond year H is ((1 + g)/(1 + r))^H, since the
//!   present value of the first H years is P·(1 − ((1 + g)/(1 + r))^H).
//! * Square-root price impact (Tóth et al., "Anomalous Price Impact and the
//!   Critical Nature of Liquidity in Financial Markets", Physical Review X 1,
//!   2011): ΔP/P = Y·σ_daily·√(Q/V_daily), Q the net amount sold and V the
//!   daily traded volume in the same unit, Y a constant of order one.

/// Growth implied by a P/E multiple at discount rate r, both rates in percent.
pub fn implied_growth_pct(pe: f64, r_pct: f64) -> f64 {
    let pe = if pe.is_finite() { pe.clamp(1.0, 1000.0) } else { 1.0 };
    r_pct - 100.0 / pe
}

/// Share of the price (percent) resting on profits beyond `years`.
pub fn share_beyond_pct(pe: f64, r_pct: f64, years: f64) -> f64 {
    let g = implied_growth_pct(pe, r_pct) / 100.0;
    let r = r_pct / 100.0;
    let years = if years.is_finite() { years.clamp(0.0, 200.0) } else { 0.0 };
    if r <= -0.99 {
        return 100.0;
    }
    let ratio = ((1.0 + g) / (1.0 + r)).max(0.0);
    (ratio.powf(years) * 100.0).clamp(0.0, 100.0)
}

/// Square-root impact, percent (positive = size of the fall). `q` and `v` in
/// the same currency unit; `sigma_daily` as a fraction (0.03 = 3 %).
pub fn sqrt_impact_pct(y: f64, sigma_daily: f64, q: f64, v: f64) -> f64 {
    if !(q > 0.0 && v > 0.0 && sigma_daily > 0.0 && sigma_daily.is_finite() && y > 0.0 && y.is_finite()) {
        return 0.0;
    }
    let out = y * sigma_daily * (q / v).sqrt() * 100.0;
    if out.is_finite() {
        out.min(100.0)
    } else {
        100.0
    }
}

/// Daily volume left after a depth reduction of `cut_pct` percent (0–99).
pub fn thinned_volume(v: f64, cut_pct: f64) -> f64 {
    let c = if cut_pct.is_finite() { cut_pct.clamp(0.0, 99.0) } else { 0.0 };
    v * (1.0 - c / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_growth_and_long_horizon_share() {
        // P/E 50 at r = 8 %: E/P = 2 %, g = 6 %; (1.06/1.08)^10 = 82.95 %.
        assert!((implied_growth_pct(50.0, 8.0) - 6.0).abs() < 1e-12);
        assert!((share_beyond_pct(50.0, 8.0, 10.0) - 82.951).abs() < 0.001);
        assert_eq!(share_beyond_pct(50.0, 8.0, 0.0), 100.0);
        // A cheaper stock rests less on the far future.
        assert!(share_beyond_pct(15.0, 8.0, 10.0) < share_beyond_pct(50.0, 8.0, 10.0));
    }

    #[test]
    fn impact_grows_as_the_square_root_of_size() {
        let a = sqrt_impact_pct(0.7, 0.03, 1.0e9, 60.0e9);
        let b = sqrt_impact_pct(0.7, 0.03, 4.0e9, 60.0e9);
        assert!((b / a - 2.0).abs() < 1e-12);
    }

    #[test]
    fn impact_doubles_when_volume_falls_to_a_quarter() {
        let a = sqrt_impact_pct(0.7, 0.03, 1.0e9, 60.0e9);
        let b = sqrt_impact_pct(0.7, 0.03, 1.0e9, thinned_volume(60.0e9, 75.0));
        assert!((b / a - 2.0).abs() < 1e-9);
    }

    #[test]
    fn no_selling_no_impact_and_finite_at_extremes() {
        assert_eq!(sqrt_impact_pct(0.7, 0.03, 0.0, 60.0e9), 0.0);
        for q in [0.0, 1.0, 1e12, f64::INFINITY, f64::NAN] {
            for cut in [0.0, 90.0, 99.0, 100.0, f64::NAN] {
                let v = sqrt_impact_pct(0.7, 0.03, q, thinned_volume(3.0e9, cut));
                assert!(v.is_finite() && (0.0..=100.0).contains(&v), "{q} {cut}: {v}");
            }
        }
        for pe in [0.0, 1.0, 1000.0, f64::NAN] {
            assert!(share_beyond_pct(pe, 8.0, 30.0).is_finite());
            assert!(implied_growth_pct(pe, 8.0).is_finite());
        }
    }
}
