//! The synthesis: the "late-cycle liquidity crisis" and the key levels.

use super::{Sources, WithData, WithData2};
use crate::charts;
use crate::components::chart::ChartCanvas;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::SeriesId;
use crate::data::Source;
use crate::figures::synthesis::{self as fig, verdict, BTC_TITLE, LEVELS, SPX_TITLE};
use crate::state::Section;
use leptos::prelude::*;

/// The causes decomposed on one horizon: the waterfalls for Bitcoin and the
/// S&P 500 with their ranges and "not explained" bars, and the key levels.
#[component]
fn Stacked() -> impl IntoView {
    let dv = expect_context::<Derived>();
    let sc = expect_context::<Controls>();
    let dec = dv.decomposition;
    let btc = Memo::new(move |_| dec.with(|d| d.as_deref().map(|d| fig::waterfall(&d.btc))));
    let spx = Memo::new(move |_| dec.with(|d| d.as_deref().map(|d| fig::waterfall(&d.spx))));
    // The key levels are where the day's liquidations end, never a
    // hypothetical start (section 4's cascade).
    let level_rows = Memo::new(move |_| dec.with(|d| d.as_deref().map(|d| fig::level_rows(d.cascade.final_price))));
    let sentences = Memo::new(move |_| {
        dec.with(|d| {
            d.as_deref()
                .map(|d| tr!(fig::cause_sentences(d, sc.cut_pct.get()), fig::zh::cause_sentences(d, sc.cut_pct.get())))
                .unwrap_or_default()
        })
    });
    let span = move || sc.span.get();
    let spx_sentence = move || dec.with(|d| d.as_deref().map(tr!(fig::sentence_spx, fig::zh::sentence_spx)));
    view! {
        <crate::components::HorizonSwitch name="span" testid="synthesis-span"/>
        <p class="fine" data-testid="synthesis-horizon">{move || tr!(format!("Bars: {}.", span().short()), format!("图中各柱：{}。", fig::zh::horizon_span(span())))}</p>
        // Why stocks fell first (the AI/tech reversal), then how the fall
        // reached Bitcoin.
        <figure class="figure" id="waterfall-spx">
            <ChartCanvas embed="waterfall-spx" draw=move |root: &charts::Canvas, f| match spx.get() {
                    Some(s) => charts::waterfall::draw(root, f, &s),
                    None => Err(tr!("the model needs markets.json and rates.json", "模型需要markets.json和rates.json").into()),
                }
                title=SPX_TITLE source=crate::figures::MODEL_SOURCE
                readout=Signal::derive(move || spx.with(|s| s.as_ref().map(|s| charts::waterfall::readout(s)).unwrap_or_default()))
                label=tr!("Waterfall chart: the S&P 500's move split into the AI/tech reversal, the rate and contagion models' parts, what is not explained, and the actual move",
                    "瀑布图：标普500指数的涨跌拆分为AI/科技股反转、利率模型与跨市场传染模型各自的部分、模型未解释部分和实际涨跌")
                describedby="synthesis-spx-summary" aspect=0.62 min_h=210.0 max_h=360.0/>
            <figcaption id="synthesis-spx-summary" data-testid="synthesis-spx">{spx_sentence}</figcaption>
        </figure>
        <figure class="figure" id="waterfall-btc">
            <ChartCanvas embed="waterfall-btc" draw=move |root: &charts::Canvas, f| match btc.get() {
                    Some(b) => charts::waterfall::draw(root, f, &b),
                    None => Err(tr!("the model needs markets.json and rates.json", "模型需要markets.json和rates.json").into()),
                }
                title=BTC_TITLE source=crate::figures::MODEL_SOURCE
                readout=Signal::derive(move || btc.with(|b| b.as_ref().map(|b| charts::waterfall::readout(b)).unwrap_or_default()))
                label=tr!("Waterfall chart: each cause's contribution to Bitcoin's move with its range, what is not explained, and the actual move",
                    "瀑布图：各项原因对比特币涨跌的贡献及其区间、模型未解释部分和实际涨跌")
                describedby="synthesis-summary" aspect=0.62 min_h=210.0 max_h=360.0/>
        </figure>
        // The sentence is outside the figure so a figure embed stays about one
        // screen tall (its chart has the same numbers, and a read-out).
        <ul class="wf-sentence cause-sentences" id="synthesis-summary" data-testid="synthesis-live">
            // "Cause: sentence": the cause's name set in bold.
            {move || sentences.get().into_iter().map(|t| {
                // The Chinese sentences' lead ends in a full-width colon.
                let sep = tr!(": ", "：");
                let (lead, rest) = t.split_once(sep).map_or((String::new(), t.clone()), |(a, b)| (format!("{a}{sep}"), b.to_string()));
                view! { <li><strong>{lead}</strong>{rest}</li> }
            }).collect_view()}
        </ul>
        <super::TableToggle
            caption=Signal::derive(move || tr!(
                format!("Each cause's contribution over {}, percent, with its range (model outputs and the measured tech part; what reaches Bitcoin through stocks marked), what is not explained and the actual move", span().name()),
                format!("{}各项原因的贡献（%）及其区间（模型输出与科技股的实测部分；经由股市传导至比特币的部分已标注）、模型未解释部分和实际涨跌", fig::zh::horizon_span(span()))
            ))
            headers=tr!(vec!["", "Bitcoin", "S&P 500"], vec!["", "比特币", "标普500指数"])
            rows=Signal::derive(move || dec.with(|d| d.as_deref().map(fig::contribution_rows).unwrap_or_default()))/>
        <super::Disclosure summary=tr!("How is this computed?", "计算方法") class="how">
            {tr!(view! {
            <p>
                "The S&P 500: r = w·(r_IT − r_rest) + r_rest, an identity of weighted returns. w is information technology's "
                "weight (34.6%, the nearest dated table, 28 Nov), r_IT its 20 Nov move (−2.7% for the S&P 500 sector; −3.14% by a "
                "source that likely uses the sector ETF, the range's other end) and r_rest the move of the rest of the index, implied by "
                "the index's actual move. The first term is the AI/tech reversal; of the broad move r_rest, the rate channel (section 1, "
                "from the FedWatch reading at the horizon's start to your cut probability) and the tech selling set off by the day's "
                "crypto liquidations (section 4) explain parts, and the rest is not explained. Nvidia's own share is its 20 Nov move "
                "(−3.15%) times its weight, at the weights found: 7.83% in an S&P 500 fund on 24 Sep, 7.28% on 3 Oct and about 7.3% "
                "on 22 Oct (no November weight was found)."
            </p>
            <p>
                "Bitcoin: β × each part of the S&P 500's move (so the rate effect reaches Bitcoin only through stocks), the day's net "
                "ETF selling in the square-root law (section 3), and what the day's forced selling of leveraged longs adds (section 4), "
                "started from the day's modelled shock (β × the S&P 500's move plus the ETF selling) whatever start section 4 is set to. "
                "Its loop back through tech stocks is not added again: that part is the S&P 500's contagion, which reaches Bitcoin through β. "
                "β is estimated on returns that end where the horizon's move begins (19 Nov for the day, 6 Nov for the two weeks)."
            </p>
            <p>
                "Ranges: the whole decomposition is computed again at two ends of the stated uncertainty, each one consistent set of "
                "inputs (β at an end of its 95% interval, Y from 0.5 to 1.0 and the market volume from double to half the assumption, "
                "the other source's tech figure), so a total and its “not explained” come from the same inputs. When the parts add "
                "to more than the move, the rest is labelled an overshoot."
            </p>
            }.into_any(), view! {
            <p>
                "标普500指数：r = w·(r_IT − r_rest) + r_rest，这是加权收益率的恒等式。w为信息技术板块的权重"
                "（34.6%，取日期最近的权重表，11月28日），r_IT为该板块11月20日的涨跌（标普500信息技术板块为−2.7%；"
                "另一来源很可能采用板块ETF，为−3.14%，即区间的另一端），r_rest为指数其余部分的涨跌，由指数的实际涨跌倒推得出。"
                "第一项即“AI/科技股反转”；在大盘涨跌r_rest中，利率渠道（第1节，从时段起点的FedWatch读数到你设定的降息概率）"
                "和当天加密资产强平引发的科技股抛售（第4节）各解释一部分，其余为模型未解释。英伟达自身的贡献为其11月20日的涨跌"
                "（−3.15%）乘以其权重，所用权重为：9月24日某标普500指数基金中的7.83%、10月3日的7.28%和10月22日的约7.3%"
                "（未找到11月的权重）。"
            </p>
            <p>
                "比特币：β系数 × 标普500指数涨跌的每一项（因此利率因素只经由股市传导至比特币），当天ETF资金净流出按平方根法则"
                "造成的冲击（第3节），以及当天杠杆多头强平抛售额外带来的下跌（第4节）；强平从当天的模型冲击"
                "（β系数 × 标普500指数涨跌，加上ETF资金流出）起算，无论第4节的起点设为多少。强平经科技股反馈回来的部分不再重复计入："
                "这部分就是标普500指数的跨市场传染，已通过β系数传导至比特币。β系数根据截至本时段涨跌起点的收益率估算"
                "（当天为11月19日，截至当天的两周为11月6日）。"
            </p>
            <p>
                "区间：在所述不确定性的两端各重新计算一次完整的拆解，每一端都是一组自洽的输入（β系数取其95%置信区间的一端，"
                "Y取0.5至1.0，市场成交量取假设值的两倍至一半，科技股涨跌取另一来源的数据），因此合计值与其“模型未解释”部分"
                "来自同一组输入。当各项合计超过实际涨跌时，剩余部分标注为“模型高估部分”。"
            </p>
            }.into_any())}
        </super::Disclosure>
        <super::Disclosure summary=tr!("More: key levels and the author's view", "更多：关键价位与作者观点")>
            <div class="table-wrap">
                <table class="levels" id="model-levels">
                    <caption>{tr!("The key levels where the modelled cascade ends on 20 Nov (model output)", "11月20日模型中连锁强平终点对应的关键价位（模型输出）")}</caption>
                    <thead><tr><th scope="col">{tr!("Level", "价位")}</th><th scope="col">{tr!("Model", "模型")}</th><th scope="col">{tr!("Verdict", "结论")}</th></tr></thead>
                    <tbody>
                        // Fixed rows with live cells: a slider move updates text, not rows.
                        {(0..3).map(|i| {
                            let row = move || level_rows.with(|r| r.as_ref().map(|r| r[i].clone()));
                            view! {
                                <tr>
                                    <th scope="row">{LEVELS[i]}</th>
                                    <td>{move || row().map(|r| r.0).unwrap_or_else(|| "–".into())}</td>
                                    <td class=move || row().and_then(|r| r.1).map(verdict_class).unwrap_or("")>{move || row().map(|r| r.1.map(verdict).unwrap_or("–")).unwrap_or("–")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <DataLevels/>
            <aside class="opinion" aria-label=tr!("The author's conclusion", "作者的结论")>
                <p>{tr!(
                    "The explanation ends with advice: in a late-cycle market, “cash is king, leverage is dead.” That is \
                     its author's opinion, not a finding of this page. Nothing here is investment advice.",
                    "原文最后给出建议：在周期尾声的市场里，“现金为王，杠杆已死”。这是原文作者的观点，并非本页的结论。本页内容不构成投资建议。"
                )}</p>
            </aside>
        </super::Disclosure>
    }
}

/// A verdict's class (the same words as the English verdict, in both
/// editions: the stylesheet and the tests read them).
fn verdict_class(held: bool) -> &'static str {
    if held {
        "held"
    } else {
        "broken"
    }
}

/// The key levels named in the explanation, against the data, and the
/// forecasts in hindsight.
#[component]
fn DataLevels() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
            <WithData res=store.markets what=tr!("the key levels", "关键价位数据") render=|m| {
                let rows = fig::data_levels(&m);
                let mut sources: Vec<Source> = m.ohlc.first().map(|s| s.source.clone()).into_iter().collect();
                sources.extend(m.series(SeriesId::Sp500).map(|s| s.source.clone()));
                view! {
                    <table class="levels">
                        <caption>{tr!("Key levels named in the explanation, against the data", "原文提到的关键价位与实际数据对照")}</caption>
                        <thead><tr><th scope="col">{tr!("Level", "价位")}</th><th scope="col">{tr!("What the data shows", "数据显示")}</th><th scope="col">{tr!("Verdict", "结论")}</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(level, seen, held)| view! {
                                <tr>
                                    <th scope="row">{level}</th>
                                    <td>{seen.unwrap_or_else(|| tr!("(no data)", "（无数据）").into())}</td>
                                    <td class=move || match held { Some(true) => "held", Some(false) => "broken", None => "" }>
                                        {held.map(verdict).unwrap_or(tr!("not checkable", "无法核对"))}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="fine">{tr!("Bitcoin lows: Binance BTC/USDT daily bars (UTC days). S&P 500: daily closes; intraday lows of the index are not in the data.",
                        "比特币最低价：Binance BTC/USDT日线（按UTC时间划分交易日）。标普500指数：每日收盘价；数据中没有该指数的盘中低点。")}</p>
                    <Sources sources=sources/>
                }
            }/>
            <WithData2 a=store.markets b=store.rates what=tr!("the forecasts in hindsight", "事后回看预测所需的数据") render=|m, r| {
                let rows = fig::forecasts(&m, &r);
                view! {
                    <div class="table-wrap">
                        <table class="levels" id="forecasts">
                            <caption>{tr!("In hindsight: the explanation's forecasts against the data to its last date (not known on 20 Nov)", "事后回看：原文的预测与截至数据最后一天的实际情况对照（11月20日时尚不可知）")}</caption>
                            <thead><tr><th scope="col">{tr!("Forecast", "预测")}</th><th scope="col">{tr!("What the data shows", "数据显示")}</th><th scope="col">{tr!("In hindsight", "事后看")}</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|[f, seen, v]| view! {
                                    <tr><th scope="row">{f}</th><td>{seen}</td><td>{v}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }/>
    }
}

#[component]
pub fn Synthesis() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="synthesis" aria-labelledby="synthesis-h">
            <super::SectionHead section=Section::Synthesis/>
            <p>
                {tr!("The explanation says the four causes stacked into a late-cycle liquidity crisis. Here is each one's part.",
                    "原文认为，四大原因叠加，酿成了一场周期尾声的流动性危机。下面逐项量化各原因的影响。")}
            </p>
            <WithData res=store.markets what=tr!("the combined model", "综合模型所需的数据") render=|_m| view! { <Stacked/> }/>
        </section>
    }
}
