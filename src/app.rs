//! The page: masthead, sticky controls, the timeline, the five sections.

use crate::data::load::fetch_data_file;
use crate::data::{DataError, DataFile};
use crate::scenario;
use crate::sections::{self, embed};
use crate::state::{self, Spec, CUT, LEV};
use leptos::prelude::*;

/// The global controls, shared with every section through context. The
/// signals always hold clamped, finite values.
#[derive(Clone, Copy)]
pub struct Shared {
    /// December rate-cut probability, percent (0–100).
    pub cut_pct: RwSignal<f64>,
    /// Leverage multiple (1–100).
    pub lev_x: RwSignal<f64>,
}

pub type DataResult = Result<DataFile, DataError>;

/// The page's address at the moment of printing, for the permalink under
/// each printed figure, and whether the page is being printed (closed
/// tables are only filled in then). Updated on `beforeprint`, not on every
/// slider move, so interaction does not pay for it.
#[derive(Clone, Copy)]
pub struct Permalink(pub RwSignal<String>);

#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// Sentences about link values the page could not use as given.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<String>>);

/// A numeric control kept in the URL under `spec.key`: read (with clamping
/// and a notice) at start, written back through [`UrlSync`] on every change.
pub fn url_number(spec: Spec) -> RwSignal<f64> {
    let raw = state::get_param(&location_search(), spec.key);
    let (value, note) = spec.read(raw.as_deref());
    if let (Some(n), Some(notices)) = (note, use_context::<Notices>()) {
        notices.0.update(|ns| ns.push(n));
    }
    kept_in_url(spec.key, value, |v| state::fmt_num(*v))
}

/// A choice control kept in the URL under its key. Values failing its test
/// fall back to its default with a notice.
pub fn url_choice(c: &state::Choice) -> RwSignal<String> {
    let (key, default, valid) = (c.key, c.default, c.valid);
    let raw = state::get_param(&location_search(), key);
    let value = match raw {
        Some(r) if valid(&r) => r,
        Some(r) => {
            if let Some(notices) = use_context::<Notices>() {
                let shown: String = r.chars().take(24).collect();
                notices.0.update(|ns| ns.push(format!("{key}: '{shown}' is not a valid choice, so '{default}' is used.")));
            }
            default.to_string()
        }
        None => default.to_string(),
    };
    kept_in_url(key, value, String::clone)
}

/// A signal starting at `value` whose every change is written to the
/// address under `key` (as `text` of it); the start value is written too,
/// so links are over-specified.
fn kept_in_url<T: Clone + Send + Sync + 'static>(key: &'static str, value: T, text: fn(&T) -> String) -> RwSignal<T> {
    let url = expect_context::<UrlSync>();
    url.set(key, text(&value));
    let sig = RwSignal::new(value);
    Effect::watch(move || sig.get(), move |v, _, _| url.set(key, text(v)), false);
    sig
}

