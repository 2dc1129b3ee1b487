//! The figures functions on the real data files: each chart's input and each
//! sentence stating a finding, at the page's default settings (cut 39.6%,
//! leverage 10×, src/state.rs) and after a setting moves.

mod common;

use common::{defaults, Page};
use selloff::figures::{intro, liquidations, liquidity, rates, synthesis, tariffs};
use selloff::model::rates::{outcome, Outcome};
use selloff::scenario::{self, Actual};
use selloff::state::{CascadeShock, Settings};

struct Rates {
    actual: Actual,
    label: String,
    outcome: Outcome,
}

fn rates_at(page: &Page, p: &Settings) -> Rates {
    let reference = rates::reference(&page.basis.readings, &p.rate_ref.id());
    let beta = page.basis.pre.map(|s| s.beta).unwrap_or(1.0);
    let o = outcome(p.cut_pct / 100.0, reference.unwrap().pct / 100.0, p.growth(), p.nasdaq_beta, beta);
    Rates { actual: scenario::actual_moves(&page.markets), label: rates::ref_label(reference), outcome: o }
}

#[test]
fn intro_headline_summary_and_table() {
    let page = Page::load();
    assert_eq!(
        intro::headline(&page.markets),
        "The S&P 500 closed −1.56% at 6,538.76 and the Nasdaq Composite −2.15%; Bitcoin traded as low as $86,100, \
         and $80,600 the next day (UTC days, Binance)."
    );
    let chart = intro::chart(&page.markets, &page.events).unwrap();
    assert_eq!(chart.end.to_string(), intro::END);
    assert_eq!(chart.events.len(), page.events.events.len());
    assert_eq!(
        intro::summary(&chart.timeline, &scenario::nasdaq_obs(&page.markets)),
        "From 2 Sep 2025 to the close of 20 Nov the S&P 500 moved +1.92% and Bitcoin −22.16%. On 20 Nov itself the \
         S&P 500 moved −1.56%, the Nasdaq Composite −2.15% and Bitcoin −5.30% (UTC day)."
    );
    let rows = intro::table_rows(&chart.timeline);
    assert_eq!(rows.len(), 90);
    assert_eq!(rows[0], ["2 Sep 2025", "100.0", "100.0", "–"]);
    assert_eq!(rows[89], ["30 Nov 2025", "–", "81.3", "–"]);
}

#[test]
fn rates_sentences_at_the_defaults() {
    let page = Page::load();
    let p = defaults();
    let r = rates_at(&page, &p);
    assert_eq!(r.label, "64.5% on 6 Nov");
    assert_eq!(rates::day_x(&page.basis.readings), 39.6);
    assert_eq!(rates::rate_change(&r.outcome), "6.2 bp higher");
    assert_eq!(
        rates::textbook_summary(&r.outcome, p.cut_pct, &r.label, &r.actual),
        "Textbook lens at a 39.6% cut probability against 64.5% on 6 Nov: value −1.23%, broad market −2.03%, \
         growth −3.98%. Actual 20 Nov: S&P 500 −1.56%, Nasdaq −2.15%."
    );
    assert_eq!(
        rates::empirical_summary(&r.outcome, p.cut_pct, &r.label, &r.actual),
        "Empirical lens at a 39.6% cut probability against 64.5% on 6 Nov: S&P 500 −0.25%, Nasdaq −0.30%, \
         Bitcoin −0.51%. Actual 20 Nov: S&P 500 −1.56%, Nasdaq −2.15%, Bitcoin −5.30%."
    );
    assert_eq!(rates::share_text(r.outcome.spx_pct, r.actual.spx), "16%");
    assert_eq!(rates::share_text(r.outcome.btc_pct, r.actual.btc), "10%");
    assert_eq!(rates::share_text(1.0, r.actual.spx), "wrong direction");
    assert_eq!(
        rates::punchline(&r.outcome, &r.actual, &r.label, p.cut_pct),
        "Under the empirical lens, a 6.2 bp rise in the expected December rate (odds from 64.5% on 6 Nov to 39.6%) \
         explains a small part of the S&P 500's fall (16%) and a small part of Bitcoin's (10%). Most of the day's \
         fall has to come from the other causes: the trade-war correlation, thin liquidity and forced selling. The \
         textbook lens gives much larger numbers (−3.98% for the growth profile) because it assumes long-term \
         discount rates move one for one with the expected policy rate, which they rarely do."
    );
    assert_eq!(rates::beta_text(page.basis.pre), "β = ρ·σ_BTC/σ_S&P = 0.64 × 2.37 / 0.74 = 2.06 over 56 trading days");
    assert_eq!(rates::strip_reading(&page.basis.readings, "2025-11-20"), ("35–39.6%".to_string(), 39.6));
    assert_eq!(rates::strip_reading(&page.basis.readings, "2025-01-01").0, "–");
}

