//! The timeline of the S&P 500, Bitcoin and the Nasdaq points.

use super::palette::{BITCOIN, NASDAQ, SP500};
use super::{house_mesh, tick, tick_decimals, time_chart, ChartError, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::format::grouped;
use crate::model::date::Date;
use crate::model::series::value_on;
use crate::model::timeline::Timeline;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The series' names in the legend and the read-out.
const SP500_NAME: &str = tr!("S&P 500", crate::format::zh::term::SPX);
const BITCOIN_NAME: &str = tr!("Bitcoin", crate::format::zh::term::BITCOIN);
const NASDAQ_NAME: &str = tr!("Nasdaq", crate::format::zh::term::NASDAQ);
/// The Nasdaq is drawn as points (the days a close was quoted), not a line.
const NASDAQ_POINTS: &str = tr!("Nasdaq (points)", "纳斯达克综合指数（数据稀疏）");

/// A day on a time axis: "20 Nov", in Chinese "11月20日".
pub fn day_label(d: Date) -> String {
    tr!(d.short(), crate::format::zh::month_day(d))
}

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
        return Err(tr!("no data in the chosen window", "所选时间段内没有数据").into());
    }
    let pad = ((hi - lo) * 0.08).max(1.0);
    let (y0, y1) = (lo - pad, hi + pad);

    let narrow = f.css_w < 520.0;
    // On a phone a legend inside the plot covers Sep–Nov's lines wherever
    // it goes: it gets its own row under the axis instead.
    let (plot, legend_row) = if narrow {
        let (a, b) = root.split_vertically(root.dim_in_pixel().1 as i32 - f.px(20.0) as i32);
        (a, Some(b))
    } else {
        (root.clone(), None)
    };
    let mut chart = time_chart(&plot, f, x0..x1, y0..y1)?;
    let y_dec = tick_decimals(y0..y1, 6);
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(if narrow { 4 } else { 7 })
            .y_labels(6)
            .x_label_formatter(&|x| day_label(Date::from_days(x.round() as i64)))
            .y_label_formatter(&|y| tick(*y, y_dec))
            .y_desc(tr!("Index, 2 Sep 2025 = 100", "指数（以2025年9月2日为100）")),
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
        .label(SP500_NAME)
        .legend(move |(x, y)| PathElement::new([(x, y), (x + f.px(16.0) as i32, y)], line(f.c(SP500))));
    chart
        .draw_series(LineSeries::new(pts(&t.btc), line(f.c(BITCOIN))))?
        .label(BITCOIN_NAME)
        .legend(move |(x, y)| PathElement::new([(x, y), (x + f.px(16.0) as i32, y)], line(f.c(BITCOIN))));
    let r = f.px(3.5);
    chart
        .draw_series(
            pts(&t.nasdaq).into_iter().map(|p| TriangleMarker::new(p, r, ShapeStyle::from(&f.c(NASDAQ)).filled())),
        )?
        .label(NASDAQ_POINTS)
        .legend(move |(x, y)| {
            TriangleMarker::new((x + f.px(8.0) as i32, y), r, ShapeStyle::from(&f.c(NASDAQ)).filled())
        });
    if let Some(row) = legend_row {
        legend_in_row(&row, f, r)?;
    } else {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerLeft)
            .margin(f.px(8.0))
            .label_font(f.text(12.0).color(&f.pal.ink))
            .background_style(f.pal.paper.mix(0.85))
            .border_style(ShapeStyle::from(&f.pal.grid).stroke_width(f.px(1.0)))
            .draw()?;
    }
    let axis = XAxis::of(&chart, f, x0, x1);
    root.present()?;
    Ok(Some(axis))
}

/// The three series' keys in one row, left to right from the plot's left
/// edge (the y axis' label area is 58 px), each a swatch and its name.
fn legend_in_row<DB: DrawingBackend>(row: &DrawingArea<DB, Shift>, f: Frame, marker_r: u32) -> Result<(), ChartError> {
    let font = f.text(11.0).color(&f.pal.ink).pos(Pos::new(HPos::Left, VPos::Center));
    let y = f.px(10.0) as i32;
    let mut x = f.px(20.0) as i32;
    for (name, color, triangle) in
        [(SP500_NAME, SP500, false), (BITCOIN_NAME, BITCOIN, false), (NASDAQ_POINTS, NASDAQ, true)]
    {
        let c = f.c(color);
        if triangle {
            row.draw(&TriangleMarker::new((x + f.px(8.0) as i32, y), marker_r, ShapeStyle::from(&c).filled()))?;
        } else {
            row.draw(&PathElement::new(
                [(x, y), (x + f.px(16.0) as i32, y)],
                ShapeStyle::from(&c).stroke_width(f.px(2.0)),
            ))?;
        }
        x += f.px(20.0) as i32;
        row.draw(&Text::new(name, (x, y), font.clone()))?;
        let (w, _) = row.estimate_text_size(name, &font)?;
        x += w as i32 + f.px(14.0) as i32;
    }
    Ok(())
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
                let mut rows: Vec<ReadRow> =
                    [(SP500_NAME, &t.sp500, SP500), (BITCOIN_NAME, &t.btc, BITCOIN), (NASDAQ_NAME, &t.nasdaq, NASDAQ)]
                        .into_iter()
                        .filter_map(|(name, s, color)| {
                            let v = value_on(s, day)?;
                            Some(ReadRow { name: name.into(), value: grouped(v, 1), color })
                        })
                        .collect();
                // A day Bitcoin traded and US stocks did not says so, rather
                // than leaving the S&P 500 out (a weekend, or a holiday such
                // as Thanksgiving, 27 Nov).
                let sp_last = t.sp500.last().map(|o| o.date);
                let why = if day.is_weekend() {
                    Some(tr!("no close (weekend)", "周末休市"))
                } else {
                    // A weekday inside the series with no close: a holiday.
                    sp_last.is_some_and(|l| day <= l).then_some(tr!("no close (market holiday)", "假日休市"))
                };
                if let (None, Some(why)) = (value_on(&t.sp500, day), why) {
                    rows.insert(0, ReadRow { name: SP500_NAME.into(), value: why.into(), color: SP500 });
                }
                let title = tr!(
                    format!("{} (2 Sep = 100)", day.long()),
                    format!("{}（以9月2日为100）", crate::format::zh::date(day))
                );
                ReadPoint { x: day.days() as f64, half: 0.0, title, rows }
            })
            .collect()
    }
}
