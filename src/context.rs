//! What the page shares through Leptos context: the controls' signals (made
//! from the one table in [`crate::state`]), the address kept in sync with
//! them, the loaded data files, and the model results several sections read.
//! No view code lives here; components and sections read these types.

use crate::data::load::fetch_data_file;
use crate::data::{DataError, DataFile};
use crate::model::cascade::{Cascade, Position};
use crate::scenario;
use crate::state::{self, for_each_control, Control, Settings, Theme};
use leptos::prelude::*;
use leptos_use_intersection_observer::{use_intersection_observer_with_options, UseIntersectionObserverOptions};
use std::sync::Arc;

pub type DataResult = Result<DataFile, DataError>;

/// The page's address at the moment of printing, for the printed permalink,
/// and whether the page is being printed (closed tables are only filled in
/// then). Updated on `beforeprint`, not on every slider move, so interaction
/// does not pay for it.
#[derive(Clone, Copy)]
pub struct Permalink(pub RwSignal<String>);

#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// Sentences about link values the page could not use as given.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<String>>);

macro_rules! control_signals {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty = $desc:expr, $section:ident; )*) => {
        /// One signal per control of [`Settings`], shared with every section.
        /// The signals always hold valid, clamped values; each change is
        /// written to the address through [`UrlSync`].
        #[derive(Clone, Copy)]
        pub struct Controls {
            $( $(#[$doc])* pub $field: RwSignal<$ty>, )*
        }

        impl Controls {
            /// Signals starting at `s`, each kept in the address from now on.
            pub fn new(s: Settings, url: UrlSync) -> Controls {
                let c = Controls { $( $field: RwSignal::new(s.$field), )* };
                $( keep_in_url(c.$field, $desc, url); )*
                c
            }

            /// Every setting, subscribing to all of them.
            pub fn get(&self) -> Settings {
                Settings { $( $field: self.$field.get(), )* }
            }

            /// Every setting, without subscribing.
            pub fn get_untracked(&self) -> Settings {
                Settings { $( $field: self.$field.get_untracked(), )* }
            }

            /// Move every control that differs from `s` (the others are left
            /// alone, so nothing that reads them recomputes).
            pub fn set(&self, s: &Settings) {
                $( if self.$field.get_untracked() != s.$field {
                    self.$field.set(s.$field.clone());
                } )*
            }
        }
    };
}
for_each_control!(control_signals);

impl Controls {
    /// Put every control back to its 20 Nov value.
    pub fn reset_all(&self) {
        self.set(&Settings::default());
    }

    /// Put the controls `section` owns back to their defaults.
    pub fn reset_section(&self, section: state::Section) {
        self.set(&self.get_untracked().reset_section(section));
    }
}

/// Write every change of `sig` to the address under the control's key.
fn keep_in_url<C: Control + Copy + Send + Sync + 'static>(sig: RwSignal<C::Value>, c: C, url: UrlSync) {
    Effect::watch(move || sig.get(), move |v, _, _| url.set(c.key(), c.write(v)), false);
}

/// A presentation choice kept in the address (the theme): read with a
/// notice for a bad value, written back on every change.
pub fn url_choice<T>(c: state::Choice<T>, url: UrlSync, notices: Notices) -> RwSignal<T>
where
    T: Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static,
{
    let raw = state::get_param(&location_search(), c.key);
    let (value, note) = Control::read(&c, raw.as_deref());
    if let Some(n) = note {
        notices.0.update(|ns| ns.push(n));
    }
    url.set(c.key, Control::write(&c, &value));
    let sig = RwSignal::new(value);
    keep_in_url(sig, c, url);
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
    /// (Re)starts the wait; the address is written when it ends.
    wait: Callback<()>,
    cancel: Callback<()>,
}

impl Default for UrlSync {
    fn default() -> Self {
        UrlSync::new()
    }
}

impl UrlSync {
    /// How long the address waits for the slider to come to rest, ms.
    const QUIET_MS: f64 = 250.0;

    pub fn new() -> UrlSync {
        let pending = StoredValue::new(Vec::new());
        let timer = leptos_use_timeout_fn::use_timeout_fn(move |()| write_pending(pending), Self::QUIET_MS);
        let stop = timer.stop;
        UrlSync { pending, wait: Callback::new(timer.start), cancel: Callback::new(move |()| stop()) }
    }

    /// Record `key=value`; the address is written after a quiet spell.
    pub fn set(self, key: &'static str, value: String) {
        self.pending.update_value(|p| {
            p.retain(|(k, _)| *k != key);
            p.push((key, value));
        });
        // Each change restarts the wait, so a drag writes once, at the end.
        self.wait.run(());
    }

    fn cancel_wait(self) {
        self.cancel.run(());
    }

    /// Write every pending change to the address now.
    pub fn flush(self) {
        self.cancel_wait();
        write_pending(self.pending);
    }

