//! After the five sections: the source text's claims checked against the
//! data, every bundled dataset as CSV, and how to cite.

use super::{Sources, WithAll};
use crate::context::{DataStore, Derived};
use crate::data::claims::{check_all, Inputs};
use crate::data::csv::{tables, CsvTable};
use crate::data::DataFile;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Claims() -> impl IntoView {
    let store = expect_context::<DataStore>();
    let res = vec![store.markets, store.rates, store.flows, store.sentiment, store.events, store.liquidations];
    view! {
        <div class="appendix" id="claims" role="region" aria-labelledby="claims-h">
            <h2 id="claims-h">"Claims vs data"</h2>
            <p>
                "The explanation this page is built on makes specific factual claims. Each is set beside what "
                "the bundled data says; the verdict is computed from the data by the rule given in the row."
            </p>
            <WithAll res=res what="the data for the claims" render={|f: Vec<DataFile>| {
                let checks = check_all(&Inputs { markets: &f[0], rates: &f[1], flows: &f[2], sentiment: &f[3], events: &f[4], liquidations: &f[5] });
                view! {
                    <div class="table-wrap">
                        <table class="claims">
                            <caption class="visually-hidden">"The source text's claims against the bundled data"</caption>
                            <thead><tr>
                                <th scope="col">"The claim"</th>
                                <th scope="col">"What the data says"</th>
                                <th scope="col">"Verdict"</th>
                            </tr></thead>
                            <tbody>
                                {checks.into_iter().map(|c| view! {
                                    <tr id=format!("claim-{}", c.id)>
                                        <th scope="row">{c.claim}</th>
                                        <td>{c.data.clone()}
                                            {c.see.map(|(href, text)| view! { " " <a class="see" href=href>"See " {text} "."</a> })}
                                            " " <Sources sources=c.sources.clone()/></td>
                                        <td class=format!("verdict {}", c.verdict.label().replace(' ', "-"))>
                                            <strong>{c.verdict.label()}</strong>
                                            <span class="detail">{c.detail.clone()}</span>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}/>
        </div>
    }
}

/// The one table of market inputs every section reads, with unit, window and source.
#[component]
pub fn MarketInputs() -> impl IntoView {
    let store = expect_context::<DataStore>();
    let dv = expect_context::<Derived>();
    view! {
        <div class="appendix" id="inputs" role="region" aria-labelledby="inputs-h">
            <h2 id="inputs-h">"Market inputs"</h2>
            <p>
                "Every section reads its volatilities, β, correlations and volumes from this one table, so each "
                "quantity has one value on the page. Estimates used to explain 20 November end on 19 November; the "
                "window follows the correlation window chosen in section 2."
            </p>
            <WithAll res=vec![store.markets] what="the market inputs" render={move |f: Vec<DataFile>| {
                let m = f[0].clone();
                let m_note = m.clone();
                view! {
                    <div class="table-wrap">
                        <table class="data-table" id="inputs-table">
                            <caption class="visually-hidden">"Market inputs: value, unit, window and source"</caption>
                            <thead><tr>{crate::figures::inputs::HEADERS.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {move || dv.inputs.get().map(|inp| crate::figures::inputs::rows(&inp, &m).into_iter().map(|[a, b, c, d, e]| view! {
                                    <tr><th scope="row">{a}</th><td>{b}</td><td>{c}</td><td>{d}</td><td>{e}</td></tr>
                                }).collect_view())}
                            </tbody>
                        </table>
                    </div>
                    <p class="fine">{crate::figures::inputs::TWO_SIGMAS}</p>
                    <p class="fine" data-testid="beta-note">{move || dv.inputs.get().map(|inp| crate::figures::inputs::beta_note(&inp, &m_note))}</p>
                }
            }}/>
        </div>
    }
}

/// Offer `text` as a file download (a Blob URL on a temporary link).
fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke after the click has been handled, not during it.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

#[component]
fn CsvButton(table: CsvTable) -> impl IntoView {
    let failed = RwSignal::new(false);
    let CsvTable { file_name, title, text, rows } = table;
    let n_rows = crate::format::count(rows, "row", "rows");
    let label = format!("Download CSV: {title} ({n_rows})");
    let name = file_name.clone();
    view! {
        <li>
            <button type="button" class="csv" aria-label=label data-file=file_name.clone()
                on:click=move |_| failed.set(download(&name, &text).is_err())>
                {file_name.clone()}
            </button>
            " " <span class="fine">{title} ", " {n_rows.clone()}</span>
            <Show when=move || failed.get()><span class="error">" The download could not be started."</span></Show>
        </li>
    }
}

#[component]
pub fn Datasets() -> impl IntoView {
    let store = expect_context::<DataStore>();
    let files = store.all();
    let res: Vec<_> = files.iter().map(|(_, r)| *r).collect();
    view! {
        <div class="appendix" id="data" role="region" aria-labelledby="data-h">
            <h2 id="data-h">"The data, and how to cite it"</h2>
            <p>
                "Every figure on this page comes from these files, each row with its source. Download any of them "
                "as CSV; the files are generated in your browser from the same data the page uses."
            </p>
            {files.into_iter().map(|(name, r)| view! {
                <super::WithData res=r what="the data file" render={move |doc: DataFile| {
                    let ts = tables(&doc);
                    view! {
                        <h3 class="file-h">{doc.title.clone()} " " <code>{format!("{name}.json")}</code></h3>
                        <ul class="csv-list">{ts.into_iter().map(|t| view! { <CsvButton table=t/> }).collect_view()}</ul>
                    }
                }}/>
            }).collect_view()}
            <WithAll res=res what="the data dates" render={|f: Vec<DataFile>| {
                let as_of = f.iter().map(|d| d.as_of.clone()).max().unwrap_or_default();
                let as_of = super::long_date(&as_of);
                // The published address when this copy runs from a file or
                // another host (see `share::public_base`), with the reason.
                let (url, note) = crate::components::embed::public_base();
                view! {
                    <div class="cite" id="cite">
                        <h3>"How to cite"</h3>
                        <p>
                            "“Why stocks and Bitcoin fell together on 20 November 2025: an explorable explanation.” "
                            "Data as of " {as_of.clone()} ". " {url} ". Text CC BY 4.0; market figures as credited to their sources."
                        </p>
                        {note.map(|n| view! { <p class="fine public-note">{n.replace("the code points", "the citation points")}</p> })}
                    </div>
                }
            }}/>
        </div>
    }
}
