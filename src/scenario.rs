//! The whole scenario: what each cause contributes to the day's moves at the
//! current settings, read off the bundled data and computed by the models.
//! Pure (no Leptos): the sections and the synthesis share these functions,
//! and they are tested natively on the real data files.

use crate::data::{DataFile, Source};
use crate::model::cascade::{self, Cascade, Contagion, Impact, Position};
use crate::model::correlation::rolling;
use crate::model::date::{constant as d, Date};
use crate::model::leverage::MAINTENANCE;
use crate::model::liquidity::{sqrt_impact_pct, thinned_volume};
use crate::model::rates;
use crate::model::returns::{self, align, Pair, Stats};
use crate::model::series::{pct_change, shift_days, Obs};
use crate::state::Settings;

/// The day to explain.
pub const DAY: &str = "2025-11-20";
/// Y in the square-root law: a constant of order one (Tóth et al. 2011); 0.7, an assumption.
pub const Y: f64 = 0.7;
/// The claim examined: long-term holders sold 815,000 BTC in 30 days (contested).
pub const LTH_CLAIM_BTC: f64 = 815_000.0;

/// A quoted FedWatch reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// "YYYY-MM-DD:percent", the form used in the URL.
    pub id: String,
    pub date: String,
    pub pct: f64,
    pub as_reported: String,
    pub source: Source,
}

