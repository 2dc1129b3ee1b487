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
use crate::format::{grouped, pct_signed};
// The English figures (the Chinese edition's are `format::zh`'s).
#[cfg_attr(feature = "zh", allow(unused_imports))]
use crate::format::{usd, usd_millions, usd_millions_sig2};
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
                {tr!(view! {
                "Much trading in both markets uses borrowed money. A trader at 10× "
                <crate::components::Term slug="leverage" text="leverage"/>
                " puts up a tenth of the position; a fall of about a tenth wipes that margin out (less the "
                <crate::components::Term slug="maintenance-margin" text="maintenance margin"/>
                ") and the exchange sells the position: a "
                <crate::components::Term slug="liquidation" text="liquidation"/>
                ", which pushes the price down further and sets off the next ones. "
                "The explanation describes a loop across markets: margin calls force tech-stock sales, crypto traders exposed to "
                "stocks are liquidated, Bitcoin falls and panic spreads back to stocks; the more leverage, the faster it turns."
                }.into_any(), view! {
                "两个市场都有大量交易靠借钱进行。使用10倍"
                <crate::components::Term slug="leverage" text="杠杆"/>
                "的交易者只需拿出仓位价值的十分之一作保证金；价格下跌约十分之一，保证金就会亏到只剩"
                <crate::components::Term slug="maintenance-margin" text="维持保证金"/>
                "，交易所随即卖出该仓位，这就是"
                <crate::components::Term slug="liquidation" text="强平"/>
                "。强平抛售进一步压低价格，又触发下一批强平。"
                "原文描述了一个跨市场的循环：追加保证金的压力迫使投资者抛售科技股，持有股票敞口的加密交易者遭强平，"
                "比特币下跌，恐慌又蔓延回股市；杠杆越高，这个循环转得越快。"
                }.into_any())}
            </p>
            <p class="lev-words" data-testid="lev-words">
                {move || tr!(
                    crate::figures::answer::leverage_consequence(ctl.lev_x.get(), crate::model::leverage::MAINTENANCE),
                    crate::figures::answer::zh::leverage_consequence(ctl.lev_x.get(), crate::model::leverage::MAINTENANCE)
                )}
                {tr!(" Drag the leverage slider at the top, or ", "拖动页面顶部的杠杆滑块，或")} <crate::components::TryIt id="lev-50"/>
                {tr!(": more positions sit just below the price, so the same first fall liquidates more. ",
                    "：更多仓位的强平价紧贴现价下方，同样的初始下跌会触发更多强平。")}
                {tr!("Then ", "再")} <crate::components::TryIt id="lev-2"/> {tr!(": the loop barely turns.", "：循环几乎转不起来。")}
            </p>
            <WithData2 a=store.liquidations b=store.markets what=tr!("the liquidation figures", "强平数据") render=|lq, m| view! { <CascadeModel liquidations=lq markets=m/> }/>
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
    let stability = Memo::new(move |_| {
        dv.model.with(|m| m.as_deref().map(tr!(fig::stability_at, fig::zh::stability_at)).unwrap_or_default())
    });

    // Reported figures to compare with.
    let day = liquidations
        .facts(Group::CryptoLiquidations24h)
        .into_iter()
        .filter(|f| f.date == DAY_AFTER)
        .collect::<Vec<_>>();
    let [reported_liq, reported_low] =
        tr!(fig::reported_cells(&liquidations, &markets), fig::zh::reported_cells(&liquidations, &markets));
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
    let summary = move || dv.cascade.with(|c| tr!(fig::summary, fig::zh::summary)(c.as_deref()));

    view! {
        <div class="section-controls compact" role="group" aria-label=tr!("Cascade settings", "连锁强平设置")>
            <super::Disclosure summary=tr!("Adjust the model: φ, open interest", "调整模型：φ、未平仓合约") class="adjust" later=true open_when=adjusted testid="adjust-liquidations">
            <label class="check">
                <input type="checkbox" id="ctl-cshock-auto" prop:checked=auto
                    on:change=move |ev| sc.cascade_shock.set(if event_target_checked(&ev) { CascadeShock::Auto } else { CascadeShock::manual(combined()) })/>
                {move || tr!(
                    format!(" Start from the day's modelled shock ({}: the S&P 500's fall × β, which holds the rate effect, and the day's net selling)", pct_signed(combined(), 2)),
                    format!(" 以当天的模型冲击为起点（{}：标普500指数跌幅 × β系数，其中已含利率影响，再加上当天的净抛售）", pct_signed(combined(), 2))
                )}
            </label>
            <div class="slider">
                <label for="ctl-cshock">{tr!("Or set your own initial shock to Bitcoin", "或自行设定比特币的初始冲击")}</label>
                <div class="slider-row">
                    <input type="range" id="ctl-cshock" min="-30" max="0" step="0.1"
                        prop:value=move || fmt_num((shock_now() * 10.0).round() / 10.0)
                        aria-valuetext=move || tr!(
                            format!("initial shock {} percent", fmt_num((shock_now() * 10.0).round() / 10.0)),
                            format!("初始冲击{}%", fmt_num((shock_now() * 10.0).round() / 10.0))
                        )
                        on:input=move |ev| {
                            if let Some(v) = crate::format::parse_f64(&event_target_value(&ev)) {
                                sc.cascade_shock.set(CascadeShock::manual(v));
                            }
                        }/>
                    <span class="unit">{move || format!("{}%", fmt_num((shock_now() * 10.0).round() / 10.0))}</span>
                </div>
            </div>
            <Slider spec=PHI value=sc.phi_pct unit="%" valuetext=tr!(
                |v| format!("{} percent also sell tech stocks", fmt_num(v)),
                |v| format!("{}%的强平抛售伴随科技股抛售", fmt_num(v))
            )/>
            <Slider spec=OI value=sc.oi_bn unit=tr!("$bn", "十亿美元") valuetext=tr!(
                |v| format!("{} billion dollars of open interest", fmt_num(v)),
                |v| format!("未平仓合约{}", crate::format::zh::usd(v * 1e9))
            )/>
            <p class="fine terms-here">{tr!("Terms: ", "术语：")} <crate::components::Term slug="phi" text="φ"/> {tr!(", ", "、")}
                <crate::components::Term slug="open-interest" text=tr!("open interest", "未平仓合约")/> {tr!(".", "。")}</p>
            <button type="button" class="reset" on:click=reset>{tr!("Reset to the 20 Nov values", "恢复11月20日的设定")}</button>
            </super::Disclosure>
        </div>
        <p class="live" data-testid="liquidations-live">
            // One text node per figure, so a slider move updates only the
            // numbers, not the paragraph's elements.
            {tr!(view! {
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
            }.into_any(), view! {
            "在杠杆分布以" <strong class="v-lev">{move || format!("{}倍", fmt_num(shared.lev_x.get()))}</strong>
            "为中心的情况下，" <strong>{cas(|c| pct_signed(c.shock_pct, 2))}</strong> "的初始冲击"
            {move || if auto() { "（当天的模型冲击）" } else { "（你的设定）" }}
            "引发" <strong class="v-liq">{cas(|c| crate::format::zh::usd_millions_sig2(c.liquidated / 1e6))}</strong> "的强平抛售"
            {fig::zh::reported_btc_note(&liquidations)}
            "，历时" <strong class="v-rounds">{cas(|c| c.rounds.len().to_string())}</strong> "轮，使比特币从"
            {cas(|c| crate::format::zh::price_usd(c.p0, 0))} "跌至" <strong class="v-final">{cas(|c| crate::format::zh::price_usd(c.final_price, 0))}</strong>
            "（" {cas(|c| pct_signed(c.final_pct, 2))} "），跌幅放大至初始冲击的"
            <strong class="v-amp">{cas(|c| format!("{}倍", grouped(c.amplification, 2)))}</strong> "。"
            {move || dv.cascade.with(|c| c.as_deref().map(|c| fig::zh::settled(c, sc.oi_bn.get() * 1e9)).unwrap_or_default())}
            {cas(fig::zh::nasdaq_text)}
            }.into_any())}
        </p>
        <figure class="figure" id="cascade">
            <ChartCanvas embed="cascade" draw=move |root: &charts::Canvas, f| {
                    let Some(chart) = dv.cascade.with(|c| c.as_deref().map(|c| fig::rounds_chart(c, shown.get()))) else {
                        return Err(tr!("no cascade yet", "尚无连锁强平结果").into());
                    };
                    charts::cascade::rounds(root, f, &chart)
                }
                source=crate::figures::MODEL_SOURCE
                readout=Signal::derive(move || dv.cascade.with(|c| c.as_deref().map(|c| fig::rounds_chart(c, 1).readout()).unwrap_or_default()))
                label=tr!("Chart: Bitcoin's price and the notional liquidated in each round of the cascade", "图表：连锁强平每一轮的比特币价格与强平名义金额")
                describedby="cascade-summary" aspect=0.45 min_h=200.0 max_h=340.0/>
            <div class="stepper">
                <span>{move || tr!(
                    format!("Round {} of {}", shown.get().min(n_rounds().max(1)), n_rounds()),
                    format!("第{}轮，共{}轮", shown.get().min(n_rounds().max(1)), n_rounds())
                )}</span>
                <button type="button" on:click=move |_| shown.update(|s| {
                    let n = n_rounds().max(1);
                    // At the last round, Step starts the walk again from round 1.
                    *s = if *s >= n { 1 } else { *s + 1 };
                })>{tr!("Step", "下一轮")}</button>
                <button type="button" on:click=move |_| shown.set(n_rounds().max(1))>{tr!("Show all rounds", "显示全部轮次")}</button>
            </div>
            <figcaption id="cascade-summary">{summary}</figcaption>
        </figure>
        <p class="try-line">{tr!("Is the loop to stocks what amplifies the fall? ", "放大跌幅的，是不是向股市的循环传导？")}
            <crate::components::TryIt id="no-contagion"/> {tr!(" and compare the amplification.", "，再比较放大倍数。")}</p>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Liquidations after_figure=true/>
        <super::Disclosure summary=tr!("Go deeper: does the loop settle, where liquidations sit, the model against the data, the method, the sources", "深入了解：循环能否收敛、强平仓位分布、模型与数据对照、计算方法、资料来源") class="deeper" later=true>
        <super::Disclosure summary=tr!("More: does the loop settle?", "更多：循环能否收敛？")>
                <p class="live" data-testid="glt">
                    {move || stability.get()}
                </p>
                <p class="fine terms-here">{tr!("Terms: ", "术语：")} <crate::components::Term slug="stability-index" text="λ·A·(L − 1)"/> {tr!(", ", "、")}
                    <crate::components::Term slug="fixed-point" text=tr!("fixed point", "不动点")/> {tr!(".", "。")}</p>
            </super::Disclosure>
            <super::Disclosure summary=tr!("More: where the liquidations sit", "更多：强平仓位分布在哪里")>
            <figure class="figure" id="liqmap">
                <ChartCanvas embed="liqmap" draw=move |root: &charts::Canvas, f| map_bins.with(|bins| charts::cascade::map(root, f, bins))
                    // Where the cascade ends is an HTML rule over the chart, so
                    // the bars are redrawn only when leverage or open interest move.
                    current=Signal::derive(move || dv.cascade.with(|c| c.as_deref().map(|c| (c.final_price, tr!(
                        format!("cascade ends {}", usd(c.final_price, 0)),
                        format!("连锁强平止于{}", crate::format::zh::price_usd(c.final_price, 0))
                    )))))
                    source=crate::figures::MODEL_SOURCE
                    readout=Signal::derive(move || map_bins.with(|bins| charts::cascade::map_readout(bins)))
                    label=tr!("Bar chart: notional of leveraged longs that would be liquidated in each price band below the 19 Nov close", "柱状图：11月19日收盘价下方各价位区间内将被强平的杠杆多头名义金额")
                    describedby="liqmap-summary" aspect=0.4 max_h=320.0/>
                <figcaption id="liqmap-summary">{move || map_bins.with(|bins| tr!(fig::map_summary(bins), fig::zh::map_summary(bins)))}</figcaption>
                <super::TableToggle
                    caption=tr!("Notional of modelled longs that would be liquidated, by price band below the 19 Nov close (model output)", "11月19日收盘价下方各价位区间内，模型中将被强平的多头名义金额（模型输出）").to_string()
                    headers=tr!(vec!["Price band", "Would be liquidated"], vec!["价位区间", "将被强平"])
                    rows=Signal::derive(move || map_bins.with(|bins| fig::map_rows(bins)))/>
                <p class="fine">{tr!("Like CoinGlass's liquidation maps, this shows where liquidations would start, not where a fall would stop: each wave of forced selling moves the price into the next band.",
                    "与CoinGlass的强平地图一样，此图显示的是强平会从哪里开始，而不是下跌会在哪里止步：每一波强平抛售都会把价格推入下一个区间。")}</p>
            </figure>
            </super::Disclosure>
            <super::Disclosure summary=tr!("More: the model against the data", "更多：模型与实际数据对照")>
            <div class="table-wrap">
                <table class="data-table" id="cascade-vs-actual">
                    <caption>{tr!("The model against what happened", "模型与实际情况对照")}</caption>
                    <thead><tr><th scope="col">""</th><th scope="col">{tr!("Model (this setting)", "模型（当前设定）")}</th><th scope="col">{tr!("Reported", "报道数据")}</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">{tr!("Liquidations", "强平规模")}</th>
                            <td>{move || dv.cascade.get().map(|c| tr!(
                                format!("{} (Bitcoin longs)", usd_millions_sig2(c.liquidated / 1e6)),
                                format!("{}（比特币多头）", crate::format::zh::usd_millions_sig2(c.liquidated / 1e6))
                            ))}</td>
                            <td>{reported_liq}</td></tr>
                        <tr><th scope="row">{tr!("Bitcoin low", "比特币最低价")}</th>
                            <td>{move || dv.cascade.get().map(|c| tr!(usd(c.final_price, 0), crate::format::zh::price_usd(c.final_price, 0)))}</td>
                            <td>{reported_low}</td></tr>
                    </tbody>
                </table>
            </div>
            <p class="live" data-testid="calibration">
                // The day's liquidations (from the day's shock), whatever start the
                // section's cascade is set to: it is the day that was reported.
                {let lq = liquidations.clone(); move || dv.decomposition.with(|d| d.as_deref().map(|d| tr!(fig::calibration, fig::zh::calibration)(d.cascade.liquidated, d.liquidated_range, &lq)))}
            </p>
            </super::Disclosure>
            <super::TableToggle
                caption=tr!("The cascade round by round (model output)", "连锁强平逐轮明细（模型输出）").to_string()
                headers=tr!(
                    vec!["Round", "Bitcoin at the start", "Liquidated in the round", "Nasdaq so far"],
                    vec!["轮次", "本轮开始时的比特币价格", "本轮强平额", "纳斯达克综合指数累计涨跌"]
                )
                rows=Signal::derive(move || dv.cascade.with(|c| c.as_deref().map(fig::round_rows).unwrap_or_default()))/>
            <super::Disclosure summary=tr!("How is this computed?", "计算方法") class="how">
                <ul>{tr!(view! {
                    <li>{format!("A population of {} leveraged long positions, opened over the four weeks to 19 Nov: each day in proportion to its Binance volume, at a price within that day's range. Positions whose liquidation price a later low already reached are gone. Leverage: 30% of open interest at L/2, 30% at L, 25% at 2.5L, 10% at 5L and 5% at 10L (capped at 125×), with L the leverage slider.", grouped(POPULATION as f64, 0))}</li>
                    <li>"Liquidation price of a long (isolated margin): P"<sub>"liq"</sub>" = P"<sub>"entry"</sub>"·(1 − 1/L)/(1 − m), maintenance margin m = 0.4%. Shorts are not modelled: a falling price does not liquidate them."</li>
                    <li>{format!("Each round: positions whose liquidation price has been reached are sold; the cumulative forced selling Q moves the price by the square-root law, ΔP/P = Y·σ·√(Q/V), Y = 0.7, σ = Bitcoin's daily volatility, V = {} a day across spot and derivatives venues (an assumption) reduced by the liquidity section's depth setting. Repeat until no new position is reached (at most 200 rounds).", usd_millions(MARKET_VOLUME_USD / 1e6))}</li>
                    <li>{format!("Contagion: a share φ of the forced selling is matched by selling of tech stocks on margin, moving the Nasdaq by the same law (σ = the S&P 500's daily volatility × the Nasdaq beta; V = {} a day, an assumption); Bitcoin follows with its beta from the tariffs section.", usd_millions(NASDAQ_VOLUME_USD / 1e6))}</li>
                    <li>"Open interest: the leveraged long open interest is an assumption (default $24B); the bundled data has no open-interest figure."</li>
                    <li>"Stability test: read off the cascade's run (does it settle with open interest left, or only when every long is gone?), not from a linear index: under the square-root law each extra dollar sold moves the price less than the last, and forced selling can never exceed the open interest. The cap is the fall if the whole open interest were sold on top of the initial shock."</li>
                }.into_any(), view! {
                    <li>{format!("模拟{}个杠杆多头仓位，于截至11月19日的四周内建仓：每天的建仓量与当天Binance成交量成正比，建仓价落在当天的价格区间内。强平价已被此后低点触及的仓位视为已出局。杠杆分布：未平仓合约的30%为L/2倍，30%为L倍，25%为2.5L倍，10%为5L倍，5%为10L倍（上限125倍），L即杠杆滑块的数值。", grouped(POPULATION as f64, 0))}</li>
                    <li>"多头的强平价（逐仓保证金）：P"<sub>"liq"</sub>" = P"<sub>"entry"</sub>"·(1 − 1/L)/(1 − m)，维持保证金率m = 0.4%。空头不在模型之内：价格下跌不会使空头被强平。"</li>
                    <li>{format!("每一轮：强平价已被触及的仓位被卖出；累计强平抛售量Q按平方根法则推动价格变动，ΔP/P = Y·σ·√(Q/V)，其中Y = 0.7，σ为比特币的日波动率，V为现货与衍生品市场合计的日成交量{}（假设值），再按流动性一节的市场深度设定下调。如此反复，直到不再触及新的仓位（最多200轮）。", crate::format::zh::usd_millions(MARKET_VOLUME_USD / 1e6))}</li>
                    <li>{format!("跨市场传染：强平抛售中有φ比例伴随着投资者以保证金持有的科技股被抛售，按同一法则推动纳斯达克综合指数变动（σ为标普500指数的日波动率 × 纳斯达克β系数；V为每日{}，假设值）；比特币再按关税一节的β系数随之变动。", crate::format::zh::usd_millions(NASDAQ_VOLUME_USD / 1e6))}</li>
                    <li>"未平仓合约：杠杆多头的未平仓合约规模为假设值（默认240亿美元）；页面内附的数据中没有未平仓合约数据。"</li>
                    <li>"稳定性检验：直接从连锁强平的模拟过程判断（它是在仍有未平仓合约时停下，还是直到所有多头都被强平才停止？），而不是看一个线性指标：按平方根法则，每多卖出1美元，对价格的冲击都比上一美元小，而强平抛售规模也不可能超过未平仓合约总额。上限是指：在初始冲击之外，全部未平仓合约都被卖出时的跌幅。"</li>
                }.into_any())}</ul>
            </super::Disclosure>
            <Sources sources=sources/>
        </super::Disclosure>
    }
}