    /// Add a history entry for the settings `s` (a "try this" action), so
    /// Back returns to the settings before it. Pending changes are dropped:
    /// `s` includes them.
    pub fn push(self, s: &Settings) {
        self.cancel_wait();
        self.pending.update_value(Vec::clear);
        let loc = window().location();
        let query = state::with_state(&location_search(), s);
        let url = format!("{}?{query}{}", loc.pathname().unwrap_or_default(), loc.hash().unwrap_or_default());
        if let Ok(history) = window().history() {
            // As with replace_query: a refused history write must not break the page.
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }

    /// The page's address with every change written.
    pub fn href(self) -> String {
        self.flush();
        window().location().href().unwrap_or_default()
    }
}

/// Write the changes in `pending` to the address (and forget them).
fn write_pending(pending: StoredValue<Vec<(&'static str, String)>>) {
    let pending = pending.try_update_value(std::mem::take).unwrap_or_default();
    if !pending.is_empty() {
        replace_query(&state::set_params(&location_search(), &pending));
    }
}

/// Whether the page is being rendered for its static copy (tools/prerender.mjs
/// sets `window.selloffPrerender` before the app starts): the app then also
/// renders the copy's variants (the loading cue, the answer's note for a link
/// with settings of its own), so the prerender only serialises what Rust
/// renders and matches none of its prose.
pub fn prerendering() -> bool {
    js_sys::Reflect::get(&window(), &"selloffPrerender".into()).is_ok_and(|v| v.is_truthy())
}

/// A function the page's scripts put on `window` (public/fallback.js's
/// hand-over hooks) or the browser may lack (`requestIdleCallback`), if it is
/// there.
pub fn window_function(name: &str) -> Option<js_sys::Function> {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(&window(), &name.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

/// A `performance.mark` naming the unit of work that starts now
/// (`selloff:build:tariffs`, `selloff:draw:timeline`), by which `make bench`
/// says what each long task was. Only while the bench watches (it defines
/// `window.__bench`): a reader's performance timeline never grows with each
/// slider move.
pub fn bench_mark(name: &str) {
    let watched = js_sys::Reflect::get(&window(), &"__bench".into()).is_ok_and(|b| !b.is_undefined());
    if watched {
        if let Some(perf) = window().performance() {
            let _ = perf.mark(name);
        }
    }
}

/// The address's query string, with its `?`.
pub fn location_search() -> String {
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

/// Whether charts are drawn on the dark paper: the chosen theme, or with
/// `auto` the system's colour scheme (followed live), never while printing.
#[derive(Clone, Copy)]
pub struct DarkCharts(pub Signal<bool>);

impl DarkCharts {
    pub fn new(theme: RwSignal<Theme>, printing: Printing) -> DarkCharts {
        let system = RwSignal::new(false);
        if let Ok(Some(mql)) = window().match_media("(prefers-color-scheme: dark)") {
            system.set(mql.matches());
            let watched = mql.clone();
            let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || system.set(watched.matches()));
            // The page lives as long as the listener, so the closure is kept
            // for good; failing to listen only loses the live switch.
            let _ =
                mql.add_event_listener_with_callback("change", wasm_bindgen::JsCast::unchecked_ref(on_change.as_ref()));
            on_change.forget();
        }
        DarkCharts(Signal::derive(move || {
            !printing.0.get()
                && match theme.get() {
                    Theme::Dark => true,
                    Theme::Light => false,
                    Theme::Auto => system.get(),
                }
        }))
    }
}

/// Apply a theme to the document (`data-theme` on `<html>`).
pub fn apply_theme(theme: Theme) {
    if let Some(root) = document().document_element() {
        // Failing to set an attribute cannot break the page; nothing to do.
        let _ = root.set_attribute("data-theme", theme.name());
    }
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

/// One data file, marked for `make bench` once it has been parsed (the mark
/// falls in the task that parsed it and ran what follows from it).
async fn fetch_marked(name: &'static str) -> DataResult {
    let file = fetch_data_file(name).await;
    bench_mark(&format!("selloff:data:{name}"));
    file
}

impl DataStore {
    /// Start fetching every file.
    pub fn fetch() -> DataStore {
        DataStore {
            markets: LocalResource::new(|| fetch_marked("markets")),
            rates: LocalResource::new(|| fetch_marked("rates")),
            flows: LocalResource::new(|| fetch_marked("flows")),
            liquidations: LocalResource::new(|| fetch_marked("liquidations")),
            sentiment: LocalResource::new(|| fetch_marked("sentiment")),
            events: LocalResource::new(|| fetch_marked("events")),
        }
    }

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

/// Model results shared by the sections: the one [`scenario::model::Model`] at the
/// current settings, and slices of it, so that a section redraws only when
/// its part changes (a `Memo` notifies its readers only when its value does).
#[derive(Clone, Copy)]
pub struct Derived {
    pub params: Memo<Settings>,
    /// What the scenario reads from the data, once per load.
    pub basis: Memo<Option<Arc<scenario::Basis>>>,
    /// Everything the settings imply (`Model::next` reuses the stages a move
    /// leaves unchanged: moving `cut` keeps the population).
    pub model: Memo<Option<Arc<scenario::model::Model>>>,
    /// The one table of market inputs (volatility, β, volumes) at the chosen window.
    pub inputs: Memo<Option<scenario::Inputs>>,
    pub drivers: Memo<Option<scenario::Drivers>>,
    pub population: Memo<Option<Arc<Vec<Position>>>>,
    pub cascade: Memo<Option<Arc<Cascade>>>,
    /// The synthesis's decomposition of the day (or the two weeks before).
    pub decomposition: Memo<Option<Arc<scenario::decomposition::Decompositions>>>,
}

impl Derived {
    pub fn new(store: DataStore, ctl: Controls) -> Derived {
        let params = Memo::new(move |_| ctl.get());
        // What the scenario reads from the data, once per load (`with` borrows
        // the loaded files instead of cloning them).
        let basis = Memo::new(move |_| {
            store.markets.with(|m| {
                store.rates.with(|r| match (m, r) {
                    (Some(Ok(m)), Some(Ok(r))) => {
                        scenario::basis(&scenario::Data { markets: m, rates: r }).map(Arc::new)
                    }
                    _ => None,
                })
            })
        });
        let model = Memo::new(move |prev: Option<&Option<Arc<scenario::model::Model>>>| {
            let prev = prev.and_then(|p| p.as_deref());
            basis.with(|b| b.as_ref().and_then(|b| scenario::model::Model::next(prev, b, &params.get()).map(Arc::new)))
        });
        let inputs = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.inputs())));
        let drivers = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.drivers.clone())));
        let population = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.population.clone())));
        let cascade = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.cascade.clone())));
        let decomposition = Memo::new(move |_| model.with(|m| m.as_ref().and_then(|m| m.decomposition.clone())));
        Derived { params, basis, model, inputs, drivers, population, cascade, decomposition }
    }
}

