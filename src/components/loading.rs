//! Showing a section once its data files have loaded, or saying which file
//! failed and why.

use crate::context::DataResult;
use crate::data::DataFile;
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

fn loaded(
    res: Vec<LocalResource<DataResult>>,
    what: &'static str,
    render: Arc<dyn Fn(Vec<DataFile>) -> AnyView + Send + Sync>,
) -> AnyView {
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
pub fn WithData2<F, V>(
    a: LocalResource<DataResult>,
    b: LocalResource<DataResult>,
    what: &'static str,
    render: F,
) -> impl IntoView
where
    F: Fn(DataFile, DataFile) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    loaded(
        vec![a, b],
        what,
        Arc::new(move |mut f: Vec<DataFile>| {
            let second = f.remove(1);
            render(f.remove(0), second).into_any()
        }),
    )
}
