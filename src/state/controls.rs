//! The controls: what a control is ([`Control`]: a numeric [`Spec`] or a
//! [`Choice`]), each one's range and default, and [`Settings`], generated from
//! the one table ([`for_each_control`](super::for_each_control)).

use super::outline::Section;
use super::query::{excerpt, query_pairs};
use crate::format::{fmt_num, num_prose};
use crate::model::date::Date;

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
                    Some(tr!(
                        format!(
                            "{}: '{}' is not a valid choice, so '{}' is used.",
                            self.key,
                            excerpt(r),
                            (self.write)(&self.default)
                        ),
                        format!(
                            "{}：“{}”不是有效选项，已改用“{}”。",
                            self.key,
                            excerpt(r),
                            (self.write)(&self.default)
                        )
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
    label: tr!("December rate-cut probability", "12月降息概率"),
    min: 0.0,
    max: 100.0,
    default: 39.6,
    step: 0.1,
    key_step: 1.0,
};
/// Leverage multiple of crypto and margin traders. Default 10×: a model
/// assumption (no market-wide average leverage figure is bundled).
pub const LEV: Spec =
    Spec {
        key: "lev", label: tr!("Leverage", "杠杆"), min: 1.0, max: 100.0, default: 10.0, step: 0.1, key_step: 1.0
    };
pub const GROWTH_R: Spec = Spec {
    key: "gr",
    label: tr!("Growth profile: discount rate r", "成长股情景：贴现率r"),
    min: 4.0,
    max: 15.0,
    default: 8.0,
    step: 0.1,
    key_step: 0.5,
};
pub const GROWTH_G: Spec = Spec {
    key: "gg",
    label: tr!("Growth profile: long-run growth g", "成长股情景：长期增长率g"),
    min: 0.0,
    max: 12.0,
    default: 6.5,
    step: 0.1,
    key_step: 0.5,
};
pub const NASDAQ_BETA: Spec = Spec {
    key: "nqb",
    label: tr!("Nasdaq beta to the S&P 500 (assumption)", "纳斯达克综合指数对标普500的β系数（假设）"),
    min: 0.5,
    max: 2.5,
    default: 1.2,
    step: 0.05,
    key_step: 0.05,
};
/// Default −1.6 %: about the S&P 500's fall on 20 Nov 2025 (−1.56 % in the
/// data), so the synthesis transmits the day's actual stock move; 10 Oct's
/// tariff day was −2.71 %.
pub const SHOCK: Spec = Spec {
    key: "shock",
    label: tr!("Shock to US stocks", "美股所受冲击"),
    min: -10.0,
    max: 0.0,
    default: -1.6,
    step: 0.1,
    key_step: 0.1,
};
pub const WEIGHT: Spec = Spec {
    key: "wbtc",
    label: tr!("Bitcoin share of a stock + Bitcoin portfolio", "股票+比特币组合中比特币的占比"),
    min: 0.0,
    max: 50.0,
    default: 10.0,
    step: 1.0,
    key_step: 1.0,
};
pub const PE: Spec = Spec {
    key: "pe",
    label: tr!("Price/earnings multiple (your assumption)", "市盈率（自行设定）"),
    min: 5.0,
    max: 150.0,
    default: 40.0,
    step: 1.0,
    key_step: 1.0,
};
pub const HORIZON: Spec =
    Spec {
        key: "hz", label: tr!("Horizon", "时间跨度"), min: 1.0, max: 30.0, default: 10.0, step: 1.0, key_step: 1.0
    };
/// Default $903M: all US spot Bitcoin ETFs' net outflow on 20 Nov 2025 (flows.json).
pub const SELL: Spec = Spec {
    key: "q",
    label: tr!("Net selling to absorb in a day", "单日需消化的净卖盘"),
    min: 0.0,
    max: 10_000.0,
    default: 903.0,
    step: 1.0,
    key_step: 10.0,
};
pub const DEPTH: Spec = Spec {
    key: "depth",
    label: tr!("Market depth lost", "市场深度下降幅度"),
    min: 0.0,
    max: 90.0,
    default: 0.0,
    step: 1.0,
    key_step: 1.0,
};
pub const PHI: Spec = Spec {
    key: "phi",
    label: tr!("Forced crypto sellers who also sell tech stocks (φ)", "被迫卖出加密资产时同步卖出科技股的比例（φ）"),
    min: 0.0,
    max: 100.0,
    default: 25.0,
    step: 1.0,
    key_step: 1.0,
};
pub const OI: Spec = Spec {
    key: "oi",
    label: tr!("Leveraged long open interest in Bitcoin (assumption)", "比特币杠杆多头未平仓合约规模（假设）"),
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
    label: tr!("Reference reading", "基准读数"),
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
    label: tr!("Correlation window", "相关性计算窗口"),
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

pub const VOL_ADJUSTED: Choice<bool> =
    switch("fr", tr!("Adjust for volatility (Forbes–Rigobon)", "剔除波动率影响（Forbes–Rigobon调整）"));
pub const WITH_LTH: Choice<bool> = switch(
    "lth",
    tr!("Add the long-term holders' claimed selling (contested)", "计入原文所称的长期持有者抛售（有争议）"),
);

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
    label: tr!("Initial shock to Bitcoin", "比特币的初始冲击"),
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
            Horizon::Day => tr!("the day, 19 → 20 Nov close", "当日（11月19日至20日收盘）"),
            Horizon::TwoWeeks => tr!("the two weeks, 6 → 20 Nov close", "截至当天的两周（11月6日至20日收盘）"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Horizon::Day => tr!("the day (19 Nov close to 20 Nov close)", "当日（11月19日收盘至11月20日收盘）"),
            Horizon::TwoWeeks => {
                tr!("the two weeks before (6 Nov close to 20 Nov close)", "截至当天的两周（11月6日收盘至11月20日收盘）")
            }
        }
    }
}

pub const HORIZON_SPAN: Choice<Horizon> = Choice {
    key: "span",
    label: tr!("What the decomposition explains", "分解的时间范围"),
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

pub const THEME: Choice<Theme> = Choice {
    key: "theme",
    label: tr!("Theme", "配色主题"),
    default: Theme::Auto,
    parse: Theme::parse,
    write: |t| t.name().into(),
};

/// Presentation: show a section's questions for class in an embed (`questions=1`).
pub const QUESTIONS: Choice<bool> = switch("questions", tr!("Questions for class", "课堂讨论题"));

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
            pub(super) fn read(query: &str, notices: &mut Vec<String>) -> Settings {
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
        let not_a_number = || {
            tr!(
                format!("{}: '{shown}' is not a number, so the default {} is used.", self.key, num_prose(self.default)),
                format!("{}：“{shown}”不是数字，已改用默认值{}。", self.key, num_prose(self.default))
            )
        };
        match crate::format::parse_f64(text) {
            Some(v) if v.is_nan() => (self.default, Some(not_a_number())),
            Some(v) => {
                let c = self.clamp(v);
                if v < self.min || v > self.max {
                    let note = tr!(
                        format!(
                            "{}: '{shown}' is outside {}–{}, so {} is used.",
                            self.key,
                            num_prose(self.min),
                            num_prose(self.max),
                            num_prose(c)
                        ),
                        format!(
                            "{}：“{shown}”超出允许范围（{}至{}），已改用{}。",
                            self.key,
                            num_prose(self.min),
                            num_prose(self.max),
                            num_prose(c)
                        )
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
