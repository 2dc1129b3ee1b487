//! The cascade, round by round, and the liquidation map.

use super::palette::{BITCOIN, LIQUIDATION as LIQ};
use super::{house_mesh, tick, tick_decimals, Drawn, Frame, ReadPoint, ReadRow, XAxis};
use crate::model::cascade::Round;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A Bitcoin price on an axis or a label: "86.1k", in Chinese "8.61万".
fn fmt_k(v: f64) -> String {
    tr!(format!("{:.1}k", v / 1000.0), format!("{:.2}万", v / 1e4))
}

/// A price axis' unit, its tick label's suffix (thousands; 万 in Chinese).
const PRICE_UNIT: (f64, &str) = tr!((1000.0, "k"), (1e4, "万"));
/// A notional axis' unit and suffix (billions; 亿, US$ 100 m, in Chinese).
const NOTIONAL_UNIT: (f64, &str) = tr!((1e9, "bn"), (1e8, "亿"));

/// The cascade chart's input: the starting price, the rounds, how many of
/// them are shown (the animation's step) and where the cascade ends.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundsChart {
    pub p0: f64,
    pub rounds: Vec<Round>,
    pub shown: usize,
    pub final_price: f64,
}

/// Price at the start of each round (line, upper panel) and notional
/// liquidated in it (bars, lower panel), for the first `shown` rounds. Two
/// panels over one round axis, each with one y axis on the left, instead of
/// one plot with a second y axis on the right.
pub fn rounds<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, c: &RoundsChart) -> Drawn {
    let (p0, rounds, shown, final_price) = (c.p0, &c.rounds, c.shown, c.final_price);
    let n = rounds.len().max(1);
    let shown = shown.clamp(1, n);
    let lo = rounds.iter().map(|r| r.price).fold(final_price, f64::min);
    let (y0, y1) = (lo - (p0 - lo).max(p0 * 0.002) * 0.25, p0 * 1.003);
    let max_liq = rounds.iter().map(|r| r.liquidated).fold(0.0, f64::max).max(1.0);
    let xr = -0.6..(n as f64 - 0.4);
    let (top, bottom) = root.split_vertically((f.css_h * 0.58 * f.dpr).round() as u32);
    let mut price = ChartBuilder::on(&top)
        .margin_top(f.px(10.0))
        .margin_right(f.px(14.0))
        .margin_left(f.px(4.0))
        .margin_bottom(f.px(4.0))
        .x_label_area_size(0)
        .y_label_area_size(f.px(60.0))
        .build_cartesian_2d(xr.clone(), y0..y1)?;
    let (k, k_suffix) = PRICE_UNIT;
    let y_dec = tick_decimals(y0 / k..y1 / k, 4);
    house_mesh(
        price
            .configure_mesh()
            .x_labels(n.min(10))
            .y_labels(4)
            .y_label_formatter(&|y| format!("{}{k_suffix}", tick(y / k, y_dec)))
            .y_desc(tr!("Bitcoin, US$", "价格（美元）")),
        f,
        11.0,
    )
    .draw()?;
    price.draw_series(LineSeries::new(
        [(-0.6, p0), (n as f64 - 0.4, p0)],
        ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0)),
    ))?;
    price.draw_series(LineSeries::new(
        rounds.iter().take(shown).enumerate().map(|(i, r)| (i as f64, r.price)),
        ShapeStyle::from(&f.c(BITCOIN)).stroke_width(f.px(2.5)),
    ))?;
    price.draw_series(
        rounds
            .iter()
            .take(shown)
            .enumerate()
            .map(|(i, r)| Circle::new((i as f64, r.price), f.px(3.5), ShapeStyle::from(&f.c(BITCOIN)).filled())),
    )?;
    let (px, py) = price.backend_coord(&(-0.6, p0));
    top.draw(&Text::new(
        tr!(format!("19 Nov close {}", fmt_k(p0)), format!("11月19日收盘价{}美元", fmt_k(p0))),
        (px + f.px(6.0) as i32, py + f.px(4.0) as i32),
        f.text(11.0).color(&f.pal.ink),
    ))?;

    let mut liq = ChartBuilder::on(&bottom)
        .margin_top(f.px(6.0))
        .margin_right(f.px(14.0))
        .margin_left(f.px(4.0))
        .margin_bottom(f.px(4.0))
        .x_label_area_size(f.px(30.0))
        .y_label_area_size(f.px(60.0))
        .build_cartesian_2d(xr, 0.0..max_liq * 1.15)?;
    let (bn, bn_suffix) = NOTIONAL_UNIT;
    let liq_dec = tick_decimals(0.0..max_liq * 1.15 / bn, 3);
    house_mesh(
        liq.configure_mesh()
            .x_labels(n.min(10))
            .x_label_formatter(&|x| format!("{}", x.round() as i64))
            .y_labels(3)
            .y_label_formatter(&|y| format!("{}{bn_suffix}", tick(y / bn, liq_dec)))
            .x_desc(tr!("Round", "轮次"))
            .y_desc(tr!("Liquidated, US$", "强平额（美元）")),
        f,
        11.0,
    )
    .draw()?;
    liq.draw_series(rounds.iter().take(shown).enumerate().map(|(i, r)| {
        Rectangle::new([(i as f64 - 0.3, 0.0), (i as f64 + 0.3, r.liquidated)], f.c(LIQ).mix(0.7).filled())
    }))?;
    // The read-out spans both panels: from the price plot's top to the bars' base.
    let mut axis = XAxis::of(&price, f, -0.6, n as f64 - 0.4);
    let bars_bottom = liq.plotting_area().get_pixel_range().1.end;
    axis.bottom = f64::from(bars_bottom) / f.dpr;
    root.present()?;
    Ok(Some(axis))
}

