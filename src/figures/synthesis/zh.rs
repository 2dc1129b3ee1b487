//! The synthesis's plain sentences in Simplified Chinese (issue 26): one per
//! cause, from the same decomposition as [`super::cause_sentences`], with
//! the edition's numbers and terms (`format::zh`). A part of a move is in
//! percentage points (个百分点), an asset's own move in %.

use super::value;
use crate::format::zh::{month_day, moved, points, term, usd_millions_sig2};
use crate::format::{fmt_num, grouped, pct_abs, pct_signed};
use crate::scenario::decomposition::{Cause, Decomposition, Decompositions};
use crate::state::Horizon;

/// "上涨0.10个百分点" / "下跌0.25个百分点": a part, as a move.
fn move_points(v: f64) -> String {
    if v >= 0.0 {
        format!("上涨{}", points(v.abs(), 2))
    } else {
        format!("下跌{}", points(v.abs(), 2))
    }
}

/// "跌幅" / "涨幅": the word for an asset's move, by its sign.
pub fn fall_or_rise(actual: f64) -> &'static str {
    if actual < 0.0 {
        "跌幅"
    } else {
        "涨幅"
    }
}

/// "推升…" / "压低…": a rate part, as what it did to the index.
fn push(v: f64, what: &str) -> String {
    if v >= 0.0 {
        format!("推升{what}{}", points(v.abs(), 2))
    } else {
        format!("压低{what}{}", points(v.abs(), 2))
    }
}

/// The synthesis in plain Chinese sentences, one per cause, in the source
/// text's order of causes, then what is left (the English page's order).
/// Each is led by its bar's name in the glossary (利率因素, 经由股市传导,
/// AI/科技股反转, ETF资金流出, 强平, 模型未解释), as on the waterfall (a
/// native reader's pass); the index is always 标普500指数; a what-if is said
/// as one; a part of a move is a magnitude with its verb (拖累, 下跌, 提振…).
pub fn cause_sentences(d: &Decompositions, cut_pct: f64) -> Vec<String> {
    let (b, s) = (&d.btc, &d.spx);
    let day = b.horizon == Horizon::Day;
    let reading_date = month_day(d.reading.date);
    let (rates, btc_rates) = (value(s, Cause::Rates), value(b, Cause::Rates));
    let day_reading = crate::state::CUT.default;
    let yours = (cut_pct - day_reading).abs() > 0.05;
    let (from, to) = (fmt_num(d.reading.pct), fmt_num(day_reading));
    let spx = term::SPX_INDEX;
    // Bitcoin's rate part comes through stocks: it is inside the next
    // sentence's figure, and said so (it is not added twice).
    let mut out = vec![if yours {
        format!(
            "{}：假设{}为{}%（{reading_date}实际为{from}%），利率模型显示，{spx}将因此{}，比特币经由股市传导{}。",
            term::RATES,
            term::CUT_ODDS_FIRST,
            fmt_num(cut_pct),
            move_points(rates),
            move_points(btc_rates),
        )
    } else {
        format!(
            "{}：{}从{reading_date}的{from}%{}至{to}%，利率模型显示，这一变化{}，并经由股市传导{}。",
            term::RATES,
            term::CUT_ODDS_FIRST,
            if day_reading >= d.reading.pct { "升" } else { "降" },
            push(rates, spx),
            push(btc_rates, term::BITCOIN),
        )
    }];
    let via = b.via_stocks().map_or(0.0, |v| v.0);
    let share = via / b.actual;
    let when = if day { "当天" } else { "同期" };
    let of_move = if share < 0.0 {
        format!("，与比特币{when}的实际涨跌（{}）方向相反", pct_signed(b.actual, 2))
    } else {
        format!(
            "，占比特币{when}{}{}的{}",
            pct_abs(b.actual, 2),
            fall_or_rise(b.actual),
            if share > 0.5 {
                "大部分"
            } else if share > 0.4 {
                "近一半"
            } else {
                "一部分"
            }
        )
    };
    out.push(format!(
        "{}：{}为{}（{spx}每涨跌1%，比特币约涨跌{}%），{spx}的涨跌传导至比特币，使其{}（含上述利率影响）{of_move}。",
        term::THROUGH_STOCKS,
        term::BETA,
        grouped(d.beta.stats.beta, 2),
        grouped(d.beta.stats.beta, 2),
        move_points(via),
    ));
    out.push(match (&d.tech, s.part(Cause::Tech)) {
        (Some(t), Some(p)) => format!(
            "{}：{}公布业绩后科技股反转，在大盘普跌之外使{spx}多{}{}（指数当天{}）{}。",
            term::AI_TECH,
            term::NVIDIA,
            if p.value < 0.0 { "跌" } else { "涨" },
            points(p.value.abs(), 2),
            moved(s.actual),
            t.nvidia.map(nvidia_alone).unwrap_or_default(),
        ),
        _ => format!("{}：板块数据仅覆盖11月20日当天，因此两周区间不单独拆分此项。", term::AI_TECH),
    });
    out.push(match b.part(Cause::Selling) {
        Some(p) => {
            format!("{}：当天{}资金净流出，使比特币{}。", term::ETF_SELLING, term::SPOT_ETF, move_points(p.value))
        }
        None => format!("{}：缺少两周完整的逐日ETF资金流数据，因此两周区间未对此项建模。", term::ETF_SELLING),
    });
    out.push(format!(
        "{}：若按所设杠杆与未平仓合约规模，模型估算11月20日约有{}多头仓位遭{}，使比特币{}、{spx}{}。",
        term::LIQUIDATION,
        usd_millions_sig2(d.cascade.liquidated / 1e6),
        term::LIQUIDATION,
        move_points(value(b, Cause::Cascade)),
        move_points(value(s, Cause::Contagion)),
    ));
    let left = |dec: &Decomposition| {
        if dec.overshoots() {
            format!(
                "无未解释部分（各项合计超出实际{}{}，即模型高估）",
                if dec.actual < 0.0 { "跌幅" } else { "涨幅" },
                points(dec.not_explained().0.abs(), 2)
            )
        } else {
            // Not an overshoot: what is left has the move's sign (or is nil).
            let ne = dec.not_explained().0.abs();
            if grouped(ne, 2) == "0.00" {
                "无未解释部分".to_string()
            } else {
                format!("{}中的{}", fall_or_rise(dec.actual), points(ne, 2))
            }
        }
    };
    out.push(format!(
        "{}（{}{}）：比特币{}，{spx}{}。",
        term::NOT_EXPLAINED,
        if day { "当天" } else { "两周合计" },
        if yours { "，按假设情形" } else { "" },
        left(b),
        left(s),
    ));
    out
}

