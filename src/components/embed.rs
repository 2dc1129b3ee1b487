//! Embedding a section or one figure in another page: the dialog with the
//! code a teacher copies (built by [`crate::share`] from the settings of the
//! moment), the height the embedded page reports to its host, the one message
//! it accepts (a theme request), and the figure-only view.

use crate::context::Controls;
use crate::share::{self, Location, Target, HEIGHT_MSG, THEME_MSG};
use crate::state::{Section, Settings, Theme};
use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_use_event_listener::use_event_listener;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::{JsCast, JsValue};

/// The published address, set at build time (`make … PUBLIC_URL=…`).
const PUBLIC_URL: Option<&str> = option_env!("SELLOFF_PUBLIC_URL");

/// The page's address without query or fragment.
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_string()
}

/// Where this page runs.
pub fn location() -> Location {
    let loc = window().location();
    Location { base: page_base(), protocol: loc.protocol().unwrap_or_default(), host: loc.host().unwrap_or_default() }
}

/// The address links and embed code should point at, and why when it is not
/// this page's own (see [`share::public_base`]).
pub fn public_base() -> (String, Option<String>) {
    share::public_base(&location(), PUBLIC_URL)
}

/// The embed heights measured at a 600 px column when the page was built
/// (`tools/prerender.mjs` writes them into a meta tag).
fn measured_height(key: &str) -> Option<u32> {
    let meta = document().query_selector("meta[name=selloff-embed-heights]").ok().flatten()?;
    let text = meta.get_attribute("content")?;
    share::parse_heights(&text).into_iter().find(|(k, _)| k == key).map(|(_, h)| h)
}

/// In the embed view: post the page height to the host whenever it changes,
/// and accept a validated theme request from the host page. In a figure embed,
/// everything of the section but the figure, its controls, its table and its
/// sources is hidden, again whenever the section re-renders (its layout, and
/// so the body's size, changes then).
pub fn embed_runtime(section: Section, figure: Option<&'static str>, theme: RwSignal<Theme>) {
    let post = move || {
        if let Some(id) = figure {
            keep_only_figure(id);
        }
        let Some(body) = document().body() else { return };
        let height = body.scroll_height();
        let Ok(Some(parent)) = window().parent() else { return };
        if parent == window() {
            return;
        }
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MSG.into());
        let _ = js_sys::Reflect::set(&msg, &"section".into(), &section.id().into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from_f64(f64::from(height)));
        // The height is not private, so any host may read it; hosts must still
        // check the origin and source of what they receive (see the snippet).
        let _ = parent.post_message(&msg, "*");
    };
    if let Some(body) = document().body() {
        use_resize_observer(web_sys::Element::from(body), move |_, _| post());
    }
    let _ = use_event_listener(window(), ev::message, move |e: web_sys::MessageEvent| {
        // Only a theme request from the parent is acted on; everything else is ignored.
        let from_parent = match (window().parent(), e.source()) {
            (Ok(Some(p)), Some(src)) => JsValue::from(p) == JsValue::from(src),
            _ => false,
        };
        if !from_parent {
            return;
        }
        let data = e.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
        if get("type").as_deref() == Some(THEME_MSG) {
            if let Some(t) = get("theme").as_deref().and_then(Theme::parse) {
                theme.set(t);
            }
        }
    });
}

/// Mark what a figure embed keeps: the section heading, the figure, the
/// controls just before it, its "Show as table" just after it and the nearest
/// Sources; everything else in the section is hidden by the stylesheet
/// (`html.embed-fig .fig-path > :not(.fig-keep):not(.fig-path)`).
fn keep_only_figure(id: &str) {
    let Some(fig) = document().get_element_by_id(id) else { return };
    let Ok(Some(section)) = fig.closest("main > section") else { return };
    let Ok(list) = section.query_selector_all("h2, .section-controls, figure, .show-table, .data-alt, .sources") else {
        return;
    };
    let items: Vec<web_sys::Element> =
        (0..list.length()).filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok())).collect();
    let Some(at) = items.iter().position(|e| e.id() == id) else { return };
    let has = |e: &web_sys::Element, c: &str| e.class_list().contains(c);
    let mut keep: Vec<&web_sys::Element> = vec![&items[at]];
    keep.extend(items.iter().find(|e| e.tag_name() == "H2"));
    keep.extend(items[..at].iter().rev().find(|e| has(e, "section-controls")));
    // The table of this figure: the first one after it, before the next figure.
    let after = &items[at + 1..];
    let until_next = after.iter().position(|e| e.tag_name() == "FIGURE").unwrap_or(after.len());
    keep.extend(after[..until_next].iter().filter(|e| has(e, "show-table") || has(e, "data-alt")));
    keep.extend(
        after.iter().find(|e| has(e, "sources")).or_else(|| items[..at].iter().rev().find(|e| has(e, "sources"))),
    );
    for e in keep {
        let _ = e.class_list().add_1("fig-keep");
        let mut up = e.parent_element();
        while let Some(p) = up {
            let _ = p.class_list().add_1("fig-path");
            if p.is_same_node(Some(&section)) {
                break;
            }
            up = p.parent_element();
        }
    }
}

