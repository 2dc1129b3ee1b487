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
use crate::format::{grouped, pct_signed};
// The English amounts (the Chinese build writes them with `format::zh`).
#[cfg(not(feature = "zh"))]
use crate::format::{usd, usd_millions};
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
                {tr!(
                    "By November the market's gains rested on a handful of AI companies. Nvidia's results on 19 November were \
                     the test: strong, and the shares rose after hours; the next day the rally collapsed.",
                    "到了11月，美股的涨幅已集中在少数几家AI公司身上。英伟达11月19日发布的财报成了试金石：业绩强劲，\
                     股价盘后走高；但次日，这波涨势便急转直下。"
                )}
            </p>
            <WithData2 a=store.markets b=store.events what=tr!("Nvidia's figures", "英伟达的数据") render=|m, ev| {
                let rev = ev.facts(Group::NvdaResults).into_iter().find(|f| f.label.ends_with("Q3 FY26 revenue"));
                let get = |date: Date, what: &str| m.facts(Group::NvdaOhlc).into_iter().find(|f| f.date == date && f.label == format!("NVDA {what}"));
                let (prev, open, close) = (get(DAY_BEFORE, "close"), get(DAY, "open"), get(DAY, "close"));
                let mut sources: Vec<Source> = rev.iter().map(|f| f.source.clone()).collect();
                sources.extend([prev, open, close].iter().flatten().map(|f| f.source.clone()));
                let text = tr!(fig::nvidia_text(&m, &ev), fig::zh::nvidia_text(&m, &ev));
                view! { <p>{text}</p> <Sources sources=sources/> }
            }/>
            <p>
                {tr!("Meanwhile the market's capacity to absorb selling shrank: ", "与此同时，市场承接抛盘的能力在萎缩：比特币现货")}
                <crate::components::Term slug="etf-flow" text=tr!("ETF outflows", "ETF资金流出")/>
                {tr!(
                    " took money out of the spot Bitcoin funds, long-held coins were sold, order books thinned.",
                    "持续不断，长期持有者也在抛售，订单簿随之变薄。"
                )}
            </p>
            // The impact reads σ and V from the market-inputs table, which needs
            // rates.json too: wait for it, or a slow rates.json leaves the table
            // empty when this renders.
            <WithAll res=vec![store.flows, store.markets, store.rates] what=tr!("the market volume", "市场成交量数据")
                render={move |f: Vec<DataFile>| view! { <Impact flows=f[0].clone() markets=f[1].clone() more=move || view! {
                    <WithData res=store.flows what=tr!("the ETF flow figures", "ETF资金流向数据") render=|fl| {
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
                            <super::Disclosure summary=tr!("More: the ETF and holder claims", "更多：关于ETF与长期持有者的说法")>
                            <p data-testid="ibit-claims">{tr!(fig::ibit_text(&fl), fig::zh::ibit_text(&fl))}</p>
                            <p>
                                {tr!("It also says ", "原文还称，")}
                                <crate::components::Term slug="long-term-holder" text=tr!("long-term holders", "长期持有者")/>
                                {tr!(
                                    " sold 815,000 BTC in 30 days. No source for that figure was found, \
                                     and the measures that exist disagree: CryptoQuant's raw 30-day spending by long-term holders peaked near ",
                                    "在30天内卖出了81.5万枚BTC。我们没有找到这一数字的出处，现有的几种统计口径也互相矛盾：\
                                     CryptoQuant统计的长期持有者30日链上转出量（原始数据）峰值接近"
                                )}
                                <strong>{raw_btc}</strong>
                                {tr!(
                                    " BTC, but about 650,000 of that \
                                     were internal transfers at Coinbase; Glassnode's long-term-holder supply fell by 452,532 BTC from July to \
                                     16 November, to ",
                                    "枚BTC，但其中约65万枚是Coinbase的内部转账；据Glassnode统计，长期持有者的持币量从7月到11月16日\
                                     减少了452,532枚BTC，降至"
                                )}
                                <strong>{gn_btc}</strong>
                                {tr!(" BTC. The figure is contested.", "枚BTC。这一数字存在争议。")}
                            </p>
                            </super::Disclosure>
                            <Sources sources=sources/>
                        }
                    }/>
                    <super::Disclosure summary=tr!("More: the ETF flows day by day", "更多：ETF逐日资金流向")>
                        <WithAll res=vec![store.flows, store.markets, store.events] what=tr!("the flow chart", "资金流向图") render={|f: Vec<DataFile>| view! { <FlowsFigure flows=f[0].clone() markets=f[1].clone() events=f[2].clone()/> }}/>
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
        <super::Disclosure summary=tr!("More: AI prices and the far future", "更多：AI股估值与遥远的未来") open_when=set>
        <p>
            {tr!(
                "The data has Nvidia's results but no valuation multiples, so the multiple below is yours to set. It is an assumption, \
                 not a fact about any company.",
                "数据里有英伟达的财报，却没有估值倍数，因此下面的市盈率由你来设定。这只是一个假设，并非任何公司的实际数据。"
            )}
        </p>
        <div class="section-controls" role="group" aria-label=tr!("Valuation settings", "估值设置")>
            <Slider spec=PE value=sc.pe unit="×"
                valuetext=|v| tr!(format!("price {} times earnings", fmt_num(v)), format!("股价为盈利的{}倍", fmt_num(v)))/>
            <Slider spec=HORIZON value=sc.horizon_y unit=tr!("years", "年")
                valuetext=|v| tr!(format!("{} years", fmt_num(v)), format!("{}年", fmt_num(v)))/>
        </div>
        <p class="live" data-testid="valuation-live">
            {tr!("At ", "在")} <strong>{move || tr!(format!("{}×", fmt_num(sc.pe.get())), format!("{}倍", fmt_num(sc.pe.get())))}</strong>
            {tr!(" earnings and a discount rate of ", "市盈率、")}
            <strong>{move || format!("{}%", fmt_num(sc.growth_r_pct.get()))}</strong>
            {tr!(
                " (the growth profile's r in the rates section), the price only makes sense if profits grow forever at ",
                "贴现率（即第1节成长股设定中的r）下，只有利润永续保持"
            )}
            <strong class="v-g">{move || tr!(format!("{}% a year", grouped(g.get(), 1)), format!("每年{}%", grouped(g.get(), 1)))}</strong>
            {tr!(". ", "的增长，这个价格才说得通。")}
            {tr!(
                view! {
                    <strong class="v-beyond">{move || format!("{}%", grouped(beyond.get(), 0))}</strong>
                    {move || format!(" of the price rests on profits more than {} years away. ", fmt_num(sc.horizon_y.get()))}
                }
                .into_any(),
                view! {
                    "价格中有"
                    <strong class="v-beyond">{move || format!("{}%", grouped(beyond.get(), 0))}</strong>
                    {move || format!("取决于{}年以后的利润。", fmt_num(sc.horizon_y.get()))}
                }
                .into_any()
            )}
            {tr!("A quarter-point rise in the discount rate would cut such a price by ", "贴现率若上升25个基点，这样的价格就会下跌")}
            <strong>{move || tr!(pct_signed(plus25.get(), 1), crate::format::pct_abs(plus25.get(), 1))}</strong>
            {tr!(
                " (model output, Gordon growth). \
                 That is why doubts about AI spending hit these shares so hard: most of what investors pay for is far away.",
                "（模型输出，戈登增长模型）。这就是市场对AI支出的疑虑会让这些股票遭受重挫的原因：投资者花钱买下的，大部分都在遥远的未来。"
            )}
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
    let summary = tr!(fig::flows_summary(&flows, &chart), fig::zh::flows_summary(&flows, &chart));
    let legend = tr!(fig::flows_legend(), fig::zh::flows_legend_entries());
    view! {
        <figure class="figure" id="flows">
            <ChartCanvas embed="flows" draw=move |root: &charts::Canvas, f| charts::flows::draw(root, f, &chart)
                events=evs open_event="ibit_record_18" readout=readout source=source_line
                label=tr!(
                    "Bar chart: spot Bitcoin ETF net flows on the reported days of November 2025, month-to-date totals, and Bitcoin's price",
                    "柱状图：2025年11月有报道数据的交易日比特币现货ETF的资金净流量、月内累计及比特币价格"
                )
                describedby="flows-summary" aspect=0.45/>
            <Legend entries=Signal::stored(legend)/>
            <figcaption id="flows-summary">{summary}</figcaption>
            <p class="fine">
                {tr!(
                    "Only days with a reported figure are drawn; there is no complete daily table for November in the sources, so blank days are unknown, not zero.",
                    "图中只画出有报道数据的日子；资料来源中没有11月完整的逐日数据，因此空白的日子表示数据未知，而不是零。"
                )}
            </p>
        </figure>
        <super::TableToggle
            caption=tr!("Spot Bitcoin ETF flows as reported, US$ millions", "比特币现货ETF资金净流量（据报道，单位：百万美元）").to_string()
            headers=tr!(vec!["Date", "Fund", "Net flow", "Note"], vec!["日期", "基金", "净流量", "备注"])
            rows=Signal::stored(tr!(fig::flows_rows(&flows), fig::zh::flows_rows(&flows)))/>
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
        return view! {
            <p class="error data-error" role="alert">
                {tr!(
                    "markets.json lacks the Bitcoin prices or volume the impact model needs.",
                    "markets.json缺少价格冲击模型所需的比特币价格或成交量。"
                )}
            </p>
        }
        .into_any();
    };
    let lth_usd_m = fig::lth_usd_m(&mk);
    // σ and V from the one market-inputs table, the same the cascade uses.
    let dv = expect_context::<Derived>();
    let Some(inp) = dv.inputs.get_untracked() else {
        return view! {
            <p class="error data-error" role="alert">
                {tr!("markets.json lacks the figures the impact model needs.", "markets.json缺少价格冲击模型所需的数据。")}
            </p>
        }
        .into_any();
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
            {tr!(
                "A market's depth is how much can be sold before the price moves. By the square-root law, a well-tested rule, \
                 the price moves with the square root of the selling relative to the day's volume: half the depth, about 40% further. ",
                "市场深度，是指价格变动之前市场能承接多少卖盘。按照经大量实证检验的平方根法则，价格变动与抛售量占当日成交量之比的\
                 平方根成正比：深度减半，跌幅约扩大40%。不妨"
            )}
            <crate::components::TryIt id="depth-half"/>
            {tr!(" and watch the marked point; then ", "，看看标记点如何移动；再")} <crate::components::TryIt id="lth-on"/>
            {tr!(
                ", the contested long-term-holder figure: far more than the ETFs sold.",
                "——这一数字存疑，但远高于ETF的卖出量。"
            )}
        </p>
        <div class="section-controls" role="group" aria-label=tr!("Selling and depth settings", "抛售与深度设置")>
            <Slider spec=DEPTH value=sc.depth_cut_pct unit="%"
                valuetext=|v| tr!(format!("market depth reduced by {} percent", fmt_num(v)), format!("市场深度下降{}%", fmt_num(v)))/>
            <super::Disclosure summary=tr!("Adjust the model: selling, holders", "调整模型：抛售量、长期持有者") class="adjust" later=true open_when=adjusted testid="adjust-liquidity">
                <Slider spec=SELL value=sc.sell_usd_m unit=tr!("$M", "百万美元")
                    valuetext=|v| {
                        tr!(
                            format!("{} million dollars of net selling", fmt_num(v)),
                            format!("净抛售{}", crate::format::zh::usd_millions(v))
                        )
                    }/>
                <label class="check">
                    <input type="checkbox" id="ctl-lth" prop:checked=with_lth
                        on:change=move |ev| sc.with_lth.set(event_target_checked(&ev))/>
                    {tr!(
                        format!(" Add the long-term holders' selling as claimed (815,000 BTC in 30 days ≈ {} a day; contested)", usd_millions(lth_usd_m)),
                        format!(
                            " 计入原文所称的长期持有者抛售（30天内81.5万枚BTC，约合每天{}；存在争议）",
                            crate::format::zh::usd_millions(lth_usd_m)
                        )
                    )}
                </label>
                <button type="button" class="reset" on:click=reset>{tr!("Reset to the 20 Nov values", "恢复为11月20日的设定")}</button>
            </super::Disclosure>
        </div>
        <p class="live" data-testid="liquidity-live">
            {tr!("Selling ", "一天内抛售")}
            <strong class="v-q">{move || tr!(usd_millions(q_usd.get() / 1e6), crate::format::zh::usd_millions(q_usd.get() / 1e6))}</strong>
            {tr!(" in a day into ", "，而当日成交量为")}
            <strong class="v-v">{move || tr!(usd_millions(v_now.get() / 1e6), crate::format::zh::usd_millions(v_now.get() / 1e6))}</strong>
            {tr!(" of volume", "")}
            {move || if sc.depth_cut_pct.get() > 0.0 {
                tr!(format!(" (depth cut by {}%)", fmt_num(sc.depth_cut_pct.get())), format!("（市场深度下降{}%）", fmt_num(sc.depth_cut_pct.get())))
            } else { String::new() }}
            {tr!(" pushes Bitcoin down by about ", "，这会使比特币下跌约")}
            <strong class="v-impact">{move || format!("{}%", grouped(impact.get(), 2))}</strong>
            {move || if sc.depth_cut_pct.get() > 0.0 {
                tr!(format!(", against {}% at full depth", grouped(impact_full.get(), 2)), format!("，而市场深度完好时为{}%", grouped(impact_full.get(), 2)))
            } else { String::new() }}
            {tr!(" (model output). Bitcoin actually moved ", "（模型输出）。按UTC日计，比特币11月20日的实际涨跌幅为")}
            <strong>{mk.actual_pct.map(|a| pct_signed(a, 2)).unwrap_or_else(|| "–".into())}</strong>
            {tr!(" over the UTC day of 20 Nov.", "。")}
        </p>
        <figure class="figure" id="impact">
            <ChartCanvas embed="impact" draw=move |root: &charts::Canvas, f| chart_input.with(|c| c.as_ref().map_or(Ok(None), |c| charts::lines::draw(root, f, c)))
                readout=Signal::derive(move || chart_input.with(|c| c.as_ref().map(|c| c.readout()).unwrap_or_default())) source=crate::figures::MODEL_SOURCE
                title=IMPACT_TITLE
                label=tr!(
                    "Line chart: modelled Bitcoin price fall against the share of market depth lost, for the chosen selling",
                    "折线图：在所选抛售量下，模型估算的比特币跌幅随市场深度下降幅度的变化"
                )
                describedby="impact-summary" aspect=0.5 min_h=200.0 max_h=360.0/>
            <Legend entries=Signal::derive(move || chart_input.with(|c| c.as_ref().map(|c| c.legend()).unwrap_or_default()))/>
            <figcaption id="impact-summary">{move || tr!(fig::impact_summary(&inp, q_usd.get()), fig::zh::impact_summary(&inp, q_usd.get()))}
            </figcaption>
        </figure>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Liquidity after_figure=true/>
        <super::Disclosure
            summary=tr!(
                "Go deeper: the claims in detail, a cross-check, the ETF flows, AI prices, the method, the sources",
                "深入了解：相关说法详解、数据交叉核对、ETF资金流向、AI股估值、计算方法、资料来源"
            )
            class="deeper" later=true>
        <super::Disclosure summary=tr!("More: a cross-check from the data", "更多：用数据交叉核对")>
            <div class="table-wrap">
                <table class="data-table" id="impact-check">
                    <caption>
                        {tr!(
                            "Cross-check from the data: Bitcoin's move on days with an all-funds ETF flow figure",
                            "数据交叉核对：在有全部ETF合计资金流向数据的交易日，比特币的涨跌幅"
                        )}
                    </caption>
                    <thead><tr>
                        <th scope="col">{tr!("Day", "日期")}</th>
                        <th scope="col">{tr!("All funds' net flow", "全部基金净流量")}</th>
                        <th scope="col">{tr!("Bitcoin, UTC day", "比特币（UTC日）")}</th>
                        <th scope="col">{tr!("Per $1B of outflow", "每流出10亿美元")}</th>
                    </tr></thead>
                    <tbody>
                        {tr!(fig::check_cells(&check_rows), fig::zh::check_cells(&check_rows)).into_iter().map(|[day, flow, mv, per_bn]| view! {
                            <tr><th scope="row">{day}</th><td>{flow}</td><td>{mv}</td><td>{per_bn}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="fine">
                {tr!(fig::check_range(&check_rows), fig::zh::check_range(&check_rows))}
                {tr!(
                    "This is rough: on any day many other things move the price, and the flows are reported for US trading hours, not UTC days.",
                    "这只是粗略的估算：任何一天都有许多其他因素在影响价格，而且资金流向是按美国交易时段统计的，而不是按UTC日。"
                )}
            </p>
            </super::Disclosure>
            <super::TableToggle
                caption=Signal::derive(move || {
                    tr!(
                        format!("Modelled price fall for {} of selling, by depth lost (model output)", usd_millions(q_usd.get() / 1e6)),
                        format!("抛售{}时模型估算的跌幅，按市场深度下降幅度列示（模型输出）", crate::format::zh::usd_millions(q_usd.get() / 1e6))
                    )
                })
                headers=tr!(vec!["Depth lost", "Daily volume left", "Price fall"], vec!["市场深度下降幅度", "剩余日成交量", "跌幅"])
                rows=Signal::derive(move || fig::impact_rows(&inp, q_usd.get()))/>
            <super::Disclosure summary=tr!("How is this computed?", "计算方法") class="how">
                <ul>
                    <li>{tr!(
                        "Square-root law (Tóth et al., Physical Review X, 2011): ΔP/P = Y·σ·√(Q/V). Y = 0.7 (a constant of order one; assumption).",
                        "平方根法则（托特等，《物理评论X》，2011）：ΔP/P = Y·σ·√(Q/V)。Y = 0.7（量级为1的常数；假设值）。"
                    )}</li>
                    <li>{tr!(
                        format!("σ = {}%: Bitcoin's volatility per UTC day over the {} UTC days to 19 Nov (Bitstamp closes), from the market-inputs table. Per UTC day, not per trading day, because V is a day's volume too.", grouped(inp.sigma_btc_utc * 100.0, 2), inp.sigma_btc_utc_n),
                        format!(
                            "σ = {}%：截至11月19日的{}个UTC日内比特币的每UTC日波动率（Bitstamp收盘价），取自市场输入参数表。\
                             之所以按UTC日而非交易日计算，是因为V也是一整天的成交量。",
                            grouped(inp.sigma_btc_utc * 100.0, 2),
                            inp.sigma_btc_utc_n
                        )
                    )}</li>
                    <li>{tr!(
                        format!("V = {} a day: Bitcoin's traded volume across spot and derivatives venues, an assumption (the ranges on the synthesis use {} to {}); the cascade uses the same V. For comparison, Binance's BTC/USDT spot volume on 20 Nov was {} BTC × {} = {}: one venue's spot trading only, which would overstate the impact. The depth setting scales V down.",
                            usd_millions(inp.volume_usd / 1e6), usd_millions(inp.volume_low_usd / 1e6), usd_millions(inp.volume_high_usd / 1e6),
                            grouped(mk.volume_btc, 0), usd(mk.price, 0), usd_millions(mk.volume_usd / 1e6)),
                        format!(
                            "V = 每天{}：比特币在各现货和衍生品交易场所的总成交量，为假设值（第5节综合分析的区间取{}至{}）；\
                             第4节的强平连锁模型使用同一V值。作为对比，Binance的BTC/USDT现货11月20日成交量为{}枚BTC × {} = {}：\
                             这只是单一交易所的现货成交，用它会高估价格冲击。市场深度设置会按比例缩小V。",
                            crate::format::zh::usd_millions(inp.volume_usd / 1e6),
                            crate::format::zh::usd_millions(inp.volume_low_usd / 1e6),
                            crate::format::zh::usd_millions(inp.volume_high_usd / 1e6),
                            grouped(mk.volume_btc, 0),
                            crate::format::zh::price_usd(mk.price, 0),
                            crate::format::zh::usd_millions(mk.volume_usd / 1e6)
                        )
                    )}</li>
                    <li>{tr!(
                        "Q: the net selling you set (default: all US spot Bitcoin ETFs' net outflow on 20 Nov, $903M), plus, if ticked, the long-term holders' selling as the explanation claims it (815,000 BTC over 30 days at 20 Nov's price). That figure is contested: see Claims vs data.",
                        "Q：你设定的净抛售量（默认值为11月20日美国全部比特币现货ETF的净流出，9.03亿美元）；若勾选，再加上原文所称的长期持有者抛售\
                         （30天内81.5万枚BTC，按11月20日的价格折算）。这一数字存在争议：见“原文说法与数据对照”。"
                    )}</li>
                    <li>
                        {tr!(
                            "Valuation: Gordon growth with all earnings paid out, P = E/(r − g), so g = r − E/P; the share of the price beyond H years is ((1 + g)/(1 + r))",
                            "估值：采用戈登增长模型，假设盈利全部派发，P = E/(r − g)，因此g = r − E/P；价格中H年以后的部分所占比例为((1 + g)/(1 + r))"
                        )}
                        <sup>"H"</sup>
                        {tr!(".", "。")}
                    </li>
                </ul>
            </super::Disclosure>
            <Sources sources=sources/>
            {more.run()}
        </super::Disclosure>
    }.into_any()
}
