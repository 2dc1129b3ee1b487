//! Cause 3: AI-valuation froth, ETF outflows and thinning market depth.

use super::{Sources, WithAll, WithData, WithData2};
use crate::charts;
use crate::components::chart::{ChartCanvas, Legend};
use crate::components::Slider;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::{Group, SeriesId};
use crate::data::{DataFile, Event, Source};
use crate::figures::liquidity::{self as fig, IMPACT_TITLE};
use crate::format::fmt_num;
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::date::Date;
use crate::model::liquidity::{implied_growth_pct, share_beyond_pct, thinned_volume};
use crate::model::rates::{gordon_reprice_pct, Profile};
use crate::scenario::{market, DAY, DAY_BEFORE};
use crate::state::{Section, DEPTH, HORIZON, PE, SELL, WITH_LTH};
use leptos::prelude::*;

#[component]
pub fn Liquidity() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="liquidity" aria-labelledby="liquidity-h">
            <super::SectionHead section=Section::Liquidity/>
            <p>
                "By November the market's gains rested on a handful of AI companies. Nvidia's results on 19 November were "
                "the test: strong, and the shares rose after hours; the next day the rally collapsed."
            </p>
            <WithData2 a=store.markets b=store.events what="Nvidia's figures" render=|m, ev| {
                let rev = ev.facts(Group::NvdaResults).into_iter().find(|f| f.label.ends_with("Q3 FY26 revenue"));
                let get = |date: Date, what: &str| m.facts(Group::NvdaOhlc).into_iter().find(|f| f.date == date && f.label == format!("NVDA {what}"));
                let (prev, open, close) = (get(DAY_BEFORE, "close"), get(DAY, "open"), get(DAY, "close"));
                let mut sources: Vec<Source> = rev.iter().map(|f| f.source.clone()).collect();
                sources.extend([prev, open, close].iter().flatten().map(|f| f.source.clone()));
                let text = fig::nvidia_text(&m, &ev);
                view! { <p>{text}</p> <Sources sources=sources/> }
            }/>
            <p>
                "Meanwhile the market's capacity to absorb selling shrank: "
                <crate::components::Term slug="etf-flow" text="ETF outflows"/>
                " took money out of the spot Bitcoin funds, long-held coins were sold, order books thinned."
            </p>
            // The impact reads σ and V from the market-inputs table, which needs
            // rates.json too: wait for it, or a slow rates.json leaves the table
            // empty when this renders.
            <WithAll res=vec![store.flows, store.markets, store.rates] what="the market volume"
                render={move |f: Vec<DataFile>| view! { <Impact flows=f[0].clone() markets=f[1].clone() more=move || view! {
                    <WithData res=store.flows what="the ETF flow figures" render=|fl| {
                        let ibit_day = fl.facts(Group::EtfIbitDaily).into_iter().min_by(|a, b| a.value.total_cmp(&b.value));
                        let ibit_month = fl.facts(Group::EtfIbitMonth).into_iter().next();
                        let total = fl.facts(Group::EtfTotalMtd).into_iter().last();
                        let lth_raw = fl.facts(Group::Lth).into_iter().find(|f| f.label.contains("CryptoQuant"));
                        let lth_gn = fl.facts(Group::Lth).into_iter().find(|f| f.label.contains("Glassnode"));
                        let mut sources: Vec<Source> = Vec::new();
                        for f in [ibit_day, ibit_month, total, lth_raw, lth_gn].into_iter().flatten() { sources.push(f.source.clone()); }
                        sources.extend(fl.facts(Group::EtfIbitMtd).into_iter().map(|f| f.source.clone()));
                        // Owned text, for the disclosure's children.
                        let raw_btc = lth_raw.map(|f| grouped(f.value, 0)).unwrap_or_default();
                        let gn_btc = lth_gn.map(|f| grouped(f.value, 0)).unwrap_or_default();
                        view! {
                            <super::Disclosure summary="More: the ETF and holder claims">
                            <p data-testid="ibit-claims">{fig::ibit_text(&fl)}</p>
                            <p>
                                "It also says " <crate::components::Term slug="long-term-holder" text="long-term holders"/>
                                " sold 815,000 BTC in 30 days. No source for that figure was found, "
                                "and the measures that exist disagree: CryptoQuant's raw 30-day spending by long-term holders peaked near "
                                <strong>{raw_btc}</strong> " BTC, but about 650,000 of that "
                                "were internal transfers at Coinbase; Glassnode's long-term-holder supply fell by 452,532 BTC from July to "
                                "16 November, to " <strong>{gn_btc}</strong> " BTC. The figure is contested."
                            </p>
                            </super::Disclosure>
                            <Sources sources=sources/>
                        }
                    }/>
                    <super::Disclosure summary="More: the ETF flows day by day">
                        <WithAll res=vec![store.flows, store.markets, store.events] what="the flow chart" render={|f: Vec<DataFile>| view! { <FlowsFigure flows=f[0].clone() markets=f[1].clone() events=f[2].clone()/> }}/>
                    </super::Disclosure>
                    <Valuation/>
                }/> }}/>
            <crate::components::SectionQuestions section=Section::Liquidity/>
        </section>
    }
}

