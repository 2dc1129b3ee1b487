//! Fetching the bundled data files with gloo-net (browser only).

use super::{parse_data_file, DataError, DataErrorKind, DataFile};

/// Fetch `data/<name>.json` relative to the page, then parse and validate it.
pub async fn fetch_data_file(name: &str) -> Result<DataFile, DataError> {
    let file = format!("{name}.json");
    // The single-file build carries its data inside the page, because a page
    // opened from disk (file://) cannot fetch.
    if let Some(el) = leptos::prelude::document().get_element_by_id(&format!("selloff-data-{name}")) {
        return parse_data_file(&file, &el.text_content().unwrap_or_default());
    }
    let url = format!("data/{file}");
    let fail = |why: String| DataError::new(&file, DataErrorKind::Fetch(why));
    let resp = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| fail(tr!(format!("the request failed ({e})"), format!("请求失败（{e}）"))))?;
    if !resp.ok() {
        let (status, text) = (resp.status(), resp.status_text());
        return Err(fail(tr!(format!("the server answered {status} {text}"), format!("服务器返回{status} {text}"))));
    }
    let text = resp.text().await.map_err(|e| {
        fail(tr!(format!("the response could not be read ({e})"), format!("无法读取服务器的响应（{e}）")))
    })?;
    parse_data_file(&file, &text)
}
