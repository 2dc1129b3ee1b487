//! "Download image": the chart's canvas as a PNG, with its title above and
//! its source line and permalink below.

use crate::charts::palette::Palette;
use leptos::prelude::*;
use plotters::style::RGBColor;
use wasm_bindgen::JsCast;

/// The image's type: the charts' own family (the Chinese edition's CJK
/// system fonts first, docs/i18n.md; none downloaded).
const FAMILY: &str = crate::charts::FONT_FAMILY;

/// Save `canvas` as a PNG named `file`: `text` = [title above, source line
/// and permalink below], in the palette's colours, at pixel ratio `dpr`.
pub fn save_png(
    canvas: &web_sys::HtmlCanvasElement,
    text: [&str; 3],
    pal: Palette,
    dpr: f64,
    file: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    let [title, source, link] = text;
    let doc = document();
    let out: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    let (pad, head, foot) = (12.0 * dpr, 36.0 * dpr, 44.0 * dpr);
    out.set_width((w + 2.0 * pad) as u32);
    out.set_height((h + head + foot) as u32);
    let ctx: web_sys::CanvasRenderingContext2d = out.get_context("2d")?.ok_or("no 2D canvas context")?.unchecked_into();
    let rgb = |c: RGBColor| format!("rgb({},{},{})", c.0, c.1, c.2);
    ctx.set_fill_style_str(&rgb(pal.paper));
    ctx.fill_rect(0.0, 0.0, w + 2.0 * pad, h + head + foot);
    ctx.set_text_baseline("top");
    ctx.set_fill_style_str(&rgb(pal.ink));
    ctx.set_font(&format!("600 {}px {FAMILY}", 15.0 * dpr));
    ctx.fill_text_with_max_width(title, pad, pad, w)?;
    ctx.draw_image_with_html_canvas_element(canvas, pad, head)?;
    ctx.set_fill_style_str(&rgb(pal.muted));
    ctx.set_font(&format!("{}px {FAMILY}", 11.0 * dpr));
    ctx.fill_text_with_max_width(source, pad, head + h + 8.0 * dpr, w)?;
    ctx.fill_text_with_max_width(link, pad, head + h + 24.0 * dpr, w)?;
    let url = out.to_data_url_with_type("image/png")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file);
    a.click();
    Ok(())
}
