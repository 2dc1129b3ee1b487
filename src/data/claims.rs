//! The source text's factual claims, checked against the bundled data.
//!
//! Each verdict is computed from the data by a stated rule, never typed in:
//! if a data file changes, the verdicts follow.

use super::days::{DAY, DAY_AFTER, DAY_BEFORE, TARIFF_DAY};
use super::ids::{Group, OhlcId, SeriesId};
use super::{DataFile, Fact, Source};
use crate::format::{grouped, pct_signed};
#[cfg(feature = "zh")]
use crate::format::{trim, zh};
#[cfg(not(feature = "zh"))]
use crate::format::{usd, usd_millions};
use crate::model::date::Date;
use crate::model::series::pct_change;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Matches,
    Differs,
    /// The available measures disagree with each other about the claim.
    Contested,
    /// The data needed to check it is not in the bundle.
    NotCheckable,
}

impl Verdict {
    /// The verdict as the reader sees it.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Matches => tr!("matches", "相符"),
            Verdict::Differs => tr!("differs", "不符"),
            Verdict::Contested => tr!("contested", "有争议"),
            Verdict::NotCheckable => tr!("not checkable", "无法核对"),
        }
    }

    /// The verdict as a class name, the same in every language: "matches",
    /// "differs", "contested", "not-checkable".
    pub fn class(self) -> &'static str {
        match self {
            Verdict::Matches => "matches",
            Verdict::Differs => "differs",
            Verdict::Contested => "contested",
            Verdict::NotCheckable => "not-checkable",
        }
    }
}

/// One row of the "Claims vs data" panel.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimCheck {
    pub id: &'static str,
    /// The claim as the source text makes it.
    pub claim: &'static str,
    /// What the bundled data says, in words with the figures.
    pub data: String,
    pub verdict: Verdict,
    /// How much it differs, or why it is contested or not checkable.
    pub detail: String,
    pub sources: Vec<Source>,
    /// Where the page works the claim out further: (anchor, link text).
    pub see: Option<(&'static str, &'static str)>,
}

/// A claimed number against a measured one: matches when within `tol`
/// (same unit). Returns the verdict and measured − claimed.
pub fn compare(claimed: f64, measured: f64, tol: f64) -> (Verdict, f64) {
    let diff = measured - claimed;
    if !diff.is_finite() {
        return (Verdict::NotCheckable, f64::NAN);
    }
    (if diff.abs() <= tol { Verdict::Matches } else { Verdict::Differs }, diff)
}

/// A claim checked against several independent measures. Matches if every
/// measure is within `tol`; contested if some are and some are not, or if the
/// measures straddle the claim; differs if all miss it on the same side.
pub fn compare_measures(claimed: f64, measures: &[f64], tol: f64) -> Verdict {
    let finite: Vec<f64> = measures.iter().copied().filter(|m| m.is_finite()).collect();
    if finite.is_empty() {
        return Verdict::NotCheckable;
    }
    let within = finite.iter().filter(|m| (*m - claimed).abs() <= tol).count();
    let above = finite.iter().filter(|m| **m > claimed + tol).count();
    let below = finite.iter().filter(|m| **m < claimed - tol).count();
    if within == finite.len() {
        Verdict::Matches
    } else if within > 0 || (above > 0 && below > 0) {
        Verdict::Contested
    } else {
        Verdict::Differs
    }
}

fn on(doc: &DataFile, group: Group, date: Date) -> Vec<&Fact> {
    doc.facts(group).into_iter().filter(|f| f.date == date).collect()
}

fn span(facts: &[&Fact]) -> Option<(f64, f64)> {
    if facts.is_empty() {
        return None;
    }
    let lo = facts.iter().map(|f| f.value).fold(f64::INFINITY, f64::min);
    let hi = facts.iter().map(|f| f.value).fold(f64::NEG_INFINITY, f64::max);
    Some((lo, hi))
}

fn pct_span((lo, hi): (f64, f64)) -> String {
    if (hi - lo).abs() < 1e-9 {
        format!("{}%", grouped(lo, 1))
    } else {
        tr!(format!("{}–{}%", grouped(lo, 1), grouped(hi, 1)), format!("{}%至{}%", grouped(lo, 1), grouped(hi, 1)))
    }
}

fn sources_of(facts: &[&Fact]) -> Vec<Source> {
    facts.iter().map(|f| f.source.clone()).collect()
}

/// A day in Chinese: "11月17日" in 2025, the year the page is about (the
/// year is plain), else with its year: "2024年12月18日".
#[cfg(feature = "zh")]
fn zh_day(d: Date) -> String {
    if d.year == 2025 {
        zh::month_day(d)
    } else {
        zh::date(d)
    }
}

/// A range of US$ amounts in Chinese, the currency once: "9.14亿至22亿美元".
#[cfg(feature = "zh")]
fn zh_usd_range(lo: f64, hi: f64) -> String {
    let (a, b) = (zh::usd(lo), zh::usd(hi));
    format!("{}至{b}", a.strip_suffix("美元").unwrap_or(&a))
}

/// A count in 万 from ten thousand up ("11.9万", "155万"), else grouped.
#[cfg(feature = "zh")]
fn zh_wan(v: f64) -> String {
    if v.abs() >= 1e4 {
        format!("{}万", trim(v / 1e4, 2))
    } else {
        grouped(v, 0)
    }
}

/// A source's note quoted in a claim's row, in Chinese; `None` leaves an
/// unknown note out rather than quote English.
#[cfg(feature = "zh")]
fn zh_note(note: &str) -> Option<&'static str> {
    match note {
        "peak 61.4 on Oct 28-29" => Some("10月28日至29日的峰值为61.4万亿美元"),
        "Goldman desk note; YTD daily average 17.48 billion; market-on-close imbalance $3.6B to buy" => {
            Some("据高盛交易台报告；年内日均174.8亿股；收盘集合竞价买盘失衡36亿美元")
        }
        _ => None,
    }
}

/// An Asian index's quoted move in Chinese: "上证指数高开0.35%",
/// "恒生指数收跌2.38%" (a label the table does not know keeps its words).
#[cfg(feature = "zh")]
fn zh_asia(label: &str, v: f64) -> String {
    let (name, when) = label.rsplit_once(" (").map_or((label, ""), |(n, w)| (n, w.trim_end_matches(')')));
    let name = match name {
        "SSE" => "上证指数",
        "HSI" => "恒生指数",
        "CSI 300" => "沪深300",
        "Shenzhen Component" => "深证成指",
        other => other,
    };
    let size = crate::format::pct_abs(v, 2);
    match (when, v.partial_cmp(&0.0)) {
        ("open", Some(std::cmp::Ordering::Greater)) => format!("{name}高开{size}"),
        ("open", Some(std::cmp::Ordering::Less)) => format!("{name}低开{size}"),
        ("open", _) => format!("{name}平开"),
        ("close", Some(std::cmp::Ordering::Greater)) => format!("{name}收涨{size}"),
        ("close", Some(std::cmp::Ordering::Less)) => format!("{name}收跌{size}"),
        ("close", _) => format!("{name}收平"),
        _ => format!("{name}{}", pct_signed(v, 2)),
    }
}

/// The files the checks read.
pub struct Inputs<'a> {
    pub markets: &'a DataFile,
    pub rates: &'a DataFile,
    pub flows: &'a DataFile,
    pub sentiment: &'a DataFile,
    pub events: &'a DataFile,
    pub liquidations: &'a DataFile,
}

