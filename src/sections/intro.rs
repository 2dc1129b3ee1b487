//! The lede's headline facts and the "day in context" timeline.

use super::{Sources, WithData, WithData2};
use crate::context::DataStore;
use crate::charts::{self, ChartCanvas};
use crate::data::{DataFile, Source};
use crate::format::{pct_signed, usd};
use crate::model::date::{constant as d, Date};
use crate::model::series::Obs;
use crate::model::timeline::{self, Timeline};
use leptos::prelude::*;

const BASE: &str = "2025-09-02";
const END: &str = "2025-11-30";
const DAY: &str = "2025-11-20";



/// The Binance bar of `date`: (open, high, low, close).
fn btc_bar(doc: &DataFile, date: &str) -> Option<(f64, f64, f64, f64)> {
    let s = doc.ohlc.iter().find(|s| s.id == "btc_usdt_binance")?;
    s.bars.iter().find(|b| b.0 == date).map(|b| (b.1, b.2, b.3, b.4))
}

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
            let moves = crate::scenario::actual_moves(&m);
            let sp_close = m.obs("sp500").unwrap_or_default().iter().find(|o| o.date == d(DAY)).map(|o| o.value);
            let sp_line = moves.spx.zip(sp_close).map(|(mv, close)| {
                format!("The S&P 500 closed {} at {}", pct_signed(mv, 2), crate::format::grouped(close, 2))
            });
            let nq_line = moves.nasdaq.map(|mv| format!("the Nasdaq Composite {}", pct_signed(mv, 2)));
            let btc_line = btc_bar(&m, DAY).map(|(_, _, low, _)| {
                let next = btc_bar(&m, "2025-11-21").map(|b| format!(", and {} the next day", usd(b.2, 0))).unwrap_or_default();
                format!("Bitcoin traded as low as {}{next}", usd(low, 0))
            });
            let first = [sp_line, nq_line].into_iter().flatten().collect::<Vec<_>>().join(" and ");
            let text = match btc_line {
                Some(b) => format!("{first}; {b} (UTC days, Binance)."),
                None => format!("{first}."),
            };
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

/// The one-sentence summary of the timeline, computed from the data.
fn summary(t: &Timeline, nasdaq: &[Obs]) -> String {
    let m = timeline::moves(t, nasdaq, d(DAY));
    let f = |v: Option<f64>| v.map(|x| pct_signed(x, 2)).unwrap_or_else(|| "(no data)".into());
    format!(
        "From {} to the close of 20 Nov the S&P 500 moved {} and Bitcoin {}. \
         On 20 Nov itself the S&P 500 moved {}, the Nasdaq Composite {} and Bitcoin {} (UTC day).",
        t.base.long(),
        f(m.sp500_since_base),
        f(m.btc_since_base),
        f(m.sp500_day),
        f(m.nasdaq_day),
        f(m.btc_day),
    )
}

/// One row per day with any value in the window; a missing value is a dash,
/// never filled in.
fn table_rows(t: &Timeline) -> Vec<Vec<String>> {
    let (start, end) = (d(BASE), d(END));
    let mut days: Vec<Date> = t.sp500.iter().chain(&t.btc).chain(&t.nasdaq).map(|o| o.date).filter(|x| *x >= start && *x <= end).collect();
    days.sort();
    days.dedup();
    let cell = |s: &[Obs], day: Date| crate::model::series::value_on(s, day).map(|v| crate::format::grouped(v, 1)).unwrap_or_else(|| "–".into());
    days.into_iter().map(|day| vec![day.long(), cell(&t.sp500, day), cell(&t.btc, day), cell(&t.nasdaq, day)]).collect()
}

#[component]
pub fn DayInContext() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <figure class="figure" id="timeline">
            <h2 class="figure-title">"Three months of stocks and Bitcoin"</h2>
            <WithData2 a=store.markets b=store.events what="the price data for the timeline" render=move |m, ev| {
                let sp = m.obs("sp500").unwrap_or_default();
                let btc = m.obs("btc_usd_0000utc").unwrap_or_default();
                let nq = crate::scenario::nasdaq_obs(&m);
                match timeline::build(&sp, &btc, &nq, d(BASE)) {
                    Err(e) => view! { <p class="error data-error" role="alert">"markets.json cannot be charted: " {e} "."</p> }.into_any(),
                    Ok(t) => {
                        let text = summary(&t, &nq);
                        let event_days: Vec<Date> = ev.events.iter().filter_map(|e| Date::parse(&e.date)).collect();
                        let mut sources: Vec<Source> = ["sp500", "btc_usd_0000utc"].iter().filter_map(|id| m.series(id)).map(|s| s.source.clone()).collect();
                        sources.extend(m.facts("nasdaq_close").into_iter().map(|f| f.source.clone()));
                        sources.extend(ev.events.iter().map(|e| e.source.clone()));
                        let t2 = t.clone();
                        let draw = move |c: &web_sys::HtmlCanvasElement, f: charts::Frame| {
                            charts::timeline::draw(c, f, &t2, d(END), &event_days)
                        };
                        view! {
                            <ChartCanvas draw=draw events=ev.events.clone() open_event="reversal"
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
                                rows=Signal::stored(table_rows(&t))/>
                            <Sources sources=sources/>
                        }.into_any()
                    }
                }
            }/>
        </figure>
    }
}