/// Content first (issue 17): the five sections are built when they come
/// within a screen of the viewport, or one at a time when the browser is
/// idle, or all at once for printing, instead of all at start. Until then the
/// pre-rendered copy of a section stands in for it (`sections::lazy_view_of`),
/// so its text, anchors and find-in-page work. Each entry: the section's id
/// and whether it is built.
#[derive(Clone, Copy)]
pub struct LazySections(StoredValue<Vec<(&'static str, RwSignal<bool>)>>);

impl Default for LazySections {
    fn default() -> Self {
        LazySections::new()
    }
}

impl LazySections {
    /// How far from the viewport a section is built, in screen heights.
    pub const AHEAD_SCREENS: f64 = 1.0;
    /// The same distance as the observer's root margin (a percentage of the
    /// viewport's height).
    const AHEAD_MARGIN: &'static str = "100% 0px";

    pub fn new() -> LazySections {
        LazySections(StoredValue::new(Vec::new()))
    }

    /// A section with a stand-in: built at once if it is already near the
    /// viewport (the reader's first screen, or an anchor they opened), else
    /// as soon as its stand-in comes within a screen of it (an
    /// IntersectionObserver: issue 27 measured the scroll listener it
    /// replaces reading every unbuilt section's box on each scroll event).
    /// The stand-in is the static page's own element, moved into the app at
    /// the take-over, so one observation covers both places.
    pub fn register(self, id: &'static str) -> RwSignal<bool> {
        let built = RwSignal::new(near_viewport(id, Self::AHEAD_SCREENS));
        self.0.update_value(|v| v.push((id, built)));
        if let Some(el) = document().get_element_by_id(id).filter(|_| !built.get_untracked()) {
            let watch = use_intersection_observer_with_options(
                el,
                move |entries, _| {
                    if entries.iter().any(|e| e.is_intersecting()) && !built.get_untracked() {
                        bench_mark(&format!("selloff:build:{id} (near)"));
                        built.set(true);
                    }
                },
                UseIntersectionObserverOptions::default().root_margin(Self::AHEAD_MARGIN),
            );
            // Built (by the observer, the idle builder or printing): watching is done.
            Effect::new(move |_| {
                if built.get() {
                    (watch.stop)();
                }
            });
        }
        built
    }

    fn unbuilt(self) -> Vec<(&'static str, RwSignal<bool>)> {
        self.0.with_value(|v| v.iter().filter(|(_, b)| !b.get_untracked()).copied().collect())
    }

    /// Build the first section not built yet; whether any is left after it.
    pub fn build_next(self) -> bool {
        let left = self.unbuilt();
        if let Some((id, b)) = left.first() {
            bench_mark(&format!("selloff:build:{id} (idle)"));
            b.set(true);
        }
        left.len() > 1
    }

    /// Build every section (printing).
    pub fn build_all(self) {
        for (_, b) in self.unbuilt() {
            b.set(true);
        }
    }
}

/// Whether the element with this id is within `screens` screen heights of
/// the viewport (an element that is not there counts as near: nothing stands
/// in for it).
fn near_viewport(id: &str, screens: f64) -> bool {
    let Some(el) = document().get_element_by_id(id) else { return true };
    let r = el.get_bounding_client_rect();
    let h = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    r.bottom() > -screens * h && r.top() < h + screens * h
}
