//! The synthesis: the "late-cycle liquidity crisis" and the key levels.

use super::{Sources, WithData};
use crate::context::{DataStore, Derived};
use crate::state::Section;
use crate::charts::{self, waterfall::Step, ChartCanvas};
use crate::data::Source;
use crate::format::{grouped, pct_signed, usd};
use crate::scenario::actual_moves;
use leptos::prelude::*;
use plotters::style::RGBColor;

const RATES_C: RGBColor = RGBColor(0, 114, 178);
const TARIFF_C: RGBColor = RGBColor(230, 159, 0);
const LIQUIDITY_C: RGBColor = RGBColor(0, 158, 115);
const CASCADE_C: RGBColor = RGBColor(204, 121, 167);
const TOTAL_C: RGBColor = RGBColor(60, 60, 60);
const ACTUAL_C: RGBColor = RGBColor(213, 94, 0);

/// The four causes stacked: the waterfalls for Bitcoin and the S&P 500, and
/// the key levels at the current settings.
#[component]
fn Stacked(markets: crate::data::DataFile) -> impl IntoView {
    let dv = expect_context::<Derived>();
    let actual = actual_moves(&markets);
    let sp = markets.obs("sp500").unwrap_or_default();
    let spx_before = sp.iter().find(|o| o.date.to_string() == "2025-11-19").map(|o| o.value);
    let btc_low20 = markets.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == "2025-11-20")).map(|b| b.3);
    // Bitcoin: the three causes, then what the cascade adds on top.
    let btc = Memo::new(move |_| {
        let (d, c) = (dv.drivers.get()?, dv.cascade.get()?);
        let auto = dv.params.with(|p| p.cascade_shock.pct().is_none());
        let mut steps = vec![
            Step { label: "Rates".into(), value: d.rates_btc, color: RATES_C, from_zero: false },
            Step { label: "Correlation".into(), value: d.tariff_btc, color: TARIFF_C, from_zero: false },
            Step { label: "Liquidity".into(), value: d.liquidity_btc, color: LIQUIDITY_C, from_zero: false },
        ];
        if auto {
            steps.push(Step { label: "Cascade".into(), value: c.final_pct - c.shock_pct, color: CASCADE_C, from_zero: false });
        }
        let total = if auto { c.final_pct } else { d.rates_btc + d.tariff_btc + d.liquidity_btc + (c.final_pct - c.shock_pct) };
        steps.push(Step { label: "Model".into(), value: total, color: TOTAL_C, from_zero: true });
        if let Some(a) = actual.btc {
            steps.push(Step { label: "Actual".into(), value: a, color: ACTUAL_C, from_zero: true });
        }
        Some((steps, total, c.p0 * (1.0 + total / 100.0), c.nasdaq_pct))
    });
    let spx = Memo::new(move |_| {
        let (d, c) = (dv.drivers.get()?, dv.cascade.get()?);
        let nb = dv.params.with(|p| p.nasdaq_beta).max(0.1);
        // Tech selling spills into the broad index with 1/β of its move.
        let contagion = c.nasdaq_pct / nb;
        let total = d.rates_spx + d.tariff_spx + contagion;
        let mut steps = vec![
            Step { label: "Rates".into(), value: d.rates_spx, color: RATES_C, from_zero: false },
            Step { label: "Stock shock".into(), value: d.tariff_spx, color: TARIFF_C, from_zero: false },
            Step { label: "Contagion".into(), value: contagion, color: CASCADE_C, from_zero: false },
            Step { label: "Model".into(), value: total, color: TOTAL_C, from_zero: true },
        ];
        if let Some(a) = actual.spx {
            steps.push(Step { label: "Actual".into(), value: a, color: ACTUAL_C, from_zero: true });
        }
        Some((steps, total))
    });
    let level_rows = Memo::new(move |_| {
        let (_, _, btc_price, _) = btc.get()?;
        let (_, spx_total) = spx.get()?;
        let spx_level = spx_before.map(|b| b * (1.0 + spx_total / 100.0));
        Some([
            // In the order of LEVELS: the model's level and whether it held.
            (usd(btc_price, 0), btc_price >= 87_000.0),
            (usd(btc_price, 0), btc_price >= 80_000.0),
            (spx_level.map(|v| grouped(v, 0)).unwrap_or_default(), spx_level.is_some_and(|v| v >= 6000.0)),
        ])
    });
    let sentence = move || {
        let (_, total, price, _) = btc.get()?;
        let (_, spx_total) = spx.get()?;
        let miss = |model: f64, act: Option<f64>| act.map(|a| {
            let r = model / a;
            if !(r.is_finite()) { "cannot be compared with".to_string() }
            else if r > 1.25 { "overshoots".to_string() }
            else if r < 0.75 { "falls short of".to_string() }
            else { "is close to".to_string() }
        }).unwrap_or_else(|| "cannot be compared with".into());
        Some(format!(
            "At these settings the model puts Bitcoin {} at {} and the S&P 500 {}. That {} Bitcoin's actual {} over the UTC day (its low was {}) and {} the S&P 500's actual {}.",
            pct_signed(total, 2), usd(price, 0), pct_signed(spx_total, 2),
            miss(total, actual.btc), actual.btc.map(|a| pct_signed(a, 2)).unwrap_or_default(), btc_low20.map(|v| usd(v, 0)).unwrap_or_default(),
            miss(spx_total, actual.spx), actual.spx.map(|a| pct_signed(a, 2)).unwrap_or_default(),
        ))
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
                <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| match btc.get() {
                        Some((steps, ..)) => charts::waterfall::draw(c, f, "Bitcoin, 20 Nov (model output)", &steps),
                        None => Err("the model needs markets.json and rates.json".into()),
                    }
                    title="Bitcoin, 20 Nov (model output)"
                    label="Waterfall chart: each cause's contribution to Bitcoin's modelled move on 20 Nov, with the actual move"
                    describedby="synthesis-summary" aspect=0.7 min_h=260.0 max_h=360.0/>
            </figure>
            <figure class="figure" id="waterfall-spx">
                <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| match spx.get() {
                        Some((steps, _)) => charts::waterfall::draw(c, f, "S&P 500, 20 Nov (model output)", &steps),
                        None => Err("the model needs markets.json and rates.json".into()),
                    }
                    title="S&P 500, 20 Nov (model output)"
                    label="Waterfall chart: each cause's contribution to the S&P 500's modelled move on 20 Nov, with the actual move"
                    describedby="synthesis-summary" aspect=0.7 min_h=260.0 max_h=360.0/>
            </figure>
        </div>
        <super::TableToggle
            caption="Each cause's contribution to the day's move, percent (model output), and the actual move".to_string()
            headers=vec!["", "Bitcoin", "S&P 500"]
            rows=Signal::derive(move || {
                let b = btc.get().map(|x| x.0).unwrap_or_default();
                let s = spx.get().map(|x| x.0).unwrap_or_default();
                let cell = |steps: &[Step], label: &str| steps.iter().find(|x| x.label == label).map(|x| pct_signed(x.value, 2)).unwrap_or_else(|| "–".into());
                ["Rates", "Correlation", "Stock shock", "Liquidity", "Cascade", "Contagion", "Model", "Actual"].iter()
                    .map(|l| vec![l.to_string(), cell(&b, l), cell(&s, l)]).collect()
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

/// The key levels the source text names.
const LEVELS: [&str; 3] = ["Bitcoin support at $87,000–88,000", "Bitcoin at $80,000", "S&P 500 at 6,000"];

/// A level named by the source text, checked against the data.
fn verdict(held: bool) -> &'static str {
    if held { "held" } else { "broken" }
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
                let bars = m.ohlc.first().map(|s| s.bars.clone()).unwrap_or_default();
                let low_on = |date: &str| bars.iter().find(|b| b.0 == date).map(|b| b.3);
                let sp = m.obs("sp500").unwrap_or_default();
                let sp_min = sp.iter().filter(|o| o.date.to_string().as_str() >= "2025-11-01").map(|o| o.value).fold(f64::INFINITY, f64::min);
                let l20 = low_on("2025-11-20");
                let l21 = low_on("2025-11-21");
                let nov_low = bars.iter().filter(|b| b.0.as_str() >= "2025-11-01").map(|b| b.3).fold(f64::INFINITY, f64::min);
                let mut sources: Vec<Source> = m.ohlc.first().map(|s| s.source.clone()).into_iter().collect();
                sources.extend(m.series("sp500").map(|s| s.source.clone()));
                let rows = vec![
                    (LEVELS[0], l20.map(|l| format!("20 Nov low {}", usd(l, 0))), l20.map(|l| l >= 87_000.0)),
                    (LEVELS[1], l21.map(|l| format!("21 Nov low {}; lowest in November {}", usd(l, 0), usd(nov_low, 0))), Some(nov_low >= 80_000.0)),
                    (LEVELS[2], Some(format!("lowest November close {}", grouped(sp_min, 2))), Some(sp_min >= 6000.0)),
                ];
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
