//! The figures functions on the real data files: each chart's input and each
//! sentence stating a finding, at the page's default settings (cut 39.6%,
//! leverage 10×, src/state/) and after a setting moves.

mod common;

use common::{defaults, Decomposed, Page};
use selloff::figures::{intro, liquidations, liquidity, rates, synthesis, tariffs};
use selloff::scenario;
use selloff::scenario::decomposition::Cause;
use selloff::state::{CascadeShock, Horizon, Settings};

fn rates_at(page: &Page, p: &Settings) -> rates::RatesNow {
    rates::now_at(&page.basis.readings, &page.markets, p, Some(&scenario::inputs(&page.basis, p.corr_window)))
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
    assert_eq!(chart.end, intro::END);
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

/// The sentence under the first chart reconciles "fell together" with three
/// months in which the two diverged: its numbers are the timeline's and the
/// market-inputs table's (the ones the tariffs section states), never typed in.
#[test]
fn the_timeline_reconciles_the_title_with_the_data() {
    use selloff::format::{grouped, pct_signed};
    use selloff::state::Window;
    let page = Page::load();
    let chart = intro::chart(&page.markets, &page.events).unwrap();
    let t = &chart.timeline;
    let inputs = scenario::inputs(&page.basis, Window::D30);
    let (calm, crisis) = (inputs.calm.unwrap(), inputs.crisis.unwrap());
    let text = intro::reconcile(t, Some(calm), Some(crisis));
    assert_eq!(
        text,
        "Over three months the two went separate ways (S&P 500 +1.92%, Bitcoin −22.16%); on 20 Nov they fell \
         together (S&P 500 −1.56%, Bitcoin −5.30%), and by then they moved as one day to day: the correlation of daily returns had \
         risen from 0.31 before the 10 Oct tariff threat to 0.74 in the 30 trading days to 19 Nov."
    );
    // The same numbers as the timeline's own summary and the tariffs section's inputs.
    let summary = intro::summary(t, &scenario::nasdaq_obs(&page.markets));
    let m = selloff::model::timeline::moves(t, &[], scenario::DAY);
    for v in [m.sp500_since_base, m.btc_since_base, m.sp500_day, m.btc_day] {
        let v = pct_signed(v.unwrap(), 2);
        assert!(text.contains(&v) && summary.contains(&v), "{v}");
    }
    assert!(text.contains(&grouped(calm.corr, 2)) && text.contains(&grouped(crisis.stats.corr, 2)));
    // It follows the correlation window the reader picks, and says how many days it really has.
    let long = scenario::inputs(&page.basis, Window::D90).crisis.unwrap();
    assert!(intro::reconcile(t, Some(calm), Some(long))
        .contains(&format!("in the {} trading days to 19 Nov", long.stats.n)));
    // Without the correlation, the sentence still reconciles the moves.
    let bare = intro::reconcile(t, None, None);
    assert!(
        bare.ends_with("(S&P 500 −1.56%, Bitcoin −5.30%).")
            && bare.starts_with("Over three months the two went separate ways")
    );
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
         growth −3.98%. Actual from the reference day to 20 Nov: S&P 500 −2.70%, Nasdaq –."
    );
    assert_eq!(
        rates::empirical_summary(&r.outcome, p.cut_pct, &r.label, &r.actual),
        "Empirical lens at a 39.6% cut probability against 64.5% on 6 Nov: S&P 500 −0.25%, Nasdaq −0.30%, \
         Bitcoin −0.51%. Actual from the reference day to 20 Nov: S&P 500 −2.70%, Nasdaq –, Bitcoin −14.47%."
    );
    assert_eq!(rates::share_text(r.outcome.spx_pct, r.actual.spx), "9%");
    assert_eq!(rates::share_text(r.outcome.btc_pct, r.actual.btc), "4%");
    assert_eq!(rates::share_text(1.0, r.actual.spx), "wrong direction");
    assert_eq!(
        rates::punchline(&r.outcome, &r.actual, &r.label, p.cut_pct),
        "Under the empirical lens, a 6.2 bp rise in the expected December rate (odds from 64.5% on 6 Nov to 39.6%) \
         explains a small part of the S&P 500's fall from that day to 20 Nov (9%) and a small part of Bitcoin's \
         (4%). Most of that fall has to come from the other causes: the trade-war correlation, thin liquidity and \
         forced selling. The textbook lens gives much larger numbers (−3.98% for the growth profile) because it \
         assumes long-term discount rates move one for one with the expected policy rate, which they rarely do."
    );
    let est = scenario::inputs(&page.basis, p.corr_window).crisis;
    assert_eq!(
        rates::beta_text(est),
        "β = ρ·σ_BTC/σ_S&P = 0.74 × 2.61 / 0.94 = 2.05 over 30 trading days, 9 Oct to 19 Nov"
    );
    assert_eq!(rates::strip_reading(&page.basis.readings, scenario::DAY), ("35–39.6%".to_string(), 39.6));
    assert_eq!(rates::strip_reading(&page.basis.readings, selloff::model::date::Date::ymd(2025, 1, 1)).0, "–");
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
    let beta = scenario::inputs(&page.basis, p.corr_window).beta();
    let curve = rates::curve(0.645, p.growth(), p.nasdaq_beta, beta);
    assert_eq!(curve.len(), 101);
    let day_x = rates::day_x(&page.basis.readings);
    let textbook = rates::textbook_chart(&rates::textbook_points(&curve), &r.actual, day_x);
    assert_eq!(textbook.title, rates::TEXTBOOK_TITLE);
    assert_eq!(textbook.lines.len(), 3);
    assert!(textbook.lines.iter().all(|l| l.points.len() == 101));
    let marks: Vec<_> = textbook.marks.iter().map(|m| m.label.as_str()).collect();
    // On the day itself (reference 19 Nov, 30%) the odds rose: the rate channel pushes prices up.
    let day = Settings { rate_ref: selloff::state::RateRef::parse("2025-11-19:30").unwrap(), ..defaults() };
    let rd = rates_at(&page, &day);
    assert_eq!(rates::share_text(rd.outcome.btc_pct, rd.actual.btc), "wrong direction");
    assert!(rates::punchline(&rd.outcome, &rd.actual, &rd.label, 39.6).contains("pushes prices up"));
    // The actual moves over the rate change's span, 6 Nov to 20 Nov: no Nasdaq point on 6 Nov.
    assert_eq!(marks, ["S&P 500 actual −2.70%"]);
    let empirical = rates::empirical_chart(&rates::empirical_points(&curve), 1.5, beta, &r.actual, day_x);
    let names: Vec<_> = empirical.legend().into_iter().map(|l| l.0).collect();
    assert_eq!(names, ["S&P 500 (β 1)", "Nasdaq (β 1.5, assumed)", "Bitcoin (β 2.05, estimated)"]);
    assert_eq!(empirical.marks.len(), 2);
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
    let (calm, crisis) = (scenario::calm_stats(pairs), scenario::estimate(pairs, 30));
    let crisis_stats = crisis.map(|e| e.stats);
    let roll = selloff::model::correlation::rolling(pairs, 30);
    assert_eq!(tariffs::tariff_day(&page.markets, &page.liquidations), ("−2.71%".to_string(), "$19B".to_string()));
    assert_eq!(
        tariffs::summary(&roll, 30, pairs.len(), calm, crisis),
        "Measured over a sliding 30-day window, the correlation of daily returns stood at 0.67 both in the first \
         window (ending 14 Oct) and in the last (ending 28 Nov), with a peak of 0.81 in the window ending 12 Nov. \
         Before the 10 Oct tariff threat it was 0.31 over 27 days. Over the 30 trading days from 9 Oct to 19 Nov, the window the model uses to explain 20 Nov, \
         it was 0.74."
    );
    let none = tariffs::summary(&selloff::model::correlation::rolling(pairs, 90), 90, pairs.len(), calm, None);
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
        "Over the 30 trading days from 9 Oct to 19 Nov, Bitcoin's beta to the S&P 500 was 2.05 (correlation 0.74 × \
         Bitcoin's volatility per trading-day return 2.61% ÷ the S&P's 0.94%). So a fall of 1.6% in US stocks \
         would, on average, come with a Bitcoin move of −3.28% (model output)."
    );
    assert_eq!(
        tariffs::leverage_text(p.lev_x, tariffs::btc_move(crisis_stats, p.stock_shock_pct)),
        "A trader long Bitcoin at 10× leverage (the leverage slider) would lose 33% of their margin on that move; \
         a 10× long is liquidated by a fall of 9.64%, so this shock alone does not, but a margin call would force \
         many to sell."
    );
    let liquidated = tariffs::leverage_text(50.0, tariffs::btc_move(crisis_stats, p.stock_shock_pct));
    assert!(liquidated.ends_with(", so this shock alone liquidates it."), "{liquidated}");
    let pf = tariffs::portfolio(calm, crisis_stats, 10.0).unwrap();
    assert_eq!(
        tariffs::portfolio_rows(&pf),
        [["calm, before 10 Oct: 0.31", "0.96%", "−2.20%"], ["crisis, to 19 Nov: 0.74", "1.05%", "−2.41%"]]
    );
    assert_eq!(
        tariffs::punchline(&pf),
        "Diversification disappears when it is needed: with the same volatilities, the rise in correlation from \
         0.31 to 0.74 makes this portfolio's daily swings 10% larger, and its bad days worse."
    );
    let heavier = tariffs::punchline(&tariffs::portfolio(calm, crisis_stats, 40.0).unwrap());
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
        "Reported net flows of US spot Bitcoin ETFs in November 2025: IBIT's largest one-day net flow was \
         −$523.2M on 18 Nov 2025; all funds together had lost about $3.5B by 24 Nov. Bitcoin fell from $110,046 on \
         1 Nov to $85,074 on 21 Nov (UTC closes)."
    );
    assert_eq!(liquidity::flows_legend().len(), 4);
    assert!(!liquidity::flows_rows(&page.flows).is_empty());
    let mk = page.basis.market;
    let inp = scenario::inputs(&page.basis, p.corr_window);
    let q = p.sell_usd_m * 1e6;
    assert_eq!(
        liquidity::impact_summary(&inp, q),
        "At full depth the chosen selling moves Bitcoin by 0.18%; with 50% of depth gone, 0.25%; with 90% gone, \
         0.56% (model output)."
    );
    assert_ne!(liquidity::impact_summary(&inp, 2.0 * q), liquidity::impact_summary(&inp, q));
    assert_eq!(liquidity::impact_rows(&inp, q)[5], ["50%", "$30B", "0.25%"]);
    let chart = liquidity::impact_chart(&inp, liquidity::lth_usd_m(&mk), p.sell_usd_m, false, 0.0);
    assert_eq!(chart.lines.len(), 1);
    assert_eq!(chart.marks[0].label, "0.18%");
    assert_eq!(chart.current, Some((0.0, "depth lost 0%".to_string())));
    let with_lth = liquidity::impact_chart(&inp, liquidity::lth_usd_m(&mk), p.sell_usd_m, true, 50.0);
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
        "Starting from $91,555 (19 Nov close), an initial shock of −3.37% becomes a move of −3.65% after 6 rounds; \
         $1.6B of leveraged longs are liquidated (model output, two significant figures)."
    );
    assert_eq!(liquidations::summary(None), "The cascade needs markets.json and rates.json.");
    assert_eq!(liquidations::settled(c, model.settings.oi_bn * 1e9), "The cascade settles at a fixed point.");
    assert_eq!(
        liquidations::nasdaq_text(c),
        " The tech-stock selling it sets off moves the Nasdaq −0.03% (model output)."
    );
    let chart = liquidations::rounds_chart(c, 2);
    assert_eq!((chart.rounds.len(), chart.shown), (6, 2));
    assert_eq!(liquidations::round_rows(c).len(), 6);
    let bins = liquidations::map_bins(&model.population, model.drivers.market.price_before);
    assert_eq!(bins.len(), liquidations::MAP_BINS);
    assert_eq!(
        liquidations::map_summary(&bins),
        "$23B of the modelled longs would be liquidated within 20% below the 19 Nov close; the densest band is \
         $87,893 to $88,351 ($1.3B). Darker bars hold more."
    );
    assert_eq!(liquidations::map_summary(&[]), "No modelled long is within 20% of liquidation.");
    assert_eq!(liquidations::map_rows(&bins).len(), bins.len());
    let oi = model.settings.oi_bn * 1e9;
    let cap = scenario::cascade_cap_pct(&model.drivers, &model.settings, c.shock_pct, oi);
    assert_eq!(
        liquidations::stability_text(c, oi, cap),
        "Stability test (after Greenwood, Landier & Thesmar, 2015): a deleveraging spiral runs away when each round \
         of forced selling sets off more selling than the market absorbs. Here it is read off the cascade itself: \
         the cascade settles after 6 rounds with $1.6B liquidated (7% of the open interest), so the loop dies out \
         before the leveraged longs are used up. Forced selling can never exceed the open interest ($24B), so in \
         this model even selling all of it, on top of the initial shock, would leave Bitcoin 4.5% below the 19 Nov \
         close."
    );
    assert_eq!(
        liquidations::reported_cells(&page.liquidations, &page.markets),
        [
            "$914M to $2.2B in the 24 hours to 21 Nov, all crypto; Bitcoin alone $960M to $1.13B (CoinGlass, quoted at \
             different times)"
                .to_string(),
            "$86,100 on 20 Nov, $80,600 on 21 Nov (Binance)".to_string(),
        ]
    );
    // More leverage: more liquidated, a deeper fall, a different sentence.
    let high = page.model(Settings { lev_x: 50.0, ..defaults() });
    assert!(high.cascade.liquidated > c.liquidated);
    assert_ne!(liquidations::summary(Some(&high.cascade)), liquidations::summary(Some(c)));
}

