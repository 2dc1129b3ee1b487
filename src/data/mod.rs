//! Schema of the bundled data files in `public/data/` and their validation.
//!
//! Every file has the same envelope; a section asks for the file it needs and
//! gets either a validated [`DataFile`] or a [`DataError`] that says, in words a
//! reader can act on, which file is wrong and how.

use crate::model::date::Date;
use crate::model::series::Obs;
use ids::{Group, OhlcId, SeriesId};
use serde::{Deserialize, Serialize};
use std::fmt;

pub mod claims;
pub mod csv;
pub mod days;
pub mod ids;
#[cfg(target_arch = "wasm32")]
pub mod load;

/// The only schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The largest data file accepted, bytes. The bundled files are ~20 KB; a
/// file hundreds of times larger is a mistake or an attack, and parsing it
/// would freeze the page.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Where a figure comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    /// Link to the page or repository file; empty when the source names none.
    pub url: String,
    /// Publication or commit date of the source, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A daily series with one source: `points` are `[date, value]` pairs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub as_of: String,
    pub note: String,
    pub source: Source,
    pub points: Vec<(Date, f64)>,
}

/// Daily OHLC bars: `[date, open, high, low, close, volume]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OhlcSeries {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub as_of: String,
    pub note: String,
    pub source: Source,
    pub bars: Vec<(Date, f64, f64, f64, f64, f64)>,
}

/// A single dated figure with its own source (quoted readings, not a series).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub group: String,
    pub date: Date,
    pub label: String,
    pub value: f64,
    pub unit: String,
    pub note: String,
    pub source: Source,
}

/// A dated event for the shared events layer of every timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: String,
    pub note: String,
    pub source: Source,
}

impl Event {
    /// The title as the page shows it: the file's words, or in the Chinese
    /// edition their Chinese for the bundled events (an event the table
    /// does not know keeps the file's words).
    pub fn shown_title(&self) -> &str {
        tr!(self.title.as_str(), zh_event(&self.id).map_or(self.title.as_str(), |z| z.0))
    }

    /// The note as the page shows it, as [`Event::shown_title`].
    pub fn shown_note(&self) -> &str {
        tr!(self.note.as_str(), zh_event(&self.id).map_or(self.note.as_str(), |z| z.1))
    }
}

/// The bundled events' titles and notes in Chinese, by event id (the
/// files' text is English; the sources they quote are quoted in Chinese,
/// the sources' names kept).
#[cfg(any(feature = "zh", test))]
fn zh_event(id: &str) -> Option<(&'static str, &'static str)> {
    Some(match id {
        // events.json
        "tariff" => ("威胁对华加征100%关税", "美国宣布自11月1日起对中国输美商品加征100%关税。"),
        "liquidation_record" => (
            "加密货币强平规模创190亿美元纪录",
            "美方发文威胁对华加征100%关税后，10月10日至11日加密货币市场出现连锁强平，逾160万名交易者被强平，规模创历史纪录。",
        ),
        "ibit_record_14" => (
            "IBIT单日流出创纪录：4.63亿美元",
            "贝莱德旗下比特币现货ETF单日流出4.631亿美元，创当时纪录（Farside）。",
        ),
        "ibit_record_18" => (
            "IBIT单日流出再创纪录：5.23亿美元",
            "IBIT上市以来最大单日流出：5.232亿美元（Farside，据Reuters）。",
        ),
        "nvidia" => ("英伟达公布第三财季业绩", "英伟达于美股收盘后公布营收570亿美元，好于预期，股价盘后走高。"),
        "reversal" => (
            "行情反转",
            "业绩公布次日，英伟达以195.95美元开盘、收于180.64美元，带动美股由高开转为普跌。",
        ),
        "williams" => (
            "美联储威廉姆斯重燃降息预期",
            "纽约联储主席威廉姆斯表示近期仍有降息空间；12月降息概率由约39%跃升至57%至75%。",
        ),
        // rates.json: the Fed's speakers and the day's other news
        "waller_1117" => ("美联储理事沃勒（票委）：支持12月降息25个基点", "2025年11月17日。MT Newswires"),
        "barkin_1118" => ("里士满联储主席巴尔金：对12月降息不表态", "2025年11月18日。MT Newswires"),
        "fomc_minutes_1119" => (
            "美联储10月议息会议纪要：对12月降息存在分歧",
            "2025年11月19日美东时间14:00公布。MT Newswires：“许多与会者认为，尽管可能需要进一步降息，但在12月会议上降息或许并不合适”；\
             “观点分歧明显”（MT Newswires周报）",
        ),
        "walmart_q3_results_1120" => (
            "沃尔玛第三财季业绩超预期",
            "2025年11月20日美股盘前。“沃尔玛盈利改善、业绩指引稳健”；沃尔玛股价上涨5%（quantuminsightlab）",
        ),
        "hammack_1120" => (
            "克利夫兰联储主席哈马克（非票委）：反对进一步降息",
            "2025年11月20日。MT Newswires美东时间14:48：进一步降息存在风险，“尤其是如果这会使通胀居高不下并助长冒险行为”；\
             政策应保持“略偏紧”",
        ),
        "cook_1120" => (
            "美联储理事库克：警示资产估值风险",
            "2025年11月20日。高盛交易台报告在列举行情反转的原因时提到私募信贷担忧，“美联储理事库克谈及‘潜在的资产估值脆弱性’，更凸显了这一点”",
        ),
        "williams_1121" => (
            "纽约联储主席威廉姆斯：近期仍有降息空间",
            "2025年11月21日，即暴跌次日。Bloomberg WIRP显示12月降息概率为65%，高于其讲话前的37%",
        ),
        _ => return None,
    })
}

