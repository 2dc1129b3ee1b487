//! The timeline of the S&P 500, Bitcoin and the Nasdaq points.

use super::palette::{BITCOIN, NASDAQ, SP500};
use super::{house_mesh, tick, tick_decimals, time_chart, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::format::grouped;
use crate::model::date::Date;
use crate::model::series::value_on;
use crate::model::timeline::Timeline;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The timeline's input: the rebased series, the last day shown and the
/// days marked with a vertical rule (their labels are HTML buttons over the
/// chart, see `components::chart::ChartCanvas`).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineChart {
    pub timeline: Timeline,
    pub end: Date,
    pub events: Vec<Date>,
}

/// Draw the timeline.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, c: &TimelineChart) -> Drawn {
    let (t, end, events) = (&c.timeline, c.end, &c.events);
    let x0 = t.base.days() as f64;
    let x1 = end.days() as f64 + 0.5;
    let all = t.sp500.iter().chain(&t.btc).chain(&t.nasdaq).filter(|o| o.date >= t.base && o.date <= end);
    let (lo, hi) = all.fold((f64::MAX, f64::MIN), |(lo, hi), o| (lo.min(o.value), hi.max(o.value)));
    if lo > hi {
        return Err("no data in the chosen window".into());
    }
    let pad = ((hi - lo) * 0.08).max(1.0);
    let (y0, y1) = (lo - pad, hi + pad);

    let narrow = f.css_w < 520.0;
    let mut chart = time_chart(root, f, x0..x1, y0..y1)?;
    let y_dec = tick_decimals(y0..y1, 6);
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(if narrow { 4 } else { 7 })
            .y_labels(6)
            .x_label_formatter(&|x| Date::from_days(x.round() as i64).short())
            .y_label_formatter(&|y| tick(*y, y_dec))
            .y_desc("Index, 2 Sep 2025 = 100"),
        f,
        12.0,
    )
    .draw()?;

    // The 100 line: where each series started.
    chart.draw_series(LineSeries::new(
        [(x0, 100.0), (x1, 100.0)],
        ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0)),
    ))?;

    for day in events.iter() {
        let x = day.days() as f64;
        if x < x0 || x > x1 {
            continue;
        }
        chart.draw_series(LineSeries::new(
            [(x, y0), (x, y1)],
            ShapeStyle::from(&f.pal.ink.mix(0.45)).stroke_width(f.px(1.0)),
        ))?;
    }

    let line = |c: RGBColor| ShapeStyle::from(&c).stroke_width(f.px(2.0));
    let pts = |s: &[crate::model::series::Obs]| -> Vec<(f64, f64)> {
        s.iter().filter(|o| o.date >= t.base && o.date <= end).map(|o| (o.date.days() as f64, o.value)).collect()
    };
    chart
        .draw_series(LineSeries::new(pts(&t.sp500), line(f.c(SP500))))?
        .label("S&P 500")
        .legend(move |(x, y)| PathElement::new([(x, y), (x + f.px(16.0) as i32, y)], line(f.c(SP500))));
    chart
        .draw_series(LineSeries::new(pts(&t.btc), line(f.c(BITCOIN))))?
        .label("Bitcoin")
        .legend(move |(x, y)| PathElement::new([(x, y), (x + f.px(16.0) as i32, y)], line(f.c(BITCOIN))));
    let r = f.px(3.5);
    chart
        .draw_series(
            pts(&t.nasdaq).into_iter().map(|p| TriangleMarker::new(p, r, ShapeStyle::from(&f.c(NASDAQ)).filled())),
        )?
        .label("Nasdaq (points)")
        .legend(move |(x, y)| {
            TriangleMarker::new((x + f.px(8.0) as i32, y), r, ShapeStyle::from(&f.c(NASDAQ)).filled())
        });
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerLeft)
        .margin(f.px(8.0))
        .label_font(f.text(12.0).color(&f.pal.ink))
        .background_style(f.pal.paper.mix(0.85))
        .border_style(ShapeStyle::from(&f.pal.grid).stroke_width(f.px(1.0)))
        .draw()?;
    let axis = XAxis::of(&chart, f, x0, x1);
    root.present()?;
    Ok(Some(axis))
}

impl TimelineChart {
    /// The read-out: one point per day with any value in the window, each
    /// series' index value (a series without a value that day is left out).
    pub fn readout(&self) -> Vec<ReadPoint> {
        let t = &self.timeline;
        let mut days: Vec<Date> = t
            .sp500
            .iter()
            .chain(&t.btc)
            .chain(&t.nasdaq)
            .map(|o| o.date)
            .filter(|d| *d >= t.base && *d <= self.end)
            .collect();
        days.sort();
        days.dedup();
        days.into_iter()
            .map(|day| {
                let rows = [("S&P 500", &t.sp500, SP500), ("Bitcoin", &t.btc, BITCOIN), ("Nasdaq", &t.nasdaq, NASDAQ)]
                    .into_iter()
                    .filter_map(|(name, s, color)| {
                        let v = value_on(s, day)?;
                        Some(ReadRow { name: name.into(), value: grouped(v, 1), color })
                    })
                    .collect();
                ReadPoint { x: day.days() as f64, half: 0.0, title: format!("{} (2 Sep = 100)", day.long()), rows }
            })
            .collect()
    }
}
