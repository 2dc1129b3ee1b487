//! The synthesis: the "late-cycle liquidity crisis" and the key levels.

use super::{Sources, WithData, WithData2};
use crate::charts;
use crate::components::chart::ChartCanvas;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::SeriesId;
use crate::data::Source;
use crate::figures::synthesis::{self as fig, verdict, BTC_TITLE, LEVELS, SPX_TITLE};
use crate::state::Section;
use leptos::prelude::*;

/// The causes decomposed on one horizon: the waterfalls for Bitcoin and the
/// S&P 500 with their ranges and "not explained" bars, and the key levels.
#[component]
fn Stacked() -> impl IntoView {
    let dv = expect_context::<Derived>();
    let sc = expect_context::<Controls>();
    let dec = dv.decomposition;
    let btc = Memo::new(move |_| dec.with(|d| d.as_deref().map(|d| fig::waterfall(&d.btc))));
    let spx = Memo::new(move |_| dec.with(|d| d.as_deref().map(|d| fig::waterfall(&d.spx))));
    // The key levels are where the day's liquidations end, never a
    // hypothetical start (section 4's cascade).
    let level_rows = Memo::new(move |_| dec.with(|d| d.as_deref().map(|d| fig::level_rows(d.cascade.final_price))));
    let sentences = Memo::new(move |_| {
        dec.with(|d| d.as_deref().map(|d| fig::cause_sentences(d, sc.cut_pct.get())).unwrap_or_default())
    });
    let span = move || sc.span.get();
    let spx_sentence = move || dec.with(|d| d.as_deref().map(fig::sentence_spx));
    view! {
        <crate::components::HorizonSwitch name="span" testid="synthesis-span"/>
        <p class="fine" data-testid="synthesis-horizon">{move || format!("Bars: {}.", span().short())}</p>
        // Why stocks fell first (the AI/tech reversal), then how the fall
        // reached Bitcoin.
        <figure class="figure" id="waterfall-spx">
            <ChartCanvas embed="waterfall-spx" draw=move |root: &charts::Canvas, f| match spx.get() {
                    Some(s) => charts::waterfall::draw(root, f, &s),
                    None => Err("the model needs markets.json and rates.json".into()),
                }
                title=SPX_TITLE source=crate::figures::MODEL_SOURCE
                readout=Signal::derive(move || spx.with(|s| s.as_ref().map(|s| charts::waterfall::readout(s)).unwrap_or_default()))
                label="Waterfall chart: the S&P 500's move split into the AI/tech reversal, the rate and contagion models' parts, what is not explained, and the actual move"
                describedby="synthesis-spx-summary" aspect=0.62 min_h=210.0 max_h=360.0/>
            <figcaption id="synthesis-spx-summary" data-testid="synthesis-spx">{spx_sentence}</figcaption>
        </figure>
        <figure class="figure" id="waterfall-btc">
            <ChartCanvas embed="waterfall-btc" draw=move |root: &charts::Canvas, f| match btc.get() {
                    Some(b) => charts::waterfall::draw(root, f, &b),
                    None => Err("the model needs markets.json and rates.json".into()),
                }
                title=BTC_TITLE source=crate::figures::MODEL_SOURCE
                readout=Signal::derive(move || btc.with(|b| b.as_ref().map(|b| charts::waterfall::readout(b)).unwrap_or_default()))
                label="Waterfall chart: each cause's contribution to Bitcoin's move with its range, what is not explained, and the actual move"
                describedby="synthesis-summary" aspect=0.62 min_h=210.0 max_h=360.0/>
        </figure>
        // The sentence is outside the figure so a figure embed stays about one
        // screen tall (its chart has the same numbers, and a read-out).
        <ul class="wf-sentence cause-sentences" id="synthesis-summary" data-testid="synthesis-live">
            // "Cause: sentence": the cause's name set in bold.
            {move || sentences.get().into_iter().map(|t| {
                let (lead, rest) = t.split_once(": ").map_or((String::new(), t.clone()), |(a, b)| (format!("{a}: "), b.to_string()));
                view! { <li><strong>{lead}</strong>{rest}</li> }
            }).collect_view()}
        </ul>
        <super::TableToggle
            caption=Signal::derive(move || format!("Each cause's contribution over {}, percent, with its range (model outputs and the measured tech part; what reaches Bitcoin through stocks marked), what is not explained and the actual move", span().name()))
            headers=vec!["", "Bitcoin", "S&P 500"]
            rows=Signal::derive(move || dec.with(|d| d.as_deref().map(fig::contribution_rows).unwrap_or_default()))/>
        <super::Disclosure summary="How is this computed?" class="how">
            <p>
                "The S&P 500: r = w·(r_IT − r_rest) + r_rest, an identity of weighted returns. w is information technology's "
                "weight (34.6%, the nearest dated table, 28 Nov), r_IT its 20 Nov move (−2.7% for the S&P 500 sector; −3.14% by a "
                "source that likely uses the sector ETF, the range's other end) and r_rest the move of the rest of the index, implied by "
                "the index's actual move. The first term is the AI/tech reversal; of the broad move r_rest, the rate channel (section 1, "
                "from the FedWatch reading at the horizon's start to your cut probability) and the tech selling set off by the day's "
                "crypto liquidations (section 4) explain parts, and the rest is not explained. Nvidia's own share is its 20 Nov move "
                "(−3.15%) times its weight, at the weights found: 7.83% in an S&P 500 fund on 24 Sep, 7.28% on 3 Oct and about 7.3% "
                "on 22 Oct (no November weight was found)."
            </p>
            <p>
                "Bitcoin: β × each part of the S&P 500's move (so the rate effect reaches Bitcoin only through stocks), the day's net "
                "ETF selling in the square-root law (section 3), and what the day's forced selling of leveraged longs adds (section 4), "
                "started from the day's modelled shock (β × the S&P 500's move plus the ETF selling) whatever start section 4 is set to. "
                "Its loop back through tech stocks is not added again: that part is the S&P 500's contagion, which reaches Bitcoin through β. "
                "β is estimated on returns that end where the horizon's move begins (19 Nov for the day, 6 Nov for the two weeks)."
            </p>
            <p>
                "Ranges: the whole decomposition is computed again at two ends of the stated uncertainty, each one consistent set of "
                "inputs (β at an end of its 95% interval, Y from 0.5 to 1.0 and the market volume from double to half the assumption, "
                "the other source's tech figure), so a total and its “not explained” come from the same inputs. When the parts add "
                "to more than the move, the rest is labelled an overshoot."
            </p>
        </super::Disclosure>
        <super::Disclosure summary="More: key levels and the author's view">
            <div class="table-wrap">
                <table class="levels" id="model-levels">
                    <caption>"The key levels where the modelled cascade ends on 20 Nov (model output)"</caption>
                    <thead><tr><th scope="col">"Level"</th><th scope="col">"Model"</th><th scope="col">"Verdict"</th></tr></thead>
                    <tbody>
                        // Fixed rows with live cells: a slider move updates text, not rows.
                        {(0..3).map(|i| {
                            let row = move || level_rows.with(|r| r.as_ref().map(|r| r[i].clone()));
                            view! {
                                <tr>
                                    <th scope="row">{LEVELS[i]}</th>
                                    <td>{move || row().map(|r| r.0).unwrap_or_else(|| "–".into())}</td>
                                    <td class=move || row().and_then(|r| r.1).map(verdict).unwrap_or("")>{move || row().map(|r| r.1.map(verdict).unwrap_or("–")).unwrap_or("–")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <DataLevels/>
            <aside class="opinion" aria-label="The author's conclusion">
                <p>
                    "The explanation ends with advice: in a late-cycle market, “cash is king, leverage is dead.” That is "
                    "its author's opinion, not a finding of this page. Nothing here is investment advice."
                </p>
            </aside>
        </super::Disclosure>
    }
}

/// The key levels named in the explanation, against the data, and the
/// forecasts in hindsight.
#[component]
fn DataLevels() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
            <WithData res=store.markets what="the key levels" render=|m| {
                let rows = fig::data_levels(&m);
                let mut sources: Vec<Source> = m.ohlc.first().map(|s| s.source.clone()).into_iter().collect();
                sources.extend(m.series(SeriesId::Sp500).map(|s| s.source.clone()));
                view! {
                    <table class="levels">
                        <caption>"Key levels named in the explanation, against the data"</caption>
                        <thead><tr><th scope="col">"Level"</th><th scope="col">"What the data shows"</th><th scope="col">"Verdict"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(level, seen, held)| view! {
                                <tr>
                                    <th scope="row">{level}</th>
                                    <td>{seen.unwrap_or_else(|| "(no data)".into())}</td>
                                    <td class=move || match held { Some(true) => "held", Some(false) => "broken", None => "" }>
                                        {held.map(verdict).unwrap_or("not checkable")}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="fine">"Bitcoin lows: Binance BTC/USDT daily bars (UTC days). S&P 500: daily closes; intraday lows of the index are not in the data."</p>
                    <Sources sources=sources/>
                }
            }/>
            <WithData2 a=store.markets b=store.rates what="the forecasts in hindsight" render=|m, r| {
                let rows = fig::forecasts(&m, &r);
                view! {
                    <div class="table-wrap">
                        <table class="levels" id="forecasts">
                            <caption>"In hindsight: the explanation's forecasts against the data to its last date (not known on 20 Nov)"</caption>
                            <thead><tr><th scope="col">"Forecast"</th><th scope="col">"What the data shows"</th><th scope="col">"In hindsight"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|[f, seen, v]| view! {
                                    <tr><th scope="row">{f}</th><td>{seen}</td><td>{v}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }/>
    }
}

#[component]
pub fn Synthesis() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="synthesis" aria-labelledby="synthesis-h">
            <super::SectionHead section=Section::Synthesis/>
            <p>
                "The explanation says the four causes stacked into a late-cycle liquidity crisis. Here is each one's part."
            </p>
            <WithData res=store.markets what="the combined model" render=|_m| view! { <Stacked/> }/>
        </section>
    }
}
