//! The controls' widgets.

use crate::state::{fmt_num, Spec};
use leptos::prelude::*;

/// A range input paired with a number box; both write the same clamped signal.
#[component]
pub fn Slider(spec: Spec, value: RwSignal<f64>, unit: &'static str, valuetext: fn(f64) -> String) -> impl IntoView {
    let id = format!("ctl-{}", spec.key);
    let num_id = format!("{id}-num");
    let shown = move || fmt_num(value.get());
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
