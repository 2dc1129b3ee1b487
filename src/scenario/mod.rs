//! The whole scenario: what each cause contributes to the day's moves at the
//! current settings, read off the bundled data and computed by the models.
//! Pure (no Leptos): the sections and the synthesis share these functions,
//! and they are tested natively on the real data files.

use crate::data::{DataFile, Source};
use crate::model::cascade::{self, Cascade, Contagion, Impact, Position};
use crate::model::date::{constant as d, Date};
use crate::model::leverage::MAINTENANCE;
use crate::model::liquidity::thinned_volume;
use crate::model::rates;
use crate::model::returns::{self, align, Pair, Stats};
use crate::model::series::{pct_change, shift_days, Obs};
use crate::state::{Horizon, Settings, Window};

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
            id: format!("{}:{}", f.date, crate::format::fmt_num(f.value)),
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

/// The actual moves from the close of `from` to the close of 20 Nov, so
/// that a rate change measured from a reading on `from` is set against the
/// move over the same span (`None` where a close is missing or `from` is not
/// before the day).
pub fn actual_since(m: &DataFile, from: Date) -> Actual {
    let day = d(DAY);
    if from >= day {
        return Actual { spx: None, nasdaq: None, btc: None };
    }
    let between = |s: &[Obs]| {
        let at = |x: Date| s.iter().find(|o| o.date == x).map(|o| o.value);
        Some(pct_change(at(from)?, at(day)?))
    };
    Actual {
        spx: between(&m.obs("sp500").unwrap_or_default()),
        nasdaq: between(&nasdaq_obs(m)),
        btc: between(&btc_closes(m)),
    }
}

/// Aligned daily log returns of the S&P 500 and Bitcoin (see `returns::align`).
pub fn pairs(m: &DataFile) -> Vec<Pair> {
    align(&m.obs("sp500").unwrap_or_default(), &btc_closes(m))
}

/// The last day an estimate used to explain 20 Nov may use: every window
/// stops before the move it explains.
pub const EST_END: &str = "2025-11-19";

/// Statistics of a window of aligned daily returns that ends on 19 Nov.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub stats: Stats,
    /// The window asked for, trading days; `stats.n` is what the data had.
    pub requested: usize,
    /// The dates of the window's first and last returns.
    pub first: Date,
    pub last: Date,
}

/// z of a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

impl Estimate {
    /// Fewer returns before 20 Nov than the window asks for.
    pub fn is_short(&self) -> bool {
        self.stats.n < self.requested
    }

    /// 95 % interval of β from the regression's standard error,
    /// SE = (σ_BTC/σ_S&P)·√((1 − ρ²)/(n − 2)).
    pub fn beta_range(&self) -> (f64, f64) {
        let s = self.stats;
        let n = s.n as f64;
        if n <= 2.0 || s.sd_spx <= 0.0 {
            return (s.beta, s.beta);
        }
        let se = s.sd_btc / s.sd_spx * ((1.0 - s.corr * s.corr).max(0.0) / (n - 2.0)).sqrt();
        (s.beta - Z95 * se, s.beta + Z95 * se)
    }
}

/// The `window` trading days of returns ending 19 Nov (out of sample for
/// 20 Nov). A window longer than the history before the day is honoured
/// with every return there is; the estimate says how many (`stats.n`).
pub fn estimate(pairs: &[Pair], window: usize) -> Option<Estimate> {
    estimate_to(pairs, window, d(EST_END))
}

/// The `window` trading days of returns ending on or before `end`: for a
/// horizon, the close where the move it explains starts (19 Nov for the
/// day, 6 Nov for the two weeks before), so no return it explains is in it.
pub fn estimate_to(pairs: &[Pair], window: usize, end: Date) -> Option<Estimate> {
    let slice = returns::window_ending(pairs, window, end);
    Some(Estimate {
        stats: returns::stats(slice)?,
        requested: window,
        first: slice[0].date,
        last: slice[slice.len() - 1].date,
    })
}

/// The day of the 100 % tariff threat on China, the largest return in the
/// crisis window (S&P 500 −2.71 %).
pub const TARIFF_DAY: &str = "2025-10-10";

