//! A dated line with a shaded confidence band, an optional second line, and
//! the events layer's rules: used for the rolling correlation.

use super::timeline::day_label;
use super::{house_mesh, tick, tick_decimals, time_chart, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::format::grouped;
use crate::model::date::Date;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct BandChart {
    pub start: Date,
    pub end: Date,
    pub y_range: (f64, f64),
    pub y_desc: String,
    /// (day, value, lo, hi)
    pub main: Vec<(Date, f64, f64, f64)>,
    pub main_color: RGBColor,
    pub second: Vec<(Date, f64)>,
    pub second_color: RGBColor,
    pub events: Vec<Date>,
    /// Horizontal reference lines with labels (e.g. the calm level).
    pub refs: Vec<(f64, String)>,
}

const Y_LABELS: usize = 6;

pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, c: &BandChart) -> Drawn {
    let (x0, x1) = (c.start.days() as f64, c.end.days() as f64 + 0.5);
    let (y0, y1) = c.y_range;
    let mut chart = time_chart(root, f, x0..x1, y0..y1)?;
    let y_dec = tick_decimals(y0..y1, Y_LABELS);
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(if f.css_w < 520.0 { 4 } else { 7 })
            .y_labels(Y_LABELS)
            .x_label_formatter(&|x| day_label(Date::from_days(x.round() as i64)))
            .y_label_formatter(&|y| tick(*y, y_dec))
            .y_desc(c.y_desc.as_str()),
        f,
        12.0,
    )
    .draw()?;
    if y0 < 0.0 && y1 > 0.0 {
        chart.draw_series(LineSeries::new(
            [(x0, 0.0), (x1, 0.0)],
            ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0)),
        ))?;
    }
    for d in &c.events {
        let x = d.days() as f64;
        if x >= x0 && x <= x1 {
            chart.draw_series(LineSeries::new(
                [(x, y0), (x, y1)],
                ShapeStyle::from(&f.pal.ink.mix(0.45)).stroke_width(f.px(1.0)),
            ))?;
        }
    }
    for (y, label) in &c.refs {
        chart.draw_series(DashedLineSeries::new(
            [(x0, *y), (x1, *y)],
            f.px(5.0),
            f.px(4.0),
            ShapeStyle::from(&f.pal.ink.mix(0.7)).stroke_width(f.px(1.0)),
        ))?;
        let (px, py) = chart.backend_coord(&(x0, *y));
        root.draw(&Text::new(
            label.clone(),
            (px + f.px(4.0) as i32, py - f.px(14.0) as i32),
            f.text(11.0).color(&f.pal.ink),
        ))?;
    }
    // The band: one polygon per run of consecutive points (a gap stays a gap).
    let mut runs: Vec<Vec<&(Date, f64, f64, f64)>> = Vec::new();
    for p in &c.main {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|q| p.0.days() - q.0.days() <= 4) => run.push(p),
            _ => runs.push(vec![p]),
        }
    }
    for run in &runs {
        let mut poly: Vec<(f64, f64)> = run.iter().map(|p| (p.0.days() as f64, p.3)).collect();
        poly.extend(run.iter().rev().map(|p| (p.0.days() as f64, p.2)));
        chart.draw_series([Polygon::new(poly, f.c(c.main_color).mix(0.18).filled())])?;
        chart.draw_series(LineSeries::new(
            run.iter().map(|p| (p.0.days() as f64, p.1)),
            ShapeStyle::from(&f.c(c.main_color)).stroke_width(f.px(2.0)),
        ))?;
    }
    if !c.second.is_empty() {
        chart.draw_series(DashedLineSeries::new(
            c.second.iter().map(|p| (p.0.days() as f64, p.1)),
            f.px(6.0),
            f.px(4.0),
            ShapeStyle::from(&f.c(c.second_color)).stroke_width(f.px(2.0)),
        ))?;
    }
    let axis = XAxis::of(&chart, f, x0, x1);
    root.present()?;
    Ok(Some(axis))
}

impl BandChart {
    /// The read-out: each day with a correlation, its 95% band and the
    /// adjusted value when shown.
    pub fn readout(&self) -> Vec<ReadPoint> {
        self.main
            .iter()
            .map(|&(day, v, lo, hi)| {
                let (lo, hi) = (grouped(lo, 2), grouped(hi, 2));
                let mut rows = vec![
                    ReadRow {
                        name: tr!("Correlation", crate::format::zh::term::CORRELATION).into(),
                        value: grouped(v, 2),
                        color: self.main_color,
                    },
                    ReadRow {
                        name: tr!("95% band", "95%置信区间").into(),
                        value: tr!(format!("{lo} to {hi}"), format!("{lo}至{hi}")),
                        color: self.main_color,
                    },
                ];
                if let Some((_, a)) = self.second.iter().find(|p| p.0 == day) {
                    rows.push(ReadRow {
                        name: tr!("Adjusted", "波动率调整后").into(),
                        value: grouped(*a, 2),
                        color: self.second_color,
                    });
                }
                let title =
                    tr!(format!("Window ending {}", day.long()), format!("截至{}的窗口", crate::format::zh::date(day)));
                ReadPoint { x: day.days() as f64, half: 0.0, title, rows }
            })
            .collect()
    }
}
