//! The lede's headline facts and the "day in context" timeline.

use super::{Sources, WithData, WithData2};
use crate::charts;
use crate::components::chart::ChartCanvas;
use crate::context::DataStore;
use crate::data::Source;
use crate::figures::intro as fig;
use crate::scenario::DAY;
use leptos::prelude::*;

#[component]
pub fn Lede() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <p class="lede">
            "On Thursday 20 November 2025, a day after Nvidia's strong results, US stocks opened higher and then "
            "fell hard, and Bitcoin fell with them. This page takes the four causes a widely shared "
            "explanation gave for that day, and lets you test each one against the data."
        </p>
        <WithData res=store.markets what="the day's figures" render=move |m| {
            // The day's moves are the ones every section compares with.
            let text = fig::headline(&m);
            let mut sources: Vec<Source> = vec![];
            if let Some(s) = m.series("sp500") { sources.push(s.source.clone()); }
            sources.extend(m.facts("nasdaq_close").into_iter().filter(|f| f.date == DAY || f.date == "2025-11-19").map(|f| f.source.clone()));
            if let Some(s) = m.ohlc.first() { sources.push(s.source.clone()); }
            view! {
                <p class="headline-figures">{text}</p>
                <Sources sources=sources/>
            }
        }/>
    }
}

#[component]
pub fn DayInContext() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <figure class="figure" id="timeline">
            <h2 class="figure-title">"Three months of stocks and Bitcoin"</h2>
            <WithData2 a=store.markets b=store.events what="the price data for the timeline" render=move |m, ev| {
                match fig::chart(&m, &ev) {
                    Err(e) => view! { <p class="error data-error" role="alert">"markets.json cannot be charted: " {e} "."</p> }.into_any(),
                    Ok(chart) => {
                        let text = fig::summary(&chart.timeline, &crate::scenario::nasdaq_obs(&m));
                        let rows = fig::table_rows(&chart.timeline);
                        let mut sources: Vec<Source> = ["sp500", "btc_usd_0000utc"].iter().filter_map(|id| m.series(id)).map(|s| s.source.clone()).collect();
                        sources.extend(m.facts("nasdaq_close").into_iter().map(|f| f.source.clone()));
                        sources.extend(ev.events.iter().map(|e| e.source.clone()));
                        let readout = Signal::stored(chart.readout());
                        let source_line = crate::figures::source_line(&sources);
                        let draw = move |root: &charts::Canvas, f: charts::Frame| charts::timeline::draw(root, f, &chart);
                        view! {
                            <ChartCanvas draw=draw events=ev.events.clone() open_event="reversal" readout=readout source=source_line
                                label="Line chart: S&P 500 and Bitcoin, rebased to 100 on 2 Sep 2025, through November 2025, with Nasdaq Composite points in November"
                                describedby="timeline-summary" aspect=0.45/>
                            <figcaption id="timeline-summary">{text}</figcaption>
                            <p class="fine">
                                "Index: each series' close on 2 Sep 2025 = 100. Bitcoin: Bitstamp price at 00:00 UTC, "
                                "which is the close of the previous UTC day, plotted on that day. Nasdaq: only the November "
                                "closes found in the sources (there is no full Nasdaq series here), placed on the S&P 500 "
                                "line on their first day so their November moves can be compared."
                            </p>
                            <super::TableToggle
                                caption="The timeline's values: each series rebased to 100 on 2 Sep 2025 (Nasdaq: November points only)".to_string()
                                headers=vec!["Date", "S&P 500", "Bitcoin", "Nasdaq"]
                                rows=Signal::stored(rows)/>
                            <Sources sources=sources/>
                        }.into_any()
                    }
                }
            }/>
        </figure>
    }
}
