//! Cause 1: the cooling of December rate-cut odds, driven by the `cut` slider.

use super::{Sources, WithData, WithData2};
use crate::charts;
use crate::components::chart::{ChartCanvas, Legend};
use crate::components::Slider;
use crate::context::{Controls, DataStore, Derived};
use crate::data::ids::{Group, SeriesId};
use crate::data::{DataFile, Source};
use crate::figures::rates::{self as fig, pct1, share_text, EMPIRICAL_TITLE, TEXTBOOK_TITLE};
use crate::format::fmt_num;
use crate::format::grouped;
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
                "Investors expected the Federal Reserve to cut rates again on 9–10 December; CME's "
                <crate::components::Term slug="fedwatch" text="FedWatch"/>
                " turns futures prices into its odds. They fell steeply before 20 November, as Fed officials sounded cautious "
                "and the delayed September jobs report came in mixed. A higher expected rate lowers the value of future profits, "
                "most for fast-growing tech; Bitcoin pays nothing, but trades as a "
                <crate::components::Term slug="high-beta" text="high-beta"/>
                " “risk barometer”, cut first when money gets dearer."
            </p>
            <WithData res=store.rates what="the FedWatch readings" render=|r| view! { <FedWatchStrip rates=r/> }/>
            <WithData2 a=store.rates b=store.markets what="the prices for the rate model" render=|r, m| view! { <RatesModel rates=r markets=m/> }/>
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
        (Date::ymd(2025, 10, 13), "a month before"),
        (Date::ymd(2025, 11, 6), "two weeks before"),
        (Date::ymd(2025, 11, 13), "a week before"),
        (DAY_BEFORE, "the day before"),
        (DAY, "20 Nov"),
        (DAY_AFTER, "the day after"),
    ];
    let strip = strip_days.iter().map(|(d, label)| {
        let (text, hi) = fig::strip_reading(&all, *d);
        let when = d.short();
        view! {
            <li class="reading">
                <span class="reading-when">{label.to_string()}" · "{when}</span>
                <span class="reading-value">{text}</span>
                <span class="reading-bar" style=format!("width: {:.0}%", if hi.is_finite() { hi } else { 0.0 })></span>
            </li>
        }
    }).collect_view();

    let sources: Vec<Source> = all.iter().map(|r| r.source.clone()).collect();
    view! {
        <figure class="figure strip-figure" id="fedwatch">
            <figcaption class="strip-title">"CME FedWatch: probability of a December cut, as quoted in the news"</figcaption>
            <ol class="fedwatch-strip">{strip}</ol>
            <crate::components::FigureEmbed id="fedwatch"/>
        </figure>
        <p>
            "The explanation says the odds fell from “more than 70% a week earlier” to “50/50 or lower”. Right direction, lower "
            "start: near 50% a week before, well below on the day. The next morning, after New York Fed President John Williams "
            "said there was room for a near-term cut, they jumped back up."
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
            fig::textbook_summary(&o, cut, &ref_label.get(), &actual.get())
        } else {
            fig::empirical_summary(&o, cut, &ref_label.get(), &actual.get())
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
                    current=Signal::derive(move || Some((shared.cut_pct.get(), format!("{}%: {}", fmt_num(shared.cut_pct.get()), mark.get()))))
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
            "With the odds at " <strong class="v-cut">{move || format!("{}%", fmt_num(shared.cut_pct.get()))}</strong>
            " against the reference reading (" {move || ref_label.get()} "), the rate investors expect for December is "
            <strong class="v-dr">{move || fig::rate_change(&out.get())}</strong> ". A cut is 25 "
            <crate::components::Term slug="basis-point" text="basis points"/>
            " (bp), so every point of probability lost adds a quarter of a basis point to the expected rate."
        </p>
        <p class="try-line">
            "What if the Fed had signalled a cut? " <crate::components::TryIt id="cut-90"/>
            ": the expected rate falls and pushes prices up, yet Bitcoin still falls in the answer above. Or "
            <crate::components::TryIt id="cut-ref"/> " (6 Nov): over the two weeks the answer then shows, the rate channel gives nothing."
        </p>
        <p>
            "The chart prices it with the empirical lens, "
            <crate::components::Term slug="bernanke-kuttner" text="Bernanke–Kuttner"/>
            ": stocks' measured response to Fed surprises, times each asset's beta."
        </p>
        <div class="section-controls compact" role="group" aria-label="Rate model settings">
            <super::Disclosure summary="Adjust the model: reference, r, g, β" class="adjust" later=true open_when=adjusted testid="adjust-rates">
                <div class="field">
                    <label for="ctl-ref">"Reference reading (the odds before the change)"</label>
                    <select id="ctl-ref" on:change=move |ev| {
                        if let Some(r) = RateRef::parse(&event_target_value(&ev)) {
                            sc.rate_ref.set(r);
                        }
                    } prop:value=move || reference.get().map(|r| r.id).unwrap_or_default()>
                        {options.into_iter().map(|r| {
                            let label = format!("{}: {}% ({})", r.date.long(), fmt_num(r.pct), r.as_reported);
                            view! { <option value=r.id.clone()>{label}</option> }
                        }).collect_view()}
                    </select>
                    <Show when=move || ref_missing.get()>
                        <p class="fine">"The reference in the link is not one of the quoted readings; the default (6 Nov, 64.5%) is used."</p>
                    </Show>
                </div>
                <Slider spec=GROWTH_R value=sc.growth_r_pct unit="%" valuetext=|v| format!("discount rate {} percent", fmt_num(v))/>
                <Slider spec=GROWTH_G value=sc.growth_g_pct unit="%" valuetext=|v| format!("growth {} percent", fmt_num(v))/>
                <Slider spec=NASDAQ_BETA value=sc.nasdaq_beta unit="β" valuetext=|v| format!("Nasdaq beta {}", fmt_num(v))/>
                <p class="fine">"r and g move the textbook lens (under “More” below); the Nasdaq β moves this chart."</p>
                <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
            </super::Disclosure>
        </div>
        {lens_figure(
            "rates-empirical", empirical, EMPIRICAL_TITLE,
            "Line chart: empirical price change against cut probability for the S&P 500, Nasdaq and Bitcoin",
            Signal::derive(move || format!("S&P {}", pct1(out.get().spx_pct))), "empirical",
        )}
        <p class="punchline" data-testid="rates-punchline">{move || fig::punchline_lead(&out.get(), &actual.get(), &ref_label.get(), shared.cut_pct.get())}</p>
        // A class embed's questions, right after the main figure.
        <crate::components::SectionQuestions section=Section::Rates after_figure=true/>
        <super::Disclosure summary="Go deeper: the textbook lens, the table, the method, the sources" class="deeper" later=true>
        <super::Disclosure summary="More: the textbook lens, the shares">
                <p class="fine">
                    "On 20 November itself the odds barely moved (30% in the prior session, 35–39.6% on the day), so whatever the rate channel "
                    "contributed had built up over the previous two weeks."
                </p>
                <p>
                    "The textbook lens, "
                    <crate::components::Term slug="gordon-growth" text="Gordon growth"/>
                    ", discounts future profits at the new rate, so it hits companies priced for distant growth hardest. "
                    "Set its growth profile (r, g) under “Adjust the model” above."
                </p>
                {lens_figure(
                    "rates-textbook", textbook, TEXTBOOK_TITLE,
                    "Line chart: textbook price change against cut probability for three profiles",
                    Signal::derive(move || format!("growth {}", pct1(out.get().growth_pct))), "textbook",
                )}
                <p data-testid="rates-textbook-note">{move || fig::textbook_note(&out.get())}</p>
                <div class="table-wrap">
                    <table class="data-table results" id="rates-results">
                        <caption>"How much of the move from the reference reading's day to 20 November the rate channel explains at this setting"</caption>
                        <thead><tr><th scope="col">"Asset"</th><th scope="col">"Actual, reference day to 20 Nov"</th><th scope="col">"Textbook (model)"</th><th scope="col">"Share"</th><th scope="col">"Empirical (model)"</th><th scope="col">"Share"</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">"S&P 500"</th><td>{move || actual.get().spx.map(pct1).unwrap_or_else(|| "–".into())}</td><td>{move || pct1(out.get().broad_pct)}" (broad)"</td><td>{move || share_text(out.get().broad_pct, actual.get().spx)}</td><td>{move || pct1(out.get().spx_pct)}</td><td>{move || share_text(out.get().spx_pct, actual.get().spx)}</td></tr>
                            <tr><th scope="row">"Nasdaq Composite"</th><td>{move || actual.get().nasdaq.map(pct1).unwrap_or_else(|| "–".into())}</td><td>{move || pct1(out.get().growth_pct)}" (growth)"</td><td>{move || share_text(out.get().growth_pct, actual.get().nasdaq)}</td><td>{move || pct1(out.get().nasdaq_pct)}</td><td>{move || share_text(out.get().nasdaq_pct, actual.get().nasdaq)}</td></tr>
                            <tr><th scope="row">"Bitcoin"</th><td>{move || actual.get().btc.map(pct1).unwrap_or_else(|| "–".into())}</td><td>"no cash flows"</td><td>"–"</td><td>{move || pct1(out.get().btc_pct)}</td><td>{move || share_text(out.get().btc_pct, actual.get().btc)}</td></tr>
                        </tbody>
                    </table>
                </div>
            </super::Disclosure>
            <super::TableToggle
                caption="Model price change against the reference, percent, by December cut probability (model output)".to_string()
                headers=vec!["Cut probability", "Value", "Broad", "Growth", "S&P 500 (emp.)", "Nasdaq (emp.)", "Bitcoin (emp.)"]
                rows=Signal::derive(move || lenses.with(|l| l.as_ref().map(|l| fig::table_rows(&l.curve)).unwrap_or_default()))/>
            <super::Disclosure summary="How is this computed?" class="how">
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
            </super::Disclosure>
            <Sources sources=sources/>
        </super::Disclosure>
    }
}
