//! Cause 1, the rate channel: the two lens charts, their summaries, the
//! table of the model over the slider's range and the section's conclusion.

use crate::charts::lines::{Line, LineChart, Mark};
use crate::charts::palette::{BITCOIN, BROAD, GROWTH, NASDAQ, SP500, VALUE};
use crate::data::DataFile;
use crate::format::fmt_num;
use crate::format::{grouped, pct_signed};
use crate::model::date::Date;
use crate::model::rates::{self, Outcome, Profile};
use crate::scenario::model::Model;
use crate::scenario::{actual_since, Actual, Basis, Estimate, Inputs, Reading, DAY};
use crate::state::{Settings, CUT, RATE_REF};
use plotters::style::RGBColor;

pub mod zh;

pub const TEXTBOOK_TITLE: &str =
    tr!("Textbook lens (Gordon growth), model output", "理论测算（戈登增长模型），模型输出");
pub const EMPIRICAL_TITLE: &str =
    tr!("Empirical lens (Bernanke–Kuttner × beta), model output", "实证测算（Bernanke–Kuttner×β），模型输出");

/// A percent move as the section prints it: "−1.56%".
pub fn pct1(v: f64) -> String {
    pct_signed(v, 2)
}

/// The reading picked as the reference (by its URL id), else the default
/// one, else the first.
pub fn reference<'a>(all: &'a [Reading], id: &str) -> Option<&'a Reading> {
    all.iter().find(|r| r.id == id).or_else(|| all.iter().find(|r| r.id == RATE_REF.default.id())).or(all.first())
}

/// "64.5% on 6 Nov".
pub fn ref_label(r: Option<&Reading>) -> String {
    r.map(|r| format!("{}% on {}", fmt_num(r.pct), r.date.short())).unwrap_or_default()
}

/// The section's state at one setting: the reference reading, its label,
/// the actual moves from its day to 20 Nov, and the model's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct RatesNow {
    pub reference: Option<Reading>,
    pub label: String,
    pub actual: Actual,
    pub outcome: Outcome,
}

/// [`RatesNow`] from the quoted readings, the market data, the settings
/// (reference, cut probability, growth profile, Nasdaq β) and the inputs
/// table (Bitcoin's β): [`reference_at`] and [`outcome_at`] together.
pub fn now_at(readings: &[Reading], markets: &DataFile, s: &Settings, inputs: Option<&Inputs>) -> RatesNow {
    let RatesRef { reference, label, actual } = reference_at(readings, markets, &s.rate_ref.id());
    let outcome = outcome_at(reference.as_ref(), s, inputs);
    RatesNow { reference, label, actual, outcome }
}

/// The part of [`RatesNow`] that depends on the reference alone, so a move
/// of the cut slider does not read the market data again.
#[derive(Clone, Debug, PartialEq)]
pub struct RatesRef {
    pub reference: Option<Reading>,
    pub label: String,
    pub actual: Actual,
}

/// The reference reading picked by `ref_id`, its label, and the actual moves
/// over the same span as the rate change: from its day to 20 Nov (never a
/// two-week effect set against one day's move). Without a reference there
/// are no actual moves.
pub fn reference_at(readings: &[Reading], markets: &DataFile, ref_id: &str) -> RatesRef {
    let reference = reference(readings, ref_id).cloned();
    let label = tr!(ref_label(reference.as_ref()), zh::ref_label(reference.as_ref()));
    let actual = reference.as_ref().map(|r| actual_since(markets, r.date)).unwrap_or(Actual {
        spx: None,
        nasdaq: None,
        btc: None,
    });
    RatesRef { reference, label, actual }
}

/// The model's outcome at the settings against `reference` (50 % without
/// one); Bitcoin's β from the inputs table, 1 without it.
pub fn outcome_at(reference: Option<&Reading>, s: &Settings, inputs: Option<&Inputs>) -> Outcome {
    let p_ref = reference.map(|r| r.pct / 100.0).unwrap_or(0.5);
    let btc_beta = inputs.map(|i| i.beta()).unwrap_or(1.0);
    rates::outcome(s.cut_pct / 100.0, p_ref, s.growth(), s.nasdaq_beta, btc_beta)
}

