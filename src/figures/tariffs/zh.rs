//! Cause 2's sentences in Simplified Chinese (issue 26): the correlation
//! chart's legend and caption, the transmission of a stock shock to
//! Bitcoin, what it does to a leveraged long, and the portfolio's loss of
//! diversification, from the same numbers as the English.

use super::{adjusted, btc_move, Portfolio};
use crate::data::DataFile;
use crate::format::zh::{date, month_day, term, usd_millions};
use crate::format::{fmt_num, grouped, pct_abs};
use crate::model::correlation::Rolling;
use crate::model::leverage::{long_liq_move_pct, MAINTENANCE};
use crate::model::returns::Stats;
use crate::scenario::Estimate;
use plotters::style::RGBColor;

/// The S&P 500's move on 10 Oct as a Chinese report states it ("收跌2.71%"),
/// and the crypto liquidations reported for 10–11 Oct ("191亿美元"), as the
/// English [`super::tariff_day`] finds them.
pub fn tariff_day(m: &DataFile, liquidations: &DataFile) -> (String, String) {
    let (sp_move, liq) = super::tariff_day_values(m, liquidations);
    let sp = match sp_move {
        Some(v) if grouped(v.abs(), 2) == "0.00" => "收平".to_string(),
        Some(v) if v < 0.0 => format!("收跌{}", pct_abs(v, 2)),
        Some(v) => format!("收涨{}", pct_abs(v, 2)),
        None => "收盘数据缺失".to_string(),
    };
    (sp, liq.map(usd_millions).unwrap_or_else(|| "（无数据）".to_string()))
}

/// The correlation chart's legend entries (their colours are the English's).
pub fn legend(window: usize, with_adjusted: bool) -> Vec<String> {
    let mut l = vec![format!("{window}日滚动{}及95%置信区间", term::CORRELATION)];
    if with_adjusted {
        l.push("波动率调整后（Forbes–Rigobon）".to_string());
    }
    l
}

/// The legend entries with the English's colours and strokes.
pub fn legend_entries(window: usize, with_adjusted: bool) -> Vec<(String, RGBColor, bool)> {
    super::legend(window, with_adjusted)
        .into_iter()
        .zip(legend(window, with_adjusted))
        .map(|((_, color, dashed), name)| (name, color, dashed))
        .collect()
}

/// "10月8日至11月19日共30个交易日", with the real count when the window asks
/// for more days than there are before 20 Nov.
pub fn window_text(e: &Estimate) -> String {
    let short = if e.is_short() {
        format!("（{}日窗口所需更多：11月20日之前只有{}个交易日的收益率）", e.requested, e.stats.n)
    } else {
        String::new()
    };
    format!("{}至{}共{}个交易日{short}", month_day(e.first), month_day(e.last), e.stats.n)
}

/// The correlation chart's caption (the English [`super::summary`]'s figures).
pub fn summary(
    roll: &[Rolling],
    window: usize,
    n_pairs: usize,
    calm: Option<Stats>,
    crisis: Option<Estimate>,
) -> String {
    let w = window;
    let calm_text = calm
        .map(|c| {
            format!("10月10日加征关税威胁之前的{}个交易日内，{}为{}。", c.n, term::CORRELATION, grouped(c.corr, 2))
        })
        .unwrap_or_default();
    let crisis_text = crisis
        .map(|e| {
            format!(
                "模型解释11月20日行情所用的窗口（{}）内，{}为{}。",
                window_text(&e),
                term::CORRELATION,
                grouped(e.stats.corr, 2)
            )
        })
        .unwrap_or_default();
    let peak = roll.iter().max_by(|a, b| a.corr.total_cmp(&b.corr));
    match (roll.first(), roll.last(), peak) {
        (Some(first), Some(last), Some(peak)) => {
            let (a, b) = (grouped(first.corr, 2), grouped(last.corr, 2));
            let ends = if a == b {
                format!(
                    "在第一个窗口（截至{}）和最后一个窗口（截至{}）均为{a}",
                    month_day(first.date),
                    month_day(last.date)
                )
            } else {
                format!(
                    "从第一个窗口（截至{}）的{a}变为最后一个窗口（截至{}）的{b}",
                    month_day(first.date),
                    month_day(last.date)
                )
            };
            format!(
                "按{w}个交易日滚动窗口计算，比特币与{}日收益率的{}{ends}，峰值为{}（截至{}的窗口）。{calm_text}{crisis_text}",
                term::SPX_INDEX,
                term::CORRELATION,
                grouped(peak.corr, 2),
                month_day(peak.date),
            )
        }
        _ => format!(
            "{w}个交易日的窗口需要{w}个日收益率，而数据只有{n_pairs}个（2025年9月2日至11月28日），因此无法画出滚动{}。{calm_text}{crisis_text}",
            term::CORRELATION
        ),
    }
}

