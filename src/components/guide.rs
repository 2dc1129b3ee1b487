//! The reader's guide in the page: terms whose plain definition opens in
//! place, "try this" buttons written into the prose, and the printed glossary.

use crate::context::{Controls, UrlSync};
use crate::guide::try_action;
use leptos::prelude::*;

/// A technical term at its first use: a small button (`data-term`) whose
/// one- or two-sentence definition opens in place, below the line, by click,
/// tap or keyboard focus, and is read out; it pushes the text down rather
/// than covering anything (the controls included). Escape closes it.
#[component]
pub fn Term(slug: &'static str, #[prop(optional)] text: Option<&'static str>) -> impl IntoView {
    let Some(t) = tr!(crate::guide::term(slug), crate::guide::zh::term(slug)) else {
        // A typo in a slug must not break the page: show the words plainly.
        return view! { <span>{text.unwrap_or(slug)}</span> }.into_any();
    };
    let open = RwSignal::new(false);
    let n = next_id();
    let def_id = format!("term-{slug}-{n}");
    view! {
        <button type="button" class="term" id=format!("term-{slug}-{n}-btn") data-term=slug
            aria-expanded=move || open.get().to_string()
            aria-controls=def_id.clone()
            on:click=move |_| open.set(true)
            on:focus=move |_| open.set(true)
            on:blur=move |_| open.set(false)
            on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }
        >{text.unwrap_or(t.term)}</button>
        <span class="term-def" id=def_id role="note" aria-live="polite" hidden=move || !open.get()>
            <strong>{t.term}{tr!(": ", "：")}</strong>{t.definition}
        </span>
    }
    .into_any()
}

/// Unique ids for terms used more than once on the page.
fn next_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// A "try this" action in the prose (`data-try`): sets the controls to a
/// telling scenario and adds a history entry, so the browser's Back button
/// undoes it (a dragged slider still only replaces the entry).
#[component]
pub fn TryIt(id: &'static str) -> impl IntoView {
    let ctl = expect_context::<Controls>();
    let url = expect_context::<UrlSync>();
    let Some(t) = try_action(id) else { return ().into_any() };
    let run = move |_| {
        let next = (t.apply)(&ctl.get_untracked());
        url.push(&next);
        ctl.set(&next);
    };
    let label = tr!(t.label, crate::guide::zh::try_label(id).unwrap_or(t.label));
    view! { <button type="button" class="try" data-try=id on:click=run>{label}</button> }.into_any()
}

/// Every term with its definition, for print (a definition that opens on
/// click cannot open on paper).
#[component]
pub fn Glossary() -> impl IntoView {
    view! {
        <div class="glossary print-only" role="region" aria-label=tr!("Glossary", "术语表")>
            <h2>{tr!("Glossary", "术语表")}</h2>
            <dl>
                {tr!(crate::guide::TERMS, crate::guide::zh::TERMS).iter().map(|t| view! { <dt>{t.term}</dt><dd>{t.definition}</dd> }).collect_view()}
            </dl>
        </div>
    }
}
