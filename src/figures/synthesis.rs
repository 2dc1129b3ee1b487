//! The synthesis: the two waterfalls, one plain sentence per cause, the
//! table of parts with their ranges, and the key levels.

use crate::charts::palette::{
    ACTUAL, CAUSE_CASCADE, CAUSE_LIQUIDITY, CAUSE_RATES, CAUSE_STOCKS, CAUSE_TECH, MODEL_TOTAL,
};
use crate::charts::waterfall::Step;
use crate::data::days::{DAY, DAY_AFTER};
use crate::data::ids::{Group, SeriesId};
use crate::data::DataFile;
use crate::format::fmt_num;
use crate::format::{grouped, pct_abs, pct_signed, usd_millions_sig2};
// The English figures (the Chinese edition's are `format::zh`'s).
#[cfg_attr(feature = "zh", allow(unused_imports))]
use crate::format::usd;
use crate::model::date::Date;
use crate::scenario::decomposition::{Cause, Decomposition, Decompositions, Part};
use crate::state::Horizon;

pub mod zh;

/// The waterfalls' titles; the horizon is named beside them.
pub const BTC_TITLE: &str = tr!("Bitcoin: the parts of its move", "比特币：涨跌幅拆解");
pub const SPX_TITLE: &str = tr!("S&P 500: the parts of its move", "标普500指数：涨跌幅拆解");

/// "20 Nov" or "6–20 Nov".
pub fn horizon_short(h: Horizon) -> &'static str {
    match h {
        Horizon::Day => "20 Nov",
        Horizon::TwoWeeks => "6–20 Nov",
    }
}

/// The key levels the source text names.
pub const LEVELS: [&str; 3] = tr!(
    ["Bitcoin support at $87,000–88,000", "Bitcoin at $80,000", "S&P 500 at 6,000"],
    ["比特币87,000–88,000美元支撑位", "比特币80,000美元关口", "标普500指数6,000点"]
);

/// A level named by the source text, checked against the data.
pub fn verdict(held: bool) -> &'static str {
    if held {
        tr!("held", "守住")
    } else {
        tr!("broken", "跌破")
    }
}

/// A cause's name in the build's language (the English [`cause_label`]
/// also names the first screen's English bars).
fn name(c: Cause) -> &'static str {
    tr!(cause_label(c), zh::cause_label(c))
}

/// A cause's name in the S&P 500's decomposition and in the table's rows.
pub fn cause_label(c: Cause) -> &'static str {
    match c {
        Cause::Tech => "AI/tech reversal",
        Cause::Rates => "Rates",
        Cause::Contagion => "Contagion",
        Cause::StockRest => "Rest of the stock move",
        Cause::Selling => "ETF selling",
        Cause::Cascade => "Liquidations",
    }
}

/// A part's name under its bar: `\n` where a narrow chart breaks it.
/// Bitcoin's parts through stocks carry the bracket [`VIA_STOCKS_GROUP`].
pub fn part_axis(c: Cause) -> &'static str {
    match c {
        Cause::Tech => tr!("AI/tech", "AI/科技\n股反转"),
        Cause::Rates => tr!("Rates", "利率\n因素"),
        Cause::Contagion => tr!("Conta-\ngion", "跨市场\n传染"),
        Cause::StockRest => tr!("The\nrest", "股市\n其余"),
        Cause::Selling => tr!("ETF\nselling", "ETF资金\n流出"),
        Cause::Cascade => tr!("Liqui-\ndations", "强平"),
    }
}

/// The bracket over Bitcoin's bars that came through stocks.
pub const VIA_STOCKS_GROUP: &str =
    tr!("through stocks: β × the S&P 500's parts", "经由股市传导：β系数 × 标普500指数各项");

/// One colour per cause; everything that reaches Bitcoin through stocks
/// shares the stocks colour, whichever part of the stock move it passes on.
pub fn part_color(p: &Part) -> plotters::style::RGBColor {
    if p.via_stocks {
        return CAUSE_STOCKS;
    }
    match p.cause {
        Cause::Tech => CAUSE_TECH,
        Cause::Rates => CAUSE_RATES,
        Cause::Selling => CAUSE_LIQUIDITY,
        Cause::Cascade | Cause::Contagion => CAUSE_CASCADE,
        Cause::StockRest => CAUSE_STOCKS,
    }
}

