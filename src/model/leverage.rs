//! Liquidation prices of leveraged positions, isolated margin.
//!
//! A long opened at P_entry with leverage L posts margin P_entry/L per unit and
//! is liquidated when equity falls to the maintenance margin m of the position
//! value: P_liq = P_entry·(1 − 1/L)/(1 − m). A short: P_entry·(1 + 1/L)/(1 + m).
//! (The convention of Binance-style USDT-margined contracts, fees ignored.)

/// Default maintenance margin, as a fraction (0.4 %).
pub const MAINTENANCE: f64 = 0.004;

/// Price move that liquidates a long, percent (negative). Leverage is clamped
/// to [1, 1000]; at 1× a long cannot be liquidated (−100 %); above 1/m the
/// position is under-margined from the start (0 %).
pub fn long_liq_move_pct(leverage_x: f64, m: f64) -> f64 {
    let l = if leverage_x.is_finite() { leverage_x.clamp(1.0, 1000.0) } else { 1.0 };
    let m = if m.is_finite() { m.clamp(0.0, 0.5) } else { MAINTENANCE };
    (((1.0 - 1.0 / l) / (1.0 - m)) - 1.0).clamp(-1.0, 0.0) * 100.0
}

/// The leverage at which a long is liquidated by a fall of `fall_pct`
/// percent (positive, e.g. 5 for a 5 % fall): the inverse of
/// [`long_liq_move_pct`]. A fall of 100 % or more wipes out even 1×: 1.
pub fn leverage_wiped_by(fall_pct: f64, m: f64) -> f64 {
    let f = if fall_pct.is_finite() { fall_pct.clamp(0.0, 100.0) / 100.0 } else { 1.0 };
    let m = if m.is_finite() { m.clamp(0.0, 0.5) } else { MAINTENANCE };
    // long_liq_move = (1 − 1/L)/(1 − m) − 1 = −f  ⇒  1/L = 1 − (1 − f)(1 − m).
    let inv = 1.0 - (1.0 - f) * (1.0 - m);
    if inv <= 0.0 {
        f64::INFINITY
    } else {
        (1.0 / inv).max(1.0)
    }
}

/// Price move that liquidates a short, percent (positive).
pub fn short_liq_move_pct(leverage_x: f64, m: f64) -> f64 {
    let l = if leverage_x.is_finite() { leverage_x.clamp(1.0, 1000.0) } else { 1.0 };
    let m = if m.is_finite() { m.clamp(0.0, 0.5) } else { MAINTENANCE };
    (((1.0 + 1.0 / l) / (1.0 + m)) - 1.0) * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_vectors() {
        for (l, want) in [(10.0, -9.64), (20.0, -4.62), (50.0, -1.61), (100.0, -0.60)] {
            let got = long_liq_move_pct(l, MAINTENANCE);
            assert!((got - want).abs() < 0.005, "{l}×: {got}");
        }
        assert!((short_liq_move_pct(10.0, MAINTENANCE) - 9.56).abs() < 0.01);
    }

    #[test]
    fn leverage_wiped_by_inverts_the_liquidation_move() {
        for l in [1.5, 2.0, 5.0, 10.0, 18.0, 50.0, 100.0] {
            let fall = -long_liq_move_pct(l, MAINTENANCE);
            assert!((leverage_wiped_by(fall, MAINTENANCE) - l).abs() < 1e-9, "{l}×");
        }
        // A 5 % fall wipes out a long at about 18.6× (maintenance margin 0.4 %).
        assert!((leverage_wiped_by(5.0, MAINTENANCE) - 18.59).abs() < 0.01);
        assert_eq!(leverage_wiped_by(100.0, MAINTENANCE), 1.0);
        assert!(leverage_wiped_by(0.0, 0.0).is_infinite());
    }

    #[test]
    fn extremes_stay_finite() {
        for l in [0.0, 1.0, 1.5, 100.0, 1e9, f64::NAN, f64::INFINITY] {
            let v = long_liq_move_pct(l, MAINTENANCE);
            assert!(v.is_finite() && (-100.0..=0.0).contains(&v), "{l}: {v}");
        }
        assert_eq!(long_liq_move_pct(1.0, 0.0), -100.0);
    }
}
