//! The source text's factual claims, checked against the bundled data.
//!
//! Each verdict is computed from the data by a stated rule, never typed in:
//! if a data file changes, the verdicts follow.

use super::days::{DAY, DAY_AFTER, DAY_BEFORE, TARIFF_DAY};
use super::ids::{Group, OhlcId, SeriesId};
use super::{DataFile, Fact, Source};
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::date::Date;
use crate::model::series::pct_change;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Matches,
    Differs,
    /// The available measures disagree with each other about the claim.
    Contested,
    /// The data needed to check it is not in the bundle.
    NotCheckable,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Matches => "matches",
            Verdict::Differs => "differs",
            Verdict::Contested => "contested",
            Verdict::NotCheckable => "not checkable",
        }
    }
}

/// One row of the "Claims vs data" panel.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimCheck {
    pub id: &'static str,
    /// The claim as the source text makes it.
    pub claim: &'static str,
    /// What the bundled data says, in words with the figures.
    pub data: String,
    pub verdict: Verdict,
    /// How much it differs, or why it is contested or not checkable.
    pub detail: String,
    pub sources: Vec<Source>,
    /// Where the page works the claim out further: (anchor, link text).
    pub see: Option<(&'static str, &'static str)>,
}

/// A claimed number against a measured one: matches when within `tol`
/// (same unit). Returns the verdict and measured − claimed.
pub fn compare(claimed: f64, measured: f64, tol: f64) -> (Verdict, f64) {
    let diff = measured - claimed;
    if !diff.is_finite() {
        return (Verdict::NotCheckable, f64::NAN);
    }
    (if diff.abs() <= tol { Verdict::Matches } else { Verdict::Differs }, diff)
}

/// A claim checked against several independent measures. Matches if every
/// measure is within `tol`; contested if some are and some are not, or if the
/// measures straddle the claim; differs if all miss it on the same side.
pub fn compare_measures(claimed: f64, measures: &[f64], tol: f64) -> Verdict {
    let finite: Vec<f64> = measures.iter().copied().filter(|m| m.is_finite()).collect();
    if finite.is_empty() {
        return Verdict::NotCheckable;
    }
    let within = finite.iter().filter(|m| (*m - claimed).abs() <= tol).count();
    let above = finite.iter().filter(|m| **m > claimed + tol).count();
    let below = finite.iter().filter(|m| **m < claimed - tol).count();
    if within == finite.len() {
        Verdict::Matches
    } else if within > 0 || (above > 0 && below > 0) {
        Verdict::Contested
    } else {
        Verdict::Differs
    }
}

fn on(doc: &DataFile, group: Group, date: Date) -> Vec<&Fact> {
    doc.facts(group).into_iter().filter(|f| f.date == date).collect()
}

fn span(facts: &[&Fact]) -> Option<(f64, f64)> {
    if facts.is_empty() {
        return None;
    }
    let lo = facts.iter().map(|f| f.value).fold(f64::INFINITY, f64::min);
    let hi = facts.iter().map(|f| f.value).fold(f64::NEG_INFINITY, f64::max);
    Some((lo, hi))
}

fn pct_span((lo, hi): (f64, f64)) -> String {
    if (hi - lo).abs() < 1e-9 {
        format!("{}%", grouped(lo, 1))
    } else {
        format!("{}–{}%", grouped(lo, 1), grouped(hi, 1))
    }
}

fn sources_of(facts: &[&Fact]) -> Vec<Source> {
    facts.iter().map(|f| f.source.clone()).collect()
}

/// The files the checks read.
pub struct Inputs<'a> {
    pub markets: &'a DataFile,
    pub rates: &'a DataFile,
    pub flows: &'a DataFile,
    pub sentiment: &'a DataFile,
    pub events: &'a DataFile,
    pub liquidations: &'a DataFile,
}

pub fn check_all(i: &Inputs) -> Vec<ClaimCheck> {
    vec![
        sp500_drop(i.markets),
        trillion_in_80_minutes(i.markets),
        bitcoin_below_87k(i.markets),
        fear_index(i.sentiment),
        cut_odds(i.rates),
        ibit_one_day(i.flows),
        november_outflows(i.flows),
        lth_selling(i.flows),
        trade_war_date(i.events),
        nasdaq_led(i.markets),
        bitcoin_harder(i.markets),
        etf_outflow_streak(i.flows),
        nvidia_eve(i.events),
        asia_simultaneous(i.markets),
        crypto_100b(i.markets),
        fear_lowest(i.sentiment),
        fed_hawkish(i.rates),
        strong_data(i.rates),
        correlation_high(i.markets),
        depth_thinner(i.markets),
        forced_selling(i.liquidations),
    ]
}

/// The close-to-close move of `id`'s series on 20 Nov, percent.
fn day_move(m: &DataFile, id: SeriesId, shift: i64) -> Option<f64> {
    let mut s = m.obs(id).ok()?;
    if shift != 0 {
        s = crate::model::series::shift_days(&s, shift);
    }
    let i = s.iter().position(|o| o.date == DAY).filter(|&i| i > 0)?;
    Some(pct_change(s[i - 1].value, s[i].value))
}

/// A move as prose: "fell 2.15%" / "rose 0.35%".
fn moved(v: f64) -> String {
    if v < 0.0 {
        format!("fell {}", crate::format::pct_abs(v, 2))
    } else {
        format!("rose {}", crate::format::pct_abs(v, 2))
    }
}