#[test]
fn synthesis_decomposition_sentences_and_levels() {
    let page = Page::load();
    let model = page.model(defaults());
    let d = &model.dec();
    let labels = |steps: &[selloff::charts::waterfall::Step]| steps.iter().map(|x| x.label.clone()).collect::<Vec<_>>();
    let b = synthesis::waterfall(&d.btc);
    let s = synthesis::waterfall(&d.spx);
    assert_eq!(
        labels(&b),
        [
            "AI/tech reversal",
            "Rates",
            "Contagion",
            "Rest of the stock move",
            "ETF selling",
            "Liquidations",
            "Not explained",
            "Actual"
        ]
    );
    assert_eq!(labels(&s), ["AI/tech reversal", "Rates", "Contagion", "Not explained", "Actual"]);
    // Bitcoin's parts through stocks share one bracket; the rest stand alone.
    let groups: Vec<bool> = b.iter().map(|x| x.group.is_some()).collect();
    assert_eq!(groups, [true, true, true, true, false, false, false, false]);
    // The stacked bars end at the actual move.
    for (steps, actual) in [(&b, d.btc.actual), (&s, d.spx.actual)] {
        let sum: f64 = steps.iter().filter(|x| !x.from_zero).map(|x| x.value).sum();
        assert!((sum - actual).abs() < 1e-9);
    }
    assert_eq!(
        synthesis::cause_sentences(d, model.settings.cut_pct),
        [
            "Rates: the cut odds rose from 30% on 19 Nov to 39.6%, lifting stocks 0.10% and, through them, Bitcoin \
             0.20% by the rate model.",
            "Crypto tied to stocks: with β 2.05, the stock move reached Bitcoin as −3.19%, most of its −5.30%.",
            "AI valuations: tech's reversal after Nvidia's results gave −0.60 points of the S&P 500's −1.56% beyond the \
             broad fall (Nvidia alone −0.25 to −0.23).",
            "Thin liquidity: the day's net ETF selling moved Bitcoin −0.18%.",
            "Forced liquidations: modelled at assumed leverage and open interest, $1.6B of longs sold on 20 Nov add \
             −0.23% to Bitcoin and −0.02% to stocks.",
            "Not explained on the day: Bitcoin −1.71%, the S&P 500 −1.02%.",
        ]
    );
    assert_eq!(
        synthesis::sentence_spx(d),
        "Tech measured (34.6% of the index at 28 Nov weights, −2.70%; −3.14% by another source); rates and \
         contagion modelled; −1.02% is not explained."
    );
    let rows = synthesis::contribution_rows(d);
    assert_eq!(
        rows[0],
        [
            "AI/tech reversal",
            "through stocks, β × the S&P 500's part: −1.24% (−2.30% to −0.82%)",
            "−0.60% (−0.84% to −0.60%)"
        ]
    );
    assert_eq!(rows[1], ["Rates", "through stocks, β × the S&P 500's part: +0.20% (+0.13% to +0.26%)", "+0.10%"]);
    assert_eq!(rows[4], ["ETF selling", "−0.18% (−0.36% to −0.09%)", "–"]);
    assert_eq!(rows[7], ["Not explained", "−1.71% (−3.06% to +0.17%)", "−1.02% (−1.04% to −0.75%)"]);
    assert_eq!(rows[8], ["Actual", "−5.30%", "−1.56%"]);
    // The key levels are where the day's liquidations end, whatever start
    // section 4 is set to.
    assert_eq!(synthesis::level_rows(d.cascade.final_price)[0].1, Some(true));
    assert_eq!(synthesis::level_rows(d.cascade.final_price)[2].1, None);
    let crash = page.model(Settings { cascade_shock: CascadeShock::Manual(-30.0), ..defaults() });
    assert_eq!(crash.dec().cascade.final_price, d.cascade.final_price);
    assert!(crash.cascade.final_price < d.cascade.final_price, "section 4's what-if does move");
    let levels = synthesis::data_levels(&page.markets);
    assert_eq!(levels[0], (synthesis::LEVELS[0], Some("20 Nov low $86,100".to_string()), Some(false)));
    assert_eq!(levels[2].1.as_deref(), Some("lowest November close 6,538.76"));
    // The two weeks before: no tech split, no ETF-selling bar, another actual, another reading.
    let two = page.model(Settings { span: Horizon::TwoWeeks, ..defaults() });
    let d2 = &two.dec();
    assert!(d2.btc.part(Cause::Selling).is_none() && d2.spx.part(Cause::Tech).is_none());
    assert_eq!(d2.reading.date, selloff::model::date::Date::ymd(2025, 11, 6));
    assert_ne!(d2.btc.actual, d.btc.actual);
    let two_sentences = synthesis::cause_sentences(d2, two.settings.cut_pct);
    assert_eq!(
        two_sentences[0],
        "Rates: the cut odds fell from 64.5% on 6 Nov to 39.6%, taking 0.25% off stocks and, through them, 0.64% off \
         Bitcoin by the rate model."
    );
    assert!(two_sentences[2].contains("not separated"), "{}", two_sentences[2]);
    assert!(two_sentences[3].contains("not modelled over two weeks"), "{}", two_sentences[3]);
}