pub fn check_all(i: &Inputs) -> Vec<ClaimCheck> {
    vec![
        sp500_drop(i.markets),
        trillion_in_80_minutes(i.markets),
        bitcoin_below_87k(i.markets),
        fear_index(i.sentiment),
        cut_odds(i.rates),
        ibit_one_day(i.flows),
        november_outflows(i.flows),
        lth_selling(i.flows),
        trade_war_date(i.events),
        nasdaq_led(i.markets),
        bitcoin_harder(i.markets),
        etf_outflow_streak(i.flows),
        nvidia_eve(i.events),
        asia_simultaneous(i.markets),
        crypto_100b(i.markets),
        fear_lowest(i.sentiment),
        fed_hawkish(i.rates),
        strong_data(i.rates),
        correlation_high(i.markets),
        depth_thinner(i.markets),
        forced_selling(i.liquidations),
    ]
}

/// The close-to-close move of `id`'s series on 20 Nov, percent.
fn day_move(m: &DataFile, id: SeriesId, shift: i64) -> Option<f64> {
    let mut s = m.obs(id).ok()?;
    if shift != 0 {
        s = crate::model::series::shift_days(&s, shift);
    }
    let i = s.iter().position(|o| o.date == DAY).filter(|&i| i > 0)?;
    Some(pct_change(s[i - 1].value, s[i].value))
}

/// A move as prose: "fell 2.15%" / "rose 0.35%" (下跌2.15% / 上涨0.35%).
fn moved(v: f64) -> String {
    tr!(
        if v < 0.0 {
            format!("fell {}", crate::format::pct_abs(v, 2))
        } else {
            format!("rose {}", crate::format::pct_abs(v, 2))
        },
        format!("{}{}", if v < 0.0 { "下跌" } else { "上涨" }, crate::format::pct_abs(v, 2))
    )
}

/// "The Nasdaq led the decline": its 20 Nov fall against the S&P 500's.
fn nasdaq_led(m: &DataFile) -> ClaimCheck {
    let claim = tr!("The Nasdaq led the decline.", "纳斯达克综合指数领跌。");
    let nq = m.facts(Group::NasdaqClose);
    let at = |d: Date| nq.iter().find(|f| f.date == d).map(|f| f.value);
    let mut sources =
        sources_of(&nq.iter().filter(|f| f.date == DAY_BEFORE || f.date == DAY).copied().collect::<Vec<_>>());
    sources.extend(m.series(SeriesId::Sp500).map(|s| s.source.clone()));
    match (at(DAY_BEFORE).zip(at(DAY)).map(|(a, b)| pct_change(a, b)), day_move(m, SeriesId::Sp500, 0)) {
        (Some(n), Some(sp)) => ClaimCheck {
            id: "nasdaq_led",
            claim,
            data: tr!(
                format!("On 20 Nov the Nasdaq Composite {} and the S&P 500 {} (closes).", moved(n), moved(sp)),
                format!("11月20日，纳斯达克综合指数{}，标普500{}（均按收盘价计）。", moved(n), moved(sp))
            ),
            verdict: if n < sp && n < 0.0 { Verdict::Matches } else { Verdict::Differs },
            detail: tr!(
                format!("the Nasdaq's fall was {} percentage points larger", grouped(sp - n, 2)),
                format!("纳斯达克综合指数的跌幅比标普500多出约{}", zh::points(sp - n, 1))
            ),
            sources,
            see: Some(SEE_DECOMPOSITION),
        },
        _ => not_checkable(
            "nasdaq_led",
            claim,
            tr!(
                "the Nasdaq or S&P 500 closes of 19–20 Nov are missing",
                "缺少纳斯达克综合指数或标普500在11月19日至20日的收盘价"
            ),
            sources,
        ),
    }
}

/// "Bitcoin fell harder than stocks": its UTC day against the S&P 500's day.
fn bitcoin_harder(m: &DataFile) -> ClaimCheck {
    let claim = tr!("Bitcoin fell harder than stocks.", "比特币跌幅比美股更深。");
    let mut sources: Vec<Source> = m.series(SeriesId::BtcUsd0000utc).map(|s| s.source.clone()).into_iter().collect();
    sources.extend(m.series(SeriesId::Sp500).map(|s| s.source.clone()));
    // Bitstamp at 00:00 UTC of D+1 is the close of the UTC day D.
    match (day_move(m, SeriesId::BtcUsd0000utc, -1), day_move(m, SeriesId::Sp500, 0)) {
        (Some(b), Some(sp)) => ClaimCheck {
            id: "btc_harder",
            claim,
            data: tr!(
                format!("On 20 Nov Bitcoin {} over the UTC day (Bitstamp) and the S&P 500 {}.", moved(b), moved(sp)),
                format!("11月20日，比特币按UTC自然日计{}（Bitstamp），标普500{}。", moved(b), moved(sp))
            ),
            verdict: if b < sp { Verdict::Matches } else { Verdict::Differs },
            detail: tr!(
                format!("Bitcoin's fall was about {}× the S&P 500's", grouped(b / sp, 1)),
                format!("比特币的跌幅约为标普500的{}倍", grouped(b / sp, 1))
            ),
            sources,
            see: None,
        },
        _ => not_checkable(
            "btc_harder",
            claim,
            tr!("Bitcoin or S&P 500 prices of 19–20 Nov are missing", "缺少比特币或标普500在11月19日至20日的价格"),
            sources,
        ),
    }
}

/// "Spot Bitcoin ETFs saw consecutive days of outflows": every all-funds
/// daily figure reported from 13 to 20 Nov is an outflow. The reported days
/// have gaps, so the streak is what the sources say, not a full table.
fn etf_outflow_streak(f: &DataFile) -> ClaimCheck {
    let claim = tr!("Spot Bitcoin ETFs saw outflows on consecutive days.", "比特币现货ETF连续多日资金净流出。");
    let days: Vec<&Fact> = f
        .facts(Group::EtfTotalDaily)
        .into_iter()
        .filter(|x| x.date >= Date::ymd(2025, 11, 13) && x.date <= DAY)
        .collect();
    let mut seen: Vec<Date> = Vec::new();
    let mut listed = Vec::new();
    for x in &days {
        if !seen.contains(&x.date) {
            seen.push(x.date);
            listed.push(tr!(
                format!("{} on {}", usd_millions(x.value), x.date.long()),
                format!("{}为{}", zh::month_day(x.date), zh::usd_millions(x.value))
            ));
        }
    }
    let streak_fact = days.iter().find(|x| x.note.contains("straight day"));
    let streak = streak_fact.map(|x| x.note.clone());
    let sources = sources_of(&days);
    if days.is_empty() {
        return not_checkable(
            "etf_streak",
            claim,
            tr!("no all-funds daily flow from 13 to 20 Nov", "没有全部基金在11月13日至20日的单日资金流数据"),
            sources,
        );
    }
    let all_out = days.iter().all(|x| x.value < 0.0);
    ClaimCheck {
        id: "etf_streak",
        claim,
        data: tr!(
            format!(
                "All US spot Bitcoin ETFs together, on the days with a figure: {}.{}",
                listed.join("; "),
                streak.map(|n| format!(" The 18 Nov report notes: \"{n}\".")).unwrap_or_default()
            ),
            {
                let _ = streak;
                // "5th straight day of net outflows": the count is the note's leading digits.
                let says = streak_fact.map(|x| {
                    let n: String = x.note.chars().take_while(char::is_ascii_digit).collect();
                    let when = zh::month_day(x.date);
                    if n.is_empty() {
                        format!("{when}的报道称已连续多日净流出。")
                    } else {
                        format!("{when}的报道称，这已是连续第{n}个交易日净流出。")
                    }
                });
                format!(
                    "美国全部比特币现货ETF合计，在有数据的交易日：{}。{}",
                    listed.join("；"),
                    says.unwrap_or_default()
                )
            }
        ),
        verdict: if all_out { Verdict::Matches } else { Verdict::Differs },
        detail: tr!(
            "every reported day from 13 to 20 Nov is an outflow; days without a figure are unknown, not zero",
            "11月13日至20日有数据的每个交易日均为净流出；没有数据的交易日情况未知，不能按零计"
        )
        .into(),
        sources,
        see: None,
    }
}

