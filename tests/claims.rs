//! The Claims-vs-data verdicts on the real bundled files, and proof that they
//! are computed: changing a figure changes the verdict.

use selloff::data::claims::{check_all, Inputs, Verdict};
use selloff::data::days::{DAY, DAY_BEFORE};
use selloff::data::ids::{Group, SeriesId};
use selloff::data::{parse_data_file, DataFile};
use selloff::model::date::Date;
use std::fs;

fn load(name: &str) -> DataFile {
    let path = format!("{}/public/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    parse_data_file(name, &fs::read_to_string(path).unwrap()).unwrap()
}

struct Files {
    markets: DataFile,
    rates: DataFile,
    flows: DataFile,
    sentiment: DataFile,
    events: DataFile,
    liquidations: DataFile,
}

fn files() -> Files {
    Files {
        markets: load("markets"),
        rates: load("rates"),
        flows: load("flows"),
        sentiment: load("sentiment"),
        events: load("events"),
        liquidations: load("liquidations"),
    }
}

fn inputs(f: &Files) -> Inputs<'_> {
    Inputs {
        markets: &f.markets,
        rates: &f.rates,
        flows: &f.flows,
        sentiment: &f.sentiment,
        events: &f.events,
        liquidations: &f.liquidations,
    }
}

fn verdicts(f: &Files) -> Vec<(&'static str, Verdict)> {
    check_all(&inputs(f)).into_iter().map(|c| (c.id, c.verdict)).collect()
}

#[test]
fn verdicts_on_the_bundled_data() {
    use Verdict::*;
    assert_eq!(
        verdicts(&files()),
        vec![
            ("sp500_drop", Differs),
            ("trillion_80_minutes", NotCheckable),
            ("btc_87k", Matches),
            ("fear_15", Contested),
            ("cut_odds", Differs),
            ("ibit_500m", Matches),
            ("nov_outflows", Matches),
            ("lth_815k", Contested),
            ("trade_war", Matches),
            ("nasdaq_led", Matches),
            ("btc_harder", Matches),
            ("etf_streak", Matches),
            ("nvidia_eve", Differs),
            ("asia_simultaneous", Differs),
            ("crypto_100b", Matches),
            ("fear_lowest", Matches),
            ("fed_hawkish", Matches),
            ("strong_data", Contested),
            ("correlation_high", Matches),
            ("depth_thinner", NotCheckable),
            ("forced_selling", Matches),
        ]
    );
}

#[test]
fn every_row_cites_a_source_and_never_prints_nan() {
    let f = files();
    for c in check_all(&inputs(&f)) {
        assert!(!c.sources.is_empty(), "{} has no source", c.id);
        for text in [&c.data, &c.detail] {
            let bad = text.split(|ch: char| !ch.is_alphanumeric()).any(|w| matches!(w, "NaN" | "inf" | "Infinity"));
            assert!(!bad, "{}: {text}", c.id);
        }
    }
    let sp = check_all(&inputs(&f)).into_iter().next().unwrap();
    assert_eq!(
        sp.data,
        "The index closed at 6,538.76: it fell 1.56% on the day. Measured from its intraday high, SPY (the S&P 500 \
         ETF) fell 3.41%."
    );
    // No "fits better" unless the numbers show it: 0.91 against 0.94 points is no nearer a fit.
    assert_eq!(
        sp.detail,
        "The close-to-close fall was 0.94 percentage points smaller than claimed; SPY's high-to-close fall was 0.91 \
         points larger than claimed, no nearer a fit."
    );
}

#[test]
fn verdicts_follow_the_data() {
    let mut f = files();
    // Make 20 Nov a 2.4% fall: the S&P claim now matches.
    let sp = f.markets.series.iter_mut().find(|s| s.id == SeriesId::Sp500.key()).unwrap();
    let i = sp.points.iter().position(|p| p.0 == DAY).unwrap();
    sp.points[i].1 = sp.points[i - 1].1 * (1.0 - 0.024);
    // And make the cut odds a week earlier 72%.
    for fact in
        f.rates.facts.iter_mut().filter(|x| x.group == Group::FedwatchDecCut.key() && x.date == Date::ymd(2025, 11, 13))
    {
        fact.value = 72.0;
    }
    let v = verdicts(&f);
    assert_eq!(v[0], ("sp500_drop", Verdict::Matches));
    assert_eq!(v[4], ("cut_odds", Verdict::Matches));
    // If Asia had fallen on 20 Nov, the claim would match.
    for fact in f.markets.facts.iter_mut().filter(|x| x.group == Group::AsiaChangePct.key() && x.date == DAY) {
        fact.value = -1.0;
    }
    assert_eq!(verdicts(&f)[13], ("asia_simultaneous", Verdict::Matches));
    // IBIT's month to date at $2.6B would not be "nearly $2 billion".
    for fact in f.flows.facts.iter_mut().filter(|x| x.group == Group::EtfIbitMtd.key()) {
        fact.value = -2600.0;
    }
    assert_eq!(verdicts(&f)[6], ("nov_outflows", Verdict::Differs));
    // Unemployment at its forecast: the jobs report reads as strong.
    for fact in f.rates.facts.iter_mut().filter(|x| x.group == Group::UnemploymentSep.key()) {
        fact.value = 4.3;
    }
    assert_eq!(verdicts(&f)[17], ("strong_data", Verdict::Matches));
    // Odds that rose from 6 to 19 Nov are no hawkish turn.
    for fact in f.rates.facts.iter_mut().filter(|x| x.group == Group::FedwatchDecCut.key() && x.date == DAY_BEFORE) {
        fact.value = 80.0;
    }
    assert_eq!(verdicts(&f)[16], ("fed_hawkish", Verdict::Differs));
    // No liquidation figures: the forced selling cannot be checked.
    f.liquidations.facts.clear();
    assert_eq!(verdicts(&f)[20], ("forced_selling", Verdict::NotCheckable));
    // Without the Bitcoin bars the claim cannot be checked.
    f.markets.ohlc.clear();
    assert_eq!(verdicts(&f)[2], ("btc_87k", Verdict::NotCheckable));
}