/// The S&P 500's tech part is an identity of the quoted figures: IT's
/// weight times its excess over the rest of the index, both sources' figures
/// giving the range, and Nvidia's own share at its dated weights.
#[test]
#[allow(clippy::approx_constant)] // −3.14 is IT's quoted move, not π
fn the_tech_part_is_the_quoted_figures_arithmetic() {
    let page = Page::load();
    let m = page.model(defaults());
    let d = m.dec().clone();
    let t = d.tech.unwrap();
    let r = d.spx.actual;
    assert!((r - (6538.76 / 6642.16 - 1.0) * 100.0).abs() < 1e-9);
    assert!((t.weight - 0.346).abs() < 1e-12);
    assert_eq!((t.tech_pct, t.tech_other_pct), (-2.7, Some(-3.14)));
    assert_eq!(t.weight_date.to_string(), "2025-11-28");
    let rest = |it: f64| (r - 0.346 * it) / (1.0 - 0.346);
    let excess = |it: f64| 0.346 * (it - rest(it));
    let p = d.spx.part(Cause::Tech).unwrap();
    assert!((p.value - excess(-2.7)).abs() < 1e-12);
    assert!((p.lo - excess(-3.14)).abs() < 1e-12 && (p.hi - excess(-2.7)).abs() < 1e-12);
    assert!((t.central.contribution_pct - -0.9342).abs() < 1e-12);
    let (n_lo, n_hi) = t.nvidia.unwrap();
    assert!((n_lo - 0.0783 * -3.15).abs() < 1e-12 && (n_hi - 0.0728 * -3.15).abs() < 1e-12);
    // β without the 10 Oct tariff day, shown beside it.
    assert!((d.beta.stats.beta - 2.05).abs() < 0.005);
    assert!((m.inputs().beta_without_tariff_day.unwrap() - 1.87).abs() < 0.005);
}

