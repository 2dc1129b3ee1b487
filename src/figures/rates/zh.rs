//! Cause 1's sentences in Simplified Chinese (issue 26): the lens charts'
//! captions, the verdict, the rate change and β's estimate, from the same
//! numbers as the English ([`super::Verdict`]), with the edition's terms.

use super::{pct1, share_pct, Size, Verdict};
use crate::format::zh::{month_day, term};
use crate::format::{fmt_num, grouped};
use crate::model::rates::{self, Outcome};
use crate::scenario::{Actual, Estimate, Reading};

/// "11月6日的64.5%": a reference reading.
pub fn ref_label(r: Option<&Reading>) -> String {
    r.map(|r| format!("{}的{}%", month_day(r.date), fmt_num(r.pct))).unwrap_or_default()
}

fn actual(v: Option<f64>) -> String {
    v.map(pct1).unwrap_or_else(|| "–".into())
}

/// The textbook chart's caption.
pub fn textbook_summary(o: &Outcome, cut_pct: f64, ref_label: &str, a: &Actual) -> String {
    format!(
        "教科书视角（{}为{}%，对照{ref_label}）：价值型{}，大盘{}，成长型{}。自参照日至11月20日的实际涨跌幅：{}{}，\
         纳斯达克指数{}。",
        term::CUT_ODDS,
        fmt_num(cut_pct),
        pct1(o.value_pct),
        pct1(o.broad_pct),
        pct1(o.growth_pct),
        term::SPX_INDEX,
        actual(a.spx),
        actual(a.nasdaq),
    )
}

/// The empirical chart's caption.
pub fn empirical_summary(o: &Outcome, cut_pct: f64, ref_label: &str, a: &Actual) -> String {
    format!(
        "实证视角（{}为{}%，对照{ref_label}）：{}{}，纳斯达克指数{}，{}{}。自参照日至11月20日的实际涨跌幅：{}{}，\
         纳斯达克指数{}，{}{}。",
        term::CUT_ODDS,
        fmt_num(cut_pct),
        term::SPX_INDEX,
        pct1(o.spx_pct),
        pct1(o.nasdaq_pct),
        term::BITCOIN,
        pct1(o.btc_pct),
        term::SPX_INDEX,
        actual(a.spx),
        actual(a.nasdaq),
        term::BITCOIN,
        actual(a.btc),
    )
}

/// "上升6.2个基点": the change in the expected December rate.
pub fn rate_change(o: &Outcome) -> String {
    let bp = o.dr_pp * 100.0;
    format!("{}{}个基点", if bp >= 0.0 { "上升" } else { "下降" }, grouped(bp.abs(), 1))
}

/// The share of the actual move a model move explains, as the table prints it.
pub fn share_text(model: f64, actual: Option<f64>) -> String {
    match actual.and_then(|a| rates::share_explained_pct(model, a)) {
        Some(s) if s < 0.0 => "方向相反".into(),
        Some(s) if s > 100.0 => format!("{}%（超过全部）", grouped(s, 0)),
        Some(s) => format!("{}%", grouped(s, 0)),
        None => "–".into(),
    }
}

/// The empirical lens's verdict on the rate channel (the English
/// [`super::punchline_lead`]'s findings).
pub fn punchline_lead(o: &Outcome, a: &Actual, ref_label: &str, cut_pct: f64) -> String {
    let v = Verdict::of(o, a);
    if v.none() {
        return format!("在当前设定下，降息概率与参照值（{ref_label}）相同，因此利率渠道解释不了此后的任何涨跌。");
    }
    if v.bp < 0.0 {
        return format!(
            "在当前设定下，降息概率高于参照值（{ref_label}）：预期利率将下降{}个基点，这会推高价格，因此利率渠道无法解释此后的下跌。",
            grouped(-v.bp, 1)
        );
    }
    let size = |s: Option<f64>| match Verdict::size(s) {
        Size::Small => "一小部分",
        Size::Sizeable => "相当一部分",
        Size::Most => "大部分",
        Size::MoreThanAll => "比全部还多",
        Size::Unknown => "未知的一部分",
    };
    let emp = format!(
        "按实证视角，12月预期利率上升{}个基点（降息概率由{ref_label}降至{}%），可解释{}自该日至11月20日跌幅的{}（{}），\
         以及{}跌幅的{}（{}）。",
        grouped(v.bp, 1),
        fmt_num(cut_pct),
        term::SPX_INDEX,
        size(v.sp),
        share_pct(v.sp),
        term::BITCOIN,
        size(v.btc),
        share_pct(v.btc),
    );
    let rest = if v.sp.is_none() {
        "参照读数并不早于11月20日，因此没有可供解释的涨跌。"
    } else if v.sp.is_some_and(|x| x < 60.0) {
        "其余大部分跌幅须由其他原因解释：贸易战下的相关性、偏薄的流动性和强平。"
    } else {
        "在这一设定下，仅利率渠道就足以解释标普500指数的跌幅，但当天实际的降息概率从未变动到这个程度。"
    };
    format!("{emp}{rest}")
}

/// How the textbook lens differs, when the expected rate rises.
pub fn textbook_note(o: &Outcome) -> Option<String> {
    (o.dr_pp * 100.0 >= 0.05).then(|| {
        format!(
            "教科书视角给出的数字大得多（成长型为{}），因为它假设长期贴现率与预期政策利率一比一同步变动，而现实中很少如此。",
            pct1(o.growth_pct)
        )
    })
}

/// The verdict and, where it applies, the textbook note.
pub fn punchline(o: &Outcome, a: &Actual, ref_label: &str, cut_pct: f64) -> String {
    let lead = punchline_lead(o, a, ref_label, cut_pct);
    match textbook_note(o) {
        Some(note) => format!("{lead}{note}"),
        None => lead,
    }
}

/// How β was estimated, for "How is this computed?".
pub fn beta_text(e: Option<Estimate>) -> String {
    e.map(|e| {
        let s = e.stats;
        format!(
            "β = ρ·σ_BTC/σ_S&P = {} × {} / {} = {}，基于{}至{}的{}个交易日{}",
            grouped(s.corr, 2),
            grouped(s.sd_btc * 100.0, 2),
            grouped(s.sd_spx * 100.0, 2),
            grouped(s.beta, 2),
            month_day(e.first),
            month_day(e.last),
            s.n,
            if e.is_short() {
                format!("（{}日窗口所需的天数多于11月20日之前的可用天数）", e.requested)
            } else {
                String::new()
            }
        )
    })
    .unwrap_or_else(|| "数据不足，取1".into())
}
