//! The page: masthead, the sticky controls, the timeline, the five sections
//! and the appendix; or, with `?embed=<section>`, one section on its own.

use crate::components::embed::{embed_runtime, page_base, public_base};
use crate::components::{later_pending, Later, Slider};
use crate::components::{AnswerKey, Glossary};
use crate::context::{
    apply_theme, bench_mark, location_search, url_choice, window_function, Controls, DarkCharts, DataStore, Derived,
    LazySections, Notices, Permalink, Printing, UrlSync,
};
use crate::sections;
use crate::state::{self, Section, CUT, LEV};
use leptos::prelude::*;

pub fn mount() {
    // The task that compiled and started the wasm (for `make bench`).
    bench_mark("selloff:wasm-start");
    set_edition_document();
    register_service_worker();
    // public/fallback.js is a deferred script: it runs before DOMContentLoaded,
    // and the wasm can arrive before it has (measured: under load, in one
    // `make test` run of 159). Until then its absence says nothing.
    if window_function("selloffTakeOver").is_none() && !dom_content_loaded() {
        let done = std::cell::Cell::new(false);
        let _ = window_event_listener_untyped("DOMContentLoaded", move |_| {
            if !done.replace(true) {
                mount_now();
            }
        });
        return;
    }
    // Its own task: the wasm's compilation and start ended the one before
    // (together they were 45 ms of a 169 ms task on the phone profile).
    set_timeout(mount_now, std::time::Duration::ZERO);
}

/// Whether the document has fired DOMContentLoaded (every deferred script
/// has run), from the navigation's timing; without that API, assumed so.
fn dom_content_loaded() -> bool {
    let Some(perf) = window().performance() else { return true };
    let nav = perf.get_entries_by_type("navigation").get(0);
    js_sys::Reflect::get(&nav, &"domContentLoadedEventStart".into())
        .ok()
        .and_then(|t| t.as_f64())
        .is_none_or(|t| t > 0.0)
}

fn mount_now() {
    // Content first (issue 17): the pre-rendered page is on screen. The app
    // renders itself into a detached element (so no id is ever on the page
    // twice), and swaps itself in once its data has loaded and its first
    // render is done.
    // An embed (one section, its height posted to the host from the start)
    // mounts straight into the page, as before: the static page is the whole
    // page, which an embed never shows.
    // The swap itself is public/fallback.js's (`selloffTakeOver`), in one
    // language only; where that script did not load, the app mounts straight
    // into the page as for an embed.
    let stand_in = document().get_element_by_id("static-page");
    let embed = state::get_param(&location_search(), "embed").is_some();
    let swap = window_function("selloffTakeOver").filter(|_| !embed);
    if let Some(s) = stand_in.as_ref().filter(|_| swap.is_none()) {
        s.remove();
    }
    let holder = stand_in
        .filter(|_| swap.is_some())
        .and_then(|_| document().create_element("div").ok())
        .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>);
    match holder {
        Some(holder) => {
            bench_mark("selloff:first-render");
            // The app lives as long as the page: its handle is never dropped.
            std::mem::forget(leptos::mount::mount_to(holder.clone(), App));
            // Built: from now on the script at the top of <body> (index.html) no longer takes an error
            // for a failed start (which would give the reader the static page).
            let _ = js_sys::Reflect::set(&window(), &"selloffMounted".into(), &true.into());
            await_first_render(holder, js_sys::Date::now(), 0);
        }
        None => {
            leptos::mount::mount_to_body(App);
            take_over(None);
        }
    }
}

thread_local! {
    /// Every data file has answered (loaded or failed).
    static DATA_SETTLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The full page's lazily built sections, built one by one once the app is in.
    static LAZY: std::cell::Cell<Option<LazySections>> = const { std::cell::Cell::new(None) };
}

/// How long the static page waits for the app's data before the app takes
/// over anyway (showing its own loading states), in milliseconds.
const TAKEOVER_WAIT_MS: f64 = 15_000.0;

