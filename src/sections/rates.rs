//! Cause 1: the cooling of December rate-cut odds, driven by the `cut` slider.

use super::{Sources, WithData, WithData2};
use crate::charts;
use crate::components::chart::{ChartCanvas, Legend};
use crate::components::Slider;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::{Group, SeriesId};
use crate::data::{DataFile, Source};
#[cfg(not(feature = "zh"))]
use crate::figures::rates::share_text;
#[cfg(feature = "zh")]
use crate::figures::rates::zh::share_text;
use crate::figures::rates::{self as fig, pct1, EMPIRICAL_TITLE, TEXTBOOK_TITLE};
use crate::format::fmt_num;
use crate::format::grouped;
#[cfg(feature = "zh")]
use crate::format::zh::{self, term};
use crate::model::date::Date;
use crate::scenario::{readings, DAY, DAY_AFTER, DAY_BEFORE};
use crate::state::{RateRef, Section, Settings, GROWTH_G, GROWTH_R, NASDAQ_BETA, RATE_REF};
use leptos::prelude::*;

#[component]
pub fn Rates() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="rates" aria-labelledby="rates-h">
            <super::SectionHead section=Section::Rates/>
            <p>
                {tr!(
                    view! {
                        "Investors expected the Federal Reserve to cut rates again on 9–10 December; CME's "
                        <crate::components::Term slug="fedwatch" text="FedWatch"/>
                        " turns futures prices into its odds. They fell steeply before 20 November, as Fed officials sounded cautious; "
                        "on the morning of the 20th the delayed September jobs report came in mixed. A higher expected rate lowers the value of future profits, "
                        "most for fast-growing tech; Bitcoin pays nothing, but trades as a "
                        <crate::components::Term slug="high-beta" text="high-beta"/>
                        " “risk barometer”, cut first when money gets dearer."
                    }
                    .into_any(),
                    view! {
                        "投资者原本预期美联储将在12月9日至10日的议息会议上再次降息；芝商所（CME）的"
                        <crate::components::Term slug="fedwatch" text="FedWatch"/>
                        "工具根据期货价格推算出" {term::CUT_ODDS_FIRST} "。11月20日前，多位美联储官员表态谨慎，这一概率随之大幅下滑；"
                        "当天早盘公布、此前推迟发布的9月非农就业报告又好坏参半。利率预期越高，未来利润的现值越低，"
                        "高速增长的科技股受冲击最大；比特币本身不产生任何收益，却作为"
                        <crate::components::Term slug="high-beta" text="高β资产"/>
                        "被视为“风险晴雨表”，资金成本一上升便最先遭到抛售。"
                    }
                    .into_any()
                )}
            </p>
            <WithData res=store.rates what={tr!("the FedWatch readings", "FedWatch读数")} render=|r| view! { <FedWatchStrip rates=r/> }/>
            <WithData2 a=store.rates b=store.markets what={tr!("the prices for the rate model", "利率模型所需的价格数据")} render=|r, m| view! { <RatesModel rates=r markets=m/> }/>
            <crate::components::SectionQuestions section=Section::Rates/>
        </section>
    }
}

