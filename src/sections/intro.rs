//! The lede's headline facts and the "day in context" timeline.

use super::{Sources, WithData, WithData2};
use crate::charts;
use crate::components::chart::ChartCanvas;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::{Group, SeriesId};
use crate::data::Source;
use crate::figures::answer;
use crate::figures::intro as fig;
use crate::scenario::{DAY, DAY_BEFORE};
use leptos::prelude::*;

/// The answer on the first screen: the finding in one sentence and a compact
/// figure of it, both computed from the synthesis's decomposition at the
/// current settings (so they follow the two sliders just below). During a
/// drag they catch up once the slider rests for a moment (`REST_MS`): rewriting
/// the sentence and twenty bars on every input cost 1–3 ms of the slider's
/// time per input in `make bench`, and nobody reads them mid-drag.
#[component]
pub fn Answer() -> impl IntoView {
    let dv = expect_context::<Derived>();
    let sc = expect_context::<Controls>();
    let d = RwSignal::new(dv.decomposition.get_untracked());
    let timer = leptos_use_timeout_fn::use_timeout_fn(move |()| d.set(dv.decomposition.get_untracked()), REST_MS);
    let (catch_up, stop) = (timer.start, timer.stop);
    Effect::new(move |_| {
        let now = dv.decomposition.get();
        if d.with_untracked(Option::is_none) {
            // The first result shows at once.
            stop();
            d.set(now);
        } else {
            catch_up(());
        }
    });
    let text = move || {
        d.with(|d| {
            d.as_ref().map(|d| {
                let cut = sc.cut_pct.get_untracked();
                dv.basis
                    .with_untracked(|b| answer::headline_parts(d, b.as_ref().and_then(|b| b.stocks_day.as_ref()), cut))
            })
        })
        .unwrap_or_else(|| vec!["Working out the answer from the bundled data…".to_string()])
        .into_iter()
        .map(|t| view! { <p>{t}</p> })
        .collect_view()
    };
    view! {
        <section class="answer" aria-label="The answer in short" data-testid="answer">
            // The horizon on the first screen, so that its Rates bar and
            // section 1's chart (since 6 Nov) never seem to disagree.
            <crate::components::HorizonSwitch name="answer-span" testid="answer-horizon"/>
            <div class="answer-text">{text}</div>
            <div class="answer-figure">
                <AnswerBars asset="Bitcoin" bars=Memo::new(move |_| d.with(|d| d.as_ref().map(|d| (answer::bars(&d.btc), d.btc.actual))))/>
                <AnswerBars asset="S&P 500" bars=Memo::new(move |_| d.with(|d| d.as_ref().map(|d| (answer::bars(&d.spx), d.spx.actual))))/>
            </div>
            <p class="fine">
                {if crate::context::prerendering() {
                    // The static copy's two variants; index.html's script and
                    // style/main.css show one (.link-settings: the link's own).
                    view! {
                        <span class="cue-nolink">{NOTE}</span>
                        <span class="cue-link">"Model outputs at the default settings, not your link’s; in full: "</span>
                    }
                    .into_any()
                } else {
                    NOTE.into_any()
                }}
                <a href="#synthesis">"All at once"</a>"."</p>
        </section>
    }
}

/// The answer's note on whose settings its numbers are.
const NOTE: &str = "Model outputs at your settings; in full: ";

/// How long the first-screen answer waits for a slider to rest.
const REST_MS: f64 = 120.0;

/// One bar row: label, value (percent), CSS class and colour style.
type Row = (&'static str, f64, &'static str, String);