/// "The Nasdaq led the decline": its 20 Nov fall against the S&P 500's.
fn nasdaq_led(m: &DataFile) -> ClaimCheck {
    let claim = "The Nasdaq led the decline.";
    let nq = m.facts(Group::NasdaqClose);
    let at = |d: Date| nq.iter().find(|f| f.date == d).map(|f| f.value);
    let mut sources =
        sources_of(&nq.iter().filter(|f| f.date == DAY_BEFORE || f.date == DAY).copied().collect::<Vec<_>>());
    sources.extend(m.series(SeriesId::Sp500).map(|s| s.source.clone()));
    match (at(DAY_BEFORE).zip(at(DAY)).map(|(a, b)| pct_change(a, b)), day_move(m, SeriesId::Sp500, 0)) {
        (Some(n), Some(sp)) => ClaimCheck {
            id: "nasdaq_led",
            claim,
            data: format!("On 20 Nov the Nasdaq Composite {} and the S&P 500 {} (closes).", moved(n), moved(sp)),
            verdict: if n < sp && n < 0.0 { Verdict::Matches } else { Verdict::Differs },
            detail: format!("the Nasdaq's fall was {} percentage points larger", grouped(sp - n, 2)),
            sources,
            see: Some(SEE_DECOMPOSITION),
        },
        _ => not_checkable("nasdaq_led", claim, "the Nasdaq or S&P 500 closes of 19–20 Nov are missing", sources),
    }
}

/// "Bitcoin fell harder than stocks": its UTC day against the S&P 500's day.
fn bitcoin_harder(m: &DataFile) -> ClaimCheck {
    let claim = "Bitcoin fell harder than stocks.";
    let mut sources: Vec<Source> = m.series(SeriesId::BtcUsd0000utc).map(|s| s.source.clone()).into_iter().collect();
    sources.extend(m.series(SeriesId::Sp500).map(|s| s.source.clone()));
    // Bitstamp at 00:00 UTC of D+1 is the close of the UTC day D.
    match (day_move(m, SeriesId::BtcUsd0000utc, -1), day_move(m, SeriesId::Sp500, 0)) {
        (Some(b), Some(sp)) => ClaimCheck {
            id: "btc_harder",
            claim,
            data: format!("On 20 Nov Bitcoin {} over the UTC day (Bitstamp) and the S&P 500 {}.", moved(b), moved(sp)),
            verdict: if b < sp { Verdict::Matches } else { Verdict::Differs },
            detail: format!("Bitcoin's fall was about {}× the S&P 500's", grouped(b / sp, 1)),
            sources,
            see: None,
        },
        _ => not_checkable("btc_harder", claim, "Bitcoin or S&P 500 prices of 19–20 Nov are missing", sources),
    }
}

/// "Spot Bitcoin ETFs saw consecutive days of outflows": every all-funds
/// daily figure reported from 13 to 20 Nov is an outflow. The reported days
/// have gaps, so the streak is what the sources say, not a full table.
fn etf_outflow_streak(f: &DataFile) -> ClaimCheck {
    let claim = "Spot Bitcoin ETFs saw outflows on consecutive days.";
    let days: Vec<&Fact> = f
        .facts(Group::EtfTotalDaily)
        .into_iter()
        .filter(|x| x.date >= Date::ymd(2025, 11, 13) && x.date <= DAY)
        .collect();
    let mut seen: Vec<Date> = Vec::new();
    let mut listed = Vec::new();
    for x in &days {
        if !seen.contains(&x.date) {
            seen.push(x.date);
            listed.push(format!("{} on {}", usd_millions(x.value), x.date.long()));
        }
    }
    let streak = days.iter().find(|x| x.note.contains("straight day")).map(|x| x.note.clone());
    let sources = sources_of(&days);
    if days.is_empty() {
        return not_checkable("etf_streak", claim, "no all-funds daily flow from 13 to 20 Nov", sources);
    }
    let all_out = days.iter().all(|x| x.value < 0.0);
    ClaimCheck {
        id: "etf_streak",
        claim,
        data: format!(
            "All US spot Bitcoin ETFs together, on the days with a figure: {}.{}",
            listed.join("; "),
            streak.map(|n| format!(" The 18 Nov report notes: \"{n}\".")).unwrap_or_default()
        ),
        verdict: if all_out { Verdict::Matches } else { Verdict::Differs },
        detail: "every reported day from 13 to 20 Nov is an outflow; days without a figure are unknown, not zero"
            .into(),
        sources,
        see: None,
    }
}

/// "On the eve of Nvidia's report": the results came on 19 Nov after the
/// close, and the fall was the next day.
fn nvidia_eve(e: &DataFile) -> ClaimCheck {
    let claim = "The sell-off came on the eve of Nvidia's results.";
    let results = e.events.iter().find(|x| x.id == "nvidia");
    let reversal = e.events.iter().find(|x| x.id == "reversal");
    let sources: Vec<Source> = [results, reversal].into_iter().flatten().map(|x| x.source.clone()).collect();
    match (results, reversal) {
        (Some(r), Some(f)) => {
            let before = f.date < r.date;
            ClaimCheck {
                id: "nvidia_eve",
                claim,
                data: format!(
                    "{} ({}). {} ({}).",
                    r.note.trim_end_matches('.'),
                    r.date.long(),
                    f.note.trim_end_matches('.'),
                    f.date.long()
                ),
                verdict: if before { Verdict::Matches } else { Verdict::Differs },
                detail: if before {
                    "the fall came before the results".into()
                } else {
                    "differs in timing: the fall came the day after the results, not before them".into()
                },
                sources,
                see: Some(SEE_DECOMPOSITION),
            }
        }
        _ => not_checkable("nvidia_eve", claim, "the Nvidia results or the reversal event is missing", sources),
    }
}

