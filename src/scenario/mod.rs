//! The whole scenario: what each cause contributes to the day's moves at the
//! current settings, read off the bundled data and computed by the models.
//! Pure (no Leptos): the sections and the synthesis share these functions,
//! and they are tested natively on the real data files.
//!
//! The files, lowest first: `observed` (the data as read), `inputs` (the one
//! market-inputs table), `positions` (the leveraged longs), `day` (the S&P
//! 500's day from quoted figures), `basis` (all of it read once), `drivers`
//! (each cause at the settings, the cascade), `decomposition` (the day
//! decomposed) and `model` (everything one setting implies).

mod basis;
mod day;
pub mod decomposition;
mod drivers;
mod inputs;
pub mod model;
mod observed;
mod positions;

pub use basis::*;
pub use day::*;
pub use drivers::*;
pub use inputs::*;
pub use observed::*;
pub use positions::*;
