//! The synthesis's plain sentences in Simplified Chinese (issue 26): one per
//! cause, from the same decomposition as [`super::cause_sentences`], with
//! the edition's numbers and terms (`format::zh`). A part of a move is in
//! percentage points (个百分点), an asset's own move in %.

use super::value;
use crate::format::zh::{month_day, points, points_signed, term, usd_millions_sig2};
use crate::format::{fmt_num, grouped, pct_signed};
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

/// The synthesis in plain Chinese sentences, one per cause, in the source
/// text's order of causes, then what is left (the English page's order).
pub fn cause_sentences(d: &Decompositions, cut_pct: f64) -> Vec<String> {
    let (b, s) = (&d.btc, &d.spx);
    let day = b.horizon == Horizon::Day;
    let reading_date = month_day(d.reading.date);
    let (rates, btc_rates) = (value(s, Cause::Rates), value(b, Cause::Rates));
    let day_reading = crate::state::CUT.default;
    let yours = (cut_pct - day_reading).abs() > 0.05;
    let (from, to) = (fmt_num(d.reading.pct), fmt_num(day_reading));
    let mut out = vec![if yours {
        format!(
            "{}：若将{}设为{}%（{reading_date}为{from}%），利率模型显示股市将因此{}，{}{}。",
            term::RATES,
            term::CUT_ODDS,
            fmt_num(cut_pct),
            move_points(rates),
            term::BITCOIN,
            move_points(btc_rates),
        )
    } else {
        format!(
            "{}：{}从{reading_date}的{from}%{}至{to}%，利率模型显示，股市因此{}，{}{}。",
            term::RATES,
            term::CUT_ODDS_FIRST,
            if day_reading >= d.reading.pct { "升" } else { "降" },
            move_points(rates),
            term::BITCOIN,
            move_points(btc_rates),
        )
    }];
    let via = b.via_stocks().map_or(0.0, |v| v.0);
    out.push(format!(
        "加密资产与股市联动：{}为{}，股市涨跌传导至{}的部分为{}，占其{}涨跌的{}。",
        term::BETA,
        grouped(d.beta.stats.beta, 2),
        term::BITCOIN,
        points_signed(via, 2),
        pct_signed(b.actual, 2),
        if via / b.actual > 0.5 { "大部分" } else { "一部分" },
    ));
    out.push(match (&d.tech, s.part(Cause::Tech)) {
        (Some(t), Some(p)) => format!(
            "AI估值：{}公布业绩后科技股反转，在大盘普跌之外使{}多{}{}（指数当天{}）{}。",
            term::NVIDIA,
            term::SPX_INDEX,
            if p.value < 0.0 { "跌" } else { "涨" },
            points(p.value.abs(), 2),
            pct_signed(s.actual, 2),
            t.nvidia
                .map(|(lo, hi)| format!(
                    "，其中{}单只股票贡献{}至{}",
                    term::NVIDIA,
                    grouped(lo, 2),
                    points_signed(hi, 2)
                ))
                .unwrap_or_default(),
        ),
        _ => format!("AI估值：板块数据仅覆盖11月20日当天，因此两周内不单独拆分“{}”。", term::AI_TECH),
    });
    out.push(match b.part(Cause::Selling) {
        Some(p) => {
            format!("流动性偏薄：当天{}资金净流出，使{}{}。", term::SPOT_ETF, term::BITCOIN, move_points(p.value))
        }
        None => format!("流动性偏薄：两周内没有完整的逐日资金流数据，因此不对{}建模。", term::ETF_SELLING),
    });
    out.push(format!(
        "{}：在假设的杠杆和未平仓合约规模下，模型估算11月20日约有{}的多头被{}，对{}的贡献为{}，对股市为{}。",
        term::LIQUIDATION,
        usd_millions_sig2(d.cascade.liquidated / 1e6),
        term::LIQUIDATION,
        term::BITCOIN,
        points_signed(value(b, Cause::Cascade), 2),
        points_signed(value(s, Cause::Contagion), 2),
    ));
    let left = |dec: &Decomposition| {
        if dec.overshoots() {
            format!("无（各项合计多出{}，模型高估）", points(dec.not_explained().0.abs(), 2))
        } else {
            points_signed(dec.not_explained().0, 2)
        }
    };
    out.push(format!(
        "{}（{}）：{}{}，{}{}。",
        term::NOT_EXPLAINED,
        if day { "当天" } else { "两周内" },
        term::BITCOIN,
        left(b),
        term::SPX_INDEX,
        left(s),
    ));
    out
}
