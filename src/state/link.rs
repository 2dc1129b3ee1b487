//! The page state as a link: read from a query (never failing) and written
//! back, over-specified, in link order.

use super::controls::Settings;
use super::query::{excerpt, get_param, set_params};

/// The schema version of links; a link without `v` is read as version 1.
pub const SCHEMA_V: &str = "1";

/// Read the whole page state from a query (with or without `?`). Never fails:
/// the notices say which values were not used as given.
pub fn parse_state(query: &str) -> (Settings, Vec<String>) {
    let mut notices = Vec::new();
    if let Some(v) = get_param(query, "v") {
        if v != SCHEMA_V {
            notices.push(tr!(
                format!("v: this link says version '{}'; it is read as version {SCHEMA_V}.", excerpt(&v)),
                format!("v：此链接标注的版本为“{}”，现按版本{SCHEMA_V}读取。", excerpt(&v))
            ));
        }
    }
    // The edition is the page's address (`/` English, `/zh/` Chinese; the
    // page's first script opens the other one for `lang=en` / `lang=zh`):
    // any other value is named, and the page stays as it is.
    if let Some(v) = get_param(query, "lang") {
        if v != "en" && v != "zh" {
            notices.push(tr!(
                format!("lang: this page has no edition '{}', so it stays in English (中文: lang=zh).", excerpt(&v)),
                format!("lang：本页没有“{}”版本，仍以中文显示（English: lang=en）。", excerpt(&v))
            ));
        }
    }
    let settings = Settings::read(query, &mut notices);
    (settings, notices)
}

/// The over-specified link for a state: `v`, then every control.
pub fn serialise_state(s: &Settings) -> String {
    set_params("", &state_params(s))
}

/// `v` and every control, as `(key, value)` pairs in link order.
pub fn state_params(s: &Settings) -> Vec<(&'static str, String)> {
    let mut params = vec![("v", SCHEMA_V.to_string())];
    params.extend(s.pairs());
    params
}

/// `query` with every control (and `v`) set from `s`, every other parameter
/// kept in place. Returns the query without a leading `?`.
pub fn with_state(query: &str, s: &Settings) -> String {
    set_params(query, &state_params(s))
}
