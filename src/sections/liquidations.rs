//! Cause 4: forced liquidation and cross-market contagion.

use super::{Sources, WithData2};
use crate::app::DataStore;
use crate::data::Source;
use crate::format::{usd, usd_millions};
use leptos::prelude::*;

#[component]
pub fn Liquidations() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="liquidations" aria-labelledby="liquidations-h">
            <h2 id="liquidations-h"><span class="num-label">"4"</span>"Forced selling fed on itself"</h2>
            <p>
                "Much of the trading in both markets is done with borrowed money. A trader who buys with 10× "
                "leverage puts up a tenth of the position; a fall of about a tenth wipes that margin out, and the "
                "exchange or broker sells the position automatically. These forced sales are liquidations, and they "
                "push the price down further, which triggers the next traders' liquidation levels."
            </p>
            <p>
                "The explanation this page examines describes a loop across markets: margin calls force investors to "
                "sell tech stocks; tech falls; crypto traders who are also exposed to stocks are liquidated; Bitcoin "
                "falls; the fall spreads panic back to stocks. The more leverage in the system, the faster the loop turns."
            </p>
            <WithData2 a=store.liquidations b=store.markets what="the liquidation figures" render=|lq, m| {
                let day = lq.facts("crypto_liquidations_24h").into_iter().filter(|f| f.date == "2025-11-21").collect::<Vec<_>>();
                let (lo, hi) = day.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), f| (a.min(f.value), b.max(f.value)));
                let bar = |date: &str| m.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3);
                let mut sources: Vec<Source> = day.iter().map(|f| f.source.clone()).collect();
                sources.extend(m.ohlc.first().map(|s| s.source.clone()));
                let range = if day.is_empty() { "(no figure)".to_string() } else { format!("{} to {}", usd_millions(lo), usd_millions(hi)) };
                view! {
                    <p>
                        "In the 24 hours to 21 November, crypto liquidations were reported at " <strong>{range}</strong>
                        " (CoinGlass figures quoted at different times of day), most of them long positions. Bitcoin's low was "
                        <strong>{bar("2025-11-20").map(|v| usd(v, 0)).unwrap_or_default()}</strong> " on 20 November and "
                        <strong>{bar("2025-11-21").map(|v| usd(v, 0)).unwrap_or_default()}</strong> " on 21 November (UTC days, Binance)."
                    </p>
                    <Sources sources=sources/>
                }
            }/>
            <p>
                "The " <strong>"leverage"</strong> " slider at the top sets how much borrowing this section's models assume."
            </p>
        </section>
    }
}
