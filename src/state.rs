//! The page's settings: one typed table of every control ([`for_each_control`]),
//! and their URL form (`?v=1&cut=<percent>&lev=<multiple>&…`).
//!
//! Parsing never fails: a missing or unreadable value falls back to its default
//! and an out-of-range one is clamped, each with a notice the page shows, so
//! any link, however mangled, opens a working page. The app reads and writes
//! the address through [`parse_state`] and [`serialise_state`], the same
//! functions the property tests cover.

use crate::format::fmt_num;
use crate::model::date::Date;

/// The schema version of links; a link without `v` is read as version 1.
pub const SCHEMA_V: &str = "1";

/// The five sections of the explanation, in page order. Their ids are the
/// anchors (`#rates`), the `embed=` values and the test ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Rates,
    Tariffs,
    Liquidity,
    Liquidations,
    Synthesis,
}

impl Section {
    pub const ALL: [Section; 5] =
        [Section::Rates, Section::Tariffs, Section::Liquidity, Section::Liquidations, Section::Synthesis];

    pub fn id(self) -> &'static str {
        match self {
            Section::Rates => "rates",
            Section::Tariffs => "tariffs",
            Section::Liquidity => "liquidity",
            Section::Liquidations => "liquidations",
            Section::Synthesis => "synthesis",
        }
    }

    /// The number shown beside the heading (1–5).
    pub fn number(self) -> u8 {
        Section::ALL.iter().position(|s| *s == self).map_or(0, |i| i as u8 + 1)
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Rates => "The Fed's December cut started to look unlikely",
            Section::Tariffs => "The trade war made everything move together",
            Section::Liquidity => "AI valuations wobbled while liquidity thinned",
            Section::Liquidations => "Forced selling fed on itself",
            Section::Synthesis => "All at once: a late-cycle liquidity crisis",
        }
    }

    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// A figure a teacher can embed on its own (`?embed=<section>&fig=<id>`):
/// its element id on the page, the section it belongs to, and its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub id: &'static str,
    pub section: Section,
    pub title: &'static str,
}

/// Every embeddable figure, in page order.
pub const FIGURES: [Figure; 10] = [
    Figure { id: "fedwatch", section: Section::Rates, title: "December cut odds as quoted, 13 Oct – 26 Nov" },
    Figure { id: "rates-textbook", section: Section::Rates, title: "Rate-cut odds and prices: the textbook lens" },
    Figure { id: "rates-empirical", section: Section::Rates, title: "Rate-cut odds and prices: the empirical lens" },
    Figure { id: "correlation", section: Section::Tariffs, title: "Bitcoin and the S&P 500: rolling correlation" },
    Figure { id: "flows", section: Section::Liquidity, title: "Spot Bitcoin ETF flows and Bitcoin's price" },
    Figure { id: "impact", section: Section::Liquidity, title: "Price impact of the day's selling against depth" },
    Figure { id: "cascade", section: Section::Liquidations, title: "The liquidation cascade, round by round" },
    Figure { id: "liqmap", section: Section::Liquidations, title: "Where leveraged longs get liquidated" },
    Figure {
        id: "waterfall-btc",
        section: Section::Synthesis,
        title: "Bitcoin on 20 Nov: what each cause contributes",
    },
    Figure {
        id: "waterfall-spx",
        section: Section::Synthesis,
        title: "The S&P 500 on 20 Nov: what each cause contributes",
    },
];

impl Figure {
    /// The figure `id` of `section`, if there is one.
    pub fn find(section: Section, id: &str) -> Option<Figure> {
        FIGURES.into_iter().find(|f| f.section == section && f.id == id)
    }
}

/// A control's description: its URL key, its label, its default, and how its
/// value is read from and written to a link.
pub trait Control {
    type Value: Clone + PartialEq + std::fmt::Debug + Send + Sync + 'static;
    fn key(&self) -> &'static str;
    fn label(&self) -> &'static str;
    fn default_value(&self) -> Self::Value;
    /// Read a raw link value (`None`: absent). Returns the value and, when the
    /// input was not used as given, a sentence for the reader.
    fn read(&self, raw: Option<&str>) -> (Self::Value, Option<String>);
    /// The value as it is written in a link.
    fn write(&self, v: &Self::Value) -> String;
}

