//! Spot Bitcoin ETF flows (bars for reported days, points for month-to-date
//! totals) with Bitcoin's price on a second axis. Only reported figures are
//! drawn: days without a figure stay empty.

use super::palette::{BITCOIN, FLOW_ALL_FUNDS, FLOW_IBIT, FLOW_MTD};
use super::timeline::day_label;
use super::{house_mesh, tick, tick_decimals, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::model::date::Date;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug)]
pub struct FlowsChart {
    pub start: Date,
    pub end: Date,
    /// Daily net flows, US$ m: (day, IBIT or all funds, value).
    pub daily_ibit: Vec<(Date, f64)>,
    pub daily_total: Vec<(Date, f64)>,
    /// Month-to-date cumulative, US$ m.
    pub mtd_total: Vec<(Date, f64)>,
    pub mtd_ibit: Vec<(Date, f64)>,
    /// Bitcoin daily close, US$.
    pub btc: Vec<(Date, f64)>,
    /// The record day to label.
    pub record: Option<(Date, f64)>,
    pub events: Vec<Date>,
}

pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, c: &FlowsChart) -> Drawn {
    let (x0, x1) = (c.start.days() as f64 - 0.5, c.end.days() as f64 + 0.5);
    let lo = c
        .daily_ibit
        .iter()
        .chain(&c.daily_total)
        .chain(&c.mtd_total)
        .chain(&c.mtd_ibit)
        .map(|p| p.1)
        .fold(0.0f64, f64::min);
    let hi = c.daily_ibit.iter().chain(&c.daily_total).map(|p| p.1).fold(0.0f64, f64::max);
    let (y0, y1) = (lo * 1.12 - 100.0, hi + 400.0);
    let (b0, b1) = c.btc.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let (b0, b1) = if b0 < b1 { (b0 * 0.97, b1 * 1.02) } else { (0.0, 1.0) };
    let mut chart = ChartBuilder::on(root)
        .margin_top(f.px(30.0))
        .margin_right(f.px(6.0))
        .margin_left(f.px(4.0))
        .margin_bottom(f.px(4.0))
        .x_label_area_size(f.px(26.0))
        .y_label_area_size(f.px(60.0))
        .right_y_label_area_size(f.px(58.0))
        .build_cartesian_2d(x0..x1, y0..y1)?
        .set_secondary_coord(x0..x1, b0..b1);
    // Flows are in US$ m, labelled in US$ bn (in Chinese in 亿, US$ 100 m).
    let unit = tr!(1000.0, 100.0);
    let y_dec = tick_decimals(y0 / unit..y1 / unit, 6);
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(if f.css_w < 520.0 { 4 } else { 6 })
            .y_labels(6)
            .x_label_formatter(&|x| day_label(Date::from_days(x.round() as i64)))
            .y_label_formatter(&|y| tick(y / unit, y_dec))
            .y_desc(tr!("ETF net flow, US$ bn", "ETF资金净流量（亿美元）")),
        f,
        11.0,
    )
    .draw()?;
    // Bitcoin's axis in thousands of US$ (in Chinese in 万, US$ 10,000).
    #[cfg(feature = "zh")]
    let btc_dec = tick_decimals(b0 / 1e4..b1 / 1e4, 5);
    chart
        .configure_secondary_axes()
        .y_labels(5)
        .y_label_formatter(&|y| tr!(format!("{:.0}k", y / 1000.0), format!("{}万", tick(y / 1e4, btc_dec))))
        .y_desc(tr!("Bitcoin, US$", "比特币（美元）"))
        .label_style(f.text(11.0).color(&f.c(BITCOIN)))
        .axis_desc_style(f.text(11.0).color(&f.c(BITCOIN)))
        .axis_style(ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0)))
        .draw()?;
    chart
        .draw_series(LineSeries::new([(x0, 0.0), (x1, 0.0)], ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0))))?;
    for d in &c.events {
        let x = d.days() as f64;
        if x >= x0 && x <= x1 {
            chart.draw_series(LineSeries::new(
                [(x, y0), (x, y1)],
                ShapeStyle::from(&f.pal.ink.mix(0.35)).stroke_width(f.px(1.0)),
            ))?;
        }
    }
    let bar = |d: &Date, v: f64, off: f64, color: RGBColor| {
        let x = d.days() as f64 + off;
        Rectangle::new([(x - 0.2, 0.0), (x + 0.2, v)], f.c(color).filled())
    };
    chart.draw_series(c.daily_total.iter().map(|(d, v)| bar(d, *v, -0.21, FLOW_ALL_FUNDS)))?;
    chart.draw_series(c.daily_ibit.iter().map(|(d, v)| bar(d, *v, 0.21, FLOW_IBIT)))?;
    let r = f.px(4.5);
    chart.draw_series(
        c.mtd_total
            .iter()
            .map(|(d, v)| Circle::new((d.days() as f64, *v), r, ShapeStyle::from(&f.c(FLOW_MTD)).filled())),
    )?;
    chart.draw_series(
        c.mtd_ibit
            .iter()
            .map(|(d, v)| TriangleMarker::new((d.days() as f64, *v), r, ShapeStyle::from(&f.c(FLOW_MTD)).filled())),
    )?;
    chart.draw_secondary_series(LineSeries::new(
        c.btc.iter().map(|(d, v)| (d.days() as f64, *v)),
        ShapeStyle::from(&f.c(BITCOIN)).stroke_width(f.px(2.0)),
    ))?;
    if let Some((d, v)) = c.record {
        let (px, py) = chart.backend_coord(&(d.days() as f64 + 0.21, v));
        let label = tr!(
            format!("IBIT record {}", crate::format::usd_millions(v)),
            format!("IBIT单日纪录：{}", crate::format::zh::usd_millions(v))
        );
        root.draw(&Text::new(
            label,
            (px + f.px(6.0) as i32, py - f.px(4.0) as i32),
            f.text(11.0).color(&f.c(FLOW_IBIT)),
        ))?;
    }
    let axis = XAxis::of(&chart, f, x0, x1);
    root.present()?;
    Ok(Some(axis))
}

