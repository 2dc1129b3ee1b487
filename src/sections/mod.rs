//! One file per section of the explanation, plus the masthead's lede and the
//! appendix. The widgets they share are in [`crate::components`].

pub mod appendix;
pub mod intro;
pub mod liquidations;
pub mod liquidity;
pub mod rates;
pub mod synthesis;
pub mod tariffs;

pub use crate::components::{Disclosure, SectionHead, Sources, TableToggle, WithAll, WithData, WithData2};
pub use crate::format::long_date;

use crate::context::{window_function, LazySections};
use crate::state::Section;
use leptos::either::Either;
use leptos::prelude::*;

/// The view of one of the five sections.
pub fn view_of(section: Section) -> AnyView {
    match section {
        Section::Rates => view! { <rates::Rates/> }.into_any(),
        Section::Tariffs => view! { <tariffs::Tariffs/> }.into_any(),
        Section::Liquidity => view! { <liquidity::Liquidity/> }.into_any(),
        Section::Liquidations => view! { <liquidations::Liquidations/> }.into_any(),
        Section::Synthesis => view! { <synthesis::Synthesis/> }.into_any(),
    }
}

/// One of the five sections as the full page shows it (content first, issue
/// 17): where the pre-rendered page has a copy of the section, that copy
/// stands in for it (marked `data-static`, its controls shown as not working
/// yet) until [`LazySections`] builds the section: near the viewport, when
/// the browser is idle, or for printing. Without a copy (a development build,
/// or the prerender itself) the section is built at once.
///
/// The copy is the static page's own element, never cloned or re-parsed: in
/// the app's tree an empty `<template data-stand-in>` marks its place, and
/// when the app takes over, `selloffTakeOver` (public/fallback.js) moves the
/// copy in before that mark.
pub fn lazy_view_of(section: Section) -> AnyView {
    lazy_part(section.id(), move || view_of(section))
}

/// Any part of the page whose root element has the id `id`, built lazily as
/// [`lazy_view_of`] builds a section (the appendix's tables, for example).
pub fn lazy_part(id: &'static str, view: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    let Some(lazy) = use_context::<LazySections>() else { return view() };
    let Some(copy) = document().get_element_by_id(id).filter(in_static_page) else { return view() };
    let _ = copy.set_attribute("data-static", "");
    let built = lazy.register(id);
    (move || {
        if built.get() {
            // The copy leaves as the part arrives, in the same task (so the
            // id is never on the page twice); a copy still inside the static
            // page goes with it when the app takes over.
            let copy = document().get_element_by_id(id).filter(|el| el.has_attribute("data-static"));
            if let Some(copy) = copy.filter(|el| !in_static_page(el)) {
                carry_open(&copy);
                copy.remove();
            }
            Either::Left(view())
        } else {
            Either::Right(view! { <template data-stand-in=id></template> })
        }
    })
    .into_any()
}

fn in_static_page(el: &web_sys::Element) -> bool {
    el.closest("#static-page").ok().flatten().is_some()
}

/// A disclosure the reader opened or closed in the copy stays so in the built
/// part (`selloffCarryOpen` in public/fallback.js; without that script the
/// part is built with its disclosures as at the defaults).
fn carry_open(copy: &web_sys::Element) {
    if let Some(carry) = window_function("selloffCarryOpen") {
        let _ = carry.call1(&window(), copy);
    }
}
