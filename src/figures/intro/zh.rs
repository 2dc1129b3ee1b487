//! The lede's figures and the timeline's sentences in Simplified Chinese
//! (issue 26): the same data as the English, with the edition's numbers
//! (美元 after the price, 2025年9月2日) and terms.

use super::btc_bar;
use crate::data::days::DAY_AFTER;
use crate::data::ids::SeriesId;
use crate::data::DataFile;
use crate::format::zh::{date, month_day, price_usd, term};
use crate::format::{grouped, pct_abs, pct_signed};
use crate::model::returns::Stats;
use crate::model::series::Obs;
use crate::model::timeline::{self, Timeline};
use crate::scenario::{actual_moves, Estimate, DAY};

/// "收跌1.56%" / "收涨0.40%": a close, by its sign.
fn closed(mv: f64) -> String {
    format!("{}{}", if mv < 0.0 { "收跌" } else { "收涨" }, pct_abs(mv, 2))
}

/// The lede's sentence of the day's moves.
pub fn headline(m: &DataFile) -> String {
    let moves = actual_moves(m);
    let sp_close = m.obs(SeriesId::Sp500).unwrap_or_default().iter().find(|o| o.date == DAY).map(|o| o.value);
    let sp_line = moves
        .spx
        .zip(sp_close)
        .map(|(mv, close)| format!("{}{}，报{}点", term::SPX_INDEX, closed(mv), grouped(close, 2)));
    let nq_line = moves.nasdaq.map(|mv| format!("{}{}", term::NASDAQ, closed(mv)));
    let btc_line = btc_bar(m, DAY).map(|(_, _, low, _)| {
        let next =
            btc_bar(m, DAY_AFTER).map(|b| format!("，次日进一步下探至{}", price_usd(b.2, 0))).unwrap_or_default();
        format!("{}盘中一度跌至{}{next}（按UTC时间计，数据来自Binance）", term::BITCOIN, price_usd(low, 0))
    });
    let parts: Vec<String> = [sp_line, nq_line, btc_line].into_iter().flatten().collect();
    format!("{}。", parts.join("；"))
}

/// The one-sentence summary of the timeline.
pub fn summary(t: &Timeline, nasdaq: &[Obs]) -> String {
    let m = timeline::moves(t, nasdaq, DAY);
    let f = |v: Option<f64>| v.map(|x| pct_signed(x, 2)).unwrap_or_else(|| "（无数据）".into());
    format!(
        "{}至11月20日收盘，{}累计涨跌幅为{}，{}为{}。11月20日单日，{}涨跌幅为{}，{}为{}，{}为{}（按UTC时间计）。",
        date(t.base),
        term::SPX_INDEX,
        f(m.sp500_since_base),
        term::BITCOIN,
        f(m.btc_since_base),
        term::SPX_INDEX,
        f(m.sp500_day),
        term::NASDAQ,
        f(m.nasdaq_day),
        term::BITCOIN,
        f(m.btc_day),
    )
}

/// The sentence that reconciles the title ("fell together") with the first
/// chart, where the two diverged over three months (the English
/// [`super::reconcile`]'s findings). The correlation is measured before the
/// day, and said so.
pub fn reconcile(t: &Timeline, calm: Option<Stats>, crisis: Option<Estimate>) -> String {
    let m = timeline::moves(t, &[], DAY);
    let pct = |v: f64| pct_signed(v, 2);
    let (spx, btc_name) = (term::SPX_INDEX, term::BITCOIN);
    let months = match (m.sp500_since_base, m.btc_since_base) {
        (Some(sp), Some(btc)) if (sp < 0.0) != (btc < 0.0) => {
            format!("三个月来两者走势分化（{spx}{}，{btc_name}{}）；", pct(sp), pct(btc))
        }
        (Some(sp), Some(btc)) => {
            format!(
                "三个月来两者{}（{spx}{}，{btc_name}{}）；",
                if sp < 0.0 { "双双下跌" } else { "双双上涨" },
                pct(sp),
                pct(btc)
            )
        }
        _ => String::new(),
    };
    let day = match (m.sp500_day, m.btc_day) {
        (Some(sp), Some(btc)) if sp < 0.0 && btc < 0.0 => {
            format!("11月20日两者双双下跌（{spx}{}，{btc_name}{}）", pct(sp), pct(btc))
        }
        (Some(sp), Some(btc)) => format!("11月20日{spx}涨跌幅为{}，{btc_name}为{}", pct(sp), pct(btc)),
        _ => "11月20日".to_string(),
    };
    let link = match (calm, crisis) {
        (Some(c), Some(e)) => format!(
            "。事实上，此前两者日度走势已高度同步：日收益率{}由10月10日关税威胁前的{}{}至{}（截至{}的{}个交易日）。",
            term::CORRELATION,
            grouped(c.corr, 2),
            if e.stats.corr >= c.corr { "升" } else { "降" },
            grouped(e.stats.corr, 2),
            month_day(e.last),
            e.stats.n,
        ),
        _ => "。".to_string(),
    };
    format!("{months}{day}{link}")
}
