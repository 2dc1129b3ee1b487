//! Cause 4, forced selling: the cascade's chart, its summary and live
//! sentence, the liquidation map and the stability test.

use crate::charts::cascade::RoundsChart;
use crate::data::days::{DAY, DAY_AFTER};
use crate::data::ids::Group;
use crate::data::DataFile;
use crate::format::{pct_signed, usd, usd_millions, usd_millions_sig2};
use crate::model::cascade::{liquidation_map, Cascade, Position, MAX_ROUNDS};
use crate::model::date::Date;
use crate::scenario::model::Model;

pub mod zh;

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
            "Starting from {} (19 Nov close), an initial shock of {} becomes a move of {} after {} rounds; {} of \
             leveraged longs are liquidated (model output, two significant figures).",
            usd(c.p0, 0),
            pct_signed(c.shock_pct, 2),
            pct_signed(c.final_pct, 2),
            c.rounds.len(),
            usd_millions_sig2(c.liquidated / 1e6)
        )
    })
    .unwrap_or_else(|| "The cascade needs markets.json and rates.json.".into())
}

/// How the loop of forced selling ended, read off the cascade's own run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loop {
    /// The shock reaches no leveraged long.
    NoLoop,
    /// A fixed point with open interest left: the loop dies out.
    DiesOut,
    /// Every modelled long is liquidated: the loop ran until the open interest was used up.
    Exhausted,
    /// The round limit came first.
    Unsettled,
}

/// The loop's outcome for the cascade `c` on a population holding `oi_usd`.
pub fn loop_of(c: &Cascade, oi_usd: f64) -> Loop {
    if !c.converged {
        Loop::Unsettled
    } else if c.liquidated <= 0.0 {
        Loop::NoLoop
    } else if c.liquidated >= 0.999 * oi_usd {
        Loop::Exhausted
    } else {
        Loop::DiesOut
    }
}

/// The live paragraph's closing sentence: how the cascade ended. Agrees with
/// [`stability_text`] by construction (both read [`loop_of`]).
pub fn settled(c: &Cascade, oi_usd: f64) -> String {
    match loop_of(c, oi_usd) {
        Loop::NoLoop => "No leveraged long is reached, so there is no cascade.",
        Loop::DiesOut => "The cascade settles at a fixed point.",
        Loop::Exhausted => "The cascade stops only when every modelled long has been liquidated.",
        Loop::Unsettled => "The cascade had not settled when the round limit was reached.",
    }
    .to_string()
}

/// The stability test's sentence. Greenwood, Landier & Thesmar's linear
/// index λ·A·(L − 1) would use one impact per dollar; under the square-root
/// law the impact of each extra dollar falls as selling grows, and forced
/// selling can never exceed the open interest, so the linear index called
/// spirals the model cannot produce. The verdict is therefore read off the
/// cascade's run, and the cap (`cap_pct`, the move if the whole open
/// interest were sold) is stated beside it.
pub fn stability_text(c: &Cascade, oi_usd: f64, cap_pct: f64) -> String {
    let verdict = match loop_of(c, oi_usd) {
        Loop::NoLoop => "no long is reached, so there is no loop to run away.".to_string(),
        Loop::DiesOut => format!(
            "the cascade settles after {} rounds with {} liquidated ({} of the open interest), so the loop dies out \
             before the leveraged longs are used up.",
            c.rounds.len(),
            usd_millions_sig2(c.liquidated / 1e6),
            crate::format::pct(c.liquidated / oi_usd.max(1.0) * 100.0, 0)
        ),
        Loop::Exhausted => "every modelled long is liquidated: the loop runs away and stops only because the open \
                            interest is used up."
            .to_string(),
        Loop::Unsettled => format!("the cascade had not settled after {MAX_ROUNDS} rounds."),
    };
    format!(
        "Stability test (after Greenwood, Landier & Thesmar, 2015): a deleveraging spiral runs away when each round \
         of forced selling sets off more selling than the market absorbs. Here it is read off the cascade itself: {} \
         Forced selling can never exceed the open interest ({}), so in this model even selling all of it, on top of \
         the initial shock, would leave Bitcoin {} below the 19 Nov close.",
        verdict,
        usd_millions(oi_usd / 1e6),
        crate::format::pct_abs(cap_pct, 1)
    )
}

/// Section 4's stability statement at `m`: its cascade, its open interest and
/// the cap from the same drivers (what the page shows and the tests check).
pub fn stability_at(m: &Model) -> String {
    let (c, oi_usd) = (&*m.cascade, m.settings.oi_bn * 1e9);
    stability_text(c, oi_usd, crate::scenario::cascade_cap_pct(&m.drivers, &m.settings, c.shock_pct, oi_usd))
}

pub fn nasdaq_text(c: &Cascade) -> String {
    if c.nasdaq_pct < -0.005 {
        format!(" The tech-stock selling it sets off moves the Nasdaq {} (model output).", pct_signed(c.nasdaq_pct, 2))
    } else {
        String::new()
    }
}

/// The liquidation map of the model's population (`#liqmap`).
pub fn map_at(m: &Model) -> Vec<(f64, f64, f64)> {
    map_bins(&m.population, m.drivers.market.price_before)
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
            usd_millions_sig2(total / 1e6),
            usd(t.1, 0),
            usd(t.0, 0),
            usd_millions_sig2(t.2 / 1e6)
        ),
        _ => "No modelled long is within 20% of liquidation.".to_string(),
    }
}

