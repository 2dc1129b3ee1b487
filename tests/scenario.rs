//! The combined scenario on the real bundled data.

use selloff::data::{parse_data_file, DataFile};
use selloff::scenario::{
    actual_over, basis, drivers, population, rates_over, run_cascade, Data, DAY_BEFORE, POPULATION,
};
use selloff::state::Horizon;
use selloff::state::Settings;
use std::fs;

fn load(name: &str) -> DataFile {
    let path = format!("{}/public/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    parse_data_file(name, &fs::read_to_string(path).unwrap()).unwrap()
}

/// The page's defaults, from the one controls table.
fn defaults() -> Settings {
    Settings::default()
}

#[test]
fn defaults_give_a_finite_falling_scenario() {
    let (m, r) = (load("markets"), load("rates"));
    let p = defaults();
    let dr = drivers(&Data { markets: &m, rates: &r }, &p).unwrap();
    println!("{dr:?}");
    assert!(dr.rates_btc < 0.0 && dr.tariff_btc < 0.0 && dr.liquidity_btc < 0.0);
    // The cascade starts from the day's modelled shock: the S&P 500's actual
    // day × β (which holds the rate effect: rates reach Bitcoin only through
    // stocks) and the day's net selling.
    let b = basis(&Data { markets: &m, rates: &r }).unwrap();
    let (day_rates, reading) = rates_over(&b, &p, Horizon::Day, dr.btc_beta_crisis).unwrap();
    assert_eq!(reading.date, DAY_BEFORE);
    assert!(day_rates.btc_pct > 0.0, "the odds rose on the day: {}", day_rates.btc_pct);
    let day_stocks = actual_over(&b, Horizon::Day).0.unwrap() * dr.btc_beta_crisis;
    assert!((dr.combined_btc - (day_stocks + dr.liquidity_btc)).abs() < 1e-9);
    let pop = population(&m, p.lev_x, p.oi_bn * 1e9, POPULATION);
    assert!(!pop.is_empty());
    let c = run_cascade(&pop, &dr, &p);
    println!("final {} liq {} rounds {} amp {}", c.final_pct, c.liquidated, c.rounds.len(), c.amplification);
    assert!(c.converged);
    assert!(c.final_pct <= dr.combined_btc && c.final_pct.is_finite());
}

#[test]
fn leverage_and_cut_odds_change_the_outcome() {
    let (m, r) = (load("markets"), load("rates"));
    let run = |p: &Settings| {
        let dr = drivers(&Data { markets: &m, rates: &r }, p).unwrap();
        let pop = population(&m, p.lev_x, p.oi_bn * 1e9, POPULATION);
        (dr.combined_btc, run_cascade(&pop, &dr, p))
    };
    let low = run(&Settings { lev_x: 2.0, ..defaults() });
    let high = run(&Settings { lev_x: 50.0, ..defaults() });
    assert!(high.1.liquidated > low.1.liquidated);
    assert!(high.1.final_pct < low.1.final_pct);
    // The cut odds reach Bitcoin only through the stock move, which is the
    // day's actual one: they do not change the day's shock.
    let dovish = run(&Settings { cut_pct: 90.0, ..defaults() });
    let hawkish = run(&Settings { cut_pct: 10.0, ..defaults() });
    assert_eq!(hawkish.0, dovish.0);
}
