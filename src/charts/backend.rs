//! The charts' drawing backend: plotters-canvas with text measured by the
//! canvas itself.
//!
//! Plotters measures text (for every axis label) by appending a `<span>` to
//! the document and reading its `offsetWidth`, which forces a layout of the
//! whole page each time: with `make bench` that was most of a chart's redraw
//! cost (about 1.8 ms per slider input across the charts a slider moves).
//! `CanvasRenderingContext2d.measureText` gives the width without touching
//! the document. Text drawing also skips re-setting the canvas font, align
//! and baseline when they are unchanged, because parsing the font string is
//! the next most expensive step.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    text_anchor::{HPos, VPos},
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use plotters_canvas::CanvasBackend;
use std::fmt;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct Paper {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    /// The font, `textAlign` and `textBaseline` last set on `ctx`.
    font: String,
    align: &'static str,
    baseline: &'static str,
}

impl Paper {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Paper> {
        let ctx = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Paper { inner, ctx, font: String::new(), align: "", baseline: "" })
    }

    fn set_font<S: BackendTextStyle>(&mut self, style: &S) {
        let font = css_font(style);
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
    }

    /// `save`/`restore` around rotated text resets the text state.
    fn forget_text_state(&mut self) {
        self.font.clear();
        self.align = "";
        self.baseline = "";
    }
}

/// The canvas `font` value of a plotters text style.
fn css_font<S: BackendTextStyle>(style: &S) -> String {
    format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str())
}

/// A canvas call that failed, as text.
#[derive(Debug)]
pub struct PaperError(String);

impl fmt::Display for PaperError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        tr!(write!(f, "canvas error: {}", self.0), write!(f, "画布出错：{}", self.0))
    }
}

impl std::error::Error for PaperError {}

type Drawn = Result<(), DrawingErrorKind<PaperError>>;

fn js_err(e: wasm_bindgen::JsValue) -> DrawingErrorKind<PaperError> {
    DrawingErrorKind::DrawingError(PaperError(e.as_string().unwrap_or_else(|| "unknown".into())))
}

fn from_inner(r: Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>) -> Drawn {
    r.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(PaperError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

impl DrawingBackend for Paper {
    type ErrorType = PaperError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Drawn {
        from_inner(self.inner.ensure_prepared())
    }
    fn present(&mut self) -> Drawn {
        from_inner(self.inner.present())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        from_inner(self.inner.draw_pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        from_inner(self.inner.draw_line(from, to, style))
    }
    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Drawn {
        from_inner(self.inner.draw_rect(ul, br, style, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        from_inner(self.inner.draw_path(path, style))
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        from_inner(self.inner.draw_circle(center, radius, style, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        from_inner(self.inner.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let degrees: f64 = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if degrees != 0.0 {
            self.ctx.save();
            self.forget_text_state();
            self.ctx.translate(x, y).map_err(js_err)?;
            self.ctx.rotate(degrees.to_radians()).map_err(js_err)?;
            (x, y) = (0.0, 0.0);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if baseline != self.baseline {
            self.ctx.set_text_baseline(baseline);
            self.baseline = baseline;
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if align != self.align {
            self.ctx.set_text_align(align);
            self.align = align;
        }
        let (r, g, b) = color.rgb;
        self.ctx.set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
        self.set_font(style);
        let drawn = self.ctx.fill_text(text, x, y).map_err(js_err);
        if degrees != 0.0 {
            self.ctx.restore();
            self.forget_text_state();
        }
        drawn
    }

    /// Width from `measureText`; height is the font size (what plotters' own
    /// estimate amounts to for one line of text).
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<PaperError>> {
        let font = css_font(style);
        if font != self.font {
            self.ctx.set_font(&font);
        }
        let width = self.ctx.measure_text(text).map_err(js_err)?.width();
        if font != self.font && !self.font.is_empty() {
            self.ctx.set_font(&self.font);
        }
        let height = style.size();
        let (w, h) = (width.ceil(), height.ceil());
        Ok((if w.is_finite() && w > 0.0 { w as u32 } else { 0 }, if h.is_finite() && h > 0.0 { h as u32 } else { 0 }))
    }
}