/// Valuation froth: what a P/E multiple implies about growth, tied to the rate
/// section's discount rate.
#[component]
fn Valuation() -> impl IntoView {
    let sc = expect_context::<Controls>();
    let g = Memo::new(move |_| implied_growth_pct(sc.pe.get(), sc.growth_r_pct.get()));
    let beyond = Memo::new(move |_| share_beyond_pct(sc.pe.get(), sc.growth_r_pct.get(), sc.horizon_y.get()));
    let plus25 = Memo::new(move |_| gordon_reprice_pct(Profile { r_pct: sc.growth_r_pct.get(), g_pct: g.get() }, 0.25));
    // Opens by itself when a link or a try-action sets its inputs off 20 Nov's.
    let set = Signal::derive(move || sc.pe.get() != PE.default || sc.horizon_y.get() != HORIZON.default);
    view! {
        <super::Disclosure summary="More: AI prices and the far future" open_when=set>
        <p>
            "The data has Nvidia's results but no valuation multiples, so the multiple below is yours to set. It is an assumption, "
            "not a fact about any company."
        </p>
        <div class="section-controls" role="group" aria-label="Valuation settings">
            <Slider spec=PE value=sc.pe unit="×" valuetext=|v| format!("price {} times earnings", fmt_num(v))/>
            <Slider spec=HORIZON value=sc.horizon_y unit="years" valuetext=|v| format!("{} years", fmt_num(v))/>
        </div>
        <p class="live" data-testid="valuation-live">
            "At " <strong>{move || format!("{}×", fmt_num(sc.pe.get()))}</strong> " earnings and a discount rate of "
            <strong>{move || format!("{}%", fmt_num(sc.growth_r_pct.get()))}</strong>
            " (the growth profile's r in the rates section), the price only makes sense if profits grow forever at "
            <strong class="v-g">{move || format!("{}% a year", grouped(g.get(), 1))}</strong> ". "
            <strong class="v-beyond">{move || format!("{}%", grouped(beyond.get(), 0))}</strong>
            {move || format!(" of the price rests on profits more than {} years away. ", fmt_num(sc.horizon_y.get()))}
            "A quarter-point rise in the discount rate would cut such a price by "
            <strong>{move || pct_signed(plus25.get(), 1)}</strong> " (model output, Gordon growth). "
            "That is why doubts about AI spending hit these shares so hard: most of what investors pay for is far away."
        </p>
        </super::Disclosure>
    }
}

#[component]
fn FlowsFigure(flows: DataFile, markets: DataFile, events: DataFile) -> impl IntoView {
    let chart = fig::flows_chart(&flows, &markets, &events);
    let readout = Signal::stored(chart.readout());
    // All events, so their numbers match every other timeline; those outside November are not drawn.
    let evs: Vec<Event> = events.events.clone();
    let all: Vec<_> = flows.facts.iter().filter(|f| f.group.starts_with("etf_")).cloned().collect();
    let mut sources: Vec<Source> = all.iter().map(|f| f.source.clone()).collect();
    sources.extend(markets.series(SeriesId::BtcUsd0000utc).map(|s| s.source.clone()));
    let source_line = crate::figures::source_line(&sources);
    let summary = fig::flows_summary(&flows, &chart);
    let legend = fig::flows_legend();
    view! {
        <figure class="figure" id="flows">
            <ChartCanvas embed="flows" draw=move |root: &charts::Canvas, f| charts::flows::draw(root, f, &chart)
                events=evs open_event="ibit_record_18" readout=readout source=source_line
                label="Bar chart: spot Bitcoin ETF net flows on the reported days of November 2025, month-to-date totals, and Bitcoin's price"
                describedby="flows-summary" aspect=0.45/>
            <Legend entries=Signal::stored(legend)/>
            <figcaption id="flows-summary">{summary}</figcaption>
            <p class="fine">"Only days with a reported figure are drawn; there is no complete daily table for November in the sources, so blank days are unknown, not zero."</p>
        </figure>
        <super::TableToggle
            caption="Spot Bitcoin ETF flows as reported, US$ millions".to_string()
            headers=vec!["Date", "Fund", "Net flow", "Note"]
            rows=Signal::stored(fig::flows_rows(&flows))/>
        <Sources sources=sources/>
    }
}

