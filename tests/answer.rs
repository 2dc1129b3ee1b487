//! The first-screen answer: computed from the synthesis's decomposition on
//! the real data, following the settings.

mod common;

use common::{defaults, Page};
use selloff::figures::answer::{bars, headline, leverage_consequence, live_result};
use selloff::model::leverage::MAINTENANCE;
use selloff::state::Settings;

#[test]
fn the_answer_adds_up_and_names_what_is_not_explained() {
    let page = Page::load();
    let m = page.model(defaults());
    let d = &m.decomposition;
    let text = headline(d);
    println!("{text}\n{}", live_result(d));
    assert!(text.starts_with("Over 20 Nov, Bitcoin fell "), "{text}");
    assert!(text.contains("is not explained") && text.contains("(an input, not explained here)"), "{text}");
    assert!(!text.contains("NaN") && !text.contains("fell −") && !text.contains("--"), "{text}");
    for dec in [&d.btc, &d.spx] {
        let total: f64 = bars(dec).iter().map(|b| b.value_pct).sum();
        assert!((total - dec.actual).abs() < 1e-9, "the bars add up to the actual move");
        assert_eq!(bars(dec).last().map(|b| b.label), Some("Not explained"));
    }
    assert!(bars(&d.btc).iter().any(|b| b.input), "the stock move passed on by β is marked as an input");
}

#[test]
fn the_answer_follows_the_sliders() {
    let page = Page::load();
    let at = |s: Settings| headline(&page.model(s).decomposition);
    let base = at(defaults());
    assert_ne!(at(Settings { lev_x: 50.0, ..defaults() }), base);
    assert_ne!(at(Settings { cut_pct: 90.0, ..defaults() }), base);
    assert_ne!(
        live_result(&page.model(Settings { lev_x: 50.0, ..defaults() }).decomposition),
        live_result(&page.model(defaults()).decomposition)
    );
}

#[test]
fn leverage_in_words() {
    assert_eq!(leverage_consequence(10.0, MAINTENANCE), "At 10×, a fall of 9.64% wipes out a leveraged long.");
    assert_eq!(leverage_consequence(1.0, MAINTENANCE), "At 1×, a fall of 100.00% wipes out a leveraged long.");
}
