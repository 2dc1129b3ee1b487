//! The decomposition's identities, over the whole controls table: the parts
//! add to the actual move for both assets, rates reach Bitcoin only through
//! stocks (so Bitcoin's "not explained" does not depend on the cut
//! probability), a hypothetical cascade start never reaches the day's
//! answer, an overshoot is called one, the stability statement agrees with
//! the cascade, and every sentence, bar and table cell the page builds from
//! the model is free of NaN and "−0".

mod common;

use common::{defaults, Decomposed, Page};
use proptest::prelude::*;
use selloff::figures::{answer, liquidations, liquidity, synthesis};
use selloff::scenario::decomposition::{Cause, Decomposition};
use selloff::scenario::model::Model;
use selloff::state::{self, CascadeShock, Horizon, Settings, Spec, Window};
use std::sync::OnceLock;

fn page() -> &'static Page {
    static PAGE: OnceLock<Page> = OnceLock::new();
    PAGE.get_or_init(Page::load)
}

/// Every numeric control of the table, by its spec.
const SPECS: [Spec; 13] = [
    state::CUT,
    state::LEV,
    state::GROWTH_R,
    state::GROWTH_G,
    state::NASDAQ_BETA,
    state::SHOCK,
    state::WEIGHT,
    state::PE,
    state::HORIZON,
    state::SELL,
    state::DEPTH,
    state::PHI,
    state::OI,
];
/// The keys of the other controls, drawn from their choices below.
const CHOICES: [&str; 6] = ["ref", "win", "fr", "lth", "cshock", "span"];

#[test]
fn the_strategy_covers_every_control_of_the_table() {
    let mut keys: Vec<&str> = SPECS.iter().map(|s| s.key).chain(CHOICES).collect();
    keys.sort_unstable();
    let mut table: Vec<&str> = Settings::KEYS.to_vec();
    table.sort_unstable();
    assert_eq!(keys, table, "a control was added to the table: draw it here too");
}

/// A link with every control drawn over its whole range (numbers anywhere
/// in [min, max], each choice among its values), read as the page reads it.
fn any_settings() -> impl Strategy<Value = Settings> {
    let numbers = proptest::collection::vec(0.0..=1.0f64, SPECS.len());
    let refs: Vec<String> = page().basis.readings.iter().map(|r| r.id.clone()).collect();
    (
        numbers,
        0..refs.len(),
        0..Window::ALL.len(),
        any::<bool>(),
        any::<bool>(),
        -31.0..1.0f64,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(u, r, w, fr, lth, shock, manual, two)| {
            let mut q: Vec<String> =
                SPECS.iter().zip(&u).map(|(s, u)| format!("{}={}", s.key, s.min + u * (s.max - s.min))).collect();
            q.push(format!("ref={}", refs[r]));
            q.push(format!("win={}", Window::ALL[w].days()));
            q.push(format!("fr={}", u8::from(fr)));
            q.push(format!("lth={}", u8::from(lth)));
            if manual {
                q.push(format!("cshock={shock}"));
            }
            q.push(format!("span={}", if two { "2w" } else { "day" }));
            state::parse_state(&q.join("&")).0
        })
}

fn adds_up(dec: &Decomposition) {
    let parts: f64 = dec.parts.iter().map(|p| p.value).sum();
    let (modelled, m_lo, m_hi) = dec.modelled();
    let (ne, ne_lo, ne_hi) = dec.not_explained();
    assert!((parts - modelled).abs() < 1e-9);
    assert!((modelled + ne - dec.actual).abs() < 1e-9, "{dec:?}");
    // The ends are whole draws: each end's sum and rest add to the move too.
    assert!((m_lo + ne_hi - dec.actual).abs() < 1e-6 || (m_hi + ne_lo - dec.actual).abs() < 1e-6, "{dec:?}");
    assert!(ne_lo <= ne + 1e-9 && ne <= ne_hi + 1e-9);
    for p in &dec.parts {
        assert!(p.lo <= p.value + 1e-9 && p.value <= p.hi + 1e-9, "{p:?}");
        assert!(p.value.is_finite() && p.lo.is_finite() && p.hi.is_finite(), "{p:?}");
    }
    let bars: f64 = synthesis::waterfall(dec).iter().filter(|s| !s.from_zero).map(|s| s.value).sum();
    assert!((bars - dec.actual).abs() < 1e-9);
    let answer: f64 = answer::bars(dec).iter().map(|b| b.value_pct).sum();
    assert!((answer - dec.actual).abs() < 1e-9);
    // An overshoot is called one, never "not explained".
    let label = synthesis::rest_label(dec);
    assert_eq!(label == synthesis::OVERSHOOT, dec.overshoots());
    if dec.overshoots() {
        assert!(ne * dec.actual < 0.0);
        assert!(synthesis::rest_words(dec).contains("overshoot"));
    }
}

