//! Embedding a section in another page: the snippets a reader copies, the
//! height the embedded page reports to its host, and the one message it
//! accepts from the host (a theme request).

use crate::context::Controls;
use crate::state::{self, Section, Theme};
use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_use_event_listener::use_event_listener;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::JsValue;

/// Message types are namespaced so a host can tell them from others.
pub const HEIGHT_MSG: &str = "selloff-explainer:height";
pub const THEME_MSG: &str = "selloff-explainer:theme";

/// The page's address without query or fragment.
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_string()
}

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// In the embed view: post the page height to the host whenever it changes,
/// and accept a validated theme request from the host page.
pub fn embed_runtime(section: Section, theme: RwSignal<Theme>) {
    let post = move || {
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

/// "Embed this section": a dialog with a fixed-height iframe snippet (works
/// where editors strip scripts) and a responsive one that resizes to fit.
#[component]
pub fn EmbedButton(section: Section) -> impl IntoView {
    let (id, title) = (section.id(), section.title());
    let dialog = NodeRef::<Dialog>::new();
    let ctl = expect_context::<Controls>();
    // The snippets are written when the dialog opens, from the settings at
    // that moment (the whole controls table), so moving a slider does not
    // rebuild ten snippets nobody is looking at.
    let opened = RwSignal::new(0u32);
    let snippet_id = format!("embed-{id}");
    let src = move || {
        opened.track();
        let q = state::set_params(&state::serialise_state(&ctl.get_untracked()), &[("embed", id.to_string())]);
        format!("{}?{}", page_base(), q)
    };
    let fixed = move || {
        format!(
            "<iframe src=\"{}\" title=\"{title} (interactive)\" width=\"100%\" height=\"1400\" loading=\"lazy\" style=\"border:0;max-width:60rem\"></iframe>",
            html_attr(&src())
        )
    };
    let responsive = move || {
        format!(
            "<iframe id=\"{snippet_id}\" src=\"{}\" title=\"{title} (interactive)\" width=\"100%\" height=\"1400\" loading=\"lazy\" style=\"border:0;max-width:60rem\"></iframe>\n\
<script>\n\
window.addEventListener('message', function (e) {{\n\
  var frame = document.getElementById('{snippet_id}');\n\
  if (!frame || e.origin !== '{}' || e.source !== frame.contentWindow) return;\n\
  var d = e.data;\n\
  if (d && d.type === '{HEIGHT_MSG}' && typeof d.height === 'number' && d.height > 0 && d.height < 20000) {{\n\
    frame.style.height = Math.ceil(d.height) + 'px';\n\
  }}\n\
}});\n\
</script>",
            html_attr(&src()),
            origin()
        )
    };
    let open = move |_| {
        opened.update(|n| *n += 1);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <button type="button" class="embed-open" on:click=open aria-haspopup="dialog">"Embed this section"</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby=format!("embed-h-{id}")>
            <h3 id=format!("embed-h-{id}")>"Embed “" {title} "”"</h3>
            <p>"Fixed height, for course pages and editors that remove scripts:"</p>
            <textarea readonly rows="4" aria-label="Fixed-height embed code" prop:value=fixed></textarea>
            <p>"Responsive: the frame grows and shrinks with the section. Paste both parts."</p>
            <textarea readonly rows="12" aria-label="Responsive embed code" prop:value=responsive></textarea>
            <p class="fine">"The embedded page only reports its height and accepts one message from its host: "
                <code>{format!("{{type: '{THEME_MSG}', theme: 'light' | 'dark' | 'auto'}}")}</code> "."</p>
            <button type="button" on:click=close>"Close"</button>
        </dialog>
    }
}

/// Escape text for a double-quoted HTML attribute.
fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
