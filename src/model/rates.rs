//! Cause 1: from December rate-cut odds to expected rates to prices.
//!
//! * FedWatch mechanics (CME Group, "CME FedWatch Tool methodology"): the
//!   30-day fed funds future for a month settles at 100 − the month's average
//!   effective rate, so R_avg = 100 − P. With the meeting's decision in force
//!   after day d of N, R_avg = (d·R_start + (N−d)·R_end)/N, and the probability
//!   of a 25 bp cut is p = (R_start − R_end)/0.25.
//! * Textbook lens: Gordon growth model P = D/(r − g), so a shift Δr reprices
//!   by (r − g)/(r + Δr − g) − 1.
//! * Empirical lens: an unexpected 25 bp move in the policy rate moves broad US
//!   stock indexes by about 1 % in the opposite direction (Bernanke & Kuttner,
//!   "What Explains the Stock Market's Reaction to Federal Reserve Policy?",
//!   Journal of Finance 60(3), 2005), scaled by an asset's beta.
//!
//! Rates are in percent (3.88 = 3.88 %), probabilities in [0, 1].

/// The size of one cut, percentage points.
pub const CUT_SIZE_PP: f64 = 0.25;

/// The December 2025 futures month: N days, meeting decision in force after day d.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FuturesMonth {
    pub days: f64,
    pub days_before_meeting: f64,
    /// The effective rate before the meeting, percent.
    pub r_start_pct: f64,
}

/// December 2025: 31 days; the 9–10 Dec decision applies from 11 Dec, so 10
/// days at the old rate. R_start 3.88 % is the model's stated assumption (no
/// fed funds rate is in the bundled data).
pub const DEC_2025: FuturesMonth = FuturesMonth { days: 31.0, days_before_meeting: 10.0, r_start_pct: 3.88 };

/// What a cut probability implies for the month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Implied {
    /// Rate after the meeting, percent.
    pub r_end_pct: f64,
    /// Month-average rate, percent.
    pub r_avg_pct: f64,
    /// Futures price, 100 − R_avg.
    pub price: f64,
}

/// From a cut probability (clamped to [0, 1]) to the implied rates and price.
pub fn implied(p_cut: f64, m: FuturesMonth) -> Implied {
    let p = if p_cut.is_finite() { p_cut.clamp(0.0, 1.0) } else { 0.0 };
    let r_end = m.r_start_pct - CUT_SIZE_PP * p;
    let r_avg = (m.days_before_meeting * m.r_start_pct + (m.days - m.days_before_meeting) * r_end) / m.days;
    Implied { r_end_pct: r_end, r_avg_pct: r_avg, price: 100.0 - r_avg }
}

/// From a futures price back to the cut probability (not clamped: a price
/// outside the one-cut range gives p < 0 or p > 1, as FedWatch then reports
/// odds of a hike or of two cuts). A non-finite price gives 0.
pub fn prob_from_price(price: f64, m: FuturesMonth) -> f64 {
    if !price.is_finite() {
        return 0.0;
    }
    let r_avg = 100.0 - price;
    let r_end = (m.days * r_avg - m.days_before_meeting * m.r_start_pct) / (m.days - m.days_before_meeting);
    (m.r_start_pct - r_end) / CUT_SIZE_PP
}

/// Change in the expected December rate when the cut probability moves from
/// `p_ref` to `p`, in percentage points (positive = higher rates).
pub fn expected_rate_change_pp(p_ref: f64, p: f64) -> f64 {
    -CUT_SIZE_PP * (p - p_ref)
}

/// A Gordon-growth profile: discount rate r and growth g, both in percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Profile {
    pub r_pct: f64,
    pub g_pct: f64,
}

/// The smallest spread r − g allowed, percentage points. Below it the Gordon
/// price explodes (and at r ≤ g it does not exist), so inputs are clamped.
pub const MIN_SPREAD_PP: f64 = 0.5;