/// "On the eve of Nvidia's report": the results came on 19 Nov after the
/// close, and the fall was the next day.
fn nvidia_eve(e: &DataFile) -> ClaimCheck {
    let claim = tr!("The sell-off came on the eve of Nvidia's results.", "这轮抛售发生在英伟达财报发布前夕。");
    let results = e.events.iter().find(|x| x.id == "nvidia");
    let reversal = e.events.iter().find(|x| x.id == "reversal");
    let sources: Vec<Source> = [results, reversal].into_iter().flatten().map(|x| x.source.clone()).collect();
    match (results, reversal) {
        (Some(r), Some(f)) => {
            let before = f.date < r.date;
            ClaimCheck {
                id: "nvidia_eve",
                claim,
                data: tr!(
                    format!(
                        "{} ({}). {} ({}).",
                        r.note.trim_end_matches('.'),
                        r.date.long(),
                        f.note.trim_end_matches('.'),
                        f.date.long()
                    ),
                    format!(
                        "{}（{}）。{}（{}）。",
                        r.shown_note().trim_end_matches(['.', '。']),
                        zh_day(r.date),
                        f.shown_note().trim_end_matches(['.', '。']),
                        zh_day(f.date)
                    )
                ),
                verdict: if before { Verdict::Matches } else { Verdict::Differs },
                detail: if before {
                    tr!("the fall came before the results", "下跌发生在财报发布之前").into()
                } else {
                    tr!(
                        "differs in timing: the fall came the day after the results, not before them",
                        "时间不符：下跌发生在财报发布次日，而非发布之前"
                    )
                    .into()
                },
                sources,
                see: Some(SEE_DECOMPOSITION),
            }
        }
        _ => not_checkable(
            "nvidia_eve",
            claim,
            tr!("the Nvidia results or the reversal event is missing", "缺少英伟达财报或行情反转的事件数据"),
            sources,
        ),
    }
}

/// "A-shares and Hong Kong simultaneously declined": what Asia did in its
/// 20 Nov session and in the next one.
fn asia_simultaneous(m: &DataFile) -> ClaimCheck {
    let claim = tr!("A-shares and Hong Kong stocks declined at the same time.", "A股、港股同步下挫。");
    let ch = m.facts(Group::AsiaChangePct);
    let lv = m.facts(Group::AsiaLevel);
    let on = |d: Date| ch.iter().filter(|f| f.date == d).copied().collect::<Vec<&Fact>>();
    let (d20, d21) = (on(DAY), on(DAY_AFTER));
    let futures = lv.iter().find(|f| f.date == DAY && f.label.starts_with("HSI futures"));
    let mut sources = sources_of(&d20);
    sources.extend(futures.map(|f| f.source.clone()));
    sources.extend(sources_of(&d21).into_iter().take(2));
    if d20.is_empty() && d21.is_empty() {
        return not_checkable(
            "asia_simultaneous",
            claim,
            tr!("no Asian index figures for 20–21 Nov", "没有11月20日至21日的亚洲股指数据"),
            sources,
        );
    }
    let list = |xs: &[&Fact]| {
        tr!(
            xs.iter().map(|f| format!("{} {}", f.label, pct_signed(f.value, 2))).collect::<Vec<_>>().join(", "),
            xs.iter().map(|f| zh_asia(&f.label, f.value)).collect::<Vec<_>>().join("，")
        )
    };
    let fell_20 = !d20.is_empty() && d20.iter().all(|f| f.value < 0.0);
    let fell_21 = !d21.is_empty() && d21.iter().all(|f| f.value < 0.0);
    ClaimCheck {
        id: "asia_simultaneous",
        claim,
        data: tr!(
            format!(
                "On 20 Nov (before the US session): {}{}. On 21 Nov, the session after the US drop: {}.",
                list(&d20),
                futures.map(|f| format!("; HSI futures at midday {}", grouped(f.value, 0))).unwrap_or_default(),
                list(&d21)
            ),
            format!(
                "11月20日（美股开盘前）：{}{}。11月21日，即美股下跌后的首个交易日：{}。",
                list(&d20),
                futures.map(|f| format!("；恒生指数期货午盘报{}点", grouped(f.value, 0))).unwrap_or_default(),
                list(&d21)
            )
        ),
        verdict: if fell_20 { Verdict::Matches } else { Verdict::Differs },
        detail: if fell_20 {
            tr!("Asia fell in the same session", "亚洲股市在同一交易时段下跌").into()
        } else if fell_21 {
            tr!(
                "differs in timing: on 20 Nov A-shares opened higher; Asia fell on 21 Nov, after the US drop, not with it",
                "时间不符：11月20日A股高开；亚洲股市是在美股下跌之后、于11月21日才下跌，并非同步"
            )
            .into()
        } else {
            tr!("the quoted figures show no common decline", "所引数据未显示同步下跌").into()
        },
        sources,
        see: None,
    }
}

/// "The crypto market lost over $100 billion": the quoted 24-hour and
/// one-day changes of the total crypto market value on 20 Nov.
fn crypto_100b(m: &DataFile) -> ClaimCheck {
    let claim = tr!("The crypto market lost over $100 billion.", "加密货币市场市值蒸发逾1,000亿美元。");
    let changes: Vec<&Fact> =
        m.facts(Group::CryptoMarketCap).into_iter().filter(|f| f.date == DAY && f.label.contains("change")).collect();
    let sources = sources_of(&changes);
    let Some((lo, hi)) = span(&changes) else {
        return not_checkable(
            "crypto_100b",
            claim,
            tr!("no quoted change of the crypto market value on 20 Nov", "没有11月20日加密货币总市值变动的引述数据"),
            sources,
        );
    };
    ClaimCheck {
        id: "crypto_100b",
        claim,
        data: tr!(
            format!(
                "Quoted for 20 Nov: the total crypto market value lost ${}B to ${}B (trackers quote rolling 24-hour windows).",
                grouped(-hi, 0),
                grouped(-lo, 0)
            ),
            format!(
                "11月20日的引述数据：加密货币总市值蒸发{}不等（各数据平台按滚动24小时窗口统计）。",
                zh_usd_range(-hi * 1e9, -lo * 1e9)
            )
        ),
        verdict: if hi < -100.0 { Verdict::Matches } else { Verdict::Differs },
        detail: tr!("every quoted loss is above $100B", "所引各项蒸发额均超过1,000亿美元").into(),
        sources,
        see: None,
    }
}

/// "The fear index was close to its lowest level this year": within 5
/// points of the lowest crypto Fear & Greed reading in the data.
fn fear_lowest(s: &DataFile) -> ClaimCheck {
    let claim = tr!("The fear index was close to its lowest level this year.", "恐慌指数已接近年内最低水平。");
    let all = s.facts(Group::CryptoFearGreed);
    let low = all.iter().min_by(|a, b| a.value.total_cmp(&b.value)).copied();
    let day: Vec<&Fact> = all.iter().filter(|f| f.date == DAY_BEFORE || f.date == DAY).copied().collect();
    let mut sources = sources_of(&day);
    sources.extend(low.map(|l| l.source.clone()));
    let Some(low) = low.filter(|_| !day.is_empty()) else {
        return not_checkable(
            "fear_lowest",
            claim,
            tr!("no crypto Fear & Greed readings for 19–20 Nov", "没有11月19日至20日的加密货币恐惧与贪婪指数读数"),
            sources,
        );
    };
    let near = day.iter().all(|f| f.value - low.value <= 5.0);
    let lowest_since = if low.source.title.contains("lowest since late February") {
        tr!(", which its source calls the lowest since late February", "，来源称这是2月下旬以来的最低水平")
    } else {
        ""
    };
    ClaimCheck {
        id: "fear_lowest",
        claim,
        data: tr!(
            format!(
                "The crypto Fear & Greed index read {} on 19–20 Nov; its lowest reading in the data is {} on {}{lowest_since}.",
                day.iter().map(|f| grouped(f.value, 0)).collect::<Vec<_>>().join(" and "),
                grouped(low.value, 0),
                low.date.long()
            ),
            format!(
                "加密货币恐惧与贪婪指数11月19日至20日的读数为{}；数据中的最低读数为{}（{}）{lowest_since}。",
                day.iter().map(|f| grouped(f.value, 0)).collect::<Vec<_>>().join("和"),
                grouped(low.value, 0),
                zh_day(low.date)
            )
        ),
        verdict: if near { Verdict::Matches } else { Verdict::Differs },
        detail: tr!(
            "within 5 points of the lowest reading in the data; a lower level earlier in the year is not excluded",
            "与数据中的最低读数相差不超过5点；不排除年内更早时候出现过更低的水平"
        )
        .into(),
        sources,
        see: None,
    }
}

