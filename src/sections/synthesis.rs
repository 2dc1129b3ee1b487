//! The synthesis: the "late-cycle liquidity crisis" and the key levels.

use super::{Sources, WithData};
use crate::charts;
use crate::components::chart::ChartCanvas;
use crate::context::{DataStore, Derived};
use crate::data::Source;
use crate::figures::synthesis::{self as fig, verdict, BTC_TITLE, LEVELS, SPX_TITLE};
use crate::scenario::actual_moves;
use crate::state::Section;
use leptos::prelude::*;

/// The four causes stacked: the waterfalls for Bitcoin and the S&P 500, and
/// the key levels at the current settings.
#[component]
fn Stacked(markets: crate::data::DataFile) -> impl IntoView {
    let dv = expect_context::<Derived>();
    let actual = actual_moves(&markets);
    let spx_before = fig::spx_before(&markets);
    // Bitcoin: the three causes, then what the cascade adds on top.
    let btc = Memo::new(move |_| {
        let (d, c) = (dv.drivers.get()?, dv.cascade.get()?);
        let auto = dv.params.with(|p| p.cascade_shock.pct().is_none());
        Some(fig::btc_waterfall(&d, &c, auto, &actual))
    });
    let spx = Memo::new(move |_| {
        let (d, c) = (dv.drivers.get()?, dv.cascade.get()?);
        Some(fig::spx_waterfall(&d, &c, dv.params.with(|p| p.nasdaq_beta), &actual))
    });
    let level_rows = Memo::new(move |_| {
        let (b, s) = (btc.get()?, spx.get()?);
        Some(fig::level_rows(b.price, s.total, spx_before))
    });
    let sentence = move || {
        let (b, s) = (btc.get()?, spx.get()?);
        Some(fig::sentence(&b, s.total, &actual, &markets))
    };
    view! {
        <p>
            "Here the four causes are put together at the settings you chose in each section (all model outputs). "
            "Each bar is one cause's contribution to the day's move; the dark bar is the model's total and the orange one what actually happened. "
            "For Bitcoin: the rate channel (section 1), the stock shock passed on through the trade-war correlation (section 2), "
            "the day's net selling in a thin market (section 3) and the liquidation cascade on top (section 4). For the S&P 500 the "
            "stock shock of section 2 is an input, not something the model explains; the model adds the rate channel and the tech selling set off by crypto liquidations."
        </p>
        <div class="two-up">
            <figure class="figure" id="waterfall-btc">
                <ChartCanvas draw=move |root: &charts::Canvas, f| match btc.get() {
                        Some(b) => charts::waterfall::draw(root, f, &b.steps),
                        None => Err("the model needs markets.json and rates.json".into()),
                    }
                    title=BTC_TITLE source=crate::figures::MODEL_SOURCE
                    readout=Signal::derive(move || btc.with(|b| b.as_ref().map(|b| charts::waterfall::readout(&b.steps)).unwrap_or_default()))
                    label="Waterfall chart: each cause's contribution to Bitcoin's modelled move on 20 Nov, with the actual move"
                    describedby="synthesis-summary" aspect=0.7 min_h=260.0 max_h=360.0/>
            </figure>
            <figure class="figure" id="waterfall-spx">
                <ChartCanvas draw=move |root: &charts::Canvas, f| match spx.get() {
                        Some(s) => charts::waterfall::draw(root, f, &s.steps),
                        None => Err("the model needs markets.json and rates.json".into()),
                    }
                    title=SPX_TITLE source=crate::figures::MODEL_SOURCE
                    readout=Signal::derive(move || spx.with(|s| s.as_ref().map(|s| charts::waterfall::readout(&s.steps)).unwrap_or_default()))
                    label="Waterfall chart: each cause's contribution to the S&P 500's modelled move on 20 Nov, with the actual move"
                    describedby="synthesis-summary" aspect=0.7 min_h=260.0 max_h=360.0/>
            </figure>
        </div>
        <super::TableToggle
            caption="Each cause's contribution to the day's move, percent (model output), and the actual move".to_string()
            headers=vec!["", "Bitcoin", "S&P 500"]
            rows=Signal::derive(move || {
                let b = btc.get().map(|x| x.steps).unwrap_or_default();
                let s = spx.get().map(|x| x.steps).unwrap_or_default();
                fig::contribution_rows(&b, &s)
            })/>
        <p class="punchline" id="synthesis-summary" data-testid="synthesis-live">{sentence}</p>
        <div class="table-wrap">
            <table class="levels" id="model-levels">
                <caption>"The key levels at your settings (model output)"</caption>
                <thead><tr><th scope="col">"Level"</th><th scope="col">"Model"</th><th scope="col">"Verdict"</th></tr></thead>
                <tbody>
                    // Fixed rows with live cells: a slider move updates text, not rows.
                    {(0..3).map(|i| {
                        let row = move || level_rows.with(|r| r.as_ref().map(|r| r[i].clone()));
                        view! {
                            <tr>
                                <th scope="row">{LEVELS[i]}</th>
                                <td>{move || row().map(|r| r.0).unwrap_or_else(|| "–".into())}</td>
                                <td class=move || row().map(|r| verdict(r.1)).unwrap_or("")>{move || row().map(|r| verdict(r.1)).unwrap_or("–")}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn Synthesis() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="synthesis" aria-labelledby="synthesis-h">
            <super::SectionHead section=Section::Synthesis/>
            <p>
                "None of the four causes alone explains a day like 20 November. The explanation's point is that they "
                "stacked: dearer money lowered what investors would pay for future growth; the trade war had already "
                "tied crypto to stocks; ETF outflows and thin order books meant every sale moved prices further; and "
                "leverage turned falling prices into forced selling, in both markets at once. Late in a long rally, "
                "when valuations are high and positions are crowded, that combination is what a liquidity crisis looks like."
            </p>
            <WithData res=store.markets what="the combined model" render=|m| view! { <Stacked markets=m/> }/>
            <WithData res=store.markets what="the key levels" render=|m| {
                let rows = fig::data_levels(&m);
                let mut sources: Vec<Source> = m.ohlc.first().map(|s| s.source.clone()).into_iter().collect();
                sources.extend(m.series("sp500").map(|s| s.source.clone()));
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
            <aside class="opinion">
                <h3>"The author's conclusion"</h3>
                <p>
                    "The explanation ends with advice: in a late-cycle market, “cash is king, leverage is dead.” That is "
                    "its author's opinion, not a finding of this page. Nothing here is investment advice."
                </p>
            </aside>
        </section>
    }
}