/// "A-shares and Hong Kong simultaneously declined": what Asia did in its
/// 20 Nov session and in the next one.
fn asia_simultaneous(m: &DataFile) -> ClaimCheck {
    let claim = "A-shares and Hong Kong stocks declined at the same time.";
    let ch = m.facts(Group::AsiaChangePct);
    let lv = m.facts(Group::AsiaLevel);
    let on = |d: Date| ch.iter().filter(|f| f.date == d).copied().collect::<Vec<&Fact>>();
    let (d20, d21) = (on(DAY), on(DAY_AFTER));
    let futures = lv.iter().find(|f| f.date == DAY && f.label.starts_with("HSI futures"));
    let mut sources = sources_of(&d20);
    sources.extend(futures.map(|f| f.source.clone()));
    sources.extend(sources_of(&d21).into_iter().take(2));
    if d20.is_empty() && d21.is_empty() {
        return not_checkable("asia_simultaneous", claim, "no Asian index figures for 20–21 Nov", sources);
    }
    let list = |xs: &[&Fact]| {
        xs.iter().map(|f| format!("{} {}", f.label, pct_signed(f.value, 2))).collect::<Vec<_>>().join(", ")
    };
    let fell_20 = !d20.is_empty() && d20.iter().all(|f| f.value < 0.0);
    let fell_21 = !d21.is_empty() && d21.iter().all(|f| f.value < 0.0);
    ClaimCheck {
        id: "asia_simultaneous",
        claim,
        data: format!(
            "On 20 Nov (before the US session): {}{}. On 21 Nov, the session after the US drop: {}.",
            list(&d20),
            futures.map(|f| format!("; HSI futures at midday {}", grouped(f.value, 0))).unwrap_or_default(),
            list(&d21)
        ),
        verdict: if fell_20 { Verdict::Matches } else { Verdict::Differs },
        detail: if fell_20 {
            "Asia fell in the same session".into()
        } else if fell_21 {
            "differs in timing: on 20 Nov A-shares opened higher; Asia fell on 21 Nov, after the US drop, not with it"
                .into()
        } else {
            "the quoted figures show no common decline".into()
        },
        sources,
        see: None,
    }
}

/// "The crypto market lost over $100 billion": the quoted 24-hour and
/// one-day changes of the total crypto market value on 20 Nov.
fn crypto_100b(m: &DataFile) -> ClaimCheck {
    let claim = "The crypto market lost over $100 billion.";
    let changes: Vec<&Fact> =
        m.facts(Group::CryptoMarketCap).into_iter().filter(|f| f.date == DAY && f.label.contains("change")).collect();
    let sources = sources_of(&changes);
    let Some((lo, hi)) = span(&changes) else {
        return not_checkable("crypto_100b", claim, "no quoted change of the crypto market value on 20 Nov", sources);
    };
    ClaimCheck {
        id: "crypto_100b",
        claim,
        data: format!(
            "Quoted for 20 Nov: the total crypto market value lost ${}B to ${}B (trackers quote rolling 24-hour windows).",
            grouped(-hi, 0),
            grouped(-lo, 0)
        ),
        verdict: if hi < -100.0 { Verdict::Matches } else { Verdict::Differs },
        detail: "every quoted loss is above $100B".into(),
        sources,
        see: None,
    }
}

/// "The fear index was close to its lowest level this year": within 5
/// points of the lowest crypto Fear & Greed reading in the data.
fn fear_lowest(s: &DataFile) -> ClaimCheck {
    let claim = "The fear index was close to its lowest level this year.";
    let all = s.facts(Group::CryptoFearGreed);
    let low = all.iter().min_by(|a, b| a.value.total_cmp(&b.value)).copied();
    let day: Vec<&Fact> = all.iter().filter(|f| f.date == DAY_BEFORE || f.date == DAY).copied().collect();
    let mut sources = sources_of(&day);
    sources.extend(low.map(|l| l.source.clone()));
    let Some(low) = low.filter(|_| !day.is_empty()) else {
        return not_checkable("fear_lowest", claim, "no crypto Fear & Greed readings for 19–20 Nov", sources);
    };
    let near = day.iter().all(|f| f.value - low.value <= 5.0);
    let lowest_since = if low.source.title.contains("lowest since late February") {
        ", which its source calls the lowest since late February"
    } else {
        ""
    };
    ClaimCheck {
        id: "fear_lowest",
        claim,
        data: format!(
            "The crypto Fear & Greed index read {} on 19–20 Nov; its lowest reading in the data is {} on {}{lowest_since}.",
            day.iter().map(|f| grouped(f.value, 0)).collect::<Vec<_>>().join(" and "),
            grouped(low.value, 0),
            low.date.long()
        ),
        verdict: if near { Verdict::Matches } else { Verdict::Differs },
        detail: "within 5 points of the lowest reading in the data; a lower level earlier in the year is not excluded"
            .into(),
        sources,
        see: None,
    }
}

