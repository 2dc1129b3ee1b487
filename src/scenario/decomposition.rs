//! One decomposition of each asset's move, each effect counted once.
//!
//! The S&P 500: the AI/tech reversal measured from the day's sector figures
//! (an identity, [`crate::model::attribution`]), then the broad move of the
//! whole index, of which the rate model and the contagion model explain
//! parts; the rest is not explained. Bitcoin: what came through stocks (β ×
//! the S&P 500's move, split into β × each of its parts, so the rate effect
//! reaches Bitcoin only through stocks), then crypto's own causes (the
//! day's ETF selling and the liquidations it and the stock fall set off);
//! the rest is not explained. The parts add to the actual move for both
//! assets at every setting, by construction.
//!
//! Ranges: the whole decomposition is recomputed at two ends of the stated
//! uncertainty, each one consistent draw of the inputs (β at its 95 %
//! interval's end, the square-root law's Y and the market volume at theirs,
//! the other source's tech figure), so every total and every "not
//! explained" comes from inputs that belong together.
//!
//! The day's liquidations always start from the day's modelled shock
//! ([`super::drivers::day_shock_pct`]): a hypothetical start set in section 4 drives
//! section 4's figure only. Bitcoin's liquidations part is the forced
//! selling's own impact; the loop back through tech stocks is the S&P 500's
//! contagion part, so it reaches Bitcoin once, through β.

use super::basis::{actual_over, Basis};
use super::drivers::{day_shock_pct, rates_over, selling_usd, Drivers};
use super::inputs::{estimate_to, Estimate, NASDAQ_VOLUME_USD};
use super::observed::Reading;
use crate::model::attribution::{self, Split};
use crate::model::cascade::{self, Cascade, Contagion, Impact, Position};
use crate::model::liquidity::thinned_volume;
use crate::state::{Horizon, Settings};

/// A part of a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Technology's fall in excess of the rest of the index, weighted by its
    /// index weight: the AI/tech reversal (measured, the day only).
    Tech,
    /// The rate channel over the horizon (section 1's empirical lens).
    Rates,
    /// The tech selling set off by the day's crypto liquidations (section 4).
    Contagion,
    /// What the models leave of the S&P 500's move: in Bitcoin's
    /// decomposition, the part of the stock move nothing here explains,
    /// passed on by β.
    StockRest,
    /// The day's net ETF selling through the square-root law (section 3).
    Selling,
    /// The day's forced selling of leveraged longs through the same law (section 4).
    Cascade,
}

/// One part: its central value and range, percent, and whether it reaches
/// Bitcoin through stocks (β × a part of the S&P 500's move).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Part {
    pub cause: Cause,
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
    pub via_stocks: bool,
}

/// A residual this small is no overshoot, percentage points.
const TINY_PP: f64 = 0.005;

/// One asset's move over one horizon: its parts and what is left.
#[derive(Clone, Debug, PartialEq)]
pub struct Decomposition {
    pub horizon: Horizon,
    pub parts: Vec<Part>,
    pub actual: f64,
    /// actual − the parts: central, and its range over the same two draws.
    rest: (f64, f64, f64),
    /// The sum of the parts: central, and its range over the draws.
    sum: (f64, f64, f64),
}

impl Decomposition {
    /// The sum of the parts (central, low, high).
    pub fn modelled(&self) -> (f64, f64, f64) {
        self.sum
    }

    /// actual − the parts (central, low, high): "not explained", or, when it
    /// has the opposite sign to the move, by how much the models overshoot.
    pub fn not_explained(&self) -> (f64, f64, f64) {
        self.rest
    }

    /// The models give more than the move itself: the rest has the opposite
    /// sign to the move.
    pub fn overshoots(&self) -> bool {
        self.rest.0.abs() >= TINY_PP && self.rest.0 * self.actual < 0.0
    }

    pub fn part(&self, cause: Cause) -> Option<&Part> {
        self.parts.iter().find(|p| p.cause == cause)
    }

    /// The parts that came through stocks, summed (central, low, high).
    pub fn via_stocks(&self) -> Option<(f64, f64, f64)> {
        let v: Vec<&Part> = self.parts.iter().filter(|p| p.via_stocks).collect();
        (!v.is_empty()).then(|| v.iter().fold((0.0, 0.0, 0.0), |a, p| (a.0 + p.value, a.1 + p.lo, a.2 + p.hi)))
    }
}

/// The S&P 500's day split by its technology sector, with both sources'
/// figures, and Nvidia's own share.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TechSplit {
    /// IT's weight, fraction, and the date of the weight table.
    pub weight: f64,
    pub weight_date: crate::model::date::Date,
    /// At the index's own IT sector figure (central) and at the other source's.
    pub central: Split,
    pub other: Option<Split>,
    /// IT's moves behind them, percent.
    pub tech_pct: f64,
    pub tech_other_pct: Option<f64>,
    /// Nvidia's contribution to the index's move, percent of the index (at
    /// its lowest and highest dated weight).
    pub nvidia: Option<(f64, f64)>,
}

