//! The market-inputs table: every volatility, β, correlation, volume and
//! constant the models use, one value per quantity and definition, with its
//! unit, window and source. The sections read the same values from
//! `scenario::Inputs`; this is the reader's view of them.

use crate::data::days::DAY_AFTER;
use crate::data::ids::{Group, SeriesId};
use crate::data::DataFile;
use crate::format::grouped;
#[cfg(feature = "zh")]
use crate::format::zh::{month_day, term};
use crate::scenario::{Estimate, Inputs};

/// The table's column headers.
pub const HEADERS: [&str; 5] =
    tr!(["Input", "Value", "Unit", "Window", "Source"], ["参数", "数值", "单位", "时间窗口", "来源"]);

fn publisher(m: &DataFile, id: SeriesId) -> String {
    m.series(id).map(|s| s.source.publisher.clone()).unwrap_or_else(|| tr!("(missing)", "（缺失）").into())
}

fn pct2(v: f64) -> String {
    format!("{}%", grouped(v * 100.0, 2))
}

fn window(e: &Estimate) -> String {
    tr!(
        {
            let short =
                if e.is_short() { format!("; the {}-day window asks for more", e.requested) } else { String::new() };
            format!("{} trading days, {} to {}{short}", e.stats.n, e.first.short(), e.last.short())
        },
        {
            let short = if e.is_short() {
                format!("（{}日窗口所需的天数多于11月20日之前的可用天数）", e.requested)
            } else {
                String::new()
            };
            format!("{}至{}，共{}个交易日{short}", month_day(e.first), month_day(e.last), e.stats.n)
        }
    )
}

