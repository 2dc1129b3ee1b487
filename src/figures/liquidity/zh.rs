//! Cause 3's sentences in Simplified Chinese (issue 26): Nvidia's day, the
//! ETF flows chart's caption and legend, the square-root impact and the
//! cross-check from the data, from the same numbers as the English.

use super::impact_pct;
use crate::charts::flows::FlowsChart;
use crate::data::days::DAY_AFTER;
use crate::data::ids::Group;
use crate::data::DataFile;
use crate::format::zh::{date, month_day, price_usd, term, usd_millions};
use crate::format::{grouped, pct_abs, pct_signed};
use crate::model::date::Date;
use crate::model::series::pct_change;
use crate::scenario::Inputs;
use plotters::style::RGBColor;

/// Nvidia's results and its shares on 20 Nov.
pub fn nvidia_text(m: &DataFile, ev: &DataFile) -> String {
    match super::nvidia_day(m, ev) {
        Some([r, p, o, c]) => {
            // The open and the close against the day before, as a verb and a
            // magnitude (高开5.1%, 收跌3.15%), not a bare signed number.
            let (gap, day) = (pct_change(p, o), pct_change(p, c));
            let open = match pct_abs(gap, 1).as_str() {
                "0.0%" => "平开".to_string(),
                g if gap > 0.0 => format!("高开{g}"),
                g => format!("低开{g}"),
            };
            let close = match pct_abs(day, 2).as_str() {
                "0.00%" => "收平".to_string(),
                d if day > 0.0 => format!("收涨{d}"),
                d => format!("收跌{d}"),
            };
            format!(
                "{}公布的季度营收为{}。11月20日，其股价以{}开盘（较前一日收盘{open}），收于{}（{close}）。",
                term::NVIDIA,
                usd_millions(r),
                price_usd(o, 2),
                price_usd(c, 2),
            )
        }
        None => format!("数据文件中缺少{}的数据。", term::NVIDIA),
    }
}

/// Section 3's sentence on the two IBIT claims, with the verdicts of the
/// Claims-vs-data panel (the same checks as the English [`super::ibit_text`]).
pub fn ibit_text(flows: &DataFile) -> String {
    let day = crate::data::claims::ibit_one_day(flows);
    let month = crate::data::claims::november_outflows(flows);
    format!(
        "原文称，贝莱德旗下的IBIT单日流出逾5亿美元，11月流出近20亿美元。\
         第一项说法的核查结果为“{}”：{}第二项说法的核查结果为“{}”：{}",
        day.verdict.label(),
        day.data,
        month.verdict.label(),
        month.data
    )
}