/// One numeric control: its URL key, range, default and rounding step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    pub key: &'static str,
    pub label: &'static str,
    pub min: f64,
    pub max: f64,
    pub default: f64,
    /// Values are rounded to a multiple of this.
    pub step: f64,
    /// What one arrow key press moves the slider by: a useful unit (one
    /// point of probability, one unit of leverage), not the rounding step,
    /// so a keyboard reader is not pressing 300 times.
    pub key_step: f64,
}

/// A control with a few named values (an enum, a bool, a reading).
#[derive(Clone, Copy, Debug)]
pub struct Choice<T: 'static> {
    pub key: &'static str,
    pub label: &'static str,
    pub default: T,
    /// The value a link's text stands for, if it is a valid one.
    pub parse: fn(&str) -> Option<T>,
    pub write: fn(&T) -> String,
}

impl Control for Spec {
    type Value = f64;
    fn key(&self) -> &'static str {
        self.key
    }
    fn label(&self) -> &'static str {
        self.label
    }
    fn default_value(&self) -> f64 {
        self.default
    }
    fn read(&self, raw: Option<&str>) -> (f64, Option<String>) {
        Spec::read(self, raw)
    }
    fn write(&self, v: &f64) -> String {
        fmt_num(*v)
    }
}

impl<T: Clone + PartialEq + std::fmt::Debug + Send + Sync + 'static> Control for Choice<T> {
    type Value = T;
    fn key(&self) -> &'static str {
        self.key
    }
    fn label(&self) -> &'static str {
        self.label
    }
    fn default_value(&self) -> T {
        self.default.clone()
    }
    fn read(&self, raw: Option<&str>) -> (T, Option<String>) {
        match raw {
            None => (self.default.clone(), None),
            Some(r) => match (self.parse)(r) {
                Some(v) => (v, None),
                None => (
                    self.default.clone(),
                    Some(format!(
                        "{}: '{}' is not a valid choice, so '{}' is used.",
                        self.key,
                        excerpt(r),
                        (self.write)(&self.default)
                    )),
                ),
            },
        }
    }
    fn write(&self, v: &T) -> String {
        (self.write)(v)
    }
}

/// December rate-cut probability, percent. Default 39.6 %: a CME FedWatch
/// reading quoted on 20 Nov 2025 (public/data/rates.json).
pub const CUT: Spec = Spec {
    key: "cut",
    label: "December rate-cut probability",
    min: 0.0,
    max: 100.0,
    default: 39.6,
    step: 0.1,
    key_step: 1.0,
};
/// Leverage multiple of crypto and margin traders. Default 10×: a model
/// assumption (no market-wide average leverage figure is bundled).
pub const LEV: Spec =
    Spec { key: "lev", label: "Leverage", min: 1.0, max: 100.0, default: 10.0, step: 0.1, key_step: 1.0 };
pub const GROWTH_R: Spec = Spec {
    key: "gr",
    label: "Growth profile: discount rate r",
    min: 4.0,
    max: 15.0,
    default: 8.0,
    step: 0.1,
    key_step: 0.5,
};
pub const GROWTH_G: Spec = Spec {
    key: "gg",
    label: "Growth profile: long-run growth g",
    min: 0.0,
    max: 12.0,
    default: 6.5,
    step: 0.1,
    key_step: 0.5,
};
pub const NASDAQ_BETA: Spec = Spec {
    key: "nqb",
    label: "Nasdaq beta to the S&P 500 (assumption)",
    min: 0.5,
    max: 2.5,
    default: 1.2,
    step: 0.05,
    key_step: 0.05,
};
/// Default −1.6 %: about the S&P 500's fall on 20 Nov 2025 (−1.56 % in the
/// data), so the synthesis transmits the day's actual stock move; 10 Oct's
/// tariff day was −2.71 %.
pub const SHOCK: Spec =
    Spec { key: "shock", label: "Shock to US stocks", min: -10.0, max: 0.0, default: -1.6, step: 0.1, key_step: 0.1 };
pub const WEIGHT: Spec = Spec {
    key: "wbtc",
    label: "Bitcoin share of a stock + Bitcoin portfolio",
    min: 0.0,
    max: 50.0,
    default: 10.0,
    step: 1.0,
    key_step: 1.0,
};
pub const PE: Spec = Spec {
    key: "pe",
    label: "Price/earnings multiple (your assumption)",
    min: 5.0,
    max: 150.0,
    default: 40.0,
    step: 1.0,
    key_step: 1.0,
};
pub const HORIZON: Spec =
    Spec { key: "hz", label: "Horizon", min: 1.0, max: 30.0, default: 10.0, step: 1.0, key_step: 1.0 };