impl FlowsChart {
    /// The read-out: each day with any figure, the reported flows and
    /// Bitcoin's close (a day without a figure shows none).
    pub fn readout(&self) -> Vec<ReadPoint> {
        let mut days: Vec<Date> = self
            .daily_ibit
            .iter()
            .chain(&self.daily_total)
            .chain(&self.mtd_total)
            .chain(&self.mtd_ibit)
            .chain(&self.btc)
            .map(|p| p.0)
            .filter(|d| *d >= self.start && *d <= self.end)
            .collect();
        days.sort();
        days.dedup();
        let on = |s: &[(Date, f64)], d: Date| s.iter().find(|p| p.0 == d).map(|p| p.1);
        days.into_iter()
            .map(|d| {
                let flows = [
                    (tr!("IBIT, day", "IBIT单日"), &self.daily_ibit, FLOW_IBIT),
                    (tr!("All funds, day", "全部基金单日"), &self.daily_total, FLOW_ALL_FUNDS),
                    (tr!("All funds, month to date", "全部基金月内累计"), &self.mtd_total, FLOW_MTD),
                    (tr!("IBIT, month to date", "IBIT月内累计"), &self.mtd_ibit, FLOW_MTD),
                ];
                let mut rows: Vec<ReadRow> = flows
                    .into_iter()
                    .filter_map(|(name, s, color)| {
                        let v = on(s, d)?;
                        let value = tr!(crate::format::usd_millions(v), crate::format::zh::usd_millions(v));
                        Some(ReadRow { name: name.into(), value, color })
                    })
                    .collect();
                if let Some(v) = on(&self.btc, d) {
                    rows.push(ReadRow {
                        name: tr!("Bitcoin", crate::format::zh::term::BITCOIN).into(),
                        value: tr!(crate::format::usd(v, 0), crate::format::zh::price_usd(v, 0)),
                        color: BITCOIN,
                    });
                }
                let title = tr!(d.long(), crate::format::zh::date(d));
                ReadPoint { x: d.days() as f64, half: 0.0, title, rows }
            })
            .collect()
    }
}
