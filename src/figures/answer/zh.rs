//! The first-screen answer in Simplified Chinese (issue 26): the same
//! findings as the English sentences, from the same decomposition, written
//! as Chinese sentences (not English fragments joined up), with the
//! edition's numbers and terms (`format::zh`).

use super::super::synthesis::Times;
// The waterfall's names in Chinese live with the waterfall (synthesis::zh).
use super::super::synthesis::zh::fall_or_rise;
pub use super::super::synthesis::zh::{cause_label, rest_label, rest_words};
use super::{bars_named, hm_range, Bar, BitcoinStory, Names, RateStory, Share};
use crate::format::zh::{drag, month_day, points, points_signed, term};
use crate::format::{fmt_num, grouped, pct_abs, pct_signed};
use crate::model::date::Date;
use crate::scenario::decomposition::{Decomposition, Decompositions};
use crate::scenario::StocksDay;
use crate::state::Horizon;

/// The bars of one asset, named in Chinese (the same bars as
/// [`super::bars`]).
pub fn bars(dec: &Decomposition) -> Vec<Bar> {
    bars_named(dec, Names { cause: cause_label, through_stocks: term::THROUGH_STOCKS, rest: rest_label })
}

/// The horizon in words: "11月20日", "11月6日至20日".
pub fn horizon_short(h: Horizon) -> &'static str {
    match h {
        Horizon::Day => "11月20日",
        Horizon::TwoWeeks => "11月6日至20日",
    }
}

/// "下跌1.56%", "上涨0.40%" (the edition's one way of saying a move).
pub use crate::format::zh::moved;

/// β in plain words, against stocks: "约为股市的两倍".
pub fn times_words(beta: f64) -> String {
    let t = Times::of(beta);
    match (t, t.number()) {
        (Times::AsMuch, _) => "与股市大致相当".into(),
        (Times::Twice, _) => "约为股市的两倍".into(),
        (_, n) => format!("约为股市的{}倍", n.unwrap_or_default()),
    }
}

/// The stocks' day: the path from the open, then technology's share.
fn stocks_day(d: &Decompositions, day: Option<&StocksDay>) -> String {
    let s = &d.spx;
    let gap = day.and_then(|x| x.gap_open_pct.as_ref()).map(|q| q.value);
    let path = match (gap, day.and_then(StocksDay::turn_range)) {
        (Some(g), Some(turn)) if g > 0.0 && s.actual < 0.0 => format!(
            "利好当前，股市不涨反跌：{}公布强劲业绩后，{}高开{}，{}{}前后掉头向下，收盘下跌{}。",
            term::NVIDIA,
            term::SPX_INDEX,
            pct_abs(g, 1),
            term::ET,
            hm_range(turn, "至"),
            pct_abs(s.actual, 2)
        ),
        _ => format!("11月20日，{}{}。", term::SPX_INDEX, moved(s.actual)),
    };
    // As in English: tech's whole part and the bar's part are both named.
    let tech = d.tech.as_ref().map(|t| {
        let share = t.central.contribution_pct / s.actual;
        let weight =
            if (0.3..0.37).contains(&t.weight) { "三分之一".to_string() } else { pct_abs(t.weight * 100.0, 0) };
        let c = t.central.contribution_pct;
        // The gap and tech's part as magnitudes, each with its verb.
        let e = t.central.excess_pct;
        format!(
            "科技股约占指数权重{weight}，{}{}，其余成分股同期{}；两者之差按权重折算，使指数多{}{}，即“{}”一项。\
             指数{}的{}中，科技股{}{}{}。",
            if t.tech_pct < 0.0 { "下跌" } else { "上涨" },
            pct_abs(t.tech_pct, 1),
            moved(t.central.broad_pct),
            if e < 0.0 { "跌" } else { "涨" },
            points(e.abs(), 2),
            term::AI_TECH,
            pct_abs(s.actual, 2),
            fall_or_rise(s.actual),
            if c < 0.0 { "拖累" } else { "拉动" },
            points(c.abs(), 2),
            if share > 0.5 { "，占了大头" } else { "" },
        )
    });
    format!("{path}{}", tech.unwrap_or_default())
}

/// Bitcoin's move: β in plain words, what came through stocks, crypto's
/// own causes, and what is left (the English sentence's findings). Each
/// part of the move is a magnitude with its verb: 拖累 for a part with the
/// fall's sign, 提振 for one against it (never a minus inside 跌幅中).
fn bitcoin(d: &Decompositions) -> String {
    let st = BitcoinStory::of(d);
    let b = st.dec;
    let causes = if st.selling {
        format!("{}和{}", term::ETF_SELLING, term::LIQUIDATION)
    } else {
        term::LIQUIDATION.to_string()
    };
    let same = |v: f64| v * b.actual >= 0.0;
    let share = if same(st.via) {
        format!(
            "因此在其{}的{}中，{}经由股市传导而来{}",
            pct_abs(b.actual, 2),
            fall_or_rise(b.actual),
            points(st.via.abs(), 2),
            if st.mostly_via { "，占了大头" } else { "" }
        )
    } else {
        format!("但经由股市传导的部分反而{}（比特币实际{}）", drag(st.via), moved(b.actual))
    };
    let beta_words = match Times::of(st.beta).number() {
        Some(n) => n,
        None => crate::format::trim(st.beta, 1),
    };
    format!(
        "{}涨跌幅{}（{}为{}，即股市每变动1%，{}约同向变动{beta_words}%），{share}；{causes}{}{}，{}。",
        term::BITCOIN,
        times_words(st.beta),
        term::BETA,
        grouped(st.beta, 2),
        term::BITCOIN,
        if st.own * st.via >= 0.0 { "又" } else { "则" },
        drag(st.own),
        rest_words(b),
    )
}

