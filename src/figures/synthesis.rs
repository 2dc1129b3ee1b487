//! The synthesis: the two waterfalls of the four causes, the sentence that
//! compares the model with the day, and the key levels.

use crate::charts::palette::{ACTUAL, CAUSE_CASCADE, CAUSE_LIQUIDITY, CAUSE_RATES, CAUSE_TARIFFS, MODEL_TOTAL};
use crate::charts::waterfall::Step;
use crate::data::DataFile;
use crate::format::{grouped, pct_abs, pct_signed, usd, usd_millions_sig2};
use crate::scenario::{Cause, Decomposition, Decompositions, Part};
use crate::state::{fmt_num, Horizon};

/// The waterfalls' titles; the horizon is named beside them.
pub const BTC_TITLE: &str = "Bitcoin: modelled causes, what is not explained, actual";
pub const SPX_TITLE: &str = "S&P 500: modelled causes, what is not explained, actual";

/// "20 Nov" or "6–20 Nov".
pub fn horizon_short(h: Horizon) -> &'static str {
    match h {
        Horizon::Day => "20 Nov",
        Horizon::TwoWeeks => "6–20 Nov",
    }
}

/// The key levels the source text names.
pub const LEVELS: [&str; 3] = ["Bitcoin support at $87,000–88,000", "Bitcoin at $80,000", "S&P 500 at 6,000"];

/// A level named by the source text, checked against the data.
pub fn verdict(held: bool) -> &'static str {
    if held {
        "held"
    } else {
        "broken"
    }
}

/// A cause's name in the waterfalls and the table.
pub fn cause_label(c: Cause) -> &'static str {
    match c {
        Cause::Rates => "Rates",
        Cause::Stocks => "Stocks × β",
        Cause::Selling => "ETF selling",
        Cause::Cascade => "Cascade",
        Cause::Contagion => "Contagion",
    }
}

pub fn cause_color(c: Cause) -> plotters::style::RGBColor {
    match c {
        Cause::Rates => CAUSE_RATES,
        Cause::Stocks => CAUSE_TARIFFS,
        Cause::Selling => CAUSE_LIQUIDITY,
        Cause::Cascade | Cause::Contagion => CAUSE_CASCADE,
    }
}

pub const NOT_EXPLAINED: &str = "Not explained";

/// One asset's waterfall: each modelled part with its range, then what is
/// not explained (actual − the parts, so the bars end at the actual move),
/// then the actual move from zero.
pub fn waterfall(dec: &Decomposition) -> Vec<Step> {
    let mut steps: Vec<Step> = dec
        .parts
        .iter()
        .map(|p| Step {
            label: cause_label(p.cause).into(),
            value: p.value,
            color: cause_color(p.cause),
            from_zero: false,
            range: Some((p.lo, p.hi)),
            note: p.input.then_some(INPUT_NOTE),
        })
        .collect();
    let (ne, ne_lo, ne_hi) = dec.not_explained();
    steps.push(Step {
        label: NOT_EXPLAINED.into(),
        value: ne,
        color: MODEL_TOTAL,
        from_zero: false,
        range: Some((ne_lo, ne_hi)),
        note: None,
    });
    steps.push(Step {
        label: "Actual".into(),
        value: dec.actual,
        color: ACTUAL,
        from_zero: true,
        range: None,
        note: None,
    });
    steps
}

/// "−0.45 (−0.90 to −0.30)" percentage points; a point when the range is nil.
pub fn with_range(value: f64, lo: f64, hi: f64) -> String {
    crate::format::pct_with_range(value, lo, hi)
}

/// How a part that was put in, not explained, is marked in the table and
/// the read-outs.
pub const INPUT_NOTE: &str = "input × β";

fn cell(p: Option<&Part>) -> String {
    p.map(|p| {
        format!(
            "{}{}",
            if p.input { format!("{INPUT_NOTE}: ") } else { String::new() },
            with_range(p.value, p.lo, p.hi)
        )
    })
    .unwrap_or_else(|| "–".into())
}

/// The contributions table: one row per cause, Bitcoin's and the S&P
/// 500's contribution with its range ("–" where a cause does not apply),
/// the modelled sum, what is not explained and the actual move.
pub fn contribution_rows(d: &Decompositions) -> Vec<Vec<String>> {
    let causes = [Cause::Rates, Cause::Stocks, Cause::Selling, Cause::Cascade, Cause::Contagion];
    let mut rows: Vec<Vec<String>> =
        causes.iter().map(|c| vec![cause_label(*c).to_string(), cell(d.btc.part(*c)), cell(d.spx.part(*c))]).collect();
    let total = |x: (f64, f64, f64)| with_range(x.0, x.1, x.2);
    rows.push(vec!["Modelled, all parts".into(), total(d.btc.modelled()), total(d.spx.modelled())]);
    rows.push(vec![NOT_EXPLAINED.into(), total(d.btc.not_explained()), total(d.spx.not_explained())]);
    rows.push(vec!["Actual".into(), pct_signed(d.btc.actual, 2), pct_signed(d.spx.actual, 2)]);
    rows
}

