//! A waterfall: each cause's contribution stacked into a total, beside the
//! actual move.

use super::{house_mesh, tick, tick_decimals, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::format::pct_signed;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub label: String,
    pub value: f64,
    pub color: RGBColor,
    /// Totals and actuals start from zero instead of the running total.
    pub from_zero: bool,
}

/// Half a bar's width, in bar slots.
const BAR_HALF: f64 = 0.32;

pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, steps: &[Step]) -> Drawn {
    let mut run = 0.0;
    let mut spans = Vec::with_capacity(steps.len());
    for s in steps {
        let v = if s.value.is_finite() { s.value } else { 0.0 };
        if s.from_zero {
            spans.push((0.0, v));
        } else {
            spans.push((run, run + v));
            run += v;
        }
    }
    let lo = spans.iter().flat_map(|s| [s.0, s.1]).fold(0.0f64, f64::min);
    let hi = spans.iter().flat_map(|s| [s.0, s.1]).fold(0.0f64, f64::max);
    let pad = ((hi - lo) * 0.12).max(0.2);
    let n = steps.len().max(1);
    let narrow = f.css_w < 480.0;
    let mut chart = ChartBuilder::on(root)
        .margin(f.px(8.0))
        .x_label_area_size(f.px(if narrow { 44.0 } else { 30.0 }))
        .y_label_area_size(f.px(48.0))
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), (lo - pad)..(hi + pad))?;
    let y_dec = tick_decimals((lo - pad)..(hi + pad), 6);
    let labels: Vec<String> = steps.iter().map(|s| s.label.clone()).collect();
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(n)
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() < 0.01 && i >= 0.0 {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
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
        let (px, py) = chart.backend_coord(&(x, a.min(*b)));
        let text = format!("{:+.2}%", s.value).replace('-', "−");
        root.draw(&Text::new(text, (px - f.px(18.0) as i32, py + f.px(3.0) as i32), f.text(11.0).color(&f.pal.ink)))?;
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
                name: if s.from_zero { "Move".into() } else { "Contribution".into() },
                value: pct_signed(s.value, 2),
                color: s.color,
            }],
        })
        .collect()
}
