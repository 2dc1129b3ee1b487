//! The page at its default settings, computed natively from the real data
//! files: what the figures and chart tests start from.
#![allow(dead_code)]

use selloff::data::{parse_data_file, DataFile};
use selloff::model::cascade::{Cascade, Position};
use selloff::scenario::decomposition::Decompositions;
use selloff::scenario::{self, Basis, Data, Drivers, Inputs, POPULATION};
use selloff::state::Settings;
use std::fs;

pub fn load(name: &str) -> DataFile {
    let path = format!("{}/public/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    parse_data_file(name, &fs::read_to_string(path).unwrap()).unwrap()
}

/// The page's default settings, from the one controls table (src/state.rs):
/// cut 39.6%, leverage 10×, …
pub fn defaults() -> Settings {
    Settings::default()
}

pub struct Page {
    pub markets: DataFile,
    pub rates: DataFile,
    pub events: DataFile,
    pub flows: DataFile,
    pub liquidations: DataFile,
    pub basis: Basis,
}

/// The model at some settings: what the page's `Derived` memos hold.
pub struct Model {
    pub params: Settings,
    pub drivers: Drivers,
    pub population: Vec<Position>,
    pub cascade: Cascade,
    pub decomposition: Decompositions,
}

impl Model {
    pub fn inputs(&self) -> Inputs {
        self.drivers.inputs
    }
}

impl Page {
    pub fn load() -> Page {
        let (markets, rates) = (load("markets"), load("rates"));
        let basis = scenario::basis(&Data { markets: &markets, rates: &rates }).unwrap();
        Page { markets, rates, events: load("events"), flows: load("flows"), liquidations: load("liquidations"), basis }
    }

    /// The model as the page computes it (see `app::derived`).
    pub fn model(&self, params: Settings) -> Model {
        let drivers = scenario::drivers_from(&self.basis, &params).unwrap();
        let open = scenario::openings(&self.markets, POPULATION);
        let population = scenario::population_from(&open, params.lev_x, params.oi_bn * 1e9);
        let cascade = scenario::run_cascade(&population, &drivers, &params);
        let decomposition = scenario::decomposition::decompose(&self.basis, &params, &drivers, &population).unwrap();
        Model { params, drivers, population, cascade, decomposition }
    }
}