/// Where the day's actual moves are marked: the day's highest quoted reading.
pub fn day_x(all: &[Reading]) -> f64 {
    let day_pct = all.iter().filter(|r| r.date == DAY).map(|r| r.pct).fold(f64::NAN, f64::max);
    if day_pct.is_finite() {
        day_pct
    } else {
        CUT.default
    }
}

/// The model at every whole cut probability 0–100%, against the reference
/// probability `p_ref` (a fraction).
pub fn curve(p_ref: f64, growth: Profile, nasdaq_beta: f64, btc_beta: f64) -> Vec<(f64, Outcome)> {
    (0..=100).map(|i| (i as f64, rates::outcome(i as f64 / 100.0, p_ref, growth, nasdaq_beta, btc_beta))).collect()
}

/// The textbook lens's three profiles along the curve.
pub fn textbook_points(curve: &[(f64, Outcome)]) -> Vec<(f64, [f64; 3])> {
    curve.iter().map(|(x, o)| (*x, [o.value_pct, o.broad_pct, o.growth_pct])).collect()
}

/// The empirical lens's three assets along the curve.
pub fn empirical_points(curve: &[(f64, Outcome)]) -> Vec<(f64, [f64; 3])> {
    curve.iter().map(|(x, o)| (*x, [o.spx_pct, o.nasdaq_pct, o.btc_pct])).collect()
}

/// One lens's chart against the cut probability: its three lines (name,
/// colour, dashed) from `points` (probability, the three values), and the
/// day's actual moves as marks at the day's reading `day_x`.
fn lens_chart(
    title: &str,
    points: &[(f64, [f64; 3])],
    lines: [(String, RGBColor, bool); 3],
    actual: &[(Option<f64>, &str, RGBColor)],
    day_x: f64,
) -> LineChart {
    LineChart {
        title: title.into(),
        x_range: (0.0, 100.0),
        y_range: None,
        x_desc: tr!("December cut probability, %", "12月降息概率（%）").into(),
        y_desc: tr!("Price change vs reference, %", "相对参照读数的价格变动（%）").into(),
        x_fmt: |x| format!("{x:.0}"),
        x_read: tr!(|x| format!("Cut probability {x:.0}%"), |x| format!("降息概率{x:.0}%")),
        y_unit: "%",
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(k, (name, color, dashed))| {
                let points = points.iter().map(|(x, v)| (*x, v[k])).collect();
                Line { name, color, dashed, points }
            })
            .collect(),
        marks: actual
            .iter()
            .filter_map(|&(v, l, color)| v.map(|y| Mark { x: day_x, y, color, label: format!("{l} {}", pct1(y)) }))
            .collect(),
        current: None,
    }
}

/// What both lens charts are drawn from at the model's settings: the rate
/// model over the slider's range against the reference reading, the actual
/// moves over the same span (from the reference's day to 20 Nov, never a
/// two-week effect set against one day's move), and where the day is marked.
#[derive(Clone, Debug, PartialEq)]
pub struct Lenses {
    pub curve: Vec<(f64, Outcome)>,
    pub actual: Actual,
    pub day_x: f64,
    pub nasdaq_beta: f64,
    pub btc_beta: f64,
}

/// The lenses at `m`'s settings, with Bitcoin's β from its inputs table.
pub fn lenses(b: &Basis, markets: &DataFile, m: &Model) -> Lenses {
    let s = &m.settings;
    let reference = reference(&b.readings, &s.rate_ref.id());
    let from = reference.map(|r| r.date);
    let btc_beta = m.inputs().beta();
    Lenses {
        curve: curve(reference.map_or(0.5, |r| r.pct / 100.0), s.growth(), s.nasdaq_beta, btc_beta),
        actual: from.map_or(Actual { spx: None, nasdaq: None, btc: None }, |f| actual_since(markets, f)),
        day_x: day_x(&b.readings),
        nasdaq_beta: s.nasdaq_beta,
        btc_beta,
    }
}