/// The stability statement and the cascade never disagree, over the whole
/// leverage × open-interest range, from the day's shock and from a crash.
#[test]
fn the_stability_statement_agrees_with_the_cascade_everywhere() {
    use liquidations::{loop_of, settled, stability_text, Loop};
    let page = Page::load();
    let mut seen = std::collections::HashSet::new();
    for shock in [CascadeShock::Auto, CascadeShock::Manual(-30.0)] {
        for lev in [1.0, 2.0, 5.0, 10.0, 17.5, 25.0, 40.0, 60.0, 80.0, 100.0] {
            for oi_bn in [1.0, 5.0, 12.0, 24.0, 50.0, 75.0, 100.0] {
                let m = page.model(Settings { lev_x: lev, oi_bn, cascade_shock: shock, ..defaults() });
                let (c, oi) = (&m.cascade, oi_bn * 1e9);
                let cap = scenario::cascade_cap_pct(&m.drivers, &m.settings, c.shock_pct, oi);
                let text = stability_text(c, oi, cap);
                let end = settled(c, oi);
                let kind = loop_of(c, oi);
                seen.insert(format!("{kind:?}"));
                let at = format!("lev {lev}, oi {oi_bn}, {shock:?}: {text} / {end}");
                // "runs away" only when the run used up every long (or never settled).
                assert_eq!(text.contains("the loop runs away"), matches!(kind, Loop::Exhausted), "{at}");
                assert_eq!(text.contains("the loop dies out"), kind == Loop::DiesOut, "{at}");
                assert_eq!(end.contains("settles at a fixed point"), kind == Loop::DiesOut, "{at}");
                if kind == Loop::DiesOut {
                    assert!(c.converged && c.liquidated < oi, "{at}");
                }
                // The cap is never passed: forced selling cannot exceed the open interest.
                assert!(c.final_pct >= cap - 1e-6, "{at}: {} < cap {cap}", c.final_pct);
                assert!(c.liquidated <= oi * (1.0 + 1e-9), "{at}");
            }
        }
    }
    assert!(seen.contains("DiesOut") && seen.contains("Exhausted"), "{seen:?}");
}

/// The parts and "not explained" add up to the actual move for both assets,
/// on both horizons, at a grid of settings; every range contains its value.
#[test]
fn the_decomposition_adds_up_to_the_actual_at_a_grid_of_settings() {
    let page = Page::load();
    for span in Horizon::ALL {
        for (cut_pct, lev_x, oi_bn, depth) in
            [(39.6, 10.0, 24.0, 0.0), (0.0, 100.0, 100.0, 90.0), (100.0, 1.0, 1.0, 0.0), (30.0, 25.0, 50.0, 50.0)]
        {
            let m = page.model(Settings { span, cut_pct, lev_x, oi_bn, depth_cut_pct: depth, ..defaults() });
            let (spx, btc) = scenario::actual_over(&page.basis, span);
            for (dec, actual) in [(&m.dec().btc, btc.unwrap()), (&m.dec().spx, spx.unwrap())] {
                assert_eq!(dec.actual, actual);
                let (modelled, _, _) = dec.modelled();
                let (ne, ne_lo, ne_hi) = dec.not_explained();
                assert!((modelled + ne - actual).abs() < 1e-9);
                assert!(ne_lo <= ne + 1e-9 && ne <= ne_hi + 1e-9);
                let bars: f64 = synthesis::waterfall(dec).iter().filter(|s| !s.from_zero).map(|s| s.value).sum();
                assert!((bars - actual).abs() < 1e-9);
                for p in &dec.parts {
                    assert!(p.lo <= p.value + 1e-9 && p.value <= p.hi + 1e-9, "{p:?}");
                }
            }
            // What comes through stocks is β × the S&P 500's parts, no more.
            let via: Vec<_> = m.dec().btc.parts.iter().filter(|p| p.via_stocks).map(|p| p.cause).collect();
            let spx: Vec<_> = m.dec().spx.parts.iter().map(|p| p.cause).chain([Cause::StockRest]).collect();
            assert_eq!(via, spx);
        }
    }
}

/// No estimate used to explain 20 Nov ends after 19 Nov; a window longer
/// than the history is honoured with the real count, stated on screen.
#[test]
fn estimation_windows_end_before_the_day() {
    let page = Page::load();
    for w in selloff::state::Window::ALL {
        let inp = scenario::inputs(&page.basis, w);
        let e = inp.crisis.unwrap();
        assert!(e.last <= scenario::EST_END, "{w:?}: {}", e.last);
        assert_eq!(e.last.to_string(), "2025-11-19");
        assert_eq!(e.stats.n, w.days().min(56), "{w:?}");
        assert_eq!(e.is_short(), w.days() > 56);
        let calm = inp.calm.unwrap();
        assert_eq!(calm.n, 27);
    }
    let long = scenario::estimate(&page.basis.pairs, 90).unwrap();
    let text = tariffs::transmission(Some(long), -1.6);
    assert!(
        text.starts_with(
            "Over the 56 trading days from 3 Sep to 19 Nov (the 90-day window asks for more: only 56 trading days of \
             returns come before 20 Nov), Bitcoin's beta"
        ),
        "{text}"
    );
    let roll = selloff::model::correlation::rolling(&page.basis.pairs, 90);
    let summary = tariffs::summary(&roll, 90, page.basis.pairs.len(), inp_calm(&page), Some(long));
    assert!(summary.starts_with("A 90-day window needs 90 daily returns; the data holds 62"), "{summary}");
    assert!(summary.contains("only 56 trading days of returns come before 20 Nov"), "{summary}");
    // The σ of the square-root law is per UTC day, over 30 days to 19 Nov.
    let inp = scenario::inputs(&page.basis, selloff::state::Window::D30);
    assert_eq!(inp.sigma_btc_utc_n, 30);
}

