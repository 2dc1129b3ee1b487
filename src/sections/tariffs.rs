//! Cause 2: the trade war and the collapse of diversification.

use super::{Sources, WithData2};
use crate::app::DataStore;
use crate::data::Source;
use crate::format::{pct_signed, usd_millions};
use crate::model::date::Date;
use crate::model::series::pct_change;
use leptos::prelude::*;

#[component]
pub fn Tariffs() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="tariffs" aria-labelledby="tariffs-h">
            <h2 id="tariffs-h"><span class="num-label">"2"</span>"The trade war made everything move together"</h2>
            <p>
                "On 10 October 2025 the US–China trade war flared up again: Washington threatened a 100% tariff "
                "on Chinese imports from 1 November. Uncertainty about trade is uncertainty about companies' costs, "
                "supply chains and profits, and investors respond by cutting risk across the board."
            </p>
            <WithData2 a=store.markets b=store.liquidations what="the 10 October figures" render=|m, lq| {
                let sp = m.obs("sp500").unwrap_or_default();
                let day = Date::parse("2025-10-10").expect("constant date");
                let sp_move = sp.iter().position(|o| o.date == day).filter(|&i| i > 0)
                    .map(|i| pct_signed(pct_change(sp[i - 1].value, sp[i].value), 2));
                let liq = lq.facts("crypto_liquidations_24h").into_iter().find(|f| f.date == "2025-10-11");
                let mut sources: Vec<Source> = m.series("sp500").map(|s| s.source.clone()).into_iter().collect();
                sources.extend(liq.map(|f| f.source.clone()));
                view! {
                    <p>
                        "That day the S&P 500 closed " <strong>{sp_move.unwrap_or_else(|| "(no data)".into())}</strong>
                        ", and over 10–11 October crypto markets saw the largest liquidation on record: about "
                        <strong>{liq.map(|f| usd_millions(f.value)).unwrap_or_else(|| "(no data)".into())}</strong>
                        " of leveraged positions were forcibly closed (CoinGlass, as quoted)."
                    </p>
                    <Sources sources=sources/>
                }
            }/>
            <p>
                "The deeper effect is on " <em>"correlation"</em> ". Bitcoin is often sold as something apart from "
                "the stock market. But many of the funds and traders who hold it also hold stocks, often with "
                "borrowed money. When stocks fall, they must raise cash or cut risk, and crypto is the easiest thing "
                "to sell, around the clock. So in a sell-off the two move as one, and the diversification investors "
                "counted on disappears exactly when it is needed."
            </p>
            <p class="fine">
                "Return statistics on this page use the S&P 500, the only US equity index with a daily series in "
                "the bundled data; the Nasdaq Composite appears only as the November points that were found."
            </p>
        </section>
    }
}
