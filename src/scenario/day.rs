//! The S&P 500's 20 Nov from the quoted figures in `markets.json`: its
//! sectors and their weights, Nvidia, and the path from the open. Read once
//! into [`StocksDay`]; every figure keeps its source.

use crate::data::ids::Group;
use crate::data::{DataFile, Fact, Source};
use crate::model::date::Date;

/// The sector whose reversal the decomposition measures.
pub const TECH_SECTOR: &str = "Information Technology";
pub const NVIDIA: &str = "NVDA";

/// One quoted figure with its date and source.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub value: f64,
    pub date: Date,
    pub source: Source,
}

impl Quote {
    fn of(f: &Fact) -> Quote {
        Quote { value: f.value, date: f.date, source: f.source.clone() }
    }
}

/// What the quoted figures say about the S&P 500's 20 Nov.
#[derive(Clone, Debug, PartialEq)]
pub struct StocksDay {
    /// Information technology's weight in the index, percent, and its date
    /// (the nearest dated full table: after the day, stated on the page).
    pub tech_weight: Quote,
    /// IT's 20 Nov move: the index's own sector (the central figure) and,
    /// where quoted, the other source's (likely the sector ETF): the range.
    pub tech: Quote,
    pub tech_other: Option<Quote>,
    /// Sectors that closed lower, of 11.
    pub sectors_down: Option<f64>,
    /// Nvidia's 20 Nov move, percent, and its dated index weights, percent.
    pub nvidia: Option<Quote>,
    pub nvidia_weights: Vec<Quote>,
    /// The path: the gap at the open and the day's high (both vs the prior
    /// close, percent), the open-to-close move, and when the selling began
    /// (hours after midnight ET).
    pub gap_open_pct: Option<Quote>,
    pub high_pct: Vec<Quote>,
    pub open_to_close_pct: Option<Quote>,
    pub turn_hours_et: Vec<Quote>,
    /// "Only eight sessions since 1957 opened more than 1 % up and closed lower."
    pub since_1957: Option<Quote>,
}

fn first(m: &DataFile, group: Group, label: &str) -> Option<Quote> {
    m.facts(group).into_iter().find(|f| f.label == label).map(Quote::of)
}

/// The first figure of a group.
fn one(m: &DataFile, group: Group) -> Option<Quote> {
    m.facts(group).first().map(|f| Quote::of(f))
}

fn all(m: &DataFile, group: Group) -> Vec<Quote> {
    m.facts(group).into_iter().map(Quote::of).collect()
}

/// The day's stock figures; `None` without IT's weight and move (the
/// decomposition then has no AI/tech part, and says so).
pub fn stocks_day(m: &DataFile) -> Option<StocksDay> {
    Some(StocksDay {
        tech_weight: first(m, Group::SectorWeightPct, TECH_SECTOR)?,
        tech: first(m, Group::SectorDayPct, TECH_SECTOR)?,
        tech_other: first(m, Group::SectorEtfDayPct, TECH_SECTOR),
        sectors_down: m.facts(Group::SectorsDown).first().map(|f| f.value),
        nvidia: first(m, Group::MegacapDayPct, NVIDIA),
        nvidia_weights: m
            .facts(Group::MegacapWeightPct)
            .into_iter()
            .filter(|f| f.label == NVIDIA)
            .map(Quote::of)
            .collect(),
        gap_open_pct: one(m, Group::SpxGapOpenPct),
        high_pct: all(m, Group::SpxHighPct),
        open_to_close_pct: one(m, Group::SpxOpenToClosePct),
        turn_hours_et: all(m, Group::SpxTurnTimeEt),
        since_1957: one(m, Group::ReversalSince1957),
    })
}

impl StocksDay {
    /// IT's moves as quoted: the central one first.
    pub fn tech_moves(&self) -> Vec<f64> {
        std::iter::once(self.tech.value).chain(self.tech_other.as_ref().map(|q| q.value)).collect()
    }

    /// Nvidia's contribution to the index's move, percent of the index, at
    /// the lowest and highest of its dated weights.
    pub fn nvidia_share(&self) -> Option<(f64, f64)> {
        let n = self.nvidia.as_ref()?;
        let ws = self.nvidia_weights.iter().map(|w| w.value);
        let (lo, hi) = ws.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), w| (a.min(w), b.max(w)));
        if !lo.is_finite() {
            return None;
        }
        let at = |w: f64| crate::model::attribution::contribution_pct(w / 100.0, n.value);
        Some((at(lo).min(at(hi)), at(lo).max(at(hi))))
    }

    /// When the selling began, hours after midnight ET: earliest and latest quote.
    pub fn turn_range(&self) -> Option<(f64, f64)> {
        let v: Vec<f64> = self.turn_hours_et.iter().map(|q| q.value).collect();
        (!v.is_empty()).then(|| {
            (v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(f64::NEG_INFINITY, f64::max))
        })
    }

    /// Every source the day's figures cite, once each.
    pub fn sources(&self) -> Vec<Source> {
        let mut out: Vec<Source> = Vec::new();
        let quotes = [Some(&self.tech_weight), Some(&self.tech), self.tech_other.as_ref(), self.nvidia.as_ref()]
            .into_iter()
            .flatten()
            .chain(&self.nvidia_weights)
            .chain(self.gap_open_pct.as_ref())
            .chain(&self.high_pct)
            .chain(self.open_to_close_pct.as_ref())
            .chain(&self.turn_hours_et)
            .chain(self.since_1957.as_ref());
        for q in quotes {
            if !out.contains(&q.source) {
                out.push(q.source.clone());
            }
        }
        out
    }
}
