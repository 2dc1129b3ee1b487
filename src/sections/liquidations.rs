//! Cause 4: forced liquidation and cross-market contagion, driven by the
//! `lev` slider and fed by the other three sections.

use super::{Sources, WithData2};
use crate::components::Slider;
use crate::context::{Controls, DataStore, Derived};
use crate::charts::{self, ChartCanvas};
use crate::data::{DataFile, Source};
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::cascade::{glt_index, liquidation_map, Impact};
use crate::model::liquidity::thinned_volume;
use crate::scenario::{CASCADE_VOLUME_USD, NASDAQ_VOLUME_USD, POPULATION, Y};
use crate::state::{fmt_num, CascadeShock, Section, OI, PHI};
use leptos::prelude::*;
use std::time::Duration;


/// Map: 40 bins of 0.5 % below the starting price (down to −20 %).
const MAP_BINS: usize = 40;
const MAP_WIDTH_PCT: f64 = 0.5;

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

#[component]
pub fn Liquidations() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="liquidations" aria-labelledby="liquidations-h">
            <super::SectionHead section=Section::Liquidations/>
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
            <WithData2 a=store.liquidations b=store.markets what="the liquidation figures" render=|lq, m| view! { <CascadeModel liquidations=lq markets=m/> }/>
        </section>
    }
}

