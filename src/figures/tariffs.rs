//! Cause 2, the trade war: the 10 October figures, the rolling correlation
//! chart and its summary, the transmission of a stock shock to Bitcoin and
//! the portfolio's loss of diversification.

use crate::charts::band::BandChart;
use crate::charts::palette::{ADJUSTED, CORRELATION};
use crate::data::days::{TARIFF_CRASH, TARIFF_DAY};
use crate::data::ids::{Group, SeriesId};
use crate::data::DataFile;
use crate::format::fmt_num;
use crate::format::{grouped, pct_abs, pct_signed, usd_millions};
use crate::model::correlation::{forbes_rigobon, one_in_100_loss_pct, portfolio_sd, Rolling};
use crate::model::date::Date;
use crate::model::leverage::{long_liq_move_pct, MAINTENANCE};
use crate::model::returns::Stats;
use crate::model::series::pct_change;
use crate::scenario::{calm_stats, Basis, Estimate};
use crate::state::Window;
use plotters::style::RGBColor;

pub mod zh;

/// The S&P 500's move on 10 Oct and the crypto liquidations reported for
/// 10–11 Oct, as the section prints them ("(no data)" when missing).
pub fn tariff_day(m: &DataFile, liquidations: &DataFile) -> (String, String) {
    let (sp_move, liq) = tariff_day_values(m, liquidations);
    let no_data = || "(no data)".to_string();
    (sp_move.map(|v| pct_signed(v, 2)).unwrap_or_else(no_data), liq.map(usd_millions).unwrap_or_else(no_data))
}

/// The S&P 500's move on 10 Oct (%) and the crypto liquidations reported for
/// 10–11 Oct (US$ m), each `None` when missing.
fn tariff_day_values(m: &DataFile, liquidations: &DataFile) -> (Option<f64>, Option<f64>) {
    let sp = m.obs(SeriesId::Sp500).unwrap_or_default();
    let day = TARIFF_DAY;
    let i = sp.iter().position(|o| o.date == day).filter(|&i| i > 0);
    let sp_move = i.map(|i| pct_change(sp[i - 1].value, sp[i].value));
    let liq = liquidations.facts(Group::CryptoLiquidations24h).into_iter().find(|f| f.date == TARIFF_CRASH);
    (sp_move, liq.map(|f| f.value))
}

/// The correlation after the Forbes–Rigobon volatility adjustment against
/// the calm period (unchanged without one).
pub fn adjusted(r: &Rolling, calm: Option<Stats>) -> f64 {
    calm.map(|c| forbes_rigobon(r.corr, r.var_spx, c.sd_spx * c.sd_spx)).unwrap_or(r.corr)
}

/// The correlation chart at the settings it reads, the window and whether
/// the volatility-adjusted line shows (section 2's main figure): the rolling
/// correlation, the calm regime's band, and the days of the events.
pub fn correlation_chart(b: &Basis, events: &DataFile, window: Window, with_adjusted: bool) -> BandChart {
    let days: Vec<Date> = events.events.iter().map(|e| e.date).collect();
    let roll = crate::model::correlation::rolling(&b.pairs, window.days());
    chart(&roll, calm_stats(&b.pairs), with_adjusted, &days)
}

/// The correlation chart: the rolling correlation with its band, the
/// adjusted line when asked for, the events and the calm level.
pub fn chart(roll: &[Rolling], calm: Option<Stats>, with_adjusted: bool, events: &[Date]) -> BandChart {
    let second: Vec<f64> = if with_adjusted { roll.iter().map(|p| adjusted(p, calm)).collect() } else { Vec::new() };
    let values = roll.iter().flat_map(|p| [p.lo, p.hi]).chain(second).chain(calm.map(|c| c.corr));
    BandChart {
        start: Date::ymd(2025, 9, 2),
        end: Date::ymd(2025, 11, 30),
        y_range: correlation_range(values),
        y_desc: tr!("Correlation, Bitcoin vs S&P 500", "比特币与标普500指数的相关性").into(),
        main: roll.iter().map(|p| (p.date, p.corr, p.lo, p.hi)).collect(),
        main_color: CORRELATION,
        second: if with_adjusted { roll.iter().map(|p| (p.date, adjusted(p, calm))).collect() } else { Vec::new() },
        second_color: ADJUSTED,
        events: events.to_vec(),
        refs: calm
            .map(|c| {
                vec![(
                    c.corr,
                    tr!(
                        format!("before 10 Oct: {}", grouped(c.corr, 2)),
                        format!("10月10日前：{}", grouped(c.corr, 2))
                    ),
                )]
            })
            .unwrap_or_default(),
    }
}