/// Both assets' decompositions and what the page says of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Decompositions {
    pub btc: Decomposition,
    pub spx: Decomposition,
    /// The FedWatch reading the rate channel starts from.
    pub reading: Reading,
    /// β over the horizon, from returns that end where its move starts.
    pub beta: Estimate,
    /// The tech split of the day (`None` over two weeks, or without the
    /// sector figures).
    pub tech: Option<TechSplit>,
    /// The day's liquidations at the central inputs, from the day's modelled
    /// shock: where the key levels are read.
    pub cascade: Cascade,
    /// The liquidations at the two ends of the impact law, US$.
    pub liquidated_range: (f64, f64),
}

/// One draw of the uncertain inputs.
#[derive(Clone, Copy)]
struct Draw {
    /// β over the horizon and over the day (the day's liquidations use the latter).
    beta: f64,
    beta_day: f64,
    /// The square-root law for Bitcoin (Y, σ, volume) and for the Nasdaq (its Y follows).
    crypto: Impact,
    nasdaq: Impact,
    /// IT's move, percent (the day only).
    tech_pct: Option<f64>,
}

/// One draw's parts: (cause, value) in order, and its cascade.
struct Drawn {
    spx: Vec<(Cause, f64)>,
    btc: Vec<(Cause, f64)>,
    cascade: Cascade,
}

/// The day's liquidations from the day's modelled shock, with section 4's
/// loop through tech stocks: at the central inputs this is section 4's
/// cascade when it starts from the day (its default).
fn day_cascade(b: &Basis, pop: &[Position], dr: &Drivers, p: &Settings, w: &Draw) -> Cascade {
    let selling = -w.crypto.pct(selling_usd(&dr.market, p));
    let shock = day_shock_pct(b, w.beta_day, selling);
    let loop_to_stocks = Contagion { phi: (p.phi_pct / 100.0).clamp(0.0, 1.0), nasdaq: w.nasdaq, beta: w.beta_day };
    cascade::run(pop, dr.market.price_before, shock, w.crypto, Some(loop_to_stocks))
}

/// What the forced selling itself did to Bitcoin, percent: the square-root
/// law at the cascade's liquidated total, from where the shock left the
/// price. The loop's way back through tech stocks is not in it: that is the
/// S&P 500's contagion part, which reaches Bitcoin through β.
fn forced_selling_pct(c: &Cascade, crypto: Impact) -> f64 {
    -(1.0 + c.shock_pct / 100.0) * crypto.pct(c.liquidated)
}

fn draw_parts(
    b: &Basis,
    p: &Settings,
    dr: &Drivers,
    pop: &[Position],
    h: Horizon,
    w: &Draw,
    spx_actual: f64,
) -> Option<Drawn> {
    let weight = b.stocks_day.as_ref().map(|s| s.tech_weight.value / 100.0);
    let mut spx = Vec::new();
    if h == Horizon::Day {
        if let Some(split) = weight.zip(w.tech_pct).and_then(|(wt, t)| attribution::split(spx_actual, wt, t)) {
            spx.push((Cause::Tech, split.excess_pct));
        }
    }
    let (rates, _) = rates_over(b, p, h, 1.0)?;
    spx.push((Cause::Rates, rates.spx_pct));
    let c = day_cascade(b, pop, dr, p, w);
    // The Nasdaq's move from the forced sellers' tech selling, in S&P 500 terms.
    spx.push((Cause::Contagion, c.nasdaq_pct / p.nasdaq_beta.max(0.1)));
    let spx_rest = spx_actual - spx.iter().map(|x| x.1).sum::<f64>();
    let mut btc: Vec<(Cause, f64)> = spx.iter().map(|&(cause, v)| (cause, w.beta * v)).collect();
    btc.push((Cause::StockRest, w.beta * spx_rest));
    // The ETF selling is the day's figure: there is no complete flow table
    // for the two weeks, so over them it is left in "not explained".
    if h == Horizon::Day {
        btc.push((Cause::Selling, -w.crypto.pct(selling_usd(&dr.market, p))));
    }
    btc.push((Cause::Cascade, forced_selling_pct(&c, w.crypto)));
    Some(Drawn { spx, btc, cascade: c })
}

/// Merge the central draw with the two ends: each part's range is its
/// values across the draws, and so are the sum's and the rest's.
fn merge(h: Horizon, actual: f64, draws: [&[(Cause, f64)]; 3], via_stocks: impl Fn(Cause) -> bool) -> Decomposition {
    let [c, lo, hi] = draws;
    let span = |xs: [f64; 3]| {
        (xs[0], xs.iter().copied().fold(f64::INFINITY, f64::min), xs.iter().copied().fold(f64::NEG_INFINITY, f64::max))
    };
    let find = |d: &[(Cause, f64)], cause: Cause| d.iter().find(|x| x.0 == cause).map_or(0.0, |x| x.1);
    let parts = c
        .iter()
        .map(|&(cause, v)| {
            let (_, a, z) = span([v, find(lo, cause), find(hi, cause)]);
            Part { cause, value: v, lo: a, hi: z, via_stocks: via_stocks(cause) }
        })
        .collect();
    let total = |d: &[(Cause, f64)]| d.iter().map(|x| x.1).sum::<f64>();
    let sum = span([total(c), total(lo), total(hi)]);
    let rest = span([actual - total(c), actual - total(lo), actual - total(hi)]);
    Decomposition { horizon: h, parts, actual, rest, sum }
}

