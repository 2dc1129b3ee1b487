//! The page's data files, loaded natively, and the model at some settings
//! through the app's own path (`scenario::model::Model::at`): what the figures and
//! chart tests start from.
#![allow(dead_code)]

use selloff::data::{parse_data_file, DataFile};
use selloff::scenario::decomposition::Decompositions;
use selloff::scenario::model::Model;
use selloff::scenario::{self, Basis, Data};
use selloff::state::Settings;
use std::fs;

pub fn load(name: &str) -> DataFile {
    let path = format!("{}/public/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    parse_data_file(name, &fs::read_to_string(path).unwrap()).unwrap()
}

/// The page's default settings, from the one controls table (src/state/mod.rs):
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

impl Page {
    pub fn load() -> Page {
        let (markets, rates) = (load("markets"), load("rates"));
        let basis = scenario::basis(&Data { markets: &markets, rates: &rates }).unwrap();
        Page { markets, rates, events: load("events"), flows: load("flows"), liquidations: load("liquidations"), basis }
    }

    /// The model as the page computes it.
    pub fn model(&self, settings: Settings) -> Model {
        Model::at(&self.basis, &settings).expect("the bundled data give a model at every setting")
    }
}

/// The decomposition of a model on the bundled data (which always has one).
pub trait Decomposed {
    fn dec(&self) -> &Decompositions;
}

impl Decomposed for Model {
    fn dec(&self) -> &Decompositions {
        self.decomposition.as_deref().expect("the bundled data decompose")
    }
}
