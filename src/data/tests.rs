use super::*;

/// A partial file: its envelope id is none of the six bundled files', so it
/// need not hold every id the code reads (see `a_bundled_file_missing_an_id_fails_to_load`).
const VALID: &str = r#"{
  "schema_version": 1, "id": "fixture", "title": "t", "as_of": "2025-11-30",
  "series": [{"id": "sp500", "name": "S&P 500", "unit": "index points", "as_of": "2025-11-20",
              "note": "", "source": {"publisher": "CNN", "title": "graph data", "url": "https://example.org/x"},
              "points": [["2025-11-19", 6642.16], ["2025-11-20", 6538.76]]}],
  "facts": [{"group": "nasdaq_close", "date": "2025-11-20", "label": "Nasdaq", "value": 22078.05,
             "unit": "index points", "note": "", "source": {"publisher": "WF", "title": "Opening", "url": ""}}]
}"#;

fn err_of(text: &str) -> DataError {
    parse_data_file("markets.json", text).unwrap_err()
}

#[test]
fn valid_file_parses_and_exposes_series_and_facts() {
    let doc = parse_data_file("markets.json", VALID).unwrap();
    let obs = doc.obs(SeriesId::Sp500).unwrap();
    assert_eq!(obs.len(), 2);
    assert_eq!(obs[1].value, 6538.76);
    assert_eq!(doc.facts(Group::NasdaqClose).len(), 1);
    // Absent from this fixture, which is not a bundled file: not a load error.
    assert!(doc.series(SeriesId::BtcUsd0000utc).is_none());
    let missing = doc.obs(SeriesId::BtcUsd0000utc).unwrap_err();
    assert_eq!(missing.to_string(), "fixture.json does not contain the series 'btc_usd_0000utc'.");
}

#[test]
fn a_bundled_file_missing_an_id_fails_to_load() {
    // The same text named as markets.json lacks the Bitcoin series (the
    // first id markets must hold that it does not).
    let markets = VALID.replace(r#""id": "fixture""#, r#""id": "markets""#);
    let e = err_of(&markets);
    assert_eq!(e.kind, DataErrorKind::Missing("the series 'btc_usd_0000utc'".into()));
    assert_eq!(e.to_string(), "markets.json does not contain the series 'btc_usd_0000utc'.");
    // A missing fact group is named as figures.
    let rates = VALID.replace(r#""id": "fixture""#, r#""id": "rates""#);
    assert_eq!(err_of(&rates).to_string(), "markets.json does not contain the figures 'fedwatch_dec_cut'.");
}

#[test]
fn missing_field_is_named() {
    let e = err_of(&VALID.replace(r#""unit": "index points", "as_of""#, r#""as_of""#));
    assert!(matches!(e.kind, DataErrorKind::Parse(_)));
    assert!(e.to_string().contains("missing field `unit`"), "{e}");
    assert!(e.to_string().starts_with("markets.json is not in the expected format"), "{e}");
}

#[test]
fn wrong_type_is_named() {
    let e = err_of(&VALID.replace("6538.76", "\"6538.76\""));
    assert!(e.to_string().contains("invalid type: string"), "{e}");
}

#[test]
fn non_finite_number_is_rejected() {
    // JSON has no NaN; an overflowing literal is how a non-finite value arrives.
    let e = err_of(&VALID.replace("6538.76", "1e999"));
    assert!(matches!(e.kind, DataErrorKind::Parse(_)), "{e:?}");
    assert!(e.to_string().contains("out of range"), "{e}");
    // And a non-finite value built in code is caught by validation.
    let mut doc = parse_data_file("markets.json", VALID).unwrap();
    doc.series[0].points[0].1 = f64::NAN;
    assert!(validate(&doc).unwrap_err().contains("not a finite number"));
}

#[test]
fn dates_out_of_order_are_rejected() {
    let swapped = VALID.replace(
        r#"[["2025-11-19", 6642.16], ["2025-11-20", 6538.76]]"#,
        r#"[["2025-11-20", 6538.76], ["2025-11-19", 6642.16]]"#,
    );
    let e = err_of(&swapped);
    assert_eq!(
        e.to_string(),
        "markets.json contains a bad value: series 'sp500': dates out of order (2025-11-20 then 2025-11-19)."
    );
    let dup = VALID.replace("2025-11-19", "2025-11-20");
    assert!(err_of(&dup).to_string().contains("out of order"));
    let bad = VALID.replace("2025-11-19", "2025-11-31");
    assert!(err_of(&bad).to_string().contains("'2025-11-31' is not a date"));
}

#[test]
fn unknown_schema_version_is_reported_as_such() {
    let e = err_of(&VALID.replace(r#""schema_version": 1"#, r#""schema_version": 2"#));
    assert_eq!(e.kind, DataErrorKind::Version(2));
    assert_eq!(e.to_string(), "markets.json has schema version 2, but this page reads version 1.");
    let e = err_of(&VALID.replace(r#""schema_version": 1,"#, ""));
    assert!(e.to_string().contains("missing field `schema_version`"));
}

#[test]
fn empty_truncated_and_unknown_fields() {
    assert!(err_of("").to_string().contains("the file is empty"));
    assert!(err_of(&VALID[..VALID.len() / 2]).to_string().contains("EOF"));
    let e = err_of(&VALID.replace(r#""title": "t","#, r#""title": "t", "extra": 1,"#));
    assert!(e.to_string().contains("unknown field `extra`"), "{e}");
}

#[test]
fn figure_without_source_is_rejected() {
    let e = err_of(&VALID.replace(r#""publisher": "WF""#, r#""publisher": "  ""#));
    assert!(e.to_string().contains("has no source"), "{e}");
    let e = err_of(&VALID.replace("https://example.org/x", "javascript:alert(1)"));
    assert!(e.to_string().contains("is not a web address"), "{e}");
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let huge = format!("{}{}", VALID, " ".repeat(MAX_BYTES));
    let e = err_of(&huge);
    assert!(e.to_string().contains("more than the 2 MB a data file may be"), "{e}");
}

/// The Chinese edition (issue 26) shows the bundled events in Chinese by id:
/// an event added to events.json without a Chinese title and note would show
/// English on /zh/, so every bundled event must have both, in Chinese.
#[test]
fn every_bundled_event_has_its_chinese_title_and_note() {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut events = Vec::new();
    for name in ["markets", "rates", "flows", "liquidations", "sentiment", "events"] {
        let path = format!("{}/public/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let doc = parse_data_file(&format!("{name}.json"), &std::fs::read_to_string(path).unwrap()).unwrap();
        events.extend(doc.events);
    }
    assert!(events.len() >= 7, "{}", events.len());
    for e in &events {
        let (title, note) = zh_event(&e.id).unwrap_or_else(|| panic!("no Chinese text for event '{}'", e.id));
        assert!(han(title) && han(note), "event '{}': {title} / {note}", e.id);
    }
}