/// "The S&P 500 fell nearly 2.5%": close-to-close on 20 Nov. "Nearly" is read
/// as within 0.25 percentage points below 2.5%.
fn sp500_drop(m: &DataFile) -> ClaimCheck {
    let claim = "The S&P 500 fell nearly 2.5% on 20 November.";
    let sp = m.obs(SeriesId::Sp500).unwrap_or_default();
    let i = sp.iter().position(|o| o.date == DAY).filter(|&i| i > 0);
    let sources: Vec<Source> = m.series(SeriesId::Sp500).map(|s| s.source.clone()).into_iter().collect();
    match i {
        None => not_checkable("sp500_drop", claim, "the S&P 500 close of 20 Nov is missing", sources),
        Some(i) => {
            let day = pct_change(sp[i - 1].value, sp[i].value);
            let (verdict, diff) = compare(-2.5, day, 0.25);
            let spy = m.facts(Group::SpyOhlc);
            let get = |k: &str| spy.iter().find(|f| f.date == DAY && f.label == format!("SPY {k}")).map(|f| f.value);
            let mut data = format!("The index closed at {}: it {} on the day.", grouped(sp[i].value, 2), moved(day));
            let mut sources = sources;
            let hi_close = get("high").zip(get("close")).map(|(h, c)| pct_change(h, c));
            if let (Some(h), Some(c)) = (get("high"), get("close")) {
                data.push_str(&format!(
                    " Measured from its intraday high, SPY (the S&P 500 ETF) {}.",
                    moved(pct_change(h, c))
                ));
                sources.extend(spy.iter().filter(|f| f.date == DAY).map(|f| f.source.clone()).take(1));
            }
            ClaimCheck {
                id: "sp500_drop",
                claim,
                data,
                verdict,
                detail: sp_detail(diff, hi_close.map(|x| x - (-2.5))),
                sources,
                see: None,
            }
        }
    }
}

/// How far the close-to-close fall (and, when known, SPY's high-to-close
/// fall) is from the claim; which is nearer is said only from the numbers.
fn sp_detail(diff_close: f64, diff_high: Option<f64>) -> String {
    let close =
        format!("The close-to-close fall was {} percentage points smaller than claimed", grouped(diff_close.abs(), 2));
    match diff_high {
        Some(h) => format!(
            "{close}; SPY's high-to-close fall was {} points {} than claimed{}.",
            grouped(h.abs(), 2),
            if h < 0.0 { "larger" } else { "smaller" },
            if h.abs() + 0.05 < diff_close.abs() { ", a nearer fit" } else { ", no nearer a fit" }
        ),
        None => format!("{close}."),
    }
}

fn not_checkable(id: &'static str, claim: &'static str, why: &str, sources: Vec<Source>) -> ClaimCheck {
    ClaimCheck {
        id,
        claim,
        data: format!("Not in the data: {why}."),
        verdict: Verdict::NotCheckable,
        detail: why.to_string(),
        sources,
        see: None,
    }
}

/// "$1.5 trillion of market value lost within 80 minutes": needs intraday index
/// values and market capitalisation, which the bundle does not have.
fn trillion_in_80_minutes(m: &DataFile) -> ClaimCheck {
    let cap = m.facts(Group::Sp500MarketCap);
    let spy = m.facts(Group::SpyOhlc);
    let mut sources: Vec<Source> = cap.iter().map(|f| f.source.clone()).collect();
    sources.extend(spy.first().map(|f| f.source.clone()));
    let cap_text = cap
        .first()
        .map(|f| {
            format!(
                " The S&P 500's total market value was about ${} trillion on 20 Nov ({}).",
                grouped(f.value, 1),
                f.note
            )
        })
        .unwrap_or_default();
    ClaimCheck {
        id: "trillion_80_minutes",
        claim: "$1.5 trillion of market value vanished within 80 minutes.",
        data: format!("There is no intraday S&P 500 series in the data, so no 80-minute window can be measured.{cap_text} The \"$1.5 trillion from the high\" figure was found only in social-media posts."),
        verdict: Verdict::NotCheckable,
        detail: "no intraday index values or market capitalisation by the minute".into(),
        sources,
        see: None,
    }
}

/// "Bitcoin fell below $87,000": the Binance daily low of 20 Nov.
fn bitcoin_below_87k(m: &DataFile) -> ClaimCheck {
    let claim = "Bitcoin fell below $87,000.";
    let s = m.ohlc(OhlcId::BtcUsdtBinance);
    let low = |d: Date| s.and_then(|s| s.bars.iter().find(|b| b.0 == d)).map(|b| b.3);
    let mut sources: Vec<Source> = s.map(|s| s.source.clone()).into_iter().collect();
    // Corroboration from an independent series: Bitstamp at 00:00 UTC on
    // 21 Nov is the end of the UTC day 20 Nov.
    let bitstamp = m.obs(SeriesId::BtcUsd0000utc).ok().and_then(|b| b.into_iter().find(|o| o.date == DAY_AFTER));
    if bitstamp.is_some() {
        sources.extend(m.series(SeriesId::BtcUsd0000utc).map(|x| x.source.clone()));
    }
    match low(DAY) {
        None => not_checkable("btc_87k", claim, "the Bitcoin bar of 20 Nov is missing", sources),
        Some(l) => {
            let verdict = if l < 87_000.0 { Verdict::Matches } else { Verdict::Differs };
            let mut next =
                low(DAY_AFTER).map(|n| format!(" The next day's low was {}.", usd(n, 0))).unwrap_or_default();
            if let Some(b) = bitstamp {
                next.push_str(&format!(
                    " Bitstamp's price at the end of 20 Nov (00:00 UTC on 21 Nov) was {}.",
                    usd(b.value, 0)
                ));
            }
            ClaimCheck {
                id: "btc_87k",
                claim,
                data: format!("Bitcoin's low on 20 Nov (UTC day, Binance BTC/USDT) was {}.{next}", usd(l, 0)),
                verdict,
                detail: format!(
                    "the low was {} {} $87,000",
                    usd((l - 87_000.0).abs(), 0),
                    if l < 87_000.0 { "below" } else { "above" }
                ),
                sources,
                see: None,
            }
        }
    }
}