/// A correlation axis fitted to `values`: out to the next 0.1 beyond the
/// data, always showing 0 (the line between moving together and apart),
/// never beyond ±1, at least 0.5 tall.
pub fn correlation_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.filter(|v| v.is_finite()).fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let y0 = ((lo * 10.0).floor() / 10.0 - 0.1).max(-1.0);
    let y1 = ((hi * 10.0).ceil() / 10.0 + 0.1).min(1.0);
    if y1 - y0 < 0.5 {
        ((y1 - 0.5).max(-1.0), (y0 + 0.5).min(1.0))
    } else {
        (y0, y1)
    }
}

/// The correlation chart's legend entries.
pub fn legend(window: usize, with_adjusted: bool) -> Vec<(String, RGBColor, bool)> {
    let mut l = vec![(format!("{window}-day rolling correlation, with 95% band"), CORRELATION, false)];
    if with_adjusted {
        l.push(("Adjusted for volatility (Forbes–Rigobon)".to_string(), ADJUSTED, true));
    }
    l
}

/// "the 30 trading days 8 Oct to 19 Nov", with the real count when the
/// window asks for more days than there are before 20 Nov.
pub fn window_text(e: &Estimate) -> String {
    let short = if e.is_short() {
        format!(
            " (the {}-day window asks for more: only {} trading days of returns come before 20 Nov)",
            e.requested, e.stats.n
        )
    } else {
        String::new()
    };
    format!("the {} trading days from {} to {}{short}", e.stats.n, e.first.short(), e.last.short())
}

/// The correlation chart's figcaption; `n_pairs` is the number of daily
/// returns in the data. It names the peak, and the window ending 19 Nov that
/// the model uses (the chart itself runs on to 28 Nov, as a description).
pub fn summary(
    roll: &[Rolling],
    window: usize,
    n_pairs: usize,
    calm: Option<Stats>,
    crisis: Option<Estimate>,
) -> String {
    let w = window;
    let calm_text = calm
        .map(|c| format!(" Before the 10 Oct tariff threat it was {} over {} days.", grouped(c.corr, 2), c.n))
        .unwrap_or_default();
    let crisis_text = crisis
        .map(|e| {
            format!(
                " Over {}, the window the model uses to explain 20 Nov, it was {}.",
                window_text(&e),
                grouped(e.stats.corr, 2)
            )
        })
        .unwrap_or_default();
    let peak = roll.iter().max_by(|a, b| a.corr.total_cmp(&b.corr));
    match (roll.first(), roll.last(), peak) {
        (Some(first), Some(last), Some(peak)) => {
            let (a, b) = (grouped(first.corr, 2), grouped(last.corr, 2));
            // Equal ends read as one figure, not as "0.67 … and 0.67".
            let ends = if a == b {
                format!(
                    "stood at {a} both in the first window (ending {}) and in the last (ending {})",
                    first.date.short(),
                    last.date.short()
                )
            } else {
                format!(
                    "went from {a} in the first window (ending {}) to {b} in the last (ending {})",
                    first.date.short(),
                    last.date.short()
                )
            };
            format!(
                "Measured over a sliding {w}-day window, the correlation of daily returns {ends}, with a peak of {} \
                 in the window ending {}.{calm_text}{crisis_text}",
                grouped(peak.corr, 2),
                peak.date.short(),
            )
        }
        _ => format!(
            "A {w}-day window needs {w} daily returns; the data holds {n_pairs} (2 Sep to 28 Nov 2025), so no \
             rolling correlation can be drawn.{calm_text}{crisis_text}"
        ),
    }
}

/// The correlation table: one row per window end.
pub fn table_rows(roll: &[Rolling], calm: Option<Stats>) -> Vec<Vec<String>> {
    roll.iter()
        .map(|r| {
            vec![
                r.date.long(),
                grouped(r.corr, 2),
                format!("{} to {}", grouped(r.lo, 2), grouped(r.hi, 2)),
                grouped(adjusted(r, calm), 2),
            ]
        })
        .collect()
}

/// Bitcoin's expected move for a stock shock of `shock_pct`, by the beta of
/// `regime`.
pub fn btc_move(regime: Option<Stats>, shock_pct: f64) -> f64 {
    regime.map(|s| s.beta * shock_pct).unwrap_or(0.0)
}

