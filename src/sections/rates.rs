//! Cause 1: the cooling of December rate-cut odds, driven by the `cut` slider.

use super::{Sources, WithData, WithData2};
use crate::components::Slider;
use crate::context::{Controls, DataStore};
use crate::charts::{self, lines::{Line, LineChart, Mark}, ChartCanvas, Legend, BITCOIN, NASDAQ, SP500};
use crate::data::{DataFile, Source};
use crate::format::{grouped, pct_signed};
use crate::model::date::Date;
use crate::model::rates::{self, Outcome, Profile};
use crate::scenario::{actual_moves, btc_beta, readings, Actual, Reading};
use crate::state::{fmt_num, RateRef, Section, CUT, GROWTH_G, GROWTH_R, NASDAQ_BETA, RATE_REF};
use leptos::prelude::*;
use plotters::style::RGBColor;



/// The day whose moves the rate channel is asked to explain.
const DAY: &str = "2025-11-20";

const VALUE_C: RGBColor = RGBColor(0, 114, 178);
const BROAD_C: RGBColor = RGBColor(86, 180, 233);
const GROWTH_C: RGBColor = RGBColor(204, 121, 167);

const TEXTBOOK_TITLE: &str = "Textbook lens (Gordon growth), model output";
const EMPIRICAL_TITLE: &str = "Empirical lens (Bernanke–Kuttner × beta), model output";

/// One lens's chart against the cut probability: its three lines (name,
/// colour, dashed) from `points` (probability, the three values), and the
/// day's actual moves as marks at the day's reading `day_x`.
fn lens_chart(
    title: &str,
    y_fmt: fn(f64) -> String,
    points: &[(f64, [f64; 3])],
    lines: [(String, RGBColor, bool); 3],
    actual: &[(Option<f64>, &str, RGBColor)],
    day_x: f64,
) -> LineChart {
    LineChart {
        title: title.into(),
        x_range: (0.0, 100.0),
        y_range: None,
        x_desc: "December cut probability, %".into(),
        y_desc: "Price change vs reference, %".into(),
        x_fmt: |x| format!("{x:.0}"),
        y_fmt,
        lines: lines.into_iter().enumerate().map(|(k, (name, color, dashed))| Line { name, color, dashed, points: points.iter().map(|(x, v)| (*x, v[k])).collect() }).collect(),
        marks: actual.iter().filter_map(|&(v, l, color)| v.map(|y| Mark { x: day_x, y, color, label: format!("{l} {}", pct1(y)) })).collect(),
        current: None,
    }
}

fn pct1(v: f64) -> String {
    pct_signed(v, 2)
}

fn share_text(model: f64, actual: Option<f64>) -> String {
    match actual.and_then(|a| rates::share_explained_pct(model, a)) {
        Some(s) if s < 0.0 => "wrong direction".into(),
        Some(s) if s > 100.0 => format!("{}% (more than all of it)", grouped(s, 0)),
        Some(s) => format!("{}%", grouped(s, 0)),
        None => "–".into(),
    }
}

/// The section's conclusion, written from the numbers.
fn punchline(o: &Outcome, a: &Actual, ref_label: &str, cut_pct: f64) -> String {
    let share = |m: f64, act: Option<f64>| act.and_then(|x| rates::share_explained_pct(m, x));
    let sp = share(o.spx_pct, a.spx);
    let btc = share(o.btc_pct, a.btc);
    let bp = o.dr_pp * 100.0;
    if bp.abs() < 0.05 {
        return format!("At this setting the odds equal the reference ({ref_label}), so the rate channel explains none of the day's moves.");
    }
    if bp < 0.0 {
        return format!(
            "At this setting the odds are higher than the reference ({ref_label}): expected rates would be {} bp lower, which pushes prices up. The rate channel cannot explain a fall from here.",
            grouped(-bp, 1)
        );
    }
    let size = |s: Option<f64>| match s {
        Some(x) if x < 25.0 => "a small part",
        Some(x) if x < 60.0 => "a sizeable part",
        Some(x) if x <= 100.0 => "most",
        Some(_) => "more than all",
        None => "an unknown part",
    };
    let emp = format!(
        "Under the empirical lens, a {} bp rise in the expected December rate (odds from {ref_label} to {}%) explains {} of the S&P 500's fall ({}) and {} of Bitcoin's ({}).",
        grouped(bp, 1),
        fmt_num(cut_pct),
        size(sp),
        sp.map(|x| format!("{}%", grouped(x, 0))).unwrap_or_else(|| "–".into()),
        size(btc),
        btc.map(|x| format!("{}%", grouped(x, 0))).unwrap_or_else(|| "–".into()),
    );
    let rest = if sp.is_some_and(|x| x < 60.0) {
        " Most of the day's fall has to come from the other causes: the trade-war correlation, thin liquidity and forced selling."
    } else {
        " At this setting the rate channel alone could account for the S&P 500's fall, but the actual odds never moved that far that day."
    };
    format!(
        "{emp}{rest} The textbook lens gives much larger numbers ({} for the growth profile) because it assumes long-term discount rates move one for one with the expected policy rate, which they rarely do.",
        pct1(o.growth_pct)
    )
}

