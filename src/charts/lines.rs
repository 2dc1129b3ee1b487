//! A general line chart: several lines over a numeric x axis, a marked current
//! x value, and labelled points (e.g. the actual moves to compare against).

use super::{house_mesh, text_units, tick, tick_decimals, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::format::grouped;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: String,
    pub color: RGBColor,
    pub dashed: bool,
    pub points: Vec<(f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub color: RGBColor,
    pub label: String,
}

/// Equal when every field is; the formatters by address, which is enough for
/// a memo (a false "changed" costs one redraw, never a stale chart, because
/// the same function always formats the same way).
#[derive(Clone, Debug)]
pub struct LineChart {
    pub title: String,
    pub x_range: (f64, f64),
    /// Fixed y range; `None` fits the data (always including 0).
    pub y_range: Option<(f64, f64)>,
    pub x_desc: String,
    pub y_desc: String,
    pub x_fmt: fn(f64) -> String,
    /// The x value as the read-out names it ("Cut probability 40%").
    pub x_read: fn(f64) -> String,
    /// The unit after every y value in the read-out ("%").
    pub y_unit: &'static str,
    pub lines: Vec<Line>,
    pub marks: Vec<Mark>,
    /// A vertical rule at the current value, with its label.
    pub current: Option<(f64, String)>,
}

impl PartialEq for LineChart {
    fn eq(&self, o: &Self) -> bool {
        self.title == o.title
            && self.x_range == o.x_range
            && self.y_range == o.y_range
            && self.x_desc == o.x_desc
            && self.y_desc == o.y_desc
            && std::ptr::fn_addr_eq(self.x_fmt, o.x_fmt)
            && std::ptr::fn_addr_eq(self.x_read, o.x_read)
            && self.y_unit == o.y_unit
            && self.lines == o.lines
            && self.marks == o.marks
            && self.current == o.current
    }
}

impl LineChart {
    /// Legend entries for the page's HTML legend.
    pub fn legend(&self) -> Vec<(String, RGBColor, bool)> {
        self.lines.iter().map(|l| (l.name.clone(), l.color, l.dashed)).collect()
    }
}

pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, c: &LineChart) -> Drawn {
    let (x0, x1) = c.x_range;
    let (y0, y1) = match c.y_range {
        Some(r) => r,
        None => {
            let ys = c
                .lines
                .iter()
                .flat_map(|l| l.points.iter().map(|p| p.1))
                .chain(c.marks.iter().map(|m| m.y))
                .filter(|y| y.is_finite());
            let (lo, hi) = ys.fold((0.0f64, 0.0f64), |(lo, hi), y| (lo.min(y), hi.max(y)));
            let pad = ((hi - lo) * 0.1).max(0.1);
            (lo - pad, hi + pad)
        }
    };
    // The title is HTML above the canvas (ChartCanvas's `title`), so it wraps
    // on narrow screens instead of being cut off.
    let mut chart = ChartBuilder::on(root)
        .margin(f.px(8.0))
        .x_label_area_size(f.px(34.0))
        .y_label_area_size(f.px(52.0))
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let y_dec = tick_decimals(y0..y1, 6);
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(6)
            .y_labels(6)
            .x_label_formatter(&|x| (c.x_fmt)(*x))
            .y_label_formatter(&|y| tick(*y, y_dec))
            .x_desc(c.x_desc.as_str())
            .y_desc(c.y_desc.as_str()),
        f,
        11.0,
    )
    .draw()?;
    if y0 < 0.0 && y1 > 0.0 {
        chart.draw_series(LineSeries::new(
            [(x0, 0.0), (x1, 0.0)],
            ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0)),
        ))?;
    }
    if let Some((x, label)) = &c.current {
        chart
            .draw_series(LineSeries::new([(*x, y0), (*x, y1)], ShapeStyle::from(&f.pal.ink).stroke_width(f.px(1.5))))?;
        let (px, py) = chart.backend_coord(&(*x, y1));
        let w = f.px(6.0 * text_units(label)) as i32;
        let right_edge = chart.backend_coord(&(x1, y1)).0;
        let left =
            if px + w + f.px(6.0) as i32 > right_edge { px - w - f.px(4.0) as i32 } else { px + f.px(4.0) as i32 };
        root.draw(&Text::new(label.clone(), (left, py + f.px(4.0) as i32), f.text(11.0).color(&f.pal.ink)))?;
    }
    for l in &c.lines {
        let style = ShapeStyle::from(&f.c(l.color)).stroke_width(f.px(2.0));
        // The legend is HTML under the canvas (see `Legend`), so it never covers data.
        if l.dashed {
            chart.draw_series(DashedLineSeries::new(l.points.iter().copied(), f.px(6.0), f.px(4.0), style))?;
        } else {
            chart.draw_series(LineSeries::new(l.points.iter().copied(), style))?;
        }
    }
    // Marks, with labels nudged apart vertically so they never overlap.
    let mut placed: Vec<(i32, i32, &Mark)> = c
        .marks
        .iter()
        .map(|m| {
            let (px, py) = chart.backend_coord(&(m.x, m.y));
            (px, py, m)
        })
        .collect();
    placed.sort_by_key(|p| p.1);
    let line_h = f.px(13.0) as i32;
    let mut last_y = i32::MIN;
    for (px, py, m) in placed {
        chart.draw_series([Circle::new((m.x, m.y), f.px(4.5), ShapeStyle::from(&f.c(m.color)).filled())])?;
        let ly = (py - f.px(6.0) as i32).max(last_y + line_h);
        last_y = ly;
        let w = f.px(5.8 * text_units(&m.label)) as i32;
        let x = px + f.px(7.0) as i32;
        root.draw(&Rectangle::new([(x - 2, ly - 1), (x + w, ly + line_h - 2)], f.pal.paper.mix(0.85).filled()))?;
        root.draw(&Text::new(m.label.clone(), (x, ly), f.text(11.0).color(&f.c(m.color))))?;
    }
    let axis = XAxis::of(&chart, f, x0, x1);
    root.present()?;
    Ok(Some(axis))
}

impl LineChart {
    /// The read-out: one point per x of the first line, every line's value
    /// there (lines share their x values), with the chart's y unit.
    pub fn readout(&self) -> Vec<ReadPoint> {
        let Some(first) = self.lines.first() else { return Vec::new() };
        first
            .points
            .iter()
            .map(|&(x, _)| ReadPoint {
                x,
                half: 0.0,
                title: (self.x_read)(x),
                rows: self
                    .lines
                    .iter()
                    .filter_map(|l| {
                        let y = l.points.iter().find(|p| (p.0 - x).abs() < 1e-9)?.1;
                        Some(ReadRow {
                            name: l.name.clone(),
                            value: format!("{}{}", signed(y, 2), self.y_unit),
                            color: l.color,
                        })
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A signed value with a true minus: "+1.20", "−0.35".
fn signed(v: f64, decimals: usize) -> String {
    let s = grouped(v, decimals);
    if s.starts_with('−') || s.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        s
    } else {
        format!("+{s}")
    }
}