/// Nvidia's own part of the index's move, its range as magnitudes:
/// "，其中仅英伟达一只股票就拖累0.23至0.25个百分点".
fn nvidia_alone((lo, hi): (f64, f64)) -> String {
    let (a, b) = (lo.abs().min(hi.abs()), lo.abs().max(hi.abs()));
    let range =
        if grouped(a, 2) == grouped(b, 2) { points(a, 2) } else { format!("{}至{}", grouped(a, 2), points(b, 2)) };
    if hi <= 0.0 {
        format!("，其中仅{}一只股票就拖累{range}", term::NVIDIA)
    } else if lo >= 0.0 {
        format!("，其中仅{}一只股票就提振{range}", term::NVIDIA)
    } else {
        format!("，其中{}一只股票的影响在{}至{}之间", term::NVIDIA, pct_signed(lo, 2), pct_signed(hi, 2))
    }
}

/// A part with its range: "−3.19%（−4.00%至−2.51%）"; a range narrower than
/// the last digit shown is no range (as [`super::with_range`]).
pub fn with_range(value: f64, lo: f64, hi: f64) -> String {
    if (hi - lo).abs() < 0.02 {
        pct_signed(value, 2)
    } else {
        format!("{}（{}至{}）", pct_signed(value, 2), pct_signed(lo, 2), pct_signed(hi, 2))
    }
}

/// The horizon the bars explain: "当天（11月19日收盘至20日收盘）".
pub fn horizon_span(h: Horizon) -> &'static str {
    match h {
        Horizon::Day => "当天（11月19日收盘至20日收盘）",
        Horizon::TwoWeeks => "截至当天的两周（11月6日收盘至20日收盘）",
    }
}

/// The S&P 500's waterfall in one sentence: what is measured, what the
/// models give, what is left (the English [`super::sentence_spx`]).
pub fn sentence_spx(d: &Decompositions) -> String {
    let tech = match &d.tech {
        Some(t) => format!(
            "科技股为实测值（按{}的权重，占指数{}%；当天{}{}）",
            month_day(t.weight_date),
            grouped(t.weight * 100.0, 1),
            pct_signed(t.tech_pct, 2),
            t.tech_other_pct.map(|o| format!("，另一来源为{}", pct_signed(o, 2))).unwrap_or_default(),
        ),
        None => "科技股未单独拆分（板块数据仅覆盖11月20日当天）".to_string(),
    };
    format!("{tech}；{}与{}为模型估算；{}。", term::RATES, term::CONTAGION, rest_words(&d.spx))
}

/// A part's name on its bar and in the table.
pub fn cause_label(c: Cause) -> &'static str {
    match c {
        Cause::Tech => term::AI_TECH,
        Cause::Rates => term::RATES,
        Cause::Contagion => term::CONTAGION,
        Cause::StockRest => "股市其余涨跌",
        Cause::Selling => term::ETF_SELLING,
        Cause::Cascade => term::LIQUIDATION,
    }
}

/// The last bar's name: what is not explained, or the overshoot.
pub fn rest_label(dec: &Decomposition) -> &'static str {
    if dec.overshoots() {
        term::OVERSHOOT
    } else {
        term::NOT_EXPLAINED
    }
}

/// The rest in words, as a magnitude (it has the move's sign unless the
/// models overshoot): "另有1.71个百分点模型未解释", "各项合计比实际跌幅多出0.28个百分点（模型高估）".
pub fn rest_words(dec: &Decomposition) -> String {
    let ne = dec.not_explained().0;
    if dec.overshoots() {
        format!(
            "各项合计比实际{}多出{}（模型高估）",
            if dec.actual < 0.0 { "跌幅" } else { "涨幅" },
            points(ne.abs(), 2)
        )
    } else {
        format!("另有{}{}", points(ne.abs(), 2), term::NOT_EXPLAINED)
    }
}

#[cfg(test)]
mod tests {
    use super::{horizon_span, with_range};
    use crate::state::Horizon;

    #[test]
    fn a_part_with_its_range() {
        assert_eq!(with_range(-3.19, -4.0, -2.51), "−3.19%（−4.00%至−2.51%）");
        assert_eq!(with_range(-3.19, -3.19, -3.185), "−3.19%");
        assert!(horizon_span(Horizon::TwoWeeks).starts_with("截至当天的两周（"));
    }
}