impl Lenses {
    /// The textbook lens's chart (section 1, `#rates-textbook`).
    pub fn textbook(&self) -> LineChart {
        textbook_chart(&textbook_points(&self.curve), &self.actual, self.day_x)
    }

    /// The empirical lens's chart (section 1's main figure, `#rates-empirical`).
    pub fn empirical(&self) -> LineChart {
        empirical_chart(&empirical_points(&self.curve), self.nasdaq_beta, self.btc_beta, &self.actual, self.day_x)
    }
}

/// The marks of the actual moves on the lens charts.
const SPX_ACTUAL: &str = tr!("S&P 500 actual", "标普500实际涨跌");
const NASDAQ_ACTUAL: &str = tr!("Nasdaq actual", "纳斯达克综合指数实际涨跌");
const BTC_ACTUAL: &str = tr!("Bitcoin actual", "比特币实际涨跌");

/// The textbook lens's chart from [`textbook_points`].
pub fn textbook_chart(points: &[(f64, [f64; 3])], actual: &Actual, day_x: f64) -> LineChart {
    lens_chart(
        TEXTBOOK_TITLE,
        points,
        [
            (tr!("Value (r 8%, g 3%)", "价值股（r 8%，g 3%）").into(), VALUE, false),
            (tr!("Broad market (r 8%, g 5%)", "整体市场（r 8%，g 5%）").into(), BROAD, false),
            (tr!("Growth (your r, g)", "成长股（r、g由你设定）").into(), GROWTH, false),
        ],
        &[(actual.spx, SPX_ACTUAL, SP500), (actual.nasdaq, NASDAQ_ACTUAL, NASDAQ)],
        day_x,
    )
}

/// The empirical lens's chart from [`empirical_points`]; the legend names
/// the assumed Nasdaq beta and Bitcoin's estimated one.
pub fn empirical_chart(
    points: &[(f64, [f64; 3])],
    nasdaq_beta: f64,
    btc_beta: f64,
    actual: &Actual,
    day_x: f64,
) -> LineChart {
    lens_chart(
        EMPIRICAL_TITLE,
        points,
        [
            (tr!("S&P 500 (β 1)", "标普500（β=1）").into(), SP500, false),
            (
                tr!(
                    format!("Nasdaq (β {}, assumed)", fmt_num(nasdaq_beta)),
                    format!("纳斯达克综合指数（β={}，假设值）", fmt_num(nasdaq_beta))
                ),
                NASDAQ,
                true,
            ),
            (
                tr!(
                    format!("Bitcoin (β {}, estimated)", grouped(btc_beta, 2)),
                    format!("比特币（β={}，估计值）", grouped(btc_beta, 2))
                ),
                BITCOIN,
                false,
            ),
        ],
        &[(actual.spx, SPX_ACTUAL, SP500), (actual.nasdaq, NASDAQ_ACTUAL, NASDAQ), (actual.btc, BTC_ACTUAL, BITCOIN)],
        day_x,
    )
}

/// The textbook chart's figcaption.
pub fn textbook_summary(o: &Outcome, cut_pct: f64, ref_label: &str, a: &Actual) -> String {
    format!(
        "Textbook lens at a {}% cut probability against {}: value {}, broad market {}, growth {}. \
         Actual from the reference day to 20 Nov: S&P 500 {}, Nasdaq {}.",
        fmt_num(cut_pct),
        ref_label,
        pct1(o.value_pct),
        pct1(o.broad_pct),
        pct1(o.growth_pct),
        a.spx.map(pct1).unwrap_or_else(|| "–".into()),
        a.nasdaq.map(pct1).unwrap_or_else(|| "–".into())
    )
}