fn clean(text: &str) {
    for bad in ["NaN", "inf%", "∞", "−0.00%", "−0.00个", "+−", "−−", "(−0.00", "-0."] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_setting_decomposes_each_effect_once(s in any_settings()) {
        let page = page();
        let m = page.model(s.clone());
        let d = &m.dec();
        adds_up(&d.btc);
        adds_up(&d.spx);
        // What reaches Bitcoin through stocks is β × the S&P 500's whole move,
        // split by its parts: the S&P 500's parts and its rest, each × β.
        let beta = d.beta.stats.beta;
        let (via, _, _) = d.btc.via_stocks().unwrap();
        prop_assert!((via - beta * d.spx.actual).abs() < 1e-9);
        for p in d.spx.parts.iter() {
            let b = d.btc.part(p.cause).unwrap();
            prop_assert!(b.via_stocks && (b.value - beta * p.value).abs() < 1e-9);
        }
        let rest = d.btc.part(Cause::StockRest).unwrap();
        prop_assert!((rest.value - beta * d.spx.not_explained().0).abs() < 1e-9);
        // No separate Bitcoin rate bar: rates reach it only through stocks,
        // so its "not explained" is the same at any cut probability.
        let other_cut = Settings { cut_pct: 100.0 - s.cut_pct, ..s.clone() };
        let o = page.model(other_cut);
        prop_assert!((o.dec().btc.not_explained().0 - d.btc.not_explained().0).abs() < 1e-9);
        prop_assert_eq!(d.btc.parts.iter().filter(|p| p.cause == Cause::Rates).count(), 1);
        // A hypothetical cascade start drives section 4 only.
        for shock in [CascadeShock::Auto, CascadeShock::Manual(-30.0), CascadeShock::Manual(-1.0)] {
            let h = page.model(Settings { cascade_shock: shock, ..s.clone() });
            prop_assert_eq!(&h.dec(), d);
        }
        // At two weeks, β ends where the two weeks start.
        prop_assert!(d.beta.last <= s.span.start());
        // Everything the page says of it is finite and signed honestly.
        let day = page.basis.stocks_day.as_ref();
        clean(&answer::headline(d, day, s.cut_pct));
        clean(&answer::live_result(d));
        for t in synthesis::cause_sentences(d, s.cut_pct) { clean(&t); }
        // The Chinese edition's sentences too (issue 26).
        clean(&answer::zh::headline(d, day, s.cut_pct));
        clean(&answer::zh::live_result(d));
        for t in synthesis::zh::cause_sentences(d, s.cut_pct) { clean(&t); }
        clean(&synthesis::sentence_spx(d));
        for row in synthesis::contribution_rows(d) { for c in row { clean(&c); } }
        for step in synthesis::waterfall(&d.btc).iter().chain(&synthesis::waterfall(&d.spx)) {
            prop_assert!(step.value.is_finite());
        }
        // The other sections' setting-dependent sentences and tables, from
        // the same model: section 4's cascade, map and stability statement
        // (whose verdict is the cascade's own), section 3's impact, the
        // market-inputs table and the first screen's leverage sentence.
        let c = &*m.cascade;
        let oi_usd = s.oi_bn * 1e9;
        let stability = liquidations::stability_at(&m);
        clean(&stability);
        let kind = liquidations::loop_of(c, oi_usd);
        prop_assert_eq!(stability.contains("the loop runs away"), kind == liquidations::Loop::Exhausted);
        prop_assert_eq!(stability.contains("the loop dies out"), kind == liquidations::Loop::DiesOut);
        prop_assert_eq!(liquidations::settled(c, oi_usd).contains("fixed point"), kind == liquidations::Loop::DiesOut);
        prop_assert!(c.liquidated <= oi_usd * (1.0 + 1e-9));
        clean(&liquidations::summary(Some(c)));
        clean(&liquidations::nasdaq_text(c));
        let bins = liquidations::map_at(&m);
        clean(&liquidations::map_summary(&bins));
        for row in liquidations::round_rows(c).iter().chain(&liquidations::map_rows(&bins)) {
            for cell in row { clean(cell); }
        }
        let mk = selloff::scenario::market(&page.markets).unwrap();
        clean(&liquidity::impact_summary(&m.inputs(), selloff::scenario::selling_usd(&mk, &s)));
        for row in selloff::figures::inputs::rows(&m.inputs(), &page.markets) {
            for cell in row { prop_assert!(!cell.is_empty()); clean(&cell); }
        }
        clean(&selloff::figures::inputs::beta_note(&m.inputs(), &page.markets));
        clean(&answer::leverage_consequence(s.lev_x, selloff::model::leverage::MAINTENANCE));
    }
}