/// One asset's compact bars: each part of its move, what is not explained,
/// and the actual move, on one scale. Rows are keyed by their label, so a
/// change updates widths and numbers, not the list.
#[component]
fn AnswerBars(asset: &'static str, bars: Memo<Option<(Vec<answer::Bar>, f64)>>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        bars.with(|b| {
            b.as_ref().map(|(bars, actual)| {
                let mut rows: Vec<Row> = bars
                    .iter()
                    .map(|b| {
                        let class = if b.colour.is_none() { "bar unexplained" } else { "bar" };
                        let colour =
                            b.colour.map(|c| format!("background: rgb({},{},{});", c.0, c.1, c.2)).unwrap_or_default();
                        (b.label, b.value_pct, class, colour)
                    })
                    .collect();
                rows.push(("Actual", *actual, "bar actual", String::new()));
                rows
            })
        })
        .unwrap_or_default()
    });
    let scale = Memo::new(move |_| rows.with(|r| r.iter().map(|r| r.1.abs()).fold(0.01, f64::max)));
    view! {
        <div class="answer-bars">
            <p class="answer-asset">{asset}</p>
            <ul>
                <For each=move || rows.get() key=|r| r.0 let:row>
                    {
                        let (label, class, colour) = (row.0, row.2, row.3.clone());
                        let value = move || rows.with(|r| r.iter().find(|r| r.0 == label).map_or(0.0, |r| r.1));
                        view! {
                            <li>
                                <span class="bar-label">{label}</span>
                                <span class="bar-track" aria-hidden="true">
                                    <span class=class
                                        style=move || format!("width: {:.1}%; {colour}", value().abs() / scale.get() * 100.0)></span>
                                </span>
                                <span class="bar-value">{move || crate::format::pct_signed(value(), 2)}</span>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}

#[component]
pub fn Lede() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <div class="intro">
        <p class="lede">
            // The day itself is told in the answer just above.
            "This page tests, one at a time, the four causes a widely shared explanation gave for that day, "
            "against the data."
        </p>
        <WithData res=store.markets what="the day's figures" render=move |m| {
            // The day's moves are the ones every section compares with.
            let text = fig::headline(&m);
            let mut sources: Vec<Source> = vec![];
            if let Some(s) = m.series(SeriesId::Sp500) { sources.push(s.source.clone()); }
            sources.extend(m.facts(Group::NasdaqClose).into_iter().filter(|f| f.date == DAY || f.date == DAY_BEFORE).map(|f| f.source.clone()));
            if let Some(s) = m.ohlc.first() { sources.push(s.source.clone()); }
            view! {
                <p class="headline-figures">{text}</p>
                <Sources sources=sources/>
            }
        }/>
        </div>
    }
}

#[component]
pub fn DayInContext() -> impl IntoView {
    let store = expect_context::<DataStore>();
    let dv = expect_context::<Derived>();
    view! {
        <figure class="figure" id="timeline">
            <h2 class="figure-title">"Three months of stocks and Bitcoin"</h2>
            <WithData2 a=store.markets b=store.events what="the price data for the timeline" render=move |m, ev| {
                match fig::chart(&m, &ev) {
                    Err(e) => view! { <p class="error data-error" role="alert">"markets.json cannot be charted: " {e} "."</p> }.into_any(),
                    Ok(chart) => {
                        let text = fig::summary(&chart.timeline, &crate::scenario::nasdaq_obs(&m));
                        let rows = fig::table_rows(&chart.timeline);
                        let mut sources: Vec<Source> = [SeriesId::Sp500, SeriesId::BtcUsd0000utc].into_iter().filter_map(|id| m.series(id)).map(|s| s.source.clone()).collect();
                        sources.extend(m.facts(Group::NasdaqClose).into_iter().map(|f| f.source.clone()));
                        sources.extend(ev.events.iter().map(|e| e.source.clone()));
                        let readout = Signal::stored(chart.readout());
                        // "Together", reconciled with three months apart: follows
                        // the correlation window chosen in section 2.
                        let timeline = chart.timeline.clone();
                        let reconcile = move || dv.inputs.with(|i| fig::reconcile(&timeline, i.and_then(|i| i.calm), i.and_then(|i| i.crisis)));
                        let source_line = crate::figures::source_line(&sources);
                        let draw = move |root: &charts::Canvas, f: charts::Frame| charts::timeline::draw(root, f, &chart);
                        view! {
                            <ChartCanvas draw=draw events=ev.events.clone() open_event="reversal" readout=readout source=source_line
                                label="Line chart: S&P 500 and Bitcoin, rebased to 100 on 2 Sep 2025, through November 2025, with Nasdaq Composite points in November"
                                describedby="timeline-summary" aspect=0.45 min_h=200.0/>
                            <p class="reconcile" data-testid="reconcile">{reconcile}</p>
                            <super::Disclosure summary="How to read this chart" class="how">
                                <p id="timeline-summary">{text}</p>
                                <p class="fine">
                                    "Index: each series' close on 2 Sep 2025 = 100. Bitcoin: Bitstamp price at 00:00 UTC, "
                                    "which is the close of the previous UTC day, plotted on that day. Nasdaq: only the November "
                                    "closes found in the sources (there is no full Nasdaq series here), placed on the S&P 500 "
                                    "line on their first day so their November moves can be compared."
                                </p>
                            </super::Disclosure>
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