/// Check once a frame: the data has answered and the rendered app has no
/// loading placeholder left, on two frames in a row (so the effects that
/// follow the data, such as the first-screen answer, have run too).
fn await_first_render(holder: web_sys::HtmlElement, since_ms: f64, settled_frames: u32) {
    request_animation_frame(move || {
        let ready = DATA_SETTLED.with(std::cell::Cell::get)
            && !later_pending()
            && holder.query_selector(".loading").ok().flatten().is_none();
        let frames = if ready { settled_frames + 1 } else { 0 };
        if frames >= 2 || js_sys::Date::now() - since_ms > TAKEOVER_WAIT_MS {
            // In a task of its own, not in this frame's callback: the swap's
            // script and the frame that lays out the app are then two tasks
            // (on the phone profile they were one of 63 ms).
            set_timeout(move || take_over(Some(holder)), std::time::Duration::ZERO);
        } else {
            await_first_render(holder, since_ms, frames);
        }
    });
}

/// Swap the app in for the static page (`selloffTakeOver` in
/// public/fallback.js keeps the reader's place and selection, and sets the
/// `selloff:interactive` mark and `data-app="ready"` that `make bench`
/// reads; with no `holder`, only the marks), then build the remaining
/// sections while the browser is idle.
fn take_over(holder: Option<web_sys::HtmlElement>) {
    bench_mark("selloff:take-over");
    let arg = holder.as_ref().map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from);
    let swapped = window_function("selloffTakeOver").is_some_and(|f| f.call1(&window(), &arg).is_ok());
    if !swapped {
        // fallback.js did not load (the app was mounted into the page): the
        // marks only.
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_2("app-pending", "embed-pending");
            let _ = root.set_attribute("data-app", "ready");
        }
    }
    if let Some(lazy) = LAZY.with(std::cell::Cell::get) {
        // The first screen's charts draw first (in the frames just after the
        // swap); building a section is one long task.
        set_timeout(move || build_when_idle(lazy), IDLE_AFTER_TAKEOVER);
    }
}

/// How long after the take-over the idle building of the rest starts.
const IDLE_AFTER_TAKEOVER: std::time::Duration = std::time::Duration::from_millis(500);

/// Build the sections not built yet, one per idle period of the browser
/// (`requestIdleCallback`, at most a second apart; a short timeout where the
/// browser has none).
fn build_when_idle(lazy: LazySections) {
    let next = move || {
        if lazy.build_next() {
            build_when_idle(lazy);
        }
    };
    if let Some(idle) = window_function("requestIdleCallback") {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"timeout".into(), &1000.into());
        let cb = wasm_bindgen::closure::Closure::once_into_js(next);
        if idle.call2(&window(), &cb, &opts).is_ok() {
            return;
        }
    }
    set_timeout(next, std::time::Duration::from_millis(50));
}

/// Offline use: register the service worker written at build time. Only over
/// http(s), and only where the browser has service workers; a failure here
/// must never stop the page.
fn register_service_worker() {
    let protocol = window().location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return;
    }
    let navigator = window().navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if has_sw {
        // The returned promise is deliberately not awaited: offline support is
        // an enhancement, and its failure (e.g. a private window) is harmless.
        // One worker at the site's root for both editions; the edition
        // names which files it precaches (tools/sw.mjs).
        let _ = navigator.service_worker().register(tr!("sw.js?lang=en", "../sw.js?lang=zh"));
    }
}

