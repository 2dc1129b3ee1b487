//! Event markers over a time axis: which ones share a button when they
//! would otherwise overlap (pure logic, tested natively; the buttons
//! themselves are `components::chart`'s).

/// Group markers at CSS positions `xs` (None: off the axis, left out) so
/// that the groups' centres are at least `gap` apart and within
/// [`left`, `right`]: left to right, a marker closer than `gap` to the
/// group before joins it. Returns each group's position (its members'
/// mean, pushed right when needed) and its members' indices.
pub fn group(xs: &[Option<f64>], gap: f64, left: f64, right: f64) -> Vec<(f64, Vec<usize>)> {
    let mut order: Vec<usize> = (0..xs.len()).filter(|&i| xs[i].is_some()).collect();
    order.sort_unstable_by(|&a, &b| xs[a].unwrap_or(0.0).total_cmp(&xs[b].unwrap_or(0.0)).then(a.cmp(&b)));
    let mut groups: Vec<(f64, Vec<usize>)> = Vec::new();
    for i in order {
        let x = xs[i].unwrap_or(0.0);
        match groups.last_mut() {
            Some((gx, members)) if x - *gx < gap => {
                members.push(i);
                *gx = members.iter().map(|&j| xs[j].unwrap_or(0.0)).sum::<f64>() / members.len() as f64;
            }
            _ => groups.push((x, vec![i])),
        }
    }
    // A group's mean may have moved it close to the one before: push right.
    let mut prev = f64::NEG_INFINITY;
    for g in groups.iter_mut() {
        g.0 = g.0.max(prev + gap).max(left).min(right);
        prev = g.0;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn markers_far_apart_stay_apart() {
        assert_eq!(group(&[Some(10.0), Some(100.0)], 28.0, 0.0, 500.0), vec![(10.0, vec![0]), (100.0, vec![1])]);
    }

    #[test]
    fn close_markers_share_a_group_at_their_mean() {
        let g = group(&[Some(100.0), Some(110.0), Some(300.0)], 28.0, 0.0, 500.0);
        assert_eq!(g, vec![(105.0, vec![0, 1]), (300.0, vec![2])]);
    }

    #[test]
    fn off_axis_markers_are_left_out_and_order_follows_x() {
        let g = group(&[Some(300.0), None, Some(50.0)], 28.0, 0.0, 500.0);
        assert_eq!(g, vec![(50.0, vec![2]), (300.0, vec![0])]);
        assert!(group(&[None, None], 28.0, 0.0, 500.0).is_empty());
    }

    #[test]
    fn groups_stay_a_gap_apart_and_inside_the_plot() {
        // A chain of markers each 20 px apart: every group centre is at
        // least the gap from the one before, and none leaves [left, right].
        let xs: Vec<Option<f64>> = (0..30).map(|i| Some(-40.0 + 20.0 * i as f64)).collect();
        let g = group(&xs, 28.0, 0.0, 480.0);
        for w in g.windows(2) {
            assert!(w[1].0 - w[0].0 >= 28.0 - 1e-9 || w[1].0 == 480.0, "{g:?}");
        }
        assert!(g.iter().all(|(x, _)| (0.0..=480.0).contains(x)), "{g:?}");
        let mut all: Vec<usize> = g.iter().flat_map(|(_, m)| m.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, (0..30).collect::<Vec<_>>());
    }
}