/// The quoted readings from a month before to the day after, with sources.
#[component]
fn FedWatchStrip(rates: DataFile) -> impl IntoView {
    let all = readings(&rates);
    // The FedWatch strip: a month before, two weeks, a week, the day before, the day, the day after.
    let strip_days = [
        (Date::ymd(2025, 10, 13), tr!("a month before", "一个月前")),
        (Date::ymd(2025, 11, 6), tr!("two weeks before", "两周前")),
        (Date::ymd(2025, 11, 13), tr!("a week before", "一周前")),
        (DAY_BEFORE, tr!("the day before", "前一天")),
        (DAY, tr!("20 Nov", "当天")),
        (DAY_AFTER, tr!("the day after", "次日")),
    ];
    let strip = strip_days.iter().map(|(d, label)| {
        let (text, hi) = fig::strip_reading(&all, *d);
        let when = tr!(d.short(), zh::month_day(*d));
        view! {
            <li class="reading">
                <span class="reading-when">{label.to_string()}{tr!(" · ", "·")}{when}</span>
                <span class="reading-value">{text}</span>
                <span class="reading-bar" style=format!("width: {:.0}%", if hi.is_finite() { hi } else { 0.0 })></span>
            </li>
        }
    }).collect_view();

    let sources: Vec<Source> = all.iter().map(|r| r.source.clone()).collect();
    view! {
        <figure class="figure strip-figure" id="fedwatch">
            <figcaption class="strip-title">{tr!("CME FedWatch: probability of a December cut, as quoted in the news", "CME FedWatch：新闻报道引述的12月降息概率")}</figcaption>
            <ol class="fedwatch-strip">{strip}</ol>
            <crate::components::FigureEmbed id="fedwatch"/>
        </figure>
        <p>
            {tr!(
                "The explanation says the odds fell from “more than 70% a week earlier” to “50/50 or lower”. Right direction, lower \
                 start: near 50% a week before, well below on the day. The next morning, after New York Fed President John Williams \
                 said there was room for a near-term cut, they jumped back up.",
                "原文称，降息概率从“一周前的七成以上”跌至“五成甚至更低”。方向没错，但起点更低：一周前已接近50%，\
                 当天更是远低于这一水平。次日上午，纽约联储主席威廉姆斯表示近期仍有降息空间，降息概率随即大幅反弹。"
            )}
        </p>
        <Sources sources=sources/>
    }
}

