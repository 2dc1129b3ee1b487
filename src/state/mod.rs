//! The page's settings: one typed table of every control ([`for_each_control`]),
//! and their URL form (`?v=1&cut=<percent>&lev=<multiple>&…`).
//!
//! Parsing never fails: a missing or unreadable value falls back to its default
//! and an out-of-range one is clamped, each with a notice the page shows, so
//! any link, however mangled, opens a working page. The app reads and writes
//! the address through [`parse_state`] and [`serialise_state`], the same
//! functions the property tests cover.

// The files, lowest first: the outline, query strings, the controls (the
// table below is theirs), links.
/// The one declaration of the page's controls: field, value type, description
/// and the section that owns it (its Reset button resets it), in link order.
/// Every use is generated from it by a macro passed as `$m`: the [`Settings`]
/// struct, its defaults, link parsing and writing, and in the app the signals,
/// their URL sync and Reset. Adding a control is one line here plus the code
/// that uses its value.
macro_rules! for_each_control {
    ($m:ident) => {
        $m! {
            /// Probability of a 25 bp December cut, percent (0–100).
            cut_pct: f64 = $crate::state::CUT, Rates;
            /// Leverage multiple (1–100).
            lev_x: f64 = $crate::state::LEV, Liquidations;
            /// Growth profile of the rates section: discount rate r, percent.
            growth_r_pct: f64 = $crate::state::GROWTH_R, Rates;
            /// Growth profile: long-run growth g, percent.
            growth_g_pct: f64 = $crate::state::GROWTH_G, Rates;
            /// Assumed beta of the Nasdaq Composite to the S&P 500.
            nasdaq_beta: f64 = $crate::state::NASDAQ_BETA, Rates;
            /// A tariff shock to US stocks, percent (≤ 0).
            stock_shock_pct: f64 = $crate::state::SHOCK, Tariffs;
            /// Share of a two-asset portfolio in Bitcoin, percent.
            btc_weight_pct: f64 = $crate::state::WEIGHT, Tariffs;
            /// Price/earnings multiple of an AI leader: the reader's assumption.
            pe: f64 = $crate::state::PE, Liquidity;
            /// Horizon for "how much of the price rests on later profits", years.
            horizon_y: f64 = $crate::state::HORIZON, Liquidity;
            /// Net selling to absorb in a day, US$ millions.
            sell_usd_m: f64 = $crate::state::SELL, Liquidity;
            /// Reduction of market depth (daily volume), percent.
            depth_cut_pct: f64 = $crate::state::DEPTH, Liquidity;
            /// Share of forced crypto selling matched by tech-stock selling, percent.
            phi_pct: f64 = $crate::state::PHI, Liquidations;
            /// Long open interest in Bitcoin, US$ billions (assumption).
            oi_bn: f64 = $crate::state::OI, Liquidations;
            /// The FedWatch reading the rate change is measured from.
            rate_ref: $crate::state::RateRef = $crate::state::RATE_REF, Rates;
            /// Rolling-correlation window.
            corr_window: $crate::state::Window = $crate::state::WINDOW, Tariffs;
            /// Show the Forbes–Rigobon volatility-adjusted correlation.
            corr_adjusted: bool = $crate::state::VOL_ADJUSTED, Tariffs;
            /// Add the (contested) long-term-holder selling.
            with_lth: bool = $crate::state::WITH_LTH, Liquidity;
            /// The cascade's initial shock.
            cascade_shock: $crate::state::CascadeShock = $crate::state::CASCADE_SHOCK, Liquidations;
            /// The horizon of the synthesis's decomposition.
            span: $crate::state::Horizon = $crate::state::HORIZON_SPAN, Synthesis;
        }
    };
}
#[allow(unused_imports)] // used by `context`, which only exists in the wasm build
pub(crate) use for_each_control;

mod controls;
mod link;
mod outline;
mod query;