/// Notional that would be liquidated in each price bin (top, bottom, US$),
/// shaded by its share of the largest bin. Returns the price axis, for the
/// HTML rule marking where the cascade ends.
pub fn map<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, f: Frame, bins: &[(f64, f64, f64)]) -> Drawn {
    let (Some(first), Some(last)) = (bins.first(), bins.last()) else {
        return Err(tr!("no bins", "没有价格区间").into());
    };
    let (x0, x1) = (last.1, first.0);
    let max = bins.iter().map(|b| b.2).fold(0.0, f64::max).max(1.0);
    let mut chart = ChartBuilder::on(root)
        .margin(f.px(10.0))
        .x_label_area_size(f.px(30.0))
        .y_label_area_size(f.px(56.0))
        .build_cartesian_2d(x0..x1, 0.0..max * 1.12)?;
    let (bn, bn_suffix) = NOTIONAL_UNIT;
    let y_dec = tick_decimals(0.0..max * 1.12 / bn, 4);
    house_mesh(
        chart
            .configure_mesh()
            .x_labels(6)
            .x_label_formatter(&|x| fmt_k(*x))
            .y_labels(4)
            .y_label_formatter(&|y| format!("{}{bn_suffix}", tick(y / bn, y_dec)))
            .x_desc(tr!("Bitcoin price, US$", "比特币价格（美元）"))
            .y_desc(tr!("Would be liquidated, US$", "潜在强平规模（美元）")),
        f,
        11.0,
    )
    .draw()?;
    chart.draw_series(bins.iter().map(|(top, bottom, v)| {
        // Relative colour scale: the largest bin is darkest.
        let share = (v / max).clamp(0.0, 1.0);
        Rectangle::new([(*bottom, 0.0), (*top, *v)], f.c(LIQ).mix(0.2 + 0.8 * share).filled())
    }))?;
    let axis = XAxis::of(&chart, f, x0, x1);
    root.present()?;
    Ok(Some(axis))
}

impl RoundsChart {
    /// The read-out: each round's starting price and what it liquidated
    /// (every round, whatever the animation shows).
    pub fn readout(&self) -> Vec<ReadPoint> {
        self.rounds
            .iter()
            .enumerate()
            .map(|(i, r)| ReadPoint {
                x: i as f64,
                half: 0.3,
                title: tr!(format!("Round {}", i), format!("第{i}轮")),
                rows: vec![
                    ReadRow {
                        name: tr!("Bitcoin at the start", "本轮起始价").into(),
                        value: tr!(crate::format::usd(r.price, 0), crate::format::zh::price_usd(r.price, 0)),
                        color: BITCOIN,
                    },
                    ReadRow {
                        name: tr!("Liquidated", "强平规模").into(),
                        value: tr!(
                            crate::format::usd_millions(r.liquidated / 1e6),
                            crate::format::zh::usd_millions(r.liquidated / 1e6)
                        ),
                        color: LIQ,
                    },
                ],
            })
            .collect()
    }
}

/// The liquidation map's read-out: each price band and what it would liquidate.
pub fn map_readout(bins: &[(f64, f64, f64)]) -> Vec<ReadPoint> {
    let mut points: Vec<ReadPoint> = bins
        .iter()
        .map(|&(top, bottom, v)| ReadPoint {
            x: (top + bottom) / 2.0,
            half: (top - bottom) / 2.0,
            title: tr!(
                format!("{} to {}", crate::format::usd(bottom, 0), crate::format::usd(top, 0)),
                format!("{}至{}", crate::format::grouped(bottom, 0), crate::format::zh::price_usd(top, 0))
            ),
            rows: vec![ReadRow {
                name: tr!("Would be liquidated", "潜在强平规模").into(),
                value: tr!(crate::format::usd_millions(v / 1e6), crate::format::zh::usd_millions(v / 1e6)),
                color: LIQ,
            }],
        })
        .collect();
    points.sort_by(|a, b| a.x.total_cmp(&b.x));
    points
}