#[component]
pub fn App() -> impl IntoView {
    let notices = Notices(RwSignal::new(Vec::new()));
    provide_context(notices);
    let url = UrlSync::new();
    provide_context(url);
    let _ = leptos_use_event_listener::use_event_listener(window(), leptos::ev::pagehide, move |_| url.flush());
    let permalink = RwSignal::new(window().location().href().unwrap_or_default());
    let printing = RwSignal::new(false);
    let lazy = LazySections::new();
    provide_context(Permalink(permalink));
    provide_context(Printing(printing));
    let _ = leptos_use_event_listener::use_event_listener(window(), leptos::ev::beforeprint, move |_| {
        // Every section prints as the app has it, at the reader's settings.
        lazy.build_all();
        // Printed links point at the published explainer when this copy runs
        // from a file or another host, and say so.
        let href = url.href();
        let (base, note) = public_base();
        let shown = href.replacen(&page_base(), &base, 1);
        permalink.set(if note.is_some() {
            tr!(format!("{shown} (the published explainer)"), format!("{shown}（已发布的在线版）"))
        } else {
            shown
        });
        printing.set(true);
    });
    let _ =
        leptos_use_event_listener::use_event_listener(window(), leptos::ev::afterprint, move |_| printing.set(false));

    // Every control from the link, through the same parser the tests cover;
    // the link is rewritten over-specified (`v` and every control), so it is a
    // complete permalink from the start.
    let search = location_search();
    let (settings, read_notices) = state::parse_state(&search);
    notices.0.update(|ns| ns.extend(read_notices));
    for (key, value) in state::state_params(&settings) {
        url.set(key, value);
    }
    let embed = state::get_param(&search, "embed");
    let embedded = embed.as_deref().and_then(Section::from_id);
    if let Some(e) = embed.filter(|_| embedded.is_none()) {
        let shown: String = e.chars().take(24).collect();
        notices.0.update(|ns| {
            ns.push(tr!(
                format!("embed: '{shown}' is not a section of this page, so the whole page is shown."),
                format!("embed：“{shown}”不是本页的章节，因此显示整个页面。")
            ))
        });
    }
    let figure = embedded.and_then(|section| {
        let id = state::get_param(&search, "fig")?;
        let found = state::Figure::find(section, &id);
        if found.is_none() {
            let shown: String = id.chars().take(24).collect();
            notices.0.update(|ns| {
                ns.push(tr!(
                    format!("fig: '{shown}' is not a figure of this section, so the whole section is shown."),
                    format!("fig：“{shown}”不是本节的图表，因此显示整节内容。")
                ))
            });
        }
        found
    });
    let questions = crate::components::questions::class_embed();
    let theme = url_choice(state::THEME, url, notices);
    Effect::new(move |_| apply_theme(theme.get()));
    provide_context(DarkCharts::new(theme, Printing(printing)));

    let ctl = Controls::new(settings, url);
    provide_context(ctl);
    // Back and Forward after a "try this" action: the settings follow the address.
    let _ = leptos_use_event_listener::use_event_listener(window(), leptos::ev::popstate, move |_| {
        ctl.set(&state::parse_state(&location_search()).0);
    });
    let store = DataStore::fetch();
    provide_context(store);
    // The static page gives way once every file has answered (see mount).
    Effect::new(move |_| {
        let settled = store.all().iter().all(|(_, r)| r.with(Option::is_some));
        DATA_SETTLED.with(|d| d.set(settled));
    });
    provide_context(Derived::new(store, ctl));
    url.flush();

    if let Some(section) = embedded {
        embed_runtime(section, figure.map(|f| f.id), theme);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embedded");
            if figure.is_some() {
                let _ = root.class_list().add_1("embed-fig");
            }
            if questions {
                let _ = root.class_list().add_1("with-questions");
            }
        }
        return view! {
            <header class="embed-head">
                <p class="kicker">{tr!(
                    "From “Why stocks and Bitcoin fell together on 20 November 2025”",
                    "摘自《2025年11月20日，股市与比特币为何双双下跌》"
                )}</p>
                // The link carries the embed's settings at every moment (what
                // "copy link address", previews and middle-click use) and
                // opens the full page at the section.
                <a href=move || crate::share::full_link(&page_base(), &ctl.get(), section) target="_blank"
                    rel="noopener">{tr!("Open the full explainer", "打开完整版解读")}</a>
            </header>
            <ControlBar notices=notices.0/>
            <main id="content" class="embed-main">{sections::view_of(section)}</main>
            <footer class="site-footer embed-footer">
                <p>{tr!(
                    "Figures: bundled data with sources. Model outputs are labelled. Not investment advice. Text CC BY 4.0.",
                    "图表数据均随页面附带并注明来源；模型输出均已标注。不构成投资建议。文字采用知识共享署名4.0国际许可协议（CC BY 4.0）。"
                )}</p>
            </footer>
        }
        .into_any();
    }

    // Sections below the first screen are built as the reader comes near them
    // (one screen ahead), whether by scrolling or by an anchor
    // (`LazySections::register` watches each stand-in).
    provide_context(lazy);
    LAZY.with(|l| l.set(Some(lazy)));

    view! {
        <a class="skip" href="#rates">{tr!("Skip to the explanation", "跳到正文")}</a>
        <header class="masthead">
            <div class="masthead-top">
                <p class="kicker">{tr!("An explorable explanation", "互动解读")}</p>
                <EditionSwitch/>
            </div>
            <h1>{crate::components::phrases(tr!("Why stocks and Bitcoin fell together on 20 November 2025", "2025年11月20日，股市与比特币为何双双下跌"))}</h1>
            <Later><sections::intro::Answer/></Later>
        </header>
        // The sliders right under the answer they change; the lede that
        // opens the sections follows them (on a laptop all of title, answer,
        // bars and sliders fit the first screen: 1366×768, 1280×800).
        // The title and the answer are the first task's; the sliders, the
        // timeline and then the rest are rendered in tasks of their own
        // (`Later`), all before the app takes over.
        <Later><ControlBar notices=notices.0/></Later>
        <main id="content">
            <Later><sections::intro::Lede/></Later>
            <Later><sections::intro::DayInContext/></Later>
            <Later>
                {Section::ALL.into_iter().map(sections::lazy_view_of).collect_view()}
                {sections::lazy_part("inputs", || view! { <sections::appendix::MarketInputs/> }.into_any())}
                {sections::lazy_part("claims", || view! { <sections::appendix::Claims/> }.into_any())}
                {sections::lazy_part("data", || view! { <sections::appendix::Datasets/> }.into_any())}
                <Glossary/>
                <AnswerKey/>
            </Later>
        </main>
        <Later><Footer/></Later>
    }
    .into_any()
}