/// Exact Gordon repricing for a shift `dr_pp` in the discount rate, percent
/// (−14.3 = −14.3 %). The spread after the shift is kept ≥ MIN_SPREAD_PP.
pub fn gordon_reprice_pct(profile: Profile, dr_pp: f64) -> f64 {
    let spread = (profile.r_pct - profile.g_pct).max(MIN_SPREAD_PP);
    let dr = if dr_pp.is_finite() { dr_pp } else { 0.0 };
    let after = (spread + dr).max(MIN_SPREAD_PP);
    (spread / after - 1.0) * 100.0
}

/// Bernanke & Kuttner's sensitivity: percent move of a broad index per
/// percentage point of unexpected policy-rate change (−1 % per 25 bp).
pub const BK_PCT_PER_PP: f64 = -4.0;

/// Empirical repricing, percent: BK sensitivity × beta × rate change.
pub fn empirical_reprice_pct(beta: f64, dr_pp: f64) -> f64 {
    let v = BK_PCT_PER_PP * beta * dr_pp;
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// The share of an actual move that a model move explains, percent; `None`
/// when the actual move is too small for a share to mean anything.
pub fn share_explained_pct(model_pct: f64, actual_pct: f64) -> Option<f64> {
    (actual_pct.abs() >= 0.05 && model_pct.is_finite()).then(|| model_pct / actual_pct * 100.0)
}

/// The three textbook profiles of the source model: value r 8 % g 3 %, broad
/// market g 5 %, and a reader-set growth profile (default r 8 % g 6.5 %).
pub const VALUE: Profile = Profile { r_pct: 8.0, g_pct: 3.0 };
pub const BROAD: Profile = Profile { r_pct: 8.0, g_pct: 5.0 };

/// Everything the rates section shows for one setting of its inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub implied: Implied,
    /// Change in the expected December rate against the reference, pp.
    pub dr_pp: f64,
    /// Textbook repricing, percent.
    pub value_pct: f64,
    pub broad_pct: f64,
    pub growth_pct: f64,
    /// Empirical repricing, percent.
    pub spx_pct: f64,
    pub nasdaq_pct: f64,
    pub btc_pct: f64,
}

