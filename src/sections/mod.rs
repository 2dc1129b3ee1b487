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

use crate::state::Section;
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