pub use controls::*;
pub use link::*;
pub use outline::*;
pub use query::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fmt_num;

    fn cut_lev(q: &str) -> (f64, f64, Vec<String>) {
        let (s, n) = parse_state(q);
        (s.cut_pct, s.lev_x, n)
    }

    #[test]
    fn valid_values_are_read() {
        let (c, l, n) = cut_lev("?cut=70&lev=25");
        assert_eq!((c, l), (70.0, 25.0));
        assert!(n.is_empty());
        let (c, l, _) = cut_lev("cut=39.6&lev=2.5");
        assert_eq!(c, 39.6);
        assert_eq!(l, 2.5);
        // Units written by hand are accepted.
        let (c, l, _) = cut_lev("cut=55%25&lev=20x");
        assert_eq!((c, l), (55.0, 20.0));
    }

    #[test]
    fn missing_values_use_documented_defaults() {
        let (s, n) = parse_state("");
        assert_eq!(s, Settings::default());
        assert_eq!((s.cut_pct, s.lev_x), (39.6, 10.0));
        assert!(n.is_empty());
        assert_eq!(parse_state("?embed=rates").0, Settings::default());
    }

    #[test]
    fn garbage_falls_back_with_a_notice() {
        let (c, l, n) = cut_lev("cut=abc&lev=");
        assert_eq!((c, l), (39.6, 10.0));
        assert_eq!(n.len(), 2);
        assert_eq!(n[0], "cut: 'abc' is not a number, so the default 39.6 is used.");
        let (c, l, n) = cut_lev("cut=%3Cscript%3E&lev=%ZZ");
        assert_eq!((c, l), (39.6, 10.0));
        assert!(n[0].contains("'<script>'"));
    }

    #[test]
    fn out_of_range_is_clamped() {
        let (c, l, n) = cut_lev("cut=150&lev=0");
        assert_eq!((c, l), (100.0, 1.0));
        assert_eq!(n[0], "cut: '150' is outside 0–100, so 100 is used.");
        // A negative range reads with true minus signs (the reader's own text as typed).
        let (s, n) = parse_state("?shock=-50");
        assert_eq!(s.stock_shock_pct, SHOCK.min);
        assert_eq!(n[0], "shock: '-50' is outside \u{2212}10–0, so \u{2212}10 is used.");
        let (c, l, _) = cut_lev("cut=-5&lev=-1e6");
        assert_eq!((c, l), (0.0, 1.0));
    }

    #[test]
    fn nan_and_infinity_text() {
        let (c, l, n) = cut_lev("cut=abc&lev=1e999");
        assert_eq!(c, 39.6);
        assert_eq!(l, 100.0);
        assert_eq!(n.len(), 2);
        let (c, l, _) = cut_lev("cut=NaN&lev=-inf");
        assert_eq!((c, l), (39.6, 1.0));
        let (c, l, _) = cut_lev("cut=infinity&lev=nan");
        assert_eq!((c, l), (100.0, 10.0));
        for v in [c, l] {
            assert!(v.is_finite());
        }
    }

    #[test]
    fn arrow_keys_move_by_a_useful_unit() {
        assert_eq!(CUT.key_step, 1.0);
        assert_eq!(LEV.key_step, 1.0);
        for spec in [CUT, LEV, GROWTH_R, GROWTH_G, NASDAQ_BETA, SHOCK, WEIGHT, PE, HORIZON, SELL, DEPTH, PHI, OI] {
            let k = spec.key_step / spec.step;
            assert!((k - k.round()).abs() < 1e-9 && k >= 1.0, "{}: key step not a multiple of the step", spec.key);
        }
    }

    #[test]
    fn rounding_to_step() {
        assert_eq!(CUT.clamp(39.64), 39.6);
        assert_eq!(CUT.clamp(99.99), 100.0);
        assert_eq!(LEV.clamp(0.96), 1.0);
        assert_eq!(fmt_num(CUT.clamp(0.1 + 0.2)), "0.3");
    }

    #[test]
    fn writing_keeps_other_params_and_round_trips() {
        let s = Settings { cut_pct: 72.5, lev_x: 20.0, ..Settings::default() };
        let q = with_state("?embed=rates&cut=10&x=a%20b", &s);
        assert!(q.starts_with("embed=rates&cut=72.5&x=a%20b&v=1&lev=20&"), "{q}");
        assert_eq!(parse_state(&q).0, s);
        let long = "9".repeat(5000);
        let (c, _, n) = cut_lev(&format!("cut={long}"));
        assert_eq!(c, 100.0);
        assert!(n[0].chars().count() < 80);
    }

    #[test]
    fn set_params_keeps_order_and_collapses_repeats() {
        assert_eq!(set_params("a=1&cut=2&cut=3&b=4", &[("cut", "5".into())]), "a=1&cut=5&b=4");
        assert_eq!(set_params("", &[("ref", "2025-11-06:64.5".into())]), "ref=2025-11-06%3A64.5");
        assert_eq!(get_param("ref=2025-11-06%3A64.5", "ref").as_deref(), Some("2025-11-06:64.5"));
        assert_eq!(get_param("a=1", "ref"), None);
    }

    #[test]
    fn full_state_round_trips() {
        // Defaults: parse an empty link, serialise, parse again.
        let (s, n) = parse_state("");
        assert!(n.is_empty());
        let q = serialise_state(&s);
        assert!(q.starts_with("v=1&cut=39.6&lev=10&"), "{q}");
        let (s2, n2) = parse_state(&q);
        assert!(n2.is_empty());
        assert_eq!(s2, s);
        assert_eq!(serialise_state(&s2), q);
        // A non-default canonical link is a fixed point of parse → serialise.
        let q = "v=1&cut=72.5&lev=25&gr=9&gg=7.1&nqb=1.35&shock=-4.2&wbtc=20&pe=60&hz=15&q=1500&depth=40&phi=50&oi=30\
&ref=2025-10-13%3A95&win=14&fr=1&lth=1&cshock=-3.5&span=2w";
        let (s, n) = parse_state(q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(serialise_state(&s), q);
    }

    #[test]
    fn bad_values_in_a_full_link_are_reported() {
        let (s, n) = parse_state("v=9&win=7&cshock=-99&oi=1e9");
        assert_eq!(s.corr_window, Window::D30);
        assert_eq!(s.oi_bn, 100.0);
        assert_eq!(s.cascade_shock, CascadeShock::Auto);
        assert_eq!(n.len(), 4, "{n:?}");
        assert!(n.contains(&"win: '7' is not a valid choice, so '30' is used.".to_string()), "{n:?}");
    }

    #[test]
    fn last_value_wins_for_repeated_keys() {
        assert_eq!(cut_lev("cut=10&cut=20").0, 20.0);
    }

    #[test]
    fn every_control_has_a_distinct_key_and_an_owner() {
        let mut keys = Settings::KEYS.to_vec();
        assert_eq!(keys.len(), 19);
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Settings::KEYS.len(), "duplicate URL key");
        let owned: usize = Section::ALL.iter().map(|s| Settings::keys_of(*s).len()).sum();
        assert_eq!(owned, Settings::KEYS.len());
        assert_eq!(Settings::keys_of(Section::Synthesis), ["span"]);
        assert_eq!(Settings::keys_of(Section::Rates), ["cut", "gr", "gg", "nqb", "ref"]);
    }

    #[test]
    fn section_reset_touches_only_its_own_controls() {
        let moved = parse_state("cut=90&lev=50&win=90&q=10&phi=80").0;
        let r = moved.reset_section(Section::Liquidations);
        assert_eq!((r.lev_x, r.phi_pct), (10.0, 25.0));
        assert_eq!((r.cut_pct, r.corr_window, r.sell_usd_m), (90.0, Window::D90, 10.0));
        let all = Section::ALL.iter().fold(moved, |s, sec| s.reset_section(*sec));
        assert_eq!(all, Settings::default());
    }

    #[test]
    fn sections_in_page_order() {
        let ids: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, ["rates", "tariffs", "liquidity", "liquidations", "synthesis"]);
        assert_eq!(Section::Liquidity.number(), 3);
        assert_eq!(Section::from_id("synthesis"), Some(Section::Synthesis));
        assert_eq!(Section::from_id("x"), None);
    }

    #[test]
    fn figures_belong_to_sections_and_have_distinct_ids() {
        let mut ids: Vec<&str> = FIGURES.iter().map(|f| f.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), FIGURES.len());
        assert_eq!(Figure::find(Section::Tariffs, "correlation").map(|f| f.title.len() > 10), Some(true));
        assert_eq!(Figure::find(Section::Rates, "correlation"), None, "a figure is embedded with its own section");
        for s in [Section::Rates, Section::Tariffs, Section::Liquidity, Section::Liquidations, Section::Synthesis] {
            assert!(FIGURES.iter().any(|f| f.section == s), "{s:?} has no figure");
        }
    }

    #[test]
    fn typed_choices_read_and_write() {
        let (s, n) = parse_state("ref=2025-10-13:95&fr=1&lth=0&cshock=-3.5&theme=dark&span=2w");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.span, Horizon::TwoWeeks);
        assert_eq!(parse_state("span=week").0.span, Horizon::Day);
        assert_eq!(s.rate_ref.id(), "2025-10-13:95");
        assert!(s.corr_adjusted && !s.with_lth);
        assert_eq!(s.cascade_shock, CascadeShock::Manual(-3.5));
        assert_eq!(Control::read(&THEME, Some("dark")).0, Theme::Dark);
        assert!(Control::read(&THEME, Some("neon")).1.is_some());
        assert_eq!(CascadeShock::manual(-99.0), CascadeShock::Manual(-30.0));
        assert_eq!(CascadeShock::manual(f64::NAN), CascadeShock::Manual(0.0));
        for bad in ["2025-13-01:50", "2025-11-06:101", "2025-11-06", "x:1"] {
            assert_eq!(RateRef::parse(bad), None, "{bad}");
        }
    }
}