fn inp_calm(page: &Page) -> Option<selloff::model::returns::Stats> {
    scenario::calm_stats(&page.basis.pairs)
}

/// Every section reads the one inputs table: one β, one σ per definition,
/// one market volume.
#[test]
fn every_section_reads_the_shared_inputs() {
    let page = Page::load();
    let m = page.model(defaults());
    let inp = m.inputs();
    // Section 1's β (rates) is the drivers' and the cascade's β.
    let r = rates_at(&page, &m.settings);
    assert!((r.outcome.btc_pct - m.drivers.rates_btc).abs() < 1e-12);
    assert_eq!(m.drivers.btc_beta_crisis, inp.beta());
    // Section 2's transmission uses the same β.
    assert!((tariffs::btc_move(inp.crisis.map(|e| e.stats), -1.6) - m.drivers.tariff_btc).abs() < 1e-12);
    // Section 3's impact and the synthesis's ETF-selling bar: the same law, σ and V.
    let q = m.settings.sell_usd_m * 1e6;
    assert!((liquidity::impact_pct(&inp, q, 0.0) + m.drivers.liquidity_btc).abs() < 1e-12);
    let selling = m.dec().btc.part(Cause::Selling).unwrap().value;
    assert!((selling - m.drivers.liquidity_btc).abs() < 1e-12);
    // Section 4's cascade runs on the same impact law.
    let again = scenario::run_cascade_with(&m.population, &m.drivers, &m.settings, inp.impact(0.0));
    assert_eq!(again, *m.cascade);
    assert_eq!(inp.volume_usd, scenario::MARKET_VOLUME_USD);
}

/// The appendix's market-inputs table: one row per input, with its unit,
/// window and source, at the page's window.
#[test]
fn the_market_inputs_table() {
    let page = Page::load();
    let m = page.model(defaults());
    let rows = selloff::figures::inputs::rows(&m.inputs(), &page.markets);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names.len(), 11, "{names:?}");
    assert_eq!(rows[0][1], "2.07%", "{:?}", rows[0]);
    assert_eq!(rows[3][1], "2.05 (95% interval 1.35 to 2.75; 1.87 without the 10 Oct tariff day)", "{:?}", rows[3]);
    assert_eq!(
        selloff::figures::inputs::beta_note(&m.inputs(), &page.markets),
        "β is 2.05 with the 10 Oct tariff day in its window and 1.87 without it, so one day carries part of it. \
         Bitcoin's daily price here is Bitstamp's at 00:00 UTC, three hours after the US close (16:00 ET is 21:00 \
         UTC): each Bitcoin day ends a little after the S&P 500's. On 20 Nov, end-of-day market wraps put Bitcoin \
         near the US close at $86,537 to $86,695, against $86,586 at 00:00 UTC on 21 Nov, so on the day itself the \
         three hours change little."
    );
    assert_eq!(rows[3][3], "30 trading days, 9 Oct to 19 Nov");
    assert!(rows.iter().all(|r| r.iter().all(|c| !c.is_empty() && !c.contains("NaN"))), "{rows:?}");
    let long =
        selloff::figures::inputs::rows(&scenario::inputs(&page.basis, selloff::state::Window::D90), &page.markets);
    assert_eq!(long[3][3], "56 trading days, 3 Sep to 19 Nov; the 90-day window asks for more");
}

/// The default open interest and leverage mix give the reported order of
/// magnitude of Bitcoin liquidations (an assumption set against a figure,
/// not a fit); a far larger setting shows the gap.
#[test]
fn the_default_is_set_against_the_reported_liquidations() {
    let page = Page::load();
    let m = page.model(defaults());
    let (lo, hi) = liquidations::reported_btc(&page.liquidations).unwrap();
    assert_eq!((lo, hi), (960.0, 1130.0));
    // The live sentence's reference, beside the forced selling at any leverage.
    assert_eq!(
        liquidations::reported_btc_note(&page.liquidations),
        " (reported for Bitcoin, 24 hours to 21 Nov: $960M to $1.13B)"
    );
    // The day's liquidations: section 4's cascade when it starts from the day.
    let day = &m.dec().cascade;
    assert_eq!(day, &*m.cascade);
    let model_m = day.liquidated / 1e6;
    // The same order of magnitude as reported, at the defaults.
    assert!(model_m > 0.5 * lo && model_m < 2.0 * hi, "{model_m}");
    let (r0, r1) = m.dec().liquidated_range;
    assert!(r0 <= day.liquidated && day.liquidated <= r1);
    assert_eq!(
        liquidations::calibration(day.liquidated, m.dec().liquidated_range, &page.liquidations),
        "The model liquidates $1.6B of Bitcoin longs (from $250M to $5.4B with β, Y and the market volume at the \
         ends of their ranges): 1.4× the highest Bitcoin figure reported for the 24 hours to 21 Nov ($960M to $1.13B). \
         The comparison is rough: the reported 24 hours run into 21 Nov, when Bitcoin fell further, and cover only \
         the exchanges CoinGlass tracks; the model covers 20 Nov's move, and its open interest and leverage mix are \
         assumptions."
    );
    let big = page.model(Settings { lev_x: 50.0, oi_bn: 100.0, ..defaults() });
    let text = liquidations::calibration(big.cascade.liquidated, big.dec().liquidated_range, &page.liquidations);
    assert!(text.contains("× the highest Bitcoin figure reported"), "{text}");
}