/// "The panic index was at 15": which index and which day are not said.
fn fear_index(s: &DataFile) -> ClaimCheck {
    let claim = "The fear (panic) index stood at 15.";
    let crypto20 = on(s, Group::CryptoFearGreed, DAY);
    let crypto19 = on(s, Group::CryptoFearGreed, DAY_BEFORE);
    let cnn = s.obs(SeriesId::CnnFearGreed).unwrap_or_default();
    let cnn20 = cnn.iter().find(|o| o.date == DAY).map(|o| o.value);
    let mut sources = sources_of(&crypto19);
    sources.extend(sources_of(&crypto20));
    sources.extend(s.series(SeriesId::CnnFearGreed).map(|x| x.source.clone()));
    let measures: Vec<f64> = crypto20.iter().map(|f| f.value).chain(cnn20).collect();
    let on_day = compare_measures(15.0, &measures, 0.5);
    let day_before = crypto19.iter().any(|f| (f.value - 15.0).abs() <= 0.5);
    let verdict = if on_day == Verdict::Matches {
        Verdict::Matches
    } else if day_before {
        Verdict::Contested
    } else {
        on_day
    };
    ClaimCheck {
        id: "fear_15",
        claim,
        data: format!(
            "The crypto Fear & Greed index (alternative.me) read {} on 19 Nov and {} on 20 Nov; CNN's index for US stocks read {} on 20 Nov.",
            crypto19.first().map(|f| grouped(f.value, 0)).unwrap_or_else(|| "(no reading)".into()),
            crypto20.first().map(|f| grouped(f.value, 0)).unwrap_or_else(|| "(no reading)".into()),
            cnn20.map(|v| grouped(v, 1)).unwrap_or_else(|| "(no reading)".into()),
        ),
        verdict,
        detail: "15 matches the crypto index on the day before; on 20 Nov both indices were lower. The text does not say which index or day it means.".into(),
        sources,
        see: None,
    }
}

/// "Cut odds fell from over 70% a week earlier to 50/50 or lower."
fn cut_odds(r: &DataFile) -> ClaimCheck {
    let week = on(r, Group::FedwatchDecCut, Date::ymd(2025, 11, 13));
    let day = on(r, Group::FedwatchDecCut, DAY);
    let fortnight = on(r, Group::FedwatchDecCut, Date::ymd(2025, 11, 6));
    let mut sources = sources_of(&fortnight);
    sources.extend(sources_of(&week));
    sources.extend(sources_of(&day));
    let (Some(w), Some(d)) = (span(&week), span(&day)) else {
        return not_checkable(
            "cut_odds",
            "December rate-cut odds fell from more than 70% a week earlier to 50/50 or lower.",
            "FedWatch readings for 13 or 20 Nov are missing",
            sources,
        );
    };
    let start_ok = w.0 > 70.0;
    let end_ok = d.1 <= 50.0;
    let verdict = if start_ok && end_ok { Verdict::Matches } else { Verdict::Differs };
    let two_weeks = span(&fortnight).map(|f| format!(", {} on 6 Nov", pct_span(f))).unwrap_or_default();
    ClaimCheck {
        id: "cut_odds",
        claim: "December rate-cut odds fell from more than 70% a week earlier to 50/50 or lower.",
        data: format!(
            "Quoted CME FedWatch readings: {} on 13 Nov (a week earlier){two_weeks}, and {} on 20 Nov.",
            pct_span(w),
            pct_span(d)
        ),
        verdict,
        detail: match (start_ok, end_ok) {
            (false, true) => format!(
                "The direction and the end point match, but a week earlier the odds were already {}, not above 70%.",
                pct_span(w)
            ),
            (true, false) => "The starting level matches but the odds did not fall to 50% or lower.".into(),
            (false, false) => "Neither the starting level nor the end point matches.".into(),
            (true, true) => "Both levels match.".into(),
        },
        sources,
        see: None,
    }
}

/// Where the page decomposes the S&P 500's fall (the AI/tech reversal).
pub const SEE_DECOMPOSITION: (&str, &str) = ("#waterfall-spx", "the S&P 500's fall decomposed");

/// The first reading of a FedWatch day, percent.
fn odds_on(r: &DataFile, date: Date) -> Option<f64> {
    on(r, Group::FedwatchDecCut, date).first().map(|f| f.value)
}