/// "The S&P 500 fell nearly 2.5%": close-to-close on 20 Nov. "Nearly" is read
/// as within 0.25 percentage points below 2.5%.
fn sp500_drop(m: &DataFile) -> ClaimCheck {
    let claim = tr!("The S&P 500 fell nearly 2.5% on 20 November.", "11月20日，标普500大跌近2.5%。");
    let sp = m.obs(SeriesId::Sp500).unwrap_or_default();
    let i = sp.iter().position(|o| o.date == DAY).filter(|&i| i > 0);
    let sources: Vec<Source> = m.series(SeriesId::Sp500).map(|s| s.source.clone()).into_iter().collect();
    match i {
        None => not_checkable(
            "sp500_drop",
            claim,
            tr!("the S&P 500 close of 20 Nov is missing", "缺少标普500在11月20日的收盘价"),
            sources,
        ),
        Some(i) => {
            let day = pct_change(sp[i - 1].value, sp[i].value);
            let (verdict, diff) = compare(-2.5, day, 0.25);
            let spy = m.facts(Group::SpyOhlc);
            let get = |k: &str| spy.iter().find(|f| f.date == DAY && f.label == format!("SPY {k}")).map(|f| f.value);
            let mut data = tr!(
                format!("The index closed at {}: it {} on the day.", grouped(sp[i].value, 2), moved(day)),
                format!("标普500收于{}点，当日{}。", grouped(sp[i].value, 2), moved(day))
            );
            let mut sources = sources;
            let hi_close = get("high").zip(get("close")).map(|(h, c)| pct_change(h, c));
            if let (Some(h), Some(c)) = (get("high"), get("close")) {
                data.push_str(&tr!(
                    format!(" Measured from its intraday high, SPY (the S&P 500 ETF) {}.", moved(pct_change(h, c))),
                    format!("若从盘中高点算起，SPY（跟踪标普500的ETF）{}。", moved(pct_change(h, c)))
                ));
                sources.extend(spy.iter().filter(|f| f.date == DAY).map(|f| f.source.clone()).take(1));
            }
            ClaimCheck {
                id: "sp500_drop",
                claim,
                data,
                verdict,
                detail: sp_detail(diff, hi_close.map(|x| x - (-2.5))),
                sources,
                see: None,
            }
        }
    }
}

/// How far the close-to-close fall (and, when known, SPY's high-to-close
/// fall) is from the claim; which is nearer is said only from the numbers.
fn sp_detail(diff_close: f64, diff_high: Option<f64>) -> String {
    tr!(
        {
            let close = format!(
                "The close-to-close fall was {} percentage points smaller than claimed",
                grouped(diff_close.abs(), 2)
            );
            match diff_high {
                Some(h) => format!(
                    "{close}; SPY's high-to-close fall was {} points {} than claimed{}.",
                    grouped(h.abs(), 2),
                    if h < 0.0 { "larger" } else { "smaller" },
                    if h.abs() + 0.05 < diff_close.abs() { ", a nearer fit" } else { ", no nearer a fit" }
                ),
                None => format!("{close}."),
            }
        },
        {
            let close = format!("按收盘价计算的跌幅比原文所说小{}", zh::points(diff_close.abs(), 2));
            match diff_high {
                Some(h) => format!(
                    "{close}；SPY从盘中高点至收盘的跌幅比原文所说{}{}，{}。",
                    if h < 0.0 { "大" } else { "小" },
                    zh::points(h.abs(), 2),
                    if h.abs() + 0.05 < diff_close.abs() {
                        "更贴近原文"
                    } else {
                        "并不比前者更贴近原文"
                    }
                ),
                None => format!("{close}。"),
            }
        }
    )
}

fn not_checkable(id: &'static str, claim: &'static str, why: &str, sources: Vec<Source>) -> ClaimCheck {
    ClaimCheck {
        id,
        claim,
        data: tr!(format!("Not in the data: {why}."), format!("数据不足：{why}。")),
        verdict: Verdict::NotCheckable,
        detail: why.to_string(),
        sources,
        see: None,
    }
}

/// "$1.5 trillion of market value lost within 80 minutes": needs intraday index
/// values and market capitalisation, which the bundle does not have.
fn trillion_in_80_minutes(m: &DataFile) -> ClaimCheck {
    let cap = m.facts(Group::Sp500MarketCap);
    let spy = m.facts(Group::SpyOhlc);
    let mut sources: Vec<Source> = cap.iter().map(|f| f.source.clone()).collect();
    sources.extend(spy.first().map(|f| f.source.clone()));
    let cap_text = cap
        .first()
        .map(|f| {
            tr!(
                format!(
                    " The S&P 500's total market value was about ${} trillion on 20 Nov ({}).",
                    grouped(f.value, 1),
                    f.note
                ),
                format!(
                    "11月20日，标普500成分股总市值约为{}{}。",
                    zh::usd(f.value * 1e12),
                    zh_note(&f.note).map(|n| format!("（{n}）")).unwrap_or_default()
                )
            )
        })
        .unwrap_or_default();
    ClaimCheck {
        id: "trillion_80_minutes",
        claim: tr!("$1.5 trillion of market value vanished within 80 minutes.", "短短80分钟内，1.5万亿美元市值蒸发。"),
        data: tr!(
            format!("There is no intraday S&P 500 series in the data, so no 80-minute window can be measured.{cap_text} The \"$1.5 trillion from the high\" figure was found only in social-media posts."),
            format!("数据中没有标普500的日内序列，因此无法测算任何80分钟窗口内的变化。{cap_text}“较高点蒸发1.5万亿美元”的说法仅见于社交媒体帖子。")
        ),
        verdict: Verdict::NotCheckable,
        detail: tr!("no intraday index values or market capitalisation by the minute", "没有日内指数点位，也没有逐分钟的市值数据").into(),
        sources,
        see: None,
    }
}