/// Section 3 and the Claims-vs-data panel give the same verdicts on IBIT.
#[test]
fn section_3_and_the_claims_panel_agree_on_ibit() {
    let page = Page::load();
    let text = liquidity::ibit_text(&page.flows);
    assert_eq!(
        text,
        "The explanation says BlackRock's IBIT lost more than $500 million in a single day and nearly $2 billion in \
         November. The first matches: IBIT's largest one-day net flow in the data: −$523.2M on 18 Nov 2025. The \
         second matches: IBIT's month-to-date net flow when the text was written: about −$2.1B to 18 Nov 2025; for \
         the whole month about −$2.2B. All US spot Bitcoin ETFs together: about −$3.5B by 24 Nov 2025."
    );
    let panel = selloff::data::claims::november_outflows(&page.flows);
    assert!(text.contains(&format!("The second {}", panel.verdict.label())));
}

/// The forecasts, checked in hindsight against the data to its last date.
#[test]
fn the_forecasts_in_hindsight() {
    let page = Page::load();
    let rows = synthesis::forecasts(&page.markets, &page.rates);
    assert_eq!(rows.len(), 4);
    let verdicts: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        verdicts,
        [
            "did not hold",
            "came within $600 of $80,000, not below it",
            "not by the end of the data (9.0% above 6,000)",
            "not checkable with this data (advice, and the decision came later)"
        ]
    );
    assert_eq!(rows[1][1], "The lowest Binance low from 20 Nov to 30 Nov 2025 was $80,600 on 21 Nov 2025");
    assert_eq!(rows[2][1], "Lowest close from 20 Nov to 28 Nov 2025: 6,538.76 on 20 Nov 2025");
    assert!(rows[3][1].starts_with("December cut odds were back at 85% on 26 Nov 2025"), "{:?}", rows[3]);
}

/// The reading path shows each long sentence in two places (the verdict on
/// the path, the rest one tap away): the two pieces are the whole, in order,
/// and each piece carries its own asset's numbers.
#[test]
fn split_sentences_are_the_whole_sentence() {
    let page = Page::load();
    for params in [defaults(), Settings { cut_pct: 90.0, lev_x: 50.0, ..defaults() }] {
        let model = page.model(params.clone());
        let d = &model.dec();
        // The synthesis: one plain sentence per cause, in the source text's order.
        let leads: Vec<String> = synthesis::cause_sentences(d, params.cut_pct)
            .iter()
            .map(|t| t.split(':').next().unwrap_or_default().to_string())
            .collect();
        assert_eq!(
            leads,
            [
                "Rates",
                "Crypto tied to stocks",
                "AI valuations",
                "Thin liquidity",
                "Forced liquidations",
                "Not explained on the day"
            ]
        );
        let r = rates_at(&page, &params);
        let lead = rates::punchline_lead(&r.outcome, &r.actual, &r.label, params.cut_pct);
        let whole = rates::punchline(&r.outcome, &r.actual, &r.label, params.cut_pct);
        match rates::textbook_note(&r.outcome) {
            Some(note) => assert_eq!(whole, format!("{lead} {note}")),
            None => assert_eq!(whole, lead),
        }
    }
    // A rise in the expected rate gets the textbook note; a fall (odds above the reference) does not.
    assert!(rates::textbook_note(&rates_at(&page, &defaults()).outcome).is_some());
    let high = Settings { cut_pct: 90.0, ..defaults() };
    assert!(rates::textbook_note(&rates_at(&page, &high).outcome).is_none());
}

/// The synthesis's sentences in Chinese (issue 26), at the settings the
/// English test above uses: the same findings, one per cause.
#[test]
fn the_synthesis_in_chinese() {
    use selloff::figures::synthesis::zh::cause_sentences;
    let page = Page::load();
    let model = page.model(defaults());
    let d = model.dec();
    assert_eq!(
        cause_sentences(d, model.settings.cut_pct),
        [
            "利率因素：市场预期的美联储12月降息概率从11月19日的30%升至39.6%，利率模型显示，这一变化推升标普500指数0.10个百分点，\
             并经由股市传导推升比特币0.20个百分点。",
            "经由股市传导：β系数为2.05（标普500指数每涨跌1%，比特币约涨跌2.05%），标普500指数的涨跌传导至比特币，\
             使其下跌3.19个百分点（含上述利率影响），占比特币当天5.30%跌幅的大部分。",
            "AI/科技股反转：英伟达公布业绩后科技股反转，在大盘普跌之外使标普500指数多跌0.60个百分点（指数当天下跌1.56%），\
             其中仅英伟达一只股票就拖累0.23至0.25个百分点。",
            "ETF资金流出：当天比特币现货ETF资金净流出，使比特币下跌0.18个百分点。",
            "强平：若按所设杠杆与未平仓合约规模，模型估算11月20日约有16亿美元多头仓位遭强平，\
             使比特币下跌0.23个百分点、标普500指数下跌0.02个百分点。",
            "模型未解释（当天）：比特币跌幅中的1.71个百分点，标普500指数跌幅中的1.02个百分点。",
        ]
    );
    // The two weeks: another reading, no tech split, no ETF selling modelled.
    let two = page.model(Settings { span: Horizon::TwoWeeks, ..defaults() });
    let t = cause_sentences(two.dec(), two.settings.cut_pct);
    assert_eq!(
        t[0],
        "利率因素：市场预期的美联储12月降息概率从11月6日的64.5%降至39.6%，利率模型显示，这一变化压低标普500指数0.25个百分点，\
         并经由股市传导压低比特币0.64个百分点。"
    );
    assert!(t[1].ends_with("占比特币同期14.47%跌幅的近一半。"), "{}", t[1]);
    assert!(t[2].starts_with("AI/科技股反转：") && t[2].contains("两周区间不单独拆分此项"), "{}", t[2]);
    assert!(t[3].starts_with("ETF资金流出：") && t[3].contains("两周区间未对此项建模"), "{}", t[3]);
    assert!(t[5].starts_with("模型未解释（两周合计）："), "{}", t[5]);
    // The reader's own cut odds are a what-if, and said to be one.
    let yours = page.model(Settings { cut_pct: 90.0, ..defaults() });
    let t = cause_sentences(yours.dec(), 90.0);
    assert!(
        t[0].starts_with(
            "利率因素：假设市场预期的美联储12月降息概率为90%（11月19日实际为30%），利率模型显示，标普500指数将因此上涨"
        ),
        "{}",
        t[0]
    );
    assert!(t[5].starts_with("模型未解释（当天，按假设情形）："), "{}", t[5]);
    // One sentence per cause, as in English, each led by its cause's name.
    let leads: Vec<&str> = t.iter().map(|x| x.split('：').next().unwrap_or_default()).collect();
    assert_eq!(
        leads,
        ["利率因素", "经由股市传导", "AI/科技股反转", "ETF资金流出", "强平", "模型未解释（当天，按假设情形）"]
    );
    // An overshoot is called one, with its object.
    let over = page.model(selloff::state::parse_state("lev=100&oi=100&q=10000").0);
    let t = cause_sentences(over.dec(), over.settings.cut_pct);
    assert!(t[5].contains("比特币无未解释部分（各项合计超出实际跌幅0.28个百分点，即模型高估）"), "{}", t[5]);
}

