//! Cause 1's sentences in Simplified Chinese (issue 26): the lens charts'
//! captions, the verdict, the rate change and β's estimate, from the same
//! numbers as the English ([`super::Verdict`]), with the edition's terms.

use super::{pct1, share_pct, Size, Verdict};
use crate::format::zh::{month_day, moved, term};
use crate::format::{fmt_num, grouped};
use crate::model::rates::{self, Outcome};
use crate::scenario::{Actual, Estimate, Reading};

/// "11月6日的64.5%": a reference reading.
pub fn ref_label(r: Option<&Reading>) -> String {
    r.map(|r| format!("{}的{}%", month_day(r.date), fmt_num(r.pct))).unwrap_or_default()
}

/// An actual move as the captions list it ("−2.70%"), "（无数据）" without one.
fn actual(v: Option<f64>) -> String {
    v.map(pct1).unwrap_or_else(|| "（无数据）".into())
}

/// "12月降息概率为39.6%，11月6日为64.5%" and "11月6日至11月20日实际涨跌幅"
/// for a caption.
fn setting_and_span(cut_pct: f64, r: Option<&Reading>) -> (String, String) {
    let at = r.map(|r| format!("，{}为{}%", month_day(r.date), fmt_num(r.pct))).unwrap_or_default();
    let since = r.map(|r| format!("{}至11月20日", month_day(r.date))).unwrap_or_else(|| "参照日至11月20日".into());
    (format!("{}为{}%{at}", term::CUT_ODDS, fmt_num(cut_pct)), format!("{since}实际涨跌幅"))
}

/// The textbook chart's caption.
pub fn textbook_summary(o: &Outcome, cut_pct: f64, r: Option<&Reading>, a: &Actual) -> String {
    let (setting, span) = setting_and_span(cut_pct, r);
    format!(
        "{TEXTBOOK}（{TEXTBOOK_MODEL}；{setting}）：模型推算价值股{}，整体市场{}，成长股{}。{span}：{}{}，{}{}。",
        moved(o.value_pct),
        moved(o.broad_pct),
        moved(o.growth_pct),
        term::SPX_INDEX,
        actual(a.spx),
        term::NASDAQ,
        actual(a.nasdaq),
    )
}

/// The empirical chart's caption.
pub fn empirical_summary(o: &Outcome, cut_pct: f64, r: Option<&Reading>, a: &Actual) -> String {
    let (setting, span) = setting_and_span(cut_pct, r);
    format!(
        "{EMPIRICAL}（{EMPIRICAL_MODEL}；{setting}）：模型推算{}{}，{}{}，{}{}。{span}：{}{}，{}{}，{}{}。",
        term::SPX_INDEX,
        moved(o.spx_pct),
        term::NASDAQ,
        moved(o.nasdaq_pct),
        term::BITCOIN,
        moved(o.btc_pct),
        term::SPX_INDEX,
        actual(a.spx),
        term::NASDAQ,
        actual(a.nasdaq),
        term::BITCOIN,
        actual(a.btc),
    )
}

/// The two lenses' names (the English "lens" is not carried over: 视角
/// would be a word-for-word rendering).
pub const TEXTBOOK: &str = "理论测算";
pub const TEXTBOOK_MODEL: &str = "戈登增长模型";
pub const EMPIRICAL: &str = "实证测算";
pub const EMPIRICAL_MODEL: &str = "Bernanke–Kuttner×β";

/// "上升6.2个基点": the change in the expected December rate.
pub fn rate_change(o: &Outcome) -> String {
    let bp = o.dr_pp * 100.0;
    format!("{}{}个基点", if bp >= 0.0 { "上升" } else { "下降" }, grouped(bp.abs(), 1))
}

/// The share of the actual move a model move explains, as the table prints it.
pub fn share_text(model: f64, actual: Option<f64>) -> String {
    match actual.and_then(|a| rates::share_explained_pct(model, a)) {
        Some(s) if s < 0.0 => "方向相反".into(),
        Some(s) if s > 100.0 => format!("{}%（超过实际跌幅）", grouped(s, 0)),
        Some(s) => format!("{}%", grouped(s, 0)),
        None => "–".into(),
    }
}

/// The empirical lens's verdict on the rate channel (the English
/// [`super::punchline_lead`]'s findings).
pub fn punchline_lead(o: &Outcome, a: &Actual, r: Option<&Reading>, cut_pct: f64) -> String {
    let v = Verdict::of(o, a);
    let label = ref_label(r);
    let since = r.map(|r| format!("{}以来", month_day(r.date))).unwrap_or_else(|| "此后".into());
    if v.none() {
        return format!(
            "在当前设定下，{}与参照值（{label}）相同，因此利率渠道对{since}的涨跌没有解释力。",
            term::CUT_ODDS
        );
    }
    if v.bp < 0.0 {
        return format!(
            "在当前设定下，{}高于参照值（{label}），意味着政策利率预期下降{}个基点，理应推高资产价格，\
             因此利率渠道无法解释此后的下跌。",
            term::CUT_ODDS,
            grouped(-v.bp, 1)
        );
    }
    let part = |name: &str, s: Option<f64>| match Verdict::size(s) {
        Size::MoreThanAll => format!("{name}同期跌幅的{}（超过实际跌幅）", share_pct(s)),
        Size::Unknown => format!("{name}同期跌幅（无数据）"),
        _ => format!("{name}同期跌幅的约{}", share_pct(s)),
    };
    let emp = format!(
        "按实证测算，12月政策利率预期上升{}个基点（{}由{label}降至{}%），{}解释{}、{}。",
        grouped(v.bp, 1),
        term::CUT_ODDS,
        fmt_num(cut_pct),
        if Verdict::size(v.sp) == Size::Small { "仅能" } else { "可" },
        part(term::SPX_INDEX, v.sp),
        part(term::BITCOIN, v.btc),
    );
    let rest = if v.sp.is_none() {
        "参照读数并不早于11月20日，因此没有可供解释的涨跌。"
    } else if v.sp.is_some_and(|x| x < 60.0) {
        "其余大部分跌幅需从其他因素中寻找：贸易摩擦下资产相关性上升、市场流动性偏弱以及强平。"
    } else {
        "在这一设定下，仅利率渠道就足以解释标普500指数的跌幅，但当天实际的12月降息概率从未变动到这个程度。"
    };
    format!("{emp}{rest}")
}

/// How the textbook lens differs, when the expected rate rises.
pub fn textbook_note(o: &Outcome) -> Option<String> {
    (o.dr_pp * 100.0 >= 0.05).then(|| {
        format!(
            "理论测算得出的跌幅大得多（成长股{}），因为它假设长期贴现率与预期政策利率一比一同步变动，而现实中很少如此。",
            moved(o.growth_pct)
        )
    })
}

/// The verdict and, where it applies, the textbook note.
pub fn punchline(o: &Outcome, a: &Actual, r: Option<&Reading>, cut_pct: f64) -> String {
    let lead = punchline_lead(o, a, r, cut_pct);
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
            "β = ρ·σ_BTC/σ_S&P = {} × {} / {} = {}，基于{}至{}共{}个交易日的数据{}",
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
