//! CSV export of the bundled data, generated from the same JSON the page
//! reads, so a download always matches what is shown. One CSV per dataset
//! (a series, an OHLC series, or a group of facts), each row with its source.

use super::{DataFile, Source};

/// A downloadable table: file name, human title, CSV text and data-row count.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTable {
    pub file_name: String,
    pub title: String,
    pub text: String,
    pub rows: usize,
}

/// RFC 4180 field quoting.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(v: f64) -> String {
    // Shortest representation that round-trips.
    format!("{v}")
}

fn src(s: &Source) -> [String; 4] {
    [field(&s.publisher), field(&s.title), field(&s.url), field(s.date.as_deref().unwrap_or(""))]
}

pub fn tables(doc: &DataFile) -> Vec<CsvTable> {
    let mut out = Vec::new();
    for s in &doc.series {
        let mut text = String::from("date,value,unit,source_publisher,source_title,source_url,source_date\n");
        let [p, t, u, d] = src(&s.source);
        for (date, v) in &s.points {
            text.push_str(&format!("{date},{},{},{p},{t},{u},{d}\n", num(*v), field(&s.unit)));
        }
        out.push(CsvTable { file_name: format!("{}.csv", s.id), title: s.name.clone(), text, rows: s.points.len() });
    }
    for s in &doc.ohlc {
        let mut text =
            String::from("date,open,high,low,close,volume,unit,source_publisher,source_title,source_url,source_date\n");
        let [p, t, u, d] = src(&s.source);
        for (date, o, h, l, c, vol) in &s.bars {
            text.push_str(&format!(
                "{date},{},{},{},{},{},{},{p},{t},{u},{d}\n",
                num(*o),
                num(*h),
                num(*l),
                num(*c),
                num(*vol),
                field(&s.unit)
            ));
        }
        out.push(CsvTable { file_name: format!("{}.csv", s.id), title: s.name.clone(), text, rows: s.bars.len() });
    }
    let mut groups: Vec<&str> = Vec::new();
    for f in &doc.facts {
        if !groups.contains(&f.group.as_str()) {
            groups.push(&f.group);
        }
    }
    for g in groups {
        let facts: Vec<&super::Fact> = doc.facts.iter().filter(|f| f.group == g).collect();
        let mut text =
            String::from("date,label,value,unit,note,source_publisher,source_title,source_url,source_date\n");
        for f in &facts {
            let [p, t, u, d] = src(&f.source);
            text.push_str(&format!(
                "{},{},{},{},{},{p},{t},{u},{d}\n",
                f.date,
                field(&f.label),
                num(f.value),
                field(&f.unit),
                field(&f.note)
            ));
        }
        // One label for the group, or the distinct labels when they differ (e.g. open, high, low, close).
        let mut labels: Vec<&str> = Vec::new();
        for f in &facts {
            if !labels.contains(&f.label.as_str()) {
                labels.push(&f.label);
            }
        }
        out.push(CsvTable { file_name: format!("{g}.csv"), title: labels.join(", "), text, rows: facts.len() });
    }
    if !doc.events.is_empty() {
        let mut text = String::from("date,id,title,note,source_publisher,source_title,source_url,source_date\n");
        for e in &doc.events {
            let [p, t, u, d] = src(&e.source);
            text.push_str(&format!(
                "{},{},{},{},{p},{t},{u},{d}\n",
                e.date,
                field(&e.id),
                field(&e.title),
                field(&e.note)
            ));
        }
        out.push(CsvTable { file_name: "events.csv".into(), title: "Events".into(), text, rows: doc.events.len() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fields_that_need_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn one_table_per_dataset_with_every_row() {
        let text = r#"{"schema_version":1,"id":"x","title":"t","as_of":"2025-11-30",
          "series":[{"id":"sp500","name":"S&P 500","unit":"index points","as_of":"2025-11-20","note":"",
            "source":{"publisher":"CNN","title":"graph, data","url":"https://e.org"},"points":[["2025-11-19",6642.16],["2025-11-20",6538.76]]}],
          "facts":[{"group":"g","date":"2025-11-20","label":"L","value":1.5,"unit":"u","note":"n","source":{"publisher":"P","title":"T","url":""}}]}"#;
        let doc = crate::data::parse_data_file("x.json", text).unwrap();
        let t = tables(&doc);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].file_name, "sp500.csv");
        assert_eq!(t[0].rows, 2);
        let lines: Vec<&str> = t[0].text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1], "2025-11-19,6642.16,index points,CNN,\"graph, data\",https://e.org,");
        assert_eq!(t[1].text.lines().nth(1).unwrap(), "2025-11-20,L,1.5,u,n,P,T,,");
    }
}
