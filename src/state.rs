//! The global controls and their URL form (`?cut=<percent>&lev=<multiple>`).
//!
//! Parsing never fails: a missing or unreadable value falls back to its default
//! and an out-of-range one is clamped, each with a notice the page shows, so
//! any link, however mangled, opens a working page.

use crate::model::date::Date;

/// The schema version of links; a link without `v` is read as version 1.
pub const SCHEMA_V: &str = "1";

pub const GROWTH_R: Spec = Spec { key: "gr", label: "Growth profile: discount rate r", min: 4.0, max: 15.0, default: 8.0, step: 0.1 };
pub const GROWTH_G: Spec = Spec { key: "gg", label: "Growth profile: long-run growth g", min: 0.0, max: 12.0, default: 6.5, step: 0.1 };
pub const NASDAQ_BETA: Spec = Spec { key: "nqb", label: "Nasdaq beta to the S&P 500 (assumption)", min: 0.5, max: 2.5, default: 1.2, step: 0.05 };
/// Default −1.6 %: about the S&P 500's fall on 20 Nov 2025 (−1.56 % in the
/// data), so the synthesis transmits the day's actual stock move; 10 Oct's
/// tariff day was −2.71 %.
pub const SHOCK: Spec = Spec { key: "shock", label: "Shock to US stocks", min: -10.0, max: 0.0, default: -1.6, step: 0.1 };
pub const WEIGHT: Spec = Spec { key: "wbtc", label: "Bitcoin share of a stock + Bitcoin portfolio", min: 0.0, max: 50.0, default: 10.0, step: 1.0 };
pub const PE: Spec = Spec { key: "pe", label: "Price/earnings multiple (your assumption)", min: 5.0, max: 150.0, default: 40.0, step: 1.0 };
pub const HORIZON: Spec = Spec { key: "hz", label: "Horizon", min: 1.0, max: 30.0, default: 10.0, step: 1.0 };
/// Default $903M: all US spot Bitcoin ETFs' net outflow on 20 Nov 2025 (flows.json).
pub const SELL: Spec = Spec { key: "q", label: "Net selling to absorb in a day", min: 0.0, max: 10_000.0, default: 903.0, step: 1.0 };
pub const DEPTH: Spec = Spec { key: "depth", label: "Market depth lost", min: 0.0, max: 90.0, default: 0.0, step: 1.0 };
pub const PHI: Spec = Spec { key: "phi", label: "Forced crypto sellers who also sell tech stocks (φ)", min: 0.0, max: 100.0, default: 25.0, step: 1.0 };
pub const OI: Spec = Spec { key: "oi", label: "Leveraged long open interest in Bitcoin (assumption)", min: 1.0, max: 100.0, default: 24.0, step: 1.0 };

pub const REF_KEY: &str = "ref";
/// 6 Nov 2025, 64.5 %: the CME FedWatch reading of that day (coinpost.ai),
/// the last one above 60 % before the sell-off.
pub const REF_DEFAULT: &str = "2025-11-06:64.5";

pub fn valid_ref(s: &str) -> bool {
    s.split_once(':').is_some_and(|(d, v)| Date::parse(d).is_some() && v.parse::<f64>().is_ok_and(|x| (0.0..=100.0).contains(&x)))
}

/// Every numeric control of the page, in URL order after `cut` and `lev`.
pub const NUMBERS: [Spec; 13] = [CUT, LEV, GROWTH_R, GROWTH_G, NASDAQ_BETA, SHOCK, WEIGHT, PE, HORIZON, SELL, DEPTH, PHI, OI];

/// A choice control: URL key, default, and the test a value must pass.
pub struct Choice {
    pub key: &'static str,
    pub default: &'static str,
    pub valid: fn(&str) -> bool,
}

pub const CHOICES: [Choice; 5] = [
    Choice { key: REF_KEY, default: REF_DEFAULT, valid: valid_ref },
    Choice { key: "win", default: "30", valid: |v| matches!(v, "14" | "30" | "60" | "90") },
    Choice { key: "fr", default: "0", valid: |v| v == "0" || v == "1" },
    Choice { key: "lth", default: "0", valid: |v| v == "0" || v == "1" },
    Choice { key: "cshock", default: "auto", valid: |v| v == "auto" || v.parse::<f64>().is_ok_and(|x| (-30.0..=0.0).contains(&x)) },
];

