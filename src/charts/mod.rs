//! Charts drawn with plotters on any backend. Drawing functions take a
//! drawing area, plain data and a [`Frame`] (CSS size and device pixel ratio)
//! and return a [`ChartError`]; the canvas backend ([`backend::Paper`]) is
//! the wasm build's, the tests draw the same charts to SVG natively. Nothing
//! here knows about Leptos or the page: the canvas component lives in
//! `components::chart`.

#[cfg(target_arch = "wasm32")]
pub mod backend;
pub mod band;
pub mod cascade;
pub mod flows;
pub mod lines;
pub mod markers;
pub mod palette;
pub mod timeline;
pub mod waterfall;

use palette::Palette;
use plotters::chart::{ChartBuilder, ChartContext, MeshStyle};
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::{
    DrawingArea, DrawingAreaErrorKind, DrawingBackend, FontDesc, IntoFont, ShapeStyle, TRANSPARENT,
};
use std::fmt;

/// The drawing surface: CSS pixels and the device pixel ratio. Plotters draws
/// in backing-store pixels, so every length passes through [`Frame::px`].
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub css_w: f64,
    pub css_h: f64,
    pub dpr: f64,
    /// The theme's paper, text and grid, and its series colours.
    pub pal: Palette,
}

impl Frame {
    /// A light frame of `css_w` × `css_h` CSS px at pixel ratio `dpr`.
    pub const fn light(css_w: f64, css_h: f64, dpr: f64) -> Frame {
        Frame { css_w, css_h, dpr, pal: Palette::LIGHT }
    }
    /// A series colour as drawn on this frame's paper.
    pub fn c(&self, c: plotters::style::RGBColor) -> plotters::style::RGBColor {
        self.pal.series(c)
    }
    /// CSS pixels → backing-store pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr).round().max(1.0) as u32
    }
    pub fn font(&self, css: f64) -> f64 {
        css * self.dpr
    }
    /// The charts' font at `css` CSS pixels.
    pub fn text(&self, css: f64) -> FontDesc<'static> {
        (FONT_FAMILY, self.font(css)).into_font()
    }
}

/// The charts' font family, as the canvas `font` takes it (the backend
/// writes the family into the canvas font as it is). The Chinese edition
/// follows it with the CJK system fonts (docs/i18n.md, "Type"), the same
/// stack as the page's CSS: no web font is downloaded.
pub const FONT_FAMILY: &str = tr!(
    "sans-serif",
    "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \
     \"WenQuanYi Micro Hei\", sans-serif"
);

/// A label's width in average Latin characters, for placing it before it
/// is drawn: a CJK or full-width character is about 1.9 of them (at the
/// charts' sizes a Han glyph is as wide as the font is high). Latin text
/// counts its characters, as before.
pub fn text_units(s: &str) -> f64 {
    s.chars().map(|c| if c >= '\u{2E80}' { 1.9 } else { 1.0 }).sum()
}

/// Where the time axis landed on the canvas, in CSS pixels, so HTML overlays
/// (the event markers) can be placed over the plot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XAxis {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Day numbers at `left` and `right`.
    pub x0: f64,
    pub x1: f64,
}

impl XAxis {
    /// The x value at CSS px `px` from the canvas's left edge (the inverse
    /// of [`XAxis::at`], not clamped).
    pub fn value_at(&self, px: f64) -> f64 {
        let w = (self.right - self.left).max(1e-9);
        self.x0 + (px - self.left) / w * (self.x1 - self.x0)
    }

    /// Width in CSS px of `dx` x units.
    pub fn width_of(&self, dx: f64) -> f64 {
        if self.x1 <= self.x0 {
            return 0.0;
        }
        dx / (self.x1 - self.x0) * (self.right - self.left)
    }

    /// Read the plotting area of a drawn chart (backend pixels → CSS pixels).
    pub fn of<DB: DrawingBackend, Y: Ranged<ValueType = f64>>(
        chart: &ChartContext<DB, Cartesian2d<RangedCoordf64, Y>>,
        f: Frame,
        x0: f64,
        x1: f64,
    ) -> XAxis {
        let (xr, yr) = chart.plotting_area().get_pixel_range();
        let css = |px: i32| f64::from(px) / f.dpr;
        XAxis { left: css(xr.start), right: css(xr.end), top: css(yr.start), bottom: css(yr.end), x0, x1 }
    }

    /// Horizontal position of day number `x`, in CSS px; `None` off the axis.
    pub fn at(&self, x: f64) -> Option<f64> {
        if x < self.x0 || x > self.x1 || self.x1 <= self.x0 {
            return None;
        }
        Some(self.left + (x - self.x0) / (self.x1 - self.x0) * (self.right - self.left))
    }
}

/// Why a chart could not be drawn: a backend failure, or data the chart
/// cannot show. Its text is what the page prints under the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(format!("{e:?}"))
    }
}

impl From<&str> for ChartError {
    fn from(text: &str) -> Self {
        ChartError(text.to_string())
    }
}

impl From<String> for ChartError {
    fn from(text: String) -> Self {
        ChartError(text)
    }
}

/// What every chart function returns: the x axis's place on the surface
/// (for HTML overlays), when the chart has one.
pub type Drawn = Result<Option<XAxis>, ChartError>;

