//! Pure computation: no Leptos, no browser APIs. `f64` in, plain structs out.
//! Every function documents its units and is unit-tested natively.

pub mod date;
pub mod series;
pub mod timeline;
pub mod rates;
pub mod returns;
pub mod correlation;
pub mod leverage;
pub mod liquidity;
pub mod cascade;
