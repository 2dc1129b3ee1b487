//! The chart on the page: a `<canvas>` sized to its container and redrawn on
//! resize, its HTML overlays (event markers, the current value) and its
//! legend (legend.rs); its redraw schedule (frame.rs) and PNG export
//! (png.rs). The drawing itself is a function from `crate::charts`.

use crate::charts::backend::Paper;
use crate::charts::palette::Palette;
use crate::charts::{nearest, paper, ChartError, Frame, ReadPoint, XAxis};
use crate::context::{bench_mark, DarkCharts, Printing};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use leptos_use_device_pixel_ratio::use_device_pixel_ratio;
use leptos_use_intersection_observer::{use_intersection_observer_with_options, UseIntersectionObserverOptions};
use leptos_use_resize_observer::use_resize_observer;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsCast;

mod frame;
mod legend;
mod png;

use frame::once_per_frame;
pub use legend::Legend;
use png::save_png;

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
    /// The source line drawn into a saved image ("Download image").
    #[prop(optional, into)]
    source: Option<String>,
    /// The figure's id in [`crate::state::FIGURES`]: "Embed this figure"
    /// shares the row of "Download image".
    #[prop(optional)]
    embed: Option<&'static str>,
) -> impl IntoView
where
    F: Fn(&DrawingArea<Paper, Shift>, Frame) -> Result<Option<XAxis>, ChartError> + 'static,
{
    // Everything but the drawing function is in one non-generic function:
    // as a generic component its view code was compiled once per chart.
    chart_canvas(
        Box::new(draw),
        events,
        open_event,
        label,
        describedby,
        title,
        current,
        (aspect, min_h, max_h),
        permalink,
        readout,
        source,
        embed,
    )
}

/// A chart's drawing function, boxed.
type DrawFn = Box<dyn Fn(&DrawingArea<Paper, Shift>, Frame) -> Result<Option<XAxis>, ChartError>>;