/// "fell 5.30%" or "rose 0.20%": the sign in the verb, not in the number.
pub fn moved(v: f64) -> String {
    if v < 0.0 {
        format!("fell {}", pct_abs(v, 2))
    } else {
        format!("rose {}", pct_abs(v, 2))
    }
}

/// The synthesis's sentences: each part on the stated horizon with its
/// range, what is not explained, and a fit judged only on what was not put in.
/// Bitcoin's part ([`sentence_btc`], shown under its waterfall) and the S&P
/// 500's ([`sentence_spx`], under its own), in that order.
pub fn sentence(d: &Decompositions, cut_pct: f64) -> String {
    format!("{} {}", sentence_btc(d, cut_pct), sentence_spx(d))
}

/// Both moves over the horizon, then Bitcoin's decomposition.
pub fn sentence_btc(d: &Decompositions, cut_pct: f64) -> String {
    let b = &d.btc;
    let h = b.horizon;
    let part = |c: Cause| b.part(c).map(|p| with_range(p.value, p.lo, p.hi)).unwrap_or_else(|| "–".into());
    let reading_date = crate::model::date::Date::parse(&d.reading.date).map(|x| x.short()).unwrap_or_default();
    let selling = match b.part(Cause::Selling) {
        Some(_) => format!("the day's ETF selling gives {}; ", part(Cause::Selling)),
        None => "the ETF selling is not modelled over two weeks (no complete daily flow table), so it sits in \
                 \"not explained\"; "
            .to_string(),
    };
    let cascade = b.part(Cause::Cascade).map(|p| {
        if p.hi <= 0.0 {
            format!(
                "liquidations on 20 Nov deepened the fall by {} to {} points ({} at the central inputs)",
                grouped(-p.hi, 2),
                grouped(-p.lo, 2),
                grouped(-p.value, 2)
            )
        } else {
            format!("liquidations on 20 Nov added {}", with_range(p.value, p.lo, p.hi))
        }
    });
    let (ne, ne_lo, ne_hi) = b.not_explained();
    let input = b.part(Cause::Stocks).map(|p| p.value).unwrap_or(0.0);
    let (own, own_lo, own_hi) =
        b.parts.iter().filter(|p| !p.input).fold((0.0, 0.0, 0.0), |a, p| (a.0 + p.value, a.1 + p.lo, a.2 + p.hi));
    let left = b.actual - input;
    format!(
        "Over {}, Bitcoin {} and the S&P 500 {}. For Bitcoin: the rate channel (odds from {}% on {} to {}%) gives \
         {}; the S&P 500's own move passed on by β (an input, not explained here) gives {}; \
         {}{}. Not explained: {}. Leaving out what was put in, the model's own causes give {} of the {} left to \
         explain.",
        h.name(),
        moved(b.actual),
        moved(d.spx.actual),
        fmt_num(d.reading.pct),
        reading_date,
        fmt_num(cut_pct),
        part(Cause::Rates),
        part(Cause::Stocks),
        selling,
        cascade.unwrap_or_default(),
        with_range(ne, ne_lo, ne_hi),
        with_range(own, own_lo, own_hi),
        pct_signed(left, 2),
    )
}

/// The S&P 500's decomposition, and why no fit is claimed for it.
pub fn sentence_spx(d: &Decompositions) -> String {
    let (sne, sne_lo, sne_hi) = d.spx.not_explained();
    let spx_part = |c: Cause| d.spx.part(c).map(|p| with_range(p.value, p.lo, p.hi)).unwrap_or_else(|| "–".into());
    format!(
        "For the S&P 500 the model has only the rate channel, {}, and the tech selling set off by crypto \
         liquidations, {}. The AI reversal after Nvidia's results is not modelled (no sourced index weight for \
         Nvidia is in the data), so {} is not explained and no fit is claimed.",
        spx_part(Cause::Rates),
        spx_part(Cause::Contagion),
        with_range(sne, sne_lo, sne_hi),
    )
}

/// The model's liquidations range at the ends of the impact law, in words
/// (two significant figures: a synthetic population).
pub fn liquidated_range(d: &Decompositions) -> String {
    format!("{} to {}", usd_millions_sig2(d.liquidated_range.0 / 1e6), usd_millions_sig2(d.liquidated_range.1 / 1e6))
}

/// The S&P 500's close on 19 Nov, the base of its modelled level.
pub fn spx_before(m: &DataFile) -> Option<f64> {
    m.obs("sp500").unwrap_or_default().iter().find(|o| o.date.to_string() == "2025-11-19").map(|o| o.value)
}

/// Binance's low of `date`.
fn btc_low(m: &DataFile, date: &str) -> Option<f64> {
    m.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3)
}

