//! Cause 3: AI-valuation froth, ETF outflows and thinning market depth.

use super::{Sources, WithData, WithData2};
use crate::app::DataStore;
use crate::data::Source;
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::series::pct_change;
use leptos::prelude::*;

#[component]
pub fn Liquidity() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="liquidity" aria-labelledby="liquidity-h">
            <h2 id="liquidity-h"><span class="num-label">"3"</span>"AI valuations wobbled while liquidity thinned"</h2>
            <p>
                "By November the market's gains rested heavily on a handful of AI companies, and on the belief that "
                "their spending would keep paying off. Nvidia's results on 19 November were the test. They were strong, "
                "and the shares rose after hours; but the next day the rally collapsed."
            </p>
            <WithData2 a=store.markets b=store.events what="Nvidia's figures" render=|m, ev| {
                let rev = ev.facts("nvda_results").into_iter().find(|f| f.label.ends_with("Q3 FY26 revenue"));
                let get = |date: &str, what: &str| m.facts("nvda_ohlc").into_iter().find(|f| f.date == date && f.label == format!("NVDA {what}"));
                let (prev, open, close) = (get("2025-11-19", "close"), get("2025-11-20", "open"), get("2025-11-20", "close"));
                let mut sources: Vec<Source> = rev.iter().map(|f| f.source.clone()).collect();
                sources.extend([prev, open, close].iter().flatten().map(|f| f.source.clone()));
                let text = match (rev, prev, open, close) {
                    (Some(r), Some(p), Some(o), Some(c)) => format!(
                        "Nvidia reported quarterly revenue of {}. On 20 November its shares opened at {} ({} on the previous close) and closed at {} ({}).",
                        usd_millions(r.value), usd(o.value, 2), pct_signed(pct_change(p.value, o.value), 1), usd(c.value, 2), pct_signed(pct_change(p.value, c.value), 2)),
                    _ => "Nvidia's figures are missing from the data file.".into(),
                };
                view! { <p>{text}</p> <Sources sources=sources/> }
            }/>
            <p>
                "At the same time the market's capacity to absorb selling was shrinking. Money was leaving the US "
                "spot Bitcoin ETFs, long-held coins were being sold, and order books were thinner than usual. In a "
                "thin market the same amount of selling moves the price further."
            </p>
            <WithData res=store.flows what="the ETF flow figures" render=|fl| {
                let ibit_day = fl.facts("etf_ibit_daily").into_iter().min_by(|a, b| a.value.total_cmp(&b.value));
                let ibit_month = fl.facts("etf_ibit_month").into_iter().next();
                let total = fl.facts("etf_total_mtd").into_iter().last();
                let lth_raw = fl.facts("lth").into_iter().find(|f| f.label.contains("CryptoQuant"));
                let lth_gn = fl.facts("lth").into_iter().find(|f| f.label.contains("Glassnode"));
                let mut sources: Vec<Source> = Vec::new();
                for f in [ibit_day, ibit_month, total, lth_raw, lth_gn].into_iter().flatten() { sources.push(f.source.clone()); }
                let day_text = ibit_day.map(|f| format!("{} on {}", usd_millions(f.value), super::long_date(&f.date))).unwrap_or_default();
                view! {
                    <p>
                        "The explanation says BlackRock's IBIT lost more than $500 million in a single day and nearly "
                        "$2 billion in November. The first matches: IBIT's largest one-day net flow was " <strong>{day_text}</strong>
                        ". The second is IBIT's alone (" <strong>{ibit_month.map(|f| usd_millions(f.value)).unwrap_or_default()}</strong>
                        " for the month, approximately); all US spot Bitcoin ETFs together lost about "
                        <strong>{total.map(|f| usd_millions(f.value)).unwrap_or_default()}</strong> " by 24 November."
                    </p>
                    <p>
                        "It also says long-term holders sold 815,000 BTC in 30 days. No source for that figure was found, "
                        "and the measures that exist disagree: CryptoQuant's raw 30-day spending by long-term holders peaked near "
                        <strong>{lth_raw.map(|f| grouped(f.value, 0)).unwrap_or_default()}</strong> " BTC, but about 650,000 of that "
                        "were internal transfers at Coinbase; Glassnode's long-term-holder supply fell by 452,532 BTC from July to "
                        "16 November, to " <strong>{lth_gn.map(|f| grouped(f.value, 0)).unwrap_or_default()}</strong> " BTC. The figure is contested."
                    </p>
                    <Sources sources=sources/>
                }
            }/>
        </section>
    }
}
