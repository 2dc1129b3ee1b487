//! Cause 4: forced liquidation and cross-market contagion, driven by the
//! `lev` slider and fed by the other three sections.

use super::{Sources, WithData2};
use crate::charts;
use crate::components::chart::ChartCanvas;
use crate::components::Slider;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::{Group, SeriesId};
use crate::data::{DataFile, Source};
use crate::figures::liquidations as fig;
use crate::format::fmt_num;
use crate::format::{grouped, pct_signed, usd, usd_millions, usd_millions_sig2};
use crate::scenario::{DAY_AFTER, MARKET_VOLUME_USD, NASDAQ_VOLUME_USD, POPULATION};
use crate::state::{CascadeShock, Section, OI, PHI};
use leptos::prelude::*;
use leptos_use_interval_fn::{use_interval_fn_with_options, UseIntervalFnOptions};

fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

#[component]
pub fn Liquidations() -> impl IntoView {
    let store = expect_context::<DataStore>();
    let ctl = expect_context::<Controls>();
    view! {
        <section id="liquidations" aria-labelledby="liquidations-h">
            <super::SectionHead section=Section::Liquidations/>
            <p>
                "Much trading in both markets uses borrowed money. A trader at 10× "
                <crate::components::Term slug="leverage" text="leverage"/>
                " puts up a tenth of the position; a fall of about a tenth wipes that margin out (less the "
                <crate::components::Term slug="maintenance-margin" text="maintenance margin"/>
                ") and the exchange sells the position: a "
                <crate::components::Term slug="liquidation" text="liquidation"/>
                ", which pushes the price down further and sets off the next ones. "
                "The explanation describes a loop across markets: margin calls force tech-stock sales, crypto traders exposed to "
                "stocks are liquidated, Bitcoin falls and panic spreads back to stocks; the more leverage, the faster it turns."
            </p>
            <p class="lev-words" data-testid="lev-words">
                {move || crate::figures::answer::leverage_consequence(ctl.lev_x.get(), crate::model::leverage::MAINTENANCE)}
                " Drag the leverage slider at the top, or " <crate::components::TryIt id="lev-50"/>
                ": more positions sit just below the price, so the same first fall liquidates more. "
                "Then " <crate::components::TryIt id="lev-2"/> ": the loop barely turns."
            </p>
            <WithData2 a=store.liquidations b=store.markets what="the liquidation figures" render=|lq, m| view! { <CascadeModel liquidations=lq markets=m/> }/>
            <crate::components::SectionQuestions section=Section::Liquidations/>
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

    // Round-by-round animation. With reduced motion the final round shows at
    // once (the text describes it); Step walks through from round 1.
    let reduced = prefers_reduced_motion();
    let shown = RwSignal::new(1usize);
    let rounds = move || dv.cascade.with_untracked(|c| c.as_deref().map_or(1, |c| c.rounds.len()));
    // A round every 350 ms until the last; the interval stops itself there.
    let stop = StoredValue::new(None::<Callback<()>>);
    let animation = use_interval_fn_with_options(
        move || {
            let n = rounds();
            shown.update(|s| *s = (*s + 1).min(n));
            if shown.get_untracked() >= n {
                stop.with_value(|p| p.inspect(|p| p.run(())));
            }
        },
        350,
        UseIntervalFnOptions::default().immediate(false),
    );
    let (pause, resume) = (animation.pause, animation.resume);
    stop.set_value(Some(Callback::new({
        let pause = pause.clone();
        move |()| pause()
    })));
    Effect::new(move |_| {
        let n = dv.cascade.with(|c| c.as_deref().map_or(1, |c| c.rounds.len()));
        pause();
        shown.set(if reduced { n } else { 1.min(n) });
        if !reduced && n > 1 {
            resume();
        }
    });
    let n_rounds = move || dv.cascade.with(|c| c.as_deref().map_or(0, |c| c.rounds.len()));

    // From the one wiring the chart tests draw too (recomputed only when the
    // population moves: leverage or open interest).
    let map_bins = Memo::new(move |_| {
        dv.population.track();
        dv.model.with_untracked(|m| m.as_deref().map(fig::map_at).unwrap_or_default())
    });
    // The stability statement, read off the same cascade the page shows.
    let stability = Memo::new(move |_| dv.model.with(|m| m.as_deref().map(fig::stability_at).unwrap_or_default()));

    // Reported figures to compare with.
    let day = liquidations
        .facts(Group::CryptoLiquidations24h)
        .into_iter()
        .filter(|f| f.date == DAY_AFTER)
        .collect::<Vec<_>>();
    let [reported_liq, reported_low] = fig::reported_cells(&liquidations, &markets);
    let mut sources: Vec<Source> = day.iter().map(|f| f.source.clone()).collect();
    sources.extend(markets.ohlc.first().map(|s| s.source.clone()));
    sources.extend(markets.series(SeriesId::BtcUsd0000utc).map(|s| s.source.clone()));

    let reset = move |_| sc.reset_section(Section::Liquidations);
    // "Adjust the model" opens by itself when a link or a try-action sets
    // one of its inputs off its 20 Nov value (φ = 0 in "try this", say).
    let d = crate::state::Settings::default();
    let adjusted = Signal::derive(move || {
        sc.cascade_shock.get() != d.cascade_shock || sc.phi_pct.get() != d.phi_pct || sc.oi_bn.get() != d.oi_bn
    });
    // A figure of the cascade as text ("–" while the model has no result).
    let cas = move |f: fn(&crate::model::cascade::Cascade) -> String| {
        move || dv.cascade.with(|c| c.as_deref().map(f).unwrap_or_else(|| "–".into()))
    };
    let summary = move || dv.cascade.with(|c| fig::summary(c.as_deref()));

    view! {
        <div class="section-controls compact" role="group" aria-label="Cascade settings">
            <super::Disclosure summary="Adjust the model: φ, open interest" class="adjust" later=true open_when=adjusted testid="adjust-liquidations">
            <label class="check">
                <input type="checkbox" id="ctl-cshock-auto" prop:checked=auto
                    on:change=move |ev| sc.cascade_shock.set(if event_target_checked(&ev) { CascadeShock::Auto } else { CascadeShock::manual(combined()) })/>
                {move || format!(" Start from the day's modelled shock ({}: the S&P 500's fall × β, which holds the rate effect, and the day's net selling)", pct_signed(combined(), 2))}
            </label>
            <div class="slider">
                <label for="ctl-cshock">"Or set your own initial shock to Bitcoin"</label>
                <div class="slider-row">
                    <input type="range" id="ctl-cshock" min="-30" max="0" step="0.1"
                        prop:value=move || fmt_num((shock_now() * 10.0).round() / 10.0)
                        aria-valuetext=move || format!("initial shock {} percent", fmt_num((shock_now() * 10.0).round() / 10.0))
                        on:input=move |ev| {
                            if let Some(v) = crate::format::parse_f64(&event_target_value(&ev)) {
                                sc.cascade_shock.set(CascadeShock::manual(v));
                            }
                        }/>
                    <span class="unit">{move || format!("{}%", fmt_num((shock_now() * 10.0).round() / 10.0))}</span>
                </div>
            </div>
            <Slider spec=PHI value=sc.phi_pct unit="%" valuetext=|v| format!("{} percent also sell tech stocks", fmt_num(v))/>
            <Slider spec=OI value=sc.oi_bn unit="$bn" valuetext=|v| format!("{} billion dollars of open interest", fmt_num(v))/>
            <p class="fine terms-here">"Terms: " <crate::components::Term slug="phi" text="φ"/> ", "
                <crate::components::Term slug="open-interest" text="open interest"/> "."</p>
            <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
            </super::Disclosure>
        </div>
        <p class="live" data-testid="liquidations-live">
            // One text node per figure, so a slider move updates only the
            // numbers, not the paragraph's elements.
            "With leverage centred on " <strong class="v-lev">{move || format!("{}×", fmt_num(shared.lev_x.get()))}</strong>
            ", an initial shock of " <strong>{cas(|c| pct_signed(c.shock_pct, 2))}</strong>
            {move || if auto() { " (the day's modelled shock)" } else { " (your setting)" }}
            " triggers forced selling of " <strong class="v-liq">{cas(|c| usd_millions_sig2(c.liquidated / 1e6))}</strong>
            {fig::reported_btc_note(&liquidations)}
            " over " <strong class="v-rounds">{cas(|c| c.rounds.len().to_string())}</strong> " rounds and takes Bitcoin from "
            {cas(|c| usd(c.p0, 0))} " to " <strong class="v-final">{cas(|c| usd(c.final_price, 0))}</strong> " (" {cas(|c| pct_signed(c.final_pct, 2))}
            "): an amplification of " <strong class="v-amp">{cas(|c| format!("{}×", grouped(c.amplification, 2)))}</strong> ". "
            {move || dv.cascade.with(|c| c.as_deref().map(|c| fig::settled(c, sc.oi_bn.get() * 1e9)).unwrap_or_default())}
            {cas(fig::nasdaq_text)}
        </p>
        <figure class="figure" id="cascade">
            <ChartCanvas embed="cascade" draw=move |root: &charts::Canvas, f| {
                    let Some(chart) = dv.cascade.with(|c| c.as_deref().map(|c| fig::rounds_chart(c, shown.get()))) else {
                        return Err("no cascade yet".into());
                    };
                    charts::cascade::rounds(root, f, &chart)
                }
                source=crate::figures::MODEL_SOURCE
                readout=Signal::derive(move || dv.cascade.with(|c| c.as_deref().map(|c| fig::rounds_chart(c, 1).readout()).unwrap_or_default()))
                label="Chart: Bitcoin's price and the notional liquidated in each round of the cascade"
                describedby="cascade-summary" aspect=0.45 min_h=200.0 max_h=340.0/>
            <div class="stepper">
                <span>{move || format!("Round {} of {}", shown.get().min(n_rounds().max(1)), n_rounds())}</span>
                <button type="button" on:click=move |_| shown.update(|s| {
                    let n = n_rounds().max(1);
                    // At the last round, Step starts the walk again from round 1.
                    *s = if *s >= n { 1 } else { *s + 1 };
                })>"Step"</button>
                <button type="button" on:click=move |_| shown.set(n_rounds().max(1))>"Show all rounds"</button>
            </div>
            <figcaption id="cascade-summary">{summary}</figcaption>
        </figure>
        <p class="try-line">"Is the loop to stocks what amplifies the fall? "
            <crate::components::TryIt id="no-contagion"/> " and compare the amplification."</p>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Liquidations after_figure=true/>
        <super::Disclosure summary="Go deeper: does the loop settle, where liquidations sit, the model against the data, the method, the sources" class="deeper" later=true>
        <super::Disclosure summary="More: does the loop settle?">
                <p class="live" data-testid="glt">
                    {move || stability.get()}
                </p>
                <p class="fine terms-here">"Terms: " <crate::components::Term slug="stability-index" text="λ·A·(L − 1)"/> ", "
                    <crate::components::Term slug="fixed-point" text="fixed point"/> "."</p>
            </super::Disclosure>
            <super::Disclosure summary="More: where the liquidations sit">
            <figure class="figure" id="liqmap">
                <ChartCanvas embed="liqmap" draw=move |root: &charts::Canvas, f| map_bins.with(|bins| charts::cascade::map(root, f, bins))
                    // Where the cascade ends is an HTML rule over the chart, so
                    // the bars are redrawn only when leverage or open interest move.
                    current=Signal::derive(move || dv.cascade.with(|c| c.as_deref().map(|c| (c.final_price, format!("cascade ends {}", usd(c.final_price, 0))))))
                    source=crate::figures::MODEL_SOURCE
                    readout=Signal::derive(move || map_bins.with(|bins| charts::cascade::map_readout(bins)))
                    label="Bar chart: notional of leveraged longs that would be liquidated in each price band below the 19 Nov close"
                    describedby="liqmap-summary" aspect=0.4 max_h=320.0/>
                <figcaption id="liqmap-summary">{move || map_bins.with(|bins| fig::map_summary(bins))}</figcaption>
                <super::TableToggle
                    caption="Notional of modelled longs that would be liquidated, by price band below the 19 Nov close (model output)".to_string()
                    headers=vec!["Price band", "Would be liquidated"]
                    rows=Signal::derive(move || map_bins.with(|bins| fig::map_rows(bins)))/>
                <p class="fine">"Like CoinGlass's liquidation maps, this shows where liquidations would start, not where a fall would stop: each wave of forced selling moves the price into the next band."</p>
            </figure>
            </super::Disclosure>
            <super::Disclosure summary="More: the model against the data">
            <div class="table-wrap">
                <table class="data-table" id="cascade-vs-actual">
                    <caption>"The model against what happened"</caption>
                    <thead><tr><th scope="col">""</th><th scope="col">"Model (this setting)"</th><th scope="col">"Reported"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"Liquidations"</th>
                            <td>{move || dv.cascade.get().map(|c| format!("{} (Bitcoin longs)", usd_millions_sig2(c.liquidated / 1e6)))}</td>
                            <td>{reported_liq}</td></tr>
                        <tr><th scope="row">"Bitcoin low"</th>
                            <td>{move || dv.cascade.get().map(|c| usd(c.final_price, 0))}</td>
                            <td>{reported_low}</td></tr>
                    </tbody>
                </table>
            </div>
            <p class="live" data-testid="calibration">
                // The day's liquidations (from the day's shock), whatever start the
                // section's cascade is set to: it is the day that was reported.
                {let lq = liquidations.clone(); move || dv.decomposition.with(|d| d.as_deref().map(|d| fig::calibration(d.cascade.liquidated, d.liquidated_range, &lq)))}
            </p>
            </super::Disclosure>
            <super::TableToggle
                caption="The cascade round by round (model output)".to_string()
                headers=vec!["Round", "Bitcoin at the start", "Liquidated in the round", "Nasdaq so far"]
                rows=Signal::derive(move || dv.cascade.with(|c| c.as_deref().map(fig::round_rows).unwrap_or_default()))/>
            <super::Disclosure summary="How is this computed?" class="how">
                <ul>
                    <li>{format!("A population of {} leveraged long positions, opened over the four weeks to 19 Nov: each day in proportion to its Binance volume, at a price within that day's range. Positions whose liquidation price a later low already reached are gone. Leverage: 30% of open interest at L/2, 30% at L, 25% at 2.5L, 10% at 5L and 5% at 10L (capped at 125×), with L the leverage slider.", grouped(POPULATION as f64, 0))}</li>
                    <li>"Liquidation price of a long (isolated margin): P"<sub>"liq"</sub>" = P"<sub>"entry"</sub>"·(1 − 1/L)/(1 − m), maintenance margin m = 0.4%. Shorts are not modelled: a falling price does not liquidate them."</li>
                    <li>{format!("Each round: positions whose liquidation price has been reached are sold; the cumulative forced selling Q moves the price by the square-root law, ΔP/P = Y·σ·√(Q/V), Y = 0.7, σ = Bitcoin's daily volatility, V = {} a day across spot and derivatives venues (an assumption) reduced by the liquidity section's depth setting. Repeat until no new position is reached (at most 200 rounds).", usd_millions(MARKET_VOLUME_USD / 1e6))}</li>
                    <li>{format!("Contagion: a share φ of the forced selling is matched by selling of tech stocks on margin, moving the Nasdaq by the same law (σ = the S&P 500's daily volatility × the Nasdaq beta; V = {} a day, an assumption); Bitcoin follows with its beta from the tariffs section.", usd_millions(NASDAQ_VOLUME_USD / 1e6))}</li>
                    <li>"Open interest: the leveraged long open interest is an assumption (default $24B); the bundled data has no open-interest figure."</li>
                    <li>"Stability test: read off the cascade's run (does it settle with open interest left, or only when every long is gone?), not from a linear index: under the square-root law each extra dollar sold moves the price less than the last, and forced selling can never exceed the open interest. The cap is the fall if the whole open interest were sold on top of the initial shock."</li>
                </ul>
            </super::Disclosure>
            <Sources sources=sources/>
        </super::Disclosure>
    }
}