/// Presentation: the colour theme (not part of the model's state).
pub const THEME: Choice = Choice { key: "theme", default: "auto", valid: |v| matches!(v, "light" | "dark" | "auto") };

/// The page's whole state as it appears in a link.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    pub numbers: Vec<(&'static str, f64)>,
    pub choices: Vec<(&'static str, String)>,
}

/// Read every control from a query: defaults for missing values, clamping
/// and a notice for bad ones.
pub fn parse_state(query: &str) -> (PageState, Vec<String>) {
    let mut notices = Vec::new();
    if let Some(v) = get_param(query, "v") {
        if v != SCHEMA_V {
            notices.push(format!("v: this link says version '{}'; it is read as version {SCHEMA_V}.", excerpt(&v)));
        }
    }
    let numbers = NUMBERS
        .iter()
        .map(|s| {
            let (v, n) = s.read(get_param(query, s.key).as_deref());
            notices.extend(n);
            (s.key, v)
        })
        .collect();
    let choices = CHOICES
        .iter()
        .map(|c| match get_param(query, c.key) {
            Some(v) if (c.valid)(&v) => (c.key, v),
            Some(v) => {
                notices.push(format!("{}: '{}' is not a valid choice, so '{}' is used.", c.key, excerpt(&v), c.default));
                (c.key, c.default.to_string())
            }
            None => (c.key, c.default.to_string()),
        })
        .collect();
    (PageState { numbers, choices }, notices)
}

/// The over-specified link for a state: `v`, then every control.
pub fn serialise_state(s: &PageState) -> String {
    let mut params: Vec<(&str, String)> = vec![("v", SCHEMA_V.to_string())];
    params.extend(s.numbers.iter().map(|(k, v)| (*k, fmt_num(*v))));
    params.extend(s.choices.iter().map(|(k, v)| (*k, v.clone())));
    set_params("", &params)
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
};

/// Leverage multiple of crypto and margin traders. Default 10×: a model
/// assumption (no market-wide average leverage figure is bundled).
pub const LEV: Spec = Spec {
    key: "lev",
    label: "Leverage",
    min: 1.0,
    max: 100.0,
    default: 10.0,
    step: 0.1,
};

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
        match text.parse::<f64>() {
            Ok(v) if v.is_nan() => (
                self.default,
                Some(format!("{}: '{shown}' is not a number, so the default {} is used.", self.key, fmt_num(self.default))),
            ),
            Ok(v) => {
                let c = self.clamp(v);
                if v < self.min || v > self.max {
                    (c, Some(format!(
                        "{}: '{shown}' is outside {}–{}, so {} is used.",
                        self.key, fmt_num(self.min), fmt_num(self.max), fmt_num(c)
                    )))
                } else {
                    (c, None)
                }
            }
            Err(_) => (
                self.default,
                Some(format!("{}: '{shown}' is not a number, so the default {} is used.", self.key, fmt_num(self.default))),
            ),
        }
    }
}

/// The two global controls.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Controls {
    /// Probability of a 25 bp December cut, percent (0–100).
    pub cut_pct: f64,
    /// Leverage multiple (1–100).
    pub lev_x: f64,
}

impl Default for Controls {
    fn default() -> Self {
        Controls { cut_pct: CUT.default, lev_x: LEV.default }
    }
}

/// Parse a query string (with or without the leading `?`). Unknown keys are
/// ignored here and kept by [`to_query`].
pub fn parse_query(query: &str) -> (Controls, Vec<String>) {
    let pairs = query_pairs(query);
    let get = |k: &str| pairs.iter().rev().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let mut notices = Vec::new();
    let (cut_pct, n) = CUT.read(get(CUT.key));
    notices.extend(n);
    let (lev_x, n) = LEV.read(get(LEV.key));
    notices.extend(n);
    (Controls { cut_pct, lev_x }, notices)
}

