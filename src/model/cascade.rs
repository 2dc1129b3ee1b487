//! Cause 4: forced liquidation of leveraged longs, the cascade it feeds, and
//! the loop between crypto and tech stocks.
//!
//! * Liquidation price of a long, isolated margin: P_liq = P_entry·(1 − 1/L)/(1 − m)
//!   (see `leverage`).
//! * The cascade: an initial shock moves the price; every position whose
//!   liquidation price is reached is sold; the cumulative forced selling Q
//!   moves the price by the square-root law, ΔP/P = Y·σ·√(Q/V) (Tóth et al. 2011);
//!   repeat until no new position is reached (a fixed point) or the round cap.
//!   Using the cumulative Q keeps the impact of all forced selling concave
//!   rather than adding independent impacts round by round.
//! * Contagion: a share φ of the forced crypto selling is matched by selling of
//!   tech stocks on margin, which moves the Nasdaq by its own square-root
//!   impact; Bitcoin follows the Nasdaq with beta β. Both markets are iterated
//!   jointly.
//! * Stability test (Greenwood, Landier & Thesmar, "Vulnerable Banks", Journal
//!   of Financial Economics 115, 2015): a deleveraging spiral runs away when
//!   λ·A·(L − 1) ≥ 1, λ the price impact per dollar sold, A the leveraged
//!   assets, L the leverage.

use super::liquidity::sqrt_impact_pct;

/// One leveraged long: entry price (US$), leverage, notional (US$).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Position {
    pub entry: f64,
    pub leverage: f64,
    pub notional: f64,
    /// Liquidation price, US$.
    pub liq: f64,
}

pub fn liq_price(entry: f64, leverage: f64, m: f64) -> f64 {
    entry * (1.0 - 1.0 / leverage.max(1.0)) / (1.0 - m)
}

/// Deterministic pseudo-random numbers (SplitMix64), so that a given set of
/// inputs always gives the same population and the tests can pin outputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// A leverage mix: (leverage, share of open interest). Shares sum to 1.
pub type Mix = Vec<(f64, f64)>;

/// The illustrative mix {5×:30 %, 10×:30 %, 25×:25 %, 50×:10 %, 100×:5 %},
/// whose median is 10×, scaled so that its median is `centre_x` (each level
/// clamped to [1, 125], the highest leverage major exchanges offer).
pub fn mix_centred_on(centre_x: f64) -> Mix {
    let c = if centre_x.is_finite() { centre_x.clamp(1.0, 100.0) } else { 10.0 };
    [(5.0, 0.30), (10.0, 0.30), (25.0, 0.25), (50.0, 0.10), (100.0, 0.05)]
        .iter()
        .map(|(l, w)| ((l * c / 10.0).clamp(1.0, 125.0), *w))
        .collect()
}

/// The shares of open interest of a mix's tiers, in order: what
/// [`openings`] stratifies by.
pub fn weights(mix: &Mix) -> Vec<f64> {
    mix.iter().map(|x| x.1).collect()
}

/// The leverage of position `i` of `n`: levels in proportion to their share
/// of open interest (a stratified draw, so small populations match the mix).
fn leverage_at(i: usize, n: usize, mix: &Mix) -> f64 {
    let total_w: f64 = mix.iter().map(|x| x.1).sum::<f64>().max(1e-12);
    let u = (i as f64 + 0.5) / n as f64 * total_w;
    let mut acc = 0.0;
    for (l, w) in mix {
        acc += w;
        if u <= acc {
            return *l;
        }
    }
    mix.last().map_or(1.0, |x| x.0)
}

/// A population of `n` longs with total open interest `oi` (US$), leverage
/// from `mix`, entry prices from `entry`(rng). Positions already past their
/// liquidation price at `p0` are not open any more and are left out; the
/// notional of the rest is scaled so that the open interest is `oi`. Returned
/// sorted by liquidation price, highest first (the order the cascade reaches them).
pub fn population(
    n: usize,
    oi: f64,
    mix: &Mix,
    m: f64,
    p0: f64,
    seed: u64,
    mut entry: impl FnMut(&mut Rng) -> f64,
) -> Vec<Position> {
    let mut rng = Rng::new(seed);
    let n = n.max(1);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let lev = leverage_at(i, n, mix);
        let e = entry(&mut rng);
        if !(e.is_finite() && e > 0.0) {
            continue;
        }
        let liq = liq_price(e, lev, m);
        if liq < p0 {
            out.push(Position { entry: e, leverage: lev, notional: 1.0, liq });
        }
    }
    let count = out.len().max(1) as f64;
    for p in &mut out {
        p.notional = oi / count;
    }
    out.sort_unstable_by(|a, b| b.liq.total_cmp(&a.liq));
    out
}