/// The rate story for the horizon shown; a cut probability set off the
/// day's reading is named as the reader's (the English sentence's findings).
fn rates(d: &Decompositions, cut_pct: f64) -> String {
    let RateStory { horizon, yours, r, actual, from, day, cut, rose, size } = RateStory::of(d, cut_pct);
    // "上涨0.60个百分点": the reader's what-if, as a part of the move.
    let effect =
        || if r >= 0.0 { format!("上涨{}", points(r.abs(), 2)) } else { format!("下跌{}", points(r.abs(), 2)) };
    let (odds, spx) = (term::CUT_ODDS, term::SPX_INDEX);
    let nov6 = month_day(Date::ymd(2025, 11, 6));
    let nov20 = month_day(Date::ymd(2025, 11, 20));
    match (horizon, yours) {
        (Horizon::Day, false) => format!(
            "当天{}由{from}%{}至{day}%，利率模型显示，{}；利率的影响主要集中在截至当天的两周内。",
            term::CUT_ODDS_FIRST,
            if rose { "升" } else { "降" },
            if r >= 0.0 {
                format!("这对股市略有提振（{}）", points_signed(r, 2))
            } else {
                format!("这使股市{}", effect())
            },
        ),
        (Horizon::Day, true) => {
            format!("若将{odds}设为{cut}%（当天实际为{day}%，此前为{from}%），利率模型显示股市当天将因此{}。", effect())
        }
        (Horizon::TwoWeeks, false) => format!(
            "{}从{nov6}的{from}%降至{day}%；在{spx}同期{}的{}中，{}。",
            term::CUT_ODDS_FIRST,
            pct_abs(actual, 2),
            fall_or_rise(actual),
            match size {
                Share::Nothing => "利率模型测算的利率因素影响为零".to_string(),
                // A rate part against the move is no share of it.
                _ if r * actual < 0.0 => format!("利率模型测算的利率因素反而{}", drag(r)),
                Share::Small => format!("利率模型测算的利率因素{}，仅占一小部分", drag(r)),
                Share::Large => format!("利率模型测算的利率因素{}，占了一大部分", drag(r)),
            }
        ),
        (Horizon::TwoWeeks, true) => format!(
            "若将{odds}设为{cut}%（{nov6}为{from}%，{nov20}为{day}%），利率模型显示这两周{}{}。",
            if size == Share::Nothing {
                "对股市没有影响".to_string()
            } else {
                format!("股市将因此{}", effect())
            },
            if r < 0.0 { format!("（{spx}同期实际{}）", moved(actual)) } else { String::new() },
        ),
    }
}

/// The finding in Chinese, one short paragraph per idea, in the English
/// page's reading order for the horizon ([`super::headline_parts`]).
pub fn headline_parts(d: &Decompositions, day: Option<&StocksDay>, cut_pct: f64) -> Vec<String> {
    match d.btc.horizon {
        Horizon::Day => vec![stocks_day(d, day), bitcoin(d), rates(d, cut_pct)],
        Horizon::TwoWeeks => vec![
            format!(
                "在截至11月20日的两周内（{}），{}{}，{}{}。板块数据仅覆盖11月20日当天，因此这里不单独拆分“{}”。",
                horizon_short(Horizon::TwoWeeks),
                term::SPX_INDEX,
                moved(d.spx.actual),
                term::BITCOIN,
                moved(d.btc.actual),
                term::AI_TECH,
            ),
            rates(d, cut_pct),
            bitcoin(d),
        ],
    }
}

/// [`headline_parts`] as one text (Chinese paragraphs join without spaces).
pub fn headline(d: &Decompositions, day: Option<&StocksDay>, cut_pct: f64) -> String {
    headline_parts(d, day, cut_pct).concat()
}

/// The live result's lead and the separator between its parts.
pub const LIVE_LABEL: &str = "模型：";
pub const LIVE_SEP: &str = "；";

/// The live result's two parts: "比特币 −3.60%（实际 −5.30%）".
pub fn live_parts(d: &Decompositions) -> [String; 2] {
    [
        format!("{} {}（实际 {}）", term::BITCOIN, pct_signed(d.btc.modelled().0, 2), pct_signed(d.btc.actual, 2)),
        format!("{} {}（实际 {}）", term::SPX, pct_signed(d.spx.modelled().0, 2), pct_signed(d.spx.actual, 2)),
    ]
}

/// The live result: "模型：比特币 −3.60%（实际 −5.30%）；标普500 −0.53%（实际 −1.56%）".
pub fn live_result(d: &Decompositions) -> String {
    let [btc, spx] = live_parts(d);
    format!("{LIVE_LABEL}{btc}{LIVE_SEP}{spx}")
}

/// The leverage slider's consequence: "在10倍杠杆下，下跌9.64%就会使杠杆多头被强平。"
pub fn leverage_consequence(lev_x: f64, maintenance: f64) -> String {
    let fall = -crate::model::leverage::long_liq_move_pct(lev_x, maintenance);
    format!(
        "在{}倍{}下，下跌{}就会使杠杆多头被{}。",
        fmt_num(lev_x),
        term::LEVERAGE,
        pct_abs(-fall, 2),
        term::LIQUIDATION
    )
}
