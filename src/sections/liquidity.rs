//! Cause 3: AI-valuation froth, ETF outflows and thinning market depth.

use super::{Sources, WithAll, WithData, WithData2};
use crate::components::Slider;
use crate::context::{Controls, DataStore};
use crate::charts::{self, flows::FlowsChart, lines::{Line, LineChart, Mark}, ChartCanvas, Legend, BITCOIN};
use crate::data::{DataFile, Event, Source};
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::date::{constant as d, Date};
use crate::model::liquidity::{implied_growth_pct, share_beyond_pct, sqrt_impact_pct, thinned_volume};
use crate::model::rates::{gordon_reprice_pct, Profile};
use crate::model::series::{pct_change, shift_days};
use crate::scenario::{market, LTH_CLAIM_BTC, Y};
use crate::state::{fmt_num, Section, DEPTH, HORIZON, PE, SELL};
use leptos::prelude::*;
use plotters::style::RGBColor;


const ETF_C: RGBColor = RGBColor(0, 114, 178);
const BOTH_C: RGBColor = RGBColor(213, 94, 0);


#[component]
pub fn Liquidity() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="liquidity" aria-labelledby="liquidity-h">
            <super::SectionHead section=Section::Liquidity/>
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
            <h3>"How much of an AI leader's price is a bet on the far future?"</h3>
            <Valuation/>
            <h3>"The flows"</h3>
            <WithAll res=vec![store.flows, store.markets, store.events] what="the flow chart" render={|f: Vec<DataFile>| view! { <FlowsFigure flows=f[0].clone() markets=f[1].clone() events=f[2].clone()/> }}/>
            <h3>"Why the same selling moved the price further"</h3>
            <WithData2 a=store.flows b=store.markets what="the market volume" render=|fl, m| view! { <Impact flows=fl markets=m/> }/>
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
    view! {
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
    }
}

#[component]
fn FlowsFigure(flows: DataFile, markets: DataFile, events: DataFile) -> impl IntoView {
    let to_pts = |group: &str| -> Vec<(Date, f64)> {
        let mut seen: Vec<Date> = Vec::new();
        flows.facts(group).into_iter().filter_map(|f| {
            let day = Date::parse(&f.date)?;
            // Where two sources report the same day, the first (Farside) is drawn; the table lists both.
            if seen.contains(&day) { return None; }
            seen.push(day);
            Some((day, f.value))
        }).collect()
    };
    let btc: Vec<(Date, f64)> = shift_days(&markets.obs("btc_usd_0000utc").unwrap_or_default(), -1)
        .into_iter().filter(|o| o.date >= d("2025-11-01") && o.date <= d("2025-11-30")).map(|o| (o.date, o.value)).collect();
    let daily_ibit = to_pts("etf_ibit_daily");
    let record = daily_ibit.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
    let mut mtd_ibit = to_pts("etf_ibit_mtd");
    mtd_ibit.extend(to_pts("etf_ibit_month"));
    let chart = FlowsChart {
        start: d("2025-11-01"),
        end: d("2025-11-30"),
        daily_ibit,
        daily_total: to_pts("etf_total_daily"),
        mtd_total: to_pts("etf_total_mtd"),
        mtd_ibit,
        btc,
        record,
        events: events.events.iter().filter_map(|e| Date::parse(&e.date)).collect(),
    };
    // All events, so their numbers match every other timeline; those outside November are not drawn.
    let evs: Vec<Event> = events.events.clone();
    let all: Vec<_> = flows.facts.iter().filter(|f| f.group.starts_with("etf_")).cloned().collect();
    let mut sources: Vec<Source> = all.iter().map(|f| f.source.clone()).collect();
    sources.extend(markets.series("btc_usd_0000utc").map(|s| s.source.clone()));
    let summary = format!(
        "Reported net flows of US spot Bitcoin ETFs in November 2025: IBIT's largest one-day outflow was {} on {}; all funds had lost about {} by 24 Nov. Bitcoin fell from {} on 1 Nov to {} on 21 Nov (UTC closes).",
        record.map(|r| usd_millions(r.1)).unwrap_or_default(), record.map(|r| r.0.long()).unwrap_or_default(),
        flows.facts("etf_total_mtd").last().map(|f| usd_millions(f.value)).unwrap_or_default(),
        chart.btc.first().map(|p| usd(p.1, 0)).unwrap_or_default(),
        chart.btc.iter().find(|p| p.0 == d("2025-11-21")).map(|p| usd(p.1, 0)).unwrap_or_default(),
    );
    let legend = vec![
        ("IBIT, daily".to_string(), charts::flows::IBIT, false),
        ("All funds, daily".to_string(), charts::flows::ALL_FUNDS, false),
        ("Month to date (● all funds, ▲ IBIT)".to_string(), charts::flows::MTD, false),
        ("Bitcoin price (right axis)".to_string(), BITCOIN, false),
    ];
    view! {
        <figure class="figure" id="flows">
            <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| charts::flows::draw(c, f, &chart)
                events=evs open_event="ibit_record_18"
                label="Bar chart: spot Bitcoin ETF net flows on the reported days of November 2025, month-to-date totals, and Bitcoin's price"
                describedby="flows-summary" aspect=0.45/>
            <Legend entries=Signal::stored(legend)/>
            <figcaption id="flows-summary">{summary}</figcaption>
            <p class="fine">"Only days with a reported figure are drawn; there is no complete daily table for November in the sources, so blank days are unknown, not zero."</p>
        </figure>
        <super::TableToggle
            caption="Spot Bitcoin ETF flows as reported, US$ millions".to_string()
            headers=vec!["Date", "Fund", "Net flow", "Note"]
            rows=Signal::stored(all.iter().map(|f| vec![
                super::long_date(&f.date), f.label.replace("Spot Bitcoin ETF net flow: ", ""), grouped(f.value, 1), f.note.clone(),
            ]).collect::<Vec<_>>())/>
        <Sources sources=sources/>
    }
}