#[test]
fn rates_sentences_follow_the_cut_slider() {
    let page = Page::load();
    let at = |cut: f64| {
        let p = Settings { cut_pct: cut, ..defaults() };
        let r = rates_at(&page, &p);
        (rates::punchline(&r.outcome, &r.actual, &r.label, cut), rates::rate_change(&r.outcome))
    };
    let (same, _) = at(64.5);
    assert!(same.contains("the odds equal the reference (64.5% on 6 Nov)"), "{same}");
    let (higher, change) = at(90.0);
    assert!(higher.starts_with("At this setting the odds are higher than the reference"), "{higher}");
    assert!(change.ends_with("bp lower"), "{change}");
    let (deep, _) = at(0.0);
    assert!(deep.contains("odds from 64.5% on 6 Nov to 0%"), "{deep}");
    assert_ne!(deep, at(39.6).0);
}

#[test]
fn rates_charts_and_table() {
    let page = Page::load();
    let p = defaults();
    let r = rates_at(&page, &p);
    let beta = page.basis.pre.map(|s| s.beta).unwrap();
    let curve = rates::curve(0.645, p.growth(), p.nasdaq_beta, beta);
    assert_eq!(curve.len(), 101);
    let day_x = rates::day_x(&page.basis.readings);
    let textbook = rates::textbook_chart(&rates::textbook_points(&curve), &r.actual, day_x);
    assert_eq!(textbook.title, rates::TEXTBOOK_TITLE);
    assert_eq!(textbook.lines.len(), 3);
    assert!(textbook.lines.iter().all(|l| l.points.len() == 101));
    let marks: Vec<_> = textbook.marks.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(marks, ["S&P 500 actual −1.56%", "Nasdaq actual −2.15%"]);
    let empirical = rates::empirical_chart(&rates::empirical_points(&curve), 1.5, beta, &r.actual, day_x);
    let names: Vec<_> = empirical.legend().into_iter().map(|l| l.0).collect();
    assert_eq!(names, ["S&P 500 (β 1)", "Nasdaq (β 1.5, assumed)", "Bitcoin (β 2.06, estimated)"]);
    assert_eq!(empirical.marks.len(), 3);
    let rows = rates::table_rows(&curve);
    assert_eq!(rows.len(), 11);
    assert_eq!(rows[0][0], "0%");
    assert_eq!(rows[10][0], "100%");
}