/// The model's key levels on the day, in the order of [`LEVELS`]: its
/// level and whether the level held (`None`: not modelled). Bitcoin's is
/// where the cascade ends; the S&P 500's own fall is not modelled, so no
/// level is claimed for it.
pub fn level_rows(btc_price: f64) -> [(String, Option<bool>); 3] {
    [
        (usd(btc_price, 0), Some(btc_price >= 87_000.0)),
        (usd(btc_price, 0), Some(btc_price >= 80_000.0)),
        ("not modelled: the S&P 500's own fall is taken from the data".to_string(), None),
    ]
}

/// The key levels against the data: level, what the data shows, whether it held.
pub fn data_levels(m: &DataFile) -> Vec<(&'static str, Option<String>, Option<bool>)> {
    let bars = m.ohlc.first().map(|s| s.bars.clone()).unwrap_or_default();
    let sp = m.obs("sp500").unwrap_or_default();
    let november = sp.iter().filter(|o| o.date.to_string().as_str() >= "2025-11-01");
    let sp_min = november.map(|o| o.value).fold(f64::INFINITY, f64::min);
    let (l20, l21) = (btc_low(m, "2025-11-20"), btc_low(m, "2025-11-21"));
    let nov_low = bars.iter().filter(|b| b.0.as_str() >= "2025-11-01").map(|b| b.3).fold(f64::INFINITY, f64::min);
    vec![
        (LEVELS[0], l20.map(|l| format!("20 Nov low {}", usd(l, 0))), l20.map(|l| l >= 87_000.0)),
        (
            LEVELS[1],
            l21.map(|l| format!("21 Nov low {}; lowest in November {}", usd(l, 0), usd(nov_low, 0))),
            Some(nov_low >= 80_000.0),
        ),
        (LEVELS[2], Some(format!("lowest November close {}", grouped(sp_min, 2))), Some(sp_min >= 6000.0)),
    ]
}

/// The source text's forecasts, set against what the bundled data shows up
/// to its last date: (forecast, what the data shows, verdict). Hindsight,
/// labelled as such on the page.
pub fn forecasts(m: &DataFile, rates: &DataFile) -> Vec<[String; 3]> {
    let bars = m.ohlc.first().map(|s| s.bars.clone()).unwrap_or_default();
    let after: Vec<_> = bars.iter().filter(|b| b.0.as_str() >= "2025-11-20").collect();
    let low = after.iter().min_by(|a, b| a.3.total_cmp(&b.3));
    let last_bar = after.last().map(|b| crate::format::long_date(&b.0)).unwrap_or_default();
    let sp = m.obs("sp500").unwrap_or_default();
    let sp_after: Vec<_> = sp.iter().filter(|o| o.date.to_string().as_str() >= "2025-11-20").collect();
    let sp_low = sp_after.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let sp_last = sp_after.last();
    let cut = rates.facts("fedwatch_dec_cut");
    let cut_last = cut.iter().max_by(|a, b| a.date.cmp(&b.date));
    let low21 = btc_low(m, "2025-11-20");
    let mut out = Vec::new();
    out.push([
        "$87,000–88,000 is Bitcoin's key support".to_string(),
        low21
            .map(|l| format!("It gave way on 20 Nov itself: low {} (Binance)", usd(l, 0)))
            .unwrap_or_else(|| "(no data)".into()),
        match low21 {
            Some(l) if l < 87_000.0 => "did not hold".into(),
            Some(_) => "held".into(),
            None => "not checkable".into(),
        },
    ]);
    out.push([
        "Losing it may bring $80,000 \"or even lower\"".to_string(),
        low.map(|b| {
            format!(
                "The lowest Binance low from 20 Nov to {} was {} on {}",
                last_bar,
                usd(b.3, 0),
                crate::format::long_date(&b.0)
            )
        })
        .unwrap_or_else(|| "(no data)".into()),
        match low {
            Some(b) if b.3 < 80_000.0 => "happened: below $80,000".into(),
            Some(b) => format!("came within {} of $80,000, not below it", usd(b.3 - 80_000.0, 0)),
            None => "not checkable".into(),
        },
    ]);
    out.push([
        "The S&P 500 could fall below 6,000".to_string(),
        match (sp_low, sp_last) {
            (Some(l), Some(e)) => {
                format!("Lowest close from 20 Nov to {}: {} on {}", e.date.long(), grouped(l.value, 2), l.date.long())
            }
            _ => "(no data)".into(),
        },
        match sp_low {
            Some(l) if l.value < 6000.0 => "happened".into(),
            Some(l) => format!(
                "not by the end of the data ({} above 6,000)",
                crate::format::pct((l.value / 6000.0 - 1.0) * 100.0, 1)
            ),
            None => "not checkable".into(),
        },
    ]);
    out.push([
        "Wait for the Fed to \"truly turn\"".to_string(),
        cut_last
            .map(|c| {
                format!(
                    "December cut odds were back at {}% on {} (CME FedWatch, quoted); the decision of 9–10 Dec is after \
                     the data ends",
                    crate::state::fmt_num(c.value),
                    crate::format::long_date(&c.date)
                )
            })
            .unwrap_or_else(|| "(no data)".into()),
        "not checkable with this data (advice, and the decision came later)".into(),
    ]);
    out
}
