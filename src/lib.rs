//! An explorable explanation of the 20 November 2025 sell-off.
//!
//! The modules form layers, each importing only those below it. The order's
//! one source is `LAYERS` in `tools/check_layers.py` (enforced by `make
//! test`); README's Layout says what each module holds. Everything up to
//! `figures` is pure Rust and tests natively; the UI half (`context`,
//! `components`, `sections`, `app`) only exists in the wasm32 build.

/// The build's language. One language a build (docs/i18n.md): the cargo
/// feature `zh` builds the Simplified Chinese edition, served at `/zh/`,
/// and each build links only its own text, so the English reader downloads
/// no Chinese byte. `tr!(english, chinese)` takes both at each call site and
/// expands to the build's: a missing translation does not compile. Both
/// builds are linted (`make lint`), so both branches type-check.
/// `format::ZH` says which build this is, for the few places that branch
/// on more than one expression.
#[cfg(not(feature = "zh"))]
macro_rules! tr {
    ($en:expr, $zh:expr $(,)?) => {
        $en
    };
}
#[cfg(feature = "zh")]
macro_rules! tr {
    ($en:expr, $zh:expr $(,)?) => {
        $zh
    };
}

pub mod charts;
pub mod data;
pub mod figures;
pub mod format;
pub mod guide;
pub mod model;
pub mod scenario;
pub mod share;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod sections;

/// Benchmark hook for `make bench`: build a population of `n` leveraged
/// longs and time the cascade to its fixed point, `reps` times. Returns the
/// mean milliseconds per cascade (the population is built once, as in the app).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_cascade(n: u32, reps: u32) -> f64 {
    use model::cascade::{mix_centred_on, population, run, Impact};
    let p0 = 92_000.0;
    let pop = population(n as usize, 24.0e9, &mix_centred_on(10.0), 0.004, p0, 7, |r| p0 * (1.0 + 0.03 * r.normal()));
    let crypto = Impact { y: 0.7, sigma: 0.03, volume: 60.0e9 };
    let now = || js_sys::Date::now();
    let reps = reps.max(1);
    let t0 = now();
    let mut sink = 0.0;
    for i in 0..reps {
        sink += run(&pop, p0, -3.0 - f64::from(i % 3), crypto, None).final_price;
    }
    let ms = (now() - t0) / f64::from(reps);
    // Keep the work observable so it is not optimised away.
    if sink.is_nan() {
        -1.0
    } else {
        ms
    }
}
