//! One file per section of the explanation, plus the pieces they share:
//! loading a data file with its error state, and the Sources disclosure.

pub mod appendix;
pub mod embed;
pub mod intro;
pub mod liquidations;
pub mod liquidity;
pub mod rates;
pub mod synthesis;
pub mod tariffs;

use crate::app::DataResult;
use crate::data::{DataFile, Source};
use leptos::prelude::*;
use std::sync::Arc;

/// All of `res` loaded: `Some(Ok(files))`; any failed: `Some(Err(first error))`;
/// still loading: `None`. Reading the resources subscribes to them.
fn gather(res: &[LocalResource<DataResult>]) -> Option<Result<Vec<DataFile>, crate::data::DataError>> {
    let mut files = Vec::with_capacity(res.len());
    let mut pending = false;
    for r in res {
        match r.get() {
            Some(Ok(doc)) => files.push(doc),
            Some(Err(e)) => return Some(Err(e)),
            None => pending = true,
        }
    }
    (!pending).then_some(Ok(files))
}

/// Render `render(files)` once every file in `res` has loaded; while loading
/// say so, and if a file failed, show which file and why. Other sections are
/// unaffected.
#[component]
pub fn WithAll<F, V>(res: Vec<LocalResource<DataResult>>, what: &'static str, render: F) -> impl IntoView
where
    F: Fn(Vec<DataFile>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // The loading, error and Suspense plumbing is compiled once, not once per
    // use: only the boxed render function differs between call sites (this
    // keeps the shipped wasm smaller).
    loaded(res, what, Arc::new(move |files| render(files).into_any()))
}

fn loaded(res: Vec<LocalResource<DataResult>>, what: &'static str, render: Arc<dyn Fn(Vec<DataFile>) -> AnyView + Send + Sync>) -> AnyView {
    view! {
        <Suspense fallback=move || view! { <p class="loading" role="status">"Loading " {what} "…"</p> }>
            {move || gather(&res).map(|r| match r {
                Ok(files) => render(files),
                Err(e) => view! {
                    <p class="error data-error" role="alert">{e.to_string()} " The rest of the page still works."</p>
                }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}

/// [`WithAll`] for one file.
#[component]
pub fn WithData<F, V>(res: LocalResource<DataResult>, what: &'static str, render: F) -> impl IntoView
where
    F: Fn(DataFile) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    loaded(vec![res], what, Arc::new(move |mut f: Vec<DataFile>| render(f.remove(0)).into_any()))
}

/// [`WithAll`] for two files.
#[component]
pub fn WithData2<F, V>(a: LocalResource<DataResult>, b: LocalResource<DataResult>, what: &'static str, render: F) -> impl IntoView
where
    F: Fn(DataFile, DataFile) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    loaded(vec![a, b], what, Arc::new(move |mut f: Vec<DataFile>| {
        let second = f.remove(1);
        render(f.remove(0), second).into_any()
    }))
}

/// A section's numbered heading and its "Embed this section" button.
#[component]
pub fn SectionHead(id: &'static str, n: u8, title: &'static str) -> impl IntoView {
    view! {
        <h2 id=format!("{id}-h")><span class="num-label">{n}</span>{title}</h2>
        <embed::EmbedButton section=id title=title/>
    }
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
    let printing = use_context::<crate::app::Printing>().map(|p| p.0);
    // A closed table is only filled in when opened or printed, so moving a
    // slider does not rebuild tables nobody is looking at.
    let shown = move || open.get() || printing.is_some_and(|p| p.get());
    view! {
        <button type="button" class="show-table" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|v| *v = !*v)>
            {move || if open.get() { "Hide the table" } else { "Show as table" }}
        </button>
        <div class="data-alt" class:open=move || open.get()>
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{move || caption.get()}</caption>
                    <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {move || if shown() { rows.get() } else { Vec::new() }.into_iter().map(|r| {
                            let mut cells = r.into_iter();
                            let head = cells.next().unwrap_or_default();
                            view! { <tr><th scope="row">{head}</th>{cells.map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
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
            <summary>"Sources (" {seen.len()} ")"</summary>
            <ul>
                {seen.into_iter().map(|s| view! {
                    <li>
                        <span class="publisher">{s.publisher.clone()}</span>": "
                        {if s.url.is_empty() {
                            view! { <span>{s.title.clone()} <span class="nolink">" (no link recorded)"</span></span> }.into_any()
                        } else {
                            view! { <a href=s.url.clone() rel="noopener noreferrer" target="_blank">{s.title.clone()}</a> }.into_any()
                        }}
                        {s.date.clone().map(|d| format!(" ({d})"))}
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
}

/// Dates as the page writes them (shared with `figures`).
pub use crate::figures::long_date;
