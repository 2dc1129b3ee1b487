//! The market-inputs table: every volatility, β, correlation, volume and
//! constant the models use, one value per quantity and definition, with its
//! unit, window and source. The sections read the same values from
//! `scenario::Inputs`; this is the reader's view of them.

use crate::data::days::DAY_AFTER;
use crate::data::ids::{Group, SeriesId};
use crate::data::DataFile;
use crate::format::{grouped, usd_millions};
use crate::scenario::{Estimate, Inputs};

/// The table's column headers.
pub const HEADERS: [&str; 5] = ["Input", "Value", "Unit", "Window", "Source"];

fn publisher(m: &DataFile, id: SeriesId) -> String {
    m.series(id).map(|s| s.source.publisher.clone()).unwrap_or_else(|| "(missing)".into())
}

fn pct2(v: f64) -> String {
    format!("{}%", grouped(v * 100.0, 2))
}

fn window(e: &Estimate) -> String {
    let short = if e.is_short() { format!("; the {}-day window asks for more", e.requested) } else { String::new() };
    format!("{} trading days, {} to {}{short}", e.stats.n, e.first.short(), e.last.short())
}

/// One row per input: name, value, unit, window, source.
pub fn rows(inp: &Inputs, m: &DataFile) -> Vec<[String; 5]> {
    let btc = publisher(m, SeriesId::BtcUsd0000utc);
    let both = format!("{} and {}", publisher(m, SeriesId::Sp500), btc);
    let mut out = vec![[
        "Bitcoin volatility per UTC day (σ of the square-root law)".to_string(),
        pct2(inp.sigma_btc_utc),
        "standard deviation of daily log returns".into(),
        format!("{} UTC days to 19 Nov", inp.sigma_btc_utc_n),
        btc.clone(),
    ]];
    if let Some(e) = inp.crisis {
        let (lo, hi) = e.beta_range();
        let w = window(&e);
        out.extend([
            [
                "Bitcoin volatility per trading-day return (σ of β)".to_string(),
                pct2(e.stats.sd_btc),
                "standard deviation; weekends compounded into Monday".into(),
                w.clone(),
                both.clone(),
            ],
            [
                "S&P 500 daily volatility".to_string(),
                pct2(e.stats.sd_spx),
                "standard deviation".into(),
                w.clone(),
                both.clone(),
            ],
            [
                "Bitcoin's β to the S&P 500".to_string(),
                format!(
                    "{} (95% interval {} to {}{})",
                    grouped(e.stats.beta, 2),
                    grouped(lo, 2),
                    grouped(hi, 2),
                    inp.beta_without_tariff_day
                        .map(|b| format!("; {} without the 10 Oct tariff day", grouped(b, 2)))
                        .unwrap_or_default()
                ),
                "ratio".into(),
                w.clone(),
                both.clone(),
            ],
            [
                "Correlation, Bitcoin and S&P 500".to_string(),
                grouped(e.stats.corr, 2),
                "Pearson".into(),
                w,
                both.clone(),
            ],
        ]);
    }
    if let Some(c) = inp.calm {
        out.push([
            "Calm regime: correlation, β".to_string(),
            format!("{}, {}", grouped(c.corr, 2), grouped(c.beta, 2)),
            "Pearson; ratio".into(),
            format!("{} trading days before the 10 Oct tariff threat", c.n),
            both,
        ]);
    }
    out.extend([
        [
            "Bitcoin's daily traded volume, all venues (V)".to_string(),
            format!(
                "{} (range {} to {})",
                usd_millions(inp.volume_usd / 1e6),
                usd_millions(inp.volume_low_usd / 1e6),
                usd_millions(inp.volume_high_usd / 1e6)
            ),
            "US$ a day".into(),
            "assumption".into(),
            "an order-of-magnitude assumption; no all-venue volume is in the bundled data".into(),
        ],
        [
            "Binance BTC/USDT spot volume, 20 Nov".to_string(),
            usd_millions(inp.spot_volume_usd / 1e6),
            "US$ (BTC × close)".into(),
            "20 Nov, one venue, spot only (for comparison)".into(),
            m.ohlc.first().map(|s| s.source.publisher.clone()).unwrap_or_default(),
        ],
        [
            "Nasdaq's daily traded value".to_string(),
            usd_millions(inp.nasdaq_volume_usd / 1e6),
            "US$ a day".into(),
            "assumption".into(),
            "an order-of-magnitude assumption".into(),
        ],
        [
            "Y, the square-root law's constant".to_string(),
            format!("{} (range {} to {})", grouped(inp.y, 1), grouped(inp.y_low, 1), grouped(inp.y_high, 1)),
            "dimensionless".into(),
            "–".into(),
            "of order one (Tóth et al., Physical Review X, 2011); the value is an assumption".into(),
        ],
        [
            "Maintenance margin of a leveraged long".to_string(),
            pct2(inp.maintenance),
            "share of the position".into(),
            "–".into(),
            "assumption, Binance-style USDT-margined contracts".into(),
        ],
    ]);
    out
}

/// What β rests on, in words: one day's weight in it, and the clock of
/// Bitcoin's daily price against the US close, with the near-close quotes
/// that exist for 20 Nov.
pub fn beta_note(inp: &Inputs, m: &DataFile) -> String {
    let Some(e) = inp.crisis else { return String::new() };
    let tariff = inp
        .beta_without_tariff_day
        .map(|b| {
            format!(
                "β is {} with the 10 Oct tariff day in its window and {} without it, so one day carries part of it. ",
                grouped(e.stats.beta, 2),
                grouped(b, 2)
            )
        })
        .unwrap_or_default();
    let near: Vec<f64> = m
        .facts(Group::BtcNearUsClose)
        .into_iter()
        .filter(|f| f.date == crate::scenario::DAY)
        .map(|f| f.value)
        .collect();
    let at_utc =
        m.obs(SeriesId::BtcUsd0000utc).ok().and_then(|s| s.into_iter().find(|o| o.date == DAY_AFTER)).map(|o| o.value);
    let quotes = match (near.iter().copied().reduce(f64::min), near.iter().copied().reduce(f64::max), at_utc) {
        (Some(lo), Some(hi), Some(u)) => format!(
            " On 20 Nov, end-of-day market wraps put Bitcoin near the US close at {} to {}, against {} at 00:00 UTC on \
             21 Nov, so on the day itself the three hours change little.",
            crate::format::usd(lo, 0),
            crate::format::usd(hi, 0),
            crate::format::usd(u, 0)
        ),
        _ => String::new(),
    };
    format!(
        "{tariff}Bitcoin's daily price here is Bitstamp's at 00:00 UTC, three hours after the US close (16:00 ET is \
         21:00 UTC): each Bitcoin day ends a little after the S&P 500's.{quotes}"
    )
}

/// Why there are two volatilities of Bitcoin.
pub const TWO_SIGMAS: &str = "Bitcoin has two volatilities here, on purpose: per UTC day (every calendar day, what \
    the square-root law needs, since its volume is a day's volume) and per trading-day return (weekend moves compounded \
    into Monday, so that each Bitcoin return spans the same days as the S&P 500's, what β and the correlation need). \
    The second is larger because a Monday return holds three days of moves.";