// The component's props, passed on one by one (a struct would only rename them).
#[allow(clippy::too_many_arguments)]
fn chart_canvas(
    draw: DrawFn,
    events: Vec<crate::data::Event>,
    open_event: Option<String>,
    label: String,
    describedby: String,
    title: Option<String>,
    current: Option<Signal<Option<(f64, String)>>>,
    (aspect, min_h, max_h): (f64, f64, f64),
    permalink: Option<Signal<String>>,
    readout: Option<Signal<Vec<ReadPoint>>>,
    source: Option<String>,
    embed: Option<&'static str>,
) -> AnyView {
    let canvas = NodeRef::<Canvas>::new();
    let wrap = NodeRef::<Div>::new();
    // The wrapper's content box, CSS px, from a plain ResizeObserver (the
    // leptos-use element-size hook also parses CSS lengths for SVG targets,
    // which kept core's f64 parser in the wasm).
    let width = RwSignal::new(0.0_f64);
    let height = RwSignal::new(0.0_f64);
    let _ = use_resize_observer(wrap, move |entries, _| {
        let Some(entry) = entries.first() else { return };
        let r = entry.content_rect();
        if width.get_untracked() != r.width() {
            width.set(r.width());
        }
        if height.get_untracked() != r.height() {
            height.set(r.height());
        }
    });
    let dpr = use_device_pixel_ratio();
    let error = RwSignal::new(None::<String>);
    let axis = RwSignal::new(None::<XAxis>);
    let selected = RwSignal::new(open_event);
    // The crowded group of event markers whose list is open.
    let expanded = RwSignal::new(None::<String>);
    let dark = use_context::<DarkCharts>().map(|d| d.0);
    // The read-out's position: an index into `readout`'s points.
    let active = RwSignal::new(None::<usize>);

    // Drawn only near the viewport (issue 27): a chart more than half a
    // screen away, or in a closed disclosure, neither reads its inputs nor
    // redraws when a slider moves; it draws with the values of that moment
    // as it comes near. Printing draws every chart.
    let near = RwSignal::new(false);
    let _ = use_intersection_observer_with_options(
        wrap,
        move |entries, _| {
            if let Some(now) = entries.last().map(|e| e.is_intersecting()) {
                if near.get_untracked() != now {
                    near.set(now);
                }
            }
        },
        UseIntersectionObserverOptions::default().root_margin("50% 0px"),
    );
    let printing = use_context::<Printing>().map(|p| p.0);

    let label_for_bench = describedby.clone();
    let mark = format!("selloff:draw:{describedby}");
    once_per_frame(move || {
        if !(near.get() || printing.is_some_and(|p| p.get())) {
            return;
        }
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
        bench_mark(&mark);
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
    // "Download image": the canvas as drawn, with the title above and the
    // source line and permalink below.
    let image_title = title.clone().unwrap_or_else(|| {
        tr!(label.split_once(": "), label.split_once('：')).map_or(label.clone(), |(_, t)| t.to_string())
    });
    let file = format!("selloff-{}.png", describedby.trim_end_matches("-summary"));
    let address = use_context::<crate::context::UrlSync>();
    let download = move |_| {
        let Some(c) = canvas.get_untracked() else { return };
        let link = address.map(|a| a.href()).unwrap_or_else(|| window().location().href().unwrap_or_default());
        let pal = Palette::of(dark.is_some_and(|d| d.get_untracked()));
        let ratio = dpr.get_untracked().clamp(1.0, 4.0);
        let text = [image_title.as_str(), source.as_deref().unwrap_or(""), link.as_str()];
        if let Err(e) = save_png(&c, text, pal, ratio, &file) {
            error.set(Some(tr!(format!("the image could not be saved ({e:?})"), format!("图片无法保存（{e:?}）"))));
        }
    };
    // A keyboard or screen-reader user learns from the name that the chart
    // answers arrow keys.
    let canvas_label = match readout {
        Some(_) => tr!(format!("{label}. Arrow keys read its values."), format!("{label}。可用方向键读取数值。")),
        None => label.clone(),
    };

    view! {
        <div class="chart">
            {title.map(|t| view! { <p class="chart-title">{t}</p> })}
            <div
                class="chart-box"
                node_ref=wrap
                style=format!("aspect-ratio: {:.4}; min-height: {min_h}px; max-height: {max_h}px", 1.0 / aspect)
            >
                <canvas node_ref=canvas role="img" aria-label=canvas_label aria-describedby=describedby tabindex=tabindex
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
                    // The label sits outside the plot, so it covers no bar,
                    // line or axis label: above the chart box, or below it
                    // where above would be under the sticky bar or off the
                    // frame's top. Horizontally it stays by the pointer.
                    let label_style = move || match shown.get() {
                        Some((a, p)) => {
                            let x = a.left + a.width_of(p.x - a.x0);
                            let side = if x > (a.left + a.right) / 2.0 {
                                format!("right: calc(100% - {:.1}px)", (x + 24.0).min(a.right + 1.0))
                            } else {
                                format!("left: {:.1}px", (x - 24.0).max(a.left - 1.0))
                            };
                            let vertical = if room_above(wrap.get_untracked(), READOUT_H_PX) {
                                "bottom: calc(100% + 4px)"
                            } else {
                                "top: calc(100% + 4px)"
                            };
                            format!("{side}; {vertical}")
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
                        <span class="visually-hidden readout-live" aria-live="polite">{move || shown.get().map(|(_, p)| tr!(p.sentence(), zh_sentence(&p)))}</span>
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
                        .map(|e| a.at(e.date.days() as f64))
                        .collect();
                    // Markers sit on a rail above the plot, never over the
                    // data; markers closer than MARKER_GAP share one button
                    // ("4–7") that opens a list.
                    let top = (a.top - MARKER_W - 3.0).max(0.0);
                    let rule_style = move |x: f64| format!("left: {x:.1}px; top: {:.1}px; height: {:.1}px", top + MARKER_W, (a.bottom - top - MARKER_W).max(0.0));
                    crate::charts::markers::group(&xs, MARKER_GAP, a.left, a.right).into_iter().map(|(x, members)| {
                        if let [i] = members[..] {
                            let e = &evs[i];
                            let day = tr!(e.date.long(), crate::format::zh::date(e.date));
                            let (id, id2, id3) = (e.id.clone(), e.id.clone(), e.id.clone());
                            let name = tr!(format!("Event {}, {}: {}", i + 1, day, e.shown_title()), format!("事件{}，{}：{}", i + 1, day, e.shown_title()));
                            let at = xs[i].unwrap_or(x);
                            view! {
                                <span class="event-rule" aria-hidden="true"
                                    class:open=move || selected.get().as_deref() == Some(id3.as_str())
                                    style=rule_style(at)></span>
                                <button type="button" class="event-marker"
                                    class:open=move || selected.get().as_deref() == Some(id.as_str())
                                    style=format!("left: {x:.1}px; top: {top:.1}px")
                                    aria-label=name.clone() title=name
                                    aria-pressed=move || (selected.get().as_deref() == Some(id2.as_str())).to_string()
                                    on:click={
                                        let id = e.id.clone();
                                        move |_| selected.update(|s| *s = if s.as_deref() == Some(id.as_str()) { None } else { Some(id.clone()) })
                                    }
                                >{i + 1}</button>
                            }.into_any()
                        } else {
                            let (first, last) = (members[0], members[members.len() - 1]);
                            let ids: Vec<String> = members.iter().map(|&i| evs[i].id.clone()).collect();
                            let key = format!("{first}");
                            let key2 = key.clone();
                            let key3 = key.clone();
                            let rules = members.iter().filter_map(|&i| {
                                let id = evs[i].id.clone();
                                xs[i].map(|at| view! {
                                    <span class="event-rule" aria-hidden="true"
                                        class:open=move || selected.get().as_deref() == Some(id.as_str())
                                        style=rule_style(at)></span>
                                })
                            }).collect_view();
                            // Choosing from the list closes it and gives the focus back to the group's button.
                            let group_button = NodeRef::<leptos::html::Button>::new();
                            let items = members.iter().map(|&i| {
                                let e = &evs[i];
                                let day = tr!(e.date.short(), crate::format::zh::month_day(e.date));
                                let name = tr!(
                                    format!("Event {}, {}: {}", i + 1, e.date.long(), e.shown_title()),
                                    format!("事件{}，{}：{}", i + 1, crate::format::zh::date(e.date), e.shown_title())
                                );
                                let id = e.id.clone();
                                let id2 = e.id.clone();
                                view! {
                                    <li><button type="button" class="event-item" aria-label=name
                                        aria-pressed=move || (selected.get().as_deref() == Some(id2.as_str())).to_string()
                                        on:click=move |_| {
                                            selected.set(Some(id.clone()));
                                            expanded.set(None);
                                            if let Some(b) = group_button.get_untracked() {
                                                // Focus is a courtesy; failing to move it changes nothing else.
                                                let _ = b.focus();
                                            }
                                        }>
                                        <span class="event-num">{i + 1}</span>{tr!(format!("{day}: {}", e.shown_title()), format!("{day}：{}", e.shown_title()))}
                                    </button></li>
                                }
                            }).collect_view();
                            let label = tr!(
                                format!("Events {} to {}: show the list", first + 1, last + 1),
                                format!("事件{}至{}：展开列表", first + 1, last + 1)
                            );
                            view! {
                                {rules}
                                <button type="button" class="event-marker group" node_ref=group_button
                                    class:open=move || selected.get().is_some_and(|s| ids.contains(&s))
                                    style=format!("left: {x:.1}px; top: {top:.1}px")
                                    aria-label=label.clone() title=label
                                    aria-expanded=move || (expanded.get().as_deref() == Some(key.as_str())).to_string()
                                    on:click=move |_| expanded.update(|s| *s = if s.as_deref() == Some(key2.as_str()) { None } else { Some(key2.clone()) })
                                >{format!("{}–{}", first + 1, last + 1)}</button>
                                <ul class="event-menu" class:flip={x > (a.left + a.right) / 2.0}
                                    hidden=move || expanded.get().as_deref() != Some(key3.as_str())
                                    style=format!("left: {:.1}px; top: {:.1}px", x, top + MARKER_W + 2.0)>
                                    {items}
                                </ul>
                            }.into_any()
                        }
                    }).collect_view()
                }))}
            </div>
            {has_events.then(|| view! {
                <p class="fine screen-only">{tr!(
                    "Numbered markers are events: select one to read what happened.",
                    "点击带编号的标记，可查看当时发生的事件。"
                )}</p>
                // On paper the markers cannot be selected: the events are listed instead.
                <ol class="print-only event-list">
                    {events.with_value(|evs| evs.iter().map(|e| {
                        let when = tr!(e.date.long(), crate::format::zh::date(e.date));
                        view! { <li>{when} {tr!(": ", "：")} {e.shown_title().to_string()}</li> }
                    }).collect_view())}
                </ol>
                <div class="event-note" aria-live="polite">
                    {move || selected.get().and_then(|id| events.with_value(|evs| evs.iter().find(|e| e.id == id).cloned())).map(|e| {
                        let when = tr!(e.date.long(), crate::format::zh::date(e.date));
                        let n = events.with_value(|evs| evs.iter().position(|x| x.id == e.id).unwrap_or(0) + 1);
                        view! {
                            <p><span class="event-num">{n}</span><strong>{when} {tr!(": ", "：")} {e.shown_title().to_string()}</strong> " " {e.shown_note().to_string()} " "
                                <span class="event-source">{tr!("Source: ", "来源：")}
                                    {if e.source.url.is_empty() { view! { <span>{e.source.publisher.clone()}</span> }.into_any() }
                                     else { view! { <a href=e.source.url.clone() rel="noopener noreferrer" target="_blank">{e.source.publisher.clone()}</a> }.into_any() }}
                                </span>
                            </p>
                        }
                    })}
                </div>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{tr!("The chart could not be drawn: ", "图表无法绘制：")} {e}</p> })}
            <div class="chart-actions screen-only">
                <button type="button" class="download" on:click=download>{tr!("Download image", "下载图片")}</button>
                {embed.map(|id| view! { <crate::components::FigureEmbed id=id/> })}
            </div>
            {permalink.map(|p| view! { <p class="print-only permalink">{tr!("Permalink: ", "永久链接：")} {move || p.get()}</p> })}
        </div>
    }
    .into_any()
}

