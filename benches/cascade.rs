//! Native timing of the cascade model (`make bench`): 100,000 positions to a
//! fixed point. Prints the mean time per cascade and the budget verdict.

use selloff::model::cascade::{mix_centred_on, openings, population, population_from_openings, run, weights, Impact};
use std::time::Instant;

const BUDGET_MS: f64 = 2.0;

fn main() {
    let p0 = 92_000.0;
    let t_pop = Instant::now();
    let pop = population(100_000, 24.0e9, &mix_centred_on(10.0), 0.004, p0, 7, |r| p0 * (1.0 + 0.03 * r.normal()));
    let pop_ms = t_pop.elapsed().as_secs_f64() * 1e3;
    let crypto = Impact { y: 0.7, sigma: 0.03, volume: 60.0e9 };
    let reps = 200;
    let t0 = Instant::now();
    let mut rounds = 0;
    for i in 0..reps {
        rounds += run(&pop, p0, -3.0 - f64::from(i % 3), crypto, None).rounds.len();
    }
    let ms = t0.elapsed().as_secs_f64() * 1e3 / f64::from(reps);
    println!("native cascade, 100,000 positions: {ms:.3} ms per cascade to its fixed point (mean of {reps}, {} rounds on average); building and sorting the population: {pop_ms:.1} ms", rounds / reps as usize);
    println!("  budget {BUDGET_MS} ms: {}", if ms <= BUDGET_MS { "PASS" } else { "FAIL" });

    // The page's population: 20,000 positions opened along a 28-day path,
    // drawn once; each leverage setting only recomputes and merges.
    let bars: Vec<(f64, f64, f64)> = (0..28)
        .map(|i| {
            let c = 110_000.0 - 700.0 * f64::from(i);
            (c * 0.97, c * 1.02, 1e9 + 1e7 * f64::from(i))
        })
        .collect();
    let weights = weights(&mix_centred_on(10.0));
    let t_open = Instant::now();
    let open = openings(20_000, &bars, 91_000.0, 11, &weights);
    let open_ms = t_open.elapsed().as_secs_f64() * 1e3;
    let t_lev = Instant::now();
    for i in 0..100 {
        std::hint::black_box(population_from_openings(&open, 24.0e9, &mix_centred_on(1.0 + f64::from(i)), 0.004));
    }
    let lev_ms = t_lev.elapsed().as_secs_f64() * 1e3 / 100.0;
    println!(
        "native page population, 20,000 positions: {open_ms:.2} ms to draw once; {lev_ms:.3} ms per leverage setting"
    );
}