#[test]
fn the_cut_probability_moves_the_stocks_rate_part_not_bitcoins_rest() {
    let page = page();
    let low = page.model(Settings { cut_pct: 0.0, ..defaults() });
    let high = page.model(Settings { cut_pct: 100.0, ..defaults() });
    let rates = |m: &selloff::scenario::model::Model| m.dec().spx.part(Cause::Rates).unwrap().value;
    assert!(rates(&low) < 0.0 && rates(&high) > 0.0);
    // The S&P 500's rest moves the other way; Bitcoin's does not move.
    assert!(low.dec().spx.not_explained().0 > high.dec().spx.not_explained().0);
    assert!((low.dec().btc.not_explained().0 - high.dec().btc.not_explained().0).abs() < 1e-12);
}

#[test]
fn two_weeks_use_a_beta_that_ends_before_the_move() {
    let page = page();
    let two = page.model(Settings { span: Horizon::TwoWeeks, ..defaults() });
    let d = &two.dec();
    assert_eq!(d.beta.last.to_string(), "2025-11-06");
    assert!(d.tech.is_none() && d.spx.part(Cause::Tech).is_none());
    assert!(d.btc.part(Cause::Selling).is_none());
    let day = page.model(defaults());
    assert_eq!(day.dec().beta.last.to_string(), "2025-11-19");
    // The day's liquidations are the same whichever horizon is shown.
    assert_eq!(day.dec().cascade, d.cascade);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The page's path (`Model::next` from the previous setting, reusing
    /// what a move leaves unchanged) gives the model the tests build from
    /// nothing (`Model::at`), for single moves and for jumps.
    #[test]
    fn the_page_path_equals_the_model_from_nothing(a in any_settings(), b in any_settings()) {
        let basis = &page().basis;
        let before = Model::at(basis, &a).unwrap();
        let moves = [
            Settings { cut_pct: b.cut_pct, ..a.clone() },
            Settings { phi_pct: b.phi_pct, depth_cut_pct: b.depth_cut_pct, ..a.clone() },
            Settings { cascade_shock: b.cascade_shock, ..a.clone() },
            Settings { lev_x: b.lev_x, ..a.clone() },
            b.clone(),
        ];
        for (i, s) in moves.iter().enumerate() {
            let next = Model::next(Some(&before), basis, s).unwrap();
            prop_assert_eq!(&next, &Model::at(basis, s).unwrap());
            // Moves that leave leverage and open interest alone keep the population itself.
            if i < 3 {
                prop_assert!(std::sync::Arc::ptr_eq(&next.population, &before.population));
            }
        }
    }
}
