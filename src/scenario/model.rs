//! Everything one setting of the controls implies: the one path from the
//! data's [`Basis`] and the [`Settings`] to every model output the page shows.
//! The app's `Derived` memo calls [`Model::next`]; every native test calls
//! [`Model::at`], which is `next` without a previous model, so the tests
//! check the path the page takes.

use super::basis::Basis;
use super::decomposition::{decompose, Decompositions};
use super::drivers::{drivers_from, run_cascade, Drivers};
use super::inputs::Inputs;
use super::positions::population_from;
use crate::model::cascade::{Cascade, Position};
use crate::state::{CascadeShock, Settings};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub settings: Settings,
    /// What each cause contributes, with the one table of market inputs.
    pub drivers: Drivers,
    /// The leveraged longs open at the close of 19 Nov (shared: it changes
    /// only with the leverage and the open interest).
    pub population: Arc<Vec<Position>>,
    /// Section 4's cascade, from the reader's start (`cshock`) or the day's shock.
    pub cascade: Arc<Cascade>,
    /// The day (or the two weeks before) decomposed; `None` where the data
    /// lacks a move or a reading it needs (the cause sections still work).
    pub decomposition: Option<Arc<Decompositions>>,
}

impl Model {
    /// The model at `s`, from nothing.
    pub fn at(b: &Basis, s: &Settings) -> Option<Model> {
        Model::next(None, b, s)
    }

    /// The model at `s`, reusing the parts of `prev` (the model at the
    /// previous settings, on the same basis) that `s` leaves unchanged: the
    /// population when neither the leverage nor the open interest moved, the
    /// cascade and the decomposition when nothing they read moved. Always
    /// equal to [`Model::at`] (tests/decomposition.rs checks it over the
    /// controls table); the reuse only saves time, since the population and the
    /// cascades (one here, three in the decomposition) are the costly stages.
    pub fn next(prev: Option<&Model>, b: &Basis, s: &Settings) -> Option<Model> {
        let drivers = drivers_from(b, s)?;
        let same_population = |m: &&Model| m.settings.lev_x == s.lev_x && m.settings.oi_bn == s.oi_bn;
        let population = match prev.filter(same_population) {
            Some(m) => m.population.clone(),
            None => Arc::new(population_from(&b.openings, s.lev_x, s.oi_bn * 1e9)),
        };
        // Reuse needs the same population and drivers, plus the settings the
        // stage reads besides them.
        let same_inputs = |m: &&Model| Arc::ptr_eq(&m.population, &population) && m.drivers == drivers;
        let cascade_reads = |x: &Settings| (x.cascade_shock, x.depth_cut_pct, x.phi_pct, x.nasdaq_beta);
        let cascade = match prev.filter(same_inputs).filter(|m| cascade_reads(&m.settings) == cascade_reads(s)) {
            Some(m) => m.cascade.clone(),
            None => Arc::new(run_cascade(&population, &drivers, s)),
        };
        // The decomposition reads every setting but section 4's start (a
        // hypothetical start never reaches the day's answer).
        let without_start = |x: &Settings| Settings { cascade_shock: CascadeShock::Auto, ..x.clone() };
        let decomposition = match prev.filter(same_inputs).filter(|m| without_start(&m.settings) == without_start(s)) {
            Some(m) => m.decomposition.clone(),
            None => decompose(b, s, &drivers, &population).map(Arc::new),
        };
        Some(Model { settings: s.clone(), drivers, population, cascade, decomposition })
    }

    /// The one table of market inputs at these settings' window.
    pub fn inputs(&self) -> Inputs {
        self.drivers.inputs
    }
}