/// The address bar as a permalink of the current state, written once per
/// burst of changes. Writing it on every slider input cost about 1 ms each
/// (`history.replaceState`), and Chrome throttles pages that call it more
/// than 100 times in 10 seconds. Anything that reads the address calls
/// [`UrlSync::flush`] first, and leaving the page flushes too.
#[derive(Clone, Copy)]
pub struct UrlSync {
    pending: StoredValue<Vec<(&'static str, String)>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl UrlSync {
    /// How long the address waits for the slider to come to rest.
    const QUIET: std::time::Duration = std::time::Duration::from_millis(250);

    fn new() -> UrlSync {
        UrlSync { pending: StoredValue::new(Vec::new()), timer: StoredValue::new(None) }
    }

    /// Record `key=value`; the address is written after a quiet spell.
    pub fn set(self, key: &'static str, value: String) {
        self.pending.update_value(|p| {
            p.retain(|(k, _)| *k != key);
            p.push((key, value));
        });
        // Each change restarts the wait, so a drag writes once, at the end.
        self.cancel_wait();
        self.timer.set_value(set_timeout_with_handle(move || self.flush(), Self::QUIET).ok());
    }

    fn cancel_wait(self) {
        if let Some(t) = self.timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    }

    /// Write every pending change to the address now.
    pub fn flush(self) {
        self.cancel_wait();
        let pending = self.pending.try_update_value(std::mem::take).unwrap_or_default();
        if !pending.is_empty() {
            replace_query(&state::set_params(&location_search(), &pending));
        }
    }

    /// The page's address with every change written.
    pub fn href(self) -> String {
        self.flush();
        window().location().href().unwrap_or_default()
    }
}

/// Section controls that other sections also read, kept in the URL.
#[derive(Clone, Copy)]
pub struct Scenario {
    /// The FedWatch reading the rate change is measured from: "YYYY-MM-DD:percent".
    pub rate_ref: RwSignal<String>,
    /// Growth profile of the rates section: discount rate r and growth g, percent.
    pub growth_r_pct: RwSignal<f64>,
    pub growth_g_pct: RwSignal<f64>,
    /// Assumed beta of the Nasdaq Composite to the S&P 500.
    pub nasdaq_beta: RwSignal<f64>,
    /// Rolling-correlation window, trading days: "14", "30", "60" or "90".
    pub corr_window: RwSignal<String>,
    /// Show the Forbes–Rigobon volatility-adjusted correlation: "1" or "0".
    pub corr_adjusted: RwSignal<String>,
    /// A tariff shock to US stocks, percent (≤ 0).
    pub stock_shock_pct: RwSignal<f64>,
    /// Share of a two-asset portfolio in Bitcoin, percent.
    pub btc_weight_pct: RwSignal<f64>,
    /// Price/earnings multiple of an AI leader: the reader's assumption.
    pub pe: RwSignal<f64>,
    /// Horizon for "how much of the price rests on later profits", years.
    pub horizon_y: RwSignal<f64>,
    /// Net selling to absorb in a day, US$ millions.
    pub sell_usd_m: RwSignal<f64>,
    /// Add the (contested) long-term-holder selling: "1" or "0".
    pub with_lth: RwSignal<String>,
    /// Reduction of market depth (daily volume), percent.
    pub depth_cut_pct: RwSignal<f64>,
    /// The cascade's initial shock: "auto" (sections 1–3 combined) or a percent.
    pub cascade_shock: RwSignal<String>,
    /// Share of forced crypto selling matched by tech-stock selling, percent.
    pub phi_pct: RwSignal<f64>,
    /// Long open interest in Bitcoin, US$ billions (assumption).
    pub oi_bn: RwSignal<f64>,
}

/// Model results shared by the liquidations and synthesis sections, computed
/// once from the data and the current settings.
#[derive(Clone, Copy)]
pub struct Derived {
    pub params: Memo<scenario::Params>,
    pub drivers: Memo<Option<scenario::Drivers>>,
    pub population: Memo<Option<std::sync::Arc<Vec<crate::model::cascade::Position>>>>,
    pub cascade: Memo<Option<crate::model::cascade::Cascade>>,
}

fn derived(store: DataStore, shared: Shared, sc: Scenario) -> Derived {
    let params = Memo::new(move |_| scenario::Params {
        cut_pct: shared.cut_pct.get(),
        lev_x: shared.lev_x.get(),
        rate_ref: sc.rate_ref.get(),
        growth: crate::model::rates::Profile { r_pct: sc.growth_r_pct.get(), g_pct: sc.growth_g_pct.get() },
        nasdaq_beta: sc.nasdaq_beta.get(),
        corr_window: sc.corr_window.get().parse().unwrap_or(30),
        stock_shock_pct: sc.stock_shock_pct.get(),
        sell_usd_m: sc.sell_usd_m.get(),
        with_lth: sc.with_lth.get() == "1",
        depth_cut_pct: sc.depth_cut_pct.get(),
        cascade_shock_pct: sc.cascade_shock.get().parse::<f64>().ok().map(|v| v.clamp(-30.0, 0.0)),
        phi_pct: sc.phi_pct.get(),
        oi_bn: sc.oi_bn.get(),
    });
    // What the scenario reads from the data, once per load (`with` borrows
    // the loaded files instead of cloning them).
    let basis = Memo::new(move |_| {
        store.markets.with(|m| {
            store.rates.with(|r| match (m, r) {
                (Some(Ok(m)), Some(Ok(r))) => scenario::basis(&scenario::Data { markets: m, rates: r }).map(std::sync::Arc::new),
                _ => None,
            })
        })
    });
    let drivers = Memo::new(move |_| basis.with(|b| b.as_ref().and_then(|b| scenario::drivers_from(b, &params.get()))));
    // The population depends only on leverage and open interest, so moving
    // any other slider reuses it.
    let openings = Memo::new(move |_| {
        store.markets.with(|m| match m {
            Some(Ok(m)) => Some(std::sync::Arc::new(scenario::openings(m, scenario::POPULATION))),
            _ => None,
        })
    });
    let population = Memo::new(move |_| {
        let (lev, oi) = (shared.lev_x.get(), sc.oi_bn.get());
        openings.with(|o| {
            o.as_ref().map(|o| std::sync::Arc::new(scenario::population_from(o, lev, oi * 1e9)))
        })
    });
    let cascade = Memo::new(move |_| {
        let (Some(pop), Some(dr), Some(b)) = (population.get(), drivers.get(), basis.get()) else { return None };
        let p = params.get();
        Some(scenario::run_cascade(&pop, &dr, &p, scenario::nasdaq_sigma_from(b.pre, p.nasdaq_beta)))
    });
    Derived { params, drivers, population, cascade }
}

/// One resource per bundled data file, fetched once and shared by every
/// section that reads it.
#[derive(Clone, Copy)]
pub struct DataStore {
    pub markets: LocalResource<DataResult>,
    pub rates: LocalResource<DataResult>,
    pub flows: LocalResource<DataResult>,
    pub liquidations: LocalResource<DataResult>,
    pub sentiment: LocalResource<DataResult>,
    pub events: LocalResource<DataResult>,
}

impl DataStore {
    /// Every file, with its name, in a fixed order.
    pub fn all(&self) -> [(&'static str, LocalResource<DataResult>); 6] {
        [
            ("markets", self.markets),
            ("rates", self.rates),
            ("flows", self.flows),
            ("liquidations", self.liquidations),
            ("sentiment", self.sentiment),
            ("events", self.events),
        ]
    }
}

pub fn mount() {
    // The app runs, so the static fallback copy of the page is not needed.
    if let Some(el) = document().get_element_by_id("static-page") {
        el.remove();
    }
    register_service_worker();
    leptos::mount::mount_to_body(App);
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
        let _ = navigator.service_worker().register("sw.js");
    }
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Replace (not push) the query so the URL is always a permalink of the
/// current state without filling the back-button history.
fn replace_query(query: &str) {
    let loc = window().location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let url = format!("{path}?{query}{hash}");
    if let Ok(history) = window().history() {
        // Failing to update the address bar (e.g. a sandboxed iframe) must not
        // break the page, so the error is deliberately ignored.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }

}

#[component]
pub fn App() -> impl IntoView {
    let notices = RwSignal::new(Vec::new());
    provide_context(Notices(notices));
    let url = UrlSync::new();
    provide_context(url);
    let _ = leptos_use_event_listener::use_event_listener(window(), leptos::ev::pagehide, move |_| url.flush());
    let permalink = RwSignal::new(window().location().href().unwrap_or_default());
    let printing = RwSignal::new(false);
    provide_context(Permalink(permalink));
    provide_context(Printing(printing));
    let _ = leptos_use_event_listener::use_event_listener(window(), leptos::ev::beforeprint, move |_| {
        permalink.set(url.href());
        printing.set(true);
    });
    let _ = leptos_use_event_listener::use_event_listener(window(), leptos::ev::afterprint, move |_| printing.set(false));
    // Links carry a schema version so that later versions can read old links.
    let search = location_search();
    if let Some(v) = state::get_param(&search, "v").filter(|v| v != state::SCHEMA_V) {
        let shown: String = v.chars().take(24).collect();
        notices.update(|ns| ns.push(format!("v: this link says version '{shown}'; it is read as version {}.", state::SCHEMA_V)));
    }
    url.set("v", state::SCHEMA_V.to_string());
    let embed = state::get_param(&search, "embed").and_then(|e| embed::SECTION_IDS.iter().find(|s| **s == e).copied());
    if let Some(e) = state::get_param(&search, "embed").filter(|_| embed.is_none()) {
        let shown: String = e.chars().take(24).collect();
        notices.update(|ns| ns.push(format!("embed: '{shown}' is not a section of this page, so the whole page is shown.")));
    }
    let theme = url_choice(&state::THEME);
    Effect::new(move |_| embed::apply_theme(&theme.get()));

    let shared = Shared { cut_pct: url_number(CUT), lev_x: url_number(LEV) };
    provide_context(shared);
    provide_context(Scenario {
        rate_ref: url_choice(&state::CHOICES[0]),
        growth_r_pct: url_number(state::GROWTH_R),
        growth_g_pct: url_number(state::GROWTH_G),
        nasdaq_beta: url_number(state::NASDAQ_BETA),
        corr_window: url_choice(&state::CHOICES[1]),
        corr_adjusted: url_choice(&state::CHOICES[2]),
        stock_shock_pct: url_number(state::SHOCK),
        btc_weight_pct: url_number(state::WEIGHT),
        pe: url_number(state::PE),
        horizon_y: url_number(state::HORIZON),
        sell_usd_m: url_number(state::SELL),
        with_lth: url_choice(&state::CHOICES[3]),
        depth_cut_pct: url_number(state::DEPTH),
        cascade_shock: url_choice(&state::CHOICES[4]),
        phi_pct: url_number(state::PHI),
        oi_bn: url_number(state::OI),
    });

    let store = DataStore {
        markets: LocalResource::new(|| fetch_data_file("markets")),
        rates: LocalResource::new(|| fetch_data_file("rates")),
        flows: LocalResource::new(|| fetch_data_file("flows")),
        liquidations: LocalResource::new(|| fetch_data_file("liquidations")),
        sentiment: LocalResource::new(|| fetch_data_file("sentiment")),
        events: LocalResource::new(|| fetch_data_file("events")),
    };
    provide_context(store);
    provide_context(derived(store, shared, expect_context::<Scenario>()));
    // The address is a complete permalink from the start.
    url.flush();

    if let Some(section) = embed {
        embed::embed_runtime(section, theme);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embedded");
        }
        return view! {
            <header class="embed-head">
                <p class="kicker">"From “Why stocks and Bitcoin fell together on 20 November 2025”"</p>
                <a href=full_link(url) target="_blank" rel="noopener" on:click=move |ev| {
                    // The link carries the reader's settings at the moment of the click.
                    if let Some(a) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(t).ok()) {
                        a.set_href(&full_link(url));
                    }
                }>"Open the full explainer"</a>
            </header>
            <ControlBar notices=notices/>
            <main id="content" class="embed-main">{section_view(section)}</main>
            <footer class="site-footer embed-footer">
                <p>"Figures: bundled data with sources. Model outputs are labelled. Not investment advice. Text CC BY 4.0."</p>
            </footer>
        }
        .into_any();
    }

