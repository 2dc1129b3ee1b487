//! The answer on the first screen: what happened and why, in a few plain
//! sentences, and the bars of a compact figure, both from the synthesis's
//! decomposition at the current settings, so they follow the sliders.

use super::synthesis::{cause_label, horizon_short, moved, part_color, rest_label, rest_words, times_words};
use crate::format::fmt_num;
use crate::format::{grouped, pct_abs, pct_signed};
use crate::scenario::decomposition::{Cause, Decomposition, Decompositions};
use crate::scenario::StocksDay;
use crate::state::Horizon;
use plotters::style::RGBColor;

pub mod zh;

/// One bar of the compact figure: a part of the move, in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: &'static str,
    pub value_pct: f64,
    /// The bar's colour (`None`: what is not explained, drawn neutral).
    pub colour: Option<RGBColor>,
}

/// The label of Bitcoin's one bar for everything that came through stocks.
pub const THROUGH_STOCKS: &str = "Through stocks";

/// The bars of one asset: its parts (Bitcoin's through-stocks parts as one
/// bar, split in the waterfall), then what is not explained.
pub fn bars(dec: &Decomposition) -> Vec<Bar> {
    bars_named(dec, Names { cause: cause_label, through_stocks: THROUGH_STOCKS, rest: rest_label })
}

/// The words of the bars, in one language.
struct Names {
    cause: fn(Cause) -> &'static str,
    through_stocks: &'static str,
    rest: fn(&Decomposition) -> &'static str,
}

fn bars_named(dec: &Decomposition, names: Names) -> Vec<Bar> {
    let mut out = Vec::new();
    if let Some((v, _, _)) = dec.via_stocks() {
        let first = dec.parts.iter().find(|p| p.via_stocks).map(part_color);
        out.push(Bar { label: names.through_stocks, value_pct: v, colour: first });
    }
    out.extend(dec.parts.iter().filter(|p| !p.via_stocks).map(|p| Bar {
        label: (names.cause)(p.cause),
        value_pct: p.value,
        colour: Some(part_color(p)),
    }));
    out.push(Bar { label: (names.rest)(dec), value_pct: dec.not_explained().0, colour: None });
    out
}

/// "10:30–10:45 ET" from hours after midnight.
fn clock_range(range: (f64, f64)) -> String {
    format!("{} ET", hm_range(range, "–"))
}

/// "10:30–10:45" (or "10:30" for one moment) from hours after midnight,
/// `to` between the two.
fn hm_range((a, b): (f64, f64), to: &str) -> String {
    let hm = |h: f64| {
        let m = (h * 60.0).round() as i64;
        format!("{}:{:02}", m / 60, m % 60)
    };
    if (a - b).abs() < 1e-9 {
        hm(a)
    } else {
        format!("{}{to}{}", hm(a), hm(b))
    }
}

/// The stocks' day in words: the path from the open, then technology's
/// share of the fall.
fn stocks_day(d: &Decompositions, day: Option<&StocksDay>) -> String {
    let s = &d.spx;
    let gap = day.and_then(|x| x.gap_open_pct.as_ref()).map(|q| q.value);
    let path = match (gap, day.and_then(StocksDay::turn_range)) {
        (Some(g), Some(turn)) if g > 0.0 && s.actual < 0.0 => format!(
            "Stocks fell on a good-news day: after Nvidia's strong results the S&P 500 opened {} up, turned at about \
             {} and closed down {}.",
            pct_abs(g, 1),
            clock_range(turn),
            pct_abs(s.actual, 2)
        ),
        _ => format!("On 20 Nov the S&P 500 {}.", moved(s.actual)),
    };
    // Tech's whole part (w·r_IT) and the bar's part (its fall beyond the
    // rest, w·(r_IT − r_rest)) are both named, so text and bar agree.
    let tech = d.tech.as_ref().map(|t| {
        let share = t.central.contribution_pct / s.actual;
        let most = if share > 0.5 { ": most of the fall" } else { "" };
        format!(
            " Tech, {} of the index, fell {} against {} for the rest: that gap, weighted, is the {} AI/tech bar, and tech made \
             up {} of the {} points{most}.",
            if (0.3..0.37).contains(&t.weight) { "a third".to_string() } else { pct_abs(t.weight * 100.0, 0) },
            pct_abs(t.tech_pct, 1),
            pct_signed(t.central.broad_pct, 2),
            grouped(t.central.excess_pct, 2),
            grouped(t.central.contribution_pct.abs(), 2),
            grouped(s.actual.abs(), 2),
        )
    });
    format!("{path}{}", tech.unwrap_or_default())
}