/// "Fed officials turned hawkish (a tightening warning)": the market's
/// odds of a December cut fell from 6 to 19 Nov, and the officials who
/// spoke are listed with what they said, for and against.
fn fed_hawkish(r: &DataFile) -> ClaimCheck {
    let claim = "Fed officials turned hawkish, warning against more easing.";
    let voices: Vec<_> = r.events.iter().filter(|e| e.date >= Date::ymd(2025, 11, 17) && e.date <= DAY_AFTER).collect();
    let mut sources = sources_of(&on(r, Group::FedwatchDecCut, Date::ymd(2025, 11, 6)));
    sources.extend(sources_of(&on(r, Group::FedwatchDecCut, DAY_BEFORE)));
    sources.extend(voices.iter().map(|e| e.source.clone()));
    let (Some(a), Some(b)) = (odds_on(r, Date::ymd(2025, 11, 6)), odds_on(r, DAY_BEFORE)) else {
        return not_checkable("fed_hawkish", claim, "the FedWatch readings of 6 or 19 Nov are missing", sources);
    };
    let said: Vec<String> = voices
        .iter()
        .filter(|e| !e.id.starts_with("walmart"))
        .map(|e| format!("{} ({})", e.title, e.date.long()))
        .collect();
    ClaimCheck {
        id: "fed_hawkish",
        claim,
        data: format!(
            "The market's odds of a December cut (CME FedWatch, quoted) went from {}% on 6 Nov to {}% on 19 Nov. What \
             officials said that week: {}.",
            crate::format::trim(a, 1),
            crate::format::trim(b, 1),
            said.join("; ")
        ),
        verdict: if b < a { Verdict::Matches } else { Verdict::Differs },
        detail: if b < a {
            "matches in the market's pricing and in the minutes and Hammack's words; not every official: Waller backed \
             a cut, and Williams revived the odds on 21 Nov, the day after"
                .into()
        } else {
            "the odds did not fall".into()
        },
        sources,
        see: None,
    }
}

/// "Strong economic data after the government's restart": the September
/// jobs report (20 Nov, delayed by the shutdown) against expectations.
/// Strong if payrolls beat and unemployment did not rise above the
/// forecast; weak if both missed; mixed otherwise.
fn strong_data(r: &DataFile) -> ClaimCheck {
    let claim = "Strong economic data after the government reopened lowered the case for a cut.";
    let first = |g: Group| r.facts(g).into_iter().next();
    let (nfp, nfp_e, ur, ur_e) = (
        first(Group::NfpSep),
        first(Group::NfpSepExpected),
        first(Group::UnemploymentSep),
        first(Group::UnemploymentSepExpected),
    );
    let sources: Vec<Source> = [nfp, nfp_e, ur, ur_e].into_iter().flatten().map(|f| f.source.clone()).collect();
    let (Some(nfp), Some(nfp_e), Some(ur), Some(ur_e)) = (nfp, nfp_e, ur, ur_e) else {
        return not_checkable(
            "strong_data",
            claim,
            "the September jobs figures or their forecasts are missing",
            sources,
        );
    };
    let jobs_beat = nfp.value > nfp_e.value;
    let rate_ok = ur.value <= ur_e.value;
    let verdict = match (jobs_beat, rate_ok) {
        (true, true) => Verdict::Matches,
        (false, false) => Verdict::Differs,
        _ => Verdict::Contested,
    };
    ClaimCheck {
        id: "strong_data",
        claim,
        data: format!(
            "The September jobs report, released on 20 Nov at 08:30 ET after the shutdown: payrolls +{} against +{} \
             expected, but unemployment {}% against {}% expected.",
            grouped(nfp.value, 0),
            grouped(nfp_e.value, 0),
            grouped(ur.value, 1),
            grouped(ur_e.value, 1)
        ),
        verdict,
        detail: match verdict {
            Verdict::Contested => {
                "the two headline figures point opposite ways: more jobs than forecast, but a higher \
                                   unemployment rate"
                    .into()
            }
            Verdict::Matches => "both figures were stronger than forecast".into(),
            _ => "both figures were weaker than forecast".into(),
        },
        sources,
        see: None,
    }
}

/// The rule for "extremely high": a correlation of daily returns of 0.7 or more.
pub const EXTREMELY_HIGH_CORR: f64 = 0.7;

/// "Cross-asset correlation was extremely high": Bitcoin and the S&P 500's
/// daily returns over the 30 trading days to 19 Nov, and the highest
/// 14-day rolling value in that window, against the stated rule (0.7).
fn correlation_high(m: &DataFile) -> ClaimCheck {
    use crate::model::{correlation, returns};
    let claim = "The correlation between crypto and stocks was extremely high.";
    let mut sources: Vec<Source> = m.series(SeriesId::Sp500).map(|s| s.source.clone()).into_iter().collect();
    sources.extend(m.series(SeriesId::BtcUsd0000utc).map(|s| s.source.clone()));
    let (Ok(sp), Ok(btc)) = (m.obs(SeriesId::Sp500), m.obs(SeriesId::BtcUsd0000utc)) else {
        return not_checkable("correlation_high", claim, "the S&P 500 or Bitcoin series is missing", sources);
    };
    // Bitstamp at 00:00 UTC of D+1 is the close of the UTC day D.
    let pairs = returns::align(&sp, &crate::model::series::shift_days(&btc, -1));
    let end = DAY_BEFORE;
    let window = returns::window_ending(&pairs, 30, end);
    let (Some(stats), Some(peak)) =
        (returns::stats(window), correlation::rolling(window, 14).into_iter().max_by(|a, b| a.corr.total_cmp(&b.corr)))
    else {
        return not_checkable("correlation_high", claim, "too few aligned returns before 20 Nov", sources);
    };
    let verdict = if stats.corr >= EXTREMELY_HIGH_CORR {
        Verdict::Matches
    } else if peak.corr >= EXTREMELY_HIGH_CORR {
        Verdict::Contested
    } else {
        Verdict::Differs
    };
    ClaimCheck {
        id: "correlation_high",
        claim,
        data: format!(
            "The correlation of daily returns of Bitcoin and the S&P 500 over the 30 trading days to 19 Nov was {}; \
             its highest 14-day value in that window was {} (to {}).",
            grouped(stats.corr, 2),
            grouped(peak.corr, 2),
            peak.date.short()
        ),
        verdict,
        detail: format!(
            "rule: \"extremely high\" taken as {} or more; {}",
            grouped(EXTREMELY_HIGH_CORR, 1),
            match verdict {
                Verdict::Matches => "the whole window reaches it",
                Verdict::Contested => "only its highest two weeks reach it: high, but extremely high only at its peak",
                _ => "neither the window nor its highest two weeks reach it",
            }
        ),
        sources,
        see: Some(("#tariffs", "section 2's correlation")),
    }
}