/// "Bitcoin fell below $87,000": the Binance daily low of 20 Nov.
fn bitcoin_below_87k(m: &DataFile) -> ClaimCheck {
    let claim = tr!("Bitcoin fell below $87,000.", "比特币跌破8.7万美元。");
    let s = m.ohlc(OhlcId::BtcUsdtBinance);
    let low = |d: Date| s.and_then(|s| s.bars.iter().find(|b| b.0 == d)).map(|b| b.3);
    let mut sources: Vec<Source> = s.map(|s| s.source.clone()).into_iter().collect();
    // Corroboration from an independent series: Bitstamp at 00:00 UTC on
    // 21 Nov is the end of the UTC day 20 Nov.
    let bitstamp = m.obs(SeriesId::BtcUsd0000utc).ok().and_then(|b| b.into_iter().find(|o| o.date == DAY_AFTER));
    if bitstamp.is_some() {
        sources.extend(m.series(SeriesId::BtcUsd0000utc).map(|x| x.source.clone()));
    }
    match low(DAY) {
        None => not_checkable(
            "btc_87k",
            claim,
            tr!("the Bitcoin bar of 20 Nov is missing", "缺少比特币11月20日的日线数据"),
            sources,
        ),
        Some(l) => {
            let verdict = if l < 87_000.0 { Verdict::Matches } else { Verdict::Differs };
            let mut next = low(DAY_AFTER)
                .map(|n| {
                    tr!(
                        format!(" The next day's low was {}.", usd(n, 0)),
                        format!("次日最低价为{}。", zh::price_usd(n, 0))
                    )
                })
                .unwrap_or_default();
            if let Some(b) = bitstamp {
                next.push_str(&tr!(
                    format!(" Bitstamp's price at the end of 20 Nov (00:00 UTC on 21 Nov) was {}.", usd(b.value, 0)),
                    format!("Bitstamp在11月20日结束时（11月21日UTC时间0点）的价格为{}。", zh::price_usd(b.value, 0))
                ));
            }
            ClaimCheck {
                id: "btc_87k",
                claim,
                data: tr!(
                    format!("Bitcoin's low on 20 Nov (UTC day, Binance BTC/USDT) was {}.{next}", usd(l, 0)),
                    format!("比特币11月20日（UTC自然日，Binance BTC/USDT）的最低价为{}。{next}", zh::price_usd(l, 0))
                ),
                verdict,
                detail: tr!(
                    format!(
                        "the low was {} {} $87,000",
                        usd((l - 87_000.0).abs(), 0),
                        if l < 87_000.0 { "below" } else { "above" }
                    ),
                    format!(
                        "最低价比87,000美元{}{}",
                        if l < 87_000.0 { "低" } else { "高" },
                        zh::price_usd((l - 87_000.0).abs(), 0)
                    )
                ),
                sources,
                see: None,
            }
        }
    }
}

/// "The panic index was at 15": which index and which day are not said.
fn fear_index(s: &DataFile) -> ClaimCheck {
    let claim = tr!("The fear (panic) index stood at 15.", "恐慌指数跌至15。");
    let crypto20 = on(s, Group::CryptoFearGreed, DAY);
    let crypto19 = on(s, Group::CryptoFearGreed, DAY_BEFORE);
    let cnn = s.obs(SeriesId::CnnFearGreed).unwrap_or_default();
    let cnn20 = cnn.iter().find(|o| o.date == DAY).map(|o| o.value);
    let mut sources = sources_of(&crypto19);
    sources.extend(sources_of(&crypto20));
    sources.extend(s.series(SeriesId::CnnFearGreed).map(|x| x.source.clone()));
    let measures: Vec<f64> = crypto20.iter().map(|f| f.value).chain(cnn20).collect();
    let on_day = compare_measures(15.0, &measures, 0.5);
    let day_before = crypto19.iter().any(|f| (f.value - 15.0).abs() <= 0.5);
    let verdict = if on_day == Verdict::Matches {
        Verdict::Matches
    } else if day_before {
        Verdict::Contested
    } else {
        on_day
    };
    ClaimCheck {
        id: "fear_15",
        claim,
        data: {
            let none = || tr!("(no reading)", "（无读数）").to_string();
            let (a, b, c) = (
                crypto19.first().map(|f| grouped(f.value, 0)).unwrap_or_else(none),
                crypto20.first().map(|f| grouped(f.value, 0)).unwrap_or_else(none),
                cnn20.map(|v| grouped(v, 1)).unwrap_or_else(none),
            );
            tr!(
                format!("The crypto Fear & Greed index (alternative.me) read {a} on 19 Nov and {b} on 20 Nov; CNN's index for US stocks read {c} on 20 Nov."),
                format!("加密货币恐惧与贪婪指数（Alternative.me）11月19日为{a}，11月20日为{b}；CNN的美股恐惧与贪婪指数11月20日为{c}。")
            )
        },
        verdict,
        detail: tr!(
            "15 matches the crypto index on the day before; on 20 Nov both indices were lower. The text does not say which index or day it means.",
            "15与前一天的加密货币指数相符；11月20日两个指数都更低。原文没有说明指的是哪个指数、哪一天。"
        )
        .into(),
        sources,
        see: None,
    }
}

/// "Cut odds fell from over 70% a week earlier to 50/50 or lower."
fn cut_odds(r: &DataFile) -> ClaimCheck {
    let week = on(r, Group::FedwatchDecCut, Date::ymd(2025, 11, 13));
    let day = on(r, Group::FedwatchDecCut, DAY);
    let fortnight = on(r, Group::FedwatchDecCut, Date::ymd(2025, 11, 6));
    let mut sources = sources_of(&fortnight);
    sources.extend(sources_of(&week));
    sources.extend(sources_of(&day));
    let claim = tr!(
        "December rate-cut odds fell from more than 70% a week earlier to 50/50 or lower.",
        "12月降息概率已从一周前的七成以上，跌至五成甚至更低。"
    );
    let (Some(w), Some(d)) = (span(&week), span(&day)) else {
        return not_checkable(
            "cut_odds",
            claim,
            tr!("FedWatch readings for 13 or 20 Nov are missing", "缺少11月13日或20日的FedWatch读数"),
            sources,
        );
    };
    let start_ok = w.0 > 70.0;
    let end_ok = d.1 <= 50.0;
    let verdict = if start_ok && end_ok { Verdict::Matches } else { Verdict::Differs };
    let two_weeks = span(&fortnight)
        .map(|f| tr!(format!(", {} on 6 Nov", pct_span(f)), format!("，11月6日为{}", pct_span(f))))
        .unwrap_or_default();
    ClaimCheck {
        id: "cut_odds",
        claim,
        data: tr!(
            format!(
                "Quoted CME FedWatch readings: {} on 13 Nov (a week earlier){two_weeks}, and {} on 20 Nov.",
                pct_span(w),
                pct_span(d)
            ),
            format!(
                "引述的CME FedWatch读数：11月13日（一周前）为{}{two_weeks}，11月20日为{}。",
                pct_span(w),
                pct_span(d)
            )
        ),
        verdict,
        detail: match (start_ok, end_ok) {
            (false, true) => tr!(
                format!(
                    "The direction and the end point match, but a week earlier the odds were already {}, not above 70%.",
                    pct_span(w)
                ),
                format!("方向和终点相符，但一周前的降息概率已只有{}，并非七成以上。", pct_span(w))
            ),
            (true, false) => tr!(
                "The starting level matches but the odds did not fall to 50% or lower.",
                "起点相符，但降息概率并未降至50%或更低。"
            )
            .into(),
            (false, false) => {
                tr!("Neither the starting level nor the end point matches.", "起点和终点均不相符。").into()
            }
            (true, true) => tr!("Both levels match.", "起点和终点均相符。").into(),
        },
        sources,
        see: None,
    }
}

/// Where the page decomposes the S&P 500's fall (the AI/tech reversal).
pub const SEE_DECOMPOSITION: (&str, &str) = ("#waterfall-spx", tr!("the S&P 500's fall decomposed", "标普500跌幅分解"));

/// The first reading of a FedWatch day, percent.
fn odds_on(r: &DataFile, date: Date) -> Option<f64> {
    on(r, Group::FedwatchDecCut, date).first().map(|f| f.value)
}

