//! The controls' widgets.

use crate::format::fmt_num;
use crate::state::Spec;
use leptos::prelude::*;

/// A range input paired with a number box; both write the same clamped signal.
/// Arrow keys move the range by the control's `key_step`. A touch that the
/// browser turns into a page scroll (`touch-action: pan-y` in the style, then
/// `pointercancel`) puts back the value the touch started from, so a vertical
/// swipe that starts on a slider scrolls without changing it.
#[component]
pub fn Slider(
    spec: Spec,
    value: RwSignal<f64>,
    unit: &'static str,
    valuetext: fn(f64) -> String,
    /// A shorter label a phone shows instead (style/main.css), so that two
    /// sliders share a 320 px row without cutting a word; the full label
    /// stays the accessible name.
    #[prop(optional)]
    short: Option<&'static str>,
) -> impl IntoView {
    let id = format!("ctl-{}", spec.key);
    let num_id = format!("{id}-num");
    let shown = move || fmt_num(value.get());
    let set_from = move |text: String| {
        if let Some(v) = crate::format::parse_f64(text.trim()) {
            value.set(spec.clamp(v));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let dir = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => 1.0,
            "ArrowLeft" | "ArrowDown" => -1.0,
            _ => return,
        };
        ev.prevent_default();
        value.set(spec.clamp(value.get_untracked() + dir * spec.key_step));
    };
    let touch_start = StoredValue::new(None::<f64>);
    view! {
        <div class="slider">
            <label for=id.clone()>
                <span class="label-full">{spec.label}</span>
                {short.map(|s| view! { <span class="label-short" aria-hidden="true">{s}</span> })}
            </label>
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
                    on:keydown=on_key
                    on:pointerdown=move |ev| {
                        touch_start.set_value((ev.pointer_type() == "touch").then(|| value.get_untracked()));
                    }
                    on:pointerup=move |_| touch_start.set_value(None)
                    on:pointercancel=move |_| {
                        if let Some(v) = touch_start.try_update_value(Option::take).flatten() {
                            value.set(v);
                        }
                    }
                />
                <input
                    type="number"
                    id=num_id
                    class="num"
                    min=spec.min
                    max=spec.max
                    step=spec.step
                    aria-label=tr!(format!("{} ({})", spec.label, unit), format!("{}（{}）", spec.label, unit))
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

/// The horizon of the decomposition, as two pills: the day, or the two weeks
/// before it. One control (`span`), shown on the first screen and again at
/// the synthesis, where its effect is drawn; `name` keeps each radio group
/// its own.
#[component]
pub fn HorizonSwitch(name: &'static str, testid: &'static str) -> impl IntoView {
    use crate::state::Horizon;
    let sc = expect_context::<crate::context::Controls>();
    let span = move || sc.span.get();
    view! {
        <fieldset class="horizon-switch" data-testid=testid>
            <legend>{tr!("Explain", "解释范围")}</legend>
            {Horizon::ALL.into_iter().map(|h| view! {
                <label class="radio">
                    <input type="radio" name=name value=h.key()
                        prop:checked=move || span() == h
                        on:change=move |_| sc.span.set(h)/>
                    {match h {
                        Horizon::Day => tr!(" the day", "当天"),
                        Horizon::TwoWeeks => tr!(" the two weeks before", "截至当天的两周"),
                    }}
                </label>
            }).collect_view()}
        </fieldset>
    }
}