/// Cause 1's sentences in Chinese (issue 26), at the settings of the English
/// tests above: the same numbers, Chinese sentences.
#[test]
fn rates_sentences_in_chinese() {
    use selloff::figures::rates::zh;
    let page = Page::load();
    let at = |cut: f64| rates_at(&page, &Settings { cut_pct: cut, ..defaults() });
    let r = at(39.6);
    let re = r.reference.as_ref();
    assert_eq!(zh::ref_label(re), "11月6日的64.5%");
    assert_eq!(zh::rate_change(&r.outcome), "上升6.2个基点");
    assert_eq!(
        zh::textbook_summary(&r.outcome, 39.6, re, &r.actual),
        "理论测算（戈登增长模型；12月降息概率为39.6%，11月6日为64.5%）：模型推算价值股下跌1.23%，整体市场下跌2.03%，\
         成长股下跌3.98%。11月6日至11月20日实际涨跌幅：标普500指数−2.70%，纳斯达克综合指数（无数据）。"
    );
    assert_eq!(
        zh::empirical_summary(&r.outcome, 39.6, re, &r.actual),
        "实证测算（Bernanke–Kuttner×β；12月降息概率为39.6%，11月6日为64.5%）：\
         模型推算标普500指数下跌0.25%，纳斯达克综合指数下跌0.30%，比特币下跌0.51%。\
         11月6日至11月20日实际涨跌幅：标普500指数−2.70%，纳斯达克综合指数（无数据），比特币−14.47%。"
    );
    assert_eq!(zh::share_text(r.outcome.spx_pct, r.actual.spx), "9%");
    assert_eq!(zh::share_text(1.0, r.actual.spx), "方向相反");
    assert_eq!(
        zh::punchline(&r.outcome, &r.actual, re, 39.6),
        "按实证测算，12月政策利率预期上升6.2个基点（12月降息概率由11月6日的64.5%降至39.6%），\
         仅能解释标普500指数同期跌幅的约9%、比特币同期跌幅的约4%。\
         其余大部分跌幅需从其他因素中寻找：贸易摩擦下资产相关性上升、市场流动性偏弱以及强平。\
         理论测算得出的跌幅大得多（成长股下跌3.98%），因为它假设长期贴现率与预期政策利率一比一同步变动，而现实中很少如此。"
    );
    let est = scenario::inputs(&page.basis, defaults().corr_window).crisis;
    assert_eq!(
        zh::beta_text(est),
        "β = ρ·σ_BTC/σ_S&P = 0.74 × 2.61 / 0.94 = 2.05，基于10月9日至11月19日共30个交易日的数据"
    );
    // The verdict follows the cut slider as the English does.
    let r = at(64.5);
    assert!(zh::punchline(&r.outcome, &r.actual, r.reference.as_ref(), 64.5)
        .ends_with("与参照值（11月6日的64.5%）相同，因此利率渠道对11月6日以来的涨跌没有解释力。"));
    let r = at(90.0);
    assert!(zh::punchline(&r.outcome, &r.actual, r.reference.as_ref(), 90.0)
        .starts_with("在当前设定下，12月降息概率高于参照值（11月6日的64.5%），意味着政策利率预期下降6.4个基点"));
    assert!(zh::rate_change(&r.outcome).starts_with("下降"));
    let r = at(0.0);
    assert!(
        zh::punchline(&r.outcome, &r.actual, r.reference.as_ref(), 0.0).contains("12月降息概率由11月6日的64.5%降至0%")
    );
}

/// The lede and the timeline's sentences in Chinese (issue 26), from the same
/// data as the English tests above.
#[test]
fn intro_in_chinese() {
    use selloff::figures::intro::zh;
    use selloff::state::Window;
    let page = Page::load();
    assert_eq!(
        zh::headline(&page.markets),
        "标普500指数收跌1.56%，报6,538.76点；纳斯达克综合指数收跌2.15%；\
         比特币盘中一度跌至86,100美元，次日进一步下探至80,600美元（按UTC时间计，数据来自Binance）。"
    );
    let chart = intro::chart(&page.markets, &page.events).unwrap();
    let t = &chart.timeline;
    assert_eq!(
        zh::summary(t, &scenario::nasdaq_obs(&page.markets)),
        "2025年9月2日至11月20日收盘，标普500指数累计涨跌幅为+1.92%，比特币为−22.16%。\
         11月20日单日，标普500指数涨跌幅为−1.56%，纳斯达克综合指数为−2.15%，比特币为−5.30%（按UTC时间计）。"
    );
    let inputs = scenario::inputs(&page.basis, Window::D30);
    assert_eq!(
        zh::reconcile(t, inputs.calm, inputs.crisis),
        "三个月来两者走势分化（标普500指数+1.92%，比特币−22.16%）；11月20日两者双双下跌（标普500指数−1.56%，比特币−5.30%）。\
         事实上，此前两者日度走势已高度同步：日收益率相关性由10月10日关税威胁前的0.31升至0.74（截至11月19日的30个交易日）。"
    );
    let long = scenario::inputs(&page.basis, Window::D90).crisis.unwrap();
    assert!(zh::reconcile(t, inputs.calm, Some(long)).contains(&format!("（截至11月19日的{}个交易日）", long.stats.n)));
    assert!(zh::reconcile(t, None, None).ends_with("（标普500指数−1.56%，比特币−5.30%）。"));
}