/// "Fed officials turned hawkish (a tightening warning)": the market's
/// odds of a December cut fell from 6 to 19 Nov, and the officials who
/// spoke are listed with what they said, for and against.
fn fed_hawkish(r: &DataFile) -> ClaimCheck {
    let claim =
        tr!("Fed officials turned hawkish, warning against more easing.", "美联储官员立场转鹰，警告不宜进一步宽松。");
    let voices: Vec<_> = r.events.iter().filter(|e| e.date >= Date::ymd(2025, 11, 17) && e.date <= DAY_AFTER).collect();
    let mut sources = sources_of(&on(r, Group::FedwatchDecCut, Date::ymd(2025, 11, 6)));
    sources.extend(sources_of(&on(r, Group::FedwatchDecCut, DAY_BEFORE)));
    sources.extend(voices.iter().map(|e| e.source.clone()));
    let (Some(a), Some(b)) = (odds_on(r, Date::ymd(2025, 11, 6)), odds_on(r, DAY_BEFORE)) else {
        return not_checkable(
            "fed_hawkish",
            claim,
            tr!("the FedWatch readings of 6 or 19 Nov are missing", "缺少11月6日或19日的FedWatch读数"),
            sources,
        );
    };
    let said: Vec<String> = voices
        .iter()
        .filter(|e| !e.id.starts_with("walmart"))
        .map(|e| tr!(format!("{} ({})", e.title, e.date.long()), format!("{}（{}）", e.shown_title(), zh_day(e.date))))
        .collect();
    ClaimCheck {
        id: "fed_hawkish",
        claim,
        data: tr!(
            format!(
                "The market's odds of a December cut (CME FedWatch, quoted) went from {}% on 6 Nov to {}% on 19 Nov. What \
                 officials said that week: {}.",
                crate::format::trim(a, 1),
                crate::format::trim(b, 1),
                said.join("; ")
            ),
            format!(
                "市场预期的美联储12月降息概率（引述CME FedWatch）从11月6日的{}%{}11月19日的{}%。当周官员表态——{}。",
                trim(a, 1),
                if b < a {
                    "降至"
                } else if b > a {
                    "升至"
                } else {
                    "到"
                },
                trim(b, 1),
                said.join("；")
            )
        ),
        verdict: if b < a { Verdict::Matches } else { Verdict::Differs },
        detail: if b < a {
            tr!(
                "matches in the market's pricing and in the minutes and Hammack's words; not every official: Waller backed \
                 a cut, and Williams revived the odds on 21 Nov, the day after",
                "市场定价、会议纪要和哈马克的表态都与之相符；但并非所有官员都如此：沃勒支持降息，威廉姆斯更在次日（11月21日）重新推高了降息概率"
            )
            .into()
        } else {
            tr!("the odds did not fall", "降息概率并未下降").into()
        },
        sources,
        see: None,
    }
}

/// "Strong economic data after the government's restart": the September
/// jobs report (20 Nov, delayed by the shutdown) against expectations.
/// Strong if payrolls beat and unemployment did not rise above the
/// forecast; weak if both missed; mixed otherwise.
fn strong_data(r: &DataFile) -> ClaimCheck {
    let claim = tr!(
        "Strong economic data after the government reopened lowered the case for a cut.",
        "政府停摆结束后，强劲的经济数据削弱了降息的理由。"
    );
    let first = |g: Group| r.facts(g).into_iter().next();
    let (nfp, nfp_e, ur, ur_e) = (
        first(Group::NfpSep),
        first(Group::NfpSepExpected),
        first(Group::UnemploymentSep),
        first(Group::UnemploymentSepExpected),
    );
    let sources: Vec<Source> = [nfp, nfp_e, ur, ur_e].into_iter().flatten().map(|f| f.source.clone()).collect();
    let (Some(nfp), Some(nfp_e), Some(ur), Some(ur_e)) = (nfp, nfp_e, ur, ur_e) else {
        return not_checkable(
            "strong_data",
            claim,
            tr!("the September jobs figures or their forecasts are missing", "缺少9月就业数据或其预期值"),
            sources,
        );
    };
    let jobs_beat = nfp.value > nfp_e.value;
    let rate_ok = ur.value <= ur_e.value;
    let verdict = match (jobs_beat, rate_ok) {
        (true, true) => Verdict::Matches,
        (false, false) => Verdict::Differs,
        _ => Verdict::Contested,
    };
    ClaimCheck {
        id: "strong_data",
        claim,
        data: tr!(
            format!(
                "The September jobs report, released on 20 Nov at 08:30 ET after the shutdown: payrolls +{} against +{} \
                 expected, but unemployment {}% against {}% expected.",
                grouped(nfp.value, 0),
                grouped(nfp_e.value, 0),
                grouped(ur.value, 1),
                grouped(ur_e.value, 1)
            ),
            format!(
                "因政府停摆推迟发布的9月就业报告于11月20日美东时间08:30公布：非农就业人数增加{}人，预期为增加{}人；\
                 但失业率为{}%，预期为{}%。",
                zh_wan(nfp.value),
                zh_wan(nfp_e.value),
                grouped(ur.value, 1),
                grouped(ur_e.value, 1)
            )
        ),
        verdict,
        detail: match verdict {
            Verdict::Contested => tr!(
                "the two headline figures point opposite ways: more jobs than forecast, but a higher \
                                   unemployment rate",
                "两项主要数据方向相反：新增就业多于预期，但失业率也高于预期"
            )
            .into(),
            Verdict::Matches => tr!("both figures were stronger than forecast", "两项数据均好于预期").into(),
            _ => tr!("both figures were weaker than forecast", "两项数据均弱于预期").into(),
        },
        sources,
        see: None,
    }
}

/// The rule for "extremely high": a correlation of daily returns of 0.7 or more.
pub const EXTREMELY_HIGH_CORR: f64 = 0.7;

/// "Cross-asset correlation was extremely high": Bitcoin and the S&P 500's
/// daily returns over the 30 trading days to 19 Nov, and the highest
/// 14-day rolling value in that window, against the stated rule (0.7).
fn correlation_high(m: &DataFile) -> ClaimCheck {
    use crate::model::{correlation, returns};
    let claim = tr!("The correlation between crypto and stocks was extremely high.", "加密货币与股市的相关性极高。");
    let mut sources: Vec<Source> = m.series(SeriesId::Sp500).map(|s| s.source.clone()).into_iter().collect();
    sources.extend(m.series(SeriesId::BtcUsd0000utc).map(|s| s.source.clone()));
    let (Ok(sp), Ok(btc)) = (m.obs(SeriesId::Sp500), m.obs(SeriesId::BtcUsd0000utc)) else {
        return not_checkable(
            "correlation_high",
            claim,
            tr!("the S&P 500 or Bitcoin series is missing", "缺少标普500或比特币的价格序列"),
            sources,
        );
    };
    // Bitstamp at 00:00 UTC of D+1 is the close of the UTC day D.
    let pairs = returns::align(&sp, &crate::model::series::shift_days(&btc, -1));
    let end = DAY_BEFORE;
    let window = returns::window_ending(&pairs, 30, end);
    let (Some(stats), Some(peak)) =
        (returns::stats(window), correlation::rolling(window, 14).into_iter().max_by(|a, b| a.corr.total_cmp(&b.corr)))
    else {
        return not_checkable(
            "correlation_high",
            claim,
            tr!("too few aligned returns before 20 Nov", "11月20日之前可对齐的收益率数据太少"),
            sources,
        );
    };
    let verdict = if stats.corr >= EXTREMELY_HIGH_CORR {
        Verdict::Matches
    } else if peak.corr >= EXTREMELY_HIGH_CORR {
        Verdict::Contested
    } else {
        Verdict::Differs
    };
    ClaimCheck {
        id: "correlation_high",
        claim,
        data: tr!(
            format!(
                "The correlation of daily returns of Bitcoin and the S&P 500 over the 30 trading days to 19 Nov was {}; \
                 its highest 14-day value in that window was {} (to {}).",
                grouped(stats.corr, 2),
                grouped(peak.corr, 2),
                peak.date.short()
            ),
            format!(
                "截至11月19日的30个交易日内，比特币与标普500日收益率的相关系数为{}；该窗口内14日滚动相关系数的最高值为{}（截至{}）。",
                grouped(stats.corr, 2),
                grouped(peak.corr, 2),
                zh::month_day(peak.date)
            )
        ),
        verdict,
        detail: tr!(
            format!(
                "rule: \"extremely high\" taken as {} or more; {}",
                grouped(EXTREMELY_HIGH_CORR, 1),
                match verdict {
                    Verdict::Matches => "the whole window reaches it",
                    Verdict::Contested => "only its highest two weeks reach it: high, but extremely high only at its peak",
                    _ => "neither the window nor its highest two weeks reach it",
                }
            ),
            format!(
                "判定规则：相关系数达到{}及以上视为“极高”；{}",
                grouped(EXTREMELY_HIGH_CORR, 1),
                match verdict {
                    Verdict::Matches => "整个窗口都达到这一水平",
                    Verdict::Contested => "只有相关性最高的两周达到：相关性确实高，但只在峰值时称得上极高",
                    _ => "整个窗口及其相关性最高的两周都未达到",
                }
            )
        ),
        sources,
        see: Some(("#tariffs", tr!("section 2's correlation", "第2节的相关性分析"))),
    }
}

