//! Cause 4's sentences in Simplified Chinese (issue 26): the cascade's
//! caption and how it ended, the Nasdaq clause, the liquidation map's
//! caption, the stability test, the reported figures beside the model and
//! the model against them, read off the same run and data as the English
//! ([`super::loop_of`], [`super::reported_btc`]).

use super::{loop_of, Loop};
use crate::data::days::{DAY, DAY_AFTER};
use crate::data::ids::Group;
use crate::data::DataFile;
use crate::format::zh::{price_usd, term, usd_millions, usd_millions_sig2};
use crate::format::{pct, pct_abs, pct_signed};
use crate::model::cascade::{Cascade, MAX_ROUNDS};
use crate::model::date::Date;

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
        // Only a fall is said (the clause is for the tech selling).
        format!("经科技股传导，{}随之下跌{}（{}）。", term::NASDAQ, pct_abs(c.nasdaq_pct, 2), term::MODEL_OUTPUT)
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

/// Section 4's stability statement at `m` (the English
/// [`super::stability_at`]'s cascade, open interest and cap).
pub fn stability_at(m: &crate::scenario::model::Model) -> String {
    let (c, oi_usd) = (&*m.cascade, m.settings.oi_bn * 1e9);
    stability_text(c, oi_usd, crate::scenario::cascade_cap_pct(&m.drivers, &m.settings, c.shock_pct, oi_usd))
}

/// "9.6亿至11.3亿美元": a reported range (the unit once, at its end).
fn range_usd_millions(lo: f64, hi: f64) -> String {
    let (a, b) = (usd_millions(lo), usd_millions(hi));
    // "9.6亿美元" and "11.3亿美元" share the unit: said once.
    match (a.strip_suffix("亿美元"), b.ends_with("亿美元")) {
        (Some(a), true) => format!("{a}亿至{b}"),
        _ => format!("{a}至{b}"),
    }
}

/// The reference beside the live sentence's forced selling: "（据报道，截至
/// 11月21日的24小时内，比特币强平额为9.6亿至11.3亿美元）"; empty without a
/// figure (the English [`super::reported_btc_note`]).
pub fn reported_btc_note(liquidations: &DataFile) -> String {
    super::reported_btc(liquidations)
        .map(|(lo, hi)| format!("（据报道，截至11月21日的24小时内，比特币强平额为{}）", range_usd_millions(lo, hi)))
        .unwrap_or_default()
}

/// The reported liquidations of the 24 hours to 21 Nov as a range
/// ("（无数据）" without one).
pub fn reported(liquidations: &DataFile) -> String {
    let day: Vec<_> =
        liquidations.facts(Group::CryptoLiquidations24h).into_iter().filter(|f| f.date == DAY_AFTER).collect();
    let (lo, hi) = day.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), f| (a.min(f.value), b.max(f.value)));
    if day.is_empty() {
        "（无数据）".to_string()
    } else {
        range_usd_millions(lo, hi)
    }
}

/// The model-against-reported table's "Reported" cells (the English
/// [`super::reported_cells`]): liquidations, Bitcoin's lows.
pub fn reported_cells(liquidations: &DataFile, markets: &DataFile) -> [String; 2] {
    let bar_low = |date: Date| markets.ohlc.first().and_then(|s| s.bars.iter().find(|b| b.0 == date)).map(|b| b.3);
    let (low20, low21) = (bar_low(DAY), bar_low(DAY_AFTER));
    [
        format!(
            "截至11月21日的24小时内，全部加密资产强平{}；比特币单项强平{}（CoinGlass数据，各报道时点不同，口径不一）",
            reported(liquidations),
            super::reported_btc(liquidations)
                .map(|(lo, hi)| range_usd_millions(lo, hi))
                .unwrap_or_else(|| "（无数据）".into())
        ),
        format!(
            "11月20日最低{}，11月21日最低{}（Binance）",
            low20.map(|v| price_usd(v, 0)).unwrap_or_default(),
            low21.map(|v| price_usd(v, 0)).unwrap_or_default()
        ),
    ]
}

/// The model's Bitcoin liquidations against the reported Bitcoin figures,
/// and why they can differ (the English [`super::calibration`]'s findings).
pub fn calibration(liquidated_usd: f64, range_usd: (f64, f64), liquidations: &DataFile) -> String {
    let m = liquidated_usd / 1e6;
    let model = format!(
        "模型估算比特币多头强平约{}（{}、Y与市场成交量分别取各自区间的两端时，为{}至{}）",
        usd_millions_sig2(m),
        term::BETA,
        usd_millions_sig2(range_usd.0 / 1e6),
        usd_millions_sig2(range_usd.1 / 1e6)
    );
    let Some((lo, hi)) = super::reported_btc(liquidations) else {
        return format!("{model}；数据中没有可供比较的比特币强平数据。");
    };
    let reported = range_usd_millions(lo, hi);
    let verdict = if m >= lo && m <= hi {
        format!("，落在截至11月21日的24小时内所报比特币强平额（{reported}）的范围之内")
    } else if m < lo {
        format!("，比截至11月21日的24小时内所报比特币强平额的下限（{reported}）低{}", pct((1.0 - m / lo) * 100.0, 0))
    } else {
        format!("，为截至11月21日的24小时内所报比特币强平额上限（{reported}）的{}倍", super::trim2(m / hi))
    };
    format!(
        "{model}{verdict}。这一比较只是粗略参照：所报的24小时延续到11月21日，当天比特币进一步下跌，且只涵盖\
         CoinGlass追踪的交易所；模型只涵盖11月20日的涨跌，其未平仓合约规模和杠杆分布均为假设。"
    )
}

#[cfg(test)]
mod tests {
    use super::range_usd_millions;

    #[test]
    fn a_reported_range_names_its_unit_once() {
        assert_eq!(range_usd_millions(960.0, 1130.0), "9.6亿至11.3亿美元");
        // Units that differ are both said.
        assert_eq!(range_usd_millions(52.3, 1130.0), "5,230万美元至11.3亿美元");
    }
}