/// The empirical chart's figcaption.
pub fn empirical_summary(o: &Outcome, cut_pct: f64, ref_label: &str, a: &Actual) -> String {
    format!(
        "Empirical lens at a {}% cut probability against {}: S&P 500 {}, Nasdaq {}, Bitcoin {}. \
         Actual from the reference day to 20 Nov: S&P 500 {}, Nasdaq {}, Bitcoin {}.",
        fmt_num(cut_pct),
        ref_label,
        pct1(o.spx_pct),
        pct1(o.nasdaq_pct),
        pct1(o.btc_pct),
        a.spx.map(pct1).unwrap_or_else(|| "–".into()),
        a.nasdaq.map(pct1).unwrap_or_else(|| "–".into()),
        a.btc.map(pct1).unwrap_or_else(|| "–".into())
    )
}

/// "12.3 bp higher": the change in the expected December rate.
pub fn rate_change(o: &Outcome) -> String {
    let bp = o.dr_pp * 100.0;
    format!("{} bp {}", grouped(bp.abs(), 1), if bp >= 0.0 { "higher" } else { "lower" })
}

/// The table of the model every 10 points of cut probability.
pub fn table_rows(curve: &[(f64, Outcome)]) -> Vec<Vec<String>> {
    curve
        .iter()
        .filter(|(x, _)| (*x as i64) % 10 == 0)
        .map(|(x, o)| {
            vec![
                format!("{x:.0}%"),
                pct1(o.value_pct),
                pct1(o.broad_pct),
                pct1(o.growth_pct),
                pct1(o.spx_pct),
                pct1(o.nasdaq_pct),
                pct1(o.btc_pct),
            ]
        })
        .collect()
}

/// The share of the actual move a model move explains, as the results table
/// prints it.
pub fn share_text(model: f64, actual: Option<f64>) -> String {
    match actual.and_then(|a| rates::share_explained_pct(model, a)) {
        Some(s) if s < 0.0 => "wrong direction".into(),
        Some(s) if s > 100.0 => format!("{}% (more than all of it)", grouped(s, 0)),
        Some(s) => format!("{}%", grouped(s, 0)),
        None => "–".into(),
    }
}

/// The section's conclusion, written from the numbers: the empirical lens's
/// verdict ([`punchline_lead`], shown under its chart) and, for a rise in the
/// expected rate, how the textbook lens differs ([`textbook_note`], shown with
/// the textbook chart).
pub fn punchline(o: &Outcome, a: &Actual, ref_label: &str, cut_pct: f64) -> String {
    let lead = punchline_lead(o, a, ref_label, cut_pct);
    match textbook_note(o) {
        Some(note) => format!("{lead} {note}"),
        None => lead,
    }
}

/// How the textbook lens differs from the empirical one, when the expected
/// rate rises (none otherwise: the verdict then stands alone).
pub fn textbook_note(o: &Outcome) -> Option<String> {
    (o.dr_pp * 100.0 >= 0.05).then(|| {
        format!(
            "The textbook lens gives much larger numbers ({} for the growth profile) because it assumes long-term \
             discount rates move one for one with the expected policy rate, which they rarely do.",
            pct1(o.growth_pct)
        )
    })
}

/// What the rate channel's verdict states, in either language: the change
/// in the expected December rate, in bp, and the share of each actual move
/// the empirical lens explains.
struct Verdict {
    bp: f64,
    sp: Option<f64>,
    btc: Option<f64>,
}

/// How much of a move a share is.
#[derive(Clone, Copy, PartialEq)]
enum Size {
    Small,
    Sizeable,
    Most,
    MoreThanAll,
    Unknown,
}

impl Verdict {
    fn of(o: &Outcome, a: &Actual) -> Verdict {
        let share = |m: f64, act: Option<f64>| act.and_then(|x| rates::share_explained_pct(m, x));
        Verdict { bp: o.dr_pp * 100.0, sp: share(o.spx_pct, a.spx), btc: share(o.btc_pct, a.btc) }
    }

    fn size(s: Option<f64>) -> Size {
        match s {
            Some(x) if x < 25.0 => Size::Small,
            Some(x) if x < 60.0 => Size::Sizeable,
            Some(x) if x <= 100.0 => Size::Most,
            Some(_) => Size::MoreThanAll,
            None => Size::Unknown,
        }
    }

