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
                {tr!(
                    "On 10 October 2025 the US–China trade war flared up again: Washington threatened a 100% tariff \
                     on Chinese imports from 1 November, and investors cut risk across the board.",
                    "2025年10月10日，中美贸易战再度升级：美国政府威胁自11月1日起对中国输美商品加征100%关税，\
                     投资者随即全面削减风险敞口。"
                )}
            </p>
            <WithData2 a=store.markets b=store.liquidations what=tr!("the 10 October figures", "10月10日的数据") render=|m, lq| {
                let (sp_move, liq_text) = tr!(fig::tariff_day(&m, &lq), fig::zh::tariff_day(&m, &lq));
                let liq = lq.facts(Group::CryptoLiquidations24h).into_iter().find(|f| f.date == TARIFF_CRASH);
                let mut sources: Vec<Source> = m.series(SeriesId::Sp500).map(|s| s.source.clone()).into_iter().collect();
                sources.extend(liq.map(|f| f.source.clone()));
                view! {
                    <p>
                        {tr!("That day the S&P 500 closed ", "当天，标普500指数")} <strong>{sp_move}</strong>
                        {tr!(
                            ", and over 10–11 October crypto markets saw the largest liquidation on record: about ",
                            "；10月10日至11日，加密货币市场遭遇有史以来规模最大的强平：约"
                        )}
                        <strong>{liq_text}</strong>
                        {tr!(
                            " of leveraged positions were forcibly closed (CoinGlass, as quoted).",
                            "的杠杆仓位被强制平仓（媒体援引CoinGlass数据）。"
                        )}
                    </p>
                    <Sources sources=sources/>
                }
            }/>
            <p>
                {tr!("The deeper effect is on ", "更深层的影响体现在")}
                <crate::components::Term slug="correlation" text=tr!("correlation", "相关性")/>
                {tr!(
                    ". Many who hold Bitcoin also hold stocks, often on borrowed money; when stocks fall they raise cash by \
                     selling crypto, the easiest thing to sell. So in a sell-off the two move as one, and diversification \
                     disappears when it is needed.",
                    "上。许多持有比特币的投资者同时持有股票，而且往往是借钱加杠杆买入；股市下跌时，他们靠卖出最容易变现的\
                     加密货币来筹措现金。因此一旦出现抛售潮，两者便同涨同跌，分散投资恰恰在最需要的时候失灵。"
                )}
            </p>
            <WithData2 a=store.markets b=store.events what=tr!("the daily returns", "日收益率数据") render=|m, ev| view! { <CorrelationModel markets=m events=ev/> }/>
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
    let legend = Signal::derive(move || {
        tr!(fig::legend(window.get(), adjusted_on()), fig::zh::legend_entries(window.get(), adjusted_on()))
    });
    let summary = move || {
        roll.with(|r| {
            tr!(
                fig::summary(r, window.get(), n_pairs, calm, crisis.get()),
                fig::zh::summary(r, window.get(), n_pairs, calm, crisis.get())
            )
        })
    };
    // Transmission and portfolio, from the crisis window.
    let regime = Memo::new(move |_| crisis.get());
    let btc_move = Memo::new(move |_| fig::btc_move(regime.get().map(|e| e.stats), sc.stock_shock_pct.get()));
    let lev_text = move || {
        tr!(
            fig::leverage_text(shared.lev_x.get(), btc_move.get()),
            fig::zh::leverage_text(shared.lev_x.get(), btc_move.get())
        )
    };
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
        <div class="section-controls compact" role="group" aria-label=tr!("Correlation settings", "相关性设置")>
            <super::Disclosure summary=tr!("Adjust the model: window, volatility", "调整模型：窗口、波动率") class="adjust" later=true open_when=adjusted testid="adjust-tariffs">
                <fieldset class="field">
                    <legend>{tr!("Rolling window (trading days)", "滚动窗口（交易日）")}</legend>
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
                    {tr!(" Adjust for volatility", " 剔除波动率影响")}
                </label>
                <span class="fine">
                    {tr!("(", "（")}
                    <crate::components::Term slug="forbes-rigobon" text=tr!("Forbes–Rigobon", "Forbes–Rigobon调整")/>
                    {tr!(")", "）")}
                </span>
                <button type="button" class="reset" on:click=reset>{tr!("Reset to the 20 Nov values", "恢复为11月20日的设定")}</button>
            </super::Disclosure>
        </div>
        <figure class="figure" id="correlation">
            <ChartCanvas embed="correlation" draw=move |root: &charts::Canvas, f| chart_input.with(|c| c.as_ref().map_or(Ok(None), |c| charts::band::draw(root, f, c)))
                events=evs open_event="tariff" source=source_line readout=Signal::derive(move || chart_input.with(|c| c.as_ref().map(|c| c.readout()).unwrap_or_default()))
                label=tr!(
                    "Line chart: rolling correlation of Bitcoin and S&P 500 daily returns, September to November 2025, with 95% band",
                    "折线图：2025年9月至11月比特币与标普500指数日收益率的滚动相关性，含95%置信区间"
                )
                describedby="corr-summary" aspect=0.42 min_h=200.0/>
            <Legend entries=legend/>
            <figcaption id="corr-summary">{summary}</figcaption>
        </figure>
        <p class="try-line">
            {tr!("Is the rise only markets swinging harder? ", "相关性上升，是否只是因为市场波动加剧？")}
            <crate::components::TryIt id="vol-adjust"/>
            {tr!(": the dashed line takes out the part due to higher ", "：点击后出现的虚线即剔除了")}
            <crate::components::Term slug="volatility" text=tr!("volatility", "波动率")/>
            {tr!("; what is left is the link itself.", "上升带来的那部分，剩下的才是两者之间真正的联动。")}
        </p>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Tariffs after_figure=true/>
        <Show when=adjusted_on>
            <p class="fine" data-testid="fr-note">
                {tr!(
                    "The dashed line removes the part of the correlation that is only due to higher volatility \
                     (Forbes & Rigobon, 2002): when markets swing harder, measured correlation rises even if the link between \
                     them has not changed. What is left after the adjustment is the change in the link itself.",
                    "虚线剔除了相关性中仅由波动率上升造成的部分（Forbes与Rigobon，2002）：市场波动加剧时，\
                     即使两者之间的联系并未改变，测得的相关性也会上升。调整后剩下的，才是这种联系本身的变化。"
                )}
            </p>
        </Show>
        <p>
            {tr!(
                "So a fall in stocks arrives in Bitcoin multiplied by its beta. The default shock is about the S&P 500's fall on \
                 20 November (1.56%); ",
                "因此，股市的下跌乘以β系数，便是传导到比特币上的跌幅。默认冲击约为标普500指数11月20日的跌幅（1.56%）；不妨"
            )}
            <crate::components::TryIt id="shock-oct10"/>
            {tr!(" (the tariff day: −2.71%) and watch the Bitcoin move.", "（即加征关税威胁当天：−2.71%），看看比特币如何随之变动。")}
        </p>
        <div class="section-controls compact" role="group" aria-label=tr!("Shock setting", "冲击设置")>
            <Slider spec=SHOCK value=sc.stock_shock_pct unit="%"
                valuetext=|v| tr!(format!("stocks fall {} percent", fmt_num(-v)), format!("股市下跌{}%", fmt_num(-v)))/>
        </div>
        <p class="live" data-testid="tariffs-live">
            {move || {
                tr!(
                    fig::transmission(regime.get(), sc.stock_shock_pct.get()),
                    fig::zh::transmission(regime.get(), sc.stock_shock_pct.get())
                )
            }}
        </p>
        <super::Disclosure
            summary=tr!(
                "Go deeper: leverage and a portfolio, the table, the method, the sources",
                "深入了解：杠杆与投资组合、数据表、计算方法、资料来源"
            )
            class="deeper" later=true>
        <super::Disclosure summary=tr!("More: leverage and a portfolio", "更多：杠杆与投资组合") open_when=weighted>
                <p class="live">
                    {lev_text} {tr!(" The ", "这类被迫抛售如何层层放大，见")}
                    <a href="#liquidations">{tr!("liquidations section", "第4节（强平）")}</a>
                    {tr!(" follows that forced selling.", "。")}
                </p>
                <div class="section-controls compact" role="group" aria-label=tr!("Portfolio setting", "投资组合设置")>
                    <Slider spec=WEIGHT value=sc.btc_weight_pct unit="%"
                        valuetext=|v| tr!(format!("{} percent in Bitcoin", fmt_num(v)), format!("比特币占{}%", fmt_num(v)))/>
                </div>
                <div class="table-wrap">
                    <table class="data-table" id="portfolio">
                        <caption>{move || {
                            tr!(
                                format!("A portfolio with {}% in Bitcoin and the rest in the S&P 500 (model output)", fmt_num(sc.btc_weight_pct.get())),
                                format!("比特币占{}%、其余配置标普500指数的投资组合（模型输出）", fmt_num(sc.btc_weight_pct.get()))
                            )
                        }}</caption>
                        <thead><tr>
                            <th scope="col">{tr!("Correlation", "相关性")}</th>
                            <th scope="col">{tr!("Daily volatility", "日波动率")}</th>
                            <th scope="col">{tr!("1-in-100-days loss", "百日一遇的单日亏损")}</th>
                        </tr></thead>
                        <tbody>
                            {move || portfolio.get().map(|p| tr!(fig::portfolio_rows(&p), fig::zh::portfolio_rows(&p)).map(|[head, sd, loss]| view! {
                                <tr><th scope="row">{head}</th><td>{sd}</td><td>{loss}</td></tr>
                            }).into_iter().collect_view())}
                        </tbody>
                    </table>
                </div>
                <p class="punchline" data-testid="tariffs-punchline">
                    {move || portfolio.get().map(|p| tr!(fig::punchline(&p), fig::zh::punchline(&p)))}
                </p>
            </super::Disclosure>
            <super::TableToggle
                caption=Signal::derive(move || {
                    tr!(
                        format!("{}-day rolling correlation, Bitcoin vs S&P 500, by window end", window.get()),
                        format!("比特币与标普500指数的{}日滚动相关性（按窗口截止日）", window.get())
                    )
                })
                headers=tr!(
                    vec!["Window ends", "Correlation", "95% band", "Volatility-adjusted"],
                    vec!["窗口截止日", "相关性", "95%置信区间", "波动率调整后"]
                )
                rows=Signal::derive(move || roll.with(|r| tr!(fig::table_rows(r, calm), fig::zh::table_rows(r, calm))))/>
            <super::Disclosure summary=tr!("How is this computed?", "计算方法") class="how">
                <p class="fine">
                    {tr!(
                        "Daily log returns of the S&P 500 (closes) and Bitcoin (UTC closes, Bitstamp); Bitcoin's weekend returns are compounded into \
                         the next US trading day. There is no daily Nasdaq series here, so the S&P 500 stands for US stocks. The band is a \
                         95% confidence interval (",
                        "采用标普500指数（收盘价）和比特币（UTC收盘价，Bitstamp）的日对数收益率；比特币的周末收益率复合计入下一个美国交易日。\
                         这里没有纳斯达克综合指数的日度序列，因此以标普500指数代表美国股市。阴影带为95%置信区间（"
                    )}
                    <crate::components::Term slug="fisher-band" text=tr!("Fisher band", "Fisher z变换")/>
                    {tr!("): with so few days, a correlation is measured loosely.", "）：交易日这么少，相关性的测量误差相当大。")}
                </p>
                <ul>
                    <li>
                        {tr!("Returns: daily log returns, r = ln(P", "收益率：采用日对数收益率，r = ln(P")}<sub>"t"</sub>"/P"<sub>"t−1"</sub>
                        {tr!(
                            "), never prices. Bitcoin's return for a US trading day spans the same calendar days as the S&P 500's, so weekends are compounded into Monday.",
                            ")，而非价格本身。比特币在某个美国交易日的收益率与标普500指数覆盖相同的日历日，因此周末的收益率复合计入周一。"
                        )}
                    </li>
                    <li>{tr!(
                        "Rolling Pearson correlation over the chosen window, updated incrementally with running sums; the 95% band uses Fisher's z: z = atanh ρ, SE = 1/√(w − 3), band = tanh(z ± 1.96·SE).",
                        "在所选窗口上计算滚动Pearson相关系数，用累计和逐日增量更新；95%置信区间采用Fisher z变换：z = atanh ρ，SE = 1/√(w − 3)，区间 = tanh(z ± 1.96·SE)。"
                    )}</li>
                    <li>
                        {tr!("Volatility adjustment (Forbes & Rigobon, 2002): ρ* = ρ/√(1 + δ(1 − ρ²)), δ = σ²", "波动率调整（Forbes与Rigobon，2002）：ρ* = ρ/√(1 + δ(1 − ρ²))，δ = σ²")}
                        <sub>"window"</sub>"/σ²"<sub>"calm"</sub>
                        {tr!(
                            " − 1, with σ² the S&P 500's variance and the calm period 3 Sep to 9 Oct 2025.",
                            " − 1，其中σ²为标普500指数的方差，平静期为2025年9月3日至10月9日。"
                        )}
                    </li>
                    <li>
                        {tr!("Beta β = ρ·σ", "β系数：β = ρ·σ")}<sub>"BTC"</sub>"/σ"<sub>"S&P"</sub>
                        {tr!(
                            " over the chosen window ending 19 Nov, the last day before the move it is used to explain (a longer window than the history uses every day there is, and says how many); expected Bitcoin move = β × the stock shock. σ here is per trading-day return (weekends compounded), so it is larger than Bitcoin's volatility per UTC day used by the square-root law. ",
                            "，在截至11月19日的所选窗口上计算，即它所要解释的那次下跌之前的最后一个交易日（窗口若长于已有的历史，则用上全部交易日，并注明天数）；比特币的预期变动 = β × 股市冲击。这里的σ按每个交易日的收益率计算（周末复合计入），因此大于平方根法则所用的比特币每UTC日波动率。"
                        )}
                        {move || dv.inputs.with(|i| i.map(|i| crate::figures::inputs::beta_note(&i, &beta_markets)))}
                    </li>
                    <li>
                        {tr!("Portfolio: σ", "投资组合：σ")}<sub>"p"</sub>" = √(w²σ²"<sub>"BTC"</sub>" + (1−w)²σ²"<sub>"S&P"</sub>" + 2w(1−w)ρσ"<sub>"BTC"</sub>"σ"<sub>"S&P"</sub>
                        {tr!(
                            "), with the crisis window's volatilities and either correlation; 1-in-100-days loss = e",
                            ")，波动率取抛售期窗口的数值，相关性分别取两个时期的数值；百日一遇的单日亏损 = e"
                        )}
                        <sup>"−2.326σ"</sup>
                        {tr!(" − 1 (normal approximation).", " − 1（正态近似）。")}
                    </li>
                    <li>{tr!(
                        "Liquidation of a long at leverage L: a fall of 1 − (1 − 1/L)/(1 − m), maintenance margin m = 0.4%.",
                        "L倍杠杆多头的强平线：价格下跌1 − (1 − 1/L)/(1 − m)，维持保证金率m = 0.4%。"
                    )}</li>
                </ul>
            </super::Disclosure>
            <Sources sources=sources/>
        </super::Disclosure>
    }
}
