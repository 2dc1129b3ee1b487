//! Pure computation: no Leptos, no browser APIs. `f64` in, plain structs out.
//! Every function documents its units and is unit-tested natively.

pub mod attribution;
pub mod cascade;
pub mod correlation;
pub mod date;
pub mod leverage;
pub mod liquidity;
pub mod rates;
pub mod returns;
pub mod series;
pub mod timeline;

/// Helpers shared by the model's unit tests.
#[cfg(test)]
pub(crate) mod test_util {
    use super::date::Date;
    use super::series::Obs;

    /// A date written in a test as "YYYY-MM-DD" (a typo fails the test).
    pub fn d(text: &str) -> Date {
        Date::parse(text).expect("a test date")
    }

    /// A series from (date, value) pairs.
    pub fn obs(v: &[(&str, f64)]) -> Vec<Obs> {
        v.iter().map(|(s, x)| Obs { date: d(s), value: *x }).collect()
    }
}