/// The impact law with `depth_cut_pct` of the depth gone, at Y and volume `v`.
fn impact_at(dr: &Drivers, y: f64, v: f64, depth_cut_pct: f64) -> Impact {
    Impact { y, sigma: dr.inputs.sigma_btc_utc, volume: thinned_volume(v, depth_cut_pct) }
}

/// The day (or the two weeks before it) decomposed for Bitcoin and the S&P
/// 500 at the settings, on the population `pop` of leveraged longs.
pub fn decompose(b: &Basis, p: &Settings, dr: &Drivers, pop: &[Position]) -> Option<Decompositions> {
    let h = p.span;
    let (spx_actual, btc_actual) = actual_over(b, h);
    let (spx_actual, btc_actual) = (spx_actual?, btc_actual?);
    let (_, reading) = rates_over(b, p, h, 1.0)?;
    let beta = estimate_to(&b.pairs, p.corr_window.days(), h.start())?;
    let day = dr.inputs.crisis;
    let (beta_lo, beta_hi) = beta.beta_range();
    let (day_lo, day_hi) = day.map(|e| e.beta_range()).unwrap_or((dr.inputs.beta(), dr.inputs.beta()));
    let inp = &dr.inputs;
    let nasdaq = |y: f64| Impact { y, sigma: inp.nasdaq_sigma(p.nasdaq_beta), volume: NASDAQ_VOLUME_USD };
    let stocks = b.stocks_day.as_ref();
    // The tech figure that gives the smaller excess goes with the low end.
    let tech = stocks.map(|s| s.tech_moves()).unwrap_or_default();
    let excess = |t: f64| {
        stocks
            .and_then(|s| attribution::split(spx_actual, s.tech_weight.value / 100.0, t))
            .map_or(0.0, |x| x.excess_pct)
    };
    let (tech_small, tech_large) = match tech.as_slice() {
        [a, b, ..] if excess(*a).abs() <= excess(*b).abs() => (Some(*a), Some(*b)),
        [a, b, ..] => (Some(*b), Some(*a)),
        [a] => (Some(*a), Some(*a)),
        [] => (None, None),
    };
    let depth = p.depth_cut_pct;
    let central = Draw {
        beta: beta.stats.beta,
        beta_day: dr.inputs.beta(),
        crypto: dr.inputs.impact(depth),
        nasdaq: nasdaq(inp.y),
        tech_pct: tech.first().copied(),
    };
    let low = Draw {
        beta: beta_lo,
        beta_day: day_lo,
        crypto: impact_at(dr, inp.y_low, inp.volume_high_usd, depth),
        nasdaq: nasdaq(inp.y_low),
        tech_pct: tech_small,
    };
    let high = Draw {
        beta: beta_hi,
        beta_day: day_hi,
        crypto: impact_at(dr, inp.y_high, inp.volume_low_usd, depth),
        nasdaq: nasdaq(inp.y_high),
        tech_pct: tech_large,
    };
    let [c, l, z] = [central, low, high].map(|w| draw_parts(b, p, dr, pop, h, &w, spx_actual));
    let (c, l, z) = (c?, l?, z?);
    let spx = merge(h, spx_actual, [&c.spx, &l.spx, &z.spx], |_| false);
    let btc = merge(h, btc_actual, [&c.btc, &l.btc, &z.btc], |cause| {
        matches!(cause, Cause::Tech | Cause::Rates | Cause::Contagion | Cause::StockRest)
    });
    let tech_split = stocks.filter(|_| h == Horizon::Day).and_then(|s| {
        let weight = s.tech_weight.value / 100.0;
        Some(TechSplit {
            weight,
            weight_date: s.tech_weight.date,
            central: attribution::split(spx_actual, weight, s.tech.value)?,
            other: s.tech_other.as_ref().and_then(|o| attribution::split(spx_actual, weight, o.value)),
            tech_pct: s.tech.value,
            tech_other_pct: s.tech_other.as_ref().map(|o| o.value),
            nvidia: s.nvidia_share(),
        })
    });
    let (q_lo, q_hi) = (l.cascade.liquidated, z.cascade.liquidated);
    Some(Decompositions {
        btc,
        spx,
        reading: reading.clone(),
        beta,
        tech: tech_split,
        cascade: c.cascade,
        liquidated_range: (q_lo.min(q_hi), q_lo.max(q_hi)),
    })
}
