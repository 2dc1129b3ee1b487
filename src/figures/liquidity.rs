//! Cause 3, thinning liquidity: Nvidia's day, the ETF flows chart and its
//! summary, and the square-root impact of the day's selling against depth.

use crate::charts::flows::FlowsChart;
use crate::charts::lines::{Line, LineChart, Mark};
use crate::charts::palette::{BITCOIN, FLOW_ALL_FUNDS, FLOW_IBIT, FLOW_MTD, INK, SELLING, SELLING_WITH_LTH};
use crate::data::days::{DAY, DAY_AFTER, DAY_BEFORE};
use crate::data::ids::{Group, SeriesId};
use crate::data::DataFile;
use crate::format::fmt_num;
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::date::Date;
use crate::model::liquidity::thinned_volume;
use crate::model::series::{pct_change, shift_days};
use crate::scenario::model::Model;
use crate::scenario::{Inputs, Market};
use plotters::style::RGBColor;

pub mod zh;

pub const IMPACT_TITLE: &str = tr!(
    "Price impact of a day's net selling (square-root law), model output",
    "单日净抛售的价格冲击（平方根法则），模型输出"
);

/// Nvidia's results and its shares on 20 Nov, from events.json and markets.json.
pub fn nvidia_text(m: &DataFile, ev: &DataFile) -> String {
    match nvidia_day(m, ev) {
        Some([r, p, o, c]) => format!(
            "Nvidia reported quarterly revenue of {}. On 20 November its shares opened at {} ({} on the previous \
             close) and closed at {} ({}).",
            usd_millions(r),
            usd(o, 2),
            pct_signed(pct_change(p, o), 1),
            usd(c, 2),
            pct_signed(pct_change(p, c), 2)
        ),
        None => "Nvidia's figures are missing from the data file.".into(),
    }
}

/// Nvidia's quarterly revenue (US$ m) and its shares' previous close, open
/// and close on 20 Nov, from events.json and markets.json; `None` if any is missing.
fn nvidia_day(m: &DataFile, ev: &DataFile) -> Option<[f64; 4]> {
    let rev = ev.facts(Group::NvdaResults).into_iter().find(|f| f.label.ends_with("Q3 FY26 revenue"))?;
    let get = |date: Date, what: &str| {
        m.facts(Group::NvdaOhlc)
            .into_iter()
            .find(|f| f.date == date && f.label == format!("NVDA {what}"))
            .map(|f| f.value)
    };
    Some([rev.value, get(DAY_BEFORE, "close")?, get(DAY, "open")?, get(DAY, "close")?])
}

/// Section 3's sentence on the two IBIT claims, with the verdicts of the
/// Claims-vs-data panel (the same functions, so both say the same).
pub fn ibit_text(flows: &DataFile) -> String {
    let day = crate::data::claims::ibit_one_day(flows);
    let month = crate::data::claims::november_outflows(flows);
    format!(
        "The explanation says BlackRock's IBIT lost more than $500 million in a single day and nearly $2 billion in \
         November. The first {}: {} The second {}: {}",
        day.verdict.label(),
        day.data,
        month.verdict.label(),
        month.data
    )
}

/// The reported figures of a flows group, one per day: where two sources
/// report the same day, the first (Farside) is drawn; the table lists both.
fn points(flows: &DataFile, group: Group) -> Vec<(Date, f64)> {
    let mut seen: Vec<Date> = Vec::new();
    flows
        .facts(group)
        .into_iter()
        .filter_map(|f| {
            let day = f.date;
            if seen.contains(&day) {
                return None;
            }
            seen.push(day);
            Some((day, f.value))
        })
        .collect()
}

/// The flows chart: November's reported ETF flows and Bitcoin's UTC closes.
pub fn flows_chart(flows: &DataFile, markets: &DataFile, events: &DataFile) -> FlowsChart {
    let btc: Vec<(Date, f64)> = shift_days(&markets.obs(SeriesId::BtcUsd0000utc).unwrap_or_default(), -1)
        .into_iter()
        .filter(|o| o.date >= Date::ymd(2025, 11, 1) && o.date <= Date::ymd(2025, 11, 30))
        .map(|o| (o.date, o.value))
        .collect();
    let daily_ibit = points(flows, Group::EtfIbitDaily);
    let record = daily_ibit.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
    let mut mtd_ibit = points(flows, Group::EtfIbitMtd);
    mtd_ibit.extend(points(flows, Group::EtfIbitMonth));
    FlowsChart {
        start: Date::ymd(2025, 11, 1),
        end: Date::ymd(2025, 11, 30),
        daily_ibit,
        daily_total: points(flows, Group::EtfTotalDaily),
        mtd_total: points(flows, Group::EtfTotalMtd),
        mtd_ibit,
        btc,
        record,
        events: events.events.iter().map(|e| e.date).collect(),
    }
}