pub fn readings(r: &DataFile) -> Vec<Reading> {
    r.facts("fedwatch_dec_cut")
        .into_iter()
        .map(|f| Reading {
            id: format!("{}:{}", f.date, crate::state::fmt_num(f.value)),
            date: f.date.clone(),
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
    shift_days(&m.obs("btc_usd_0000utc").unwrap_or_default(), -1)
}

/// The Nasdaq Composite closes quoted in the sources, as observations (a
/// few points, not a daily series).
pub fn nasdaq_obs(m: &DataFile) -> Vec<Obs> {
    m.facts("nasdaq_close")
        .into_iter()
        .filter_map(|f| Date::parse(&f.date).map(|date| Obs { date, value: f.value }))
        .collect()
}

pub fn actual_moves(m: &DataFile) -> Actual {
    let day = d(DAY);
    let sp = m.obs("sp500").unwrap_or_default();
    let nq = nasdaq_obs(m);
    // The Nasdaq points have gaps; 19 and 20 Nov are consecutive trading days.
    let nasdaq = match (nq.iter().find(|o| o.date == d("2025-11-19")), nq.iter().find(|o| o.date == day)) {
        (Some(a), Some(b)) => Some(pct_change(a.value, b.value)),
        _ => None,
    };
    Actual { spx: day_move(&sp, day), nasdaq, btc: day_move(&btc_closes(m), day) }
}

/// Aligned daily log returns of the S&P 500 and Bitcoin (see `returns::align`).
pub fn pairs(m: &DataFile) -> Vec<Pair> {
    align(&m.obs("sp500").unwrap_or_default(), &btc_closes(m))
}

/// Bitcoin's beta to the S&P 500 from daily log returns, 3 Sep to 19 Nov 2025
/// (the window stops before the day it is used to explain).
pub fn btc_beta(m: &DataFile) -> Option<Stats> {
    let end = d("2025-11-19");
    let p: Vec<Pair> = pairs(m).into_iter().filter(|p| p.date <= end).collect();
    returns::stats(&p)
}

/// Statistics of the `window` trading days ending 20 Nov (the "crisis"
/// regime); `None` if the data is shorter than the window.
pub fn crisis_stats(pairs: &[Pair], window: usize) -> Option<Stats> {
    let end = pairs.iter().position(|p| p.date == d(DAY))?;
    (end + 1 >= window).then(|| returns::stats(&pairs[end + 1 - window..=end])).flatten()
}

/// Statistics before the 10 Oct tariff threat (the "calm" regime).
pub fn calm_stats(pairs: &[Pair]) -> Option<Stats> {
    returns::stats(&pairs.iter().copied().filter(|p| p.date < d("2025-10-10")).collect::<Vec<_>>())
}

/// Rolling correlation series (re-exported for the section).
pub fn rolling_corr(pairs: &[Pair], window: usize) -> Vec<crate::model::correlation::Rolling> {
    rolling(pairs, window)
}

/// Inputs of the impact model read off the data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Market {
    /// Bitcoin daily volatility, 30 UTC days to 19 Nov, fraction.
    pub sigma: f64,
    pub sigma_n: usize,
    /// Binance BTC/USDT spot volume on 20 Nov, BTC and US$.
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
    let end = d("2025-11-19");
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
    let bars = &m.ohlc.iter().find(|s| s.id == "btc_usdt_binance")?.bars;
    let bar = bars.iter().find(|b| b.0 == DAY)?;
    let before = bars.iter().find(|b| b.0 == "2025-11-19")?;
    let day = closes.iter().position(|o| o.date == d(DAY));
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

/// Assumed market sizes for the cascade (not in the bundled data):
/// Bitcoin's daily traded volume across spot and derivatives venues, and the
/// Nasdaq's daily traded value. Order-of-magnitude assumptions, shown to the reader.
pub const CASCADE_VOLUME_USD: f64 = 60.0e9;
pub const NASDAQ_VOLUME_USD: f64 = 300.0e9;
/// Positions in the modelled population (the UI's size; the benchmark uses 100,000).
pub const POPULATION: usize = 20_000;

/// What each cause contributes, percent moves (model outputs).
#[derive(Clone, Debug, PartialEq)]
pub struct Drivers {
    /// Cause 1 (empirical lens) on Bitcoin and the S&P 500.
    pub rates_btc: f64,
    pub rates_spx: f64,
    /// Cause 2: the stock shock and its transmission to Bitcoin by beta.
    pub tariff_spx: f64,
    pub tariff_btc: f64,
    /// Cause 3: square-root impact of the day's net selling, with the depth setting.
    pub liquidity_btc: f64,
    /// The three combined: the cascade's default initial shock to Bitcoin.
    pub combined_btc: f64,
    pub btc_beta_crisis: f64,
    pub market: Market,
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
    /// Bitcoin and S&P 500 statistics, 3 Sep – 19 Nov.
    pub pre: Option<Stats>,
}

pub fn basis(data: &Data) -> Option<Basis> {
    Some(Basis {
        market: market(data.markets)?,
        readings: readings(data.rates),
        pairs: pairs(data.markets),
        pre: btc_beta(data.markets),
    })
}

pub fn drivers(data: &Data, p: &Settings) -> Option<Drivers> {
    drivers_from(&basis(data)?, p)
}

pub fn drivers_from(b: &Basis, p: &Settings) -> Option<Drivers> {
    let mk = b.market;
    let all = &b.readings;
    let reference = all
        .iter()
        .find(|r| r.id == p.rate_ref.id())
        .or_else(|| all.iter().find(|r| r.date == "2025-11-06"))
        .or(all.first())?;
    let beta_pre = b.pre.map(|s| s.beta).unwrap_or(1.0);
    let o = rates::outcome(p.cut_pct / 100.0, reference.pct / 100.0, p.growth(), p.nasdaq_beta, beta_pre);
    let ps = &b.pairs;
    let crisis = crisis_stats(ps, p.corr_window.days()).or_else(|| returns::stats(ps));
    let beta = crisis.map(|s| s.beta).unwrap_or(1.0);
    let shock = p.stock_shock_pct.clamp(-100.0, 0.0);
    let lth_usd = if p.with_lth { LTH_CLAIM_BTC / 30.0 * mk.price } else { 0.0 };
    let q = p.sell_usd_m.max(0.0) * 1e6 + lth_usd;
    let liquidity_btc = -sqrt_impact_pct(Y, mk.sigma, q, thinned_volume(mk.volume_usd, p.depth_cut_pct));
    let tariff_btc = (beta * shock).max(-100.0);
    // Only falls feed a down-cascade: a positive rate effect offsets the others.
    let combined_btc = (o.btc_pct + tariff_btc + liquidity_btc).clamp(-99.0, 0.0);
    Some(Drivers {
        rates_btc: o.btc_pct,
        rates_spx: o.spx_pct,
        tariff_spx: shock,
        tariff_btc,
        liquidity_btc,
        combined_btc,
        btc_beta_crisis: beta,
        market: mk,
    })
}

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
    let Some(s) = m.ohlc.iter().find(|s| s.id == "btc_usdt_binance") else { return Vec::new() };
    let bars: Vec<(f64, f64, f64)> = s
        .bars
        .iter()
        .filter(|b| b.0.as_str() >= "2025-10-23" && b.0.as_str() <= "2025-11-19")
        .map(|b| (b.3, b.2, b.5))
        .collect();
    let Some(p0) = s.bars.iter().find(|b| b.0 == "2025-11-19").map(|b| b.4) else { return Vec::new() };
    // The mix's weights do not depend on its centre.
    let weights = cascade::weights(&cascade::mix_centred_on(10.0));
    cascade::openings(n, &bars, p0, 11, &weights)
}

/// The cascade at the current settings.
pub fn run_cascade(pop: &[Position], dr: &Drivers, p: &Settings, nasdaq_sigma: f64) -> Cascade {
    let shock = p.cascade_shock.pct().unwrap_or(dr.combined_btc);
    let crypto = Impact { y: Y, sigma: dr.market.sigma, volume: thinned_volume(CASCADE_VOLUME_USD, p.depth_cut_pct) };
    let contagion = Contagion {
        phi: (p.phi_pct / 100.0).clamp(0.0, 1.0),
        nasdaq: Impact { y: Y, sigma: nasdaq_sigma, volume: NASDAQ_VOLUME_USD },
        beta: dr.btc_beta_crisis,
    };
    cascade::run(pop, dr.market.price_before, shock, crypto, Some(contagion))
}

/// The Nasdaq's daily volatility: the S&P 500's (3 Sep – 19 Nov) times the
/// assumed Nasdaq beta, since there is no daily Nasdaq series.
pub fn nasdaq_sigma(m: &DataFile, nasdaq_beta: f64) -> f64 {
    nasdaq_sigma_from(btc_beta(m), nasdaq_beta)
}

pub fn nasdaq_sigma_from(pre: Option<Stats>, nasdaq_beta: f64) -> f64 {
    pre.map(|s| s.sd_spx * nasdaq_beta).unwrap_or(0.01)
}