/// One row per input: name, value, unit, window, source; in the build's
/// language (the Chinese with its numbers, 9.03亿美元, and terms).
pub fn rows(inp: &Inputs, m: &DataFile) -> Vec<[String; 5]> {
    let money = |usd: f64| tr!(crate::format::usd_millions(usd / 1e6), crate::format::zh::usd_millions(usd / 1e6));
    let btc = publisher(m, SeriesId::BtcUsd0000utc);
    let both = tr!(
        format!("{} and {}", publisher(m, SeriesId::Sp500), btc),
        format!("{}、{}", publisher(m, SeriesId::Sp500), btc)
    );
    let mut out = vec![[
        tr!(
            "Bitcoin volatility per UTC day (σ of the square-root law)".to_string(),
            format!("{}每UTC日波动率（平方根法则中的σ）", term::BITCOIN)
        ),
        pct2(inp.sigma_btc_utc),
        tr!("standard deviation of daily log returns", "日对数收益率的标准差").into(),
        tr!(
            format!("{} UTC days to 19 Nov", inp.sigma_btc_utc_n),
            format!("截至11月19日的{}个UTC日", inp.sigma_btc_utc_n)
        ),
        btc.clone(),
    ]];
    if let Some(e) = inp.crisis {
        let (lo, hi) = e.beta_range();
        let w = window(&e);
        let without = inp.beta_without_tariff_day.map(|b| grouped(b, 2));
        out.extend([
            [
                tr!(
                    "Bitcoin volatility per trading-day return (σ of β)".to_string(),
                    format!("{}按交易日收益率计的波动率（β中的σ）", term::BITCOIN)
                ),
                pct2(e.stats.sd_btc),
                tr!("standard deviation; weekends compounded into Monday", "标准差；周末涨跌并入周一复合计算").into(),
                w.clone(),
                both.clone(),
            ],
            [
                tr!("S&P 500 daily volatility".to_string(), format!("{}日波动率", term::SPX_INDEX)),
                pct2(e.stats.sd_spx),
                tr!("standard deviation", "标准差").into(),
                w.clone(),
                both.clone(),
            ],
            [
                tr!(
                    "Bitcoin's β to the S&P 500".to_string(),
                    format!("{}相对{}的{}", term::BITCOIN, term::SPX_INDEX, term::BETA)
                ),
                tr!(
                    format!(
                        "{} (95% interval {} to {}{})",
                        grouped(e.stats.beta, 2),
                        grouped(lo, 2),
                        grouped(hi, 2),
                        without.map(|b| format!("; {b} without the 10 Oct tariff day")).unwrap_or_default()
                    ),
                    format!(
                        "{}（95%置信区间{}至{}{}）",
                        grouped(e.stats.beta, 2),
                        grouped(lo, 2),
                        grouped(hi, 2),
                        without.map(|b| format!("；剔除10月10日关税冲击当日为{b}")).unwrap_or_default()
                    )
                ),
                tr!("ratio", "比值").into(),
                w.clone(),
                both.clone(),
            ],
            [
                tr!(
                    "Correlation, Bitcoin and S&P 500".to_string(),
                    format!("{}与{}的{}", term::BITCOIN, term::SPX_INDEX, term::CORRELATION)
                ),
                grouped(e.stats.corr, 2),
                tr!("Pearson", "Pearson相关系数").into(),
                w,
                both.clone(),
            ],
        ]);
    }
    if let Some(c) = inp.calm {
        out.push([
            tr!("Calm regime: correlation, β".to_string(), format!("平稳时期：{}、{}", term::CORRELATION, term::BETA)),
            tr!(
                format!("{}, {}", grouped(c.corr, 2), grouped(c.beta, 2)),
                format!("{}，{}", grouped(c.corr, 2), grouped(c.beta, 2))
            ),
            tr!("Pearson; ratio", "Pearson相关系数；比值").into(),
            tr!(
                format!("{} trading days before the 10 Oct tariff threat", c.n),
                format!("10月10日关税威胁之前的{}个交易日", c.n)
            ),
            both,
        ]);
    }
    let assumption: String = tr!("assumption", "假设值").into();
    out.extend([
        [
            tr!(
                "Bitcoin's daily traded volume, all venues (V)".to_string(),
                format!("{}全市场日成交额（V）", term::BITCOIN)
            ),
            tr!(
                format!(
                    "{} (range {} to {})",
                    money(inp.volume_usd),
                    money(inp.volume_low_usd),
                    money(inp.volume_high_usd)
                ),
                format!(
                    "{}（区间{}至{}）",
                    money(inp.volume_usd),
                    money(inp.volume_low_usd),
                    money(inp.volume_high_usd)
                )
            ),
            tr!("US$ a day", "美元/日").into(),
            assumption.clone(),
            tr!(
                "an order-of-magnitude assumption; no all-venue volume is in the bundled data",
                "数量级假设；随附数据中没有全市场成交额"
            )
            .into(),
        ],
        [
            tr!("Binance BTC/USDT spot volume, 20 Nov", "Binance BTC/USDT现货成交额（11月20日）").to_string(),
            money(inp.spot_volume_usd),
            tr!("US$ (BTC × close)", "美元（BTC数量×收盘价）").into(),
            tr!("20 Nov, one venue, spot only (for comparison)", "11月20日，单一交易所，仅限现货（供对比）").into(),
            m.ohlc.first().map(|s| s.source.publisher.clone()).unwrap_or_default(),
        ],
        [
            tr!("Nasdaq's daily traded value", "纳斯达克市场日成交额").to_string(),
            money(inp.nasdaq_volume_usd),
            tr!("US$ a day", "美元/日").into(),
            assumption.clone(),
            tr!("an order-of-magnitude assumption", "数量级假设").into(),
        ],
        [
            tr!("Y, the square-root law's constant", "Y，平方根法则的常数").to_string(),
            tr!(
                format!("{} (range {} to {})", grouped(inp.y, 1), grouped(inp.y_low, 1), grouped(inp.y_high, 1)),
                format!("{}（区间{}至{}）", grouped(inp.y, 1), grouped(inp.y_low, 1), grouped(inp.y_high, 1))
            ),
            tr!("dimensionless", "无量纲").into(),
            "–".into(),
            tr!(
                "of order one (Tóth et al., Physical Review X, 2011); the value is an assumption",
                "量级为1（Tóth等，Physical Review X，2011年）；具体取值为假设"
            )
            .into(),
        ],
        [
            tr!("Maintenance margin of a leveraged long".to_string(), format!("{}多头的维持保证金率", term::LEVERAGE)),
            pct2(inp.maintenance),
            tr!("share of the position", "占仓位价值的比例").into(),
            "–".into(),
            tr!("assumption, Binance-style USDT-margined contracts", "假设值，参照Binance的USDT本位合约").into(),
        ],
    ]);
    out
}

