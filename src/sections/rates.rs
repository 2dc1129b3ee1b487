//! Cause 1: the cooling of December rate-cut odds.

use super::{facts_on, pct_plain, range_text, Sources, WithData};
use crate::app::DataStore;
use leptos::prelude::*;

#[component]
pub fn Rates() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="rates" aria-labelledby="rates-h">
            <h2 id="rates-h"><span class="num-label">"1"</span>"The Fed's December cut started to look unlikely"</h2>
            <p>
                "Investors had expected the Federal Reserve to cut interest rates again at its meeting on "
                "9–10 December. Futures markets put a number on that expectation, and CME's FedWatch tool turns "
                "it into a probability. In the weeks before 20 November that probability fell steeply, as Fed "
                "officials sounded cautious and the delayed September jobs report came in mixed."
            </p>
            <WithData res=store.rates what="the FedWatch readings" render=|r| {
                let (month, s1) = range_text(&facts_on(&r, "fedwatch_dec_cut", "2025-10-13"), pct_plain);
                let (week, s2) = range_text(&facts_on(&r, "fedwatch_dec_cut", "2025-11-13"), pct_plain);
                let (prior, s0) = range_text(&facts_on(&r, "fedwatch_dec_cut", "2025-11-06"), pct_plain);
                let (day, s3) = range_text(&facts_on(&r, "fedwatch_dec_cut", "2025-11-20"), pct_plain);
                let (next, s4) = range_text(&facts_on(&r, "fedwatch_dec_cut", "2025-11-21"), pct_plain);
                let sources = [s1, s0, s2, s3, s4].concat();
                view! {
                    <p>
                        "Quoted FedWatch readings for a December cut: " <strong>{month}</strong> " in mid-October, "
                        <strong>{prior}</strong> " on 6 November, " <strong>{week}</strong> " on 13 November and "
                        <strong>{day}</strong> " on 20 November. The explanation this page examines says the odds fell "
                        "from “more than 70% a week earlier” to “50/50 or lower”: the direction is right, the "
                        "numbers are not quite. A week before, the odds were already below 70%, and on the day they "
                        "were well below 50/50. The next morning, after New York Fed President John Williams said "
                        "there was room for a cut, they jumped back to " <strong>{next}</strong> "."
                    </p>
                    <Sources sources=sources/>
                }
            }/>
            <p>
                "Why would that move stock and crypto prices? A share is a claim on profits far into the "
                "future, and its price today is those profits discounted at an interest rate. A higher expected "
                "rate shrinks that present value, and it shrinks it most for assets whose payoff lies furthest "
                "out: fast-growing technology companies, above all the AI leaders priced for many years of growth. "
                "Bitcoin pays no cash flows at all, but it trades as a high-beta “risk barometer”: when money "
                "gets dearer, investors cut their most speculative positions first."
            </p>
            <p>
                "Use the " <strong>"December rate-cut probability"</strong> " slider at the top to set the odds; "
                "this section's models read it."
            </p>
        </section>
    }
}