/// "Market depth has become thinner": no order-book depth is in the data.
/// The traded volume is shown for context (volume is not depth).
fn depth_thinner(m: &DataFile) -> ClaimCheck {
    let claim = tr!("Market depth had become thinner.", "市场深度已明显变薄。");
    let bars = m.ohlc.first().map(|s| s.bars.as_slice()).unwrap_or_default();
    let us = m.facts(Group::UsVolumeBnShares).into_iter().next();
    let mut sources: Vec<Source> = m.ohlc.first().map(|s| s.source.clone()).into_iter().collect();
    sources.extend(us.map(|f| f.source.clone()));
    let day = bars.iter().find(|b| b.0 == DAY);
    let month: Vec<f64> =
        bars.iter().filter(|b| b.0 >= Date::ymd(2025, 10, 21) && b.0 <= DAY_BEFORE).map(|b| b.5).collect();
    let mut context = match day {
        Some(d) if !month.is_empty() => {
            let avg = month.iter().sum::<f64>() / month.len() as f64;
            tr!(
                format!(
                    " For context only (volume is not depth): Binance's BTC/USDT spot volume on 20 Nov was {} BTC, {}× its \
                     average of the 30 days before.",
                    grouped(d.5, 0),
                    grouped(d.5 / avg, 1)
                ),
                format!(
                    "仅供参考（成交量不等于市场深度）：11月20日Binance的BTC/USDT现货成交量为{}枚比特币，是此前30日均值的{}倍。",
                    grouped(d.5, 0),
                    grouped(d.5 / avg, 1)
                )
            )
        }
        _ => String::new(),
    };
    if let Some(f) = us {
        context.push_str(&tr!(
            format!(" US stock exchanges traded {} billion shares ({}).", grouped(f.value, 1), f.note),
            format!(
                "美国各股票交易所当日成交{}亿股{}。",
                trim(f.value * 10.0, 1),
                zh_note(&f.note).map(|n| format!("（{n}）")).unwrap_or_default()
            )
        ));
    }
    let mut c = not_checkable(
        "depth_thinner",
        claim,
        tr!(
            "no order-book depth (the size of the orders resting near the price) is in the bundled data; the page's \
             \"market depth lost\" slider in section 3 is an assumption, not a measure",
            "数据中没有订单簿深度（挂在价格附近的委托单规模）；第3节中的“市场深度下降幅度”滑块是一项假设，并非实测"
        ),
        sources,
    );
    c.data.push_str(&context);
    c.see = Some(("#liquidity", tr!("section 3's depth what-if", "第3节的市场深度情景推演")));
    c
}

