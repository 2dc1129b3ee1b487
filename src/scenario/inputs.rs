//! The one table of market inputs: β and correlation estimates that end
//! before the day they explain, σ, the volumes and the impact law's Y.

use crate::data::days::DAY_BEFORE;
use crate::model::cascade::Impact;
use crate::model::date::Date;
use crate::model::liquidity::thinned_volume;
use crate::model::returns::{self, Pair, Stats};

/// Y in the square-root law: a constant of order one (Tóth et al. 2011); 0.7, an assumption.
pub const Y: f64 = 0.7;

/// The last day an estimate used to explain 20 Nov may use: every window
/// stops before the move it explains.
pub const EST_END: Date = DAY_BEFORE;

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
    estimate_to(pairs, window, EST_END)
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
pub use crate::data::days::TARIFF_DAY;

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
    returns::stats(&pairs.iter().copied().filter(|p| p.date < TARIFF_DAY).collect::<Vec<_>>())
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