#[component]
fn RatesModel(rates: DataFile, markets: DataFile) -> impl IntoView {
    let shared = expect_context::<Controls>();
    let sc = shared;
    let all = readings(&rates);
    // Bitcoin's β from the one inputs table (the correlation window, to 19 Nov).
    let dv = expect_context::<Derived>();
    let estimate = Memo::new(move |_| dv.inputs.with(|i| i.and_then(|i| i.crisis)));

    // The reference, its label and the actual moves since its day (read
    // again only when the reference changes), then the model's outcome at
    // the cut probability: the two halves of `fig::now_at`, which the tests
    // call. Each view reads a slice, so it redraws only when its part changes.
    let all_for_ref = all.clone();
    let markets_for_ref = markets.clone();
    let refd = Memo::new(move |_| fig::reference_at(&all_for_ref, &markets_for_ref, &sc.rate_ref.get().id()));
    let reference = Memo::new(move |_| refd.with(|r| r.reference.clone()));
    let ref_missing = {
        let ids: Vec<String> = all.iter().map(|r| r.id.clone()).collect();
        Memo::new(move |_| !ids.contains(&sc.rate_ref.get().id()))
    };
    let ref_label = Memo::new(move |_| refd.with(|r| r.label.clone()));
    let actual = Memo::new(move |_| refd.with(|r| r.actual));
    // Only the controls the outcome reads are tracked.
    let out = Memo::new(move |_| {
        let s = Settings {
            cut_pct: shared.cut_pct.get(),
            growth_r_pct: sc.growth_r_pct.get(),
            growth_g_pct: sc.growth_g_pct.get(),
            nasdaq_beta: sc.nasdaq_beta.get(),
            ..sc.get_untracked()
        };
        reference.with(|r| dv.inputs.with(|i| fig::outcome_at(r.as_ref(), &s, i.as_ref())))
    });

    let mut sources: Vec<Source> =
        all.iter().filter(|r| r.date == DAY || r.id == RATE_REF.default.id()).map(|r| r.source.clone()).collect();
    sources.extend(
        [SeriesId::Sp500, SeriesId::BtcUsd0000utc]
            .into_iter()
            .filter_map(|id| markets.series(id))
            .map(|s| s.source.clone()),
    );
    sources.extend(
        markets
            .facts(Group::NasdaqClose)
            .into_iter()
            .filter(|f| f.date == DAY || f.date == DAY_BEFORE)
            .map(|f| f.source.clone()),
    );

    let options = all.clone();
    let reset = move |_| sc.reset_section(Section::Rates);

    // Each lens's chart from the one model (`fig::lenses`, which the chart
    // tests draw too), memoised, so that a setting only one lens reads (the
    // Nasdaq beta) or none (leverage) redraws only that chart or none.
    let markets_for_lenses = markets.clone();
    let lenses = Memo::new(move |_| {
        dv.basis.with(|b| {
            dv.model.with(|m| match (b, m) {
                (Some(b), Some(m)) => Some(fig::lenses(b, &markets_for_lenses, m)),
                _ => None,
            })
        })
    });
    let textbook = Memo::new(move |_| lenses.with(|l| l.as_ref().map(fig::Lenses::textbook)));
    let empirical = Memo::new(move |_| lenses.with(|l| l.as_ref().map(fig::Lenses::empirical)));
    let summary_text = move |lens: &str| {
        let (o, cut) = (out.get(), shared.cut_pct.get());
        if lens == "textbook" {
            tr!(
                fig::textbook_summary(&o, cut, &ref_label.get(), &actual.get()),
                reference.with(|r| fig::zh::textbook_summary(&o, cut, r.as_ref(), &actual.get()))
            )
        } else {
            tr!(
                fig::empirical_summary(&o, cut, &ref_label.get(), &actual.get()),
                reference.with(|r| fig::zh::empirical_summary(&o, cut, r.as_ref(), &actual.get()))
            )
        }
    };
    // One lens's figure: its chart, the slider's value marked on it (`mark`:
    // the lens's headline at that value), its legend and its summary.
    let lens_figure = move |id: &'static str,
                            chart: Memo<Option<charts::lines::LineChart>>,
                            title: &'static str,
                            label: &'static str,
                            mark: Signal<String>,
                            lens: &'static str| {
        let summary_id = format!("{id}-summary");
        view! {
            <figure class="figure" id=id>
                <ChartCanvas embed=id
                    draw=move |root: &charts::Canvas, f| chart.with(|c| c.as_ref().map_or(Ok(None), |c| charts::lines::draw(root, f, c)))
                    title=title source=crate::figures::MODEL_SOURCE
                    readout=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.readout()).unwrap_or_default()))
                    current=Signal::derive(move || Some((shared.cut_pct.get(), tr!(format!("{}%: {}", fmt_num(shared.cut_pct.get()), mark.get()), format!("{}%：{}", fmt_num(shared.cut_pct.get()), mark.get())))))
                    label=label describedby=summary_id.clone() aspect=0.6 min_h=200.0 max_h=380.0/>
                <Legend entries=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.legend()).unwrap_or_default()))/>
                <figcaption id=summary_id>{move || summary_text(lens)}</figcaption>
            </figure>
        }
    };

    // "Adjust the model" opens by itself when a link or a try-action sets
    // one of its inputs off its 20 Nov value.
    let d = crate::state::Settings::default();
    let adjusted = Signal::derive(move || {
        sc.rate_ref.get() != d.rate_ref
            || sc.growth_r_pct.get() != d.growth_r_pct
            || sc.growth_g_pct.get() != d.growth_g_pct
            || sc.nasdaq_beta.get() != d.nasdaq_beta
    });

    view! {
        <p class="live" data-testid="rates-live">
            {tr!(
                view! {
                    "With the odds at " <strong class="v-cut">{move || format!("{}%", fmt_num(shared.cut_pct.get()))}</strong>
                    " against the reference reading (" {move || ref_label.get()} "), the rate investors expect for December is "
                    <strong class="v-dr">{move || fig::rate_change(&out.get())}</strong> ". A cut is 25 "
                    <crate::components::Term slug="basis-point" text="basis points"/>
                    " (bp), so every point of probability lost adds a quarter of a basis point to the expected rate."
                }
                .into_any(),
                view! {
                    "降息概率为" <strong class="v-cut">{move || format!("{}%", fmt_num(shared.cut_pct.get()))}</strong>
                    "时，与参照读数（" {move || ref_label.get()} "）相比，投资者预期的12月利率"
                    <strong class="v-dr">{move || fig::zh::rate_change(&out.get())}</strong> "。一次降息为25个"
                    <crate::components::Term slug="basis-point" text="基点"/>
                    "，因此降息概率每下降1个百分点，预期利率就上升0.25个基点。"
                }
                .into_any()
            )}
        </p>
        <p class="try-line">
            {tr!(
                view! {
                    "What if the Fed had signalled a cut? " <crate::components::TryIt id="cut-90"/>
                    ": the expected rate falls and pushes prices up, yet Bitcoin still falls in the answer above. Or "
                    <crate::components::TryIt id="cut-ref"/> " (6 Nov): over the two weeks the answer then shows, the rate channel gives nothing."
                }
                .into_any(),
                view! {
                    "如果美联储当时释放了降息信号呢？" <crate::components::TryIt id="cut-90"/>
                    "：预期利率下降，推高资产价格，但页首拆解中的比特币依然下跌。也可以"
                    <crate::components::TryIt id="cut-ref"/> "（11月6日的读数）：此时页首拆解按截至当天的两周计算，利率渠道的贡献为零。"
                }
                .into_any()
            )}
        </p>
        <p>
            {tr!(
                view! {
                    "The chart prices it with the empirical lens, "
                    <crate::components::Term slug="bernanke-kuttner" text="Bernanke–Kuttner"/>
                    ": stocks' measured response to Fed surprises, times each asset's beta."
                }
                .into_any(),
                view! {
                    "下图采用实证测算（"
                    <crate::components::Term slug="bernanke-kuttner" text="Bernanke–Kuttner"/>
                    "）：以股市对美联储意外决策的实测反应，乘以各资产的" {term::BETA} "。"
                }
                .into_any()
            )}
        </p>
        <div class="section-controls compact" role="group" aria-label={tr!("Rate model settings", "利率模型设置")}>
            <super::Disclosure summary={tr!("Adjust the model: reference, r, g, β", "调整模型：参照读数、r、g、β")} class="adjust" later=true open_when=adjusted testid="adjust-rates">
                <div class="field">
                    <label for="ctl-ref">{tr!("Reference reading (the odds before the change)", "参照读数（变化前的降息概率）")}</label>
                    <select id="ctl-ref" on:change=move |ev| {
                        if let Some(r) = RateRef::parse(&event_target_value(&ev)) {
                            sc.rate_ref.set(r);
                        }
                    } prop:value=move || reference.get().map(|r| r.id).unwrap_or_default()>
                        {options.into_iter().map(|r| {
                            let label = tr!(
                                format!("{}: {}% ({})", r.date.long(), fmt_num(r.pct), r.as_reported),
                                format!("{}：{}%（{}）", zh::date(r.date), fmt_num(r.pct), r.source.publisher)
                            );
                            view! { <option value=r.id.clone()>{label}</option> }
                        }).collect_view()}
                    </select>
                    <Show when=move || ref_missing.get()>
                        <p class="fine">{tr!(
                            "The reference in the link is not one of the quoted readings; the default (6 Nov, 64.5%) is used.",
                            "链接中的参照读数不在所引述的读数之列，已改用默认值（11月6日，64.5%）。"
                        )}</p>
                    </Show>
                </div>
                <Slider spec=GROWTH_R value=sc.growth_r_pct unit="%" valuetext={tr!(|v| format!("discount rate {} percent", fmt_num(v)), |v| format!("贴现率{}%", fmt_num(v)))}/>
                <Slider spec=GROWTH_G value=sc.growth_g_pct unit="%" valuetext={tr!(|v| format!("growth {} percent", fmt_num(v)), |v| format!("增长率{}%", fmt_num(v)))}/>
                <Slider spec=NASDAQ_BETA value=sc.nasdaq_beta unit="β" valuetext={tr!(|v| format!("Nasdaq beta {}", fmt_num(v)), |v| format!("纳斯达克综合指数β系数{}", fmt_num(v)))}/>
                <p class="fine">{tr!(
                    "r and g move the textbook lens (under “More” below); the Nasdaq β moves this chart.",
                    "r和g影响理论测算（见下方“更多”）；纳斯达克综合指数的β系数影响本图。"
                )}</p>
                <button type="button" class="reset" on:click=reset>{tr!("Reset to the 20 Nov values", "恢复为11月20日的数值")}</button>
            </super::Disclosure>
        </div>
        {lens_figure(
            "rates-empirical", empirical, EMPIRICAL_TITLE,
            tr!(
                "Line chart: empirical price change against cut probability for the S&P 500, Nasdaq and Bitcoin",
                "折线图：按实证测算，标普500指数、纳斯达克综合指数和比特币的价格变动随降息概率的变化"
            ),
            Signal::derive(move || tr!(format!("S&P {}", pct1(out.get().spx_pct)), format!("标普500 {}", pct1(out.get().spx_pct)))), "empirical",
        )}
        <p class="punchline" data-testid="rates-punchline">{move || tr!(
            fig::punchline_lead(&out.get(), &actual.get(), &ref_label.get(), shared.cut_pct.get()),
            reference.with(|r| fig::zh::punchline_lead(&out.get(), &actual.get(), r.as_ref(), shared.cut_pct.get()))
        )}</p>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Rates after_figure=true/>
        <super::Disclosure summary={tr!("Go deeper: the textbook lens, the table, the method, the sources", "深入了解：理论测算、数据表、计算方法、资料来源")} class="deeper" later=true>
        <super::Disclosure summary={tr!("More: the textbook lens, the shares", "更多：理论测算与解释占比")}>
                <p class="fine">
                    {tr!(
                        "On 20 November itself the odds barely moved (30% in the prior session, 35–39.6% on the day), so whatever the rate channel \
                         contributed had built up over the previous two weeks.",
                        "11月20日当天，降息概率变化不大（前一交易日为30%，当天为35%至39.6%），\
                         因此利率渠道无论贡献多少，都是在11月20日之前的两周里累积起来的。"
                    )}
                </p>
                <p>
                    {tr!(
                        view! {
                            "The textbook lens, "
                            <crate::components::Term slug="gordon-growth" text="Gordon growth"/>
                            ", discounts future profits at the new rate, so it hits companies priced for distant growth hardest. "
                            "Set its growth profile (r, g) under “Adjust the model” above."
                        }
                        .into_any(),
                        view! {
                            "理论测算采用"
                            <crate::components::Term slug="gordon-growth" text="戈登增长模型"/>
                            "，以新的利率对未来利润进行贴现，因此对估值依赖远期增长的公司打击最大。"
                            "成长股的参数（r、g）可在上方“调整模型”中设定。"
                        }
                        .into_any()
                    )}
                </p>
                {lens_figure(
                    "rates-textbook", textbook, TEXTBOOK_TITLE,
                    tr!(
                        "Line chart: textbook price change against cut probability for three profiles",
                        "折线图：按理论测算，价值股、整体市场和成长股三种情形的价格变动随降息概率的变化"
                    ),
                    Signal::derive(move || tr!(format!("growth {}", pct1(out.get().growth_pct)), format!("成长股 {}", pct1(out.get().growth_pct)))), "textbook",
                )}
                <p data-testid="rates-textbook-note">{move || tr!(fig::textbook_note(&out.get()), fig::zh::textbook_note(&out.get()))}</p>
                <div class="table-wrap">
                    <table class="data-table results" id="rates-results">
                        <caption>{tr!(
                            "How much of the move from the reference reading's day to 20 November the rate channel explains at this setting",
                            "当前设定下，利率渠道对参照读数当日至11月20日涨跌的解释程度"
                        )}</caption>
                        <thead><tr><th scope="col">{tr!("Asset", "资产")}</th><th scope="col">{tr!("Actual, reference day to 20 Nov", "实际涨跌（参照日至11月20日）")}</th><th scope="col">{tr!("Textbook (model)", "理论测算（模型）")}</th><th scope="col">{tr!("Share", "解释占比")}</th><th scope="col">{tr!("Empirical (model)", "实证测算（模型）")}</th><th scope="col">{tr!("Share", "解释占比")}</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">{tr!("S&P 500", term::SPX_INDEX)}</th><td>{move || actual.get().spx.map(pct1).unwrap_or_else(|| "–".into())}</td><td>{move || pct1(out.get().broad_pct)}{tr!(" (broad)", "（整体市场）")}</td><td>{move || share_text(out.get().broad_pct, actual.get().spx)}</td><td>{move || pct1(out.get().spx_pct)}</td><td>{move || share_text(out.get().spx_pct, actual.get().spx)}</td></tr>
                            <tr><th scope="row">{tr!("Nasdaq Composite", term::NASDAQ)}</th><td>{move || actual.get().nasdaq.map(pct1).unwrap_or_else(|| "–".into())}</td><td>{move || pct1(out.get().growth_pct)}{tr!(" (growth)", "（成长股）")}</td><td>{move || share_text(out.get().growth_pct, actual.get().nasdaq)}</td><td>{move || pct1(out.get().nasdaq_pct)}</td><td>{move || share_text(out.get().nasdaq_pct, actual.get().nasdaq)}</td></tr>
                            <tr><th scope="row">{tr!("Bitcoin", term::BITCOIN)}</th><td>{move || actual.get().btc.map(pct1).unwrap_or_else(|| "–".into())}</td><td>{tr!("no cash flows", "无现金流")}</td><td>"–"</td><td>{move || pct1(out.get().btc_pct)}</td><td>{move || share_text(out.get().btc_pct, actual.get().btc)}</td></tr>
                        </tbody>
                    </table>
                </div>
            </super::Disclosure>
            <super::TableToggle
                caption={tr!(
                    "Model price change against the reference, percent, by December cut probability (model output)",
                    "不同12月降息概率下，相对参照读数的价格变动（%，模型输出）"
                ).to_string()}
                headers={tr!(
                    vec!["Cut probability", "Value", "Broad", "Growth", "S&P 500 (emp.)", "Nasdaq (emp.)", "Bitcoin (emp.)"],
                    vec!["降息概率", "价值股", "整体市场", "成长股", "标普500（实证）", "纳斯达克综合指数（实证）", "比特币（实证）"]
                )}
                rows=Signal::derive(move || lenses.with(|l| l.as_ref().map(|l| fig::table_rows(&l.curve)).unwrap_or_default()))/>
            <super::Disclosure summary={tr!("How is this computed?", "计算方法")} class="how">
                {tr!(
                    view! {
                        <ol>
                            <li>"At your setting, the December fed funds future would be priced "
                                <strong class="v-price">{move || grouped(out.get().implied.price, 4)}</strong>
                                ", an average December rate of " {move || format!("{}%", grouped(out.get().implied.r_avg_pct, 3))}
                                " and a rate of " {move || format!("{}%", grouped(out.get().implied.r_end_pct, 3))} " after the meeting."</li>
                            <li>"FedWatch mechanics (CME's method): the December fed funds future's price P gives the month's average rate R"<sub>"avg"</sub>" = 100 − P. "
                                "The decision of 9–10 Dec applies from 11 Dec, so with N = 31 days and d = 10 days at the old rate, R"<sub>"end"</sub>" = (N·R"<sub>"avg"</sub>" − d·R"<sub>"start"</sub>")/(N − d) and p = (R"<sub>"start"</sub>" − R"<sub>"end"</sub>")/0.25. "
                                "The slider works backwards from p. Assumption: R"<sub>"start"</sub>" = 3.88% (the bundled data has no fed funds rate)."</li>
                            <li>"Rates: the expected December rate changes by −0.25 × Δp percentage points, Δp measured from the reference reading you pick."</li>
                            <li>"Textbook lens (model): Gordon growth P = D/(r − g), repriced exactly as (r − g)/(r + Δr − g) − 1, assuming the discount rate moves one for one with the expected policy rate. Profiles: value r 8% g 3%; broad market r 8% g 5%; growth r and g as you set them (r − g is kept at least 0.5 points). Bitcoin has no cash flows, so this lens does not apply to it."</li>
                            <li>"Empirical lens (model): an unexpected 25 bp policy move moves broad US indexes by about 1% (Bernanke & Kuttner, Journal of Finance, 2005), times each asset's beta to the S&P 500. Bitcoin's beta is the one in the market-inputs table (the correlation window chosen in section 2, ending 19 Nov, before the day it explains): "
                                {move || fig::beta_text(estimate.get())}
                                ". Bitcoin's weekend returns are compounded into the next US trading day. There is no daily Nasdaq series, so its beta is your assumption (default 1.2)."</li>
                            <li>"Share explained = model move ÷ the actual move over the same span: from the close of the reference reading's day to the close of 20 Nov (S&P 500 and Nasdaq closes; Bitcoin UTC closes). A reference on or after 20 Nov explains no part of it. The first-screen answer and the synthesis measure it over the horizon chosen there: on the day from the 19 Nov reading, over the two weeks before from 6 Nov's, and pass it to Bitcoin only through the S&P 500 (β × its rate part)."</li>
                        </ol>
                    }
                    .into_any(),
                    view! {
                        <ol>
                            <li>"在你的设定下，12月联邦基金期货价格应为"
                                <strong class="v-price">{move || grouped(out.get().implied.price, 4)}</strong>
                                "，对应12月平均利率" {move || format!("{}%", grouped(out.get().implied.r_avg_pct, 3))}
                                "，议息会议后的利率为" {move || format!("{}%", grouped(out.get().implied.r_end_pct, 3))} "。"</li>
                            <li>"FedWatch的计算机制（CME的方法）：12月联邦基金期货价格P对应当月平均利率R"<sub>"avg"</sub>" = 100 − P。"
                                "12月9日至10日议息会议的决定自12月11日起生效，因此当月N = 31天中有d = 10天按原利率计，R"<sub>"end"</sub>" = (N·R"<sub>"avg"</sub>" − d·R"<sub>"start"</sub>")/(N − d)，p = (R"<sub>"start"</sub>" − R"<sub>"end"</sub>")/0.25。"
                                "滑块由p反推。假设：R"<sub>"start"</sub>" = 3.88%（随附数据中没有联邦基金利率）。"</li>
                            <li>"利率：12月预期利率变动−0.25 × Δp个百分点，Δp从你所选的参照读数起算。"</li>
                            <li>"理论测算（模型）：戈登增长模型P = D/(r − g)，价格变动精确按(r − g)/(r + Δr − g) − 1重新计算，并假设贴现率与预期政策利率一比一同步变动。三种情形：价值股r 8%、g 3%；整体市场r 8%、g 5%；成长股的r和g由你设定（r − g至少保持0.5个百分点）。比特币没有现金流，因此不适用这一测算。"</li>
                            <li>"实证测算（模型）：政策利率意外变动25个基点，美股大盘指数约变动1%（Bernanke与Kuttner，Journal of Finance，2005年），再乘以各资产相对标普500指数的β系数。比特币的β系数取自市场参数表（第2节所选的相关性窗口，截至11月19日，即所解释日期的前一天）："
                                {move || fig::zh::beta_text(estimate.get())}
                                "。比特币的周末收益率并入下一个美股交易日复合计算。本页没有纳斯达克综合指数的日度序列，因此其β系数为你设定的假设值（默认1.2）。"</li>
                            <li>"解释占比 = 模型涨跌 ÷ 同期实际涨跌，区间为参照读数当日收盘至11月20日收盘（标普500指数和纳斯达克综合指数取收盘价；比特币取UTC收盘价）。参照读数在11月20日或之后时，没有可供解释的涨跌。页首拆解和综合分析按各自所选的解释范围计算：当天以11月19日的读数为参照，截至当天的两周以11月6日的读数为参照；并且只经由标普500指数传导至比特币（β × 其利率部分）。"</li>
                        </ol>
                    }
                    .into_any()
                )}
            </super::Disclosure>
            <Sources sources=sources/>
        </super::Disclosure>
    }
}
