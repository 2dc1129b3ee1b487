//! The first-screen answer: computed from the synthesis's decomposition on
//! the real data, following the settings.

mod common;

use common::{defaults, Decomposed, Page};
use selloff::figures::answer::{bars, headline, leverage_consequence, live_result, THROUGH_STOCKS};
use selloff::figures::synthesis::{NOT_EXPLAINED, OVERSHOOT};
use selloff::model::leverage::MAINTENANCE;
use selloff::state::{parse_state, Horizon, Settings};

fn text(page: &Page, s: Settings) -> String {
    let cut = s.cut_pct;
    headline(page.model(s).dec(), page.basis.stocks_day.as_ref(), cut)
}

#[test]
fn the_answer_says_why_in_words_and_adds_up() {
    let page = Page::load();
    let m = page.model(defaults());
    let d = &m.dec();
    let t = text(&page, defaults());
    println!("{t}\n{}", live_result(d));
    assert_eq!(
        t,
        "Stocks fell on a good-news day: after Nvidia's strong results the S&P 500 opened 1.4% up, turned at about \
         10:30–10:45 ET and closed down 1.56%. Tech, a third of the index, fell 2.7% against −0.95% for the rest: \
         that gap, weighted, is the −0.60 AI/tech bar, and tech made up 0.93 of the 1.56 points: most of the fall. \
         Bitcoin moves about twice as much as stocks (β 2.05: for every 1% on stocks, about 2% on Bitcoin), so most \
         of its 5.30% fall came through them; ETF selling and liquidations add −0.41%, and −1.71% is not explained. \
         The Fed's cut odds rose that day (30% → 39.6%), lifting stocks a little (+0.10%) by the rate model: the rate \
         story is in the two weeks before."
    );
    for dec in [&d.btc, &d.spx] {
        let total: f64 = bars(dec).iter().map(|b| b.value_pct).sum();
        assert!((total - dec.actual).abs() < 1e-9, "the bars add up to the actual move");
        assert_eq!(bars(dec).last().map(|b| b.label), Some(NOT_EXPLAINED));
    }
    // Bitcoin: one bar for all that came through stocks, β × the S&P 500's move.
    let b = bars(&d.btc);
    assert_eq!(
        b.iter().map(|b| b.label).collect::<Vec<_>>(),
        [THROUGH_STOCKS, "ETF selling", "Liquidations", NOT_EXPLAINED]
    );
    assert!((b[0].value_pct - d.beta.stats.beta * d.spx.actual).abs() < 1e-9);
    let s = bars(&d.spx);
    assert_eq!(
        s.iter().map(|b| b.label).collect::<Vec<_>>(),
        ["AI/tech reversal", "Rates", "Contagion", NOT_EXPLAINED]
    );
}

#[test]
fn the_two_weeks_tell_the_rate_story() {
    let page = Page::load();
    let t = text(&page, Settings { span: Horizon::TwoWeeks, ..defaults() });
    assert!(
        t.starts_with("Over the two weeks before (6–20 Nov), the S&P 500 fell 2.70% and Bitcoin fell 14.47%."),
        "{t}"
    );
    assert!(
        t.contains("fell from 64.5% on 6 Nov to 39.6%, and the rate model gives −0.25% of the S&P 500's −2.70% move"),
        "{t}"
    );
    assert!(t.contains("the tech reversal is not separated here"), "{t}");
    // The try-action "Put the odds back at 64.5%" shows the two weeks, where the rate channel gives nothing.
    let tried = (selloff::guide::try_action("cut-ref").unwrap().apply)(&defaults());
    let m = page.model(tried.clone());
    assert_eq!(m.dec().spx.part(selloff::scenario::decomposition::Cause::Rates).unwrap().value, 0.0);
    assert!(text(&page, tried).contains("gives stocks nothing over the two weeks"));
}

#[test]
fn a_cut_probability_of_the_readers_own_is_named_as_theirs() {
    let page = Page::load();
    let t = text(&page, Settings { cut_pct: 90.0, ..defaults() });
    assert!(
        t.ends_with(
            "At your 90% December-cut odds (the day's reading was 39.6%, up from 30%), the rate model would have \
             lifted stocks by 0.60% on the day."
        ),
        "{t}"
    );
    let t = text(&page, Settings { cut_pct: 10.0, ..defaults() });
    assert!(t.ends_with("the rate model would have taken 0.20% off stocks on the day."), "{t}");
}

#[test]
fn an_overshoot_is_called_one() {
    let page = Page::load();
    let s = parse_state("lev=100&oi=100&q=10000").0;
    let m = page.model(s.clone());
    let d = m.dec();
    assert!(d.btc.overshoots(), "{:?}", d.btc.not_explained());
    assert_eq!(bars(&d.btc).last().map(|b| b.label), Some(OVERSHOOT));
    let t = text(&page, s);
    assert!(t.contains("and the models overshoot by 0.28 points."), "{t}");
    assert!(!t.contains("is not explained"), "{t}");
}

#[test]
fn the_answer_follows_the_sliders() {
    let page = Page::load();
    let base = text(&page, defaults());
    assert_ne!(text(&page, Settings { lev_x: 50.0, ..defaults() }), base);
    assert_ne!(text(&page, Settings { cut_pct: 90.0, ..defaults() }), base);
    assert_ne!(
        live_result(page.model(Settings { lev_x: 50.0, ..defaults() }).dec()),
        live_result(page.model(defaults()).dec())
    );
    assert!(live_result(page.model(defaults()).dec()).starts_with("Model: Bitcoin "));
}

#[test]
fn leverage_in_words() {
    assert_eq!(leverage_consequence(10.0, MAINTENANCE), "At 10×, a fall of 9.64% wipes out a leveraged long.");
    assert_eq!(leverage_consequence(1.0, MAINTENANCE), "At 1×, a fall of 100.00% wipes out a leveraged long.");
}
