//! Numbers, dates and the fixed terms of the Simplified Chinese edition
//! (issue 26), as Chinese financial writing sets them:
//! - dates: 2025年11月20日, and 11月20日 where the year is plain;
//! - amounts in 万 / 亿 / 万亿 of the currency: "$120B" → "1,200亿美元",
//!   "$1.5 trillion" → "1.5万亿美元", "$903M" → "9.03亿美元";
//! - prices with the currency after the number: "86,100美元";
//! - percentages and signed numbers with a true minus sign, as on the
//!   English page ("−1.56%", "+0.10%").
//!
//! Like the English formatting, nothing here prints "NaN" or "inf": a
//! non-finite value becomes an en dash.

use super::{grouped, trim};
use crate::model::date::Date;

/// The terms every Chinese page, chart and test uses, one word per idea
/// (a Chinese financial journalist's usage). Tickers, source names and
/// URLs stay in Latin script.
pub mod term {
    /// The index: Chinese financial writing says 标普500, always so here.
    pub const SPX: &str = "标普500";
    pub const SPX_INDEX: &str = "标普500指数";
    pub const NASDAQ: &str = "纳斯达克综合指数";
    pub const BITCOIN: &str = "比特币";
    pub const NVIDIA: &str = "英伟达";
    pub const FED: &str = "美联储";
    /// The December rate-cut probability (CME FedWatch's reading: market
    /// pricing, not the Fed's own figure; [`CUT_ODDS_FIRST`] at first use).
    pub const CUT_ODDS: &str = "12月降息概率";
    pub const CUT_ODDS_FIRST: &str = "市场预期的美联储12月降息概率";
    pub const LEVERAGE: &str = "杠杆";
    /// Forced liquidation of a leveraged position (爆仓 is the trader's
    /// word for the same; the page uses 强平 throughout).
    pub const LIQUIDATION: &str = "强平";
    pub const CORRELATION: &str = "相关性";
    pub const LIQUIDITY: &str = "流动性";
    pub const DEPTH: &str = "市场深度";
    pub const SPOT_ETF: &str = "比特币现货ETF";
    /// Money leaving the spot ETFs (the Chinese press speaks of flows: 抛售
    /// would say the funds chose to dump).
    pub const ETF_SELLING: &str = "ETF资金流出";
    pub const AI_TECH: &str = "AI/科技股反转";
    pub const RATES: &str = "利率因素";
    pub const CONTAGION: &str = "跨市场传染";
    pub const THROUGH_STOCKS: &str = "经由股市传导";
    /// What the models do not explain (无法解释 would read "inexplicable").
    pub const NOT_EXPLAINED: &str = "模型未解释";
    /// The models' parts add to more than the move (with its object: 模型高估
    /// alone reads as an overvaluation).
    pub const OVERSHOOT: &str = "模型高估部分";
    pub const ACTUAL: &str = "实际涨跌";
    /// US Eastern time, before a clock time: "美东时间10:30".
    pub const ET: &str = "美东时间";
    /// A model's output, as labelled on the page.
    pub const MODEL_OUTPUT: &str = "模型输出";
    /// Beta: Bitcoin's move per 1% on stocks.
    pub const BETA: &str = "β系数";
}

/// The glossary as pairs (English term, Chinese term), for the page's
/// glossary and for the tests that hold every page to one word per idea.
pub const GLOSSARY: &[(&str, &str)] = &[
    ("S&P 500", term::SPX),
    ("Nasdaq Composite", term::NASDAQ),
    ("Bitcoin", term::BITCOIN),
    ("Nvidia", term::NVIDIA),
    ("the Fed", term::FED),
    ("December rate-cut probability", term::CUT_ODDS),
    ("leverage", term::LEVERAGE),
    ("forced liquidation", term::LIQUIDATION),
    ("correlation", term::CORRELATION),
    ("liquidity", term::LIQUIDITY),
    ("market depth", term::DEPTH),
    ("spot Bitcoin ETF", term::SPOT_ETF),
    ("ETF selling", term::ETF_SELLING),
    ("AI/tech reversal", term::AI_TECH),
    ("rates", term::RATES),
    ("contagion", term::CONTAGION),
    ("through stocks", term::THROUGH_STOCKS),
    ("not explained", term::NOT_EXPLAINED),
    ("overshoot", term::OVERSHOOT),
    ("actual", term::ACTUAL),
    ("ET (US Eastern time)", term::ET),
    ("model output", term::MODEL_OUTPUT),
    ("beta (β)", term::BETA),
];