#[test]
fn tariffs_figures_at_the_defaults_and_after_a_change() {
    let page = Page::load();
    let p = defaults();
    let pairs = &page.basis.pairs;
    let (calm, crisis) = (scenario::calm_stats(pairs), scenario::crisis_stats(pairs, 30));
    let roll = scenario::rolling_corr(pairs, 30);
    assert_eq!(tariffs::tariff_day(&page.markets, &page.liquidations), ("−2.71%".to_string(), "$19B".to_string()));
    assert_eq!(
        tariffs::summary(&roll, 30, pairs.len(), calm, crisis),
        "The 30-day correlation of daily returns ran from 0.67 (window ending 14 Oct) to 0.67 (ending 28 Nov); \
         before the 10 Oct tariff threat it was 0.31 over 27 days; in the window ending 20 Nov it was 0.76."
    );
    let none = tariffs::summary(&scenario::rolling_corr(pairs, 90), 90, pairs.len(), calm, None);
    assert!(none.starts_with("A 90-day window needs 90 daily returns; the data holds 62"), "{none}");
    let chart = tariffs::chart(&roll, calm, false, &[]);
    assert_eq!(chart.main.len(), roll.len());
    assert!(chart.second.is_empty());
    assert_eq!(chart.refs, [(calm.unwrap().corr, "before 10 Oct: 0.31".to_string())]);
    assert_eq!(tariffs::chart(&roll, calm, true, &[]).second.len(), roll.len());
    assert_eq!(tariffs::legend(30, true).len(), 2);
    assert_eq!(tariffs::table_rows(&roll, calm).len(), roll.len());
    assert_eq!(
        tariffs::transmission(crisis, p.stock_shock_pct),
        "Over the 30 trading days to 20 Nov, Bitcoin's beta to the S&P 500 was 2.12 (correlation 0.76 × Bitcoin's \
         daily volatility 2.73% ÷ the S&P's 0.98%). So a fall of −1.6% in US stocks would, on average, come with a \
         Bitcoin move of −3.40% (model output)."
    );
    assert_eq!(
        tariffs::leverage_text(p.lev_x, tariffs::btc_move(crisis, p.stock_shock_pct)),
        "A trader long Bitcoin at 10× leverage (the leverage slider) would lose 34% of their margin on that move; \
         a 10× long is liquidated by a fall of −9.64%, so this shock alone does not, but a margin call would force \
         many to sell."
    );
    let liquidated = tariffs::leverage_text(50.0, tariffs::btc_move(crisis, p.stock_shock_pct));
    assert!(liquidated.ends_with(", so this shock alone liquidates it."), "{liquidated}");
    let pf = tariffs::portfolio(calm, crisis, 10.0).unwrap();
    assert_eq!(
        tariffs::portfolio_rows(&pf),
        [["calm, before 10 Oct: 0.31", "1.00%", "−2.29%"], ["crisis, to 20 Nov: 0.76", "1.10%", "−2.53%"]]
    );
    assert_eq!(
        tariffs::punchline(&pf),
        "Diversification disappears when it is needed: with the same volatilities, the rise in correlation from \
         0.31 to 0.76 makes this portfolio's daily swings 10% larger, and its bad days worse."
    );
    let heavier = tariffs::punchline(&tariffs::portfolio(calm, crisis, 40.0).unwrap());
    assert_ne!(heavier, tariffs::punchline(&pf));
}