/// Default $903M: all US spot Bitcoin ETFs' net outflow on 20 Nov 2025 (flows.json).
pub const SELL: Spec = Spec {
    key: "q",
    label: "Net selling to absorb in a day",
    min: 0.0,
    max: 10_000.0,
    default: 903.0,
    step: 1.0,
    key_step: 10.0,
};
pub const DEPTH: Spec =
    Spec { key: "depth", label: "Market depth lost", min: 0.0, max: 90.0, default: 0.0, step: 1.0, key_step: 1.0 };
pub const PHI: Spec = Spec {
    key: "phi",
    label: "Forced crypto sellers who also sell tech stocks (φ)",
    min: 0.0,
    max: 100.0,
    default: 25.0,
    step: 1.0,
    key_step: 1.0,
};
pub const OI: Spec = Spec {
    key: "oi",
    label: "Leveraged long open interest in Bitcoin (assumption)",
    min: 1.0,
    max: 100.0,
    default: 24.0,
    step: 1.0,
    key_step: 1.0,
};

/// The FedWatch reading the rate change is measured from: a date and the
/// quoted probability of a December cut, percent. In links: `YYYY-MM-DD:percent`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateRef {
    pub date: Date,
    pub pct: f64,
}

impl RateRef {
    /// The link form, also the id of a reading (`2025-11-06:64.5`).
    pub fn id(&self) -> String {
        format!("{}:{}", self.date, fmt_num(self.pct))
    }

    pub fn parse(s: &str) -> Option<RateRef> {
        let (d, v) = s.split_once(':')?;
        let pct = crate::format::parse_f64(v).filter(|x| (0.0..=100.0).contains(x))?;
        Some(RateRef { date: Date::parse(d)?, pct })
    }
}

/// 6 Nov 2025, 64.5 %: the CME FedWatch reading of that day (coinpost.ai),
/// the last one above 60 % before the sell-off.
pub const RATE_REF: Choice<RateRef> = Choice {
    key: "ref",
    label: "Reference reading",
    default: RateRef { date: Date { year: 2025, month: 11, day: 6 }, pct: 64.5 },
    parse: RateRef::parse,
    write: RateRef::id,
};

/// The rolling-correlation window, trading days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    D14,
    D30,
    D60,
    D90,
}

impl Window {
    pub const ALL: [Window; 4] = [Window::D14, Window::D30, Window::D60, Window::D90];

    pub fn days(self) -> usize {
        match self {
            Window::D14 => 14,
            Window::D30 => 30,
            Window::D60 => 60,
            Window::D90 => 90,
        }
    }
}

pub const WINDOW: Choice<Window> = Choice {
    key: "win",
    label: "Correlation window",
    default: Window::D30,
    parse: |v| Window::ALL.into_iter().find(|w| w.days().to_string() == v),
    write: |w| w.days().to_string(),
};

/// An on/off control, written `1`/`0` in links.
const fn switch(key: &'static str, label: &'static str) -> Choice<bool> {
    Choice {
        key,
        label,
        default: false,
        parse: |v| match v {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        },
        write: |b| if *b { "1" } else { "0" }.to_string(),
    }
}

pub const VOL_ADJUSTED: Choice<bool> = switch("fr", "Adjust for volatility (Forbes–Rigobon)");
pub const WITH_LTH: Choice<bool> = switch("lth", "Add the long-term holders' claimed selling (contested)");

/// The cascade's initial shock to Bitcoin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CascadeShock {
    /// The day's modelled shock: the S&P 500's fall × β and the day's net selling.
    Auto,
    /// A fall the reader sets, percent (−30…0).
    Manual(f64),
}

impl CascadeShock {
    pub const MIN_PCT: f64 = -30.0;

    /// The manual shock, or `None` for the combined one.
    pub fn pct(self) -> Option<f64> {
        match self {
            CascadeShock::Auto => None,
            CascadeShock::Manual(v) => Some(v),
        }
    }

    /// A manual shock, clamped to −30…0 and rounded to 0.1.
    pub fn manual(v: f64) -> CascadeShock {
        let v = if v.is_finite() { v.clamp(Self::MIN_PCT, 0.0) } else { 0.0 };
        CascadeShock::Manual(((v * 10.0).round() / 10.0) + 0.0)
    }
}