/// "2025年11月20日".
pub fn date(d: Date) -> String {
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

/// "11月20日": a day of the one year the page is about.
pub fn month_day(d: Date) -> String {
    format!("{}月{}日", d.month, d.day)
}

/// "2025年11月20日" for `2025-11-20`; other text is returned as it is.
pub fn long_date(text: &str) -> String {
    Date::parse(text).map(date).unwrap_or_else(|| text.to_string())
}

/// An amount in US dollars in 万 / 亿 / 万亿: at least 1万亿 as 万亿 with up
/// to two decimals ("1.5万亿美元"), at least 1亿 as 亿 with up to two
/// decimals and thousands separators ("1,200亿美元", "9.03亿美元"), at least
/// 1万 as 万 ("52.3万美元"), else in dollars ("8,600美元"); the sign is a
/// true minus.
pub fn usd(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let (sign, a) = if v < 0.0 { ("−", -v) } else { ("", v) };
    let (n, unit) = if a >= 1e12 {
        (a / 1e12, "万亿")
    } else if a >= 1e8 {
        (a / 1e8, "亿")
    } else if a >= 1e4 {
        (a / 1e4, "万")
    } else {
        (a, "")
    };
    // Two decimals at most, trailing zeros dropped, thousands grouped (no
    // string-to-number parse: core's f64 parser would cost the wasm ~12 KB).
    let decimals = trim(n, 2).split_once('.').map_or(0, |(_, f)| f.len());
    let body = grouped(n, decimals);
    if body.chars().all(|c| c == '0' || c == '.' || c == ',') {
        return "0美元".into();
    }
    format!("{sign}{body}{unit}美元")
}

/// US$ millions (the data files' unit for flows and liquidations) in
/// 万 / 亿: 903 → "9.03亿美元", 120,000 → "1,200亿美元".
pub fn usd_millions(m: f64) -> String {
    usd(m * 1e6)
}

/// US$ millions to two significant figures (the synthetic population's
/// outputs): 4,364 → "44亿美元", 914 → "9.1亿美元".
pub fn usd_millions_sig2(m: f64) -> String {
    usd_millions(super::sig2(m))
}

/// A price with the currency after it: "86,100美元".
pub fn price_usd(v: f64, decimals: usize) -> String {
    let s = grouped(v, decimals);
    if s == "–" {
        s
    } else {
        format!("{s}美元")
    }
}

/// Percentage points, for a part of a move: "0.93个百分点", "−0.60个百分点"
/// (an asset's own move is in %, each part of it in points).
pub fn points(v: f64, decimals: usize) -> String {
    format!("{}个百分点", grouped(v, decimals))
}

/// Signed percentage points: "+0.10个百分点", "−0.41个百分点".
pub fn points_signed(v: f64, decimals: usize) -> String {
    let s = super::pct_signed(v, decimals);
    match s.strip_suffix('%') {
        Some(n) => format!("{n}个百分点"),
        None => s,
    }
}

/// An asset's move as a verb and a magnitude, as Chinese financial writing
/// states it: "下跌1.56%", "上涨0.40%", "持平" (a move that rounds to zero);
/// never a bare signed number after the asset's name.
pub fn moved(v: f64) -> String {
    let a = super::pct_abs(v, 2);
    if !v.is_finite() {
        "–".into()
    } else if a == "0.00%" {
        "持平".into()
    } else if v < 0.0 {
        format!("下跌{a}")
    } else {
        format!("上涨{a}")
    }
}

/// A part of a move as a verb and a magnitude in points: "拖累0.41个百分点"
/// for a negative part, "提振0.10个百分点" for a positive one (never a
/// signed number after 贡献 or inside 跌幅中).
pub fn drag(v: f64) -> String {
    if v < 0.0 {
        format!("拖累{}", points(v.abs(), 2))
    } else {
        format!("提振{}", points(v.abs(), 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_chinese_writing_sets_them() {
        assert_eq!(date(Date::ymd(2025, 11, 20)), "2025年11月20日");
        assert_eq!(month_day(Date::ymd(2025, 11, 6)), "11月6日");
        assert_eq!(long_date("2025-10-10"), "2025年10月10日");
        assert_eq!(long_date("not a date"), "not a date");
    }

    #[test]
    fn amounts_in_wan_yi_and_wanyi() {
        // The issue's own examples.
        assert_eq!(usd(120e9), "1,200亿美元");
        assert_eq!(usd(1.5e12), "1.5万亿美元");
        assert_eq!(usd_millions(120_000.0), "1,200亿美元");
        assert_eq!(usd_millions(903.0), "9.03亿美元");
        assert_eq!(usd_millions(1_600.0), "16亿美元");
        assert_eq!(usd(523_000.0), "52.3万美元");
        assert_eq!(usd(8_600.0), "8,600美元");
        assert_eq!(usd(-2.2e9), "−22亿美元");
        assert_eq!(usd(0.0), "0美元");
        assert_eq!(usd(f64::NAN), "–");
        assert_eq!(usd_millions_sig2(4_364.0), "44亿美元");
        assert_eq!(usd_millions_sig2(914.0), "9.1亿美元");
        assert_eq!(price_usd(86_100.4, 0), "86,100美元");
        assert_eq!(price_usd(f64::INFINITY, 0), "–");
        assert_eq!(points(0.93, 2), "0.93个百分点");
        assert_eq!(points_signed(0.1, 2), "+0.10个百分点");
        assert_eq!(points_signed(-0.41, 2), "−0.41个百分点");
        assert_eq!(points_signed(f64::NAN, 2), "–");
        assert_eq!(moved(-1.56), "下跌1.56%");
        assert_eq!(moved(0.4), "上涨0.40%");
        assert_eq!(moved(-0.001), "持平");
        assert_eq!(moved(f64::NAN), "–");
        assert_eq!(drag(-0.41), "拖累0.41个百分点");
        assert_eq!(drag(0.1), "提振0.10个百分点");
    }

    #[test]
    fn one_word_per_idea() {
        let mut zh: Vec<&str> = GLOSSARY.iter().map(|(_, z)| *z).collect();
        zh.sort_unstable();
        let n = zh.len();
        zh.dedup();
        assert_eq!(zh.len(), n, "two English terms share one Chinese word");
        // Latin script only where Chinese financial writing keeps it.
        for (en, z) in GLOSSARY {
            let latin: String = z.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            assert!(latin.is_empty() || latin == "ETF" || latin == "AI", "{en}: {z}");
        }
    }
}
