//! What each cause contributes at the current settings ([`Drivers`]) and
//! section 4's cascade.

use super::basis::*;
use super::inputs::*;
use super::observed::*;
use crate::model::cascade::{self, Cascade, Contagion, Impact, Position};
use crate::model::date::Date;
use crate::model::rates;
use crate::state::{Horizon, Settings};

/// The claim examined: long-term holders sold 815,000 BTC in 30 days (contested).
pub const LTH_CLAIM_BTC: f64 = 815_000.0;

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

pub fn drivers(data: &Data, p: &Settings) -> Option<Drivers> {
    drivers_from(&basis(data)?, p)
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
        .or_else(|| all.iter().find(|r| r.date == Date::ymd(2025, 11, 6)))
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

/// Section 4's contagion to tech stocks: the share matched, the Nasdaq's
/// impact law and β back to Bitcoin.
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