/// A population opened along a price path: `bars` are daily (low, high,
/// volume), oldest first, ending with the day whose close is `p0`. Each
/// position opens on a day drawn in proportion to volume, at a price uniform
/// in that day's range; it is still open only if no later low reached its
/// liquidation price (and `p0` has not either). Notional is scaled so that the
/// open positions total `oi`. Sorted by liquidation price, highest first.
pub fn population_from_path(
    n: usize,
    oi: f64,
    mix: &Mix,
    m: f64,
    bars: &[(f64, f64, f64)],
    p0: f64,
    seed: u64,
) -> Vec<Position> {
    population_from_openings(&openings(n, bars, p0, seed, &weights(mix)), oi, mix, m)
}

/// Where a position opened, before its leverage is known: entry price and
/// the lowest low after its day (US$).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Opening {
    pub entry: f64,
    pub low_after: f64,
}

/// The `n` openings of [`population_from_path`], which do not depend on the
/// leverage: drawn once per data load, so that moving the leverage slider
/// only recomputes liquidation prices. Within each stratum of `weights` (the
/// leverage tiers of a [`Mix`]) they are ordered by entry price, highest
/// first; strata are drawn independently of order, so the population is the
/// same, and [`population_from_openings`] can merge sorted tiers in linear
/// time instead of sorting.
pub fn openings(n: usize, bars: &[(f64, f64, f64)], p0: f64, seed: u64, weights: &[f64]) -> Vec<Opening> {
    if bars.is_empty() {
        return Vec::new();
    }
    // Lowest low after each day (the same day's later trading is ignored).
    let mut low_after = vec![p0; bars.len()];
    let mut running = p0;
    for i in (0..bars.len()).rev() {
        low_after[i] = running;
        running = running.min(bars[i].0);
    }
    let total_vol: f64 = bars.iter().map(|b| b.2.max(0.0)).sum();
    // Also catches NaN volumes.
    if total_vol.is_nan() || total_vol <= 0.0 {
        return Vec::new();
    }
    let mut cum = Vec::with_capacity(bars.len());
    let mut acc = 0.0;
    for b in bars {
        acc += b.2.max(0.0) / total_vol;
        cum.push(acc);
    }
    let day_of = |u: f64| cum.iter().position(|c| u <= *c).unwrap_or(cum.len() - 1);
    let mut rng = Rng::new(seed);
    let n = n.max(1);
    let mut out: Vec<Opening> = (0..n)
        .map(|_| {
            let day = day_of(rng.uniform());
            let (lo, hi, _) = bars[day];
            Opening { entry: lo + (hi - lo) * rng.uniform(), low_after: low_after[day] }
        })
        .collect();
    let mut from = 0;
    for to in tier_ends(n, weights) {
        out[from..to].sort_unstable_by(|a, b| b.entry.total_cmp(&a.entry));
        from = to;
    }
    out
}

/// Where each stratum of `weights` ends among `n` positions: position `i`
/// belongs to the first tier whose cumulative weight reaches (i + ½)/n of the
/// total (the rule of `leverage_at`).
fn tier_ends(n: usize, weights: &[f64]) -> Vec<usize> {
    let total_w: f64 = weights.iter().sum::<f64>().max(1e-12);
    let mut ends = Vec::with_capacity(weights.len());
    let mut i = 0;
    let mut acc = 0.0;
    for (k, w) in weights.iter().enumerate() {
        acc += w;
        while i < n && ((i as f64 + 0.5) / n as f64 * total_w <= acc || k + 1 == weights.len()) {
            i += 1;
        }
        ends.push(i);
    }
    ends
}

