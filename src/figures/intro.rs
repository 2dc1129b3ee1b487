//! The lede's headline figures and the "day in context" timeline.

use crate::charts::timeline::TimelineChart;
use crate::data::days::DAY_AFTER;
use crate::data::ids::{OhlcId, SeriesId};
use crate::data::DataFile;
use crate::format::{grouped, pct_signed, usd};
use crate::model::date::Date;
use crate::model::returns::Stats;
use crate::model::series::{value_on, Obs};
use crate::model::timeline::{self, Timeline};
use crate::scenario::{actual_moves, nasdaq_obs, Estimate, DAY};

pub mod zh;

/// The timeline's base day (every series = 100) and its last day.
pub const BASE: Date = Date::ymd(2025, 9, 2);
pub const END: Date = Date::ymd(2025, 11, 30);

/// The Binance bar of `date`: (open, high, low, close).
fn btc_bar(doc: &DataFile, date: Date) -> Option<(f64, f64, f64, f64)> {
    let s = doc.ohlc(OhlcId::BtcUsdtBinance)?;
    s.bars.iter().find(|b| b.0 == date).map(|b| (b.1, b.2, b.3, b.4))
}

/// The lede's sentence of the day's moves: the S&P 500's and the Nasdaq's
/// closes, Bitcoin's lows on the day and the next.
pub fn headline(m: &DataFile) -> String {
    let moves = actual_moves(m);
    let sp_close = m.obs(SeriesId::Sp500).unwrap_or_default().iter().find(|o| o.date == DAY).map(|o| o.value);
    let sp_line = moves
        .spx
        .zip(sp_close)
        .map(|(mv, close)| format!("The S&P 500 closed {} at {}", pct_signed(mv, 2), grouped(close, 2)));
    let nq_line = moves.nasdaq.map(|mv| format!("the Nasdaq Composite {}", pct_signed(mv, 2)));
    let btc_line = btc_bar(m, DAY).map(|(_, _, low, _)| {
        let next = btc_bar(m, DAY_AFTER).map(|b| format!(", and {} the next day", usd(b.2, 0))).unwrap_or_default();
        format!("Bitcoin traded as low as {}{next}", usd(low, 0))
    });
    let first = [sp_line, nq_line].into_iter().flatten().collect::<Vec<_>>().join(" and ");
    match btc_line {
        Some(b) => format!("{first}; {b} (UTC days, Binance)."),
        None => format!("{first}."),
    }
}

/// The timeline's input from markets.json and events.json; an error names
/// what cannot be charted.
pub fn chart(m: &DataFile, events: &DataFile) -> Result<TimelineChart, String> {
    let sp = m.obs(SeriesId::Sp500).unwrap_or_default();
    let btc = m.obs(SeriesId::BtcUsd0000utc).unwrap_or_default();
    let nq = nasdaq_obs(m);
    let t = timeline::build(&sp, &btc, &nq, BASE)?;
    let events = events.events.iter().map(|e| e.date).collect();
    Ok(TimelineChart { timeline: t, end: END, events })
}

/// The one-sentence summary of the timeline, computed from the data.
pub fn summary(t: &Timeline, nasdaq: &[Obs]) -> String {
    let m = timeline::moves(t, nasdaq, DAY);
    let f = |v: Option<f64>| v.map(|x| pct_signed(x, 2)).unwrap_or_else(|| "(no data)".into());
    format!(
        "From {} to the close of 20 Nov the S&P 500 moved {} and Bitcoin {}. \
         On 20 Nov itself the S&P 500 moved {}, the Nasdaq Composite {} and Bitcoin {} (UTC day).",
        t.base.long(),
        f(m.sp500_since_base),
        f(m.btc_since_base),
        f(m.sp500_day),
        f(m.nasdaq_day),
        f(m.btc_day),
    )
}

/// One row per day with any value in the window; a missing value is a dash,
/// never filled in.
pub fn table_rows(t: &Timeline) -> Vec<Vec<String>> {
    let (start, end) = (BASE, END);
    let mut days: Vec<Date> =
        t.sp500.iter().chain(&t.btc).chain(&t.nasdaq).map(|o| o.date).filter(|x| *x >= start && *x <= end).collect();
    days.sort();
    days.dedup();
    let cell = |s: &[Obs], day: Date| value_on(s, day).map(|v| grouped(v, 1)).unwrap_or_else(|| "–".into());
    days.into_iter()
        .map(|day| {
            let date = tr!(day.long(), crate::format::zh::date(day));
            vec![date, cell(&t.sp500, day), cell(&t.btc, day), cell(&t.nasdaq, day)]
        })
        .collect()
}

/// The sentence that reconciles the title ("fell together") with the first
/// chart, where the two diverged over three months: how each moved since the
/// base day, how each moved on 20 Nov, and how their daily correlation
/// changed from the calm weeks (`calm`, before the 10 Oct tariff threat) to
/// the window that ends the day before (`crisis`). Every number comes from
/// the data; a missing one leaves its clause out.
pub fn reconcile(t: &Timeline, calm: Option<Stats>, crisis: Option<Estimate>) -> String {
    let m = timeline::moves(t, &[], DAY);
    let pct = |v: f64| pct_signed(v, 2);
    let months = match (m.sp500_since_base, m.btc_since_base) {
        (Some(sp), Some(btc)) if (sp < 0.0) != (btc < 0.0) => {
            format!("Over three months the two went separate ways (S&P 500 {}, Bitcoin {}); ", pct(sp), pct(btc))
        }
        (Some(sp), Some(btc)) => {
            format!("Over three months both {} (S&P 500 {}, Bitcoin {}); ", verb(sp), pct(sp), pct(btc))
        }
        _ => String::new(),
    };
    let day = match (m.sp500_day, m.btc_day) {
        (Some(sp), Some(btc)) if sp < 0.0 && btc < 0.0 => {
            format!("on 20 Nov they fell together (S&P 500 {}, Bitcoin {})", pct(sp), pct(btc))
        }
        (Some(sp), Some(btc)) => format!("on 20 Nov the S&P 500 moved {} and Bitcoin {}", pct(sp), pct(btc)),
        _ => "on 20 Nov".to_string(),
    };
    let link = match (calm, crisis) {
        (Some(c), Some(e)) => format!(
            ", and by then they moved as one day to day: the correlation of daily returns had {} from {} before \
             the 10 Oct tariff threat to {} in the {} trading days to {}.",
            if e.stats.corr >= c.corr { "risen" } else { "fallen" },
            grouped(c.corr, 2),
            grouped(e.stats.corr, 2),
            e.stats.n,
            e.last.short()
        ),
        _ => ".".to_string(),
    };
    let text = format!("{months}{day}{link}");
    // Without the three months' clause the sentence starts at the day's.
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn verb(v: f64) -> &'static str {
    if v < 0.0 {
        "fell"
    } else {
        "rose"
    }
}