    view! {
        <a class="skip" href="#rates">"Skip to the explanation"</a>
        <header class="masthead">
            <p class="kicker">"An explorable explanation"</p>
            <h1>"Why stocks and Bitcoin fell together on 20 November 2025"</h1>
            <sections::intro::Lede/>
        </header>
        <ControlBar notices=notices/>
        <main id="content">
            <sections::intro::DayInContext/>
            {embed::SECTION_IDS.iter().map(|s| section_view(s)).collect_view()}
            <sections::appendix::Claims/>
            <sections::appendix::Datasets/>
        </main>
        <Footer/>
    }
    .into_any()
}

/// The full page's address for the current state (the embed view's link out).
fn full_link(url: UrlSync) -> String {
    url.flush();
    let q = state::set_params(&location_search(), &[]);
    let q: Vec<String> = q.split('&').filter(|p| !p.starts_with("embed=")).map(String::from).collect();
    format!("{}?{}", embed::page_base(), q.join("&"))
}

fn section_view(id: &str) -> AnyView {
    match id {
        "rates" => view! { <sections::rates::Rates/> }.into_any(),
        "tariffs" => view! { <sections::tariffs::Tariffs/> }.into_any(),
        "liquidity" => view! { <sections::liquidity::Liquidity/> }.into_any(),
        "liquidations" => view! { <sections::liquidations::Liquidations/> }.into_any(),
        _ => view! { <sections::synthesis::Synthesis/> }.into_any(),
    }
}

/// Put every control back to its 20 Nov value.
fn reset_all(shared: Shared, sc: Scenario) {
    shared.cut_pct.set(CUT.default);
    shared.lev_x.set(LEV.default);
    sc.rate_ref.set(state::CHOICES[0].default.into());
    sc.growth_r_pct.set(state::GROWTH_R.default);
    sc.growth_g_pct.set(state::GROWTH_G.default);
    sc.nasdaq_beta.set(state::NASDAQ_BETA.default);
    sc.corr_window.set(state::CHOICES[1].default.into());
    sc.corr_adjusted.set(state::CHOICES[2].default.into());
    sc.stock_shock_pct.set(state::SHOCK.default);
    sc.btc_weight_pct.set(state::WEIGHT.default);
    sc.pe.set(state::PE.default);
    sc.horizon_y.set(state::HORIZON.default);
    sc.sell_usd_m.set(state::SELL.default);
    sc.with_lth.set(state::CHOICES[3].default.into());
    sc.depth_cut_pct.set(state::DEPTH.default);
    sc.cascade_shock.set(state::CHOICES[4].default.into());
    sc.phi_pct.set(state::PHI.default);
    sc.oi_bn.set(state::OI.default);
}

/// The build date, set by the Makefile at build time.
const BUILD_DATE: Option<&str> = option_env!("SELLOFF_BUILD_DATE");

#[component]
fn Footer() -> impl IntoView {
    let store = expect_context::<DataStore>();
    let as_of = move || {
        store.all().iter().filter_map(|(_, r)| r.get().and_then(|x| x.ok()).map(|d| d.as_of)).max().map(|d| sections::long_date(&d))
    };
    view! {
        <footer class="site-footer">
            <p>
                "Figures come from the bundled data files in "<code>"data/"</code>
                ", each with its source. Model outputs are labelled as such. Not investment advice."
            </p>
            <p>
                <strong>"Updates and corrections. "</strong>
                "This build: " {BUILD_DATE.unwrap_or("development build")} ". Data as of "
                {move || as_of().unwrap_or_else(|| "(loading)".into())}
                ". Corrections are made to the data files, with their sources, and listed in the project's history."
            </p>
            <p>"Text licensed CC BY 4.0; code under the MIT licence. Market data belongs to the sources credited beside each figure."</p>
        </footer>
    }
}

/// The sticky bar holding the two global sliders.
#[component]
fn ControlBar(notices: RwSignal<Vec<String>>) -> impl IntoView {
    let shared = expect_context::<Shared>();
    let sc = expect_context::<Scenario>();
    let copied = RwSignal::new(String::new());
    let address = expect_context::<UrlSync>();
    let copy_link = move |_| {
        let url = address.href();
        let promise = window().navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(if ok { "Link copied.".into() } else { format!("Copy this link: {url}") });
        });
    };
    view! {
        <div class="controlbar" role="region" aria-label="Scenario controls">
            <div class="controls">
                <Slider spec=CUT value=shared.cut_pct unit="%"
                    valuetext=|v| format!("{} percent chance of a December rate cut", state::fmt_num(v))/>
                <Slider spec=LEV value=shared.lev_x unit="×"
                    valuetext=|v| format!("{} times leverage", state::fmt_num(v))/>
            </div>
            <Announcer/>
            <div class="bar-actions">
                <button type="button" on:click=copy_link>"Copy link"</button>
                <button type="button" on:click=move |_| reset_all(shared, sc)>"Reset all"</button>
                <span class="copy-status" role="status">{move || copied.get()}</span>
            </div>
            <Show when=move || !notices.with(Vec::is_empty)>
                <div class="notice" role="status">
                    <p>"This link had values the page could not use as given:"</p>
                    <ul>
                        {move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| notices.set(Vec::new())>"Dismiss"</button>
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
    let shared = expect_context::<Shared>();
    let dv = use_context::<Derived>();
    let text = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |prev: Option<()>| {
        let cut = shared.cut_pct.get();
        let lev = shared.lev_x.get();
        let result = dv.and_then(|d| d.cascade.get()).map(|c| c.final_pct);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        // Nothing to announce on first load: the page is read in order then.
        if prev.is_none() {
            return;
        }
        let h = set_timeout_with_handle(
            move || {
                let model = result
                    .map(|r| format!(" Model: Bitcoin {} over the day.", crate::format::pct_signed(r, 1)))
                    .unwrap_or_default();
                text.set(format!("December cut probability {}%, leverage {}×.{model}", state::fmt_num(cut), state::fmt_num(lev)));
            },
            std::time::Duration::from_millis(800),
        )
        .ok();
        pending.set_value(h);
    });
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true" id="announce">{move || text.get()}</div> }
}