/// `p` and `p_ref` in [0, 1]; betas are to the S&P 500.
pub fn outcome(p: f64, p_ref: f64, growth: Profile, nasdaq_beta: f64, btc_beta: f64) -> Outcome {
    let dr = expected_rate_change_pp(p_ref, p);
    let dr = if dr.is_finite() { dr } else { 0.0 };
    Outcome {
        implied: implied(p, DEC_2025),
        dr_pp: dr,
        value_pct: gordon_reprice_pct(VALUE, dr),
        broad_pct: gordon_reprice_pct(BROAD, dr),
        growth_pct: gordon_reprice_pct(growth, dr),
        spx_pct: empirical_reprice_pct(1.0, dr),
        nasdaq_pct: empirical_reprice_pct(nasdaq_beta, dr),
        btc_pct: empirical_reprice_pct(btc_beta, dr),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_at_the_real_change() {
        // 64.5 % (6 Nov) → 39.6 % (20 Nov): expected December rate +6.2 bp.
        let o = outcome(0.396, 0.645, Profile { r_pct: 8.0, g_pct: 6.5 }, 1.2, 2.0);
        assert!((o.dr_pp - 0.06225).abs() < 1e-9);
        assert!((o.spx_pct - (-0.249)).abs() < 1e-9);
        assert!((o.btc_pct - (-0.498)).abs() < 1e-9);
        assert!(o.growth_pct < o.broad_pct && o.broad_pct < o.value_pct && o.value_pct < 0.0);
        let same = outcome(0.5, 0.5, Profile { r_pct: 8.0, g_pct: 6.5 }, 1.2, 2.0);
        assert_eq!(same.spx_pct, 0.0);
        assert_eq!(same.growth_pct, 0.0);
    }

    const M: FuturesMonth = FuturesMonth { days: 31.0, days_before_meeting: 10.0, r_start_pct: 3.88 };

    #[test]
    fn fedwatch_test_vectors() {
        assert!((implied(0.5, M).price - 96.2047).abs() < 1e-4);
        assert!((implied(0.0, M).price - 96.1200).abs() < 1e-4);
        assert!((implied(1.0, M).price - 96.2894).abs() < 1e-4);
        assert!((prob_from_price(96.205, M) - 0.502).abs() < 1e-3);
        assert!((implied(0.5, M).r_end_pct - 3.755).abs() < 1e-12);
    }

    #[test]
    fn inverse_round_trips() {
        for i in 0..=100 {
            let p = i as f64 / 100.0;
            assert!((prob_from_price(implied(p, M).price, M) - p).abs() < 1e-9);
        }
    }

    #[test]
    fn gordon_profiles_at_plus_25bp() {
        let v = gordon_reprice_pct(Profile { r_pct: 8.0, g_pct: 3.0 }, 0.25);
        let b = gordon_reprice_pct(Profile { r_pct: 8.0, g_pct: 5.0 }, 0.25);
        let ai = gordon_reprice_pct(Profile { r_pct: 8.0, g_pct: 6.5 }, 0.25);
        assert!((v - (-4.76)).abs() < 0.01, "{v}");
        assert!((b - (-7.69)).abs() < 0.01, "{b}");
        assert!((ai - (-14.29)).abs() < 0.01, "{ai}");
        assert_eq!(gordon_reprice_pct(Profile { r_pct: 8.0, g_pct: 3.0 }, 0.0), 0.0);
    }

    #[test]
    fn gordon_stays_finite_when_growth_reaches_the_discount_rate() {
        for g in [7.9, 8.0, 50.0, f64::INFINITY] {
            for dr in [-1.0, -0.25, 0.0, 0.25, f64::NAN] {
                assert!(gordon_reprice_pct(Profile { r_pct: 8.0, g_pct: g }, dr).is_finite());
            }
        }
    }

    #[test]
    fn empirical_lens_is_one_percent_per_25bp() {
        assert!((empirical_reprice_pct(1.0, 0.25) - (-1.0)).abs() < 1e-12);
        assert!((empirical_reprice_pct(2.0, -0.25) - 2.0).abs() < 1e-12);
    }

    /// Property over the whole slider range: a higher cut probability never
    /// lowers a price, under either lens, for any profile.
    #[test]
    fn higher_cut_probability_never_lowers_a_price() {
        let profiles = [
            Profile { r_pct: 8.0, g_pct: 3.0 },
            Profile { r_pct: 8.0, g_pct: 5.0 },
            Profile { r_pct: 8.0, g_pct: 6.5 },
            Profile { r_pct: 5.0, g_pct: 4.9 },
        ];
        for p_ref in [0.0, 0.3, 0.645, 1.0] {
            let mut prev: Option<Vec<f64>> = None;
            for i in 0..=1000 {
                let p = i as f64 / 1000.0;
                let dr = expected_rate_change_pp(p_ref, p);
                let mut now: Vec<f64> = profiles.iter().map(|pr| gordon_reprice_pct(*pr, dr)).collect();
                now.extend([0.0, 0.5, 1.0, 1.8, 3.0].iter().map(|b| empirical_reprice_pct(*b, dr)));
                if let Some(prev) = &prev {
                    for (a, b) in prev.iter().zip(&now) {
                        assert!(b >= a, "price fell as p rose to {p}: {a} → {b}");
                    }
                }
                prev = Some(now);
            }
        }
    }

    #[test]
    fn share_explained() {
        assert!((share_explained_pct(-0.25, -1.56).unwrap() - 16.03).abs() < 0.01);
        assert_eq!(share_explained_pct(-0.25, 0.0), None);
    }
}