/// The page's drawing area: a canvas through the [`backend::Paper`] backend.
#[cfg(target_arch = "wasm32")]
pub type Canvas = DrawingArea<backend::Paper, Shift>;

/// Clear `root` to the paper colour of `pal`.
pub fn paper<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, pal: Palette) -> Result<(), ChartError> {
    root.fill(&pal.paper)?;
    Ok(())
}

/// The plotting context of the charts: f64 on both axes.
pub type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A chart whose x axis is day numbers (`x`), with the margins the time
/// charts share: room above for the event markers, labels below and left.
pub fn time_chart<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    f: Frame,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
) -> Result<Plot<'a, DB>, ChartError> {
    Ok(ChartBuilder::on(root)
        .margin_top(f.px(30.0))
        .margin_right(f.px(12.0))
        .margin_left(f.px(4.0))
        .margin_bottom(f.px(4.0))
        .x_label_area_size(f.px(26.0))
        .y_label_area_size(f.px(58.0))
        .build_cartesian_2d(x, y)?)
}

/// The house style of every chart's axes, labels and grid: muted labels of
/// `label_px` CSS pixels, descriptions at 11 px, light grid, no minor lines.
pub fn house_mesh<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    f: Frame,
    label_px: f64,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
    mesh.label_style(f.text(label_px).color(&f.pal.muted))
        .axis_desc_style(f.text(11.0).color(&f.pal.muted))
        .axis_style(ShapeStyle::from(&f.pal.muted).stroke_width(f.px(1.0)))
        .bold_line_style(ShapeStyle::from(&f.pal.grid).stroke_width(f.px(1.0)))
        .light_line_style(TRANSPARENT)
}

/// One line of a read-out: a series' name, its value with units, its colour
/// (the light one; the page maps it for the theme).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadRow {
    pub name: String,
    pub value: String,
    pub color: plotters::style::RGBColor,
}

/// What a chart's read-out shows at one position of its x axis: the page puts
/// it in an HTML label over the canvas (hover, touch, arrow keys) without
/// redrawing the chart. Each chart builds its list from its own input
/// (`readout` in each chart module).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadPoint {
    /// The position in the chart's x units (day number, bar or round index,
    /// price), as given to [`XAxis::at`].
    pub x: f64,
    /// Half the width of the highlighted bar, in x units; 0 draws a
    /// crosshair line instead.
    pub half: f64,
    /// The x value as read: a date, a bar's name, a probability.
    pub title: String,
    pub rows: Vec<ReadRow>,
}

impl ReadPoint {
    /// The read-out as one sentence, for screen readers. In Chinese a
    /// figure follows its name with 为 ("标普500为98.5"), a word runs on
    /// from it ("标普500周末休市"), and the rows are set apart by semicolons.
    pub fn sentence(&self) -> String {
        tr!(
            {
                let rows: Vec<String> = self.rows.iter().map(|r| format!("{} {}", r.name, r.value)).collect();
                format!("{}: {}.", self.title, rows.join(", "))
            },
            {
                let rows: Vec<String> = self
                    .rows
                    .iter()
                    .map(|r| {
                        let figure = r.value.starts_with(|c: char| c.is_ascii_digit() || "+−-–".contains(c));
                        format!("{}{}{}", r.name, if figure { "为" } else { "" }, r.value)
                    })
                    .collect();
                format!("{}：{}。", self.title, rows.join("；"))
            }
        )
    }
}

/// The index of the point nearest to `x` in `points` (sorted by x).
pub fn nearest(points: &[ReadPoint], x: f64) -> Option<usize> {
    (0..points.len()).min_by(|&a, &b| (points[a].x - x).abs().total_cmp(&(points[b].x - x).abs()))
}

/// Decimals that tell apart the tick labels plotters puts on `range` when
/// asked for at most `n` of them: the precision of the tick step.
pub fn tick_decimals(range: std::ops::Range<f64>, n: usize) -> usize {
    let ticks = RangedCoordf64::from(range).key_points(n);
    let step = ticks.windows(2).map(|w| w[1] - w[0]).fold(f64::INFINITY, f64::min);
    if step.is_finite() && step > 0.0 {
        (-step.log10() - 1e-9).ceil().clamp(0.0, 6.0) as usize
    } else {
        0
    }
}

/// A tick label: `decimals` decimals, a true minus sign (U+2212) and never
/// "−0" for a value that rounds to zero.
pub fn tick(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v);
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => format!("\u{2212}{rest}"),
        Some(rest) => rest.to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_have_the_step_precision_and_a_true_minus() {
        assert_eq!(tick(-0.2, 0), "0");
        assert_eq!(tick(-1.5, 1), "\u{2212}1.5");
        assert_eq!(tick(2.0, 0), "2");
        assert_eq!(tick_decimals(-2.0..0.5, 6), 1);
        assert_eq!(tick_decimals(0.0..100.0, 6), 0);
        assert_eq!(tick_decimals(-0.1..0.05, 6), 2);
    }

    #[test]
    fn labels_are_measured_in_latin_characters() {
        assert_eq!(text_units("Cut probability 40%"), 19.0);
        assert_eq!(text_units("−0.35 × β"), 9.0);
        assert!((text_units("降息概率40%") - (4.0 * 1.9 + 3.0)).abs() < 1e-9);
        assert!((text_units("（）") - 3.8).abs() < 1e-9);
    }
}
