//! Moving focus by element id: to a field to fix, a moved row's button, or back to where the
//! agent was once what they pressed went away.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts focus on the element with `id`, if it is there (a field to fix, a moved row's button).
pub fn focus(id: &str) {
    let el = document().get_element_by_id(id);
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Focuses the element with `id`, or the dialog's title when it is gone.
pub fn focus_or_title(id: &str) {
    let el =
        document().get_element_by_id(id).or_else(|| document().get_element_by_id(DIALOG_TITLE));
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The open dialog's title, where focus goes when nothing better is left.
pub const DIALOG_TITLE: &str = "dialog-title";

/// A screen's title that takes focus when the screen opens: arriving at a screen is a change
/// of page, and screen readers say where they are.
pub fn title_focused_on_arrival() -> NodeRef<leptos::html::H2> {
    let title = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h2) = title.get() {
            let _ = h2.focus();
        }
    });
    title
}