/// "Market depth has become thinner": no order-book depth is in the data.
/// The traded volume is shown for context (volume is not depth).
fn depth_thinner(m: &DataFile) -> ClaimCheck {
    let claim = "Market depth had become thinner.";
    let bars = m.ohlc.first().map(|s| s.bars.as_slice()).unwrap_or_default();
    let us = m.facts(Group::UsVolumeBnShares).into_iter().next();
    let mut sources: Vec<Source> = m.ohlc.first().map(|s| s.source.clone()).into_iter().collect();
    sources.extend(us.map(|f| f.source.clone()));
    let day = bars.iter().find(|b| b.0 == DAY);
    let month: Vec<f64> =
        bars.iter().filter(|b| b.0 >= Date::ymd(2025, 10, 21) && b.0 <= DAY_BEFORE).map(|b| b.5).collect();
    let mut context = match day {
        Some(d) if !month.is_empty() => {
            let avg = month.iter().sum::<f64>() / month.len() as f64;
            format!(
                " For context only (volume is not depth): Binance's BTC/USDT spot volume on 20 Nov was {} BTC, {}× its \
                 average of the 30 days before.",
                grouped(d.5, 0),
                grouped(d.5 / avg, 1)
            )
        }
        _ => String::new(),
    };
    if let Some(f) = us {
        context.push_str(&format!(" US stock exchanges traded {} billion shares ({}).", grouped(f.value, 1), f.note));
    }
    let mut c = not_checkable(
        "depth_thinner",
        claim,
        "no order-book depth (the size of the orders resting near the price) is in the bundled data; the page's \
         \"market depth lost\" slider in section 3 is an assumption, not a measure",
        sources,
    );
    c.data.push_str(&context);
    c.see = Some(("#liquidity", "section 3's depth what-if"));
    c
}