/// The correlation table: one row per window end (the English
/// [`super::table_rows`]'s figures).
pub fn table_rows(roll: &[Rolling], calm: Option<Stats>) -> Vec<Vec<String>> {
    roll.iter()
        .map(|r| {
            vec![
                date(r.date),
                grouped(r.corr, 2),
                format!("{}至{}", grouped(r.lo, 2), grouped(r.hi, 2)),
                grouped(adjusted(r, calm), 2),
            ]
        })
        .collect()
}

/// The transmission paragraph: the window's β (ending 19 Nov, before the
/// day it explains) and the Bitcoin move it implies for the shock.
pub fn transmission(regime: Option<Estimate>, shock_pct: f64) -> String {
    match regime {
        None => "数据不足，无法估算β系数。".to_string(),
        Some(e) => format!(
            "在{}内，{}相对{}的{}为{}（{} {} × {}日波动率{}% ÷ 标普500指数日波动率{}%）。\
             因此，标普500指数若下跌{}，平均而言{}将随之{}（{}）。",
            window_text(&e),
            term::BITCOIN,
            term::SPX_INDEX,
            term::BETA,
            grouped(e.stats.beta, 2),
            term::CORRELATION,
            grouped(e.stats.corr, 2),
            term::BITCOIN,
            grouped(e.stats.sd_btc * 100.0, 2),
            grouped(e.stats.sd_spx * 100.0, 2),
            pct_abs(shock_pct, 1),
            term::BITCOIN,
            {
                // Bitcoin's move as a verb and a magnitude ("下跌约3.28%").
                let mv = btc_move(Some(e.stats), shock_pct);
                format!("{}约{}", if mv < 0.0 { "下跌" } else { "上涨" }, pct_abs(mv, 2))
            },
            term::MODEL_OUTPUT,
        ),
    }
}

/// What Bitcoin's move `btc_move_pct` does to a long at `lev` times.
pub fn leverage_text(lev: f64, btc_move_pct: f64) -> String {
    let liq = long_liq_move_pct(lev, MAINTENANCE);
    let margin_hit = (btc_move_pct * lev).max(-100.0);
    format!(
        "按滑块设定的{}倍{}做多比特币的交易者，在这一波动中将损失{}%的保证金；{}倍多头在价格下跌{}时即被{}，{}",
        fmt_num(lev),
        term::LEVERAGE,
        grouped(-margin_hit, 0),
        fmt_num(lev),
        pct_abs(liq, 2),
        term::LIQUIDATION,
        if btc_move_pct <= liq && btc_move_pct < 0.0 {
            "因此仅凭这一冲击就足以触发强平。"
        } else {
            "因此仅凭这一冲击尚不足以触发强平，但保证金大幅缩水可能迫使部分交易者追加保证金或减仓。"
        },
    )
}

/// The portfolio table's two rows: label, daily volatility, 1-in-100-days loss.
pub fn portfolio_rows(p: &Portfolio) -> [[String; 3]; 2] {
    super::portfolio_rows_named(p, ["关税威胁前（10月10日之前）：", "抛售期（截至11月19日）："])
}

/// The section's conclusion about diversification.
pub fn punchline(p: &Portfolio) -> String {
    let (rc, rx) = (p.calm_corr, p.crisis_corr);
    if p.correlation_rose() {
        format!(
            "分散投资在最需要的时候失灵：在各资产波动率不变的情况下，{}从{}升至{}，使该组合日波动率上升{}，尾部亏损也随之扩大。",
            term::CORRELATION,
            grouped(rc, 2),
            grouped(rx, 2),
            p.swings_larger()
        )
    } else {
        format!(
            "在这一窗口内，{}（{}）并未明显高于关税威胁前的水平（{}），因此组合的波动几乎没有变化。",
            term::CORRELATION,
            grouped(rx, 2),
            grouped(rc, 2)
        )
    }
}
