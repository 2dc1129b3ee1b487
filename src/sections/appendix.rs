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
            <h2 id="claims-h">{tr!("Claims vs data", "原文说法与数据对照")}</h2>
            {tr!(view! {
            <p>
                "The explanation this page is built on makes specific factual claims. Each is set beside what "
                "the bundled data says; the verdict is computed from the data by the rule given in the row."
            </p>
            }.into_any(), view! {
            <p class="fine translation-note" data-testid="claims-translation-note">
                "说明：原文是中文，但本页只附有原文的英文译本，没有附上中文原话。下表中的原文说法，"
                "是从英文译本回译成中文的，措辞可能与原文不同。"
            </p>
            <p>
                "本页所依据的原文提出了若干具体的事实性说法。每条说法都与页面内附的数据并列对照；"
                "结论按该行给出的规则由数据计算得出。"
            </p>
            }.into_any())}
            <WithAll res=res what=tr!("the data for the claims", "核对原文说法所需的数据") render={|f: Vec<DataFile>| {
                let checks = check_all(&Inputs { markets: &f[0], rates: &f[1], flows: &f[2], sentiment: &f[3], events: &f[4], liquidations: &f[5] });
                view! {
                    <div class="table-wrap">
                        <table class="claims">
                            <caption class="visually-hidden">{tr!("The source text's claims against the bundled data", "原文说法与页面内附数据的对照（说法回译自英文译本）")}</caption>
                            <thead><tr>
                                <th scope="col">{tr!("The claim", "原文说法")}</th>
                                <th scope="col">{tr!("What the data says", "数据显示")}</th>
                                <th scope="col">{tr!("Verdict", "结论")}</th>
                            </tr></thead>
                            <tbody>
                                {checks.into_iter().map(|c| view! {
                                    <tr id=format!("claim-{}", c.id)>
                                        <th scope="row">{c.claim}</th>
                                        <td>{c.data.clone()}
                                            {c.see.map(|(href, text)| tr!(
                                                view! { " " <a class="see" href=href>"See " {text} "."</a> }.into_any(),
                                                view! { <a class="see" href=href>"参见" {text} "。"</a> }.into_any()
                                            ))}
                                            " " <Sources sources=c.sources.clone()/></td>
                                        <td class=format!("verdict {}", c.verdict.class())>
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
            <h2 id="inputs-h">{tr!("Market inputs", "市场输入参数")}</h2>
            <p>{tr!(
                "Every section reads its volatilities, β, correlations and volumes from this one table, so each \
                 quantity has one value on the page. Estimates used to explain 20 November end on 19 November; the \
                 window follows the correlation window chosen in section 2.",
                "各节所用的波动率、β系数、相关性和成交量都取自这一张表，因此每个量在全页只有一个取值。用于解释11月20日的估算值均截至11月19日；\
                 估算窗口跟随第2节所选的相关性窗口。"
            )}</p>
            <WithAll res=vec![store.markets] what=tr!("the market inputs", "市场输入参数") render={move |f: Vec<DataFile>| {
                let m = f[0].clone();
                let m_note = m.clone();
                view! {
                    <div class="table-wrap">
                        <table class="data-table" id="inputs-table">
                            <caption class="visually-hidden">{tr!("Market inputs: value, unit, window and source", "市场输入参数：数值、单位、估算窗口与来源")}</caption>
                            <thead><tr>{crate::figures::inputs::HEADERS.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {move || dv.inputs.get().map(|inp| crate::figures::inputs::rows(&inp, &m).into_iter().map(|[a, b, c, d, e]| view! {
                                    <tr><th scope="row">{a}</th><td>{b}</td><td>{c}</td><td>{d}</td><td class="source-names">{e}</td></tr>
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
    let n_rows = crate::format::count(rows, tr!("row", "行"), tr!("rows", "行"));
    let label = tr!(format!("Download CSV: {title} ({n_rows})"), format!("下载CSV：{title}（{n_rows}）"));
    let name = file_name.clone();
    view! {
        <li>
            <button type="button" class="csv" aria-label=label data-file=file_name.clone()
                on:click=move |_| failed.set(download(&name, &text).is_err())>
                {file_name.clone()}
            </button>
            " " <span class="fine">{title} {tr!(", ", "，")} {n_rows.clone()}</span>
            <Show when=move || failed.get()><span class="error">{tr!(" The download could not be started.", "无法开始下载。")}</span></Show>
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
            <h2 id="data-h">{tr!("The data, and how to cite it", "数据与引用方式")}</h2>
            <p>{tr!(
                "Every figure on this page comes from these files, each row with its source. Download any of them \
                 as CSV; the files are generated in your browser from the same data the page uses.",
                "本页的每个数字都来自以下文件，每一行都注明出处。任何一个文件都可以下载为CSV；这些文件由你的浏览器根据本页所用的同一份数据生成。"
            )}</p>
            {files.into_iter().map(|(name, r)| view! {
                <super::WithData res=r what=tr!("the data file", "数据文件") render={move |doc: DataFile| {
                    let ts = tables(&doc);
                    view! {
                        <h3 class="file-h">{doc.shown_title().to_string()} " " <code>{format!("{name}.json")}</code></h3>
                        <ul class="csv-list">{ts.into_iter().map(|t| view! { <CsvButton table=t/> }).collect_view()}</ul>
                    }
                }}/>
            }).collect_view()}
            <WithAll res=res what=tr!("the data dates", "数据日期") render={|f: Vec<DataFile>| {
                let as_of = f.iter().map(|d| d.as_of.clone()).max().unwrap_or_default();
                let as_of = tr!(super::long_date(&as_of), crate::format::zh::long_date(&as_of));
                // The published address when this copy runs from a file or
                // another host (see `share::public_base`), with the reason.
                let (url, note) = crate::components::embed::public_base();
                view! {
                    <div class="cite" id="cite">
                        <h3>{tr!("How to cite", "引用方式")}</h3>
                        <p>{tr!(view! {
                            "“Why stocks and Bitcoin fell together on 20 November 2025: an explorable explanation.” "
                            "Data as of " {as_of.clone()} ". " {url} ". Text CC BY 4.0; market figures as credited to their sources."
                        }.into_any(), view! {
                            "《2025年11月20日，股市与比特币为何双双下跌：一篇互动解读》。"
                            "数据截至" {as_of.clone()} "。" {url} "。文字采用知识共享署名4.0国际许可协议（CC BY 4.0）；市场数据以各自注明的来源为准。"
                        }.into_any())}</p>
                        // The note speaks of the embed code; here it is the citation.
                        {note.map(|n| view! { <p class="fine public-note">{tr!(
                            n.replace("the code points", "the citation points"),
                            n.replace("这段代码", "这条引用").replace("代码指向", "引用指向")
                        )}</p> })}
                    </div>
                }
            }}/>
        </div>
    }
}