/// The masthead's 中文 / English switch (issue 26): the other edition at
/// this link's settings. Its address is brought up to date as the reader
/// comes to it (pointer, touch, keyboard focus) and at the click, with the
/// reader's place (`#…`) and the theme: following every slider input instead
/// cost each input a serialisation of the whole state (`make bench`, slider
/// p95 4.8 ms against 4.1 before).
#[component]
fn EditionSwitch() -> impl IntoView {
    let url = expect_context::<UrlSync>();
    let loc = window().location();
    let (protocol, pathname) = (loc.protocol().unwrap_or_default(), loc.pathname().unwrap_or_default());
    let other = move |query: &str, hash: &str| {
        crate::share::other_edition(&protocol, &pathname, query, hash, !crate::format::ZH)
    };
    let href = other(&location_search(), "");
    let refresh = move |ev: web_sys::Event| {
        use wasm_bindgen::JsCast;
        url.flush();
        let hash = window().location().hash().unwrap_or_default();
        if let Some(a) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
            a.set_href(&other(&location_search(), &hash));
        }
    };
    let (r1, r2, r3) = (refresh.clone(), refresh.clone(), refresh.clone());
    view! {
        <nav class="lang-switch" aria-label=tr!("Language", "语言")>
            <a href=href hreflang=tr!("zh-Hans", "en") lang=tr!("zh-Hans", "en")
                on:pointerenter=move |ev| r1(ev.into()) on:pointerdown=move |ev| r2(ev.into())
                on:focus=move |ev| r3(ev.into()) on:click=move |ev| refresh(ev.into())>{tr!("中文", "English")}</a>
        </nav>
    }
}