#[component]
pub fn Rates() -> impl IntoView {
    let store = expect_context::<DataStore>();
    view! {
        <section id="rates" aria-labelledby="rates-h">
            <super::SectionHead section=Section::Rates/>
            <p>
                "Investors had expected the Federal Reserve to cut interest rates again at its meeting on "
                "9–10 December. Futures markets put a number on that expectation, and CME's FedWatch tool turns "
                "it into a probability. In the weeks before 20 November that probability fell steeply, as Fed "
                "officials sounded cautious and the delayed September jobs report came in mixed."
            </p>
            <p>
                "Why would that move stock and crypto prices? A share is a claim on profits far into the "
                "future, and its price today is those profits discounted at an interest rate. A higher expected "
                "rate shrinks that present value, and it shrinks it most for assets whose payoff lies furthest "
                "out: fast-growing technology companies, above all the AI leaders priced for many years of growth. "
                "Bitcoin pays no cash flows at all, but it trades as a high-beta “risk barometer”: when money "
                "gets dearer, investors cut their most speculative positions first."
            </p>
            <WithData res=store.rates what="the FedWatch readings" render=|r| view! { <FedWatchStrip rates=r/> }/>
            <WithData2 a=store.rates b=store.markets what="the prices for the rate model" render=|r, m| view! { <RatesModel rates=r markets=m/> }/>
        </section>
    }
}