/// The read-out as one sentence, for screen readers, in Chinese (the
/// English is [`ReadPoint::sentence`]).
#[cfg(feature = "zh")]
fn zh_sentence(p: &ReadPoint) -> String {
    let rows: Vec<String> = p.rows.iter().map(|r| format!("{} {}", r.name, r.value)).collect();
    format!("{}：{}。", p.title, rows.join("，"))
}

/// Size of an event marker button, CSS px: the 24 px minimum target of WCAG
/// 2.5.8.
const MARKER_W: f64 = 24.0;
/// The least distance between two markers' centres, CSS px: the targets
/// never touch, with 4 px between them.
const MARKER_GAP: f64 = 28.0;

/// The read-out's height to keep clear above a chart, CSS px: a title and
/// three rows at .78rem/1.3 with padding (measured 74 px; rounded up).
const READOUT_H_PX: f64 = 84.0;

/// Whether `h` px above the chart box are in sight: below the sticky bar
/// (when it is stuck at the top) and inside the window or frame.
fn room_above(wrap: Option<web_sys::HtmlDivElement>, h: f64) -> bool {
    let Some(w) = wrap else { return true };
    let top = w.get_bounding_client_rect().top();
    let bar_bottom = document()
        .query_selector(".controlbar")
        .ok()
        .flatten()
        .map(|b| b.get_bounding_client_rect())
        .filter(|r| r.top() <= 1.0)
        .map_or(0.0, |r| r.bottom());
    top - h >= bar_bottom
}
