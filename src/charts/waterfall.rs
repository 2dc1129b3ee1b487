//! A waterfall: each cause's contribution stacked into a total, beside the
//! actual move.

use super::{house_mesh, tick, tick_decimals, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::format::{pct_signed, pct_with_range};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The bar's name in the read-out (and the table's row).
    pub label: String,
    /// Its name under the bar: `\n` marks where a narrow chart breaks the
    /// line (a `-\n` hyphenates there); a wide one sets it on one line.
    pub axis: String,
    /// Bars that share a group get one bracket above them, with this text.
    pub group: Option<&'static str>,
    pub value: f64,
    pub color: RGBColor,
    /// Totals and actuals start from zero instead of the running total.
    pub from_zero: bool,
    /// The contribution's range (low, high), drawn as a whisker at the end
    /// of the bar; `None` for a point (an actual move).
    pub range: Option<(f64, f64)>,
    /// Written before the value in the read-out, as the table does (e.g.
    /// "input × β" for a part that was put in rather than explained).
    pub note: Option<&'static str>,
}

/// Half a bar's width, in bar slots.
const BAR_HALF: f64 = 0.32;

pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, steps: &[Step]) -> Drawn {
    let mut run = 0.0;
    let mut spans = Vec::with_capacity(steps.len());
    // Whiskers: the bar's end moved over the contribution's range.
    let mut whiskers = Vec::with_capacity(steps.len());
    for s in steps {
        let v = if s.value.is_finite() { s.value } else { 0.0 };
        let start = if s.from_zero { 0.0 } else { run };
        spans.push((start, start + v));
        whiskers.push(
            s.range
                .filter(|(a, b)| a.is_finite() && b.is_finite() && (b - a).abs() > 1e-9)
                .map(|(a, b)| (start + a, start + b)),
        );
        if !s.from_zero {
            run += v;
        }
    }
    let ends = spans.iter().flat_map(|s| [s.0, s.1]).chain(whiskers.iter().flatten().flat_map(|w| [w.0, w.1]));
    let (lo, hi) = ends.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((hi - lo) * 0.12).max(0.2);
    // Room above the bars for a group's bracket and its text.
    let hi = if steps.iter().any(|s| s.group.is_some()) { hi + pad * 1.4 } else { hi };
    let n = steps.len().max(1);
    let narrow = f.css_w < 480.0;
    let mut chart = ChartBuilder::on(root)
        .margin(f.px(8.0))
        .x_label_area_size(f.px(if narrow { 44.0 } else { 30.0 }))
        .y_label_area_size(f.px(48.0))
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), (lo - pad)..(hi + pad))?;
    let y_dec = tick_decimals((lo - pad)..(hi + pad), 6);
    let labels: Vec<String> = steps.iter().map(|s| s.axis.clone()).collect();
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(n)
            // The bar labels are drawn below, centred and on two lines when
            // narrow, so that long ones ("Not explained") never run together.
            .x_label_formatter(&|_| String::new())
            .y_labels(6)
            .y_label_formatter(&|y| format!("{}%", tick(*y, y_dec)))
            .disable_x_mesh(),
        f,
        if narrow { 9.5 } else { 11.0 },
    )
    .draw()?;
    chart.draw_series(LineSeries::new(
        [(-0.5, 0.0), (n as f64 - 0.5, 0.0)],
        ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0)),
    ))?;
    for (i, (s, (a, b))) in steps.iter().zip(&spans).enumerate() {
        let x = i as f64;
        chart.draw_series([Rectangle::new([(x - BAR_HALF, *a), (x + BAR_HALF, *b)], f.c(s.color).filled())])?;
        if let Some((w0, w1)) = whiskers[i] {
            let stroke = ShapeStyle::from(&f.pal.ink).stroke_width(f.px(1.5));
            chart.draw_series(LineSeries::new([(x, w0), (x, w1)], stroke))?;
            for w in [w0, w1] {
                chart.draw_series(LineSeries::new([(x - 0.1, w), (x + 0.1, w)], stroke))?;
            }
        }
        let bottom = whiskers[i].map_or(a.min(*b), |(w0, w1)| a.min(*b).min(w0).min(w1));
        let (px, py) = chart.backend_coord(&(x, bottom));
        let text = format!("{:+.2}%", s.value).replace('-', "−");
        // Centred under the bar and clear of the whisker's end tick, smaller
        // when narrow so that neighbours do not run together.
        let value_style =
            f.text(if narrow { 9.0 } else { 11.0 }).color(&f.pal.ink).pos(Pos::new(HPos::Center, VPos::Top));
        // A whisker's end tick is 1.5 px thick: 8 px keeps its value clear of it.
        let gap = if whiskers[i].is_some() { 8.0 } else { 5.0 };
        root.draw(&Text::new(text, (px, py + f.px(gap) as i32), value_style))?;
    }
    let label_px = if narrow { 9.5 } else { 11.0 };
    let centred = f.text(label_px).color(&f.pal.muted).pos(Pos::new(HPos::Center, VPos::Top));
    for (i, label) in labels.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(i as f64, lo - pad));
        let lines: Vec<String> = if narrow {
            label.split('\n').map(String::from).collect()
        } else {
            vec![label.replace("-\n", "").replace('\n', tr!(" ", ""))]
        };
        for (k, line) in lines.iter().enumerate() {
            let y = py + f.px(6.0) as i32 + k as i32 * f.px(label_px + 2.0) as i32;
            root.draw(&Text::new(line.clone(), (px, y), centred.clone()))?;
        }
    }
    // One bracket over each run of bars that share a group, its text above.
    let mut i = 0;
    while i < steps.len() {
        let Some(g) = steps[i].group else {
            i += 1;
            continue;
        };
        let j = (i..steps.len()).take_while(|&k| steps[k].group == Some(g)).last().unwrap_or(i);
        let (x0, y) = chart.backend_coord(&(i as f64 - BAR_HALF, hi + pad * 0.55));
        let (x1, _) = chart.backend_coord(&(j as f64 + BAR_HALF, hi + pad * 0.55));
        let stroke = ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0));
        let tick = f.px(4.0) as i32;
        root.draw(&PathElement::new(vec![(x0, y + tick), (x0, y), (x1, y), (x1, y + tick)], stroke))?;
        let above =
            f.text(if narrow { 9.5 } else { 11.0 }).color(&f.pal.muted).pos(Pos::new(HPos::Center, VPos::Bottom));
        root.draw(&Text::new(g.to_string(), ((x0 + x1) / 2, y - f.px(2.0) as i32), above))?;
        i = j + 1;
    }
    let axis = XAxis::of(&chart, f, -0.5, n as f64 - 0.5);
    root.present()?;
    Ok(Some(axis))
}

/// The read-out: each bar's name and value, the bar highlighted.
pub fn readout(steps: &[Step]) -> Vec<ReadPoint> {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| ReadPoint {
            x: i as f64,
            half: BAR_HALF,
            title: s.label.clone(),
            rows: vec![ReadRow {
                name: if s.from_zero { tr!("Move", "涨跌幅").into() } else { tr!("Contribution", "影响").into() },
                // As the contributions table writes it: with its range.
                value: {
                    let v = s.range.map_or_else(|| pct_signed(s.value, 2), |(lo, hi)| pct_with_range(s.value, lo, hi));
                    s.note.map_or(v.clone(), |n| tr!(format!("{n}: {v}"), format!("{n}：{v}")))
                },
                color: s.color,
            }],
        })
        .collect()
}