/// "High-leverage players were forced to sell": the liquidations reported
/// (CoinGlass, quoted) for the 24 hours to 21 Nov.
fn forced_selling(l: &DataFile) -> ClaimCheck {
    let claim = tr!("High-leverage players were forced to sell.", "高杠杆玩家被迫平仓。");
    let day = |g: Group| on(l, g, DAY_AFTER);
    let (all, longs, btc) = (
        day(Group::CryptoLiquidations24h),
        day(Group::CryptoLiquidationsLongs24h),
        day(Group::CryptoLiquidationsBtc24h),
    );
    let mut sources = sources_of(&all);
    for s in sources_of(&longs).into_iter().chain(sources_of(&btc)) {
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    let (Some(a), Some(lg)) = (span(&all), span(&longs)) else {
        return not_checkable(
            "forced_selling",
            claim,
            tr!("no liquidation figure for the 24 hours to 21 Nov", "没有截至11月21日的24小时强平数据"),
            sources,
        );
    };
    let money = |(lo, hi): (f64, f64)| {
        tr!(format!("{} to {}", usd_millions(lo), usd_millions(hi)), zh_usd_range(lo * 1e6, hi * 1e6))
    };
    ClaimCheck {
        id: "forced_selling",
        claim,
        data: tr!(
            format!(
                "Reported crypto liquidations in the 24 hours to 21 Nov (CoinGlass, as quoted): {} in all, {} of them \
                 leveraged longs{}.",
                money(a),
                money(lg),
                span(&btc).map(|b| format!("; Bitcoin alone {}", money(b))).unwrap_or_default()
            ),
            format!(
                "据报道（引述CoinGlass数据），截至11月21日的24小时内，加密货币强平规模各来源口径不一：全市场合计{}，\
                 其中杠杆多头{}{}。",
                money(a),
                money(lg),
                span(&btc).map(|b| format!("；比特币单项为{}", money(b))).unwrap_or_default()
            )
        ),
        verdict: if lg.0 > 0.0 { Verdict::Matches } else { Verdict::Differs },
        detail: tr!(
            "forced selling of leveraged longs was reported; the sources differ on its size, and their 24 hours run \
                 into 21 Nov",
            "有报道称杠杆多头遭强平；各来源对规模说法不一，且其统计的24小时延伸到了11月21日"
        )
        .into(),
        sources,
        see: Some(("#liquidations", tr!("section 4's cascade", "第4节的连锁强平模拟"))),
    }
}

/// "IBIT lost more than $500 million in a single day."
pub fn ibit_one_day(f: &DataFile) -> ClaimCheck {
    let days = f.facts(Group::EtfIbitDaily);
    let worst = days.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let sources = worst.map(|w| vec![w.source.clone()]).unwrap_or_default();
    let claim =
        tr!("BlackRock's IBIT saw a one-day outflow of more than $500 million.", "贝莱德旗下IBIT单日流出超过5亿美元。");
    match worst {
        None => not_checkable("ibit_500m", claim, tr!("no IBIT daily flow", "没有IBIT的单日资金流数据"), sources),
        Some(w) => ClaimCheck {
            id: "ibit_500m",
            claim,
            data: tr!(
                format!("IBIT's largest one-day net flow in the data: {} on {}.", usd_millions(w.value), w.date.long()),
                if w.value < 0.0 {
                    format!("数据中IBIT单日最大净流出：{}（{}）。", zh::usd_millions(-w.value), zh_day(w.date))
                } else {
                    format!("数据中IBIT单日最低净流量：{}（{}）。", zh::usd_millions(w.value), zh_day(w.date))
                }
            ),
            verdict: if w.value < -500.0 { Verdict::Matches } else { Verdict::Differs },
            detail: tr!(
                format!("{} beyond the $500M threshold", usd_millions(-w.value - 500.0)),
                format!("比5亿美元的门槛多出{}", zh::usd_millions(-w.value - 500.0))
            ),
            sources,
            see: None,
        },
    }
}

/// "Nearly" X: from 80 % of X up to 5 % above it.
fn nearly(claimed: f64, measured: f64) -> bool {
    (0.8 * claimed..=1.05 * claimed).contains(&measured)
}

/// IBIT's "total outflow of nearly $2 billion in November": the source text
/// ties the figure to IBIT, so it is judged on IBIT's month to date when the
/// text was written (17–18 Nov), with the month's total and all funds beside it.
pub fn november_outflows(f: &DataFile) -> ClaimCheck {
    let claim = tr!("IBIT's total outflow in November was nearly $2 billion.", "IBIT在11月累计流出近20亿美元。");
    let mtd = f.facts(Group::EtfIbitMtd);
    let month = f.facts(Group::EtfIbitMonth);
    let total = f.facts(Group::EtfTotalMtd);
    let total_last = total.iter().max_by(|a, b| a.date.cmp(&b.date));
    let when_written: Vec<&Fact> =
        mtd.iter().filter(|x| x.date >= Date::ymd(2025, 11, 17) && x.date <= DAY_BEFORE).copied().collect();
    let mut sources = sources_of(&when_written);
    sources.extend(sources_of(&month));
    sources.extend(total_last.map(|t| t.source.clone()));
    let Some(at) = when_written.last() else {
        return not_checkable(
            "nov_outflows",
            claim,
            tr!("no IBIT month-to-date figure for 17–19 Nov", "没有IBIT在11月17日至19日的月内累计数据"),
            sources,
        );
    };
    let matches = nearly(2000.0, -at.value);
    ClaimCheck {
        id: "nov_outflows",
        claim,
        data: tr!(
            format!(
                "IBIT's month-to-date net flow when the text was written: about {} to {}{}. All US spot Bitcoin ETFs \
                 together: about {} by {}.",
                usd_millions(at.value),
                at.date.long(),
                month
                    .first()
                    .map(|m| format!("; for the whole month about {}", usd_millions(m.value)))
                    .unwrap_or_default(),
                total_last.map(|t| usd_millions(t.value)).unwrap_or_else(|| "(no figure)".into()),
                total_last.map(|t| t.date.long()).unwrap_or_default(),
            ),
            format!(
                "原文撰写时IBIT的月内累计净流量：截至{}约为{}{}。美国全部比特币现货ETF合计：{}。",
                zh::month_day(at.date),
                zh::usd_millions(at.value),
                month.first().map(|m| format!("；全月约为{}", zh::usd_millions(m.value))).unwrap_or_default(),
                total_last
                    .map(|t| format!("截至{}约为{}", zh::month_day(t.date), zh::usd_millions(t.value)))
                    .unwrap_or_else(|| "（无数据）".into()),
            )
        ),
        verdict: if matches { Verdict::Matches } else { Verdict::Differs },
        detail: if matches {
            tr!(
                "the claim is about IBIT, and IBIT's month to date fits \"nearly $2 billion\" (read as $1.6B to $2.1B)",
                "原文说的是IBIT，而IBIT的月内累计符合“近20亿美元”（按16亿至21亿美元理解）"
            )
            .into()
        } else {
            tr!(
                "IBIT's month to date is outside \"nearly $2 billion\" (read as $1.6B to $2.1B)",
                "IBIT的月内累计不在“近20亿美元”（按16亿至21亿美元理解）的范围内"
            )
            .into()
        },
        sources,
        see: None,
    }
}

/// "Long-term holders sold 815,000 BTC in 30 days": independent measures
/// bracket the figure without confirming it. Tolerance: 5% of the claim.
fn lth_selling(f: &DataFile) -> ClaimCheck {
    let raw = f.facts(Group::Lth).into_iter().find(|x| x.label.contains("CryptoQuant"));
    let adjusted = f.facts(Group::LthCryptoquantAdjusted).into_iter().next();
    let internal = f.facts(Group::LthCryptoquantInternal).into_iter().next();
    let glassnode = f.facts(Group::LthGlassnodeChange).into_iter().next();
    let claimed = 815_000.0;
    let measures: Vec<f64> =
        [raw.map(|x| x.value), adjusted.map(|x| x.value), glassnode.map(|x| -x.value)].into_iter().flatten().collect();
    let sources: Vec<Source> = [raw, glassnode].into_iter().flatten().map(|x| x.source.clone()).collect();
    let n = |x: Option<&Fact>| {
        tr!(
            x.map(|x| grouped(x.value.abs(), 0)).unwrap_or_else(|| "(no figure)".into()),
            x.map(|x| zh_wan(x.value.abs())).unwrap_or_else(|| "（无数据）".into())
        )
    };
    ClaimCheck {
        id: "lth_815k",
        claim: tr!("Long-term holders sold 815,000 BTC in 30 days.", "长期持有者30天内抛售了81.5万枚比特币。"),
        data: tr!(
            format!(
                "No source for 815,000 was found. CryptoQuant's raw 30-day long-term-holder spending peaked near {} BTC, but about {} of that were Coinbase internal transfers, leaving about {}. Glassnode's long-term-holder supply fell by {} BTC from July to 16 Nov.",
                n(raw), n(internal), n(adjusted), n(glassnode)
            ),
            format!(
                "未找到81.5万枚这一数字的出处。CryptoQuant的原始数据显示，长期持有者30日链上转出量峰值接近{}枚比特币，但其中约{}枚是Coinbase的内部转账，剔除后约为{}枚。Glassnode的数据显示，长期持有者持仓量从7月到11月16日减少了{}枚。",
                n(raw), n(internal), n(adjusted), n(glassnode)
            )
        ),
        verdict: compare_measures(claimed, &measures, claimed * 0.05),
        detail: tr!(
            "The available measures disagree with each other and none confirms the figure; counting exchange-internal transfers as selling inflates it.",
            "现有各项指标相互矛盾，没有一项能证实这一数字；把交易所内部转账计作抛售会夸大数字。"
        )
        .into(),
        sources,
        see: None,
    }
}

/// "The trade war resumed on 10 October."
fn trade_war_date(e: &DataFile) -> ClaimCheck {
    let ev = e.events.iter().find(|x| x.id == "tariff");
    let sources: Vec<Source> = ev.map(|x| x.source.clone()).into_iter().collect();
    let claim = tr!("The US–China tariff war resumed on 10 October.", "10月10日，中美关税战再起。");
    match ev {
        None => not_checkable("trade_war", claim, tr!("no tariff event", "没有关税事件数据"), sources),
        Some(x) => ClaimCheck {
            id: "trade_war",
            claim,
            data: tr!(
                format!("{} ({}).", x.note, x.date.long()),
                format!("{}（{}）。", x.shown_note().trim_end_matches(['.', '。']), zh_day(x.date))
            ),
            verdict: if x.date == TARIFF_DAY { Verdict::Matches } else { Verdict::Differs },
            detail: tr!("the escalation is dated 10 Oct 2025", "局势升级发生在2025年10月10日").into(),
            sources,
            see: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_uses_the_tolerance() {
        assert_eq!(compare(-2.5, -1.56, 0.25).0, Verdict::Differs);
        assert_eq!(compare(-2.5, -2.4, 0.25).0, Verdict::Matches);
        assert!((compare(-2.5, -1.56, 0.25).1 - 0.94).abs() < 1e-9);
        assert_eq!(compare(1.0, f64::NAN, 0.1).0, Verdict::NotCheckable);
    }

    #[test]
    fn measures_that_straddle_a_claim_contest_it() {
        assert_eq!(compare_measures(815.0, &[1550.0, 900.0, 452.0], 40.0), Verdict::Contested);
        assert_eq!(compare_measures(815.0, &[800.0, 820.0], 40.0), Verdict::Matches);
        assert_eq!(compare_measures(815.0, &[800.0, 1550.0], 40.0), Verdict::Contested);
        assert_eq!(compare_measures(815.0, &[1550.0, 900.0], 40.0), Verdict::Differs);
        assert_eq!(compare_measures(815.0, &[], 40.0), Verdict::NotCheckable);
    }
}