/// What Bitcoin's sentence states, in either language: β, what came
/// through stocks, crypto's own parts, and what is left.
struct BitcoinStory<'a> {
    dec: &'a Decomposition,
    beta: f64,
    via: f64,
    own: f64,
    /// Crypto's own parts include ETF selling (not only liquidations).
    selling: bool,
    /// More than half of the move came through stocks.
    mostly_via: bool,
}

impl BitcoinStory<'_> {
    fn of(d: &Decompositions) -> BitcoinStory<'_> {
        let b = &d.btc;
        let via = b.via_stocks().map_or(0.0, |v| v.0);
        BitcoinStory {
            dec: b,
            beta: d.beta.stats.beta,
            via,
            own: b.parts.iter().filter(|p| !p.via_stocks).map(|p| p.value).sum(),
            selling: b.part(Cause::Selling).is_some(),
            mostly_via: via / b.actual > 0.5,
        }
    }
}

/// Bitcoin's move in words: β in plain words, what came through stocks,
/// crypto's own causes, and what is left.
fn bitcoin(d: &Decompositions) -> String {
    let st = BitcoinStory::of(d);
    let b = st.dec;
    let causes = if st.selling { "ETF selling and liquidations" } else { "liquidations" };
    let share = if st.mostly_via {
        format!("most of its {} fall came through them", pct_abs(b.actual, 2))
    } else {
        format!("{} of its {} move came through them", pct_signed(st.via, 2), pct_signed(b.actual, 2))
    };
    format!(
        "Bitcoin moves {} as much as stocks (β {}: for every 1% on stocks, about {}% on Bitcoin), so {share}; \
         {causes} add {}, and {}.",
        times_words(st.beta),
        grouped(st.beta, 2),
        crate::format::trim(st.beta, 1),
        pct_signed(st.own, 2),
        rest_words(b),
    )
}

/// What the rate sentence states, in either language.
struct RateStory {
    horizon: Horizon,
    /// The reader set the cut probability off the day's reading.
    yours: bool,
    /// The rate part of the S&P 500's move and the move, percent.
    r: f64,
    actual: f64,
    /// The reference reading (6 Nov, or the day before), the day's reading
    /// and the reader's setting, as the page writes them ("30", "39.6").
    from: String,
    day: String,
    cut: String,
    /// The day's reading is at or above the reference.
    rose: bool,
    /// How much of the move the rate part is.
    size: Share,
}

/// A part's size against the whole move.
#[derive(Clone, Copy, PartialEq)]
enum Share {
    Nothing,
    Small,
    Large,
}

impl RateStory {
    fn of(d: &Decompositions, cut_pct: f64) -> RateStory {
        let s = &d.spx;
        let r = s.part(Cause::Rates).map_or(0.0, |p| p.value);
        let day_reading = crate::state::CUT.default;
        RateStory {
            horizon: s.horizon,
            yours: (cut_pct - day_reading).abs() > 0.05,
            r,
            actual: s.actual,
            from: fmt_num(d.reading.pct),
            day: fmt_num(day_reading),
            cut: fmt_num(cut_pct),
            rose: day_reading >= d.reading.pct,
            size: if r.abs() < 1e-9 {
                Share::Nothing
            } else if (r / s.actual).abs() < 0.34 {
                Share::Small
            } else {
                Share::Large
            },
        }
    }
}

