//! The data check of `make test`: every bundled file parses, validates (sorted
//! series, finite numbers, a source on every figure) and has what the sections read.

use selloff::data::ids::{self, Group, OhlcId, SeriesId};
use selloff::data::{parse_data_file, DataFile};
use std::fs;

fn load(name: &str) -> DataFile {
    let path = format!("{}/public/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_data_file(&format!("{name}.json"), &text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_file_in_public_data_parses_and_validates() {
    let dir = format!("{}/public/data", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            let name = path.file_stem().unwrap().to_str().unwrap().to_string();
            let doc = load(&name);
            assert_eq!(doc.id, name, "{name}.json names itself '{}'", doc.id);
            let figures = doc.series.len() + doc.ohlc.len() + doc.facts.len() + doc.events.len();
            assert!(figures > 0, "{name}.json holds no figure");
            n += 1;
        }
    }
    assert_eq!(n, 6, "expected six data files in {dir}");
}

#[test]
fn every_id_the_code_reads_is_in_the_file_it_names() {
    assert_eq!(ids::FILES.len(), 6);
    for id in SeriesId::ALL {
        assert!(load(id.file()).series(*id).is_some(), "{}.json lacks the series '{id}'", id.file());
    }
    for id in OhlcId::ALL {
        assert!(load(id.file()).ohlc(*id).is_some(), "{}.json lacks the OHLC series '{id}'", id.file());
    }
    for g in Group::ALL {
        assert!(!load(g.file()).facts(*g).is_empty(), "{}.json lacks the figures '{g}'", g.file());
    }
    // Each file is one of the six, and each id's key is unique in its enum.
    let files: Vec<&str> = SeriesId::ALL
        .iter()
        .map(|i| i.file())
        .chain(OhlcId::ALL.iter().map(|i| i.file()))
        .chain(Group::ALL.iter().map(|g| g.file()))
        .collect();
    assert!(files.iter().all(|f| ids::FILES.contains(f)));
    let mut keys: Vec<&str> = Group::ALL.iter().map(|g| g.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), Group::ALL.len());
}

#[test]
fn markets_has_what_the_timeline_reads() {
    let m = load("markets");
    let sp = m.obs(SeriesId::Sp500).unwrap();
    let btc = m.obs(SeriesId::BtcUsd0000utc).unwrap();
    assert_eq!(sp.len(), 63);
    assert_eq!(sp.first().unwrap().date.to_string(), "2025-09-02");
    assert_eq!(btc.len(), 92);
    assert_eq!(m.facts(Group::NasdaqClose).len(), 12);
    // Spot checks against the reference CSVs.
    let on = |s: &[selloff::model::series::Obs], d: &str| {
        selloff::model::series::value_on(s, selloff::model::date::Date::parse(d).unwrap()).unwrap()
    };
    assert_eq!(on(&sp, "2025-11-20"), 6538.76);
    assert_eq!(on(&btc, "2025-11-21"), 86_586.0);
}

#[test]
fn every_figure_has_a_linked_or_named_source() {
    for name in ["markets", "rates", "flows", "sentiment", "liquidations", "events"] {
        let doc = load(name);
        for f in &doc.facts {
            assert!(!f.source.publisher.is_empty() && !f.source.title.is_empty(), "{name}: {}", f.label);
        }
        for s in &doc.series {
            assert!(!s.source.url.is_empty(), "{name}: series {} has no link", s.id);
        }
    }
}
