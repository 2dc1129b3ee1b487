//! The data as read: the quoted FedWatch readings, the actual moves, the
//! aligned daily returns and the market figures (no setting reads here).

use crate::data::ids::{Group, OhlcId, SeriesId};
use crate::data::{DataFile, Source};
use crate::model::date::Date;
use crate::model::returns::{align, Pair};
use crate::model::series::{pct_change, shift_days, Obs};

/// The day to explain, the session before and the day after.
pub use crate::data::days::{DAY, DAY_AFTER, DAY_BEFORE};

/// A quoted FedWatch reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// "YYYY-MM-DD:percent", the form used in the URL.
    pub id: String,
    pub date: Date,
    pub pct: f64,
    pub as_reported: String,
    pub source: Source,
}

pub fn readings(r: &DataFile) -> Vec<Reading> {
    r.facts(Group::FedwatchDecCut)
        .into_iter()
        .map(|f| Reading {
            id: format!("{}:{}", f.date, crate::format::fmt_num(f.value)),
            date: f.date,
            pct: f.value,
            as_reported: f.note.clone(),
            source: f.source.clone(),
        })
        .collect()
}

/// The actual 20 Nov moves, percent: S&P 500 and Nasdaq close to close,
/// Bitcoin over the UTC day (Bitstamp 00:00 UTC prices).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Actual {
    pub spx: Option<f64>,
    pub nasdaq: Option<f64>,
    pub btc: Option<f64>,
}

fn day_move(s: &[Obs], day: Date) -> Option<f64> {
    let i = s.iter().position(|o| o.date == day)?;
    (i > 0).then(|| pct_change(s[i - 1].value, s[i].value))
}

/// Bitcoin daily closes (UTC): the Bitstamp price at 00:00 UTC of D+1 is the close of D.
pub fn btc_closes(m: &DataFile) -> Vec<Obs> {
    shift_days(&m.obs(SeriesId::BtcUsd0000utc).unwrap_or_default(), -1)
}

/// The Nasdaq Composite closes quoted in the sources, as observations (a
/// few points, not a daily series).
pub fn nasdaq_obs(m: &DataFile) -> Vec<Obs> {
    m.facts(Group::NasdaqClose).into_iter().map(|f| Obs { date: f.date, value: f.value }).collect()
}

pub fn actual_moves(m: &DataFile) -> Actual {
    let day = DAY;
    let sp = m.obs(SeriesId::Sp500).unwrap_or_default();
    let nq = nasdaq_obs(m);
    // The Nasdaq points have gaps; 19 and 20 Nov are consecutive trading days.
    let nasdaq = match (nq.iter().find(|o| o.date == DAY_BEFORE), nq.iter().find(|o| o.date == day)) {
        (Some(a), Some(b)) => Some(pct_change(a.value, b.value)),
        _ => None,
    };
    Actual { spx: day_move(&sp, day), nasdaq, btc: day_move(&btc_closes(m), day) }
}

/// The actual moves from the close of `from` to the close of 20 Nov, so
/// that a rate change measured from a reading on `from` is set against the
/// move over the same span (`None` where a close is missing or `from` is not
/// before the day).
pub fn actual_since(m: &DataFile, from: Date) -> Actual {
    let day = DAY;
    if from >= day {
        return Actual { spx: None, nasdaq: None, btc: None };
    }
    let between = |s: &[Obs]| {
        let at = |x: Date| s.iter().find(|o| o.date == x).map(|o| o.value);
        Some(pct_change(at(from)?, at(day)?))
    };
    Actual {
        spx: between(&m.obs(SeriesId::Sp500).unwrap_or_default()),
        nasdaq: between(&nasdaq_obs(m)),
        btc: between(&btc_closes(m)),
    }
}

/// Aligned daily log returns of the S&P 500 and Bitcoin (see `returns::align`).
pub fn pairs(m: &DataFile) -> Vec<Pair> {
    align(&m.obs(SeriesId::Sp500).unwrap_or_default(), &btc_closes(m))
}

/// Inputs of the impact model read off the data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Market {
    /// Bitcoin daily volatility, 30 UTC days to 19 Nov, fraction.
    pub sigma: f64,
    pub sigma_n: usize,
    /// Binance BTC/USDT spot volume on 20 Nov, BTC and US$: one venue's
    /// spot trading, shown for comparison; the impact law uses
    /// [`MARKET_VOLUME_USD`](super::MARKET_VOLUME_USD) (see [`Inputs`](super::Inputs)).
    pub volume_btc: f64,
    pub volume_usd: f64,
    /// Bitcoin close on 20 Nov (Binance), US$.
    pub price: f64,
    /// Bitcoin close on 19 Nov (Binance), US$: the starting point of the day.
    pub price_before: f64,
    /// Bitcoin's UTC-day move on 20 Nov, percent.
    pub actual_pct: Option<f64>,
}

pub fn market(m: &DataFile) -> Option<Market> {
    let closes = btc_closes(m);
    let end = DAY_BEFORE;
    let window: Vec<&Obs> = closes.iter().filter(|o| o.date <= end && o.date.days() > end.days() - 31).collect();
    let rets: Vec<f64> = window
        .windows(2)
        .filter(|w| w[1].date.days() - w[0].date.days() == 1)
        .map(|w| (w[1].value / w[0].value).ln())
        .collect();
    let n = rets.len();
    if n < 3 {
        return None;
    }
    let mean = rets.iter().sum::<f64>() / n as f64;
    let sigma = (rets.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / (n as f64 - 1.0)).sqrt();
    let bars = &m.ohlc(OhlcId::BtcUsdtBinance)?.bars;
    let bar = bars.iter().find(|b| b.0 == DAY)?;
    let before = bars.iter().find(|b| b.0 == DAY_BEFORE)?;
    let day = closes.iter().position(|o| o.date == DAY);
    let actual_pct = day.filter(|&i| i > 0).map(|i| pct_change(closes[i - 1].value, closes[i].value));
    Some(Market {
        sigma,
        sigma_n: n,
        volume_btc: bar.5,
        volume_usd: bar.5 * bar.4,
        price: bar.4,
        price_before: before.4,
        actual_pct,
    })
}

/// The quoted reading a horizon starts from: the first one quoted on the
/// latest day with readings on or before the horizon's first close.
pub fn reading_at(all: &[Reading], day: Date) -> Option<&Reading> {
    let latest = all.iter().map(|r| r.date).filter(|x| *x <= day).max()?;
    all.iter().find(|r| r.date == latest)
}

/// A move in percent from the close on `from` to the close on `to`.
pub(super) fn move_between(s: &[Obs], from: Date, to: Date) -> Option<f64> {
    let at = |x: Date| s.iter().find(|o| o.date == x).map(|o| o.value);
    Some(pct_change(at(from)?, at(to)?))
}