/// Square-root price impact of the day's net selling, against market depth.
#[component]
fn Impact(flows: DataFile, markets: DataFile) -> impl IntoView {
    let sc = expect_context::<Controls>();
    let Some(mk) = market(&markets) else {
        return view! { <p class="error data-error" role="alert">"markets.json lacks the Bitcoin prices or volume the impact model needs."</p> }.into_any();
    };
    let lth_usd_m = LTH_CLAIM_BTC / 30.0 * mk.price / 1e6;
    let with_lth = move || sc.with_lth.get();
    let q_usd = Memo::new(move |_| (sc.sell_usd_m.get() + if with_lth() { lth_usd_m } else { 0.0 }) * 1e6);
    let v_now = Memo::new(move |_| thinned_volume(mk.volume_usd, sc.depth_cut_pct.get()));
    let impact = Memo::new(move |_| sqrt_impact_pct(Y, mk.sigma, q_usd.get(), v_now.get()));
    let impact_full = Memo::new(move |_| sqrt_impact_pct(Y, mk.sigma, q_usd.get(), mk.volume_usd));
    let chart = move || {
        let etf = sc.sell_usd_m.get() * 1e6;
        let line = |name: String, color, q: f64| Line {
            name, color, dashed: false,
            points: (0..=90).map(|c| (c as f64, sqrt_impact_pct(Y, mk.sigma, q, thinned_volume(mk.volume_usd, c as f64)))).collect(),
        };
        let mut lines = vec![line(format!("{} of selling", usd_millions(sc.sell_usd_m.get())), ETF_C, etf)];
        if with_lth() {
            lines.push(line(format!("plus the contested LTH selling ({} a day)", usd_millions(lth_usd_m)), BOTH_C, etf + lth_usd_m * 1e6));
        }
        LineChart {
            title: "Price impact of a day's net selling (square-root law), model output".into(),
            x_range: (0.0, 90.0),
            y_range: None,
            x_desc: "Market depth lost, %".into(),
            y_desc: "Price fall, %".into(),
            x_fmt: |x| format!("{x:.0}"),
            y_fmt: |y| format!("{y:.1}"),
            lines,
            marks: vec![Mark { x: sc.depth_cut_pct.get(), y: impact.get(), color: RGBColor(34, 34, 34), label: format!("{}%", grouped(impact.get(), 2)) }],
            current: Some((sc.depth_cut_pct.get(), format!("depth lost {}%", fmt_num(sc.depth_cut_pct.get())))),
        }
    };
    // Cross-check from the data: Bitcoin's UTC-day move per $1B on days with an all-funds flow figure.
    let closes = shift_days(&markets.obs("btc_usd_0000utc").unwrap_or_default(), -1);
    let mut seen: Vec<String> = Vec::new();
    let check_rows: Vec<(String, f64, f64)> = flows.facts("etf_total_daily").into_iter().filter_map(|f| {
        if seen.contains(&f.date) { return None; }
        seen.push(f.date.clone());
        let day = Date::parse(&f.date)?;
        let i = closes.iter().position(|o| o.date == day).filter(|&i| i > 0)?;
        Some((f.date.clone(), f.value, pct_change(closes[i - 1].value, closes[i].value)))
    }).collect();
    let per_bn: Vec<f64> = check_rows.iter().filter(|r| r.1 < 0.0).map(|r| r.2 / (-r.1 / 1000.0)).collect();
    let (lo, hi) = per_bn.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    let mut sources: Vec<Source> = flows.facts("etf_total_daily").into_iter().map(|f| f.source.clone()).collect();
    sources.extend(markets.ohlc.iter().map(|s| s.source.clone()));
    sources.extend(markets.series("btc_usd_0000utc").map(|s| s.source.clone()));
    let reset = move |_| sc.reset_section(Section::Liquidity);
    view! {
        <p>
            "A market's capacity to absorb selling is its depth: how much can be sold before the price has to move. A well-tested "
            "rule from market microstructure, the square-root law, says the price moves with the square root of the amount sold "
            "relative to the day's volume. Halve the depth and the same selling moves the price about 40% further."
        </p>
        <div class="section-controls" role="group" aria-label="Selling and depth settings">
            <Slider spec=SELL value=sc.sell_usd_m unit="$M" valuetext=|v| format!("{} million dollars of net selling", fmt_num(v))/>
            <Slider spec=DEPTH value=sc.depth_cut_pct unit="%" valuetext=|v| format!("market depth reduced by {} percent", fmt_num(v))/>
            <label class="check">
                <input type="checkbox" id="ctl-lth" prop:checked=with_lth
                    on:change=move |ev| sc.with_lth.set(event_target_checked(&ev))/>
                {format!(" Add the long-term holders' selling as claimed (815,000 BTC in 30 days ≈ {} a day; contested)", usd_millions(lth_usd_m))}
            </label>
            <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
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
            <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| charts::lines::draw(c, f, &chart())
                title="Price impact of a day's net selling (square-root law), model output"
                label="Line chart: modelled Bitcoin price fall against the share of market depth lost, for the chosen selling"
                describedby="impact-summary" aspect=0.5 max_h=360.0/>
            <Legend entries=Signal::derive(move || chart().legend())/>
            <figcaption id="impact-summary">{move || format!(
                "At full depth the chosen selling moves Bitcoin by {}%; with 50% of depth gone, {}%; with 90% gone, {}% (model output).",
                grouped(impact_full.get(), 2),
                grouped(sqrt_impact_pct(Y, mk.sigma, q_usd.get(), thinned_volume(mk.volume_usd, 50.0)), 2),
                grouped(sqrt_impact_pct(Y, mk.sigma, q_usd.get(), thinned_volume(mk.volume_usd, 90.0)), 2))}
            </figcaption>
        </figure>
        <super::TableToggle
            caption=Signal::derive(move || format!("Modelled price fall for {} of selling, by depth lost (model output)", usd_millions(q_usd.get() / 1e6)))
            headers=vec!["Depth lost", "Daily volume left", "Price fall"]
            rows=Signal::derive(move || (0..=9).map(|i| {
                let cut = f64::from(i) * 10.0;
                let v = thinned_volume(mk.volume_usd, cut);
                vec![format!("{cut:.0}%"), usd_millions(v / 1e6), format!("{}%", grouped(sqrt_impact_pct(Y, mk.sigma, q_usd.get(), v), 2))]
            }).collect())/>
        <div class="table-wrap">
            <table class="data-table" id="impact-check">
                <caption>"Cross-check from the data: Bitcoin's move on days with an all-funds ETF flow figure"</caption>
                <thead><tr><th scope="col">"Day"</th><th scope="col">"All funds' net flow"</th><th scope="col">"Bitcoin, UTC day"</th><th scope="col">"Per $1B of outflow"</th></tr></thead>
                <tbody>
                    {check_rows.iter().map(|(day, flow, mv)| view! {
                        <tr><th scope="row">{super::long_date(day)}</th><td>{usd_millions(*flow)}</td><td>{pct_signed(*mv, 2)}</td>
                            <td>{if *flow < 0.0 { pct_signed(mv / (-flow / 1000.0), 1) } else { "–".into() }}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="fine">
            {if per_bn.is_empty() { String::new() } else { format!("On these days Bitcoin moved between {} and {} per $1B of outflow. ", pct_signed(lo, 1), pct_signed(hi, 1)) }}
            "Market commentary quotes a rule of thumb of about 3.4% per $1B of ETF outflow (its source is not in the bundled data). "
            "Both are rough: on any day many other things move the price, and the flows are reported for US trading hours."
        </p>
        <details class="how">
            <summary>"How is this computed?"</summary>
            <ul>
                <li>"Square-root law (Tóth et al., Physical Review X, 2011): ΔP/P = Y·σ·√(Q/V). Y = 0.7 (a constant of order one; assumption)."</li>
                <li>{format!("σ = {}%: Bitcoin's daily volatility over the {} UTC days to 19 Nov (Bitstamp closes).", grouped(mk.sigma * 100.0, 2), mk.sigma_n)}</li>
                <li>{format!("V = {} BTC × {} = {}: Binance BTC/USDT spot volume on 20 Nov. That is one venue; the whole market trades more, so this overstates the impact. The depth setting scales V down.",
                    grouped(mk.volume_btc, 0), usd(mk.price, 0), usd_millions(mk.volume_usd / 1e6))}</li>
                <li>"Q: the net selling you set (default: all US spot Bitcoin ETFs' net outflow on 20 Nov, $903M), plus, if ticked, the long-term holders' selling as the explanation claims it (815,000 BTC over 30 days at 20 Nov's price). That figure is contested: see Claims vs data."</li>
                <li>"Valuation: Gordon growth with all earnings paid out, P = E/(r − g), so g = r − E/P; the share of the price beyond H years is ((1 + g)/(1 + r))"<sup>"H"</sup>"."</li>
            </ul>
        </details>
        <Sources sources=sources/>
    }.into_any()
}
