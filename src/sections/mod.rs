//! One file per section of the explanation, plus the masthead's lede and the
//! appendix. The widgets they share are in [`crate::components`].

pub mod appendix;
pub mod intro;
pub mod liquidations;
pub mod liquidity;
pub mod rates;
pub mod synthesis;
pub mod tariffs;

pub use crate::components::{SectionHead, Sources, TableToggle, WithAll, WithData, WithData2};
pub use crate::format::long_date;

use crate::context::LazySections;
use crate::state::Section;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::tachys::html::InertElement;

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
/// stands in (marked `data-static`, its controls shown as not working yet)
/// until [`LazySections`] builds the section, near the viewport, when the
/// browser is idle, or for printing. Without a copy (a development build, or
/// the prerender itself) the section is built at once.
pub fn lazy_view_of(section: Section) -> AnyView {
    let Some(lazy) = use_context::<LazySections>() else { return view_of(section) };
    let id = section.id();
    let stand_in = document()
        .get_element_by_id(id)
        .filter(|el| el.closest("#static-page").ok().flatten().is_some())
        .map(|el| el.outer_html().replacen("<section", "<section data-static=\"\"", 1));
    let Some(html) = stand_in else { return view_of(section) };
    let built = lazy.register(id);
    (move || {
        if built.get() {
            Either::Left(view_of(section))
        } else {
            Either::Right(InertElement::new(html.clone()))
        }
    })
    .into_any()
}