/// The open positions at leverage `mix`, from [`openings`] drawn with the
/// mix's weights: liquidation prices, the still-open filter, notional scaled
/// to `oi`. Sorted by liquidation price, highest first.
pub fn population_from_openings(open: &[Opening], oi: f64, mix: &Mix, m: f64) -> Vec<Position> {
    // Each tier has one leverage, so its liquidation prices are in the order
    // of its entry prices: sorted runs, merged below.
    let mut runs: Vec<Vec<Position>> = Vec::with_capacity(mix.len());
    let mut from = 0;
    for (to, &(lev, _)) in tier_ends(open.len(), &weights(mix)).into_iter().zip(mix.iter()) {
        let run: Vec<Position> = open[from..to]
            .iter()
            .filter_map(|o| {
                let liq = liq_price(o.entry, lev, m);
                (liq < o.low_after).then_some(Position { entry: o.entry, leverage: lev, notional: 1.0, liq })
            })
            .collect();
        runs.push(run);
        from = to;
    }
    for run in &mut runs {
        // Openings not drawn for these weights still give a correct order.
        if !run.is_sorted_by(|a, b| a.liq >= b.liq) {
            run.sort_unstable_by(|a, b| b.liq.total_cmp(&a.liq));
        }
    }
    let mut pop = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    let mut heads = vec![0usize; runs.len()];
    loop {
        let next = (0..runs.len())
            .filter(|&r| heads[r] < runs[r].len())
            .max_by(|&a, &b| runs[a][heads[a]].liq.total_cmp(&runs[b][heads[b]].liq));
        let Some(r) = next else { break };
        pop.push(runs[r][heads[r]]);
        heads[r] += 1;
    }
    let count = pop.len().max(1) as f64;
    for p in &mut pop {
        p.notional = oi / count;
    }
    pop
}

/// Market parameters of the impact law.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Impact {
    pub y: f64,
    /// Daily volatility, fraction.
    pub sigma: f64,
    /// Daily volume, US$.
    pub volume: f64,
}

impl Impact {
    /// Fall in percent for cumulative selling `q` (US$).
    pub fn pct(&self, q: f64) -> f64 {
        sqrt_impact_pct(self.y, self.sigma, q, self.volume)
    }
}

/// One round of the cascade.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Round {
    /// Price at the start of the round, US$.
    pub price: f64,
    /// Notional liquidated in this round, US$.
    pub liquidated: f64,
    /// Nasdaq move so far, percent (0 without contagion).
    pub nasdaq_pct: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cascade {
    pub p0: f64,
    pub shock_pct: f64,
    pub final_price: f64,
    /// Final move from p0, percent.
    pub final_pct: f64,
    pub liquidated: f64,
    pub rounds: Vec<Round>,
    pub converged: bool,
    /// final move / initial shock (1 = no amplification).
    pub amplification: f64,
    pub nasdaq_pct: f64,
}

/// Cross-market coupling; `phi` = 0 switches it off.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contagion {
    /// Share of forced crypto selling matched by tech-stock selling (0–1).
    pub phi: f64,
    /// Nasdaq market: impact parameters (volume in US$).
    pub nasdaq: Impact,
    /// Bitcoin's beta to stocks.
    pub beta: f64,
}

pub const MAX_ROUNDS: usize = 200;

/// Run the cascade on a population sorted by liquidation price (highest first).
pub fn run(pop: &[Position], p0: f64, shock_pct: f64, crypto: Impact, contagion: Option<Contagion>) -> Cascade {
    let shock = if shock_pct.is_finite() { shock_pct.clamp(-99.0, 0.0) } else { 0.0 };
    let base = p0 * (1.0 + shock / 100.0);
    let mut price = base;
    let mut next = 0; // index of the first position not yet liquidated
    let mut q = 0.0;
    let mut rounds = Vec::new();
    let mut converged = false;
    let mut nasdaq_pct = 0.0;
    for _ in 0..MAX_ROUNDS {
        let start = next;
        while next < pop.len() && pop[next].liq >= price {
            q += pop[next].notional;
            next += 1;
        }
        let newly: f64 = pop[start..next].iter().map(|p| p.notional).sum();
        rounds.push(Round { price, liquidated: newly, nasdaq_pct });
        // Price after all forced selling so far, and the tech loop.
        let crypto_fall = crypto.pct(q) / 100.0;
        let feedback = match contagion {
            Some(c) if c.phi > 0.0 => {
                nasdaq_pct = -c.nasdaq.pct(c.phi.clamp(0.0, 1.0) * q);
                (c.beta * nasdaq_pct / 100.0).min(0.0)
            }
            _ => 0.0,
        };
        let new_price = (base * (1.0 - crypto_fall) * (1.0 + feedback)).max(0.0);
        // Converged: no position newly reached at the new price.
        let reaches_more = next < pop.len() && pop[next].liq >= new_price;
        let moved = (price - new_price).abs() > 1e-9 * p0.max(1.0);
        price = new_price;
        if !reaches_more && !moved {
            converged = true;
            break;
        }
        if !reaches_more {
            // One last update with nothing new to sell: fixed point reached.
            converged = true;
            rounds.push(Round { price, liquidated: 0.0, nasdaq_pct });
            break;
        }
    }
    let final_pct = (price / p0 - 1.0) * 100.0;
    Cascade {
        p0,
        shock_pct: shock,
        final_price: price,
        final_pct,
        liquidated: q,
        converged,
        amplification: if shock.abs() > 1e-12 { final_pct / shock } else { 1.0 },
        rounds,
        nasdaq_pct,
    }
}

