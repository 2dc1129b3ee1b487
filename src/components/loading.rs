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
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(view! { "Loading " {what} "…" }.into_any(), view! { "正在加载" {what} "…" }.into_any())}</p> }>
            {move || gather(&res).map(|r| match r {
                Ok(files) => render(files),
                Err(e) => view! {
                    <p class="error data-error" role="alert">{tr!(
                        view! { {e.to_string()} " The rest of the page still works." }.into_any(),
                        view! { {e.to_string()} "页面其余部分仍可正常使用。" }.into_any()
                    )}</p>
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

thread_local! {
    /// How many [`Later`] parts are still waiting for their task.
    static LATER_PENDING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether a [`Later`] part has not been rendered yet (the app takes over
/// from the static page only once none is left).
pub fn later_pending() -> bool {
    LATER_PENDING.with(|n| n.get() > 0)
}

/// Its children, rendered in a task of their own after the one that renders
/// the rest (a zero timeout: timeouts of equal delay run in the order they
/// were set, each as its own task), or at once for printing. Issue 27: the
/// app's first render was one 169 ms task on the phone profile (64 ms of it
/// building the page's DOM), and building a section one of 60–76 ms; the
/// first screen now renders first and the parts below it follow, and a
/// section's "Go deeper" follows the section.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    let shown = RwSignal::new(false);
    LATER_PENDING.with(|n| n.set(n.get() + 1));
    let done = move || {
        if !shown.get_untracked() {
            crate::context::bench_mark("selloff:later");
            shown.set(true);
            LATER_PENDING.with(|n| n.set(n.get().saturating_sub(1)));
        }
    };
    set_timeout(done, std::time::Duration::ZERO);
    if let Some(printing) = use_context::<crate::context::Printing>().map(|p| p.0) {
        Effect::new(move |_| {
            if printing.get() {
                done();
            }
        });
    }
    // `shown` turns true once and never back, so the children are taken once.
    let children = StoredValue::new_local(Some(children));
    move || shown.get().then(|| children.try_update_value(Option::take).flatten().map(|c| c()))
}
