//! Helpers for the parts drawn as plain HTML: finding their elements, and one handler that
//! reads a part's events where they bubble to it (a typed handler per element and event costs
//! the widget bytes for each).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// The element with `id`, if the page has it.
pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// The element an event happened on.
pub fn target(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}

/// Calls `handle` with each event of the `kinds` that reaches `node`'s element, from when it is
/// in the page for as long as the component that calls this lives.
pub fn listen(
    node: NodeRef<Div>,
    kinds: &'static [&'static str],
    handle: impl FnMut(Event) + 'static,
) {
    let handler = StoredValue::new_local(Closure::<dyn FnMut(Event)>::new(handle));
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        handler.with_value(|handler| {
            for kind in kinds {
                _ = el.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
            }
        });
    });
}
