//! Each chart's input and each sentence or table that states a computed
//! finding, as pure functions of the data and the settings: one file per
//! section. No Leptos and no web types, so they are tested natively on the
//! real data files; the section components only read their signals and call
//! these.

pub use crate::format::long_date;

pub mod answer;
pub mod inputs;
pub mod intro;
pub mod liquidations;
pub mod liquidity;
pub mod questions;
pub mod rates;
pub mod synthesis;
pub mod tariffs;

/// The source line a saved chart image carries: each publisher once, in order.
pub fn source_line(sources: &[crate::data::Source]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for s in sources {
        if !seen.contains(&s.publisher.as_str()) {
            seen.push(&s.publisher);
        }
    }
    tr!(format!("Source: {}", seen.join("; ")), format!("来源：{}", seen.join("；")))
}

/// The source line of a chart of the page's model.
pub const MODEL_SOURCE: &str = tr!(
    "Source: model output of this page, from its bundled, sourced data",
    "来源：本页模型输出，基于页面内附、注明出处的数据"
);