/// Notional that would be liquidated in each price bin below `p0`: `bins`
/// bins of `width_pct` percent each. Returns (bin top price, bin bottom, US$).
pub fn liquidation_map(pop: &[Position], p0: f64, bins: usize, width_pct: f64) -> Vec<(f64, f64, f64)> {
    let mut out: Vec<(f64, f64, f64)> = (0..bins)
        .map(|i| {
            let top = p0 * (1.0 - width_pct / 100.0 * i as f64);
            let bottom = p0 * (1.0 - width_pct / 100.0 * (i + 1) as f64);
            (top, bottom, 0.0)
        })
        .collect();
    for p in pop {
        let depth = (1.0 - p.liq / p0) * 100.0 / width_pct;
        if depth >= 0.0 && depth < bins as f64 {
            out[depth as usize].2 += p.notional;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::leverage::{long_liq_move_pct, MAINTENANCE};

    const P0: f64 = 92_000.0;
    const OI: f64 = 24.0e9;
    const CRYPTO: Impact = Impact { y: 0.7, sigma: 0.03, volume: 60.0e9 };

    /// The illustrative population of the issue: entries ~ N(P0, 3 %).
    fn illustrative(n: usize, centre: f64) -> Vec<Position> {
        population(n, OI, &mix_centred_on(centre), MAINTENANCE, P0, 7, |r| P0 * (1.0 + 0.03 * r.normal()))
    }

    /// The path population the direct way: draw in index order, leverage by
    /// `leverage_at`, filter, sort. The merged version must give the same.
    fn path_population_reference(n: usize, mix: &Mix, bars: &[(f64, f64, f64)], p0: f64) -> Vec<Position> {
        let mut low_after = vec![p0; bars.len()];
        let mut running = p0;
        for i in (0..bars.len()).rev() {
            low_after[i] = running;
            running = running.min(bars[i].0);
        }
        let total: f64 = bars.iter().map(|b| b.2).sum();
        let mut cum = Vec::new();
        let mut acc = 0.0;
        for b in bars {
            acc += b.2 / total;
            cum.push(acc);
        }
        let mut rng = Rng::new(11);
        let mut pop = Vec::new();
        for i in 0..n {
            let lev = leverage_at(i, n, mix);
            let u = rng.uniform();
            let day = cum.iter().position(|c| u <= *c).unwrap_or(cum.len() - 1);
            let (lo, hi, _) = bars[day];
            let entry = lo + (hi - lo) * rng.uniform();
            let liq = liq_price(entry, lev, MAINTENANCE);
            if liq < low_after[day] {
                pop.push(Position { entry, leverage: lev, notional: 1.0, liq });
            }
        }
        let count = pop.len().max(1) as f64;
        for p in &mut pop {
            p.notional = OI / count;
        }
        pop.sort_by(|a, b| b.liq.total_cmp(&a.liq).then(b.entry.total_cmp(&a.entry)));
        pop
    }

    #[test]
    fn merged_tiers_give_the_population_a_full_sort_gives() {
        let bars: Vec<(f64, f64, f64)> = (0..28)
            .map(|i| {
                let c = 110_000.0 - 700.0 * f64::from(i);
                (c * 0.97, c * 1.02, 1e9 + 3e7 * f64::from(i % 5))
            })
            .collect();
        let weights = weights(&mix_centred_on(10.0));
        for n in [1, 7, 1000, 20_000] {
            let open = openings(n, &bars, 91_000.0, 11, &weights);
            // 50 and 100 make tiers collide at the 125× cap.
            for centre in [1.0, 2.0, 10.0, 37.5, 50.0, 100.0] {
                let mix = mix_centred_on(centre);
                let mut got = population_from_openings(&open, OI, &mix, MAINTENANCE);
                assert!(got.windows(2).all(|w| w[0].liq >= w[1].liq), "n {n}, centre {centre}: not sorted");
                got.sort_by(|a, b| b.liq.total_cmp(&a.liq).then(b.entry.total_cmp(&a.entry)));
                assert_eq!(got, path_population_reference(n, &mix, &bars, 91_000.0), "n {n}, centre {centre}");
            }
        }
    }

    #[test]
    fn liquidation_price_matches_the_leverage_module() {
        for l in [10.0, 20.0, 50.0, 100.0] {
            let p = liq_price(100.0, l, MAINTENANCE);
            assert!(((p / 100.0 - 1.0) * 100.0 - long_liq_move_pct(l, MAINTENANCE)).abs() < 1e-9);
        }
    }

    #[test]
    fn illustrative_check_pins_this_implementation() {
        let pop = illustrative(100_000, 10.0);
        let total: f64 = pop.iter().map(|p| p.notional).sum();
        assert!((total - OI).abs() < 1.0);
        let finals: Vec<f64> = [-1.0, -3.0, -5.0].iter().map(|s| run(&pop, P0, *s, CRYPTO, None).final_pct).collect();
        // The illustration: about −1.5 / −3.6 / −5.8 %.
        for (got, want) in finals.iter().zip([-1.5, -3.6, -5.8]) {
            assert!((got - want).abs() < 0.6, "got {got}, illustration {want}");
        }
        // Pinned outputs of this implementation (seed 7, 100,000 positions).
        let pinned = [-1.3122, -3.5460, -5.6899];
        for (got, want) in finals.iter().zip(pinned) {
            assert!((got - want).abs() < 1e-3, "{finals:?}");
        }
    }

    #[test]
    fn zero_shock_gives_zero_cascade() {
        let c = run(&illustrative(20_000, 10.0), P0, 0.0, CRYPTO, None);
        assert_eq!(c.liquidated, 0.0);
        assert_eq!(c.final_price, P0);
        assert!(c.converged);
    }

    #[test]
    fn more_leverage_never_lowers_liquidations() {
        for shock in [-0.5, -2.0, -5.0] {
            let mut prev = -1.0;
            for lev in [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0] {
                let c = run(&illustrative(20_000, lev), P0, shock, CRYPTO, None);
                assert!(c.liquidated >= prev, "shock {shock}, {lev}×: {} < {prev}", c.liquidated);
                prev = c.liquidated;
            }
        }
    }

    #[test]
    fn terminates_and_stays_finite_at_the_extremes() {
        for lev in [1.0, 100.0] {
            let pop = illustrative(5_000, lev);
            for shock in [0.0, -0.01, -10.0, -50.0, -99.0, f64::NAN, -1e9] {
                for phi in [0.0, 0.5, 1.0] {
                    let c = run(
                        &pop,
                        P0,
                        shock,
                        CRYPTO,
                        Some(Contagion { phi, nasdaq: Impact { y: 0.7, sigma: 0.02, volume: 1.0e9 }, beta: 3.0 }),
                    );
                    assert!(c.rounds.len() <= MAX_ROUNDS + 1);
                    for v in [c.final_price, c.final_pct, c.liquidated, c.amplification, c.nasdaq_pct] {
                        assert!(v.is_finite(), "{lev} {shock} {phi}: {c:?}");
                    }
                    assert!(c.final_price >= 0.0 && c.final_price <= P0);
                }
            }
        }
        assert!(run(&[], P0, -5.0, CRYPTO, None).converged);
    }

    #[test]
    fn contagion_deepens_the_fall() {
        let pop = illustrative(20_000, 20.0);
        let alone = run(&pop, P0, -3.0, CRYPTO, None);
        let coupled = run(
            &pop,
            P0,
            -3.0,
            CRYPTO,
            Some(Contagion { phi: 0.5, nasdaq: Impact { y: 0.7, sigma: 0.015, volume: 400.0e9 }, beta: 2.0 }),
        );
        assert!(coupled.final_pct < alone.final_pct);
        assert!(coupled.nasdaq_pct < 0.0);
    }

    #[test]
    fn liquidation_map_bins_below_the_price() {
        let pop = illustrative(20_000, 10.0);
        let map = liquidation_map(&pop, P0, 40, 0.5);
        assert_eq!(map.len(), 40);
        assert!(map.iter().all(|b| b.2 >= 0.0 && b.0 > b.1));
        let within: f64 = map.iter().map(|b| b.2).sum();
        assert!(within > 0.0 && within <= OI + 1.0);
    }
}