/// β over the estimate's own window without the return of `skip`: how much
/// one day carries the estimate (`None` if that day is not in the window).
pub fn beta_without(pairs: &[Pair], e: &Estimate, skip: Date) -> Option<f64> {
    let within: Vec<Pair> = pairs.iter().copied().filter(|p| p.date >= e.first && p.date <= e.last).collect();
    if !within.iter().any(|p| p.date == skip) {
        return None;
    }
    let kept: Vec<Pair> = within.into_iter().filter(|p| p.date != skip).collect();
    returns::stats(&kept).map(|s| s.beta)
}

/// Statistics before the 10 Oct tariff threat (the "calm" regime).
pub fn calm_stats(pairs: &[Pair]) -> Option<Stats> {
    returns::stats(&pairs.iter().copied().filter(|p| p.date < d("2025-10-10")).collect::<Vec<_>>())
}

/// Inputs of the impact model read off the data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Market {
    /// Bitcoin daily volatility, 30 UTC days to 19 Nov, fraction.
    pub sigma: f64,
    pub sigma_n: usize,
    /// Binance BTC/USDT spot volume on 20 Nov, BTC and US$: one venue's
    /// spot trading, shown for comparison; the impact law uses
    /// [`MARKET_VOLUME_USD`] (see [`Inputs`]).
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

/// Assumed market sizes (not in the bundled data): Bitcoin's daily traded
/// volume across spot and derivatives venues, with the range the ranges on
/// the page use (half to double), and the Nasdaq's daily traded value.
/// Order-of-magnitude assumptions, shown to the reader in the inputs table.
pub const MARKET_VOLUME_USD: f64 = 60.0e9;
pub const MARKET_VOLUME_LOW_USD: f64 = 30.0e9;
pub const MARKET_VOLUME_HIGH_USD: f64 = 120.0e9;
pub const NASDAQ_VOLUME_USD: f64 = 300.0e9;
/// Y's range, the square-root law's constant "of order one" (Tóth et al. 2011).
pub const Y_LOW: f64 = 0.5;
pub const Y_HIGH: f64 = 1.0;

/// The one table of market inputs every section reads: one value per
/// quantity and definition, each with its window (see
/// `figures::inputs::rows` for the reader's table with sources and units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    /// Bitcoin and the S&P 500 before the 10 Oct tariff threat (3 Sep – 9 Oct).
    pub calm: Option<Stats>,
    /// The chosen window of trading days ending 19 Nov.
    pub crisis: Option<Estimate>,
    /// β over the same window without the 10 Oct tariff day (`None` when
    /// that day is not in the window): how much one day carries it.
    pub beta_without_tariff_day: Option<f64>,
    /// Bitcoin's volatility per UTC (calendar) day, 30 days to 19 Nov: the σ
    /// of the square-root law, whose volume is per calendar day too.
    pub sigma_btc_utc: f64,
    pub sigma_btc_utc_n: usize,
    /// Bitcoin's daily traded volume, all venues (assumption), and its range.
    pub volume_usd: f64,
    pub volume_low_usd: f64,
    pub volume_high_usd: f64,
    /// Binance's spot volume on 20 Nov (one venue; for comparison only).
    pub spot_volume_usd: f64,
    pub nasdaq_volume_usd: f64,
    pub y: f64,
    pub y_low: f64,
    pub y_high: f64,
    /// Maintenance margin of a leveraged long, fraction.
    pub maintenance: f64,
}

impl Inputs {
    /// Bitcoin's beta to the S&P 500 in the crisis window (1 without data).
    pub fn beta(&self) -> f64 {
        self.crisis.map(|e| e.stats.beta).unwrap_or(1.0)
    }

    /// The Nasdaq's daily volatility: the S&P 500's in the crisis window times
    /// the assumed Nasdaq beta, since there is no daily Nasdaq series.
    pub fn nasdaq_sigma(&self, nasdaq_beta: f64) -> f64 {
        self.crisis.map(|e| e.stats.sd_spx * nasdaq_beta).unwrap_or(0.01)
    }

    /// The impact law at the central Y and volume, with `depth_cut_pct` of the depth gone.
    pub fn impact(&self, depth_cut_pct: f64) -> Impact {
        Impact { y: self.y, sigma: self.sigma_btc_utc, volume: thinned_volume(self.volume_usd, depth_cut_pct) }
    }