/// The quoted readings from a month before to the day after, with sources.
#[component]
fn FedWatchStrip(rates: DataFile) -> impl IntoView {
    let all = readings(&rates);
    // The FedWatch strip: a month before, two weeks, a week, the day before, the day, the day after.
    let strip_days = [("2025-10-13", "a month before"), ("2025-11-06", "two weeks before"), ("2025-11-13", "a week before"), ("2025-11-19", "the day before"), (DAY, "20 Nov"), ("2025-11-21", "the day after")];
    let strip = strip_days.iter().map(|(d, label)| {
        let rs: Vec<&Reading> = all.iter().filter(|r| r.date == *d).collect();
        let lo = rs.iter().map(|r| r.pct).fold(f64::INFINITY, f64::min);
        let hi = rs.iter().map(|r| r.pct).fold(f64::NEG_INFINITY, f64::max);
        let text = if rs.is_empty() { "–".to_string() } else if (hi - lo).abs() < 1e-9 { format!("{}%", fmt_num(lo)) } else { format!("{}–{}%", fmt_num(lo), fmt_num(hi)) };
        let when = Date::parse(d).map(|x| x.short()).unwrap_or_default();
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
        <figure class="figure strip-figure">
            <figcaption class="strip-title">"CME FedWatch: probability of a December cut, as quoted in the news"</figcaption>
            <ol class="fedwatch-strip">{strip}</ol>
        </figure>
        <p>
            "The explanation says the odds fell from “more than 70% a week earlier” to “50/50 or lower”. The quoted readings "
            "show the direction is right but the starting point was lower: a week before they were already near 50%, and "
            "on the day they were well below it. The next morning, after New York Fed President John Williams said there was "
            "room for a near-term cut, they jumped back up."
        </p>
        <Sources sources=sources/>
    }
}

#[component]
fn RatesModel(rates: DataFile, markets: DataFile) -> impl IntoView {
    let shared = expect_context::<Controls>();
    let sc = shared;
    let all = readings(&rates);
    let actual = actual_moves(&markets);
    let stats = btc_beta(&markets);
    let beta = stats.map(|s| s.beta).unwrap_or(1.0);

    let all_for_ref = all.clone();
    let reference = Memo::new(move |_| {
        let id = sc.rate_ref.get().id();
        let default_id = RATE_REF.default.id();
        all_for_ref.iter().find(|r| r.id == id).or_else(|| all_for_ref.iter().find(|r| r.id == default_id)).or(all_for_ref.first()).cloned()
    });
    let ref_missing = {
        let ids: Vec<String> = all.iter().map(|r| r.id.clone()).collect();
        Memo::new(move |_| !ids.contains(&sc.rate_ref.get().id()))
    };
    let ref_label = Memo::new(move |_| reference.get().map(|r| format!("{}% on {}", fmt_num(r.pct), Date::parse(&r.date).map(|d| d.short()).unwrap_or_default())).unwrap_or_default());
    let growth = Memo::new(move |_| Profile { r_pct: sc.growth_r_pct.get(), g_pct: sc.growth_g_pct.get() });
    let out = Memo::new(move |_| {
        let p_ref = reference.get().map(|r| r.pct / 100.0).unwrap_or(0.5);
        rates::outcome(shared.cut_pct.get() / 100.0, p_ref, growth.get(), sc.nasdaq_beta.get(), beta)
    });
    // The model over the whole slider range, for the charts and the table.
    let curve = Memo::new(move |_| {
        let p_ref = reference.get().map(|r| r.pct / 100.0).unwrap_or(0.5);
        let (g, nb) = (growth.get(), sc.nasdaq_beta.get());
        (0..=100).map(|i| (i as f64, rates::outcome(i as f64 / 100.0, p_ref, g, nb, beta))).collect::<Vec<_>>()
    });
    let day_pct = all.iter().filter(|r| r.date == DAY).map(|r| r.pct).fold(f64::NAN, f64::max);
    let day_x = if day_pct.is_finite() { day_pct } else { CUT.default };

    let mut sources: Vec<Source> = all.iter().filter(|r| r.date == DAY || r.id == RATE_REF.default.id()).map(|r| r.source.clone()).collect();
    sources.extend(["sp500", "btc_usd_0000utc"].iter().filter_map(|id| markets.series(id)).map(|s| s.source.clone()));
    sources.extend(markets.facts("nasdaq_close").into_iter().filter(|f| f.date == DAY || f.date == "2025-11-19").map(|f| f.source.clone()));

    let options = all.clone();
    let reset = move |_| shared.reset_section(Section::Rates);

    // Each lens's own numbers, so that a setting only one lens reads (the
    // Nasdaq beta, the growth profile) redraws only that lens's chart.
    let lens = move |f: fn(&Outcome) -> [f64; 3]| Memo::new(move |_| curve.with(|c| c.iter().map(|(x, o)| (*x, f(o))).collect::<Vec<_>>()));
    let textbook = lens(|o| [o.value_pct, o.broad_pct, o.growth_pct]);
    let empirical = lens(|o| [o.spx_pct, o.nasdaq_pct, o.btc_pct]);
    let textbook_chart = move || lens_chart(
        TEXTBOOK_TITLE,
        |y| format!("{y:.0}"),
        &textbook.get(),
        [("Value (r 8%, g 3%)".into(), VALUE_C, false), ("Broad market (r 8%, g 5%)".into(), BROAD_C, false), ("Growth (your r, g)".into(), GROWTH_C, false)],
        &[(actual.spx, "S&P 500 actual", SP500), (actual.nasdaq, "Nasdaq actual", NASDAQ)],
        day_x,
    );
    let empirical_chart = move || lens_chart(
        EMPIRICAL_TITLE,
        |y| format!("{y:.1}"),
        &empirical.get(),
        [
            ("S&P 500 (β 1)".into(), SP500, false),
            (format!("Nasdaq (β {}, assumed)", fmt_num(sc.nasdaq_beta.get())), NASDAQ, true),
            (format!("Bitcoin (β {}, estimated)", grouped(beta, 2)), BITCOIN, false),
        ],
        &[(actual.spx, "S&P 500 actual", SP500), (actual.nasdaq, "Nasdaq actual", NASDAQ), (actual.btc, "Bitcoin actual", BITCOIN)],
        day_x,
    );
    let summary_text = move |lens: &str| {
        let o = out.get();
        if lens == "textbook" {
            format!("Textbook lens at a {}% cut probability against {}: value {}, broad market {}, growth {}. Actual 20 Nov: S&P 500 {}, Nasdaq {}.",
                fmt_num(shared.cut_pct.get()), ref_label.get(), pct1(o.value_pct), pct1(o.broad_pct), pct1(o.growth_pct),
                actual.spx.map(pct1).unwrap_or_default(), actual.nasdaq.map(pct1).unwrap_or_default())
        } else {
            format!("Empirical lens at a {}% cut probability against {}: S&P 500 {}, Nasdaq {}, Bitcoin {}. Actual 20 Nov: S&P 500 {}, Nasdaq {}, Bitcoin {}.",
                fmt_num(shared.cut_pct.get()), ref_label.get(), pct1(o.spx_pct), pct1(o.nasdaq_pct), pct1(o.btc_pct),
                actual.spx.map(pct1).unwrap_or_default(), actual.nasdaq.map(pct1).unwrap_or_default(), actual.btc.map(pct1).unwrap_or_default())
        }
    };

    view! {
        <p class="live" data-testid="rates-live">
            "With the slider at " <strong class="v-cut">{move || format!("{}%", fmt_num(shared.cut_pct.get()))}</strong>
            ", the December futures price would be " <strong class="v-price">{move || grouped(out.get().implied.price, 4)}</strong>
            ", an average December rate of " <strong>{move || format!("{}%", grouped(out.get().implied.r_avg_pct, 3))}</strong>
            " and a rate of " <strong>{move || format!("{}%", grouped(out.get().implied.r_end_pct, 3))}</strong>
            " after the meeting. Against the reference reading (" {move || ref_label.get()} "), that is an expected December rate "
            <strong class="v-dr">{move || { let bp = out.get().dr_pp * 100.0; format!("{} bp {}", grouped(bp.abs(), 1), if bp >= 0.0 { "higher" } else { "lower" }) }}</strong> "."
        </p>
        <div class="section-controls" role="group" aria-label="Rate model settings">
            <div class="field">
                <label for="ctl-ref">"Reference reading (the odds before the change)"</label>
                <select id="ctl-ref" on:change=move |ev| {
                    if let Some(r) = RateRef::parse(&event_target_value(&ev)) {
                        sc.rate_ref.set(r);
                    }
                } prop:value=move || reference.get().map(|r| r.id).unwrap_or_default()>
                    {options.into_iter().map(|r| {
                        let label = format!("{}: {}% ({})", Date::parse(&r.date).map(|d| d.long()).unwrap_or_default(), fmt_num(r.pct), r.as_reported);
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
            <button type="button" class="reset" on:click=reset>"Reset to the 20 Nov values"</button>
        </div>
        <div class="two-up">
            <figure class="figure">
                <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| charts::lines::draw(c, f, &textbook_chart())
                    title=TEXTBOOK_TITLE
                    current=Signal::derive(move || Some((shared.cut_pct.get(), format!("{}%: growth {}", fmt_num(shared.cut_pct.get()), pct1(out.get().growth_pct)))))
                    label="Line chart: textbook price change against cut probability for three profiles" describedby="rates-textbook-summary" aspect=0.75 min_h=260.0 max_h=380.0/>
                <Legend entries=Signal::derive(move || textbook_chart().legend())/>
                <figcaption id="rates-textbook-summary">{move || summary_text("textbook")}</figcaption>
            </figure>
            <figure class="figure">
                <ChartCanvas draw=move |c: &web_sys::HtmlCanvasElement, f| charts::lines::draw(c, f, &empirical_chart())
                    title=EMPIRICAL_TITLE
                    current=Signal::derive(move || Some((shared.cut_pct.get(), format!("{}%: S&P {}", fmt_num(shared.cut_pct.get()), pct1(out.get().spx_pct)))))
                    label="Line chart: empirical price change against cut probability for the S&P 500, Nasdaq and Bitcoin" describedby="rates-empirical-summary" aspect=0.75 min_h=260.0 max_h=380.0/>
                <Legend entries=Signal::derive(move || empirical_chart().legend())/>
                <figcaption id="rates-empirical-summary">{move || summary_text("empirical")}</figcaption>
            </figure>
        </div>
        <super::TableToggle
            caption="Model price change against the reference, percent, by December cut probability (model output)".to_string()
            headers=vec!["Cut probability", "Value", "Broad", "Growth", "S&P 500 (emp.)", "Nasdaq (emp.)", "Bitcoin (emp.)"]
            rows=Signal::derive(move || curve.get().into_iter().filter(|(x, _)| (*x as i64) % 10 == 0).map(|(x, o)| vec![
                format!("{x:.0}%"), pct1(o.value_pct), pct1(o.broad_pct), pct1(o.growth_pct), pct1(o.spx_pct), pct1(o.nasdaq_pct), pct1(o.btc_pct),
            ]).collect())/>
        <div class="table-wrap">
            <table class="data-table results" id="rates-results">
                <caption>"How much of 20 November the rate channel explains at this setting"</caption>
                <thead><tr><th scope="col">"Asset"</th><th scope="col">"Actual 20 Nov"</th><th scope="col">"Textbook (model)"</th><th scope="col">"Share"</th><th scope="col">"Empirical (model)"</th><th scope="col">"Share"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"S&P 500"</th><td>{actual.spx.map(pct1)}</td><td>{move || pct1(out.get().broad_pct)}" (broad)"</td><td>{move || share_text(out.get().broad_pct, actual.spx)}</td><td>{move || pct1(out.get().spx_pct)}</td><td>{move || share_text(out.get().spx_pct, actual.spx)}</td></tr>
                    <tr><th scope="row">"Nasdaq Composite"</th><td>{actual.nasdaq.map(pct1)}</td><td>{move || pct1(out.get().growth_pct)}" (growth)"</td><td>{move || share_text(out.get().growth_pct, actual.nasdaq)}</td><td>{move || pct1(out.get().nasdaq_pct)}</td><td>{move || share_text(out.get().nasdaq_pct, actual.nasdaq)}</td></tr>
                    <tr><th scope="row">"Bitcoin"</th><td>{actual.btc.map(pct1)}</td><td>"no cash flows"</td><td>"–"</td><td>{move || pct1(out.get().btc_pct)}</td><td>{move || share_text(out.get().btc_pct, actual.btc)}</td></tr>
                </tbody>
            </table>
        </div>
        <p class="punchline" data-testid="rates-punchline">{move || punchline(&out.get(), &actual, &ref_label.get(), shared.cut_pct.get())}</p>
        <p class="fine">
            "On 20 November itself the odds barely moved (30% in the prior session, 35–39.6% on the day), so whatever the rate channel "
            "contributed had built up over the previous two weeks."
        </p>
        <details class="how">
            <summary>"How is this computed?"</summary>
            <ol>
                <li>"FedWatch mechanics (CME's method): the December fed funds future's price P gives the month's average rate R"<sub>"avg"</sub>" = 100 − P. "
                    "The decision of 9–10 Dec applies from 11 Dec, so with N = 31 days and d = 10 days at the old rate, R"<sub>"end"</sub>" = (N·R"<sub>"avg"</sub>" − d·R"<sub>"start"</sub>")/(N − d) and p = (R"<sub>"start"</sub>" − R"<sub>"end"</sub>")/0.25. "
                    "The slider works backwards from p. Assumption: R"<sub>"start"</sub>" = 3.88% (the bundled data has no fed funds rate)."</li>
                <li>"Rates: the expected December rate changes by −0.25 × Δp percentage points, Δp measured from the reference reading you pick."</li>
                <li>"Textbook lens (model): Gordon growth P = D/(r − g), repriced exactly as (r − g)/(r + Δr − g) − 1, assuming the discount rate moves one for one with the expected policy rate. Profiles: value r 8% g 3%; broad market r 8% g 5%; growth r and g as you set them (r − g is kept at least 0.5 points). Bitcoin has no cash flows, so this lens does not apply to it."</li>
                <li>"Empirical lens (model): an unexpected 25 bp policy move moves broad US indexes by about 1% (Bernanke & Kuttner, Journal of Finance, 2005), times each asset's beta to the S&P 500. Bitcoin's beta is estimated from the bundled daily log returns, 3 Sep to 19 Nov 2025: "
                    {stats.map(|s| format!("β = ρ·σ_BTC/σ_S&P = {} × {} / {} = {} over {} trading days", grouped(s.corr, 2), grouped(s.sd_btc * 100.0, 2), grouped(s.sd_spx * 100.0, 2), grouped(s.beta, 2), s.n)).unwrap_or_else(|| "not enough data; 1 is used".into())}
                    ". Bitcoin's weekend returns are compounded into the next US trading day. There is no daily Nasdaq series, so its beta is your assumption (default 1.2)."</li>
                <li>"Share explained = model move ÷ actual 20 Nov move. Actual moves: S&P 500 and Nasdaq close to close; Bitcoin over the UTC day."</li>
            </ol>
        </details>
        <Sources sources=sources/>
    }
}