/// "Embed this section" (or "Embed this figure"): a dialog whose code opens
/// the embed with the settings of the moment (or the defaults, on request),
/// rewritten while the dialog is open, with Copy buttons.
#[component]
pub fn EmbedButton(
    section: Section,
    /// The figure to embed on its own; `None` embeds the whole section.
    #[prop(optional)]
    figure: Option<crate::state::Figure>,
) -> impl IntoView {
    let target = Target { section, figure };
    let key = target.key().replace('/', "-");
    let dialog = NodeRef::<Dialog>::new();
    let ctl = expect_context::<Controls>();
    let open = RwSignal::new(false);
    let neutral = RwSignal::new(false);
    let questions = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    // Read the settings only while the dialog is open, so moving a slider
    // does not rewrite the code of every closed dialog on the page.
    let settings = move || if neutral.get() { Settings::default() } else { ctl.get() };
    let base = move || public_base();
    let src = move || {
        if !open.get() {
            return String::new();
        }
        share::embed_src(&base().0, &settings(), target, questions.get())
    };
    let height = move || {
        let fallback = document()
            .get_element_by_id(figure.map_or(section.id(), |f| f.id))
            .map_or(1400, |e| e.scroll_height().max(300) as u32);
        share::frame_height(measured_height(&target.key()), fallback)
    };
    let frame_id = format!("embed-{key}");
    let fixed = move || if open.get() { share::fixed_snippet(&src(), target.title(), height()) } else { String::new() };
    let responsive = {
        let frame_id = frame_id.clone();
        move || {
            if open.get() {
                share::responsive_snippet(&src(), target.title(), height(), &frame_id)
            } else {
                String::new()
            }
        }
    };
    let link = move || if open.get() { share::full_link(&base().0, &settings(), section) } else { String::new() };
    // The dialog exists only while open (a page of fifteen closed dialogs
    // would carry fifteen copies of its text); once mounted it is shown modal.
    let show = move |_| {
        status.set(String::new());
        open.set(true);
    };
    Effect::new(move |_| {
        if let (true, Some(d)) = (open.get(), dialog.get()) {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let close = move |_| open.set(false);
    let h_id = StoredValue::new(format!("embed-h-{key}"));
    let (fixed, responsive, link) = (Signal::derive(fixed), Signal::derive(responsive), Signal::derive(link));
    let what = if figure.is_some() { tr!("figure", "本图") } else { tr!("section", "本节") };
    view! {
        <button type="button" class="embed-open" on:click=show aria-haspopup="dialog">{tr!(format!("Embed this {what}"), format!("嵌入{what}"))}</button>
        <Show when=move || open.get()>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby=h_id.get_value() on:close=move |_| open.set(false)>
            <h3 id=h_id.get_value()>{tr!("Embed “", "嵌入“")} {target.title()} "”"</h3>
            <p class="embed-opens-with">
                {move || if neutral.get() {
                    tr!("The embed opens with every setting at its 20 Nov value.", "嵌入页面打开时，所有设定均为11月20日的数值。").to_string()
                } else {
                    tr!(
                        format!("The embed opens with the settings you have now: {}.", share::settings_summary(&ctl.get())),
                        format!("嵌入页面打开时沿用你现在的设定：{}。", share::settings_summary(&ctl.get()))
                    )
                }}
            </p>
            <label class="check">
                <input type="checkbox" prop:checked=neutral on:change=move |ev| neutral.set(event_target_checked(&ev))/>
                {tr!(" Use the 20 Nov defaults instead (a neutral embed)", "改用11月20日的默认设定（中性嵌入）")}
            </label>
            {figure.is_none().then(|| {
                let tall = height();
                view! {
                    <p class="fine embed-advice">
                        {share::section_embed_advice(tall)}
                    </p>
                    <label class="check">
                        <input type="checkbox" prop:checked=questions on:change=move |ev| questions.set(event_target_checked(&ev))/>
                        {tr!(" Include the questions for class", "附上课堂讨论题")}
                    </label>
                    <p class="fine" hidden=move || !questions.get()>
                        {tr!(
                            view! {
                                "The questions then show open, right after the section's main figure; each answer stays hidden under its own "
                                "“Show the answer” button, and a printed copy puts all the answers in an answer key on the last page."
                            }.into_any(),
                            view! {
                                "讨论题将直接展开，紧接在本节主图之后；每道题的答案都收在各自的“显示答案”按钮下，"
                                "打印时所有答案集中在最后一页的参考答案中。"
                            }.into_any()
                        )}
                    </p>
                }
            })}
            {move || open.get().then(|| public_base().1).flatten().map(|n| view! { <p class="fine public-note">{n}</p> })}
            <p>{tr!("Fixed height, for course pages and editors that remove scripts:", "固定高度，适用于会删除脚本的课程页面和编辑器：")}</p>
            <CopyBox label=tr!("Fixed-height embed code", "固定高度嵌入代码")
                copy_label=tr!("Copy this code (fixed height)", "复制这段代码（固定高度）") rows=4 text=fixed status=status/>
            <p>{tr!(
                view! { "Responsive: the frame grows to the whole " {what} " as it is drawn, so the course page scrolls and the frame never scrolls inside it. Paste both parts." }.into_any(),
                view! { "自适应高度：框架随内容绘制而增高，完整显示" {what} "，因此滚动的是课程页面，框架内部不会出现滚动条。两部分代码都要粘贴。" }.into_any()
            )}</p>
            <CopyBox label=tr!("Responsive embed code", "自适应嵌入代码")
                copy_label=tr!("Copy this code (responsive)", "复制这段代码（自适应）") rows=12 text=responsive status=status/>
            <p>{tr!("Or share a link to the full page at these settings:", "或者分享按当前设定打开的完整页面链接：")}</p>
            <CopyBox label=tr!("Link to the full page", "完整页面链接") copy_label=tr!("Copy this link", "复制此链接")
                rows=2 text=link status=status/>
            <p class="copy-note" role="status">{move || status.get()}</p>
            <p class="fine">{tr!("The embedded page only reports its height and accepts one message from its host: ",
                    "嵌入页面只会报告自身高度，并且只接受宿主页面发来的一种消息：")}
                <code>{format!("{{type: '{THEME_MSG}', theme: 'light' | 'dark' | 'auto'}}")}</code> {tr!(".", "。")}</p>
            <button type="button" on:click=close>{tr!("Close", "关闭")}</button>
        </dialog>
        </Show>
    }
}

/// What the status line says when the code is selected for the reader to copy.
const SELECTED: &str = tr!("Selected: press Ctrl+C (⌘C on a Mac) to copy.", "已选中：按Ctrl+C（Mac上按⌘C）即可复制。");

/// Read-only code with a Copy button. Where the clipboard is refused (an
/// iframe without permission, some `file://` pages), the code is selected and
/// the reader is told to press Ctrl+C.
#[component]
fn CopyBox(
    label: &'static str,
    /// The Copy button's name (not containing `label`, so a search by the
    /// code's label finds the code alone).
    copy_label: &'static str,
    rows: u32,
    text: Signal<String>,
    status: RwSignal<String>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy = move |_| {
        let value = text.get_untracked();
        let select = move || {
            if let Some(a) = area.get() {
                let _ = a.focus();
                a.select();
            }
        };
        let clipboard =
            js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
        if clipboard.is_none() {
            select();
            status.set(SELECTED.into());
            return;
        }
        let promise = window().navigator().clipboard().write_text(&value);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                status.set(tr!(format!("Copied: {}.", label.to_lowercase()), format!("已复制：{label}。")));
            } else {
                select();
                status.set(SELECTED.into());
            }
        });
    };
    view! {
        <div class="copy-box">
            <textarea node_ref=area readonly rows=rows aria-label=label prop:value=move || text.get()></textarea>
            <button type="button" class="copy" on:click=copy aria-label=copy_label>{tr!("Copy", "复制")}</button>
        </div>
    }
}

/// "Embed this figure" for the figure `id` of [`crate::state::FIGURES`].
#[component]
pub fn FigureEmbed(id: &'static str) -> impl IntoView {
    crate::state::FIGURES
        .into_iter()
        .find(|f| f.id == id)
        .map(|f| view! { <div class="figure-actions"><EmbedButton section=f.section figure=f/></div> })
}