/// The transmission paragraph: the window's beta (ending 19 Nov, before the
/// day it explains) and the Bitcoin move it implies for the shock.
pub fn transmission(regime: Option<Estimate>, shock_pct: f64) -> String {
    match regime {
        None => "Not enough data for a beta.".to_string(),
        Some(e) => format!(
            "Over {}, Bitcoin's beta to the S&P 500 was {} (correlation {} × Bitcoin's volatility per trading-day \
             return {}% ÷ the S&P's {}%). So a fall of {} in US stocks would, on average, come with a Bitcoin \
             move of {} (model output).",
            window_text(&e),
            grouped(e.stats.beta, 2),
            grouped(e.stats.corr, 2),
            grouped(e.stats.sd_btc * 100.0, 2),
            grouped(e.stats.sd_spx * 100.0, 2),
            pct_abs(shock_pct, 1),
            pct_signed(btc_move(Some(e.stats), shock_pct), 2)
        ),
    }
}

/// What Bitcoin's move `btc_move_pct` does to a long at `lev` times.
pub fn leverage_text(lev: f64, btc_move_pct: f64) -> String {
    let liq = long_liq_move_pct(lev, MAINTENANCE);
    let margin_hit = (btc_move_pct * lev).max(-100.0);
    format!(
        "A trader long Bitcoin at {}× leverage (the leverage slider) would lose {}% of their margin on that move; \
         a {}× long is liquidated by a fall of {}{}",
        fmt_num(lev),
        grouped(-margin_hit, 0),
        fmt_num(lev),
        pct_abs(liq, 2),
        if btc_move_pct <= liq && btc_move_pct < 0.0 {
            ", so this shock alone liquidates it."
        } else {
            ", so this shock alone does not, but a margin call would force many to sell."
        },
    )
}

/// A stock + Bitcoin portfolio with `weight_pct` in Bitcoin, with the same
/// (crisis) volatilities under the calm and the crisis correlation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Portfolio {
    pub calm_corr: f64,
    pub crisis_corr: f64,
    /// Daily volatility, fractions.
    pub sd_calm: f64,
    pub sd_crisis: f64,
}

pub fn portfolio(calm: Option<Stats>, regime: Option<Stats>, weight_pct: f64) -> Option<Portfolio> {
    let (c, r) = (calm?, regime?);
    let w = weight_pct / 100.0;
    // Same volatilities (the crisis window's), calm versus crisis correlation:
    // the difference is the correlation effect alone.
    Some(Portfolio {
        calm_corr: c.corr,
        crisis_corr: r.corr,
        sd_calm: portfolio_sd(w, r.sd_btc, r.sd_spx, c.corr),
        sd_crisis: portfolio_sd(w, r.sd_btc, r.sd_spx, r.corr),
    })
}

/// The portfolio table's two rows: label, daily volatility, 1-in-100-days loss.
pub fn portfolio_rows(p: &Portfolio) -> [[String; 3]; 2] {
    portfolio_rows_named(p, ["calm, before 10 Oct: ", "crisis, to 19 Nov: "])
}

/// The portfolio rows with the two regimes' labels in one language.
fn portfolio_rows_named(p: &Portfolio, [calm, crisis]: [&str; 2]) -> [[String; 3]; 2] {
    let row = |label: String, sd: f64| {
        [label, format!("{}%", grouped(sd * 100.0, 2)), pct_signed(one_in_100_loss_pct(sd), 2)]
    };
    [
        row(format!("{calm}{}", grouped(p.calm_corr, 2)), p.sd_calm),
        row(format!("{crisis}{}", grouped(p.crisis_corr, 2)), p.sd_crisis),
    ]
}

impl Portfolio {
    /// The crisis correlation is clearly above the calm one (by more than 0.05).
    fn correlation_rose(&self) -> bool {
        self.crisis_corr > self.calm_corr + 0.05
    }

    /// How much larger the daily swings are under the crisis correlation: "10%".
    fn swings_larger(&self) -> String {
        pct_signed((self.sd_crisis / self.sd_calm - 1.0) * 100.0, 0).trim_start_matches('+').to_string()
    }
}

/// The section's conclusion about diversification.
pub fn punchline(p: &Portfolio) -> String {
    let (rc, rx) = (p.calm_corr, p.crisis_corr);
    if p.correlation_rose() {
        format!(
            "Diversification disappears when it is needed: with the same volatilities, the rise in correlation from {} \
             to {} makes this portfolio's daily swings {} larger, and its bad days worse.",
            grouped(rc, 2),
            grouped(rx, 2),
            p.swings_larger()
        )
    } else {
        format!(
            "In this window the correlation ({}) is not clearly above its calm level ({}), so the portfolio's swings \
             barely change.",
            grouped(rx, 2),
            grouped(rc, 2)
        )
    }
}
