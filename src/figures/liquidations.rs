//! Cause 4, forced selling: the cascade's chart, its summary and live
//! sentence, the liquidation map and the stability test.

use crate::charts::cascade::RoundsChart;
use crate::data::DataFile;
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::cascade::{glt_index, liquidation_map, Cascade, Impact, Position};
use crate::model::liquidity::thinned_volume;
use crate::scenario::{Drivers, CASCADE_VOLUME_USD, Y};
use crate::state::Settings;

/// Map: 40 bins of 0.5 % below the starting price (down to −20 %).
pub const MAP_BINS: usize = 40;
pub const MAP_WIDTH_PCT: f64 = 0.5;

/// The cascade chart with its first `shown` rounds.
pub fn rounds_chart(c: &Cascade, shown: usize) -> RoundsChart {
    RoundsChart { p0: c.p0, rounds: c.rounds.clone(), shown, final_price: c.final_price }
}

/// The cascade chart's figcaption.
pub fn summary(c: Option<&Cascade>) -> String {
    c.map(|c| {
        format!(
            "Starting from {} (19 Nov close), an initial shock of {} becomes a fall of {} after {} rounds; {} of \
             leveraged longs are liquidated (model output).",
            usd(c.p0, 0),
            pct_signed(c.shock_pct, 2),
            pct_signed(c.final_pct, 2),
            c.rounds.len(),
            usd_millions(c.liquidated / 1e6)
        )
    })
    .unwrap_or_else(|| "The cascade needs markets.json and rates.json.".into())
}

/// The live paragraph's closing sentences: whether the cascade settled, and
/// the Nasdaq move its tech selling sets off (when there is one).
pub fn settled(c: &Cascade) -> String {
    if c.converged {
        "The cascade settles at a fixed point.".to_string()
    } else {
        "The cascade had not settled when the round limit was reached.".to_string()
    }
}

pub fn nasdaq_text(c: &Cascade) -> String {
    if c.nasdaq_pct < -0.005 {
        format!(" The tech-stock selling it sets off moves the Nasdaq {} (model output).", pct_signed(c.nasdaq_pct, 2))
    } else {
        String::new()
    }
}

/// The liquidation map's bins: (top, bottom, notional US$) below `price_before`.
pub fn map_bins(pop: &[Position], price_before: f64) -> Vec<(f64, f64, f64)> {
    liquidation_map(pop, price_before, MAP_BINS, MAP_WIDTH_PCT)
}

/// The liquidation map's figcaption.
pub fn map_summary(bins: &[(f64, f64, f64)]) -> String {
    let total: f64 = bins.iter().map(|b| b.2).sum();
    let top = bins.iter().max_by(|a, b| a.2.total_cmp(&b.2));
    match top {
        Some(t) if total > 0.0 => format!(
            "{} of the modelled longs would be liquidated within 20% below the 19 Nov close; the densest band is \
             {} to {} ({}). Darker bars hold more.",
            usd_millions(total / 1e6),
            usd(t.1, 0),
            usd(t.0, 0),
            usd_millions(t.2 / 1e6)
        ),
        _ => "No modelled long is within 20% of liquidation.".to_string(),
    }
}

/// The liquidation map's table: price band, notional.
pub fn map_rows(bins: &[(f64, f64, f64)]) -> Vec<Vec<String>> {
    bins.iter().map(|b| vec![format!("{} to {}", usd(b.1, 0), usd(b.0, 0)), usd_millions(b.2 / 1e6)]).collect()
}

/// The cascade's table: round, price at its start, liquidated, Nasdaq so far.
pub fn round_rows(c: &Cascade) -> Vec<Vec<String>> {
    c.rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![i.to_string(), usd(r.price, 0), usd_millions(r.liquidated / 1e6), pct_signed(r.nasdaq_pct, 2)]
        })
        .collect()
}

/// Greenwood–Landier–Thesmar's λ·A·(L − 1) at the settings.
pub fn glt(d: &Drivers, p: &Settings) -> f64 {
    let crypto = Impact { y: Y, sigma: d.market.sigma, volume: thinned_volume(CASCADE_VOLUME_USD, p.depth_cut_pct) };
    glt_index(crypto, 1.0e9, p.oi_bn * 1e9, p.lev_x)
}

/// The stability test's sentence for λ·A·(L − 1) = `v`.
pub fn glt_text(v: f64) -> String {
    format!(
        "A quick stability test (Greenwood, Landier & Thesmar, 2015): a deleveraging spiral runs away when \
         λ·A·(L − 1) ≥ 1, with λ the price impact per dollar sold, A the leveraged assets and L the leverage. \
         Here λ·A·(L − 1) = {}: {}",
        grouped(v, 2),
        if v >= 1.0 {
            "at this leverage the loop feeds itself faster than the market absorbs it, and it runs away."
        } else {
            "below 1, so each round of forced selling is smaller than the last and the loop dies out."
        }
    )
}

/// The reported liquidations of the 24 hours to 21 Nov as a range ("(no
/// figure)" without one).
pub fn reported(liquidations: &DataFile) -> String {
    let day: Vec<_> =
        liquidations.facts("crypto_liquidations_24h").into_iter().filter(|f| f.date == "2025-11-21").collect();
    let (lo, hi) = day.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), f| (a.min(f.value), b.max(f.value)));
    if day.is_empty() {
        "(no figure)".to_string()
    } else {
        format!("{} to {}", usd_millions(lo), usd_millions(hi))
    }
}

/// The model-against-reported table's "Reported" cells: liquidations, Bitcoin's lows.
pub fn reported_cells(liquidations: &DataFile, markets: &DataFile) -> [String; 2] {
    let bar_low = |date: &str| markets.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3);
    let (low20, low21) = (bar_low("2025-11-20"), bar_low("2025-11-21"));
    [
        format!(
            "{} in the 24 hours to 21 Nov, all crypto, about a half of it Bitcoin (CoinGlass, quoted at \
             different times)",
            reported(liquidations)
        ),
        format!(
            "{} on 20 Nov, {} on 21 Nov (Binance)",
            low20.map(|v| usd(v, 0)).unwrap_or_default(),
            low21.map(|v| usd(v, 0)).unwrap_or_default()
        ),
    ]
}