/// Cause 4's sentences in Chinese (issue 26), at the English test's settings.
#[test]
fn liquidations_in_chinese() {
    use selloff::figures::liquidations::zh;
    let page = Page::load();
    let model = page.model(defaults());
    let c = &model.cascade;
    let oi = model.settings.oi_bn * 1e9;
    assert_eq!(
        zh::summary(Some(c)),
        "从91,555美元（11月19日收盘价）出发，−3.37%的初始冲击经6轮连锁强平后扩大为−3.65%；约16亿美元杠杆多头仓位遭强平\
         （模型输出，保留两位有效数字）。"
    );
    assert_eq!(zh::settled(c, oi), "连锁强平自行收敛，价格企稳。");
    assert_eq!(zh::nasdaq_text(c), "经科技股传导，纳斯达克综合指数随之下跌0.03%（模型输出）。");
    let bins = liquidations::map_bins(&model.population, model.drivers.market.price_before);
    assert_eq!(
        zh::map_summary(&bins),
        "在11月19日收盘价下方20%以内，模型中强平价位于该区间的多头仓位共230亿美元；强平最密集的价位区间为87,893美元至\
         88,351美元（13亿美元）。颜色越深，该价位待强平仓位规模越大。"
    );
    let cap = scenario::cascade_cap_pct(&model.drivers, &model.settings, c.shock_pct, oi);
    let t = zh::stability_text(c, oi, cap);
    assert!(
        t.contains("连锁强平经过6轮后停止，共强平16亿美元（占未平仓合约的7%），因此在杠杆多头耗尽之前，循环就已收敛。"),
        "{t}"
    );
    assert!(
        t.ends_with(
            "强平抛售规模不会超过未平仓合约总额（240亿美元）；按本模型，即便初始冲击之外全部未平仓合约遭强平，\
             比特币也仅比11月19日收盘价低4.5%（模型输出）。"
        ),
        "{t}"
    );
    // The same verdict as the English, at every leverage the English test tries.
    for lev_x in [2.0, 50.0, 100.0] {
        let m = page.model(Settings { lev_x, ..defaults() });
        let (en, zh_) = (liquidations::settled(&m.cascade, oi), zh::settled(&m.cascade, oi));
        assert_eq!(en == "The cascade settles at a fixed point.", zh_ == "连锁强平自行收敛，价格企稳。", "{lev_x}");
    }
}

/// Cause 2's sentences in Chinese (issue 26), at the English test's settings.
#[test]
fn tariffs_in_chinese() {
    use selloff::figures::tariffs::zh;
    let page = Page::load();
    let p = defaults();
    let pairs = &page.basis.pairs;
    let (calm, crisis) = (scenario::calm_stats(pairs), scenario::estimate(pairs, 30));
    let crisis_stats = crisis.map(|e| e.stats);
    let roll = selloff::model::correlation::rolling(pairs, 30);
    assert_eq!(
        zh::summary(&roll, 30, pairs.len(), calm, crisis),
        "按30个交易日滚动窗口计算，比特币与标普500指数日收益率的相关性在第一个窗口（截至10月14日）和最后一个窗口\
         （截至11月28日）均为0.67，峰值为0.81（截至11月12日的窗口）。10月10日加征关税威胁之前的27个交易日内，相关性为0.31。\
         模型解释11月20日行情所用的窗口（10月9日至11月19日共30个交易日）内，相关性为0.74。"
    );
    let none = zh::summary(&selloff::model::correlation::rolling(pairs, 90), 90, pairs.len(), calm, None);
    assert!(none.starts_with("90个交易日的窗口需要90个日收益率，而数据只有62个"), "{none}");
    assert_eq!(zh::legend(30, true), ["30日滚动相关性及95%置信区间", "波动率调整后（Forbes–Rigobon）"]);
    assert_eq!(zh::legend(30, true).len(), tariffs::legend(30, true).len());
    assert_eq!(
        zh::transmission(crisis, p.stock_shock_pct),
        "在10月9日至11月19日共30个交易日内，比特币相对标普500指数的β系数为2.05（相关性 0.74 × 比特币日波动率2.61% \
         ÷ 标普500指数日波动率0.94%）。因此，标普500指数若下跌1.6%，平均而言比特币将随之下跌约3.28%（模型输出）。"
    );
    assert_eq!(
        zh::leverage_text(p.lev_x, tariffs::btc_move(crisis_stats, p.stock_shock_pct)),
        "按滑块设定的10倍杠杆做多比特币的交易者，在这一波动中将损失33%的保证金；10倍多头在价格下跌9.64%时即被强平，\
         因此仅凭这一冲击尚不足以触发强平，但保证金大幅缩水可能迫使部分交易者追加保证金或减仓。"
    );
    let liquidated = zh::leverage_text(50.0, tariffs::btc_move(crisis_stats, p.stock_shock_pct));
    assert!(liquidated.ends_with("因此仅凭这一冲击就足以触发强平。"), "{liquidated}");
    let pf = tariffs::portfolio(calm, crisis_stats, 10.0).unwrap();
    assert_eq!(
        zh::portfolio_rows(&pf),
        [["关税威胁前（10月10日之前）：0.31", "0.96%", "−2.20%"], ["抛售期（截至11月19日）：0.74", "1.05%", "−2.41%"]]
    );
    assert_eq!(
        zh::punchline(&pf),
        "分散投资在最需要的时候失灵：在各资产波动率不变的情况下，相关性从0.31升至0.74，使该组合日波动率上升10%，尾部亏损也随之扩大。"
    );
}

/// Cause 3's sentences in Chinese (issue 26), at the English test's settings.
#[test]
fn liquidity_in_chinese() {
    use selloff::figures::liquidity::zh;
    let page = Page::load();
    let p = defaults();
    assert_eq!(
        zh::nvidia_text(&page.markets, &page.events),
        "英伟达公布的季度营收为570.06亿美元。11月20日，其股价以195.95美元开盘（较前一日收盘高开5.1%），\
         收于180.64美元（收跌3.15%）。"
    );
    let flows = liquidity::flows_chart(&page.flows, &page.markets, &page.events);
    assert_eq!(
        zh::flows_summary(&page.flows, &flows),
        "2025年11月美国比特币现货ETF的资金净流量（据报道）：IBIT单日最大净流出为5.23亿美元（11月18日）；\
         截至11月24日，全部基金合计流出约35亿美元。比特币从11月1日的110,046美元跌至11月21日的85,074美元（UTC收盘价）。"
    );
    assert_eq!(zh::flows_legend().len(), liquidity::flows_legend().len());
    let inp = scenario::inputs(&page.basis, p.corr_window);
    let q = p.sell_usd_m * 1e6;
    assert_eq!(
        zh::impact_summary(&inp, q),
        "在市场深度完好时，所选抛售量使比特币价格下跌0.18%；市场深度下降50%时跌幅为0.25%，下降90%时为0.56%（模型输出）。"
    );
    let rows = liquidity::check_rows(&page.flows, &page.markets);
    assert_eq!(zh::check_range(&rows), "在这些交易日，按每流出10亿美元折算，比特币涨跌幅在−5.9%至+2.4%之间。");
    assert_eq!(zh::check_range(&[]), "");
}
