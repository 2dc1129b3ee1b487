//! The pieces every section shares: its numbered heading with the embed
//! button, "Show as table", and the Sources disclosure.

use super::embed::EmbedButton;
use super::loading::Later;
use crate::context::{location_search, Permalink, Printing};
use crate::data::Source;
use crate::state::{get_param, Figure, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A section's numbered heading, its "Embed this section" button, and in
/// print the page's permalink (once per section, taken at `beforeprint`).
#[component]
pub fn SectionHead(section: Section) -> impl IntoView {
    let id = section.id();
    let permalink = use_context::<Permalink>().map(|p| p.0);
    view! {
        <h2 id=format!("{id}-h")><span class="num-label">{section.number()}</span>{phrases(section.title())}</h2>
        <EmbedButton section=section/>
        {permalink.map(|p| view! { <p class="print-only permalink">{tr!("Permalink: ", "永久链接：")} {move || p.get()}</p> })}
    }
}

/// A heading's text. A Chinese line may break between any two characters,
/// so a title wraps inside a word on a phone ("股 / 市", "流动 / 性危机");
/// in the Chinese edition each phrase, up to and with its "，" or "：", is
/// kept whole (style/main.css `.phrase`), and the line breaks between them.
pub fn phrases(text: &'static str) -> AnyView {
    if !crate::format::ZH {
        return text.into_any();
    }
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['，', '：']) {
        let end = i + rest[i..].chars().next().map_or(0, char::len_utf8);
        parts.push(&rest[..end]);
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts.into_iter().map(|p| view! { <span class="phrase">{p}</span> }).collect_view().into_any()
}

/// "Show as table": the figure's numbers as a table, toggled by a button and
/// always in the page (print shows it; find-in-page reaches it).
#[component]
pub fn TableToggle(
    #[prop(into)] caption: Signal<String>,
    headers: Vec<&'static str>,
    /// Rows of cells; the first cell is the row's header.
    #[prop(into)]
    rows: Signal<Vec<Vec<String>>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let printing = use_context::<Printing>().map(|p| p.0);
    // The static page's variant: a native disclosure, which works without
    // the app (tools/prerender.mjs serialises it as rendered here).
    let prerender = crate::context::prerendering();
    // A closed table is only filled in when opened or printed, so moving a
    // slider does not rebuild tables nobody is looking at.
    let shown = move || prerender || open.get() || printing.is_some_and(|p| p.get());
    let table = move || {
        view! {
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{move || caption.get()}</caption>
                    <thead><tr>{headers.clone().into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {move || if shown() { rows.get() } else { Vec::new() }.into_iter().map(|r| {
                            let mut cells = r.into_iter();
                            let head = cells.next().unwrap_or_default();
                            view! { <tr><th scope="row">{head}</th>{cells.map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    if prerender {
        return view! {
            <details class="table-alt">
                <summary class="show-table">{tr!("Show as table", "以表格显示")}</summary>
                <div class="data-alt open">{table()}</div>
            </details>
        }
        .into_any();
    }
    view! {
        <button type="button" class="show-table" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|v| *v = !*v)>
            {move || if open.get() { tr!("Hide the table", "隐藏表格") } else { tr!("Show as table", "以表格显示") }}
        </button>
        <div class="data-alt" class:open=move || open.get()>{table()}</div>
    }
    .into_any()
}

/// The "Sources" disclosure: publisher, title, date and link of exactly the
/// figures shown above it (duplicates removed, order kept).
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    let mut seen: Vec<Source> = Vec::new();
    for s in sources {
        if !seen.iter().any(|x| x.url == s.url && x.title == s.title) {
            seen.push(s);
        }
    }
    view! {
        <details class="sources">
            <summary>{tr!("Sources (", "资料来源（")} {seen.len()} {tr!(")", "）")}</summary>
            <ul>
                {seen.into_iter().map(|s| view! {
                    <li>
                        <span class="publisher">{s.publisher.clone()}</span>{tr!(": ", "：")}
                        {if s.url.is_empty() {
                            view! { <span>{s.title.clone()} <span class="nolink">{tr!(" (no link recorded)", "（未记录链接）")}</span></span> }.into_any()
                        } else {
                            view! { <a href=s.url.clone() rel="noopener noreferrer" target="_blank">{s.title.clone()}</a> }.into_any()
                        }}
                        {s.date.clone().map(|d| tr!(format!(" ({d})"), format!("（{}）", crate::format::zh::long_date(&d))))}
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
}

/// Depth on demand: a native `<details>` ("Adjust the model", "More: …",
/// "How is this computed?"), closed at first so the reading path stays one
/// idea per step, and working without WebAssembly in the static page.
///
/// It opens by itself when `open_when` turns true (a link or a try-action
/// sets one of its controls off its default: what the reader asked to see
/// must not stay folded away), in a figure embed (`embed=…&fig=…`: the
/// embed hides everything but the figure and its controls, which may sit
/// in here), and while printing (every disclosure opens on `beforeprint` and
/// goes back as it was on `afterprint`). Its content is laid out even while
/// closed (`details.disclose` in the stylesheet), so opening it moves
/// nothing; a chart inside draws as it opens (charts draw only near the
/// viewport, `ChartCanvas`), and every chart draws for printing.
#[component]
pub fn Disclosure(
    /// The words of the `<summary>`.
    summary: &'static str,
    /// Extra classes (e.g. "adjust", "how").
    #[prop(optional)]
    class: &'static str,
    /// Open when this turns true.
    #[prop(optional, into)]
    open_when: Option<Signal<bool>>,
    /// A test id for the `<details>`.
    #[prop(optional)]
    testid: &'static str,
    /// Render the content in a task after the one that renders the rest
    /// (`Later`): a section's "Go deeper", so that building a section is two
    /// tasks, not one long one. Not in a figure embed, which picks what it
    /// keeps from the section as built (`keep_only_figure`).
    #[prop(optional)]
    later: bool,
    children: Children,
) -> impl IntoView {
    let search = location_search();
    // A figure embed of a figure the section has (an unknown one shows the whole section).
    let figure_embed = get_param(&search, "embed")
        .and_then(|e| Section::from_id(&e))
        .zip(get_param(&search, "fig"))
        .is_some_and(|(section, fig)| Figure::find(section, &fig).is_some());
    let open = RwSignal::new(figure_embed);
    let node = NodeRef::<leptos::html::Details>::new();
    if let Some(when) = open_when {
        Effect::new(move |_| {
            if when.get() {
                open.set(true);
                // A disclosure inside another ("More: …" inside "Go
                // deeper") shows only when its parents open too; their own
                // `toggle` handlers keep their signals in step.
                let mut up = node.get_untracked().and_then(|d| d.parent_element());
                while let Some(el) = up {
                    if let Ok(d) = el.clone().dyn_into::<web_sys::HtmlDetailsElement>() {
                        d.set_open(true);
                    }
                    up = el.parent_element();
                }
            }
        });
    }
    if let Some(printing) = use_context::<Printing>().map(|p| p.0) {
        let before = StoredValue::new(false);
        Effect::watch(
            move || printing.get(),
            // Immediate: a section built by printing (lazily built sections
            // are built on beforeprint) opens its disclosures from the start.
            move |now, prev, _| {
                if *now {
                    // The element's own state: a reader's click just before
                    // printing has opened it, but its `toggle` event (queued,
                    // not synchronous) may not have reached the signal yet.
                    let shown = node.get_untracked().map_or_else(|| open.get_untracked(), |d| d.open());
                    before.set_value(shown);
                    open.set(true);
                } else if prev.is_some() {
                    open.set(before.get_value());
                }
            },
            true,
        );
    }
    let class = if class.is_empty() { "disclose".to_string() } else { format!("disclose {class}") };
    view! {
        <details class=class node_ref=node data-testid=(!testid.is_empty()).then_some(testid)
            prop:open=move || open.get()
            // The reader's own toggles, kept in the signal so print can restore them.
            on:toggle=move |_| if let Some(d) = node.get_untracked() { open.set(d.open()) }>
            <summary>{summary}</summary>
            <div class="disclose-body">{if later && !figure_embed { view! { <Later>{children()}</Later> }.into_any() } else { children() }}</div>
        </details>
    }
}
