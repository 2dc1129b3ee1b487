//! Cause 3's sentences in Simplified Chinese (issue 26): Nvidia's day, the
//! ETF flows chart's caption and legend, the square-root impact and the
//! cross-check from the data, from the same numbers as the English.

use super::impact_pct;
use crate::charts::flows::FlowsChart;
use crate::data::days::DAY_AFTER;
use crate::data::ids::Group;
use crate::data::DataFile;
use crate::format::zh::{date, price_usd, term, usd_millions};
use crate::format::{grouped, pct_signed};
use crate::model::date::Date;
use crate::model::series::pct_change;
use crate::scenario::Inputs;

/// Nvidia's results and its shares on 20 Nov.
pub fn nvidia_text(m: &DataFile, ev: &DataFile) -> String {
    match super::nvidia_day(m, ev) {
        Some([r, p, o, c]) => format!(
            "{}公布的季度营收为{}。11月20日，其股价以{}开盘（较前一日收盘{}），收于{}（{}）。",
            term::NVIDIA,
            usd_millions(r),
            price_usd(o, 2),
            pct_signed(pct_change(p, o), 1),
            price_usd(c, 2),
            pct_signed(pct_change(p, c), 2)
        ),
        None => format!("数据文件中缺少{}的数据。", term::NVIDIA),
    }
}

/// The flows chart's caption.
pub fn flows_summary(flows: &DataFile, chart: &FlowsChart) -> String {
    let record = chart.record;
    format!(
        "2025年11月美国{}的资金净流量（据报道）：IBIT单日最大净流量为{}（{}）；截至11月24日，全部基金合计流出约{}。\
         {}从11月1日的{}跌至11月21日的{}（UTC收盘价）。",
        term::SPOT_ETF,
        record.map(|r| usd_millions(r.1)).unwrap_or_default(),
        record.map(|r| date(r.0)).unwrap_or_default(),
        flows.facts(Group::EtfTotalMtd).last().map(|f| usd_millions(-f.value)).unwrap_or_default(),
        term::BITCOIN,
        chart.btc.first().map(|p| price_usd(p.1, 0)).unwrap_or_default(),
        chart.btc.iter().find(|p| p.0 == DAY_AFTER).map(|p| price_usd(p.1, 0)).unwrap_or_default(),
    )
}

/// The flows chart's legend entries (their colours are the English's).
pub fn flows_legend() -> Vec<String> {
    vec![
        "IBIT，每日".to_string(),
        "全部基金，每日".to_string(),
        "月内累计（● 全部基金，▲ IBIT）".to_string(),
        format!("{}价格（右轴）", term::BITCOIN),
    ]
}

/// The impact chart's caption, for selling `q_usd`.
pub fn impact_summary(inp: &Inputs, q_usd: f64) -> String {
    format!(
        "在{}完好时，所选抛售量使{}价格变动{}%；{}减少50%时为{}%；减少90%时为{}%（{}）。",
        term::DEPTH,
        term::BITCOIN,
        grouped(impact_pct(inp, q_usd, 0.0), 2),
        term::DEPTH,
        grouped(impact_pct(inp, q_usd, 50.0), 2),
        grouped(impact_pct(inp, q_usd, 90.0), 2),
        term::MODEL_OUTPUT,
    )
}

/// The cross-check's range: "在这些交易日，每流出10亿美元，比特币变动−5.9%至+2.4%。"
/// (empty without an outflow day).
pub fn check_range(rows: &[(Date, f64, f64)]) -> String {
    let per_bn: Vec<f64> = rows.iter().filter(|r| r.1 < 0.0).map(|r| r.2 / (-r.1 / 1000.0)).collect();
    if per_bn.is_empty() {
        return String::new();
    }
    let (lo, hi) = per_bn.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    format!("在这些交易日，每流出10亿美元，{}变动{}至{}。", term::BITCOIN, pct_signed(lo, 1), pct_signed(hi, 1))
}
