//! Helpers for the parts drawn as plain HTML: finding their elements, and one handler that
//! reads a part's events where they bubble to it (a typed handler per element and event costs
//! the widget bytes for each).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// The element with `id`, if the page has it.
pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// Writes `text` into the element `id` if it reads otherwise (an unchanged live region is not
/// announced again).
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// The element an event happened on.
pub fn target(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}

/// Calls `handle` with each event of the `kinds` that reaches the element `id` (in the page by
/// the time effects run), for as long as the calling component lives. Then the listeners are
/// removed, so an element that a later view reuses does not keep them.
///
/// `Fn`, not `FnMut`: a handler may move focus (an emoji picked sends it back to the text box),
/// and the `focusout` and `change` that causes reach this same listener while it still runs;
/// wasm-bindgen refuses to re-enter an `FnMut` closure and throws "closure invoked recursively".
pub fn listen(id: &'static str, kinds: &'static [&'static str], handle: impl Fn(Event) + 'static) {
    attach(id, kinds, Closure::new(handle));
}

/// `listen`'s work, not generic: one copy in the widget.
fn attach(id: &'static str, kinds: &'static [&'static str], handler: Closure<dyn Fn(Event)>) {
    let attached = StoredValue::new_local(None::<Listeners>);
    let mut handler = Some(handler);
    Effect::new(move |_| {
        let Some(el) = by_id(id) else { return };
        let Some(handler) = handler.take() else { return };
        for kind in kinds {
            _ = el.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        }
        attached.set_value(Some(Listeners { el, kinds, handler }));
    });
}

/// Listeners added by `attach`, removed when dropped with their component.
struct Listeners {
    el: Element,
    kinds: &'static [&'static str],
    handler: Closure<dyn Fn(Event)>,
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for kind in self.kinds {
            _ = self
                .el
                .remove_event_listener_with_callback(kind, self.handler.as_ref().unchecked_ref());
        }
    }
}