#[test]
fn liquidity_figures() {
    let page = Page::load();
    let p = defaults();
    assert_eq!(
        liquidity::nvidia_text(&page.markets, &page.events),
        "Nvidia reported quarterly revenue of $57.01B. On 20 November its shares opened at $195.95 (+5.1% on the \
         previous close) and closed at $180.64 (−3.15%)."
    );
    let flows = liquidity::flows_chart(&page.flows, &page.markets, &page.events);
    assert_eq!(flows.record.map(|r| (r.0.to_string(), r.1)), Some(("2025-11-18".to_string(), -523.2)));
    assert_eq!(
        liquidity::flows_summary(&page.flows, &flows),
        "Reported net flows of US spot Bitcoin ETFs in November 2025: IBIT's largest one-day outflow was −$523.2M \
         on 18 Nov 2025; all funds had lost about −$3.5B by 24 Nov. Bitcoin fell from $110,046 on 1 Nov to $85,074 \
         on 21 Nov (UTC closes)."
    );
    assert_eq!(liquidity::flows_legend().len(), 4);
    assert!(!liquidity::flows_rows(&page.flows).is_empty());
    let mk = page.basis.market;
    let q = p.sell_usd_m * 1e6;
    assert_eq!(
        liquidity::impact_summary(&mk, q),
        "At full depth the chosen selling moves Bitcoin by 0.74%; with 50% of depth gone, 1.05%; with 90% gone, \
         2.35% (model output)."
    );
    assert_ne!(liquidity::impact_summary(&mk, 2.0 * q), liquidity::impact_summary(&mk, q));
    assert_eq!(liquidity::impact_rows(&mk, q)[5], ["50%", "$1.72B", "1.05%"]);
    let chart = liquidity::impact_chart(&mk, p.sell_usd_m, false, 0.0);
    assert_eq!(chart.lines.len(), 1);
    assert_eq!(chart.marks[0].label, "0.74%");
    assert_eq!(chart.current, Some((0.0, "depth lost 0%".to_string())));
    let with_lth = liquidity::impact_chart(&mk, p.sell_usd_m, true, 50.0);
    assert_eq!(with_lth.lines.len(), 2);
    assert!(with_lth.marks[0].y > chart.marks[0].y);
    let rows = liquidity::check_rows(&page.flows, &page.markets);
    assert_eq!(liquidity::check_cells(&rows)[2], ["20 Nov 2025", "−$903M", "−5.30%", "−5.9%"].map(String::from));
    assert_eq!(
        liquidity::check_range(&rows),
        "On these days Bitcoin moved between −5.9% and +2.4% per $1B of outflow. "
    );
}

#[test]
fn liquidations_figures_at_the_defaults_and_with_more_leverage() {
    let page = Page::load();
    let model = page.model(defaults());
    let c = &model.cascade;
    assert_eq!(
        liquidations::summary(Some(c)),
        "Starting from $91,555 (19 Nov close), an initial shock of −4.65% becomes a fall of −5.10% after 6 rounds; \
         $4.36B of leveraged longs are liquidated (model output)."
    );
    assert_eq!(liquidations::summary(None), "The cascade needs markets.json and rates.json.");
    assert_eq!(liquidations::settled(c), "The cascade settles at a fixed point.");
    assert_eq!(
        liquidations::nasdaq_text(c),
        " The tech-stock selling it sets off moves the Nasdaq −0.04% (model output)."
    );
    let chart = liquidations::rounds_chart(c, 2);
    assert_eq!((chart.rounds.len(), chart.shown), (6, 2));
    assert_eq!(liquidations::round_rows(c).len(), 6);
    let bins = liquidations::map_bins(&model.population, model.drivers.market.price_before);
    assert_eq!(bins.len(), liquidations::MAP_BINS);
    assert_eq!(
        liquidations::map_summary(&bins),
        "$22.93B of the modelled longs would be liquidated within 20% below the 19 Nov close; the densest band is \
         $87,893 to $88,351 ($1.32B). Darker bars hold more."
    );
    assert_eq!(liquidations::map_summary(&[]), "No modelled long is within 20% of liquidation.");
    assert_eq!(liquidations::map_rows(&bins).len(), bins.len());
    let glt = liquidations::glt_text(liquidations::glt(&model.drivers, &model.params));
    let stable = "Here λ·A·(L − 1) = 0.41: below 1, so each round of forced selling is smaller than the last and the \
                  loop dies out.";
    assert!(glt.ends_with(stable), "{glt}");
    assert_eq!(
        liquidations::reported_cells(&page.liquidations, &page.markets),
        [
            "$914M to $2.2B in the 24 hours to 21 Nov, all crypto, about a half of it Bitcoin (CoinGlass, quoted at \
             different times)"
                .to_string(),
            "$86,100 on 20 Nov, $80,600 on 21 Nov (Binance)".to_string(),
        ]
    );
    // More leverage: more liquidated, a deeper fall, a different sentence.
    let high = page.model(Settings { lev_x: 50.0, ..defaults() });
    assert!(high.cascade.liquidated > c.liquidated);
    assert_ne!(liquidations::summary(Some(&high.cascade)), liquidations::summary(Some(c)));
    let runaway = liquidations::glt(&high.drivers, &high.params);
    assert!(runaway > liquidations::glt(&model.drivers, &model.params));
}