/// The Chinese edition's document: its language (for screen readers, fonts
/// and line breaking), title and description, which tools/prerender.mjs
/// copies into the static page. The English ones are index.html's.
fn set_edition_document() {
    if !crate::format::ZH {
        return;
    }
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", "zh-CN");
    }
    doc.set_title("2025年11月20日，股市与比特币为何双双下跌——互动解读");
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute(
            "content",
            "用附带来源的数据和可调整的模型，互动解读2025年11月20日美股与加密市场为何同步下跌。",
        );
    }
}

/// The build date, set by the Makefile at build time.
const BUILD_DATE: Option<&str> = option_env!("SELLOFF_BUILD_DATE");

#[component]
fn Footer() -> impl IntoView {
    let store = expect_context::<DataStore>();
    let as_of = move || {
        store
            .all()
            .iter()
            .filter_map(|(_, r)| r.get().and_then(|x| x.ok()).map(|d| d.as_of))
            .max()
            .map(|d| tr!(crate::format::long_date(&d), crate::format::zh::long_date(&d)))
    };
    view! {
        <footer class="site-footer">
            <p>
                {tr!("Figures come from the bundled data files in ", "图表与数字均来自随页面附带的")}<code>"data/"</code>
                {tr!(
                    ", each with its source. Model outputs are labelled as such. Not investment advice.",
                    "数据文件，每项均注明来源。模型输出均已标注。不构成投资建议。"
                )}
            </p>
            <p>
                <strong>{tr!("Updates and corrections. ", "更新与更正。")}</strong>
                {tr!("This build: ", "本版本：")}
                {tr!(
                    BUILD_DATE.unwrap_or("development build"),
                    BUILD_DATE.map_or_else(|| "开发构建".to_string(), |d| format!("{}构建", crate::format::zh::long_date(d)))
                )}
                {tr!(". Data as of ", "。数据截至")}
                {move || as_of().unwrap_or_else(|| tr!("(loading)", "（加载中）").into())}
                {tr!(
                    ". Corrections are made to the data files, with their sources, and listed in the project's history.",
                    "。更正直接在数据文件中进行并注明来源，同时记录在项目的修订历史中。"
                )}
            </p>
            <p>{tr!(
                "Text licensed CC BY 4.0; code under the MIT licence. Market data belongs to the sources credited beside each figure.",
                "文字采用知识共享署名4.0国际许可协议（CC BY 4.0），代码采用MIT许可证。市场数据归各图表旁注明的来源所有。"
            )}</p>
        </footer>
    }
}

