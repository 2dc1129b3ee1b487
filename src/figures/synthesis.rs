//! The synthesis: the two waterfalls of the four causes, the sentence that
//! compares the model with the day, and the key levels.

use crate::charts::palette::{ACTUAL, CAUSE_CASCADE, CAUSE_LIQUIDITY, CAUSE_RATES, CAUSE_TARIFFS, MODEL_TOTAL};
use crate::charts::waterfall::Step;
use crate::data::DataFile;
use crate::format::{grouped, pct_signed, usd};
use crate::model::cascade::Cascade;
use crate::scenario::{Actual, Drivers};

pub const BTC_TITLE: &str = "Bitcoin, 20 Nov (model output)";
pub const SPX_TITLE: &str = "S&P 500, 20 Nov (model output)";

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

fn step(label: &str, value: f64, color: plotters::style::RGBColor, from_zero: bool) -> Step {
    Step { label: label.into(), value, color, from_zero }
}

/// Bitcoin's waterfall: the three causes, then what the cascade adds on top
/// (`auto`: the cascade started from their combined shock), the model's
/// total and the actual move.
#[derive(Clone, Debug, PartialEq)]
pub struct BtcWaterfall {
    pub steps: Vec<Step>,
    /// The model's move, percent, and the price it gives.
    pub total: f64,
    pub price: f64,
}

pub fn btc_waterfall(d: &Drivers, c: &Cascade, auto: bool, actual: &Actual) -> BtcWaterfall {
    let mut steps = vec![
        step("Rates", d.rates_btc, CAUSE_RATES, false),
        step("Correlation", d.tariff_btc, CAUSE_TARIFFS, false),
        step("Liquidity", d.liquidity_btc, CAUSE_LIQUIDITY, false),
    ];
    if auto {
        steps.push(step("Cascade", c.final_pct - c.shock_pct, CAUSE_CASCADE, false));
    }
    let cascade = c.final_pct - c.shock_pct;
    let total = if auto { c.final_pct } else { d.rates_btc + d.tariff_btc + d.liquidity_btc + cascade };
    steps.push(step("Model", total, MODEL_TOTAL, true));
    if let Some(a) = actual.btc {
        steps.push(step("Actual", a, ACTUAL, true));
    }
    BtcWaterfall { steps, total, price: c.p0 * (1.0 + total / 100.0) }
}

/// The S&P 500's waterfall: rates, the stock shock, the contagion from the
/// tech selling the cascade sets off, the total and the actual move.
#[derive(Clone, Debug, PartialEq)]
pub struct SpxWaterfall {
    pub steps: Vec<Step>,
    pub total: f64,
}

pub fn spx_waterfall(d: &Drivers, c: &Cascade, nasdaq_beta: f64, actual: &Actual) -> SpxWaterfall {
    // Tech selling spills into the broad index with 1/β of its move.
    let contagion = c.nasdaq_pct / nasdaq_beta.max(0.1);
    let total = d.rates_spx + d.tariff_spx + contagion;
    let mut steps = vec![
        step("Rates", d.rates_spx, CAUSE_RATES, false),
        step("Stock shock", d.tariff_spx, CAUSE_TARIFFS, false),
        step("Contagion", contagion, CAUSE_CASCADE, false),
        step("Model", total, MODEL_TOTAL, true),
    ];
    if let Some(a) = actual.spx {
        steps.push(step("Actual", a, ACTUAL, true));
    }
    SpxWaterfall { steps, total }
}

/// The contributions table: one row per cause, Bitcoin's and the S&P 500's
/// contribution ("–" where a cause does not apply).
pub fn contribution_rows(btc: &[Step], spx: &[Step]) -> Vec<Vec<String>> {
    let cell = |steps: &[Step], label: &str| {
        steps.iter().find(|x| x.label == label).map(|x| pct_signed(x.value, 2)).unwrap_or_else(|| "–".into())
    };
    ["Rates", "Correlation", "Stock shock", "Liquidity", "Cascade", "Contagion", "Model", "Actual"]
        .iter()
        .map(|l| vec![l.to_string(), cell(btc, l), cell(spx, l)])
        .collect()
}

/// The S&P 500's close on 19 Nov, the base of its modelled level.
pub fn spx_before(m: &DataFile) -> Option<f64> {
    m.obs("sp500").unwrap_or_default().iter().find(|o| o.date.to_string() == "2025-11-19").map(|o| o.value)
}

/// Binance's low of `date`.
fn btc_low(m: &DataFile, date: &str) -> Option<f64> {
    m.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3)
}

/// The model's key levels, in the order of [`LEVELS`]: its level and
/// whether the level held.
pub fn level_rows(btc_price: f64, spx_total: f64, spx_before: Option<f64>) -> [(String, bool); 3] {
    let spx_level = spx_before.map(|b| b * (1.0 + spx_total / 100.0));
    [
        (usd(btc_price, 0), btc_price >= 87_000.0),
        (usd(btc_price, 0), btc_price >= 80_000.0),
        (spx_level.map(|v| grouped(v, 0)).unwrap_or_default(), spx_level.is_some_and(|v| v >= 6000.0)),
    ]
}

/// The synthesis's sentence: the model's moves against the day's.
pub fn sentence(btc: &BtcWaterfall, spx_total: f64, actual: &Actual, m: &DataFile) -> String {
    let miss = |model: f64, act: Option<f64>| {
        act.map(|a| {
            let r = model / a;
            if !(r.is_finite()) {
                "cannot be compared with"
            } else if r > 1.25 {
                "overshoots"
            } else if r < 0.75 {
                "falls short of"
            } else {
                "is close to"
            }
        })
        .unwrap_or("cannot be compared with")
    };
    format!(
        "At these settings the model puts Bitcoin {} at {} and the S&P 500 {}. That {} Bitcoin's actual {} over the \
         UTC day (its low was {}) and {} the S&P 500's actual {}.",
        pct_signed(btc.total, 2),
        usd(btc.price, 0),
        pct_signed(spx_total, 2),
        miss(btc.total, actual.btc),
        actual.btc.map(|a| pct_signed(a, 2)).unwrap_or_default(),
        btc_low(m, "2025-11-20").map(|v| usd(v, 0)).unwrap_or_default(),
        miss(spx_total, actual.spx),
        actual.spx.map(|a| pct_signed(a, 2)).unwrap_or_default(),
    )
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