    /// The odds are at the reference: the channel explains nothing.
    fn none(&self) -> bool {
        self.bp.abs() < 0.05
    }
}

/// A share as the verdict prints it: "9%", "–".
fn share_pct(s: Option<f64>) -> String {
    s.map(|x| format!("{}%", grouped(x, 0))).unwrap_or_else(|| "–".into())
}

/// The empirical lens's verdict on the rate channel.
pub fn punchline_lead(o: &Outcome, a: &Actual, ref_label: &str, cut_pct: f64) -> String {
    let v = Verdict::of(o, a);
    if v.none() {
        return format!(
            "At this setting the odds equal the reference ({ref_label}), so the rate channel explains none of the \
             moves since."
        );
    }
    if v.bp < 0.0 {
        return format!(
            "At this setting the odds are higher than the reference ({ref_label}): expected rates would be {} bp \
             lower, which pushes prices up. The rate channel cannot explain a fall from here.",
            grouped(-v.bp, 1)
        );
    }
    let size = |s: Option<f64>| match Verdict::size(s) {
        Size::Small => "a small part",
        Size::Sizeable => "a sizeable part",
        Size::Most => "most",
        Size::MoreThanAll => "more than all",
        Size::Unknown => "an unknown part",
    };
    let emp = format!(
        "Under the empirical lens, a {} bp rise in the expected December rate (odds from {ref_label} to {}%) \
         explains {} of the S&P 500's fall from that day to 20 Nov ({}) and {} of Bitcoin's ({}).",
        grouped(v.bp, 1),
        fmt_num(cut_pct),
        size(v.sp),
        share_pct(v.sp),
        size(v.btc),
        share_pct(v.btc),
    );
    let rest = if v.sp.is_none() {
        " The reference reading is not before 20 Nov, so there is no move from it to 20 Nov to explain."
    } else if v.sp.is_some_and(|x| x < 60.0) {
        " Most of that fall has to come from the other causes: the trade-war correlation, thin liquidity and \
         forced selling."
    } else {
        " At this setting the rate channel alone could account for the S&P 500's fall, but the actual odds never \
         moved that far that day."
    };
    format!("{emp}{rest}")
}

/// How Bitcoin's beta was estimated, for "How is this computed?": the
/// window's dates and its real length.
pub fn beta_text(e: Option<Estimate>) -> String {
    e.map(|e| {
        let s = e.stats;
        format!(
            "β = ρ·σ_BTC/σ_S&P = {} × {} / {} = {} over {} trading days, {} to {}{}",
            grouped(s.corr, 2),
            grouped(s.sd_btc * 100.0, 2),
            grouped(s.sd_spx * 100.0, 2),
            grouped(s.beta, 2),
            s.n,
            e.first.short(),
            e.last.short(),
            if e.is_short() {
                format!(" (the {}-day window asks for more days than there are before 20 Nov)", e.requested)
            } else {
                String::new()
            }
        )
    })
    .unwrap_or_else(|| "not enough data; 1 is used".into())
}

/// One cell of the FedWatch strip: the readings quoted on a day, as a value
/// or a range ("35–39.6%", "–" for none), and the highest (for the bar).
pub fn strip_reading(all: &[Reading], date: Date) -> (String, f64) {
    let rs: Vec<&Reading> = all.iter().filter(|r| r.date == date).collect();
    let lo = rs.iter().map(|r| r.pct).fold(f64::INFINITY, f64::min);
    let hi = rs.iter().map(|r| r.pct).fold(f64::NEG_INFINITY, f64::max);
    let text = if rs.is_empty() {
        "–".to_string()
    } else if (hi - lo).abs() < 1e-9 {
        format!("{}%", fmt_num(lo))
    } else {
        // A compact card: "95%～96%" in Chinese.
        tr!(format!("{}–{}%", fmt_num(lo), fmt_num(hi)), format!("{}%～{}%", fmt_num(lo), fmt_num(hi)))
    };
    (text, hi)
}
