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
                f.write_str("a date (YYYY-MM-DD)")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).ok_or_else(|| E::custom(format!("'{text}' is not a date (YYYY-MM-DD)")))
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
        match &self.kind {
            DataErrorKind::Fetch(why) => write!(f, "Could not load {file}: {why}."),
            DataErrorKind::Parse(why) => write!(f, "{file} is not in the expected format: {why}."),
            DataErrorKind::Version(v) => {
                write!(f, "{file} has schema version {v}, but this page reads version {SCHEMA_VERSION}.")
            }
            DataErrorKind::Invalid(why) => write!(f, "{file} contains a bad value: {why}."),
            DataErrorKind::Missing(what) => write!(f, "{file} does not contain {what}."),
        }
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
        return Err(err(DataErrorKind::Invalid(format!(
            "the file is {:.1} MB, more than the {} MB a data file may be",
            text.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ))));
    }
    if text.trim().is_empty() {
        return Err(err(DataErrorKind::Parse("the file is empty".into())));
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
        let why = e.to_string();
        err(DataErrorKind::Parse(if why.contains("expected a JSON number") {
            "schema_version must be a whole number".into()
        } else {
            why
        }))
    })?;
    match env.schema_version {
        Some(n) if n.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        Some(n) => {
            let v = n.as_u64().map(|v| v.min(u64::from(u32::MAX)) as u32).unwrap_or(0);
            return Err(err(DataErrorKind::Version(v)));
        }
        None => return Err(err(DataErrorKind::Parse("missing field `schema_version`".into()))),
    }
    let doc: DataFile = serde_json::from_str(text).map_err(|e| err(DataErrorKind::Parse(e.to_string())))?;
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
        return Err(format!("the series '{id}'"));
    }
    if let Some(id) = OhlcId::ALL.iter().find(|id| id.file() == file && doc.ohlc(**id).is_none()) {
        return Err(format!("the series '{id}'"));
    }
    if let Some(g) = Group::ALL.iter().find(|g| g.file() == file && doc.facts(**g).is_empty()) {
        return Err(format!("the figures '{g}'"));
    }
    Ok(())
}

fn check_date(what: &str, text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("{what}: '{text}' is not a date (YYYY-MM-DD)"))
}

fn check_finite(what: &str, date: Date, v: f64) -> Result<(), String> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(format!("{what} on {date} is not a finite number"))
    }
}

fn check_source(what: &str, s: &Source) -> Result<(), String> {
    if s.publisher.trim().is_empty() || s.title.trim().is_empty() {
        return Err(format!("{what} has no source"));
    }
    if !(s.url.is_empty() || s.url.starts_with("https://") || s.url.starts_with("http://")) {
        return Err(format!("{what}: source link '{}' is not a web address", s.url));
    }
    Ok(())
}

/// Dates strictly increasing: a series must be sorted and have no duplicate day.
fn check_sorted(what: &str, dates: impl Iterator<Item = Date>) -> Result<(), String> {
    let mut prev: Option<Date> = None;
    for d in dates {
        if let Some(p) = prev {
            if d <= p {
                return Err(format!("{what}: dates out of order ({p} then {d})"));
            }
        }
        prev = Some(d);
    }
    Ok(())
}

/// Everything serde cannot check: finite numbers, real dates, sorted series, sources.
pub fn validate(doc: &DataFile) -> Result<(), String> {
    check_date("as_of", &doc.as_of)?;
    for s in &doc.series {
        let what = format!("series '{}'", s.id);
        check_source(&what, &s.source)?;
        check_sorted(&what, s.points.iter().map(|(d, _)| *d))?;
        for (d, v) in &s.points {
            check_finite(&what, *d, *v)?;
        }
    }
    for s in &doc.ohlc {
        let what = format!("series '{}'", s.id);
        check_source(&what, &s.source)?;
        check_sorted(&what, s.bars.iter().map(|b| b.0))?;
        for (d, o, h, l, c, vol) in &s.bars {
            for v in [o, h, l, c, vol] {
                check_finite(&what, *d, *v)?;
            }
            if !(l <= o && l <= c && h >= o && h >= c) {
                return Err(format!("{what} on {d}: low/high do not bound open/close"));
            }
        }
    }
    for f in &doc.facts {
        let what = format!("figure '{}' ({})", f.label, f.date);
        check_finite(&what, f.date, f.value)?;
        check_source(&what, &f.source)?;
    }
    for e in &doc.events {
        let what = format!("event '{}'", e.id);
        check_source(&what, &e.source)?;
    }
    Ok(())
}

impl DataFile {
    pub fn series(&self, id: SeriesId) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id.key())
    }

    pub fn ohlc(&self, id: OhlcId) -> Option<&OhlcSeries> {
        self.ohlc.iter().find(|s| s.id == id.key())
    }

    /// A series' points as typed observations (dates were validated on load).
    pub fn obs(&self, id: SeriesId) -> Result<Vec<Obs>, DataError> {
        let s = self.series(id).ok_or_else(|| {
            DataError::new(&format!("{}.json", self.id), DataErrorKind::Missing(format!("the series '{id}'")))
        })?;
        Ok(s.points.iter().map(|&(date, value)| Obs { date, value }).collect())
    }

    /// All facts of one group, in file order.
    pub fn facts(&self, group: Group) -> Vec<&Fact> {
        self.facts.iter().filter(|f| f.group == group.key()).collect()
    }
}

#[cfg(test)]
mod tests;