/// A range input paired with a number box; both write the same clamped signal.
#[component]
pub fn Slider(
    spec: Spec,
    value: RwSignal<f64>,
    unit: &'static str,
    valuetext: fn(f64) -> String,
) -> impl IntoView {
    let id = format!("ctl-{}", spec.key);
    let num_id = format!("{id}-num");
    let shown = move || state::fmt_num(value.get());
    let set_from = move |text: String| {
        if let Ok(v) = text.trim().parse::<f64>() {
            value.set(spec.clamp(v));
        }
    };
    view! {
        <div class="slider">
            <label for=id.clone()>{spec.label}</label>
            <div class="slider-row">
                <input
                    type="range"
                    id=id.clone()
                    name=spec.key
                    min=spec.min
                    max=spec.max
                    step=spec.step
                    prop:value=shown
                    aria-valuetext=move || valuetext(value.get())
                    on:input=move |ev| set_from(event_target_value(&ev))
                />
                <input
                    type="number"
                    id=num_id
                    class="num"
                    min=spec.min
                    max=spec.max
                    step=spec.step
                    aria-label=format!("{} ({})", spec.label, unit)
                    prop:value=shown
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        set_from(text);
                        // A rejected entry snaps back to the current value.
                        value.notify();
                    }
                />
                <span class="unit" aria-hidden="true">{unit}</span>
            </div>
        </div>
    }
}