#[component]
fn CascadeModel(liquidations: DataFile, markets: DataFile) -> impl IntoView {
    let shared = expect_context::<Controls>();
    let sc = shared;
    let dv = expect_context::<Derived>();
    let auto = move || sc.cascade_shock.get() == CascadeShock::Auto;
    let combined = move || dv.drivers.get().map(|d| d.combined_btc).unwrap_or(0.0);
    let shock_now = move || dv.cascade.get().map(|c| c.shock_pct).unwrap_or(0.0);

    // Round-by-round animation; with reduced motion, a Step button instead.
    let reduced = prefers_reduced_motion();
    let shown = RwSignal::new(1usize);
    let timer = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        let n = dv.cascade.with(|c| c.as_ref().map_or(1, |c| c.rounds.len()));
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        shown.set(if reduced { 1 } else { 1.min(n) });
        if !reduced && n > 1 {
            let h = set_interval_with_handle(
                move || {
                    shown.update(|s| *s = (*s + 1).min(n));
                    if shown.get_untracked() >= n {
                        if let Some(h) = timer.get_value() {
                            h.clear();
                        }
                    }
                },
                Duration::from_millis(350),
            )
            .ok();
            timer.set_value(h);
        }
    });
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
    });
    let n_rounds = move || dv.cascade.with(|c| c.as_ref().map_or(0, |c| c.rounds.len()));

    let map_bins = Memo::new(move |_| {
        let (Some(pop), Some(d)) = (dv.population.get(), dv.drivers.get()) else { return Vec::new() };
        liquidation_map(&pop, d.market.price_before, MAP_BINS, MAP_WIDTH_PCT)
    });
    let glt = Memo::new(move |_| {
        let (Some(d), p) = (dv.drivers.get(), dv.params.get()) else { return 0.0 };
        let crypto = Impact { y: Y, sigma: d.market.sigma, volume: thinned_volume(CASCADE_VOLUME_USD, p.depth_cut_pct) };
        glt_index(crypto, 1.0e9, p.oi_bn * 1e9, p.lev_x)
    });

    // Reported figures to compare with.
    let day = liquidations.facts("crypto_liquidations_24h").into_iter().filter(|f| f.date == "2025-11-21").collect::<Vec<_>>();
    let (lo, hi) = day.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), f| (a.min(f.value), b.max(f.value)));
    let reported = if day.is_empty() { "(no figure)".to_string() } else { format!("{} to {}", usd_millions(lo), usd_millions(hi)) };
    let bar_low = |date: &str| markets.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3);
    let (low20, low21) = (bar_low("2025-11-20"), bar_low("2025-11-21"));
    let mut sources: Vec<Source> = day.iter().map(|f| f.source.clone()).collect();
    sources.extend(markets.ohlc.first().map(|s| s.source.clone()));
    sources.extend(markets.series("btc_usd_0000utc").map(|s| s.source.clone()));

    let reset = move |_| shared.reset_section(Section::Liquidations);
    // A figure of the cascade as text ("–" while the model has no result).
    let cas = move |f: fn(&crate::model::cascade::Cascade) -> String| move || dv.cascade.with(|c| c.as_ref().map(f).unwrap_or_else(|| "–".into()));
    let summary = move || {
        dv.cascade.get().map(|c| format!(
            "Starting from {} (19 Nov close), an initial shock of {} becomes a fall of {} after {} rounds; {} of leveraged longs are liquidated (model output).",
            usd(c.p0, 0), pct_signed(c.shock_pct, 2), pct_signed(c.final_pct, 2), c.rounds.len(), usd_millions(c.liquidated / 1e6)
        )).unwrap_or_else(|| "The cascade needs markets.json and rates.json.".into())
    };

    view! {
        <div class="section-controls" role="group" aria-label="Cascade settings">
            <label class="check">
                <input type="checkbox" id="ctl-cshock-auto" prop:checked=auto
                    on:change=move |ev| sc.cascade_shock.set(if event_target_checked(&ev) { CascadeShock::Auto } else { CascadeShock::manual(combined()) })/>
                {move || format!(" Start from the combined shock of sections 1–3 ({})", pct_signed(combined(), 2))}
            </label>
            <div class="slider">
                <label for="ctl-cshock">"Or set your own initial shock to Bitcoin"</label>
                <div class="slider-row">
                    <input type="range" id="ctl-cshock" min="-30" max="0" step="0.1"
                        prop:value=move || fmt_num((shock_now() * 10.0).round() / 10.0)
                        aria-valuetext=move || format!("initial shock {} percent", fmt_num((shock_now() * 10.0).round() / 10.0))
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                sc.cascade_shock.set(CascadeShock::manual(v));
                            }
                        }/>
                    <span class="unit">{move || format!("{}%", fmt_num((shock_now() * 10.0).round() / 10.0))}</span>
                </div>
            </div>
            <Slider spec=PHI value=sc.phi_pct unit="%" valuetext=|v| format!("{} percent also sell tech stocks", fmt_num(v))/>
            <Slider spec=OI value=sc.oi_bn unit="$bn" valuetext=|v| format!("{} billion dollars of open interest", fmt_num(v))/>
            <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
        </div>
        <p class="live" data-testid="liquidations-live">
            // One text node per figure, so a slider move updates only the
            // numbers, not the paragraph's elements.
            "With leverage centred on " <strong class="v-lev">{move || format!("{}×", fmt_num(shared.lev_x.get()))}</strong>
            ", an initial shock of " <strong>{cas(|c| pct_signed(c.shock_pct, 2))}</strong>
            {move || if auto() { " (rates, tariffs and liquidity combined)" } else { " (your setting)" }}
            " triggers forced selling of " <strong class="v-liq">{cas(|c| usd_millions(c.liquidated / 1e6))}</strong>
            " over " <strong class="v-rounds">{cas(|c| c.rounds.len().to_string())}</strong> " rounds and takes Bitcoin from "
            {cas(|c| usd(c.p0, 0))} " to " <strong class="v-final">{cas(|c| usd(c.final_price, 0))}</strong> " (" {cas(|c| pct_signed(c.final_pct, 2))}
            "): an amplification of " <strong class="v-amp">{cas(|c| format!("{}×", grouped(c.amplification, 2)))}</strong> ". "
            {cas(|c| if c.converged { "The cascade settles at a fixed point." } else { "The cascade had not settled when the round limit was reached." }.to_string())}
            {cas(|c| if c.nasdaq_pct < -0.005 { format!(" The tech-stock selling it sets off moves the Nasdaq {} (model output).", pct_signed(c.nasdaq_pct, 2)) } else { String::new() })}
        </p>
        <figure class="figure" id="cascade">
            <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| {
                    let Some(cas) = dv.cascade.get() else { return Err("no cascade yet".to_string()) };
                    charts::cascade::rounds(c, f, cas.p0, &cas.rounds, shown.get(), cas.final_price)
                }
                label="Chart: Bitcoin's price and the notional liquidated in each round of the cascade"
                describedby="cascade-summary" aspect=0.45 max_h=340.0/>
            <div class="stepper">
                <span>{move || format!("Round {} of {}", shown.get().min(n_rounds().max(1)), n_rounds())}</span>
                <button type="button" on:click=move |_| shown.update(|s| *s = (*s + 1).min(n_rounds().max(1)))>"Step"</button>
                <button type="button" on:click=move |_| shown.set(n_rounds().max(1))>"Show all rounds"</button>
            </div>
            <figcaption id="cascade-summary">{summary}</figcaption>
        </figure>
        <h3>"Where the liquidations sit"</h3>
        <figure class="figure" id="liqmap">
            <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| charts::cascade::map(c, f, &map_bins.get())
                // Where the cascade ends is an HTML rule over the chart, so
                // the bars are redrawn only when leverage or open interest move.
                current=Signal::derive(move || dv.cascade.with(|c| c.as_ref().map(|c| (c.final_price, format!("cascade ends {}", usd(c.final_price, 0))))))
                label="Bar chart: notional of leveraged longs that would be liquidated in each price band below the 19 Nov close"
                describedby="liqmap-summary" aspect=0.4 max_h=320.0/>
            <figcaption id="liqmap-summary">{move || {
                let bins = map_bins.get();
                let total: f64 = bins.iter().map(|b| b.2).sum();
                let top = bins.iter().max_by(|a, b| a.2.total_cmp(&b.2));
                match top {
                    Some(t) if total > 0.0 => format!(
                        "{} of the modelled longs would be liquidated within 20% below the 19 Nov close; the densest band is {} to {} ({}). Darker bars hold more.",
                        usd_millions(total / 1e6), usd(t.1, 0), usd(t.0, 0), usd_millions(t.2 / 1e6)),
                    _ => "No modelled long is within 20% of liquidation.".to_string(),
                }
            }}</figcaption>
            <super::TableToggle
                caption="Notional of modelled longs that would be liquidated, by price band below the 19 Nov close (model output)".to_string()
                headers=vec!["Price band", "Would be liquidated"]
                rows=Signal::derive(move || map_bins.get().iter().map(|b| vec![format!("{} to {}", usd(b.1, 0), usd(b.0, 0)), usd_millions(b.2 / 1e6)]).collect())/>
            <p class="fine">"Like CoinGlass's liquidation maps, this shows where liquidations would start, not where a fall would stop: each wave of forced selling moves the price into the next band."</p>
        </figure>
        <p class="live" data-testid="glt">
            {move || {
                let v = glt.get();
                format!(
                    "A quick stability test (Greenwood, Landier & Thesmar, 2015): a deleveraging spiral runs away when λ·A·(L − 1) ≥ 1, with λ the price impact per dollar sold, A the leveraged assets and L the leverage. Here λ·A·(L − 1) = {}: {}",
                    grouped(v, 2),
                    if v >= 1.0 { "at this leverage the loop feeds itself faster than the market absorbs it, and it runs away." } else { "below 1, so each round of forced selling is smaller than the last and the loop dies out." }
                )
            }}
        </p>
        <div class="table-wrap">
            <table class="data-table" id="cascade-vs-actual">
                <caption>"The model against what happened"</caption>
                <thead><tr><th scope="col">""</th><th scope="col">"Model (this setting)"</th><th scope="col">"Reported"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"Liquidations"</th>
                        <td>{move || dv.cascade.get().map(|c| format!("{} (Bitcoin longs)", usd_millions(c.liquidated / 1e6)))}</td>
                        <td>{format!("{reported} in the 24 hours to 21 Nov, all crypto, about a half of it Bitcoin (CoinGlass, quoted at different times)")}</td></tr>
                    <tr><th scope="row">"Bitcoin low"</th>
                        <td>{move || dv.cascade.get().map(|c| usd(c.final_price, 0))}</td>
                        <td>{format!("{} on 20 Nov, {} on 21 Nov (Binance)", low20.map(|v| usd(v, 0)).unwrap_or_default(), low21.map(|v| usd(v, 0)).unwrap_or_default())}</td></tr>
                </tbody>
            </table>
        </div>
        <super::TableToggle
            caption="The cascade round by round (model output)".to_string()
            headers=vec!["Round", "Bitcoin at the start", "Liquidated in the round", "Nasdaq so far"]
            rows=Signal::derive(move || dv.cascade.get().map(|c| c.rounds.iter().enumerate().map(|(i, r)| vec![
                i.to_string(), usd(r.price, 0), usd_millions(r.liquidated / 1e6), pct_signed(r.nasdaq_pct, 2),
            ]).collect()).unwrap_or_default())/>
        <details class="how">
            <summary>"How is this computed?"</summary>
            <ul>
                <li>{format!("A population of {} leveraged long positions, opened over the four weeks to 19 Nov: each day in proportion to its Binance volume, at a price within that day's range. Positions whose liquidation price a later low already reached are gone. Leverage: 30% of open interest at L/2, 30% at L, 25% at 2.5L, 10% at 5L and 5% at 10L (capped at 125×), with L the leverage slider.", grouped(POPULATION as f64, 0))}</li>
                <li>"Liquidation price of a long (isolated margin): P"<sub>"liq"</sub>" = P"<sub>"entry"</sub>"·(1 − 1/L)/(1 − m), maintenance margin m = 0.4%. Shorts are not modelled: a falling price does not liquidate them."</li>
                <li>{format!("Each round: positions whose liquidation price has been reached are sold; the cumulative forced selling Q moves the price by the square-root law, ΔP/P = Y·σ·√(Q/V), Y = 0.7, σ = Bitcoin's daily volatility, V = {} a day across spot and derivatives venues (an assumption) reduced by the liquidity section's depth setting. Repeat until no new position is reached (at most 200 rounds).", usd_millions(CASCADE_VOLUME_USD / 1e6))}</li>
                <li>{format!("Contagion: a share φ of the forced selling is matched by selling of tech stocks on margin, moving the Nasdaq by the same law (σ = the S&P 500's daily volatility × the Nasdaq beta; V = {} a day, an assumption); Bitcoin follows with its beta from the tariffs section.", usd_millions(NASDAQ_VOLUME_USD / 1e6))}</li>
                <li>"Open interest: the leveraged long open interest is an assumption (default $24B); the bundled data has no open-interest figure."</li>
                <li>"Stability test: λ is the square-root law's impact of selling $1B, per dollar; A the open interest; L the leverage slider."</li>
            </ul>
        </details>
        <Sources sources=sources/>
    }
}