/// The sticky bar holding the two global sliders.
#[component]
fn ControlBar(notices: RwSignal<Vec<String>>) -> impl IntoView {
    let ctl = expect_context::<Controls>();
    let dv = expect_context::<Derived>();
    let live = move |i: usize| {
        dv.decomposition
            .with(|d| {
                d.as_ref().map(|d| {
                    tr!(crate::figures::answer::live_parts(d), crate::figures::answer::zh::live_parts(d))[i].clone()
                })
            })
            .unwrap_or_default()
    };
    let copied = RwSignal::new(String::new());
    let address = expect_context::<UrlSync>();
    let copy_link = move |_| {
        let url = address.href();
        let promise = window().navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(if ok {
                tr!("Link copied.", "链接已复制。").into()
            } else {
                tr!(format!("Copy this link: {url}"), format!("请复制此链接：{url}"))
            });
        });
    };
    view! {
        <div class="controlbar" role="region" aria-label=tr!("Scenario controls", "情景设置")>
            <div class="controls">
                <Slider spec=CUT value=ctl.cut_pct unit="%" short=tr!("Dec. rate-cut odds", "12月降息概率")
                    valuetext=|v| tr!(
                        format!("{} percent chance of a December rate cut", crate::format::fmt_num(v)),
                        format!("12月降息概率{}%", crate::format::fmt_num(v))
                    )/>
                <Slider spec=LEV value=ctl.lev_x unit=tr!("×", "倍")
                    valuetext=|v| tr!(
                        format!("{} times leverage", crate::format::fmt_num(v)),
                        format!("{}倍杠杆", crate::format::fmt_num(v))
                    )/>
                // The static copy's cue where the sliders will be, while the
                // app loads (style/main.css shows it only there).
                {crate::context::prerendering().then(|| view! {
                    <p class="loading app-loading" role="status">{tr!("Loading the interactive version…", "正在加载互动版……")}
                        <span class="cue-link">{tr!(
                            "Until then, the numbers on this page are the defaults, not your link’s settings.",
                            "加载完成前，本页数字均按默认设定计算，而非链接中的设定。"
                        )}</span>
                    </p>
                })}
            </div>
            // The two sliders' effect in sight: the modelled moves against the
            // actual ones, updated as they move (the details are far below).
            <p class="live-result" data-testid="live-result" aria-hidden="true">
                <span class="lr-label">{tr!(crate::figures::answer::LIVE_LABEL, crate::figures::answer::zh::LIVE_LABEL)}</span>
                <span>{move || live(0)}</span><span class="lr-sep">{tr!(crate::figures::answer::LIVE_SEP, crate::figures::answer::zh::LIVE_SEP)}</span><span>{move || live(1)}</span>
            </p>
            <Announcer/>
            <div class="bar-actions">
                <button type="button" on:click=copy_link>{tr!("Copy link", "复制链接")}</button>
                <button type="button" on:click=move |_| ctl.reset_all()>{tr!("Reset all", "全部重置")}</button>
                <span class="copy-status" role="status">{move || copied.get()}</span>
            </div>
            <Show when=move || !notices.with(Vec::is_empty)>
                <div class="notice" role="status">
                    <p>{tr!("This link had values the page could not use as given:", "此链接中有些参数值无法按原样使用：")}</p>
                    <ul>
                        {move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| notices.set(Vec::new())>{tr!("Dismiss", "关闭")}</button>
                </div>
            </Show>
        </div>
    }
}

/// One polite live region for the whole page: after the controls have been
/// still for a moment, it reads out the headline results, so a screen-reader
/// user hears the effect of a change without every keystroke being announced.
#[component]
fn Announcer() -> impl IntoView {
    let ctl = expect_context::<Controls>();
    let dv = use_context::<Derived>();
    let text = RwSignal::new(String::new());
    // Each change restarts the 800 ms wait, so a drag is announced once.
    let announce = leptos_use_timeout_fn::use_timeout_fn(move |t: String| text.set(t), 800.0).start;
    Effect::new(move |prev: Option<()>| {
        let cut = ctl.cut_pct.get();
        let lev = ctl.lev_x.get();
        let result = dv.and_then(|d| {
            d.decomposition.with(|d| {
                d.as_deref().map(tr!(crate::figures::answer::live_result, crate::figures::answer::zh::live_result))
            })
        });
        // Nothing to announce on first load: the page is read in order then.
        if prev.is_some() {
            let (cut, lev) = (crate::format::fmt_num(cut), crate::format::fmt_num(lev));
            announce(tr!(
                {
                    let model = result.map(|r| format!(" {r}.")).unwrap_or_default();
                    format!("December cut probability {cut}%, leverage {lev}×.{model}")
                },
                {
                    let model = result.map(|r| format!("{r}。")).unwrap_or_default();
                    format!("12月降息概率{cut}%，杠杆{lev}倍。{model}")
                }
            ));
        }
    });
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true" id="announce">{move || text.get()}</div> }
}
