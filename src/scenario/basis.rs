//! Everything the scenario needs from the data, read once ([`Basis`]), and
//! what depends only on it and a window or horizon.

use super::day::*;
use super::inputs::*;
use super::observed::*;
use super::positions::*;
use crate::data::ids::SeriesId;
use crate::data::DataFile;
use crate::model::cascade;
use crate::model::leverage::MAINTENANCE;
use crate::model::returns::Pair;
use crate::model::series::Obs;
use crate::state::{Horizon, Window};

/// The inputs at a correlation window.
pub fn inputs(b: &Basis, window: Window) -> Inputs {
    let crisis = estimate(&b.pairs, window.days());
    Inputs {
        calm: calm_stats(&b.pairs),
        crisis,
        beta_without_tariff_day: crisis.and_then(|e| beta_without(&b.pairs, &e, TARIFF_DAY)),
        sigma_btc_utc: b.market.sigma,
        sigma_btc_utc_n: b.market.sigma_n,
        volume_usd: MARKET_VOLUME_USD,
        volume_low_usd: MARKET_VOLUME_LOW_USD,
        volume_high_usd: MARKET_VOLUME_HIGH_USD,
        spot_volume_usd: b.market.volume_usd,
        nasdaq_volume_usd: NASDAQ_VOLUME_USD,
        y: Y,
        y_low: Y_LOW,
        y_high: Y_HIGH,
        maintenance: MAINTENANCE,
    }
}

/// The data files the scenario reads.
pub struct Data<'a> {
    pub markets: &'a DataFile,
    pub rates: &'a DataFile,
}

/// Everything the scenario needs from the data, read once: moving a slider
/// then only redoes the arithmetic that depends on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Basis {
    pub market: Market,
    pub readings: Vec<Reading>,
    pub pairs: Vec<Pair>,
    /// Daily closes: the S&P 500 (trading days) and Bitcoin (UTC days).
    pub spx_closes: Vec<Obs>,
    pub btc_closes: Vec<Obs>,
    /// The S&P 500's day by sector, Nvidia and the path from the open
    /// (quoted figures; `None` where the data lacks them).
    pub stocks_day: Option<StocksDay>,
    /// Where the modelled population's positions opened ([`openings`]),
    /// drawn once: they do not depend on any setting.
    pub openings: Vec<cascade::Opening>,
}

pub fn basis(data: &Data) -> Option<Basis> {
    Some(Basis {
        market: market(data.markets)?,
        readings: readings(data.rates),
        pairs: pairs(data.markets),
        spx_closes: data.markets.obs(SeriesId::Sp500).unwrap_or_default(),
        btc_closes: btc_closes(data.markets),
        stocks_day: stocks_day(data.markets),
        openings: openings(data.markets, POPULATION),
    })
}

/// The actual moves of the S&P 500 and Bitcoin over a horizon ending at the
/// close of 20 Nov (Bitcoin: UTC closes), percent.
pub fn actual_over(b: &Basis, h: Horizon) -> (Option<f64>, Option<f64>) {
    (move_between(&b.spx_closes, h.start(), DAY), move_between(&b.btc_closes, h.start(), DAY))
}