pub const CASCADE_SHOCK: Choice<CascadeShock> = Choice {
    key: "cshock",
    label: "Initial shock to Bitcoin",
    default: CascadeShock::Auto,
    parse: |v| match v {
        "auto" => Some(CascadeShock::Auto),
        _ => {
            crate::format::parse_f64(v).filter(|x| (CascadeShock::MIN_PCT..=0.0).contains(x)).map(CascadeShock::Manual)
        }
    },
    write: |c| match c {
        CascadeShock::Auto => "auto".into(),
        CascadeShock::Manual(v) => fmt_num(*v),
    },
};

/// The span of time the synthesis decomposes: the day itself (19 Nov close
/// to 20 Nov close) or the two weeks before it (6 Nov close to 20 Nov close).
/// Every bar of a decomposition uses the same horizon, so a two-week effect
/// is never counted as the day's move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Horizon {
    Day,
    TwoWeeks,
}

impl Horizon {
    pub const ALL: [Horizon; 2] = [Horizon::Day, Horizon::TwoWeeks];

    /// The link form.
    pub fn key(self) -> &'static str {
        match self {
            Horizon::Day => "day",
            Horizon::TwoWeeks => "2w",
        }
    }

    /// The first close of the horizon (its move is measured from there).
    pub fn start(self) -> Date {
        match self {
            Horizon::Day => Date { year: 2025, month: 11, day: 19 },
            Horizon::TwoWeeks => Date { year: 2025, month: 11, day: 6 },
        }
    }

    /// How the page names it.
    /// "the day, 19 → 20 Nov close".
    pub fn short(self) -> &'static str {
        match self {
            Horizon::Day => "the day, 19 → 20 Nov close",
            Horizon::TwoWeeks => "the two weeks, 6 → 20 Nov close",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Horizon::Day => "the day (19 Nov close to 20 Nov close)",
            Horizon::TwoWeeks => "the two weeks before (6 Nov close to 20 Nov close)",
        }
    }
}

pub const HORIZON_SPAN: Choice<Horizon> = Choice {
    key: "span",
    label: "What the decomposition explains",
    default: Horizon::Day,
    parse: |v| Horizon::ALL.into_iter().find(|h| h.key() == v),
    write: |h| h.key().into(),
};

/// The colour theme: presentation, not part of the model's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    Auto,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    pub fn parse(v: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark, Theme::Auto].into_iter().find(|t| t.name() == v)
    }
}

pub const THEME: Choice<Theme> =
    Choice { key: "theme", label: "Theme", default: Theme::Auto, parse: Theme::parse, write: |t| t.name().into() };

/// Presentation: show a section's questions for class in an embed (`questions=1`).
pub const QUESTIONS: Choice<bool> = switch("questions", "Questions for class");

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

macro_rules! settings_struct {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty = $desc:expr, $section:ident; )*) => {
        /// Every control of the page, typed. Always holds valid, clamped values.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Settings {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        impl Default for Settings {
            /// The 20 Nov values, as documented on each control.
            fn default() -> Settings {
                Settings { $( $field: Control::default_value(&$desc), )* }
            }
        }

        impl Settings {
            /// Every control's URL key, in link order.
            pub const KEYS: &'static [&'static str] = &[$( $desc.key, )*];

            /// Read every control from a query: defaults for missing values,
            /// clamping and a notice for bad ones.
            fn read(query: &str, notices: &mut Vec<String>) -> Settings {
                let pairs = query_pairs(query);
                let raw = |k: &str| pairs.iter().rev().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
                Settings {
                    $( $field: {
                        let (v, n) = Control::read(&$desc, raw($desc.key));
                        notices.extend(n);
                        v
                    }, )*
                }
            }

            /// The URL keys of the controls whose value differs from the default.
            pub fn changed_keys(&self) -> Vec<&'static str> {
                let d = Settings::default();
                let mut keys = Vec::new();
                $( if self.$field != d.$field { keys.push($desc.key); } )*
                keys
            }

            /// `(key, value)` of every control as written in a link, in link order.
            pub fn pairs(&self) -> Vec<(&'static str, String)> {
                vec![$( ($desc.key, Control::write(&$desc, &self.$field)), )*]
            }

            /// The keys of the controls that `section` owns (its Reset resets them).
            pub fn keys_of(section: Section) -> Vec<&'static str> {
                let mut keys = Vec::new();
                $( if section == Section::$section { keys.push($desc.key); } )*
                keys
            }

            /// `self` with the controls `section` owns back at their defaults.
            pub fn reset_section(&self, section: Section) -> Settings {
                let d = Settings::default();
                Settings {
                    $( $field: if section == Section::$section { d.$field } else { self.$field.clone() }, )*
                }
            }
        }
    };
}
for_each_control!(settings_struct);

