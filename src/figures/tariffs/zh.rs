//! Cause 2's sentences in Simplified Chinese (issue 26): the correlation
//! chart's legend and caption, the transmission of a stock shock to
//! Bitcoin, what it does to a leveraged long, and the portfolio's loss of
//! diversification, from the same numbers as the English.

use super::{btc_move, Portfolio};
use crate::format::zh::{month_day, term};
use crate::format::{fmt_num, grouped, pct_abs, pct_signed};
use crate::model::correlation::{one_in_100_loss_pct, Rolling};
use crate::model::leverage::{long_liq_move_pct, MAINTENANCE};
use crate::model::returns::Stats;
use crate::scenario::Estimate;

/// The correlation chart's legend entries (their colours are the English's).
pub fn legend(window: usize, with_adjusted: bool) -> Vec<String> {
    let mut l = vec![format!("{window}日滚动{}（含95%置信区间）", term::CORRELATION)];
    if with_adjusted {
        l.push("经波动率调整（Forbes–Rigobon）".to_string());
    }
    l
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
        .map(|c| format!("10月10日关税威胁之前，{}天的{}为{}。", c.n, term::CORRELATION, grouped(c.corr, 2)))
        .unwrap_or_default();
    let crisis_text = crisis
        .map(|e| {
            format!(
                "模型用于解释11月20日的窗口（{}）内，{}为{}。",
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
                "按{w}日滑动窗口计算，日收益率的{}{ends}，峰值为{}（截至{}的窗口）。{calm_text}{crisis_text}",
                term::CORRELATION,
                grouped(peak.corr, 2),
                month_day(peak.date),
            )
        }
        _ => format!(
            "{w}日窗口需要{w}个日收益率，而数据只有{n_pairs}个（2025年9月2日至11月28日），因此无法画出滚动{}。{calm_text}{crisis_text}",
            term::CORRELATION
        ),
    }
}

/// The transmission paragraph: the window's β (ending 19 Nov, before the
/// day it explains) and the Bitcoin move it implies for the shock.
pub fn transmission(regime: Option<Estimate>, shock_pct: f64) -> String {
    match regime {
        None => "数据不足，无法估算β系数。".to_string(),
        Some(e) => format!(
            "在{}内，{}相对{}的{}为{}（{} {} × {}每个交易日收益率的波动率{}% ÷ 标普500的{}%）。\
             因此，美股若下跌{}，平均而言{}将随之变动{}（{}）。",
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
            pct_signed(btc_move(Some(e.stats), shock_pct), 2),
            term::MODEL_OUTPUT,
        ),
    }
}

/// What Bitcoin's move `btc_move_pct` does to a long at `lev` times.
pub fn leverage_text(lev: f64, btc_move_pct: f64) -> String {
    let liq = long_liq_move_pct(lev, MAINTENANCE);
    let margin_hit = (btc_move_pct * lev).max(-100.0);
    format!(
        "以{}倍{}（即杠杆滑块的设定）做多比特币的交易者，在这一波动中将损失{}%的保证金；{}倍多头在价格下跌{}时即被{}，{}",
        fmt_num(lev),
        term::LEVERAGE,
        grouped(-margin_hit, 0),
        fmt_num(lev),
        pct_abs(liq, 2),
        term::LIQUIDATION,
        if btc_move_pct <= liq && btc_move_pct < 0.0 {
            "因此仅这一冲击就足以使其被强平。"
        } else {
            "因此仅这一冲击还不至于，但追加保证金的要求会迫使许多人卖出。"
        },
    )
}

/// The portfolio table's two rows: label, daily volatility, 1-in-100-days loss.
pub fn portfolio_rows(p: &Portfolio) -> [[String; 3]; 2] {
    let row = |label: String, sd: f64| {
        [label, format!("{}%", grouped(sd * 100.0, 2)), pct_signed(one_in_100_loss_pct(sd), 2)]
    };
    [
        row(format!("平静期（10月10日之前）：{}", grouped(p.calm_corr, 2)), p.sd_calm),
        row(format!("危机期（截至11月19日）：{}", grouped(p.crisis_corr, 2)), p.sd_crisis),
    ]
}

/// The section's conclusion about diversification.
pub fn punchline(p: &Portfolio) -> String {
    let (rc, rx) = (p.calm_corr, p.crisis_corr);
    if rx > rc + 0.05 {
        format!(
            "分散化在最需要的时候失效：在波动率不变的情况下，{}从{}升至{}，使这一组合的日波动扩大{}，糟糕的日子也更糟。",
            term::CORRELATION,
            grouped(rc, 2),
            grouped(rx, 2),
            pct_signed((p.sd_crisis / p.sd_calm - 1.0) * 100.0, 0).trim_start_matches('+')
        )
    } else {
        format!(
            "在这一窗口内，{}（{}）并未明显高于平静期水平（{}），因此组合的波动几乎没有变化。",
            term::CORRELATION,
            grouped(rx, 2),
            grouped(rc, 2)
        )
    }
}
