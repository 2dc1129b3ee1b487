//! A chart's HTML legend.

use crate::charts::palette::Palette;
use crate::context::DarkCharts;
use leptos::prelude::*;
use plotters::style::RGBColor;

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
