//! The synthesis: the "late-cycle liquidity crisis" and the key levels.

use super::{Sources, WithData};
use crate::app::DataStore;
use crate::data::Source;
use crate::format::{grouped, usd};
use leptos::prelude::*;

/// A level named by the source text, checked against the data.
fn verdict(held: bool) -> &'static str {
    if held { "held" } else { "broken" }
}

#[component]
pub fn Synthesis() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="synthesis" aria-labelledby="synthesis-h">
            <h2 id="synthesis-h"><span class="num-label">"5"</span>"All at once: a late-cycle liquidity crisis"</h2>
            <p>
                "None of the four causes alone explains a day like 20 November. The explanation's point is that they "
                "stacked: dearer money lowered what investors would pay for future growth; the trade war had already "
                "tied crypto to stocks; ETF outflows and thin order books meant every sale moved prices further; and "
                "leverage turned falling prices into forced selling, in both markets at once. Late in a long rally, "
                "when valuations are high and positions are crowded, that combination is what a liquidity crisis looks like."
            </p>
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
                    ("Bitcoin support at $87,000–88,000".to_string(), l20.map(|l| format!("20 Nov low {}", usd(l, 0))), l20.map(|l| l >= 87_000.0)),
                    ("Bitcoin at $80,000".to_string(), l21.map(|l| format!("21 Nov low {}; lowest in November {}", usd(l, 0), usd(nov_low, 0))), Some(nov_low >= 80_000.0)),
                    ("S&P 500 at 6,000".to_string(), Some(format!("lowest November close {}", grouped(sp_min, 2))), Some(sp_min >= 6000.0)),
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
