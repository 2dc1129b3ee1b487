//! Cause 4's sentences in Simplified Chinese (issue 26): the cascade's
//! caption and how it ended, the Nasdaq clause, the liquidation map's
//! caption and the stability test, read off the same run as the English
//! ([`super::loop_of`]).

use super::{loop_of, Loop};
use crate::format::zh::{price_usd, term, usd_millions, usd_millions_sig2};
use crate::format::{pct, pct_abs, pct_signed};
use crate::model::cascade::{Cascade, MAX_ROUNDS};

/// The cascade chart's caption.
pub fn summary(c: Option<&Cascade>) -> String {
    c.map(|c| {
        format!(
            "从{}（11月19日收盘价）出发，{}的初始冲击经{}轮连锁强平后扩大为{}；约{}杠杆多头仓位遭{}（{}，保留两位有效数字）。",
            price_usd(c.p0, 0),
            pct_signed(c.shock_pct, 2),
            c.rounds.len(),
            pct_signed(c.final_pct, 2),
            usd_millions_sig2(c.liquidated / 1e6),
            term::LIQUIDATION,
            term::MODEL_OUTPUT,
        )
    })
    .unwrap_or_else(|| "连锁强平的计算需要markets.json和rates.json。".into())
}

/// How the cascade ended (agrees with [`stability_text`]: both read
/// [`loop_of`]).
pub fn settled(c: &Cascade, oi_usd: f64) -> String {
    match loop_of(c, oi_usd) {
        Loop::NoLoop => "冲击未触及任何杠杆多头的强平价，因此不会引发连锁强平。",
        Loop::DiesOut => "连锁强平自行收敛，价格企稳。",
        Loop::Exhausted => "直到模型中所有杠杆多头都被强平，连锁反应才停止。",
        Loop::Unsettled => "达到轮数上限时，连锁强平仍未平息。",
    }
    .to_string()
}

/// The Nasdaq clause: the tech selling the cascade sets off.
pub fn nasdaq_text(c: &Cascade) -> String {
    if c.nasdaq_pct < -0.005 {
        format!("经科技股传导，{}变动{}（{}）。", term::NASDAQ, pct_signed(c.nasdaq_pct, 2), term::MODEL_OUTPUT)
    } else {
        String::new()
    }
}

/// The liquidation map's caption.
pub fn map_summary(bins: &[(f64, f64, f64)]) -> String {
    let total: f64 = bins.iter().map(|b| b.2).sum();
    match bins.iter().max_by(|a, b| a.2.total_cmp(&b.2)) {
        Some(t) if total > 0.0 => format!(
            "在11月19日收盘价下方20%以内，模型中强平价位于该区间的多头仓位共{}；强平最密集的价位区间为{}至{}（{}）。颜色越深，该价位待强平仓位规模越大。",
            usd_millions_sig2(total / 1e6),
            price_usd(t.1, 0),
            price_usd(t.0, 0),
            usd_millions_sig2(t.2 / 1e6),
        ),
        _ => "模型中没有杠杆多头的强平价位于11月19日收盘价下方20%以内。".to_string(),
    }
}

/// The stability test's sentence (the English [`super::stability_text`]'s
/// findings and cap).
pub fn stability_text(c: &Cascade, oi_usd: f64, cap_pct: f64) -> String {
    let verdict = match loop_of(c, oi_usd) {
        Loop::NoLoop => "冲击未触及任何多头的强平价，因此不存在自我强化的循环。".to_string(),
        Loop::DiesOut => format!(
            "连锁强平经过{}轮后停止，共强平{}（占未平仓合约的{}），因此在杠杆多头耗尽之前，循环就已收敛。",
            c.rounds.len(),
            usd_millions_sig2(c.liquidated / 1e6),
            pct(c.liquidated / oi_usd.max(1.0) * 100.0, 0),
        ),
        Loop::Exhausted => "模型中所有杠杆多头都被强平：循环无法收敛，只因未平仓合约耗尽才停止。".to_string(),
        Loop::Unsettled => format!("经过{MAX_ROUNDS}轮后，连锁强平仍未平息。"),
    };
    format!(
        "稳定性检验（参照Greenwood、Landier与Thesmar，2015）：若每一轮强平抛盘引发的新增抛售超过市场承接能力，\
         去杠杆螺旋便会自我强化、无法收敛。这里直接从连锁强平的模拟结果判断：{verdict}强平抛售规模不会超过未平仓合约总额（{}）；\
         按本模型，即便初始冲击之外全部未平仓合约遭强平，比特币也仅比11月19日收盘价低{}（{}）。",
        usd_millions(oi_usd / 1e6),
        pct_abs(cap_pct, 1),
        term::MODEL_OUTPUT,
    )
}