pub const NOT_EXPLAINED: &str = "Not explained";
pub const OVERSHOOT: &str = "Overshoot";

/// The rest's name: "Not explained", or "Overshoot" when the parts add to
/// more than the move (the rest then has the opposite sign).
pub fn rest_label(dec: &Decomposition) -> &'static str {
    if dec.overshoots() {
        OVERSHOOT
    } else {
        NOT_EXPLAINED
    }
}

/// The rest in words: "−1.86% is not explained" or "the models overshoot
/// by 0.13 points".
pub fn rest_words(dec: &Decomposition) -> String {
    let ne = dec.not_explained().0;
    if dec.overshoots() {
        format!("the models overshoot by {} points", grouped(ne.abs(), 2))
    } else {
        format!("{} is not explained", pct_signed(ne, 2))
    }
}

/// One asset's waterfall: each part with its range, then what is not
/// explained (actual − the parts, so the bars end at the actual move), then
/// the actual move from zero.
pub fn waterfall(dec: &Decomposition) -> Vec<Step> {
    let mut steps: Vec<Step> = dec
        .parts
        .iter()
        .map(|p| Step {
            label: name(p.cause).into(),
            axis: if p.via_stocks || p.cause != Cause::Tech {
                part_axis(p.cause)
            } else {
                tr!("AI/tech\nreversal", "AI/科技\n股反转")
            }
            .into(),
            group: p.via_stocks.then_some(VIA_STOCKS_GROUP),
            value: p.value,
            color: part_color(p),
            from_zero: false,
            range: Some((p.lo, p.hi)),
            note: p.via_stocks.then_some(VIA_STOCKS_NOTE),
        })
        .collect();
    let (ne, ne_lo, ne_hi) = dec.not_explained();
    steps.push(Step {
        label: tr!(rest_label(dec), zh::rest_label(dec)).into(),
        axis: if dec.overshoots() {
            tr!("Over-\nshoot", "模型高估\n部分")
        } else {
            tr!("Not ex-\nplained", "模型\n未解释")
        }
        .into(),
        group: None,
        value: ne,
        color: MODEL_TOTAL,
        from_zero: false,
        range: Some((ne_lo, ne_hi)),
        note: dec.overshoots().then_some(tr!("the parts add to more than the move", "各项合计超过实际涨跌")),
    });
    steps.push(Step {
        label: tr!("Actual", crate::format::zh::term::ACTUAL).into(),
        axis: tr!("Actual", "实际\n涨跌").into(),
        group: None,
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

/// How a part that reached Bitcoin through stocks is marked in the table
/// and the read-outs.
pub const VIA_STOCKS_NOTE: &str =
    tr!("through stocks, β × the S&P 500's part", "经由股市传导，β系数 × 标普500指数对应项");

fn cell(p: Option<&Part>) -> String {
    p.map(|p| {
        format!(
            "{}{}",
            if p.via_stocks { format!("{VIA_STOCKS_NOTE}{}", tr!(": ", "：")) } else { String::new() },
            tr!(with_range(p.value, p.lo, p.hi), zh::with_range(p.value, p.lo, p.hi))
        )
    })
    .unwrap_or_else(|| "–".into())
}

fn rest_cell(dec: &Decomposition) -> String {
    let (v, lo, hi) = dec.not_explained();
    if dec.overshoots() {
        tr!(
            format!("overshoot: the parts exceed the move by {} points", grouped(v.abs(), 2)),
            format!(
                "{}：各项合计超出实际涨跌{}",
                crate::format::zh::term::OVERSHOOT,
                crate::format::zh::points(v.abs(), 2)
            )
        )
    } else {
        tr!(with_range(v, lo, hi), zh::with_range(v, lo, hi))
    }
}

/// The contributions table: one row per cause, Bitcoin's and the S&P
/// 500's part with its range ("–" where a cause does not apply), the sum of
/// the parts, what is not explained and the actual move. Every range comes
/// from the same two draws of the inputs, so the rows' ranges need not add.
pub fn contribution_rows(d: &Decompositions) -> Vec<Vec<String>> {
    let causes = [Cause::Tech, Cause::Rates, Cause::Contagion, Cause::StockRest, Cause::Selling, Cause::Cascade];
    let mut rows: Vec<Vec<String>> = causes
        .iter()
        .filter(|c| d.btc.part(**c).is_some() || d.spx.part(**c).is_some())
        .map(|c| {
            let spx = if *c == Cause::StockRest {
                tr!("(its \"not explained\" row)", "（见“模型未解释”一行）").to_string()
            } else {
                cell(d.spx.part(*c))
            };
            vec![name(*c).to_string(), cell(d.btc.part(*c)), spx]
        })
        .collect();
    let total = |x: (f64, f64, f64)| tr!(with_range(x.0, x.1, x.2), zh::with_range(x.0, x.1, x.2));
    rows.push(vec![tr!("All parts", "各项合计").into(), total(d.btc.modelled()), total(d.spx.modelled())]);
    rows.push(vec![
        tr!(NOT_EXPLAINED, crate::format::zh::term::NOT_EXPLAINED).into(),
        rest_cell(&d.btc),
        rest_cell(&d.spx),
    ]);
    rows.push(vec![
        tr!("Actual", crate::format::zh::term::ACTUAL).into(),
        pct_signed(d.btc.actual, 2),
        pct_signed(d.spx.actual, 2),
    ]);
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

fn value(dec: &Decomposition, c: Cause) -> f64 {
    dec.part(c).map_or(0.0, |p| p.value)
}

/// β as plain words round it: to the nearest half when β written to one
/// decimal is that half (1 and 2 have words of their own), else to one
/// decimal, so the words and the "for every 1%, about x%" beside them give
/// one number (β 2.57 had read "about 2.5 times … about 2.6%").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Times {
    AsMuch,
    Twice,
    /// "1.5", "3" (a half or a whole number).
    Half(f64),
    /// "2.7" (one decimal, as `grouped` writes it).
    Decimal(f64),
}

impl Times {
    pub fn of(beta: f64) -> Times {
        let half = (beta * 2.0).round() / 2.0;
        if grouped(beta, 1) != grouped(half, 1) {
            Times::Decimal(beta)
        } else if half == 1.0 {
            Times::AsMuch
        } else if half == 2.0 {
            Times::Twice
        } else {
            Times::Half(half)
        }
    }

    /// The number, as the words write it ("1.5", "2.7"); `None` for the two
    /// that are words.
    pub fn number(self) -> Option<String> {
        match self {
            Times::AsMuch | Times::Twice => None,
            Times::Half(h) => Some(fmt_num(h)),
            Times::Decimal(b) => Some(grouped(b, 1)),
        }
    }
}

/// β in plain words: "about twice", "about 1.5 times".
pub fn times_words(beta: f64) -> String {
    let t = Times::of(beta);
    match (t, t.number()) {
        (Times::AsMuch, _) => "about as much".into(),
        (Times::Twice, _) => "about twice".into(),
        (_, n) => format!("about {} times", n.unwrap_or_default()),
    }
}

/// The synthesis in plain sentences, one per cause, at the central inputs
/// (the ranges are in the table). In the order of the source text's causes,
/// then what is left.
pub fn cause_sentences(d: &Decompositions, cut_pct: f64) -> Vec<String> {
    let (b, s) = (&d.btc, &d.spx);
    let day = b.horizon == Horizon::Day;
    let reading_date = Some(d.reading.date).map(|x| x.short()).unwrap_or_default();
    let (rates, btc_rates) = (value(s, Cause::Rates), value(b, Cause::Rates));
    let day_reading = crate::state::CUT.default;
    let yours = (cut_pct - day_reading).abs() > 0.05;
    let verb = match (rates >= 0.0, yours) {
        (true, false) => "lifting",
        (false, false) => "taking",
        (true, true) => "lifts",
        (false, true) => "takes",
    };
    // Bitcoin's rate part is one of those that come through stocks (it is
    // inside the next sentence's figure): said so, so that no reader adds it twice.
    let amounts = if rates >= 0.0 {
        format!("stocks {} and, through them, Bitcoin {}", pct_abs(rates, 2), pct_abs(btc_rates, 2))
    } else {
        format!("{} off stocks and, through them, {} off Bitcoin", pct_abs(rates, 2), pct_abs(btc_rates, 2))
    };
    let mut out = vec![if yours {
        format!(
            "Rates: at your {}% cut odds (from {}% on {reading_date}), the rate model {verb} {amounts}.",
            fmt_num(cut_pct),
            fmt_num(d.reading.pct)
        )
    } else {
        format!(
            "Rates: the cut odds {} from {}% on {reading_date} to {}%, {verb} {amounts} by the rate model.",
            if day_reading >= d.reading.pct { "rose" } else { "fell" },
            fmt_num(d.reading.pct),
            fmt_num(day_reading)
        )
    }];
    let via = b.via_stocks().map_or(0.0, |v| v.0);
    out.push(format!(
        "Crypto tied to stocks: with β {}, the stock move reached Bitcoin as {}, {} of its {}.",
        grouped(d.beta.stats.beta, 2),
        pct_signed(via, 2),
        if via / b.actual > 0.5 { "most" } else { "part" },
        pct_signed(b.actual, 2),
    ));
    out.push(match (&d.tech, s.part(Cause::Tech)) {
        (Some(t), Some(p)) => format!(
            "AI valuations: tech's reversal after Nvidia's results gave {} points of the S&P 500's {} beyond the broad \
             fall{}.",
            grouped(p.value, 2),
            pct_signed(s.actual, 2),
            t.nvidia
                .map(|(lo, hi)| format!(" (Nvidia alone {} to {})", grouped(lo, 2), grouped(hi, 2)))
                .unwrap_or_default(),
        ),
        _ => "AI valuations: sector moves are quoted for 20 Nov only, so over two weeks the tech reversal is not \
              separated."
            .to_string(),
    });
    out.push(match b.part(Cause::Selling) {
        Some(p) => format!("Thin liquidity: the day's net ETF selling moved Bitcoin {}.", pct_signed(p.value, 2)),
        None => {
            "Thin liquidity: the ETF selling is not modelled over two weeks (no complete daily flow table).".to_string()
        }
    });
    out.push(format!(
        "Forced liquidations: modelled at assumed leverage and open interest, {} of longs sold on 20 Nov add {} to \
         Bitcoin and {} to stocks.",
        usd_millions_sig2(d.cascade.liquidated / 1e6),
        pct_signed(value(b, Cause::Cascade), 2),
        pct_signed(value(s, Cause::Contagion), 2),
    ));
    let left = |dec: &Decomposition| {
        if dec.overshoots() {
            format!("none (the models overshoot by {} points)", grouped(dec.not_explained().0.abs(), 2))
        } else {
            pct_signed(dec.not_explained().0, 2)
        }
    };
    out.push(format!(
        "Not explained {}: Bitcoin {}, the S&P 500 {}.",
        if day { "on the day" } else { "across the two weeks" },
        left(b),
        left(s),
    ));
    out
}

/// The S&P 500's waterfall in one sentence: what is measured, what the
/// models give, what is left.
pub fn sentence_spx(d: &Decompositions) -> String {
    let s = &d.spx;
    let tech = match &d.tech {
        Some(t) => format!(
            "Tech measured ({}% of the index at {} weights, {}{})",
            grouped(t.weight * 100.0, 1),
            t.weight_date.short(),
            pct_signed(t.tech_pct, 2),
            t.tech_other_pct.map(|o| format!("; {} by another source", pct_signed(o, 2))).unwrap_or_default(),
        ),
        None => "Tech not separated (sector moves are quoted for 20 Nov only)".to_string(),
    };
    format!("{tech}; rates and contagion modelled; {}.", rest_words(s))
}

/// The model's liquidations range at the ends of the impact law, in words
/// (two significant figures: a synthetic population).
pub fn liquidated_range(d: &Decompositions) -> String {
    format!("{} to {}", usd_millions_sig2(d.liquidated_range.0 / 1e6), usd_millions_sig2(d.liquidated_range.1 / 1e6))
}

/// A price in the Chinese edition's form ("86,100美元").
#[cfg_attr(not(feature = "zh"), allow(dead_code))]
fn zh_price(v: f64) -> String {
    crate::format::zh::price_usd(v, 0)
}

/// Binance's low of `date`.
fn btc_low(m: &DataFile, date: Date) -> Option<f64> {
    m.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3)
}

/// The model's key levels on the day, in the order of [`LEVELS`]: its
/// level and whether the level held (`None`: not modelled). Bitcoin's is
/// where the day's liquidations end (from the day's modelled shock, never a
/// hypothetical start); the S&P 500's move is the data's, decomposed, so no
/// modelled level is claimed for it.
pub fn level_rows(btc_price: f64) -> [(String, Option<bool>); 3] {
    let price = tr!(usd(btc_price, 0), crate::format::zh::price_usd(btc_price, 0));
    [
        (price.clone(), Some(btc_price >= 87_000.0)),
        (price, Some(btc_price >= 80_000.0)),
        (
            tr!(
                "not modelled: the S&P 500's close is the data's, decomposed above",
                "未建模：标普500指数的收盘价取自实际数据，已在上文拆解"
            )
            .to_string(),
            None,
        ),
    ]
}

/// The key levels against the data: level, what the data shows, whether it held.
pub fn data_levels(m: &DataFile) -> Vec<(&'static str, Option<String>, Option<bool>)> {
    let bars = m.ohlc.first().map(|s| s.bars.clone()).unwrap_or_default();
    let sp = m.obs(SeriesId::Sp500).unwrap_or_default();
    let november = sp.iter().filter(|o| o.date >= Date::ymd(2025, 11, 1));
    let sp_min = november.map(|o| o.value).fold(f64::INFINITY, f64::min);
    let (l20, l21) = (btc_low(m, DAY), btc_low(m, DAY_AFTER));
    let nov_low = bars.iter().filter(|b| b.0 >= Date::ymd(2025, 11, 1)).map(|b| b.3).fold(f64::INFINITY, f64::min);
    vec![
        (
            LEVELS[0],
            l20.map(|l| tr!(format!("20 Nov low {}", usd(l, 0)), format!("11月20日最低{}", zh_price(l)))),
            l20.map(|l| l >= 87_000.0),
        ),
        (
            LEVELS[1],
            l21.map(|l| {
                tr!(
                    format!("21 Nov low {}; lowest in November {}", usd(l, 0), usd(nov_low, 0)),
                    format!("11月21日最低{}；11月最低{}", zh_price(l), zh_price(nov_low))
                )
            }),
            Some(nov_low >= 80_000.0),
        ),
        (
            LEVELS[2],
            Some(tr!(
                format!("lowest November close {}", grouped(sp_min, 2)),
                format!("11月最低收盘{}点", grouped(sp_min, 2))
            )),
            Some(sp_min >= 6000.0),
        ),
    ]
}

/// The source text's forecasts, set against what the bundled data shows up
/// to its last date: (forecast, what the data shows, verdict). Hindsight,
/// labelled as such on the page.
pub fn forecasts(m: &DataFile, rates: &DataFile) -> Vec<[String; 3]> {
    let bars = m.ohlc.first().map(|s| s.bars.clone()).unwrap_or_default();
    let after: Vec<_> = bars.iter().filter(|b| b.0 >= DAY).collect();
    let low = after.iter().min_by(|a, b| a.3.total_cmp(&b.3));
    // In Chinese the year only outside 2025, the year the page is about.
    let long = |d: Date| {
        tr!(d.long(), if d.year == 2025 { crate::format::zh::month_day(d) } else { crate::format::zh::date(d) })
    };
    let last_bar = after.last().map(|b| long(b.0)).unwrap_or_default();
    let (no_data, unchecked) = (tr!("(no data)", "（无数据）"), tr!("not checkable", "无法核对"));
    let sp = m.obs(SeriesId::Sp500).unwrap_or_default();
    let sp_after: Vec<_> = sp.iter().filter(|o| o.date >= DAY).collect();
    let sp_low = sp_after.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let sp_last = sp_after.last();
    let cut = rates.facts(Group::FedwatchDecCut);
    let cut_last = cut.iter().max_by(|a, b| a.date.cmp(&b.date));
    let low21 = btc_low(m, DAY);
    let mut out = Vec::new();
    out.push([
        tr!("$87,000–88,000 is Bitcoin's key support", "87,000–88,000美元是比特币的关键支撑位").to_string(),
        low21
            .map(|l| {
                tr!(
                    format!("It gave way on 20 Nov itself: low {} (Binance)", usd(l, 0)),
                    format!("11月20日当天即告失守：最低{}（Binance）", zh_price(l))
                )
            })
            .unwrap_or_else(|| no_data.into()),
        match low21 {
            Some(l) if l < 87_000.0 => tr!("did not hold", "未守住").into(),
            Some(_) => tr!("held", "守住").into(),
            None => unchecked.into(),
        },
    ]);
    out.push([
        tr!("Losing it may bring $80,000 \"or even lower\"", "一旦失守，可能跌至80,000美元“甚至更低”").to_string(),
        low.map(|b| {
            tr!(
                format!("The lowest Binance low from 20 Nov to {} was {} on {}", last_bar, usd(b.3, 0), long(b.0)),
                format!("11月20日至{}，Binance最低价为{}（{}）", last_bar, zh_price(b.3), long(b.0))
            )
        })
        .unwrap_or_else(|| no_data.into()),
        match low {
            Some(b) if b.3 < 80_000.0 => tr!("happened: below $80,000", "已应验：跌破80,000美元").into(),
            Some(b) => tr!(
                format!("came within {} of $80,000, not below it", usd(b.3 - 80_000.0, 0)),
                format!("距80,000美元仅差{}，但未跌破", zh_price(b.3 - 80_000.0))
            ),
            None => unchecked.into(),
        },
    ]);
    out.push([
        tr!("The S&P 500 could fall below 6,000", "标普500指数可能跌破6,000点").to_string(),
        match (sp_low, sp_last) {
            (Some(l), Some(e)) => tr!(
                format!("Lowest close from 20 Nov to {}: {} on {}", long(e.date), grouped(l.value, 2), long(l.date)),
                format!("11月20日至{}的最低收盘：{}点（{}）", long(e.date), grouped(l.value, 2), long(l.date))
            ),
            _ => no_data.into(),
        },
        match sp_low {
            Some(l) if l.value < 6000.0 => tr!("happened", "已应验").into(),
            Some(l) => tr!(
                format!(
                    "not by the end of the data ({} above 6,000)",
                    crate::format::pct((l.value / 6000.0 - 1.0) * 100.0, 1)
                ),
                format!(
                    "截至数据结束时未应验（最低收盘仍比6,000点高{}）",
                    crate::format::pct((l.value / 6000.0 - 1.0) * 100.0, 1)
                )
            ),
            None => unchecked.into(),
        },
    ]);
    out.push([
        tr!("Wait for the Fed to \"truly turn\"", "等待美联储“真正转向”").to_string(),
        cut_last
            .map(|c| {
                tr!(
                    format!(
                        "December cut odds were back at {}% on {} (CME FedWatch, quoted); the decision of 9–10 Dec is after \
                         the data ends",
                        crate::format::fmt_num(c.value),
                        long(c.date)
                    ),
                    format!(
                        "{}，{}已回升至{}%（CME FedWatch，转引）；12月9日至10日的议息决定在数据截止日之后",
                        long(c.date),
                        crate::format::zh::term::CUT_ODDS,
                        crate::format::fmt_num(c.value)
                    )
                )
            })
            .unwrap_or_else(|| no_data.into()),
        tr!(
            "not checkable with this data (advice, and the decision came later)",
            "无法用本页数据核实（这是一条建议，且议息决定在此之后）"
        )
        .into(),
    ]);
    out
}
