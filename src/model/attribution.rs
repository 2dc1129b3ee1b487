//! How much of an index's move one sector accounts for: an identity of
//! weighted returns, not a fitted model.
//!
//! An index's return is the weighted sum of its parts: with a sector of
//! weight w moving r_s and the rest of the index moving r_rest,
//! r_index = w·r_s + (1 − w)·r_rest. Rearranged,
//! r_index = w·(r_s − r_rest) + r_rest:
//! the sector's move *in excess of* the rest of the index, weighted, plus
//! the broad move that every part shared. Given r_index and r_s (both
//! quoted) and w, r_rest is implied, and the two parts add to r_index
//! exactly. Returns are in percent, the weight a fraction.

/// One sector's part of an index's move, percent of the index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Split {
    /// w·(r_s − r_rest): what the sector's own fall added to the broad move.
    pub excess_pct: f64,
    /// r_rest: the move of the rest of the index, shared by the whole index.
    pub broad_pct: f64,
    /// w·r_s: the sector's whole contribution (its share of the index's move).
    pub contribution_pct: f64,
}

/// The split of `index_pct` by a sector of weight `weight` (0 < w < 1) that
/// moved `sector_pct`. `None` for a weight outside (0, 1) or a non-finite input.
pub fn split(index_pct: f64, weight: f64, sector_pct: f64) -> Option<Split> {
    if !(index_pct.is_finite() && sector_pct.is_finite() && weight > 0.0 && weight < 1.0) {
        return None;
    }
    let contribution_pct = weight * sector_pct;
    let broad_pct = (index_pct - contribution_pct) / (1.0 - weight);
    Some(Split { excess_pct: weight * (sector_pct - broad_pct), broad_pct, contribution_pct })
}

/// A stock's contribution to the index's move, percent of the index: its
/// weight (fraction) times its move (percent).
pub fn contribution_pct(weight: f64, move_pct: f64) -> f64 {
    weight * move_pct
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_add_to_the_index_and_the_rest_is_implied() {
        // 20 Nov: S&P 500 −1.5567 %, IT weight 34.6 %, IT −2.7 % (Wells Fargo).
        let s = split(-1.5567, 0.346, -2.7).unwrap();
        assert!((s.excess_pct + s.broad_pct - -1.5567).abs() < 1e-12);
        assert!((s.contribution_pct - -0.9342).abs() < 1e-12);
        // The rest of the index: (−1.5567 + 0.9342) / 0.654.
        assert!((s.broad_pct - (-0.6225 / 0.654)).abs() < 1e-12);
        // The weighted parts rebuild the index: w·r_s + (1 − w)·r_rest.
        assert!((0.346 * -2.7 + 0.654 * s.broad_pct - -1.5567).abs() < 1e-12);
    }

    #[test]
    fn a_sector_that_moves_with_the_index_has_no_excess() {
        let s = split(-2.0, 0.3, -2.0).unwrap();
        assert!(s.excess_pct.abs() < 1e-12);
        assert!((s.broad_pct - -2.0).abs() < 1e-12);
    }

    #[test]
    fn bad_weights_and_numbers_give_none() {
        for w in [0.0, 1.0, -0.1, 1.5, f64::NAN] {
            assert!(split(-1.0, w, -2.0).is_none(), "{w}");
        }
        assert!(split(f64::NAN, 0.3, -2.0).is_none());
        assert!(split(-1.0, 0.3, f64::INFINITY).is_none());
    }

    #[test]
    fn a_stock_contributes_its_weight_times_its_move() {
        assert!((contribution_pct(0.0728, -3.15) - -0.22932).abs() < 1e-12);
    }
}
