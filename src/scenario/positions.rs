//! The modelled population of leveraged longs open at the close of 19 Nov.

use crate::data::days::DAY_BEFORE;
use crate::data::ids::OhlcId;
use crate::data::DataFile;
use crate::model::cascade::{self, Position};
use crate::model::date::Date;
use crate::model::leverage::MAINTENANCE;

/// Positions in the modelled population (the UI's size; the benchmark uses 100,000).
pub const POPULATION: usize = 20_000;

/// The population of leveraged longs open at the close of 19 Nov. Positions
/// were opened over the four weeks before (23 Oct – 19 Nov, Binance daily
/// bars), each day in proportion to its traded volume, at a price uniform
/// within the day's range; those whose liquidation price was touched by a
/// later low are already gone. Leverage: `cascade::mix_centred_on(lev_x)`.
pub fn population(m: &DataFile, lev_x: f64, oi_usd: f64, n: usize) -> Vec<Position> {
    population_from(&openings(m, n), lev_x, oi_usd)
}

/// [`population`] from openings already drawn: what the page recomputes
/// when the leverage or the open interest moves.
pub fn population_from(open: &[cascade::Opening], lev_x: f64, oi_usd: f64) -> Vec<Position> {
    cascade::population_from_openings(open, oi_usd, &cascade::mix_centred_on(lev_x), MAINTENANCE)
}

/// Where the `n` positions of [`population`] opened along Binance's daily
/// path from 23 Oct to 19 Nov; they do not depend on the leverage or the
/// open interest, so the page draws them once.
pub fn openings(m: &DataFile, n: usize) -> Vec<cascade::Opening> {
    let Some(s) = m.ohlc(OhlcId::BtcUsdtBinance) else { return Vec::new() };
    let bars: Vec<(f64, f64, f64)> = s
        .bars
        .iter()
        .filter(|b| b.0 >= Date::ymd(2025, 10, 23) && b.0 <= DAY_BEFORE)
        .map(|b| (b.3, b.2, b.5))
        .collect();
    let Some(p0) = s.bars.iter().find(|b| b.0 == DAY_BEFORE).map(|b| b.4) else { return Vec::new() };
    // The mix's weights do not depend on its centre.
    let weights = cascade::weights(&cascade::mix_centred_on(10.0));
    cascade::openings(n, &bars, p0, 11, &weights)
}