    /// The impact law at its low and high ends: (Y low, volume high) and (Y high, volume low).
    pub fn impact_range(&self, depth_cut_pct: f64) -> (Impact, Impact) {
        let at = |y, v| Impact { y, sigma: self.sigma_btc_utc, volume: thinned_volume(v, depth_cut_pct) };
        (at(self.y_low, self.volume_high_usd), at(self.y_high, self.volume_low_usd))
    }
}

/// The inputs at a correlation window.
pub fn inputs(b: &Basis, window: Window) -> Inputs {
    let crisis = estimate(&b.pairs, window.days());
    Inputs {
        calm: calm_stats(&b.pairs),
        crisis,
        beta_without_tariff_day: crisis.and_then(|e| beta_without(&b.pairs, &e, d(TARIFF_DAY))),
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
/// Positions in the modelled population (the UI's size; the benchmark uses 100,000).
pub const POPULATION: usize = 20_000;

/// What each cause contributes, percent moves (model outputs).
#[derive(Clone, Debug, PartialEq)]
pub struct Drivers {
    /// Cause 1 (empirical lens) on Bitcoin and the S&P 500, against the
    /// reader's reference reading (section 1).
    pub rates_btc: f64,
    pub rates_spx: f64,
    /// Cause 2: the reader's stock shock and its transmission to Bitcoin by beta (section 2).
    pub tariff_spx: f64,
    pub tariff_btc: f64,
    /// Cause 3: square-root impact of the day's net selling, with the depth setting.
    pub liquidity_btc: f64,
    /// The day's modelled shock to Bitcoin, the cascade's default start
    /// ([`day_shock_pct`]): the S&P 500's actual move on the day passed on
    /// by β (which holds the rate effect: rates reach Bitcoin only through
    /// stocks) and the day's net selling.
    pub combined_btc: f64,
    pub btc_beta_crisis: f64,
    pub market: Market,
    pub inputs: Inputs,
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
        spx_closes: data.markets.obs("sp500").unwrap_or_default(),
        btc_closes: btc_closes(data.markets),
        stocks_day: stocks_day(data.markets),
        openings: openings(data.markets, POPULATION),
    })
}

pub fn drivers(data: &Data, p: &Settings) -> Option<Drivers> {
    drivers_from(&basis(data)?, p)
}

/// The quoted reading a horizon starts from: the first one quoted on the
/// latest day with readings on or before the horizon's first close.
pub fn reading_at(all: &[Reading], day: Date) -> Option<&Reading> {
    let latest = all.iter().filter_map(|r| Date::parse(&r.date)).filter(|x| *x <= day).max()?;
    all.iter().find(|r| Date::parse(&r.date) == Some(latest))
}

/// A move in percent from the close on `from` to the close on `to`.
fn move_between(s: &[Obs], from: Date, to: Date) -> Option<f64> {
    let at = |x: Date| s.iter().find(|o| o.date == x).map(|o| o.value);
    Some(pct_change(at(from)?, at(to)?))
}

/// The actual moves of the S&P 500 and Bitcoin over a horizon ending at the
/// close of 20 Nov (Bitcoin: UTC closes), percent.
pub fn actual_over(b: &Basis, h: Horizon) -> (Option<f64>, Option<f64>) {
    (move_between(&b.spx_closes, h.start(), d(DAY)), move_between(&b.btc_closes, h.start(), d(DAY)))
}

/// The rate channel over a horizon: from the reading at its start to the
/// cut probability set, empirical lens, on (S&P 500, Bitcoin) with β.
pub fn rates_over<'a>(b: &'a Basis, p: &Settings, h: Horizon, beta: f64) -> Option<(rates::Outcome, &'a Reading)> {
    let r = reading_at(&b.readings, h.start())?;
    Some((rates::outcome(p.cut_pct / 100.0, r.pct / 100.0, p.growth(), p.nasdaq_beta, beta), r))
}