impl Settings {
    /// The rates section's growth profile.
    pub fn growth(&self) -> crate::model::rates::Profile {
        crate::model::rates::Profile { r_pct: self.growth_r_pct, g_pct: self.growth_g_pct }
    }
}

/// Read the whole page state from a query (with or without `?`). Never fails:
/// the notices say which values were not used as given.
pub fn parse_state(query: &str) -> (Settings, Vec<String>) {
    let mut notices = Vec::new();
    if let Some(v) = get_param(query, "v") {
        if v != SCHEMA_V {
            notices.push(format!("v: this link says version '{}'; it is read as version {SCHEMA_V}.", excerpt(&v)));
        }
    }
    let settings = Settings::read(query, &mut notices);
    (settings, notices)
}

/// The over-specified link for a state: `v`, then every control.
pub fn serialise_state(s: &Settings) -> String {
    set_params("", &state_params(s))
}

/// `v` and every control, as `(key, value)` pairs in link order.
pub fn state_params(s: &Settings) -> Vec<(&'static str, String)> {
    let mut params = vec![("v", SCHEMA_V.to_string())];
    params.extend(s.pairs());
    params
}

/// `query` with every control (and `v`) set from `s`, every other parameter
/// kept in place. Returns the query without a leading `?`.
pub fn with_state(query: &str, s: &Settings) -> String {
    set_params(query, &state_params(s))
}

impl Spec {
    /// Clamp to the range and round to the step. Non-finite input: +∞ → max,
    /// −∞ → min, NaN → default.
    pub fn clamp(&self, v: f64) -> f64 {
        if v.is_nan() {
            return self.default;
        }
        let v = v.clamp(self.min, self.max);
        let r = (v / self.step).round() * self.step;
        // Rounding can step a hair outside the range or leave float noise.
        (r.clamp(self.min, self.max) * 1e6).round() / 1e6
    }

    /// Read this control from a raw query value. Returns the value and, when the
    /// input was not used as given, a sentence for the reader.
    pub fn read(&self, raw: Option<&str>) -> (f64, Option<String>) {
        let Some(raw) = raw else { return (self.default, None) };
        let shown = excerpt(raw);
        let text = raw.trim().trim_end_matches('%').trim_end_matches(['x', 'X', '×']);
        let not_a_number =
            || format!("{}: '{shown}' is not a number, so the default {} is used.", self.key, fmt_num(self.default));
        match crate::format::parse_f64(text) {
            Some(v) if v.is_nan() => (self.default, Some(not_a_number())),
            Some(v) => {
                let c = self.clamp(v);
                if v < self.min || v > self.max {
                    let note = format!(
                        "{}: '{shown}' is outside {}–{}, so {} is used.",
                        self.key,
                        fmt_num(self.min),
                        fmt_num(self.max),
                        fmt_num(c)
                    );
                    (c, Some(note))
                } else {
                    (c, None)
                }
            }
            None => (self.default, Some(not_a_number())),
        }
    }
}

/// Set `params` in `query`: an existing key keeps its place, a new key is
/// appended. Returns the query without a leading `?`.
pub fn set_params(query: &str, params: &[(&str, String)]) -> String {
    let mut pairs = query_pairs(query);
    // Repeated keys collapse to one, so the URL says one thing.
    for (key, value) in params {
        let mut seen = false;
        pairs.retain_mut(|(k, v)| {
            if k != key {
                return true;
            }
            if seen {
                return false;
            }
            seen = true;
            *v = value.clone();
            true
        });
        if !seen {
            pairs.push((key.to_string(), value.clone()));
        }
    }
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// The last value of `key` in `query`, decoded.
pub fn get_param(query: &str, key: &str) -> Option<String> {
    query_pairs(query).into_iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Split `a=1&b=2` into decoded pairs; a key with no `=` gets an empty value.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// application/x-www-form-urlencoded decoding; invalid escapes are kept as text.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// At most 24 characters of a reader's input, for quoting it back safely.
fn excerpt(raw: &str) -> String {
    let mut s: String = raw.chars().take(24).collect();
    if raw.chars().count() > 24 {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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