#[test]
fn synthesis_waterfalls_sentence_and_levels() {
    let page = Page::load();
    let model = page.model(defaults());
    let actual = scenario::actual_moves(&page.markets);
    let (d, c) = (&model.drivers, &model.cascade);
    let b = synthesis::btc_waterfall(d, c, true, &actual);
    let s = synthesis::spx_waterfall(d, c, model.params.nasdaq_beta, &actual);
    let labels = |steps: &[selloff::charts::waterfall::Step]| steps.iter().map(|x| x.label.clone()).collect::<Vec<_>>();
    assert_eq!(labels(&b.steps), ["Rates", "Correlation", "Liquidity", "Cascade", "Model", "Actual"]);
    assert_eq!(labels(&s.steps), ["Rates", "Stock shock", "Contagion", "Model", "Actual"]);
    // The causes add up to the model's total.
    let sum: f64 = b.steps.iter().filter(|x| !x.from_zero).map(|x| x.value).sum();
    assert!((sum - b.total).abs() < 1e-9);
    assert!((b.total - c.final_pct).abs() < 1e-12);
    assert_eq!(
        synthesis::sentence(&b, s.total, &actual, &page.markets),
        "At these settings the model puts Bitcoin −5.10% at $86,885 and the S&P 500 −1.88%. That is close to \
         Bitcoin's actual −5.30% over the UTC day (its low was $86,100) and is close to the S&P 500's actual −1.56%."
    );
    assert_eq!(
        synthesis::level_rows(b.price, s.total, synthesis::spx_before(&page.markets)),
        [("$86,885".to_string(), false), ("$86,885".to_string(), true), ("6,517".to_string(), true)]
    );
    let rows = synthesis::contribution_rows(&b.steps, &s.steps);
    assert_eq!(rows[0], ["Rates", "−0.51%", "−0.25%"]);
    assert_eq!(rows[1], ["Correlation", "−3.40%", "–"]);
    assert_eq!(rows[7], ["Actual", "−5.30%", "−1.56%"]);
    let levels = synthesis::data_levels(&page.markets);
    assert_eq!(levels[0], (synthesis::LEVELS[0], Some("20 Nov low $86,100".to_string()), Some(false)));
    assert_eq!(levels[2].1.as_deref(), Some("lowest November close 6,538.76"));
    // A manual shock drops the cascade bar and changes the sentence.
    let manual = page.model(Settings { cascade_shock: CascadeShock::Manual(-20.0), ..defaults() });
    let bm = synthesis::btc_waterfall(&manual.drivers, &manual.cascade, false, &actual);
    assert!(!labels(&bm.steps).contains(&"Cascade".to_string()));
    let sm = synthesis::spx_waterfall(&manual.drivers, &manual.cascade, 1.2, &actual);
    let sentence = synthesis::sentence(&bm, sm.total, &actual, &page.markets);
    assert!(sentence.starts_with("At these settings the model puts Bitcoin −5.52% at $86,498"), "{sentence}");
    // A big stock shock makes the model overshoot.
    let crash = page.model(Settings { stock_shock_pct: -6.0, ..defaults() });
    let bc = synthesis::btc_waterfall(&crash.drivers, &crash.cascade, true, &actual);
    let sc = synthesis::spx_waterfall(&crash.drivers, &crash.cascade, 1.2, &actual);
    let sentence = synthesis::sentence(&bc, sc.total, &actual, &page.markets);
    assert!(sentence.contains("overshoots Bitcoin's actual"), "{sentence}");
}