/// Square-root price impact of the day's net selling, against market depth.
#[component]
fn Impact(
    flows: DataFile,
    markets: DataFile,
    /// The section's other depth (the ETF flows, valuations), in the same "Go deeper".
    #[prop(into)]
    more: ViewFn,
) -> impl IntoView {
    let sc = expect_context::<Controls>();
    let Some(mk) = market(&markets) else {
        return view! { <p class="error data-error" role="alert">"markets.json lacks the Bitcoin prices or volume the impact model needs."</p> }.into_any();
    };
    let lth_usd_m = fig::lth_usd_m(&mk);
    // σ and V from the one market-inputs table, the same the cascade uses.
    let dv = expect_context::<Derived>();
    let Some(inp) = dv.inputs.get_untracked() else {
        return view! { <p class="error data-error" role="alert">"markets.json lacks the figures the impact model needs."</p> }.into_any();
    };
    let with_lth = move || sc.with_lth.get();
    // The day's selling as the model counts it (the synthesis's ETF bar too).
    let q_usd = Memo::new(move |_| dv.params.with(|p| crate::scenario::selling_usd(&mk, p)));
    let v_now = Memo::new(move |_| thinned_volume(inp.volume_usd, sc.depth_cut_pct.get()));
    let impact = Memo::new(move |_| fig::impact_pct(&inp, q_usd.get(), sc.depth_cut_pct.get()));
    let impact_full = Memo::new(move |_| fig::impact_pct(&inp, q_usd.get(), 0.0));
    // The chart from the one wiring the chart tests draw too; memoised on
    // the model, so a slider it does not read leaves it alone.
    let chart_input = Memo::new(move |_| dv.model.with(|m| m.as_deref().map(fig::impact_chart_at)));
    // Cross-check from the data: Bitcoin's UTC-day move per $1B on days with an all-funds flow figure.
    let check_rows = fig::check_rows(&flows, &markets);
    let mut sources: Vec<Source> = flows.facts(Group::EtfTotalDaily).into_iter().map(|f| f.source.clone()).collect();
    sources.extend(markets.ohlc.iter().map(|s| s.source.clone()));
    sources.extend(markets.series(SeriesId::BtcUsd0000utc).map(|s| s.source.clone()));
    let reset = move |_| sc.reset_section(Section::Liquidity);
    // "Adjust the model" opens by itself when a link or a try-action sets
    // the selling or the holders' switch off its 20 Nov value.
    let adjusted = Signal::derive(move || sc.sell_usd_m.get() != SELL.default || sc.with_lth.get() != WITH_LTH.default);
    view! {
        <p>
            "A market's depth is how much can be sold before the price moves. By the square-root law, a well-tested rule, "
            "the price moves with the square root of the selling relative to the day's volume: half the depth, about 40% further. "
            <crate::components::TryIt id="depth-half"/>
            " and watch the marked point; then " <crate::components::TryIt id="lth-on"/>
            ", the contested long-term-holder figure: far more than the ETFs sold."
        </p>
        <div class="section-controls" role="group" aria-label="Selling and depth settings">
            <Slider spec=DEPTH value=sc.depth_cut_pct unit="%" valuetext=|v| format!("market depth reduced by {} percent", fmt_num(v))/>
            <super::Disclosure summary="Adjust the model: selling, holders" class="adjust" later=true open_when=adjusted testid="adjust-liquidity">
                <Slider spec=SELL value=sc.sell_usd_m unit="$M" valuetext=|v| format!("{} million dollars of net selling", fmt_num(v))/>
                <label class="check">
                    <input type="checkbox" id="ctl-lth" prop:checked=with_lth
                        on:change=move |ev| sc.with_lth.set(event_target_checked(&ev))/>
                    {format!(" Add the long-term holders' selling as claimed (815,000 BTC in 30 days ≈ {} a day; contested)", usd_millions(lth_usd_m))}
                </label>
                <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
            </super::Disclosure>
        </div>
        <p class="live" data-testid="liquidity-live">
            "Selling " <strong class="v-q">{move || usd_millions(q_usd.get() / 1e6)}</strong> " in a day into "
            <strong class="v-v">{move || usd_millions(v_now.get() / 1e6)}</strong> " of volume"
            {move || if sc.depth_cut_pct.get() > 0.0 { format!(" (depth cut by {}%)", fmt_num(sc.depth_cut_pct.get())) } else { String::new() }}
            " pushes Bitcoin down by about " <strong class="v-impact">{move || format!("{}%", grouped(impact.get(), 2))}</strong>
            {move || if sc.depth_cut_pct.get() > 0.0 { format!(", against {}% at full depth", grouped(impact_full.get(), 2)) } else { String::new() }}
            " (model output). Bitcoin actually moved " <strong>{mk.actual_pct.map(|a| pct_signed(a, 2)).unwrap_or_else(|| "–".into())}</strong>
            " over the UTC day of 20 Nov."
        </p>
        <figure class="figure" id="impact">
            <ChartCanvas embed="impact" draw=move |root: &charts::Canvas, f| chart_input.with(|c| c.as_ref().map_or(Ok(None), |c| charts::lines::draw(root, f, c)))
                readout=Signal::derive(move || chart_input.with(|c| c.as_ref().map(|c| c.readout()).unwrap_or_default())) source=crate::figures::MODEL_SOURCE
                title=IMPACT_TITLE
                label="Line chart: modelled Bitcoin price fall against the share of market depth lost, for the chosen selling"
                describedby="impact-summary" aspect=0.5 min_h=200.0 max_h=360.0/>
            <Legend entries=Signal::derive(move || chart_input.with(|c| c.as_ref().map(|c| c.legend()).unwrap_or_default()))/>
            <figcaption id="impact-summary">{move || fig::impact_summary(&inp, q_usd.get())}
            </figcaption>
        </figure>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Liquidity after_figure=true/>
        <super::Disclosure summary="Go deeper: the claims in detail, a cross-check, the ETF flows, AI prices, the method, the sources" class="deeper" later=true>
        <super::Disclosure summary="More: a cross-check from the data">
            <div class="table-wrap">
                <table class="data-table" id="impact-check">
                    <caption>"Cross-check from the data: Bitcoin's move on days with an all-funds ETF flow figure"</caption>
                    <thead><tr><th scope="col">"Day"</th><th scope="col">"All funds' net flow"</th><th scope="col">"Bitcoin, UTC day"</th><th scope="col">"Per $1B of outflow"</th></tr></thead>
                    <tbody>
                        {fig::check_cells(&check_rows).into_iter().map(|[day, flow, mv, per_bn]| view! {
                            <tr><th scope="row">{day}</th><td>{flow}</td><td>{mv}</td><td>{per_bn}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="fine">
                {fig::check_range(&check_rows)}
                "This is rough: on any day many other things move the price, and the flows are reported for US trading hours, not UTC days."
            </p>
            </super::Disclosure>
            <super::TableToggle
                caption=Signal::derive(move || format!("Modelled price fall for {} of selling, by depth lost (model output)", usd_millions(q_usd.get() / 1e6)))
                headers=vec!["Depth lost", "Daily volume left", "Price fall"]
                rows=Signal::derive(move || fig::impact_rows(&inp, q_usd.get()))/>
            <super::Disclosure summary="How is this computed?" class="how">
                <ul>
                    <li>"Square-root law (Tóth et al., Physical Review X, 2011): ΔP/P = Y·σ·√(Q/V). Y = 0.7 (a constant of order one; assumption)."</li>
                    <li>{format!("σ = {}%: Bitcoin's volatility per UTC day over the {} UTC days to 19 Nov (Bitstamp closes), from the market-inputs table. Per UTC day, not per trading day, because V is a day's volume too.", grouped(inp.sigma_btc_utc * 100.0, 2), inp.sigma_btc_utc_n)}</li>
                    <li>{format!("V = {} a day: Bitcoin's traded volume across spot and derivatives venues, an assumption (the ranges on the synthesis use {} to {}); the cascade uses the same V. For comparison, Binance's BTC/USDT spot volume on 20 Nov was {} BTC × {} = {}: one venue's spot trading only, which would overstate the impact. The depth setting scales V down.",
                        usd_millions(inp.volume_usd / 1e6), usd_millions(inp.volume_low_usd / 1e6), usd_millions(inp.volume_high_usd / 1e6),
                        grouped(mk.volume_btc, 0), usd(mk.price, 0), usd_millions(mk.volume_usd / 1e6))}</li>
                    <li>"Q: the net selling you set (default: all US spot Bitcoin ETFs' net outflow on 20 Nov, $903M), plus, if ticked, the long-term holders' selling as the explanation claims it (815,000 BTC over 30 days at 20 Nov's price). That figure is contested: see Claims vs data."</li>
                    <li>"Valuation: Gordon growth with all earnings paid out, P = E/(r − g), so g = r − E/P; the share of the price beyond H years is ((1 + g)/(1 + r))"<sup>"H"</sup>"."</li>
                </ul>
            </super::Disclosure>
            <Sources sources=sources/>
            {more.run()}
        </super::Disclosure>
    }.into_any()
}