/// "High-leverage players were forced to sell": the liquidations reported
/// (CoinGlass, quoted) for the 24 hours to 21 Nov.
fn forced_selling(l: &DataFile) -> ClaimCheck {
    let claim = "High-leverage players were forced to sell.";
    let day = |g: Group| on(l, g, DAY_AFTER);
    let (all, longs, btc) = (
        day(Group::CryptoLiquidations24h),
        day(Group::CryptoLiquidationsLongs24h),
        day(Group::CryptoLiquidationsBtc24h),
    );
    let mut sources = sources_of(&all);
    for s in sources_of(&longs).into_iter().chain(sources_of(&btc)) {
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    let (Some(a), Some(lg)) = (span(&all), span(&longs)) else {
        return not_checkable("forced_selling", claim, "no liquidation figure for the 24 hours to 21 Nov", sources);
    };
    let money = |(lo, hi): (f64, f64)| format!("{} to {}", usd_millions(lo), usd_millions(hi));
    ClaimCheck {
        id: "forced_selling",
        claim,
        data: format!(
            "Reported crypto liquidations in the 24 hours to 21 Nov (CoinGlass, as quoted): {} in all, {} of them \
             leveraged longs{}.",
            money(a),
            money(lg),
            span(&btc).map(|b| format!("; Bitcoin alone {}", money(b))).unwrap_or_default()
        ),
        verdict: if lg.0 > 0.0 { Verdict::Matches } else { Verdict::Differs },
        detail:
            "forced selling of leveraged longs was reported; the sources differ on its size, and their 24 hours run \
                 into 21 Nov"
                .into(),
        sources,
        see: Some(("#liquidations", "section 4's cascade")),
    }
}

/// "IBIT lost more than $500 million in a single day."
pub fn ibit_one_day(f: &DataFile) -> ClaimCheck {
    let days = f.facts(Group::EtfIbitDaily);
    let worst = days.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let sources = worst.map(|w| vec![w.source.clone()]).unwrap_or_default();
    match worst {
        None => not_checkable(
            "ibit_500m",
            "BlackRock's IBIT saw a one-day outflow of more than $500 million.",
            "no IBIT daily flow",
            sources,
        ),
        Some(w) => ClaimCheck {
            id: "ibit_500m",
            claim: "BlackRock's IBIT saw a one-day outflow of more than $500 million.",
            data: format!(
                "IBIT's largest one-day net flow in the data: {} on {}.",
                usd_millions(w.value),
                w.date.long()
            ),
            verdict: if w.value < -500.0 { Verdict::Matches } else { Verdict::Differs },
            detail: format!("{} beyond the $500M threshold", usd_millions(-w.value - 500.0)),
            sources,
            see: None,
        },
    }
}

/// "Nearly" X: from 80 % of X up to 5 % above it.
fn nearly(claimed: f64, measured: f64) -> bool {
    (0.8 * claimed..=1.05 * claimed).contains(&measured)
}

/// IBIT's "total outflow of nearly $2 billion in November": the source text
/// ties the figure to IBIT, so it is judged on IBIT's month to date when the
/// text was written (17–18 Nov), with the month's total and all funds beside it.
pub fn november_outflows(f: &DataFile) -> ClaimCheck {
    let claim = "IBIT's total outflow in November was nearly $2 billion.";
    let mtd = f.facts(Group::EtfIbitMtd);
    let month = f.facts(Group::EtfIbitMonth);
    let total = f.facts(Group::EtfTotalMtd);
    let total_last = total.iter().max_by(|a, b| a.date.cmp(&b.date));
    let when_written: Vec<&Fact> =
        mtd.iter().filter(|x| x.date >= Date::ymd(2025, 11, 17) && x.date <= DAY_BEFORE).copied().collect();
    let mut sources = sources_of(&when_written);
    sources.extend(sources_of(&month));
    sources.extend(total_last.map(|t| t.source.clone()));
    let Some(at) = when_written.last() else {
        return not_checkable("nov_outflows", claim, "no IBIT month-to-date figure for 17–19 Nov", sources);
    };
    let matches = nearly(2000.0, -at.value);
    ClaimCheck {
        id: "nov_outflows",
        claim,
        data: format!(
            "IBIT's month-to-date net flow when the text was written: about {} to {}{}. All US spot Bitcoin ETFs \
             together: about {} by {}.",
            usd_millions(at.value),
            at.date.long(),
            month.first().map(|m| format!("; for the whole month about {}", usd_millions(m.value))).unwrap_or_default(),
            total_last.map(|t| usd_millions(t.value)).unwrap_or_else(|| "(no figure)".into()),
            total_last.map(|t| t.date.long()).unwrap_or_default(),
        ),
        verdict: if matches { Verdict::Matches } else { Verdict::Differs },
        detail: if matches {
            "the claim is about IBIT, and IBIT's month to date fits \"nearly $2 billion\" (read as $1.6B to $2.1B)"
                .into()
        } else {
            "IBIT's month to date is outside \"nearly $2 billion\" (read as $1.6B to $2.1B)".into()
        },
        sources,
        see: None,
    }
}

/// "Long-term holders sold 815,000 BTC in 30 days": independent measures
/// bracket the figure without confirming it. Tolerance: 5% of the claim.
fn lth_selling(f: &DataFile) -> ClaimCheck {
    let raw = f.facts(Group::Lth).into_iter().find(|x| x.label.contains("CryptoQuant"));
    let adjusted = f.facts(Group::LthCryptoquantAdjusted).into_iter().next();
    let internal = f.facts(Group::LthCryptoquantInternal).into_iter().next();
    let glassnode = f.facts(Group::LthGlassnodeChange).into_iter().next();
    let claimed = 815_000.0;
    let measures: Vec<f64> =
        [raw.map(|x| x.value), adjusted.map(|x| x.value), glassnode.map(|x| -x.value)].into_iter().flatten().collect();
    let sources: Vec<Source> = [raw, glassnode].into_iter().flatten().map(|x| x.source.clone()).collect();
    let n = |x: Option<&Fact>| x.map(|x| grouped(x.value.abs(), 0)).unwrap_or_else(|| "(no figure)".into());
    ClaimCheck {
        id: "lth_815k",
        claim: "Long-term holders sold 815,000 BTC in 30 days.",
        data: format!(
            "No source for 815,000 was found. CryptoQuant's raw 30-day long-term-holder spending peaked near {} BTC, but about {} of that were Coinbase internal transfers, leaving about {}. Glassnode's long-term-holder supply fell by {} BTC from July to 16 Nov.",
            n(raw), n(internal), n(adjusted), n(glassnode)
        ),
        verdict: compare_measures(claimed, &measures, claimed * 0.05),
        detail: "The available measures disagree with each other and none confirms the figure; counting exchange-internal transfers as selling inflates it.".into(),
        sources,
        see: None,
    }
}

/// "The trade war resumed on 10 October."
fn trade_war_date(e: &DataFile) -> ClaimCheck {
    let ev = e.events.iter().find(|x| x.id == "tariff");
    let sources: Vec<Source> = ev.map(|x| x.source.clone()).into_iter().collect();
    match ev {
        None => {
            not_checkable("trade_war", "The US–China tariff war resumed on 10 October.", "no tariff event", sources)
        }
        Some(x) => ClaimCheck {
            id: "trade_war",
            claim: "The US–China tariff war resumed on 10 October.",
            data: format!("{} ({}).", x.note, x.date.long()),
            verdict: if x.date == TARIFF_DAY { Verdict::Matches } else { Verdict::Differs },
            detail: "the escalation is dated 10 Oct 2025".into(),
            sources,
            see: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_uses_the_tolerance() {
        assert_eq!(compare(-2.5, -1.56, 0.25).0, Verdict::Differs);
        assert_eq!(compare(-2.5, -2.4, 0.25).0, Verdict::Matches);
        assert!((compare(-2.5, -1.56, 0.25).1 - 0.94).abs() < 1e-9);
        assert_eq!(compare(1.0, f64::NAN, 0.1).0, Verdict::NotCheckable);
    }

    #[test]
    fn measures_that_straddle_a_claim_contest_it() {
        assert_eq!(compare_measures(815.0, &[1550.0, 900.0, 452.0], 40.0), Verdict::Contested);
        assert_eq!(compare_measures(815.0, &[800.0, 820.0], 40.0), Verdict::Matches);
        assert_eq!(compare_measures(815.0, &[800.0, 1550.0], 40.0), Verdict::Contested);
        assert_eq!(compare_measures(815.0, &[1550.0, 900.0], 40.0), Verdict::Differs);
        assert_eq!(compare_measures(815.0, &[], 40.0), Verdict::NotCheckable);
    }
}