pub fn drivers_from(b: &Basis, p: &Settings) -> Option<Drivers> {
    let mk = b.market;
    let inputs = inputs(b, p.corr_window);
    let all = &b.readings;
    let reference = all
        .iter()
        .find(|r| r.id == p.rate_ref.id())
        .or_else(|| all.iter().find(|r| r.date == "2025-11-06"))
        .or(all.first())?;
    let beta = inputs.beta();
    let o = rates::outcome(p.cut_pct / 100.0, reference.pct / 100.0, p.growth(), p.nasdaq_beta, beta);
    let shock = p.stock_shock_pct.clamp(-100.0, 0.0);
    let liquidity_btc = -inputs.impact(p.depth_cut_pct).pct(selling_usd(&mk, p));
    let tariff_btc = (beta * shock).max(-100.0);
    let combined_btc = day_shock_pct(b, beta, liquidity_btc);
    Some(Drivers {
        rates_btc: o.btc_pct,
        rates_spx: o.spx_pct,
        tariff_spx: shock,
        tariff_btc,
        liquidity_btc,
        combined_btc,
        btc_beta_crisis: beta,
        market: mk,
        inputs,
    })
}

/// The day's modelled shock to Bitcoin, percent: the S&P 500's move on the
/// day × `beta` plus `selling_pct` (the day's net selling through the
/// square-root law). Only falls feed a down-cascade, so it is at most 0.
pub fn day_shock_pct(b: &Basis, beta: f64, selling_pct: f64) -> f64 {
    let stocks = actual_over(b, Horizon::Day).0.map(|s| beta * s).unwrap_or(0.0);
    (stocks + selling_pct).clamp(-99.0, 0.0)
}

/// The day's net selling, US$: the setting plus, if ticked, the claimed
/// long-term-holder selling (815,000 BTC over 30 days at 20 Nov's price).
pub fn selling_usd(mk: &Market, p: &Settings) -> f64 {
    let lth_usd = if p.with_lth { lth_selling_usd(mk) } else { 0.0 };
    p.sell_usd_m.max(0.0) * 1e6 + lth_usd
}

/// The claimed long-term-holder selling as one day's share, US$: 815,000 BTC
/// over 30 days at 20 Nov's price.
pub fn lth_selling_usd(mk: &Market) -> f64 {
    LTH_CLAIM_BTC / 30.0 * mk.price
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
pub fn run_cascade(pop: &[Position], dr: &Drivers, p: &Settings) -> Cascade {
    run_cascade_with(pop, dr, p, dr.inputs.impact(p.depth_cut_pct))
}

/// The cascade with the crypto market's impact law `crypto` (the ranges
/// rerun it at the low and high ends of Y and the volume).
pub fn run_cascade_with(pop: &[Position], dr: &Drivers, p: &Settings, crypto: Impact) -> Cascade {
    let shock = p.cascade_shock.pct().unwrap_or(dr.combined_btc);
    cascade::run(pop, dr.market.price_before, shock, crypto, Some(contagion(dr, p)))
}

pub(crate) fn contagion(dr: &Drivers, p: &Settings) -> Contagion {
    Contagion {
        phi: (p.phi_pct / 100.0).clamp(0.0, 1.0),
        nasdaq: Impact { y: dr.inputs.y, sigma: dr.inputs.nasdaq_sigma(p.nasdaq_beta), volume: NASDAQ_VOLUME_USD },
        beta: dr.btc_beta_crisis,
    }
}

/// The most the cascade could add to the fall: the move, percent, if the
/// whole open interest `oi_usd` were sold on top of the initial shock.
/// Forced selling can never exceed the open interest, so no setting can
/// take the model past this.
pub fn cascade_cap_pct(dr: &Drivers, p: &Settings, shock_pct: f64, oi_usd: f64) -> f64 {
    let crypto = dr.inputs.impact(p.depth_cut_pct);
    let c = contagion(dr, p);
    let feedback = if c.phi > 0.0 { (c.beta * -c.nasdaq.pct(c.phi * oi_usd) / 100.0).min(0.0) } else { 0.0 };
    let price = (1.0 + shock_pct / 100.0) * (1.0 - crypto.pct(oi_usd) / 100.0) * (1.0 + feedback);
    (price.max(0.0) - 1.0) * 100.0
}

mod day;
pub mod decomposition;
pub mod model;
pub use day::*;
