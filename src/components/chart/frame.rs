//! A chart's redraw: at most once per animation frame (at once while printing).

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

// Charts draw at most once per frame: `once_per_frame(run)` is a Leptos
// `Effect` that draws (tracking what `run` reads) only inside an animation
// frame. When anything it read changes, the effect re-runs, asks for one
// frame and returns without reading the drawing's inputs, so further changes
// in the same frame (data files arriving, a resize, a slider dragged faster
// than the display refreshes) do not re-run it; the frame's callback
// notifies the effect, which draws once with the values of that moment.
// While printing (the app's one `Printing` flag) it draws at once instead,
// so the page is drawn for paper before the browser lays it out for
// printing: effects run in the microtasks after the `beforeprint` listener,
// and no frame comes first.

/// Runs `run` now (tracking what it reads) and again, at most once per
/// animation frame, whenever any of that changes, until the owner is cleaned up.
pub fn once_per_frame(run: impl Fn() + 'static) {
    let printing = use_context::<crate::context::Printing>().map(|p| p.0);
    let frame = ArcTrigger::new();
    // Set by the frame's callback: the next run draws.
    let in_frame = Rc::new(Cell::new(true));
    let requested = Rc::new(Cell::new(false));
    Effect::new(move |_| {
        frame.track();
        let now = printing.is_some_and(|p| p.get());
        if in_frame.replace(false) || now {
            run();
        } else if !requested.replace(true) {
            let (frame, in_frame, requested) = (frame.clone(), in_frame.clone(), requested.clone());
            request_animation_frame(move || {
                requested.set(false);
                in_frame.set(true);
                frame.notify();
            });
        }
    });
}
