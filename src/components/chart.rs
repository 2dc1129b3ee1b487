//! The chart on the page: a `<canvas>` sized to its container and redrawn on
//! resize, its HTML overlays (event markers, the current value) and its
//! legend. The drawing itself is a function from `crate::charts`.

use crate::charts::backend::Paper;
use crate::charts::palette::Palette;
use crate::charts::{nearest, paper, ChartError, Frame, ReadPoint, XAxis};
use crate::context::DarkCharts;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use leptos_use_device_pixel_ratio::use_device_pixel_ratio;
use leptos_use_element_size::{use_element_size, UseElementSizeReturn};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters::style::RGBColor;
use wasm_bindgen::JsCast;

/// Draw `draw` on `canvas`: the Paper backend over it, cleared to the paper colour.
fn draw_on<F>(canvas: &web_sys::HtmlCanvasElement, frame: Frame, draw: &F) -> Result<Option<XAxis>, ChartError>
where
    F: Fn(&DrawingArea<Paper, Shift>, Frame) -> Result<Option<XAxis>, ChartError>,
{
    let root = Paper::new(canvas).ok_or("no 2D canvas context")?.into_drawing_area();
    paper(&root, frame.pal)?;
    draw(&root, frame)
}

/// A canvas sized to its container, redrawn when its size, the pixel ratio or
/// any signal read by `draw` changes. With `events`, each event becomes a
/// button over the plot (keyboard- and touch-usable) whose note and source
/// show under the chart.
#[component]
pub fn ChartCanvas<F>(
    /// Draws on the canvas's drawing area (already cleared to the paper
    /// colour); reading signals inside makes it reactive. Returns the time
    /// axis when the chart has one.
    draw: F,
    /// Dated events to mark over the time axis.
    #[prop(optional)]
    events: Vec<crate::data::Event>,
    /// The event whose note is open at first.
    #[prop(optional, into)]
    open_event: Option<String>,
    /// Accessible name of the figure.
    #[prop(into)]
    label: String,
    /// Id of the element holding the figure's one-sentence summary.
    #[prop(into)]
    describedby: String,
    /// A visible title above the chart (e.g. "…, model output").
    #[prop(optional, into)]
    title: Option<String>,
    /// The current value of a slider, drawn as an HTML rule and label over
    /// the plot, so that moving the slider does not redraw the chart.
    #[prop(optional, into)]
    current: Option<Signal<Option<(f64, String)>>>,
    /// Height as a share of the width, clamped to [min_h, max_h] CSS px.
    /// The wrapper's CSS sets its size; the canvas fills it, so drawing never
    /// changes the layout (no ResizeObserver feedback loop).
    #[prop(default = 0.5)]
    aspect: f64,
    #[prop(default = 240.0)] min_h: f64,
    #[prop(default = 420.0)] max_h: f64,
    /// The page's permalink, printed under the chart on paper when given.
    #[prop(optional, into)]
    permalink: Option<Signal<String>>,
    /// What the read-out shows at each position of the x axis (sorted by
    /// x). Read only while a read-out is shown, so a slider move costs
    /// nothing here otherwise.
    #[prop(optional, into)]
    readout: Option<Signal<Vec<ReadPoint>>>,
) -> impl IntoView
where
    F: Fn(&DrawingArea<Paper, Shift>, Frame) -> Result<Option<XAxis>, ChartError> + 'static,
{
    let canvas = NodeRef::<Canvas>::new();
    let wrap = NodeRef::<Div>::new();
    let UseElementSizeReturn { width, height } = use_element_size(wrap);
    let dpr = use_device_pixel_ratio();
    let error = RwSignal::new(None::<String>);
    let axis = RwSignal::new(None::<XAxis>);
    let selected = RwSignal::new(open_event);
    let dark = use_context::<DarkCharts>().map(|d| d.0);
    // The read-out's position: an index into `readout`'s points.
    let active = RwSignal::new(None::<usize>);

    let label_for_bench = describedby.clone();
    Effect::new(move |_| {
        let css_w = width.get().floor();
        let css_h = height.get().floor();
        let ratio = dpr.get().clamp(1.0, 4.0);
        let Some(c) = canvas.get() else { return };
        if css_w < 50.0 || css_h < 50.0 {
            return;
        }
        let pal = Palette::of(dark.is_some_and(|d| d.get()));
        let frame = Frame { css_w, css_h, dpr: ratio, pal };
        // Setting a canvas's size, even to the same value, reallocates its
        // backing store and resets its state; the drawing clears it anyway.
        let (w_px, h_px) = (frame.px(css_w), frame.px(css_h));
        if c.width() != w_px {
            c.set_width(w_px);
        }
        if c.height() != h_px {
            c.set_height(h_px);
        }
        let now = || window().performance().map(|p| p.now()).unwrap_or(0.0);
        let t0 = now();
        let result = draw_on(&c, frame, &draw);
        // Draw times are kept on `window.__chartDrawMs` for `make bench`.
        let spent = now() - t0;
        if let Ok(list) = js_sys::Reflect::get(&window(), &"__chartDrawMs".into()) {
            if let Some(arr) = list.dyn_ref::<js_sys::Array>() {
                arr.push(&js_sys::Array::of2(&label_for_bench.as_str().into(), &spent.into()));
            }
        }
        match result {
            Ok(a) => {
                error.set(None);
                axis.set(a);
            }
            Err(e) => {
                error.set(Some(e.to_string()));
                axis.set(None);
            }
        }
    });
    let events = StoredValue::new(events);
    let has_events = !events.with_value(Vec::is_empty);

    // Pointer → the nearest point (mouse hover, or a touch that drags along
    // the chart: `touch-action: pan-y` leaves vertical swipes to the page).
    let point_at = move |client_x: f64| {
        let (Some(pts), Some(a), Some(w)) = (readout, axis.get_untracked(), wrap.get_untracked()) else { return };
        let px = client_x - w.get_bounding_client_rect().left();
        if px < a.left - 8.0 || px > a.right + 8.0 {
            return;
        }
        let i = pts.with_untracked(|p| nearest(p, a.value_at(px)));
        if active.get_untracked() != i {
            active.set(i);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(pts) = readout else { return };
        let n = pts.with_untracked(Vec::len);
        if n == 0 {
            return;
        }
        let cur = active.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => cur.map_or(0, |i| (i + 1).min(n - 1)),
            "ArrowLeft" | "ArrowDown" => cur.map_or(n - 1, |i| i.saturating_sub(1)),
            "PageUp" => cur.map_or(0, |i| (i + 10).min(n - 1)),
            "PageDown" => cur.map_or(n - 1, |i| i.saturating_sub(10)),
            "Home" => 0,
            "End" => n - 1,
            "Escape" => {
                active.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        active.set(Some(next));
    };
    let tabindex = readout.map(|_| "0");
    let keyhint = readout.map(|_| "Arrow keys read the values.");

    view! {
        <div class="chart">
            {title.map(|t| view! { <p class="chart-title">{t}</p> })}
            <div
                class="chart-box"
                node_ref=wrap
                style=format!("aspect-ratio: {:.4}; min-height: {min_h}px; max-height: {max_h}px", 1.0 / aspect)
            >
                <canvas node_ref=canvas role="img" aria-label=label aria-describedby=describedby tabindex=tabindex
                    aria-roledescription=keyhint.map(|_| "chart")
                    on:keydown=on_key
                    on:blur=move |_| active.set(None)
                    on:pointermove=move |ev| point_at(f64::from(ev.client_x()))
                    on:pointerdown=move |ev| point_at(f64::from(ev.client_x()))
                    on:pointerleave=move |ev| if ev.pointer_type() == "mouse" { active.set(None) }
                ></canvas>
                {readout.map(|pts| {
                    // Read only while shown: nothing here subscribes to the
                    // chart's data until a reader asks for a value.
                    let shown = Memo::new(move |_| {
                        let i = active.get()?;
                        let a = axis.get()?;
                        pts.with(|p| p.get(i).cloned()).map(|p| (a, p))
                    });
                    let pal = move || Palette::of(dark.is_some_and(|d| d.get()));
                    let mark_style = move || match shown.get() {
                        Some((a, p)) => {
                            let x = a.left + a.width_of(p.x - a.x0);
                            let (left, width) = if p.half > 0.0 {
                                let w = a.width_of(2.0 * p.half);
                                (x - w / 2.0, w)
                            } else {
                                (x, 0.0)
                            };
                            format!("left: {left:.1}px; width: {width:.1}px; top: {:.1}px; height: {:.1}px", a.top, (a.bottom - a.top).max(0.0))
                        }
                        None => "display: none".into(),
                    };
                    let label_style = move || match shown.get() {
                        Some((a, p)) => {
                            let x = a.left + a.width_of(p.x - a.x0);
                            let gap = a.width_of(p.half) + 8.0;
                            if x > (a.left + a.right) / 2.0 {
                                format!("right: calc(100% - {:.1}px); top: {:.1}px", x - gap, a.top + 4.0)
                            } else {
                                format!("left: {:.1}px; top: {:.1}px", x + gap, a.top + 4.0)
                            }
                        }
                        None => "display: none".into(),
                    };
                    view! {
                        <span class="readout-mark" class:bar=move || shown.with(|s| s.as_ref().is_some_and(|(_, p)| p.half > 0.0))
                            aria-hidden="true" style=mark_style></span>
                        <div class="readout" aria-hidden="true" style=label_style>
                            {move || shown.get().map(|(_, p)| view! {
                                <p class="readout-title">{p.title}</p>
                                {p.rows.into_iter().map(|r| {
                                    let c = pal().series(r.color);
                                    view! {
                                        <p class="readout-row"><span class="swatch" style=format!("background: rgb({},{},{})", c.0, c.1, c.2)></span>
                                            <span class="readout-name">{r.name}</span>" "<span class="readout-value">{r.value}</span></p>
                                    }
                                }).collect_view()}
                            })}
                        </div>
                        <span class="visually-hidden readout-live" aria-live="polite">{move || shown.get().map(|(_, p)| p.sentence())}</span>
                    }
                })}
                {current.map(|cur| {
                    // Two fixed spans moved by their style, so a slider move
                    // changes two attributes and a text node, nothing more.
                    let at = Memo::new(move |_| {
                        let (a, (x, text)) = (axis.get()?, cur.get()?);
                        Some((a, a.at(x)?, text))
                    });
                    let rule_style = move || match at.get() {
                        Some((a, px, _)) => format!("left: {px:.1}px; top: {:.1}px; height: {:.1}px", a.top, (a.bottom - a.top).max(0.0)),
                        None => "display: none".into(),
                    };
                    let label_style = move || match at.get() {
                        Some((a, px, _)) => format!("left: {px:.1}px; top: {:.1}px", a.top + 2.0),
                        None => "display: none".into(),
                    };
                    view! {
                        <span class="current-rule" aria-hidden="true" style=rule_style></span>
                        <span class="current-label" aria-hidden="true"
                            class:flip=move || at.get().is_some_and(|(a, px, _)| a.right - px < 150.0)
                            style=label_style>{move || at.get().map(|(_, _, t)| t).unwrap_or_default()}</span>
                    }
                })}
                {move || axis.get().map(|a| events.with_value(|evs| {
                    let xs: Vec<Option<f64>> = evs.iter()
                        .map(|e| crate::model::date::Date::parse(&e.date).and_then(|d| a.at(d.days() as f64)))
                        .collect();
                    let rows = stack_rows(&xs, MARKER_W + 2.0);
                    evs.iter().enumerate().filter_map(|(i, e)| {
                        let x = xs[i]?;
                        let day = crate::model::date::Date::parse(&e.date)?;
                        let top = (a.top - MARKER_W - 4.0 + rows[i] as f64 * (MARKER_W + 2.0)).max(0.0);
                        let (id, id2, id3) = (e.id.clone(), e.id.clone(), e.id.clone());
                        let name = format!("Event {}, {}: {}", i + 1, day.long(), e.title);
                        Some(view! {
                            <span
                                class="event-rule"
                                aria-hidden="true"
                                class:open=move || selected.get().as_deref() == Some(id3.as_str())
                                style=format!("left: {x:.1}px; top: {:.1}px; height: {:.1}px", a.top, (a.bottom - a.top).max(0.0))
                            ></span>
                            <button
                                type="button"
                                class="event-marker"
                                class:open=move || selected.get().as_deref() == Some(id.as_str())
                                style=format!("left: {x:.1}px; top: {top:.1}px")
                                aria-label=name.clone()
                                title=name
                                aria-pressed=move || (selected.get().as_deref() == Some(id2.as_str())).to_string()
                                on:click={
                                    let id = e.id.clone();
                                    move |_| selected.update(|s| *s = if s.as_deref() == Some(id.as_str()) { None } else { Some(id.clone()) })
                                }
                            >{i + 1}</button>
                        })
                    }).collect_view()
                }))}
            </div>
            {has_events.then(|| view! {
                <p class="fine">"Numbered markers are events: select one to read what happened."</p>
                <div class="event-note" aria-live="polite">
                    {move || selected.get().and_then(|id| events.with_value(|evs| evs.iter().find(|e| e.id == id).cloned())).map(|e| {
                        let when = crate::model::date::Date::parse(&e.date).map(|d| d.long()).unwrap_or_default();
                        let n = events.with_value(|evs| evs.iter().position(|x| x.id == e.id).unwrap_or(0) + 1);
                        view! {
                            <p><span class="event-num">{n}</span><strong>{when} ": " {e.title.clone()}</strong> " " {e.note.clone()} " "
                                <span class="event-source">"Source: "
                                    {if e.source.url.is_empty() { view! { <span>{e.source.publisher.clone()}</span> }.into_any() }
                                     else { view! { <a href=e.source.url.clone() rel="noopener noreferrer" target="_blank">{e.source.publisher.clone()}</a> }.into_any() }}
                                </span>
                            </p>
                        }
                    })}
                </div>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">"The chart could not be drawn: " {e}</p> })}
            {permalink.map(|p| view! { <p class="print-only permalink">"Permalink: " {move || p.get()}</p> })}
        </div>
    }
}

/// An HTML legend for a chart: a swatch (solid or dashed) and a name per line.
#[component]
pub fn Legend(#[prop(into)] entries: Signal<Vec<(String, RGBColor, bool)>>) -> impl IntoView {
    // Redrawn charts derive their legend again; the list is only rebuilt
    // when an entry actually changes.
    let entries = Memo::new(move |_| entries.get());
    let dark = use_context::<DarkCharts>().map(|d| d.0);
    view! {
        <ul class="legend">
            {move || entries.get().into_iter().map(|(name, c, dashed)| {
                let c = Palette::of(dark.is_some_and(|d| d.get())).series(c);
                let style = format!("border-top: 3px {} rgb({},{},{})", if dashed { "dashed" } else { "solid" }, c.0, c.1, c.2);
                view! { <li><span class="swatch" style=style></span>{name}</li> }
            }).collect_view()}
        </ul>
    }
}

/// Width of an event marker button, CSS px.
const MARKER_W: f64 = 22.0;

/// Assign each marker a row so that markers in one row are at least `gap`
/// apart (greedy, left to right). `None` positions get row 0 and are skipped.
pub fn stack_rows(xs: &[Option<f64>], gap: f64) -> Vec<usize> {
    let mut last_in_row: Vec<f64> = Vec::new();
    let mut order: Vec<usize> = (0..xs.len()).filter(|&i| xs[i].is_some()).collect();
    order.sort_by(|&a, &b| xs[a].unwrap_or(0.0).total_cmp(&xs[b].unwrap_or(0.0)));
    let mut rows = vec![0; xs.len()];
    for i in order {
        let x = xs[i].unwrap_or(0.0);
        let row = last_in_row.iter().position(|&l| x - l >= gap).unwrap_or(last_in_row.len());
        if row == last_in_row.len() {
            last_in_row.push(x);
        } else {
            last_in_row[row] = x;
        }
        rows[i] = row;
    }
    rows
}