/// The flows chart's figcaption.
pub fn flows_summary(flows: &DataFile, chart: &FlowsChart) -> String {
    let record = chart.record;
    format!(
        "Reported net flows of US spot Bitcoin ETFs in November 2025: IBIT's largest one-day net flow was {} on {}; \
         all funds together had lost about {} by 24 Nov. Bitcoin fell from {} on 1 Nov to {} on 21 Nov (UTC closes).",
        record.map(|r| usd_millions(r.1)).unwrap_or_default(),
        record.map(|r| r.0.long()).unwrap_or_default(),
        flows.facts(Group::EtfTotalMtd).last().map(|f| usd_millions(-f.value)).unwrap_or_default(),
        chart.btc.first().map(|p| usd(p.1, 0)).unwrap_or_default(),
        chart.btc.iter().find(|p| p.0 == DAY_AFTER).map(|p| usd(p.1, 0)).unwrap_or_default(),
    )
}

/// The flows chart's legend entries.
pub fn flows_legend() -> Vec<(String, RGBColor, bool)> {
    vec![
        ("IBIT, daily".to_string(), FLOW_IBIT, false),
        ("All funds, daily".to_string(), FLOW_ALL_FUNDS, false),
        ("Month to date (● all funds, ▲ IBIT)".to_string(), FLOW_MTD, false),
        ("Bitcoin price (right axis)".to_string(), BITCOIN, false),
    ]
}

/// Every reported ETF flow figure: date, fund, net flow (US$ m), note.
pub fn flows_rows(flows: &DataFile) -> Vec<Vec<String>> {
    flows
        .facts
        .iter()
        .filter(|f| f.group.starts_with("etf_"))
        .map(|f| {
            vec![f.date.long(), f.label.replace("Spot Bitcoin ETF net flow: ", ""), grouped(f.value, 1), f.note.clone()]
        })
        .collect()
}

/// The long-term holders' claimed selling as US$ millions a day at 20 Nov's price.
pub fn lth_usd_m(mk: &Market) -> f64 {
    crate::scenario::lth_selling_usd(mk) / 1e6
}

/// The price fall, percent, of selling `q_usd` with `depth_cut_pct` of the depth gone.
pub fn impact_pct(inp: &Inputs, q_usd: f64, depth_cut_pct: f64) -> f64 {
    inp.impact(depth_cut_pct).pct(q_usd)
}

/// The impact chart at the model's settings (section 3's main figure).
pub fn impact_chart_at(m: &Model) -> LineChart {
    let s = &m.settings;
    impact_chart(&m.inputs(), lth_usd_m(&m.drivers.market), s.sell_usd_m, s.with_lth, s.depth_cut_pct)
}

