//! Each chart's input and each sentence or table that states a computed
//! finding, as pure functions of the data and the settings: one file per
//! section. No Leptos and no web types, so they are tested natively on the
//! real data files; the section components only read their signals and call
//! these.

pub use crate::format::long_date;

pub mod answer;
pub mod inputs;
pub mod intro;
pub mod liquidations;
pub mod liquidity;
pub mod questions;
pub mod rates;
pub mod synthesis;
pub mod tariffs;
