//! An explorable explanation of the 20 November 2025 sell-off.
//!
//! `model`, `data` and `state` are pure Rust and test natively; the UI half
//! (`app`, `sections`, `charts`) only exists in the wasm32 build.

pub mod data;
pub mod format;
pub mod model;
pub mod scenario;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod sections;