/// Serialise the controls into `query`, replacing their keys and keeping every
/// other parameter in its place. Returns the query without a leading `?`.
pub fn to_query(controls: &Controls, query: &str) -> String {
    set_params(query, &[(CUT.key, fmt_num(controls.cut_pct)), (LEV.key, fmt_num(controls.lev_x))])
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
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The last value of `key` in `query`, decoded.
pub fn get_param(query: &str, key: &str) -> Option<String> {
    query_pairs(query).into_iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Shortest plain decimal form: 40 not 40.0, 39.6 not 39.600000000000001.
pub fn fmt_num(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
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

    #[test]
    fn valid_values_are_read() {
        let (c, n) = parse_query("?cut=70&lev=25");
        assert_eq!(c, Controls { cut_pct: 70.0, lev_x: 25.0 });
        assert!(n.is_empty());
        let (c, _) = parse_query("cut=39.6&lev=2.5");
        assert_eq!(c.cut_pct, 39.6);
        assert_eq!(c.lev_x, 2.5);
        // Units written by hand are accepted.
        assert_eq!(parse_query("cut=55%25&lev=20x").0, Controls { cut_pct: 55.0, lev_x: 20.0 });
    }

    #[test]
    fn missing_values_use_documented_defaults() {
        let (c, n) = parse_query("");
        assert_eq!(c, Controls::default());
        assert_eq!(c, Controls { cut_pct: 39.6, lev_x: 10.0 });
        assert!(n.is_empty());
        assert_eq!(parse_query("?embed=rates").0, Controls::default());
    }

    #[test]
    fn garbage_falls_back_with_a_notice() {
        let (c, n) = parse_query("cut=abc&lev=");
        assert_eq!(c, Controls::default());
        assert_eq!(n.len(), 2);
        assert_eq!(n[0], "cut: 'abc' is not a number, so the default 39.6 is used.");
        let (c, n) = parse_query("cut=%3Cscript%3E&lev=%ZZ");
        assert_eq!(c, Controls::default());
        assert!(n[0].contains("'<script>'"));
    }

    #[test]
    fn out_of_range_is_clamped() {
        let (c, n) = parse_query("cut=150&lev=0");
        assert_eq!(c, Controls { cut_pct: 100.0, lev_x: 1.0 });
        assert_eq!(n[0], "cut: '150' is outside 0–100, so 100 is used.");
        assert_eq!(parse_query("cut=-5&lev=-1e6").0, Controls { cut_pct: 0.0, lev_x: 1.0 });
    }

    #[test]
    fn nan_and_infinity_text() {
        let (c, n) = parse_query("cut=abc&lev=1e999");
        assert_eq!(c.cut_pct, 39.6);
        assert_eq!(c.lev_x, 100.0);
        assert_eq!(n.len(), 2);
        let (c, _) = parse_query("cut=NaN&lev=-inf");
        assert_eq!(c, Controls { cut_pct: 39.6, lev_x: 1.0 });
        let (c, _) = parse_query("cut=infinity&lev=nan");
        assert_eq!(c, Controls { cut_pct: 100.0, lev_x: 10.0 });
        for v in [c.cut_pct, c.lev_x] {
            assert!(v.is_finite());
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
    fn serialise_keeps_other_params_and_round_trips() {
        let c = Controls { cut_pct: 72.5, lev_x: 20.0 };
        let q = to_query(&c, "?embed=rates&cut=10&x=a%20b");
        assert_eq!(q, "embed=rates&cut=72.5&x=a%20b&lev=20");
        assert_eq!(parse_query(&q).0, c);
        let long = "9".repeat(5000);
        let (c, n) = parse_query(&format!("cut={long}"));
        assert_eq!(c.cut_pct, 100.0);
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
        let q = "v=1&cut=72.5&lev=25&gr=9&gg=7.1&nqb=1.35&shock=-4.2&wbtc=20&pe=60&hz=15&q=1500&depth=40&phi=50&oi=30&ref=2025-10-13%3A95&win=14&fr=1&lth=1&cshock=-3.5";
        let (s, n) = parse_state(q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(serialise_state(&s), q);
    }

    #[test]
    fn bad_values_in_a_full_link_are_reported() {
        let (s, n) = parse_state("v=9&win=7&cshock=-99&oi=1e9");
        assert_eq!(s.choices.iter().find(|c| c.0 == "win").unwrap().1, "30");
        assert_eq!(s.numbers.iter().find(|c| c.0 == "oi").unwrap().1, 100.0);
        assert_eq!(n.len(), 4, "{n:?}");
    }

    #[test]
    fn last_value_wins_for_repeated_keys() {
        assert_eq!(parse_query("cut=10&cut=20").0.cut_pct, 20.0);
    }
}