/// The flows chart's caption.
pub fn flows_summary(flows: &DataFile, chart: &FlowsChart) -> String {
    let record = chart.record;
    format!(
        "2025年11月美国{}的资金净流量（据报道）：IBIT{}（{}）；截至11月24日，全部基金合计流出约{}。\
         {}从11月1日的{}跌至11月21日的{}（UTC收盘价）。",
        term::SPOT_ETF,
        // The record is the day of the largest outflow, said as an outflow.
        record
            .map(|r| if r.1 < 0.0 {
                format!("单日最大净流出为{}", usd_millions(-r.1))
            } else {
                format!("单日净流量最低为{}", usd_millions(r.1))
            })
            .unwrap_or_default(),
        record.map(|r| month_day(r.0)).unwrap_or_default(),
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

/// The flows legend with the English's colours and strokes.
pub fn flows_legend_entries() -> Vec<(String, RGBColor, bool)> {
    super::flows_legend()
        .into_iter()
        .zip(flows_legend())
        .map(|((_, color, dashed), name)| (name, color, dashed))
        .collect()
}

/// A fund as the flows table names it: the data's label after "Spot Bitcoin
/// ETF net flow: ", with the totals and the month's figures in Chinese.
fn fund(label: &str) -> String {
    let f = label.strip_prefix("Spot Bitcoin ETF net flow: ").unwrap_or(label);
    match f {
        "TOTAL" => "全部基金".into(),
        "TOTAL_MTD" => "全部基金（月内累计）".into(),
        "IBIT_MTD" => "IBIT（月内累计）".into(),
        "IBIT_MONTH" => "IBIT（全月）".into(),
        "BTC (Grayscale Mini)" => "灰度比特币迷你信托（BTC）".into(),
        "GBTC" => "灰度比特币信托（GBTC）".into(),
        "EZBC" => "富兰克林比特币ETF（EZBC）".into(),
        other => other.into(),
    }
}

/// A flow figure's note from flows.json in Chinese (a note not listed here
/// is shown as the data file has it).
fn note(n: &str) -> String {
    match n {
        "2nd-largest daily outflow on record (Farside)" => "有记录以来第二大单日净流出（Farside）",
        "SoSoValue figure" => "SoSoValue数据",
        "approx., Farside" => "约数，Farside",
        "IBIT record at the time (Farside)" => "IBIT当时的单日流出纪录（Farside）",
        "largest IBIT single-day outflow since launch (Farside via Reuters)" => {
            "IBIT上市以来最大单日流出（Farside，经Reuters转引）"
        }
        "5th straight day of net outflows" => "连续第5个交易日净流出",
        "inflow" => "净流入",
        "'$903 million' (Farside), 2nd-largest daily outflow" => "“9.03亿美元”（Farside），第二大单日流出",
        "approx.; source of the post not named" => "约数；该帖未注明来源",
        "Nov 1-17 cumulative (Farside); IBIT ~-1,600 of it" => "11月1日至17日累计（Farside）；其中IBIT约−1,600",
        "approx. Nov 1-18 cumulative; all funds 'nearly $3 billion'" => "约数，11月1日至18日累计；全部基金“近30亿美元”",
        "approx. (Bloomberg data, stated Nov 24); IBIT ~-2,200" => {
            "约数（Bloomberg数据，11月24日公布）；其中IBIT约−2,200"
        }
        "approx. November total (Farside)" => "约数，11月全月合计（Farside）",
        other => return other.to_string(),
    }
    .to_string()
}

/// Every reported ETF flow figure: date, fund, net flow (US$ m), note (the
/// English [`super::flows_rows`]'s figures).
pub fn flows_rows(flows: &DataFile) -> Vec<Vec<String>> {
    flows
        .facts
        .iter()
        .filter(|f| f.group.starts_with("etf_"))
        .map(|f| vec![date(f.date), fund(&f.label), grouped(f.value, 1), note(&f.note)])
        .collect()
}

/// The impact chart's caption, for selling `q_usd`.
pub fn impact_summary(inp: &Inputs, q_usd: f64) -> String {
    format!(
        "在{}完好时，所选抛售量使{}价格下跌{}%；{}下降50%时跌幅为{}%，下降90%时为{}%（{}）。",
        term::DEPTH,
        term::BITCOIN,
        grouped(impact_pct(inp, q_usd, 0.0), 2),
        term::DEPTH,
        grouped(impact_pct(inp, q_usd, 50.0), 2),
        grouped(impact_pct(inp, q_usd, 90.0), 2),
        term::MODEL_OUTPUT,
    )
}

/// The cross-check table's cells: day, flow, Bitcoin's move, move per 10亿美元 of outflow.
pub fn check_cells(rows: &[(Date, f64, f64)]) -> Vec<[String; 4]> {
    rows.iter()
        .map(|(day, flow, mv)| {
            let per_bn = if *flow < 0.0 { pct_signed(mv / (-flow / 1000.0), 1) } else { "–".into() };
            [date(*day), usd_millions(*flow), pct_signed(*mv, 2), per_bn]
        })
        .collect()
}

/// The cross-check's range: "在这些交易日，按每流出10亿美元折算，比特币涨跌幅在−5.9%至+2.4%之间。"
/// (empty without an outflow day).
pub fn check_range(rows: &[(Date, f64, f64)]) -> String {
    let per_bn: Vec<f64> = rows.iter().filter(|r| r.1 < 0.0).map(|r| r.2 / (-r.1 / 1000.0)).collect();
    if per_bn.is_empty() {
        return String::new();
    }
    let (lo, hi) = per_bn.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    format!(
        "在这些交易日，按每流出10亿美元折算，{}涨跌幅在{}至{}之间。",
        term::BITCOIN,
        pct_signed(lo, 1),
        pct_signed(hi, 1)
    )
}
