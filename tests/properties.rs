//! Property tests over every model function's whole input range: outputs are
//! finite (or a documented `None`) and every loop terminates.

use proptest::prelude::*;
use selloff::format;
use selloff::model::cascade::{self, Contagion, Impact};
use selloff::model::correlation::{fisher_band, forbes_rigobon, one_in_100_loss_pct, portfolio_sd, rolling};
use selloff::model::date::Date;
use selloff::model::leverage::{long_liq_move_pct, short_liq_move_pct};
use selloff::model::liquidity::{implied_growth_pct, share_beyond_pct, sqrt_impact_pct, thinned_volume};
use selloff::model::rates::{self, Profile, DEC_2025};
use selloff::model::returns::{stats, Pair};
use selloff::state::{parse_state, serialise_state};

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1.0e12..1.0e12f64,
        -200.0..200.0f64,
        Just(0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MIN_POSITIVE),
        Just(-0.0),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rates_model_is_finite(p in any_f64(), p_ref in any_f64(), r in any_f64(), g in any_f64(), nb in any_f64(), bb in any_f64(), price in any_f64()) {
        let o = rates::outcome(p, p_ref.clamp(0.0, 1.0), Profile { r_pct: r.clamp(4.0, 15.0), g_pct: g.clamp(0.0, 12.0) }, nb.clamp(0.5, 2.5), bb.clamp(-10.0, 10.0));
        for v in [o.implied.price, o.implied.r_avg_pct, o.implied.r_end_pct, o.dr_pp, o.value_pct, o.broad_pct, o.growth_pct, o.spx_pct, o.nasdaq_pct, o.btc_pct] {
            prop_assert!(v.is_finite());
        }
        let raw = rates::gordon_reprice_pct(Profile { r_pct: r, g_pct: g }, p);
        let inputs_finite = r.is_finite() && g.is_finite();
        prop_assert!(raw.is_finite() || !inputs_finite);
        let q = rates::prob_from_price(price.clamp(90.0, 100.0), DEC_2025);
        prop_assert!(q.is_finite());
    }

    #[test]
    fn liquidity_and_leverage_are_finite(pe in any_f64(), r in -50.0..50.0f64, years in any_f64(), y in any_f64(), s in any_f64(), q in any_f64(), v in any_f64(), cut in any_f64(), lev in any_f64(), m in any_f64()) {
        prop_assert!(implied_growth_pct(pe, r).is_finite());
        prop_assert!(share_beyond_pct(pe, r, years).is_finite());
        let i = sqrt_impact_pct(y, s, q, thinned_volume(v, cut));
        prop_assert!(i.is_finite() && (0.0..=100.0).contains(&i));
        let l = long_liq_move_pct(lev, m);
        prop_assert!(l.is_finite() && (-100.0..=0.0).contains(&l));
        prop_assert!(short_liq_move_pct(lev, m).is_finite());
    }

    #[test]
    fn correlation_tools_are_bounded(rho in any_f64(), n in 0usize..500, vt in any_f64(), vc in any_f64(), w in any_f64(), sb in 0.0..1.0f64, ss in 0.0..1.0f64) {
        let (lo, hi) = fisher_band(rho, n);
        prop_assert!(lo.is_finite() && hi.is_finite() && lo <= hi);
        let fr = forbes_rigobon(rho.clamp(-1.0, 1.0), vt, vc);
        prop_assert!(fr.is_finite() && (-1.0..=1.0).contains(&fr));
        let sd = portfolio_sd(w, sb, ss, rho.clamp(-1.0, 1.0));
        prop_assert!(sd.is_finite() && sd >= 0.0);
        prop_assert!(one_in_100_loss_pct(sd).is_finite());
    }

    #[test]
    fn rolling_statistics_terminate_and_stay_in_range(xs in proptest::collection::vec((-0.5..0.5f64, -0.5..0.5f64), 0..120), w in 0usize..100) {
        let pairs: Vec<Pair> = xs.iter().enumerate().map(|(i, (a, b))| Pair { date: Date::from_days(20_000 + i as i64), spx: *a, btc: *b }).collect();
        for r in rolling(&pairs, w) {
            prop_assert!((-1.0..=1.0).contains(&r.corr) && r.lo <= r.hi);
        }
        if let Some(s) = stats(&pairs) {
            prop_assert!(s.beta.is_finite() && s.corr.is_finite());
        }
    }

    #[test]
    fn cascade_terminates_with_finite_outputs(lev in any_f64(), shock in any_f64(), oi in any_f64(), sigma in any_f64(), vol in any_f64(), phi in any_f64(), beta in any_f64(), n in 0usize..400) {
        let p0 = 92_000.0;
        let pop = cascade::population(n, oi.abs().min(1e13), &cascade::mix_centred_on(lev), 0.004, p0, 3, |r| p0 * (1.0 + 0.05 * r.normal()));
        let c = cascade::run(&pop, p0, shock, Impact { y: 0.7, sigma: sigma.abs().min(1.0), volume: vol }, Some(Contagion { phi, nasdaq: Impact { y: 0.7, sigma: 0.01, volume: vol }, beta: beta.clamp(-10.0, 10.0) }));
        prop_assert!(c.rounds.len() <= cascade::MAX_ROUNDS + 1);
        for v in [c.final_price, c.final_pct, c.liquidated, c.amplification, c.nasdaq_pct] {
            prop_assert!(v.is_finite(), "{:?}", c);
        }
    }

    #[test]
    fn any_link_parses_without_panicking(q in ".{0,300}") {
        let (s, _) = parse_state(&q);
        prop_assert!(s.cut_pct.is_finite() && s.lev_x.is_finite());
        // Whatever came in, what goes out is canonical and stable.
        let out = serialise_state(&s);
        prop_assert_eq!(serialise_state(&parse_state(&out).0), out);
    }

    #[test]
    fn formatting_never_prints_nan_or_inf(v in any_f64(), d in 0usize..6) {
        for s in [format::grouped(v, d), format::pct_signed(v, d), format::usd(v, d), format::usd_millions(v)] {
            prop_assert!(!s.contains("NaN") && !s.contains("inf"), "{}", s);
        }
    }
}
