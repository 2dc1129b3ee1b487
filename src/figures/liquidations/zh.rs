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
            "从{}（11月19日收盘价）出发，{}的初始冲击经过{}轮后演变为{}的跌幅；约{}杠杆多头仓位遭{}（{}，保留两位有效数字）。",
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
        Loop::NoLoop => "冲击没有触及任何杠杆多头，因此不会出现连锁强平。",
        Loop::DiesOut => "连锁强平在一个稳定点停了下来。",
        Loop::Exhausted => "直到模型中所有杠杆多头都被强平，连锁反应才停止。",
        Loop::Unsettled => "达到轮数上限时，连锁强平仍未平息。",
    }
    .to_string()
}

/// The Nasdaq clause: the tech selling the cascade sets off.
pub fn nasdaq_text(c: &Cascade) -> String {
    if c.nasdaq_pct < -0.005 {
        format!("由此引发的科技股抛售使{}变动{}（{}）。", term::NASDAQ, pct_signed(c.nasdaq_pct, 2), term::MODEL_OUTPUT)
    } else {
        String::new()
    }
}

/// The liquidation map's caption.
pub fn map_summary(bins: &[(f64, f64, f64)]) -> String {
    let total: f64 = bins.iter().map(|b| b.2).sum();
    match bins.iter().max_by(|a, b| a.2.total_cmp(&b.2)) {
        Some(t) if total > 0.0 => format!(
            "在11月19日收盘价下方20%以内，模型中共有{}多头仓位会被强平；最密集的价格区间为{}至{}（{}）。颜色越深，仓位越多。",
            usd_millions_sig2(total / 1e6),
            price_usd(t.1, 0),
            price_usd(t.0, 0),
            usd_millions_sig2(t.2 / 1e6),
        ),
        _ => "模型中没有杠杆多头处在距强平20%以内的位置。".to_string(),
    }
}

/// The stability test's sentence (the English [`super::stability_text`]'s
/// findings and cap).
pub fn stability_text(c: &Cascade, oi_usd: f64, cap_pct: f64) -> String {
    let verdict = match loop_of(c, oi_usd) {
        Loop::NoLoop => "冲击没有触及任何多头，因此不存在失控的循环。".to_string(),
        Loop::DiesOut => format!(
            "连锁强平经过{}轮后停止，共强平{}（占未平仓合约的{}），因此在杠杆多头耗尽之前，循环就已平息。",
            c.rounds.len(),
            usd_millions_sig2(c.liquidated / 1e6),
            pct(c.liquidated / oi_usd.max(1.0) * 100.0, 0),
        ),
        Loop::Exhausted => "模型中所有杠杆多头都被强平：循环失控，只因未平仓合约耗尽才停止。".to_string(),
        Loop::Unsettled => format!("经过{MAX_ROUNDS}轮后，连锁强平仍未平息。"),
    };
    format!(
        "稳定性检验（参照Greenwood、Landier与Thesmar，2015）：当每一轮被迫抛售引发的新抛售多于市场所能吸收的量时，\
         去杠杆螺旋就会失控。这里直接从连锁强平的模拟结果判断：{verdict}被迫抛售的规模不可能超过未平仓合约（{}），\
         因此在这一模型中，即便在初始冲击之外将其全部卖出，比特币也只会比11月19日收盘价低{}。",
        usd_millions(oi_usd / 1e6),
        pct_abs(cap_pct, 1),
    )
}
