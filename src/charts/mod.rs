//! Chart drawing with plotters on a `<canvas>`. Drawing functions take plain
//! data plus a [`Frame`] (CSS size and device pixel ratio) and return errors
//! as text; [`ChartCanvas`] owns the canvas, its HiDPI backing store and the
//! redraw on resize.

pub mod timeline;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use leptos_use_device_pixel_ratio::use_device_pixel_ratio;
use leptos_use_element_size::{use_element_size, UseElementSizeReturn};
use plotters::style::RGBColor;
use web_sys::HtmlCanvasElement;

/// The drawing surface: CSS pixels and the device pixel ratio. Plotters draws
/// in backing-store pixels, so every length passes through [`Frame::px`].
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub css_w: f64,
    pub css_h: f64,
    pub dpr: f64,
}

impl Frame {
    /// CSS pixels → backing-store pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr).round().max(1.0) as u32
    }
    pub fn font(&self, css: f64) -> f64 {
        css * self.dpr
    }
}

/// Colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008).
pub const SP500: RGBColor = RGBColor(0, 114, 178);
pub const BITCOIN: RGBColor = RGBColor(213, 94, 0);
pub const NASDAQ: RGBColor = RGBColor(0, 158, 115);
pub const INK: RGBColor = RGBColor(34, 34, 34);
pub const MUTED: RGBColor = RGBColor(96, 96, 96);
pub const GRID: RGBColor = RGBColor(226, 226, 226);
pub const PAPER: RGBColor = RGBColor(255, 255, 255);

/// A canvas sized to its container, redrawn when its size, the pixel ratio or
/// any signal read by `draw` changes.
#[component]
pub fn ChartCanvas<F>(
    /// Draws on the canvas; reading signals inside makes it reactive.
    draw: F,
    /// Accessible name of the figure.
    #[prop(into)]
    label: String,
    /// Id of the element holding the figure's one-sentence summary.
    #[prop(into)]
    describedby: String,
    /// Height as a share of the width, clamped to [min_h, max_h] CSS px.
    /// The wrapper's CSS sets its size; the canvas fills it, so drawing never
    /// changes the layout (no ResizeObserver feedback loop).
    #[prop(default = 0.5)]
    aspect: f64,
    #[prop(default = 240.0)] min_h: f64,
    #[prop(default = 420.0)] max_h: f64,
) -> impl IntoView
where
    F: Fn(&HtmlCanvasElement, Frame) -> Result<(), String> + 'static,
{
    let canvas = NodeRef::<Canvas>::new();
    let wrap = NodeRef::<Div>::new();
    let UseElementSizeReturn { width, height } = use_element_size(wrap);
    let dpr = use_device_pixel_ratio();
    let error = RwSignal::new(None::<String>);

    Effect::new(move |_| {
        let css_w = width.get().floor();
        let css_h = height.get().floor();
        let ratio = dpr.get().clamp(1.0, 4.0);
        let Some(c) = canvas.get() else { return };
        if css_w < 50.0 || css_h < 50.0 {
            return;
        }
        let frame = Frame { css_w, css_h, dpr: ratio };
        c.set_width(frame.px(css_w));
        c.set_height(frame.px(css_h));
        error.set(draw(&c, frame).err());
    });

    view! {
        <div class="chart">
            <div
                class="chart-box"
                node_ref=wrap
                style=format!("aspect-ratio: {:.4}; min-height: {min_h}px; max-height: {max_h}px", 1.0 / aspect)
            >
                <canvas node_ref=canvas role="img" aria-label=label aria-describedby=describedby></canvas>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">"The chart could not be drawn: " {e}</p> })}
        </div>
    }
}

/// Turn a plotters error into text.
pub fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}