/// Dates in the files are `YYYY-MM-DD` text: read into a [`Date`] (an
/// impossible day is a format error naming it, with serde's position) and
/// written back the same way.
impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(tr!("a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).ok_or_else(|| {
                    E::custom(tr!(
                        format!("'{text}' is not a date (YYYY-MM-DD)"),
                        format!("“{text}”不是有效日期（YYYY-MM-DD）")
                    ))
                })
            }
        }
        d.deserialize_str(Text)
    }
}

/// One bundled data file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    pub schema_version: u32,
    pub id: String,
    pub title: String,
    pub as_of: String,
    #[serde(default)]
    pub series: Vec<Series>,
    #[serde(default)]
    pub ohlc: Vec<OhlcSeries>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// Why a data file could not be used. `file` is the file name as fetched.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    pub file: String,
    pub kind: DataErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DataErrorKind {
    /// The request failed or returned a non-success status.
    Fetch(String),
    /// Not valid JSON, wrong type, missing field, number out of range (serde's words).
    Parse(String),
    /// `schema_version` is not one this build reads.
    Version(u32),
    /// A value that parsed but makes no sense (non-finite, bad date, unsorted...).
    Invalid(String),
    /// The file is fine but lacks a series or figure the section needs.
    Missing(String),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        tr!(
            match &self.kind {
                DataErrorKind::Fetch(why) => write!(f, "Could not load {file}: {why}."),
                DataErrorKind::Parse(why) => write!(f, "{file} is not in the expected format: {why}."),
                DataErrorKind::Version(v) => {
                    write!(f, "{file} has schema version {v}, but this page reads version {SCHEMA_VERSION}.")
                }
                DataErrorKind::Invalid(why) => write!(f, "{file} contains a bad value: {why}."),
                DataErrorKind::Missing(what) => write!(f, "{file} does not contain {what}."),
            },
            match &self.kind {
                DataErrorKind::Fetch(why) => write!(f, "无法加载{file}：{why}。"),
                DataErrorKind::Parse(why) => write!(f, "{file}的格式不符合要求：{why}。"),
                DataErrorKind::Version(v) => {
                    write!(f, "{file}的数据格式版本为{v}，而本页读取的是版本{SCHEMA_VERSION}。")
                }
                DataErrorKind::Invalid(why) => write!(f, "{file}含有无效数值：{why}。"),
                DataErrorKind::Missing(what) => write!(f, "{file}中缺少{what}。"),
            }
        )
    }
}

impl std::error::Error for DataError {}

impl DataError {
    pub fn new(file: &str, kind: DataErrorKind) -> DataError {
        DataError { file: file.to_string(), kind }
    }
}