/// What β rests on, in words: one day's weight in it, and the clock of
/// Bitcoin's daily price against the US close, with the near-close quotes
/// that exist for 20 Nov.
pub fn beta_note(inp: &Inputs, m: &DataFile) -> String {
    if crate::format::ZH {
        return zh::beta_note(inp, m);
    }
    let Some(e) = inp.crisis else { return String::new() };
    let tariff = inp
        .beta_without_tariff_day
        .map(|b| {
            format!(
                "β is {} with the 10 Oct tariff day in its window and {} without it, so one day carries part of it. ",
                grouped(e.stats.beta, 2),
                grouped(b, 2)
            )
        })
        .unwrap_or_default();
    let near: Vec<f64> = m
        .facts(Group::BtcNearUsClose)
        .into_iter()
        .filter(|f| f.date == crate::scenario::DAY)
        .map(|f| f.value)
        .collect();
    let at_utc =
        m.obs(SeriesId::BtcUsd0000utc).ok().and_then(|s| s.into_iter().find(|o| o.date == DAY_AFTER)).map(|o| o.value);
    let quotes = match (near.iter().copied().reduce(f64::min), near.iter().copied().reduce(f64::max), at_utc) {
        (Some(lo), Some(hi), Some(u)) => format!(
            " On 20 Nov, end-of-day market wraps put Bitcoin near the US close at {} to {}, against {} at 00:00 UTC on \
             21 Nov, so on the day itself the three hours change little.",
            crate::format::usd(lo, 0),
            crate::format::usd(hi, 0),
            crate::format::usd(u, 0)
        ),
        _ => String::new(),
    };
    format!(
        "{tariff}Bitcoin's daily price here is Bitstamp's at 00:00 UTC, three hours after the US close (16:00 ET is \
         21:00 UTC): each Bitcoin day ends a little after the S&P 500's.{quotes}"
    )
}

/// Why there are two volatilities of Bitcoin.
pub const TWO_SIGMAS: &str = tr!(
    "Bitcoin has two volatilities here, on purpose: per UTC day (every calendar day, what \
    the square-root law needs, since its volume is a day's volume) and per trading-day return (weekend moves compounded \
    into Monday, so that each Bitcoin return spans the same days as the S&P 500's, what β and the correlation need). \
    The second is larger because a Monday return holds three days of moves.",
    zh::TWO_SIGMAS
);

/// The market-inputs table and its notes in Simplified Chinese (issue 26):
/// the same values as the English, with the edition's numbers (9.03亿美元,
/// 11月19日) and terms.
pub mod zh {
    use crate::data::days::DAY_AFTER;
    use crate::data::ids::{Group, SeriesId};
    use crate::data::DataFile;
    use crate::format::grouped;
    use crate::format::zh::{price_usd, term};
    use crate::scenario::Inputs;

    /// What β rests on (the English [`super::beta_note`]'s findings).
    pub fn beta_note(inp: &Inputs, m: &DataFile) -> String {
        let Some(e) = inp.crisis else { return String::new() };
        let tariff = inp
            .beta_without_tariff_day
            .map(|b| {
                format!(
                    "窗口包含10月10日关税冲击当日时，{}为{}，剔除该日后为{}，可见仅这一天就贡献了其中一部分。",
                    term::BETA,
                    grouped(e.stats.beta, 2),
                    grouped(b, 2)
                )
            })
            .unwrap_or_default();
        let near: Vec<f64> = m
            .facts(Group::BtcNearUsClose)
            .into_iter()
            .filter(|f| f.date == crate::scenario::DAY)
            .map(|f| f.value)
            .collect();
        let at_utc = m
            .obs(SeriesId::BtcUsd0000utc)
            .ok()
            .and_then(|s| s.into_iter().find(|o| o.date == DAY_AFTER))
            .map(|o| o.value);
        let quotes = match (near.iter().copied().reduce(f64::min), near.iter().copied().reduce(f64::max), at_utc) {
            (Some(lo), Some(hi), Some(u)) => format!(
                "据11月20日的收盘市场综述，美股收盘前后{}报{}至{}，而11月21日UTC时间00:00为{}，\
                 可见当天这三个小时的差别不大。",
                term::BITCOIN,
                price_usd(lo, 0),
                price_usd(hi, 0),
                price_usd(u, 0)
            ),
            _ => String::new(),
        };
        format!(
            "{tariff}本页{btc}的日度价格取Bitstamp在UTC时间00:00的报价，比美股收盘晚三个小时\
             （{et}16:00即UTC时间21:00）：{btc}每个日度数据的截止时间都比{spx}稍晚。{quotes}",
            btc = term::BITCOIN,
            et = term::ET,
            spx = term::SPX_INDEX,
        )
    }

    /// Why there are two volatilities of Bitcoin.
    pub const TWO_SIGMAS: &str = "本页有意为比特币给出两个波动率：一是按UTC日计算（每个自然日都计入，\
        这是平方根法则所需的口径，因为其中的成交额是一天的成交额）；二是按交易日收益率计算（周末涨跌并入周一\
        复合计算，使比特币的每笔收益率与标普500指数覆盖相同的日期，这是β系数和相关性所需的口径）。\
        后者更大，因为周一的收益率包含了三天的涨跌。";
}
