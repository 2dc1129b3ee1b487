//! Cause 2: the trade war and the collapse of diversification.

use super::{Sources, WithData2};
use crate::charts;
use crate::components::chart::{ChartCanvas, Legend};
use crate::components::Slider;
use crate::context::{Controls, DataStore, Derived};
use crate::data::days::TARIFF_CRASH;
use crate::data::ids::{Group, SeriesId};
use crate::data::{DataFile, Event, Source};
use crate::figures::tariffs as fig;
use crate::format::fmt_num;
use crate::model::correlation::rolling;
use crate::model::returns::{Pair, Stats};
use crate::scenario;
use crate::state::{Section, Window, SHOCK, WEIGHT};
use leptos::prelude::*;

#[component]
pub fn Tariffs() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="tariffs" aria-labelledby="tariffs-h">
            <super::SectionHead section=Section::Tariffs/>
            <p>
                "On 10 October 2025 the US–China trade war flared up again: Washington threatened a 100% tariff "
                "on Chinese imports from 1 November, and investors cut risk across the board."
            </p>
            <WithData2 a=store.markets b=store.liquidations what="the 10 October figures" render=|m, lq| {
                let (sp_move, liq_text) = fig::tariff_day(&m, &lq);
                let liq = lq.facts(Group::CryptoLiquidations24h).into_iter().find(|f| f.date == TARIFF_CRASH);
                let mut sources: Vec<Source> = m.series(SeriesId::Sp500).map(|s| s.source.clone()).into_iter().collect();
                sources.extend(liq.map(|f| f.source.clone()));
                view! {
                    <p>
                        "That day the S&P 500 closed " <strong>{sp_move}</strong>
                        ", and over 10–11 October crypto markets saw the largest liquidation on record: about "
                        <strong>{liq_text}</strong>
                        " of leveraged positions were forcibly closed (CoinGlass, as quoted)."
                    </p>
                    <Sources sources=sources/>
                }
            }/>
            <p>
                "The deeper effect is on " <crate::components::Term slug="correlation" text="correlation"/> ". Many who hold "
                "Bitcoin also hold stocks, often on borrowed money; when stocks fall they raise cash by selling crypto, the easiest "
                "thing to sell. So in a sell-off the two move as one, and diversification disappears when it is needed."
            </p>
            <WithData2 a=store.markets b=store.events what="the daily returns" render=|m, ev| view! { <CorrelationModel markets=m events=ev/> }/>
            <crate::components::SectionQuestions section=Section::Tariffs/>
        </section>
    }
}