/// Parse and validate one data file's text. `file` names it in errors.
pub fn parse_data_file(file: &str, text: &str) -> Result<DataFile, DataError> {
    let err = |kind| DataError::new(file, kind);
    if text.len() > MAX_BYTES {
        let (mb, max) = (text.len() as f64 / 1_048_576.0, MAX_BYTES / 1_048_576);
        return Err(err(DataErrorKind::Invalid(tr!(
            format!("the file is {mb:.1} MB, more than the {max} MB a data file may be"),
            format!("文件大小为{mb:.1} MB，超过数据文件{max} MB的上限")
        ))));
    }
    if text.trim().is_empty() {
        return Err(err(DataErrorKind::Parse(tr!("the file is empty", "文件为空").into())));
    }
    // Read the version first, so that a future file is reported as such
    // rather than as whatever field it happens to lack.
    // A Number, not a serde_json::Value: Value's deserializer (maps, arrays,
    // strings) costs 3.5 KB of wasm for a field that must be a number.
    #[derive(Deserialize)]
    struct Envelope {
        schema_version: Option<serde_json::Number>,
    }
    let env: Envelope = serde_json::from_str(text).map_err(|e| {
        err(DataErrorKind::Parse(if e.to_string().contains("expected a JSON number") {
            tr!("schema_version must be a whole number", "schema_version必须是整数").into()
        } else {
            parse_why(&e)
        }))
    })?;
    match env.schema_version {
        Some(n) if n.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        Some(n) => {
            let v = n.as_u64().map(|v| v.min(u64::from(u32::MAX)) as u32).unwrap_or(0);
            return Err(err(DataErrorKind::Version(v)));
        }
        None => {
            return Err(err(DataErrorKind::Parse(
                tr!("missing field `schema_version`", "缺少字段`schema_version`").into(),
            )))
        }
    }
    let doc: DataFile = serde_json::from_str(text).map_err(|e| err(DataErrorKind::Parse(parse_why(&e))))?;
    validate(&doc).map_err(|why| err(DataErrorKind::Invalid(why)))?;
    required(&doc).map_err(|what| err(DataErrorKind::Missing(what)))?;
    Ok(doc)
}

/// A bundled file (one of [`ids::FILES`] by its envelope id) must hold every
/// id the code reads from it: a missing one is a load error naming the first,
/// not an empty list later. Files with another id (test fixtures) need nothing.
fn required(doc: &DataFile) -> Result<(), String> {
    let file = doc.id.as_str();
    if !ids::FILES.contains(&file) {
        return Ok(());
    }
    if let Some(id) = SeriesId::ALL.iter().find(|id| id.file() == file && doc.series(**id).is_none()) {
        return Err(the_series(id));
    }
    if let Some(id) = OhlcId::ALL.iter().find(|id| id.file() == file && doc.ohlc(**id).is_none()) {
        return Err(the_series(id));
    }
    if let Some(g) = Group::ALL.iter().find(|g| g.file() == file && doc.facts(**g).is_empty()) {
        return Err(tr!(format!("the figures '{g}'"), format!("数据组“{g}”")));
    }
    Ok(())
}

/// A missing series as the error names it: "the series 'sp500'".
fn the_series(id: &dyn fmt::Display) -> String {
    tr!(format!("the series '{id}'"), format!("序列“{id}”"))
}

/// serde's reason a file would not parse, in the page's language: the
/// English is serde's own words; the Chinese says what kind of fault it is
/// and where, naming the field when serde does.
fn parse_why(e: &serde_json::Error) -> String {
    tr!(e.to_string(), {
        use serde_json::error::Category;
        let at = if e.line() > 0 { format!("（第{}行第{}列）", e.line(), e.column()) } else { String::new() };
        let text = e.to_string();
        let body = text.rsplit_once(" at line ").map_or(text.as_str(), |(b, _)| b);
        // The first `name` serde quotes, as it quotes it.
        let named = |rest: &str| rest.split(',').next().unwrap_or(rest).trim().to_string();
        match e.classify() {
            Category::Syntax => format!("不是有效的JSON{at}"),
            Category::Eof => format!("文件不完整，提前结束{at}"),
            Category::Io => format!("读取出错{at}"),
            Category::Data => {
                if let Some(rest) = body.strip_prefix("missing field ") {
                    format!("缺少字段{}{at}", named(rest))
                } else if let Some(rest) = body.strip_prefix("unknown field ") {
                    format!("含有未知字段{}{at}", named(rest))
                } else if let Some(rest) = body.strip_prefix("duplicate field ") {
                    format!("字段{}重复{at}", named(rest))
                } else if body.starts_with("invalid type") {
                    format!("数据类型不符{at}")
                } else if body.starts_with("invalid length") {
                    format!("数组长度不符{at}")
                } else if body.starts_with("invalid value") || body.starts_with("number out of range") {
                    format!("数值无效或超出范围{at}")
                } else {
                    // Our own messages (a bad date) are already in Chinese.
                    format!("{body}{at}")
                }
            }
        }
    })
}

fn check_date(what: &str, text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| {
        tr!(
            format!("{what}: '{text}' is not a date (YYYY-MM-DD)"),
            format!("{what}：“{text}”不是有效日期（YYYY-MM-DD）")
        )
    })
}

fn check_finite(what: &str, date: Date, v: f64) -> Result<(), String> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(tr!(format!("{what} on {date} is not a finite number"), format!("{what}在{date}的值不是有限数值")))
    }
}

