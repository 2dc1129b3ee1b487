//! The lede's headline facts and the "day in context" timeline.

use super::{Sources, WithData, WithData2};
use crate::charts;
use crate::components::chart::ChartCanvas;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::{Group, SeriesId};
use crate::data::Source;
use crate::figures::answer;
use crate::figures::intro as fig;
#[cfg(feature = "zh")]
use crate::format::zh::term;
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
                dv.basis.with_untracked(|b| {
                    let day = b.as_ref().and_then(|b| b.stocks_day.as_ref());
                    tr!(answer::headline_parts(d, day, cut), answer::zh::headline_parts(d, day, cut))
                })
            })
        })
        .unwrap_or_else(|| {
            vec![tr!("Working out the answer from the bundled data…", "正在根据随附数据计算答案…").to_string()]
        })
        .into_iter()
        .map(|t| view! { <p>{t}</p> })
        .collect_view()
    };
    view! {
        <section class="answer" aria-label={tr!("The answer in short", "答案速览")} data-testid="answer">
            // The horizon on the first screen, so that its Rates bar and
            // section 1's chart (since 6 Nov) never seem to disagree.
            <crate::components::HorizonSwitch name="answer-span" testid="answer-horizon"/>
            <div class="answer-text">{text}</div>
            <div class="answer-figure">
                <AnswerBars asset={tr!("Bitcoin", term::BITCOIN)} bars=Memo::new(move |_| d.with(|d| d.as_ref().map(|d| (tr!(answer::bars(&d.btc), answer::zh::bars(&d.btc)), d.btc.actual))))/>
                <AnswerBars asset={tr!("S&P 500", term::SPX)} bars=Memo::new(move |_| d.with(|d| d.as_ref().map(|d| (tr!(answer::bars(&d.spx), answer::zh::bars(&d.spx)), d.spx.actual))))/>
            </div>
            <p class="fine">
                {if crate::context::prerendering() {
                    // The static copy's two variants; index.html's script and
                    // style/main.css show one (.link-settings: the link's own).
                    view! {
                        <span class="cue-nolink">{NOTE}</span>
                        <span class="cue-link">{tr!("Model outputs at the default settings, not your link’s; in full: ", "以上为按默认设定（而非你链接中的设定）得出的模型输出，完整拆解见“")}</span>
                    }
                    .into_any()
                } else {
                    NOTE.into_any()
                }}
                <a href="#synthesis">{tr!("All at once", "多重冲击共振")}</a>{tr!(".", "”一节。")}</p>
        </section>
    }
}

/// The answer's note on whose settings its numbers are.
const NOTE: &str = tr!("Model outputs at your settings; in full: ", "以上为当前设定下的模型输出，完整拆解见“");

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
                rows.push((tr!("Actual", term::ACTUAL), *actual, "bar actual", String::new()));
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
            {tr!(
                "This page tests, one at a time, the four causes a widely shared explanation gave for that day, against the data.",
                "一种广为流传的说法（下称“原文”）将当天的下跌归结为四个原因，本页用数据逐一加以检验。"
            )}
        </p>
        <WithData res=store.markets what={tr!("the day's figures", "当日数据")} render=move |m| {
            // The day's moves are the ones every section compares with.
            let text = tr!(fig::headline(&m), fig::zh::headline(&m));
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
            <h2 class="figure-title">{tr!("Three months of stocks and Bitcoin", "三个月来的美股与比特币走势")}</h2>
            <WithData2 a=store.markets b=store.events what={tr!("the price data for the timeline", "时间线所用的价格数据")} render=move |m, ev| {
                match fig::chart(&m, &ev) {
                    Err(e) => view! { <p class="error data-error" role="alert">{tr!("markets.json cannot be charted: ", "无法根据markets.json绘制图表：")} {e} {tr!(".", "。")}</p> }.into_any(),
                    Ok(chart) => {
                        let nasdaq = crate::scenario::nasdaq_obs(&m);
                        let text = tr!(fig::summary(&chart.timeline, &nasdaq), fig::zh::summary(&chart.timeline, &nasdaq));
                        let rows = fig::table_rows(&chart.timeline);
                        let mut sources: Vec<Source> = [SeriesId::Sp500, SeriesId::BtcUsd0000utc].into_iter().filter_map(|id| m.series(id)).map(|s| s.source.clone()).collect();
                        sources.extend(m.facts(Group::NasdaqClose).into_iter().map(|f| f.source.clone()));
                        sources.extend(ev.events.iter().map(|e| e.source.clone()));
                        let readout = Signal::stored(chart.readout());
                        // "Together", reconciled with three months apart: follows
                        // the correlation window chosen in section 2.
                        let timeline = chart.timeline.clone();
                        let reconcile = move || {
                            dv.inputs.with(|i| {
                                let (calm, crisis) = (i.and_then(|i| i.calm), i.and_then(|i| i.crisis));
                                tr!(fig::reconcile(&timeline, calm, crisis), fig::zh::reconcile(&timeline, calm, crisis))
                            })
                        };
                        let source_line = crate::figures::source_line(&sources);
                        let draw = move |root: &charts::Canvas, f: charts::Frame| charts::timeline::draw(root, f, &chart);
                        view! {
                            <ChartCanvas draw=draw events=ev.events.clone() open_event="reversal" readout=readout source=source_line
                                label={tr!(
                                    "Line chart: S&P 500 and Bitcoin, rebased to 100 on 2 Sep 2025, through November 2025, with Nasdaq Composite points in November",
                                    "折线图：标普500指数与比特币，以2025年9月2日为100，至2025年11月，并标出纳斯达克综合指数11月的数据点"
                                )}
                                describedby="timeline-summary" aspect=0.45 min_h=200.0/>
                            <p class="reconcile" data-testid="reconcile">{reconcile}</p>
                            <super::Disclosure summary={tr!("How to read this chart", "如何解读本图")} class="how">
                                <p id="timeline-summary">{text}</p>
                                <p class="fine">
                                    {tr!(
                                        "Index: each series' close on 2 Sep 2025 = 100. Bitcoin: Bitstamp price at 00:00 UTC, \
                                         which is the close of the previous UTC day, plotted on that day. Nasdaq: only the November \
                                         closes found in the sources (there is no full Nasdaq series here), placed on the S&P 500 \
                                         line on their first day so their November moves can be compared.",
                                        "指数化：各序列以2025年9月2日的收盘价为100。比特币：取Bitstamp在UTC时间00:00的价格，\
                                         即前一个UTC日的收盘价，标在当日。纳斯达克综合指数：仅有来源中查到的11月收盘价\
                                         （本页没有完整的纳斯达克综合指数序列），其首个数据点置于标普500指数曲线上，\
                                         以便比较两者在11月的走势。"
                                    )}
                                </p>
                            </super::Disclosure>
                            <super::TableToggle
                                caption={tr!(
                                    "The timeline's values: each series rebased to 100 on 2 Sep 2025 (Nasdaq: November points only)",
                                    "时间线数据：各序列以2025年9月2日为100（纳斯达克综合指数仅有11月数据点）"
                                ).to_string()}
                                headers={tr!(vec!["Date", "S&P 500", "Bitcoin", "Nasdaq"], vec!["日期", term::SPX_INDEX, term::BITCOIN, term::NASDAQ])}
                                rows=Signal::stored(rows)/>
                            <Sources sources=sources/>
                        }.into_any()
                    }
                }
            }/>
        </figure>
    }
}
