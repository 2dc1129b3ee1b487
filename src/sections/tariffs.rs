//! Cause 2: the trade war and the collapse of diversification.

use super::{Sources, WithData2};
use crate::components::Slider;
use crate::context::{Controls, DataStore};
use crate::charts::{self, band::BandChart, ChartCanvas, Legend};
use crate::data::{DataFile, Event, Source};
use crate::format::{grouped, pct_signed, usd_millions};
use crate::model::correlation::{forbes_rigobon, one_in_100_loss_pct, portfolio_sd, rolling, Rolling};
use crate::model::date::{constant as d, Date};
use crate::model::leverage::{long_liq_move_pct, MAINTENANCE};
use crate::model::returns::{stats, Pair, Stats};
use crate::scenario;
use crate::model::series::pct_change;
use crate::state::{fmt_num, Section, Window, SHOCK, WEIGHT};
use leptos::prelude::*;
use plotters::style::RGBColor;


const CORR: RGBColor = RGBColor(0, 114, 178);
const ADJ: RGBColor = RGBColor(204, 121, 167);


#[component]
pub fn Tariffs() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="tariffs" aria-labelledby="tariffs-h">
            <super::SectionHead section=Section::Tariffs/>
            <p>
                "On 10 October 2025 the US–China trade war flared up again: Washington threatened a 100% tariff "
                "on Chinese imports from 1 November. Uncertainty about trade is uncertainty about companies' costs, "
                "supply chains and profits, and investors respond by cutting risk across the board."
            </p>
            <WithData2 a=store.markets b=store.liquidations what="the 10 October figures" render=|m, lq| {
                let sp = m.obs("sp500").unwrap_or_default();
                let day = d("2025-10-10");
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
            <WithData2 a=store.markets b=store.events what="the daily returns" render=|m, ev| view! { <CorrelationModel markets=m events=ev/> }/>
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
    let calm_n = calm.map(|c| c.n).unwrap_or(0);

    let window = Memo::new(move |_| sc.corr_window.get().days());
    let pairs_for_roll = pairs.clone();
    let roll = Memo::new(move |_| rolling(&pairs_for_roll, window.get()));
    let adjusted = move || sc.corr_adjusted.get();
    // The crisis window: the chosen number of trading days ending 20 Nov.
    let pairs_for_crisis = pairs.clone();
    let crisis = Memo::new(move |_| scenario::crisis_stats(&pairs_for_crisis, window.get()));
    let adj_of = move |r: &Rolling| calm.map(|c| forbes_rigobon(r.corr, r.var_spx, c.sd_spx * c.sd_spx)).unwrap_or(r.corr);

    let event_days: Vec<Date> = events.events.iter().filter_map(|e| Date::parse(&e.date)).collect();
    let evs: Vec<Event> = events.events.clone();
    let chart = move || {
        let r = roll.get();
        BandChart {
            start: d("2025-09-02"),
            end: d("2025-11-30"),
            y_range: (-1.0, 1.0),
            y_desc: "Correlation, Bitcoin vs S&P 500".into(),
            main: r.iter().map(|p| (p.date, p.corr, p.lo, p.hi)).collect(),
            main_color: CORR,
            second: if adjusted() { r.iter().map(|p| (p.date, adj_of(p))).collect() } else { Vec::new() },
            second_color: ADJ,
            events: event_days.clone(),
            refs: calm.map(|c| vec![(c.corr, format!("before 10 Oct: {}", grouped(c.corr, 2)))]).unwrap_or_default(),
        }
    };
    let legend = Signal::derive(move || {
        let mut l = vec![(format!("{}-day rolling correlation, with 95% band", window.get()), CORR, false)];
        if adjusted() {
            l.push(("Adjusted for volatility (Forbes–Rigobon)".to_string(), ADJ, true));
        }
        l
    });
    let summary = move || {
        let r = roll.get();
        let w = window.get();
        match (r.first(), r.last(), crisis.get()) {
            (None, _, _) => format!("A {w}-day window needs {w} daily returns; the data holds {n_pairs} (2 Sep to 28 Nov 2025), so no rolling correlation can be drawn. Pick a shorter window."),
            (Some(first), Some(last), c) => format!(
                "The {w}-day correlation of daily returns ran from {} (window ending {}) to {} (ending {}){}{}.",
                grouped(first.corr, 2), first.date.short(), grouped(last.corr, 2), last.date.short(),
                calm.map(|c| format!("; before the 10 Oct tariff threat it was {} over {calm_n} days", grouped(c.corr, 2))).unwrap_or_default(),
                c.map(|c| format!("; in the window ending 20 Nov it was {}", grouped(c.corr, 2))).unwrap_or_default(),
            ),
            _ => String::new(),
        }
    };
    // Transmission and portfolio, from the crisis window (or all data if the window is too long).
    let all_stats = stats(&pairs);
    let regime = Memo::new(move |_| crisis.get().or(all_stats));
    let btc_move = Memo::new(move |_| regime.get().map(|s| s.beta * sc.stock_shock_pct.get()).unwrap_or(0.0));
    let lev_text = move || {
        let lev = shared.lev_x.get();
        let mv = btc_move.get();
        let liq = long_liq_move_pct(lev, MAINTENANCE);
        let margin_hit = (mv * lev).max(-100.0);
        format!(
            "A trader long Bitcoin at {}× leverage (the leverage slider) would lose {}% of their margin on that move; a {}× long is liquidated by a fall of {}{}",
            fmt_num(lev), grouped(-margin_hit, 0), fmt_num(lev), pct_signed(liq, 2),
            if mv <= liq && mv < 0.0 { ", so this shock alone liquidates it." } else { ", so this shock alone does not, but a margin call would force many to sell." },
        )
    };
    let portfolio = Memo::new(move |_| {
        let (Some(c), Some(r)) = (calm, regime.get()) else { return None };
        let w = sc.btc_weight_pct.get() / 100.0;
        // Same volatilities (the crisis window's), calm versus crisis correlation:
        // the difference is the correlation effect alone.
        let sd_calm = portfolio_sd(w, r.sd_btc, r.sd_spx, c.corr);
        let sd_crisis = portfolio_sd(w, r.sd_btc, r.sd_spx, r.corr);
        Some((c.corr, r.corr, sd_calm, sd_crisis))
    });
    let mut sources: Vec<Source> = ["sp500", "btc_usd_0000utc"].iter().filter_map(|id| markets.series(id)).map(|s| s.source.clone()).collect();
    sources.extend(events.events.iter().map(|e| e.source.clone()));
    let reset = move |_| sc.reset_section(Section::Tariffs);

    view! {
        <div class="section-controls" role="group" aria-label="Correlation settings">
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
                <input type="checkbox" id="ctl-fr" prop:checked=adjusted
                    on:change=move |ev| sc.corr_adjusted.set(event_target_checked(&ev))/>
                " Adjust for volatility (Forbes–Rigobon)"
            </label>
            <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
        </div>
        <figure class="figure" id="correlation">
            <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| charts::band::draw(c, f, &chart())
                events=evs open_event="tariff"
                label="Line chart: rolling correlation of Bitcoin and S&P 500 daily returns, September to November 2025, with 95% band"
                describedby="corr-summary" aspect=0.42/>
            <Legend entries=legend/>
            <figcaption id="corr-summary">{summary}</figcaption>
        </figure>
        <p class="fine">
            "Daily log returns of the S&P 500 (closes) and Bitcoin (UTC closes, Bitstamp); Bitcoin's weekend returns are compounded into "
            "the next US trading day. There is no daily Nasdaq series here, so the S&P 500 stands for US stocks. The band is a "
            "95% confidence interval (Fisher z): with so few days, a correlation is measured loosely."
        </p>
        <Show when=adjusted>
            <p class="fine" data-testid="fr-note">
                "The dashed line removes the part of the correlation that is only due to higher volatility "
                "(Forbes & Rigobon, 2002): when markets swing harder, measured correlation rises even if the link between them "
                "has not changed. What is left after the adjustment is the change in the link itself."
            </p>
        </Show>
        <super::TableToggle
            caption=Signal::derive(move || format!("{}-day rolling correlation, Bitcoin vs S&P 500, by window end", window.get()))
            headers=vec!["Window ends", "Correlation", "95% band", "Volatility-adjusted"]
            rows=Signal::derive(move || roll.get().into_iter().map(|r| vec![
                r.date.long(), grouped(r.corr, 2), format!("{} to {}", grouped(r.lo, 2), grouped(r.hi, 2)), grouped(adj_of(&r), 2),
            ]).collect())/>

        <h3>"From a stock shock to a Bitcoin move"</h3>
        <p>
            "Set a fall in US stocks: the default is about the S&P 500's fall on 20 November (−1.56%); the tariff day of "
            "10 October was −2.71%. With stocks and Bitcoin this correlated, the stock fall arrives in Bitcoin multiplied by its beta."
        </p>
        <div class="section-controls" role="group" aria-label="Shock and portfolio settings">
            <Slider spec=SHOCK value=sc.stock_shock_pct unit="%" valuetext=|v| format!("stocks fall {} percent", fmt_num(-v))/>
            <Slider spec=WEIGHT value=sc.btc_weight_pct unit="%" valuetext=|v| format!("{} percent in Bitcoin", fmt_num(v))/>
        </div>
        <p class="live" data-testid="tariffs-live">
            {move || match regime.get() {
                None => "Not enough data for a beta.".to_string(),
                Some(s) => format!(
                    "Over the {} trading days to 20 Nov, Bitcoin's beta to the S&P 500 was {} (correlation {} × Bitcoin's daily volatility {}% ÷ the S&P's {}%). \
                     So a fall of {} in US stocks would, on average, come with a Bitcoin move of {} (model output).",
                    s.n, grouped(s.beta, 2), grouped(s.corr, 2), grouped(s.sd_btc * 100.0, 2), grouped(s.sd_spx * 100.0, 2),
                    pct_signed(sc.stock_shock_pct.get(), 1), pct_signed(btc_move.get(), 2)),
            }}
        </p>
        <p class="live">{lev_text} " The " <a href="#liquidations">"liquidations section"</a> " follows that forced selling."</p>
        <div class="table-wrap">
            <table class="data-table" id="portfolio">
                <caption>{move || format!("A portfolio with {}% in Bitcoin and the rest in the S&P 500 (model output)", fmt_num(sc.btc_weight_pct.get()))}</caption>
                <thead><tr><th scope="col">"Correlation"</th><th scope="col">"Daily volatility"</th><th scope="col">"1-in-100-days loss"</th></tr></thead>
                <tbody>
                    {move || portfolio.get().map(|(rc, rx, sc_, sx)| view! {
                        <tr><th scope="row">{format!("calm, before 10 Oct: {}", grouped(rc, 2))}</th><td>{format!("{}%", grouped(sc_ * 100.0, 2))}</td><td>{pct_signed(one_in_100_loss_pct(sc_), 2)}</td></tr>
                        <tr><th scope="row">{format!("crisis, to 20 Nov: {}", grouped(rx, 2))}</th><td>{format!("{}%", grouped(sx * 100.0, 2))}</td><td>{pct_signed(one_in_100_loss_pct(sx), 2)}</td></tr>
                    })}
                </tbody>
            </table>
        </div>
        <p class="punchline" data-testid="tariffs-punchline">
            {move || portfolio.get().map(|(rc, rx, sc_, sx)| {
                if rx > rc + 0.05 {
                    format!("Diversification disappears when it is needed: with the same volatilities, the rise in correlation from {} to {} makes this portfolio's daily swings {} larger, and its bad days worse.",
                        grouped(rc, 2), grouped(rx, 2), pct_signed((sx / sc_ - 1.0) * 100.0, 0).trim_start_matches('+'))
                } else {
                    format!("In this window the correlation ({}) is not clearly above its calm level ({}), so the portfolio's swings barely change.", grouped(rx, 2), grouped(rc, 2))
                }
            })}
        </p>
        <details class="how">
            <summary>"How is this computed?"</summary>
            <ul>
                <li>"Returns: daily log returns, r = ln(P"<sub>"t"</sub>"/P"<sub>"t−1"</sub>"), never prices. Bitcoin's return for a US trading day spans the same calendar days as the S&P 500's, so weekends are compounded into Monday."</li>
                <li>"Rolling Pearson correlation over the chosen window, updated incrementally with running sums; the 95% band uses Fisher's z: z = atanh ρ, SE = 1/√(w − 3), band = tanh(z ± 1.96·SE)."</li>
                <li>"Volatility adjustment (Forbes & Rigobon, 2002): ρ* = ρ/√(1 + δ(1 − ρ²)), δ = σ²"<sub>"window"</sub>"/σ²"<sub>"calm"</sub>" − 1, with σ² the S&P 500's variance and the calm period 3 Sep to 9 Oct 2025."</li>
                <li>"Beta β = ρ·σ"<sub>"BTC"</sub>"/σ"<sub>"S&P"</sub>" over the window ending 20 Nov; expected Bitcoin move = β × the stock shock."</li>
                <li>"Portfolio: σ"<sub>"p"</sub>" = √(w²σ²"<sub>"BTC"</sub>" + (1−w)²σ²"<sub>"S&P"</sub>" + 2w(1−w)ρσ"<sub>"BTC"</sub>"σ"<sub>"S&P"</sub>"), with the crisis window's volatilities and either correlation; 1-in-100-days loss = e"<sup>"−2.326σ"</sup>" − 1 (normal approximation)."</li>
                <li>"Liquidation of a long at leverage L: a fall of 1 − (1 − 1/L)/(1 − m), maintenance margin m = 0.4%."</li>
            </ul>
        </details>
        <Sources sources=sources/>
    }
}