fn check_source(what: &str, s: &Source) -> Result<(), String> {
    if s.publisher.trim().is_empty() || s.title.trim().is_empty() {
        return Err(tr!(format!("{what} has no source"), format!("{what}未注明来源")));
    }
    if !(s.url.is_empty() || s.url.starts_with("https://") || s.url.starts_with("http://")) {
        let url = &s.url;
        return Err(tr!(
            format!("{what}: source link '{url}' is not a web address"),
            format!("{what}：来源链接“{url}”不是网址")
        ));
    }
    Ok(())
}

/// Dates strictly increasing: a series must be sorted and have no duplicate day.
fn check_sorted(what: &str, dates: impl Iterator<Item = Date>) -> Result<(), String> {
    let mut prev: Option<Date> = None;
    for d in dates {
        if let Some(p) = prev {
            if d <= p {
                return Err(tr!(
                    format!("{what}: dates out of order ({p} then {d})"),
                    format!("{what}：日期顺序错误（{p}之后为{d}）")
                ));
            }
        }
        prev = Some(d);
    }
    Ok(())
}

/// Everything serde cannot check: finite numbers, real dates, sorted series, sources.
pub fn validate(doc: &DataFile) -> Result<(), String> {
    check_date("as_of", &doc.as_of)?;
    let series = |id: &str| tr!(format!("series '{id}'"), format!("序列“{id}”"));
    for s in &doc.series {
        let what = series(&s.id);
        check_source(&what, &s.source)?;
        check_sorted(&what, s.points.iter().map(|(d, _)| *d))?;
        for (d, v) in &s.points {
            check_finite(&what, *d, *v)?;
        }
    }
    for s in &doc.ohlc {
        let what = series(&s.id);
        check_source(&what, &s.source)?;
        check_sorted(&what, s.bars.iter().map(|b| b.0))?;
        for (d, o, h, l, c, vol) in &s.bars {
            for v in [o, h, l, c, vol] {
                check_finite(&what, *d, *v)?;
            }
            if !(l <= o && l <= c && h >= o && h >= c) {
                return Err(tr!(
                    format!("{what} on {d}: low/high do not bound open/close"),
                    format!("{what}在{d}的最高价、最低价未涵盖开盘价和收盘价")
                ));
            }
        }
    }
    for f in &doc.facts {
        let what = tr!(format!("figure '{}' ({})", f.label, f.date), format!("数据“{}”（{}）", f.label, f.date));
        check_finite(&what, f.date, f.value)?;
        check_source(&what, &f.source)?;
    }
    for e in &doc.events {
        let what = tr!(format!("event '{}'", e.id), format!("事件“{}”", e.id));
        check_source(&what, &e.source)?;
    }
    Ok(())
}

impl DataFile {
    /// The file's title as the page shows it: in the Chinese edition the
    /// bundled files' titles in Chinese, by envelope id.
    pub fn shown_title(&self) -> &str {
        tr!(self.title.as_str(), {
            let zh = match self.id.as_str() {
                "markets" => Some(
                    "市场价格：标普500、VIX、比特币、纳斯达克综合指数（数据稀疏）、事件当日价格、加密货币总市值与亚洲股指（点位）",
                ),
                "rates" => Some(
                    "2025年12月降息概率（引述CME FedWatch）、美国国债收益率、11月20日公布的就业数据与美联储官员讲话",
                ),
                "flows" => Some("比特币现货ETF资金流向与长期持有者持仓"),
                "liquidations" => Some("加密货币强平数据（引述CoinGlass）"),
                "sentiment" => Some("恐惧与贪婪指数：CNN（美股）与Alternative.me（加密货币）"),
                "events" => Some("各时间线共用的事件"),
                _ => None,
            };
            zh.unwrap_or(self.title.as_str())
        })
    }

    pub fn series(&self, id: SeriesId) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id.key())
    }

    pub fn ohlc(&self, id: OhlcId) -> Option<&OhlcSeries> {
        self.ohlc.iter().find(|s| s.id == id.key())
    }

    /// A series' points as typed observations (dates were validated on load).
    pub fn obs(&self, id: SeriesId) -> Result<Vec<Obs>, DataError> {
        let s = self
            .series(id)
            .ok_or_else(|| DataError::new(&format!("{}.json", self.id), DataErrorKind::Missing(the_series(&id))))?;
        Ok(s.points.iter().map(|&(date, value)| Obs { date, value }).collect())
    }

    /// All facts of one group, in file order.
    pub fn facts(&self, group: Group) -> Vec<&Fact> {
        self.facts.iter().filter(|f| f.group == group.key()).collect()
    }
}

#[cfg(test)]
mod tests;