/// The rate story in words, for the horizon shown: on the day the odds
/// rose, so rates did not push stocks down; over the two weeks before they
/// fell, and the rate model gives its part of that fall. A cut probability
/// set off the day's reading is named as the reader's.
fn rates(d: &Decompositions, cut_pct: f64) -> String {
    let RateStory { horizon, yours, r, actual, from, day, cut, rose, size } = RateStory::of(d, cut_pct);
    let effect = |verb_up: &str, verb_down: &str| {
        if r >= 0.0 {
            format!("{verb_up} stocks by {}", pct_abs(r, 2))
        } else {
            format!("{verb_down} {} off stocks", pct_abs(r, 2))
        }
    };
    match (horizon, yours) {
        (Horizon::Day, false) => format!(
            "The Fed's cut odds {} that day ({from}% → {day}%), {} by the rate model: the rate story is in the two weeks \
             before.",
            if rose { "rose" } else { "fell" },
            if r >= 0.0 { format!("lifting stocks a little ({})", pct_signed(r, 2)) } else { effect("", "taking") },
        ),
        (Horizon::Day, true) => format!(
            "At your {cut}% December-cut odds (the day's reading was {day}%, up from {from}%), the rate model would have \
             {} on the day.",
            effect("lifted", "taken"),
        ),
        (Horizon::TwoWeeks, false) => format!(
            "The Fed's December-cut odds fell from {from}% on 6 Nov to {day}%, and the rate model gives {} of the S&P \
             500's {} move: {}.",
            pct_signed(r, 2),
            pct_signed(actual, 2),
            match size {
                Share::Nothing => "nothing",
                Share::Small => "a small part",
                Share::Large => "a large part",
            }
        ),
        (Horizon::TwoWeeks, true) => format!(
            "At your {cut}% December-cut odds (against {from}% on 6 Nov; {day}% on 20 Nov), the rate model {} over the \
             two weeks{}.",
            if size == Share::Nothing { "gives stocks nothing".to_string() } else { effect("lifts", "takes") },
            if r < 0.0 { format!(", of the S&P 500's {} move", pct_signed(actual, 2)) } else { String::new() },
        ),
    }
}

/// The finding in words: what happened and why, on the horizon shown. On
/// the day: stocks fell on a good-news day as AI shares reversed after
/// Nvidia's results, and tech made up most of the fall; Bitcoin moves about
/// twice as much as stocks, so most of its fall came through them; the Fed
/// odds rose that day. Over the two weeks: the two falls, what came
/// through stocks, and the rate model's part.
pub fn headline(d: &Decompositions, day: Option<&StocksDay>, cut_pct: f64) -> String {
    headline_parts(d, day, cut_pct).join(" ")
}

/// [`headline`] as the first screen sets it: one short paragraph per idea
/// (the stocks, Bitcoin, the rates), in reading order for the horizon.
pub fn headline_parts(d: &Decompositions, day: Option<&StocksDay>, cut_pct: f64) -> Vec<String> {
    match d.btc.horizon {
        Horizon::Day => vec![stocks_day(d, day), bitcoin(d), rates(d, cut_pct)],
        Horizon::TwoWeeks => vec![
            format!(
                "Over the two weeks before ({}), the S&P 500 {} and Bitcoin {}. Sector moves are quoted for 20 Nov \
                 only, so the tech reversal is not separated here.",
                horizon_short(Horizon::TwoWeeks),
                moved(d.spx.actual),
                moved(d.btc.actual),
            ),
            rates(d, cut_pct),
            bitcoin(d),
        ],
    }
}

/// The live result's two parts, Bitcoin's and the S&P 500's ("Bitcoin
/// −3.38% of −5.30%"), so a narrow bar can set them on two short lines.
pub fn live_parts(d: &Decompositions) -> [String; 2] {
    [
        format!("Bitcoin {} of {}", pct_signed(d.btc.modelled().0, 2), pct_signed(d.btc.actual, 2)),
        format!("S&P 500 {} of {}", pct_signed(d.spx.modelled().0, 2), pct_signed(d.spx.actual, 2)),
    ]
}

/// The live result beside the two global sliders: the parts' sums against
/// the actual moves ("Model: Bitcoin −3.44% of −5.30%; S&P 500 −0.63% of −1.56%").
pub fn live_result(d: &Decompositions) -> String {
    let [btc, spx] = live_parts(d);
    format!("{LIVE_LABEL}{btc}{LIVE_SEP}{spx}")
}

/// The live result's lead and the separator between its parts: the control
/// bar sets the same pieces in their own spans (so a narrow bar can break
/// between them), and the announcer reads [`live_result`].
pub const LIVE_LABEL: &str = "Model: ";
pub const LIVE_SEP: &str = "; ";

/// The leverage slider's most intuitive consequence, in words.
pub fn leverage_consequence(lev_x: f64, maintenance: f64) -> String {
    let fall = -crate::model::leverage::long_liq_move_pct(lev_x, maintenance);
    format!("At {}×, a fall of {} wipes out a leveraged long.", fmt_num(lev_x), pct_abs(-fall, 2))
}