/// The liquidation map's table: price band, notional.
pub fn map_rows(bins: &[(f64, f64, f64)]) -> Vec<Vec<String>> {
    bins.iter()
        .map(|b| {
            tr!(
                vec![format!("{} to {}", usd(b.1, 0), usd(b.0, 0)), usd_millions_sig2(b.2 / 1e6)],
                vec![
                    format!("{}至{}", crate::format::zh::price_usd(b.1, 0), crate::format::zh::price_usd(b.0, 0)),
                    crate::format::zh::usd_millions_sig2(b.2 / 1e6)
                ]
            )
        })
        .collect()
}

/// The cascade's table: round, price at its start, liquidated, Nasdaq so far.
pub fn round_rows(c: &Cascade) -> Vec<Vec<String>> {
    c.rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            tr!(
                vec![
                    i.to_string(),
                    usd(r.price, 0),
                    usd_millions_sig2(r.liquidated / 1e6),
                    pct_signed(r.nasdaq_pct, 2)
                ],
                vec![
                    i.to_string(),
                    crate::format::zh::price_usd(r.price, 0),
                    crate::format::zh::usd_millions_sig2(r.liquidated / 1e6),
                    pct_signed(r.nasdaq_pct, 2)
                ]
            )
        })
        .collect()
}

/// The reported liquidations of the 24 hours to 21 Nov as a range ("(no
/// figure)" without one).
pub fn reported(liquidations: &DataFile) -> String {
    let day: Vec<_> =
        liquidations.facts(Group::CryptoLiquidations24h).into_iter().filter(|f| f.date == DAY_AFTER).collect();
    let (lo, hi) = day.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), f| (a.min(f.value), b.max(f.value)));
    if day.is_empty() {
        "(no figure)".to_string()
    } else {
        format!("{} to {}", usd_millions(lo), usd_millions(hi))
    }
}

/// The Bitcoin liquidations reported for the 24 hours to 21 Nov, US$
/// millions: (lowest, highest) of the quotes that give Bitcoin's share.
pub fn reported_btc(liquidations: &DataFile) -> Option<(f64, f64)> {
    let v: Vec<f64> = liquidations
        .facts(Group::CryptoLiquidationsBtc24h)
        .into_iter()
        .filter(|f| f.date == DAY_AFTER)
        .map(|f| f.value)
        .collect();
    (!v.is_empty()).then(|| v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(*x), b.max(*x))))
}

/// The reference beside the live sentence's forced selling, so a reader who
/// moves leverage sees what was reported: " (reported for Bitcoin, 24 hours
/// to 21 Nov: $960M to $1.13B)"; empty without a figure.
pub fn reported_btc_note(liquidations: &DataFile) -> String {
    reported_btc(liquidations)
        .map(|(lo, hi)| {
            format!(" (reported for Bitcoin, 24 hours to 21 Nov: {} to {})", usd_millions(lo), usd_millions(hi))
        })
        .unwrap_or_default()
}

/// The model's Bitcoin liquidations (US$, with the range at the ends of the
/// impact law) against the reported Bitcoin figures, and why they can differ.
pub fn calibration(liquidated_usd: f64, range_usd: (f64, f64), liquidations: &DataFile) -> String {
    let m = liquidated_usd / 1e6;
    let model = format!(
        "The model liquidates {} of Bitcoin longs (from {} to {} with β, Y and the market volume at the ends of their ranges)",
        usd_millions_sig2(m),
        usd_millions_sig2(range_usd.0 / 1e6),
        usd_millions_sig2(range_usd.1 / 1e6)
    );
    let Some((lo, hi)) = reported_btc(liquidations) else {
        return format!("{model}; no Bitcoin figure is in the data to compare it with.");
    };
    let reported = format!("{} to {}", usd_millions(lo), usd_millions(hi));
    let verdict = if m >= lo && m <= hi {
        format!("within the {reported} of Bitcoin liquidations reported for the 24 hours to 21 Nov")
    } else if m < lo {
        format!(
            "{} below the lowest Bitcoin figure reported for the 24 hours to 21 Nov ({reported})",
            crate::format::pct((1.0 - m / lo) * 100.0, 0)
        )
    } else {
        format!("{}× the highest Bitcoin figure reported for the 24 hours to 21 Nov ({reported})", trim2(m / hi))
    };
    format!(
        "{model}: {verdict}. The comparison is rough: the reported 24 hours run into 21 Nov, when Bitcoin fell \
         further, and cover only the exchanges CoinGlass tracks; the model covers 20 Nov's move, and its open \
         interest and leverage mix are assumptions."
    )
}

fn trim2(v: f64) -> String {
    crate::format::trim(crate::format::sig2(v), 2)
}

/// The model-against-reported table's "Reported" cells: liquidations, Bitcoin's lows.
pub fn reported_cells(liquidations: &DataFile, markets: &DataFile) -> [String; 2] {
    let bar_low = |date: Date| markets.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3);
    let (low20, low21) = (bar_low(DAY), bar_low(DAY_AFTER));
    [
        format!(
            "{} in the 24 hours to 21 Nov, all crypto; Bitcoin alone {} (CoinGlass, quoted at different times)",
            reported(liquidations),
            reported_btc(liquidations)
                .map(|(lo, hi)| format!("{} to {}", usd_millions(lo), usd_millions(hi)))
                .unwrap_or_else(|| "(no figure)".into())
        ),
        format!(
            "{} on 20 Nov, {} on 21 Nov (Binance)",
            low20.map(|v| usd(v, 0)).unwrap_or_default(),
            low21.map(|v| usd(v, 0)).unwrap_or_default()
        ),
    ]
}