#[component]
fn CorrelationModel(markets: DataFile, events: DataFile) -> impl IntoView {
    let shared = expect_context::<Controls>();
    let sc = shared;
    let pairs: Vec<Pair> = scenario::pairs(&markets);
    let n_pairs = pairs.len();
    let calm: Option<Stats> = scenario::calm_stats(&pairs);

    let window = Memo::new(move |_| sc.corr_window.get().days());
    let pairs_for_roll = pairs.clone();
    let roll = Memo::new(move |_| rolling(&pairs_for_roll, window.get()));
    let adjusted_on = move || sc.corr_adjusted.get();
    // The crisis window: the chosen number of trading days ending 19 Nov,
    // from the one market-inputs table.
    let dv = expect_context::<Derived>();
    let crisis = Memo::new(move |_| dv.inputs.with(|i| i.and_then(|i| i.crisis)));
    let beta_markets = markets.clone();

    let evs: Vec<Event> = events.events.clone();
    // The chart from the one wiring the chart tests draw too; memoised, so
    // only the window and the adjustment redraw it.
    let events_for_chart = events.clone();
    let chart_input = Memo::new(move |_| {
        let (window, adjusted) = (sc.corr_window.get(), adjusted_on());
        dv.basis.with(|b| b.as_ref().map(|b| fig::correlation_chart(b, &events_for_chart, window, adjusted)))
    });
    let legend = Signal::derive(move || fig::legend(window.get(), adjusted_on()));
    let summary = move || roll.with(|r| fig::summary(r, window.get(), n_pairs, calm, crisis.get()));
    // Transmission and portfolio, from the crisis window.
    let regime = Memo::new(move |_| crisis.get());
    let btc_move = Memo::new(move |_| fig::btc_move(regime.get().map(|e| e.stats), sc.stock_shock_pct.get()));
    let lev_text = move || fig::leverage_text(shared.lev_x.get(), btc_move.get());
    let portfolio = Memo::new(move |_| fig::portfolio(calm, regime.get().map(|e| e.stats), sc.btc_weight_pct.get()));
    let mut sources: Vec<Source> = [SeriesId::Sp500, SeriesId::BtcUsd0000utc]
        .into_iter()
        .filter_map(|id| markets.series(id))
        .map(|s| s.source.clone())
        .collect();
    // The image's source line names the two series the correlation uses.
    let source_line = crate::figures::source_line(&sources);
    sources.extend(events.events.iter().map(|e| e.source.clone()));
    let reset = move |_| sc.reset_section(Section::Tariffs);
    // "Adjust the model" and the portfolio open by themselves when a link or
    // a try-action sets one of their inputs off its 20 Nov value.
    let d = crate::state::Settings::default();
    let adjusted =
        Signal::derive(move || sc.corr_window.get() != d.corr_window || sc.corr_adjusted.get() != d.corr_adjusted);
    let weighted = Signal::derive(move || sc.btc_weight_pct.get() != WEIGHT.default);

    view! {
        <div class="section-controls compact" role="group" aria-label="Correlation settings">
            <super::Disclosure summary="Adjust the model: window, volatility" class="adjust" later=true open_when=adjusted testid="adjust-tariffs">
                <fieldset class="field">
                    <legend>"Rolling window (trading days)"</legend>
                    {Window::ALL.into_iter().map(|w| view! {
                        <label class="radio">
                            <input type="radio" name="win" value=w.days()
                                prop:checked=move || sc.corr_window.get() == w
                                on:change=move |_| sc.corr_window.set(w)/>
                            {w.days()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="check">
                    <input type="checkbox" id="ctl-fr" prop:checked=adjusted_on
                        on:change=move |ev| sc.corr_adjusted.set(event_target_checked(&ev))/>
                    " Adjust for volatility"
                </label>
                <span class="fine">"(" <crate::components::Term slug="forbes-rigobon" text="Forbes–Rigobon"/> ")"</span>
                <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
            </super::Disclosure>
        </div>
        <figure class="figure" id="correlation">
            <ChartCanvas embed="correlation" draw=move |root: &charts::Canvas, f| chart_input.with(|c| c.as_ref().map_or(Ok(None), |c| charts::band::draw(root, f, c)))
                events=evs open_event="tariff" source=source_line readout=Signal::derive(move || chart_input.with(|c| c.as_ref().map(|c| c.readout()).unwrap_or_default()))
                label="Line chart: rolling correlation of Bitcoin and S&P 500 daily returns, September to November 2025, with 95% band"
                describedby="corr-summary" aspect=0.42 min_h=200.0/>
            <Legend entries=legend/>
            <figcaption id="corr-summary">{summary}</figcaption>
        </figure>
        <p class="try-line">
            "Is the rise only markets swinging harder? " <crate::components::TryIt id="vol-adjust"/>
            ": the dashed line takes out the part due to higher "
            <crate::components::Term slug="volatility" text="volatility"/> "; what is left is the link itself."
        </p>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Tariffs after_figure=true/>
        <Show when=adjusted_on>
            <p class="fine" data-testid="fr-note">
                "The dashed line removes the part of the correlation that is only due to higher volatility "
                "(Forbes & Rigobon, 2002): when markets swing harder, measured correlation rises even if the link between them "
                "has not changed. What is left after the adjustment is the change in the link itself."
            </p>
        </Show>
        <p>
            "So a fall in stocks arrives in Bitcoin multiplied by its beta. The default shock is about the S&P 500's fall on "
            "20 November (1.56%); " <crate::components::TryIt id="shock-oct10"/> " (the tariff day: −2.71%) and watch the Bitcoin move."
        </p>
        <div class="section-controls compact" role="group" aria-label="Shock setting">
            <Slider spec=SHOCK value=sc.stock_shock_pct unit="%" valuetext=|v| format!("stocks fall {} percent", fmt_num(-v))/>
        </div>
        <p class="live" data-testid="tariffs-live">
            {move || fig::transmission(regime.get(), sc.stock_shock_pct.get())}
        </p>
        <super::Disclosure summary="Go deeper: leverage and a portfolio, the table, the method, the sources" class="deeper" later=true>
        <super::Disclosure summary="More: leverage and a portfolio" open_when=weighted>
                <p class="live">{lev_text} " The " <a href="#liquidations">"liquidations section"</a> " follows that forced selling."</p>
                <div class="section-controls compact" role="group" aria-label="Portfolio setting">
                    <Slider spec=WEIGHT value=sc.btc_weight_pct unit="%" valuetext=|v| format!("{} percent in Bitcoin", fmt_num(v))/>
                </div>
                <div class="table-wrap">
                    <table class="data-table" id="portfolio">
                        <caption>{move || format!("A portfolio with {}% in Bitcoin and the rest in the S&P 500 (model output)", fmt_num(sc.btc_weight_pct.get()))}</caption>
                        <thead><tr><th scope="col">"Correlation"</th><th scope="col">"Daily volatility"</th><th scope="col">"1-in-100-days loss"</th></tr></thead>
                        <tbody>
                            {move || portfolio.get().map(|p| fig::portfolio_rows(&p).map(|[head, sd, loss]| view! {
                                <tr><th scope="row">{head}</th><td>{sd}</td><td>{loss}</td></tr>
                            }).into_iter().collect_view())}
                        </tbody>
                    </table>
                </div>
                <p class="punchline" data-testid="tariffs-punchline">
                    {move || portfolio.get().map(|p| fig::punchline(&p))}
                </p>
            </super::Disclosure>
            <super::TableToggle
                caption=Signal::derive(move || format!("{}-day rolling correlation, Bitcoin vs S&P 500, by window end", window.get()))
                headers=vec!["Window ends", "Correlation", "95% band", "Volatility-adjusted"]
                rows=Signal::derive(move || roll.with(|r| fig::table_rows(r, calm)))/>
            <super::Disclosure summary="How is this computed?" class="how">
                <p class="fine">
                    "Daily log returns of the S&P 500 (closes) and Bitcoin (UTC closes, Bitstamp); Bitcoin's weekend returns are compounded into "
                    "the next US trading day. There is no daily Nasdaq series here, so the S&P 500 stands for US stocks. The band is a "
                    "95% confidence interval ("
                    <crate::components::Term slug="fisher-band" text="Fisher band"/>
                    "): with so few days, a correlation is measured loosely."
                </p>
                <ul>
                    <li>"Returns: daily log returns, r = ln(P"<sub>"t"</sub>"/P"<sub>"t−1"</sub>"), never prices. Bitcoin's return for a US trading day spans the same calendar days as the S&P 500's, so weekends are compounded into Monday."</li>
                    <li>"Rolling Pearson correlation over the chosen window, updated incrementally with running sums; the 95% band uses Fisher's z: z = atanh ρ, SE = 1/√(w − 3), band = tanh(z ± 1.96·SE)."</li>
                    <li>"Volatility adjustment (Forbes & Rigobon, 2002): ρ* = ρ/√(1 + δ(1 − ρ²)), δ = σ²"<sub>"window"</sub>"/σ²"<sub>"calm"</sub>" − 1, with σ² the S&P 500's variance and the calm period 3 Sep to 9 Oct 2025."</li>
                    <li>"Beta β = ρ·σ"<sub>"BTC"</sub>"/σ"<sub>"S&P"</sub>" over the chosen window ending 19 Nov, the last day before the move it is used to explain (a longer window than the history uses every day there is, and says how many); expected Bitcoin move = β × the stock shock. σ here is per trading-day return (weekends compounded), so it is larger than Bitcoin's volatility per UTC day used by the square-root law. "
                        {move || dv.inputs.with(|i| i.map(|i| crate::figures::inputs::beta_note(&i, &beta_markets)))}</li>
                    <li>"Portfolio: σ"<sub>"p"</sub>" = √(w²σ²"<sub>"BTC"</sub>" + (1−w)²σ²"<sub>"S&P"</sub>" + 2w(1−w)ρσ"<sub>"BTC"</sub>"σ"<sub>"S&P"</sub>"), with the crisis window's volatilities and either correlation; 1-in-100-days loss = e"<sup>"−2.326σ"</sup>" − 1 (normal approximation)."</li>
                    <li>"Liquidation of a long at leverage L: a fall of 1 − (1 − 1/L)/(1 − m), maintenance margin m = 0.4%."</li>
                </ul>
            </super::Disclosure>
            <Sources sources=sources/>
        </super::Disclosure>
    }
}