/// The impact chart: the price fall against the depth lost for the chosen
/// selling (and with the claimed LTH selling added, when ticked), the
/// current depth marked.
pub fn impact_chart(inp: &Inputs, lth_usd_m: f64, sell_usd_m: f64, with_lth: bool, depth_cut_pct: f64) -> LineChart {
    let etf = sell_usd_m * 1e6;
    let lth = lth_usd_m;
    let line = |name: String, color, q: f64| Line {
        name,
        color,
        dashed: false,
        points: (0..=90).map(|c| (c as f64, impact_pct(inp, q, c as f64))).collect(),
    };
    let mut lines = vec![line(
        tr!(
            format!("{} of selling", usd_millions(sell_usd_m)),
            format!("抛售{}", crate::format::zh::usd_millions(sell_usd_m))
        ),
        SELLING,
        etf,
    )];
    if with_lth {
        let name = tr!(
            format!("plus the contested LTH selling ({} a day)", usd_millions(lth)),
            format!("另加有争议的长期持有者抛售（每天{}）", crate::format::zh::usd_millions(lth))
        );
        lines.push(line(name, SELLING_WITH_LTH, etf + lth * 1e6));
    }
    let q = (sell_usd_m + if with_lth { lth } else { 0.0 }) * 1e6;
    let now = impact_pct(inp, q, depth_cut_pct);
    LineChart {
        title: IMPACT_TITLE.into(),
        x_range: (0.0, 90.0),
        y_range: None,
        x_desc: tr!("Market depth lost, %", "市场深度下降幅度（%）").into(),
        y_desc: tr!("Price fall, %", "跌幅（%）").into(),
        x_fmt: |x| format!("{x:.0}"),
        x_read: |x| tr!(format!("Depth lost {x:.0}%"), format!("市场深度下降{x:.0}%")),
        y_unit: "%",
        lines,
        marks: vec![Mark { x: depth_cut_pct, y: now, color: INK, label: format!("{}%", grouped(now, 2)) }],
        current: Some((
            depth_cut_pct,
            tr!(format!("depth lost {}%", fmt_num(depth_cut_pct)), format!("市场深度下降{}%", fmt_num(depth_cut_pct))),
        )),
    }
}

/// The impact chart's figcaption, for selling `q_usd`.
pub fn impact_summary(inp: &Inputs, q_usd: f64) -> String {
    format!(
        "At full depth the chosen selling moves Bitcoin by {}%; with 50% of depth gone, {}%; with 90% gone, {}% \
         (model output).",
        grouped(impact_pct(inp, q_usd, 0.0), 2),
        grouped(impact_pct(inp, q_usd, 50.0), 2),
        grouped(impact_pct(inp, q_usd, 90.0), 2)
    )
}

/// The impact table: every 10% of depth lost, the volume left and the fall.
pub fn impact_rows(inp: &Inputs, q_usd: f64) -> Vec<Vec<String>> {
    (0..=9)
        .map(|i| {
            let cut = f64::from(i) * 10.0;
            let v = thinned_volume(inp.volume_usd, cut);
            // The volume in the edition's units ($30B, 300亿美元).
            let volume = tr!(usd_millions(v / 1e6), crate::format::zh::usd_millions(v / 1e6));
            vec![format!("{cut:.0}%"), volume, format!("{}%", grouped(impact_pct(inp, q_usd, cut), 2))]
        })
        .collect()
}

/// The cross-check from the data: on each day with an all-funds flow
/// figure, (date, flow US$ m, Bitcoin's UTC-day move %).
pub fn check_rows(flows: &DataFile, markets: &DataFile) -> Vec<(Date, f64, f64)> {
    let closes = shift_days(&markets.obs(SeriesId::BtcUsd0000utc).unwrap_or_default(), -1);
    let mut seen: Vec<Date> = Vec::new();
    flows
        .facts(Group::EtfTotalDaily)
        .into_iter()
        .filter_map(|f| {
            if seen.contains(&f.date) {
                return None;
            }
            seen.push(f.date);
            let day = f.date;
            let i = closes.iter().position(|o| o.date == day).filter(|&i| i > 0)?;
            Some((f.date, f.value, pct_change(closes[i - 1].value, closes[i].value)))
        })
        .collect()
}

/// The cross-check table's cells: day, flow, Bitcoin's move, move per $1B of outflow.
pub fn check_cells(rows: &[(Date, f64, f64)]) -> Vec<[String; 4]> {
    rows.iter()
        .map(|(day, flow, mv)| {
            let per_bn = if *flow < 0.0 { pct_signed(mv / (-flow / 1000.0), 1) } else { "–".into() };
            [day.long(), usd_millions(*flow), pct_signed(*mv, 2), per_bn]
        })
        .collect()
}

/// "On these days Bitcoin moved between … and … per $1B of outflow. " (empty
/// without an outflow day).
pub fn check_range(rows: &[(Date, f64, f64)]) -> String {
    let per_bn: Vec<f64> = rows.iter().filter(|r| r.1 < 0.0).map(|r| r.2 / (-r.1 / 1000.0)).collect();
    if per_bn.is_empty() {
        return String::new();
    }
    let (lo, hi) = per_bn.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    format!("On these days Bitcoin moved between {} and {} per $1B of outflow. ", pct_signed(lo, 1), pct_signed(hi, 1))
}
