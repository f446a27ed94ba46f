//! What every modal dialog of the app does with its keys (the agent picker, the
//! change-password dialog): Escape closes it, and Tab keeps focus inside.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const FOCUSABLE: &str = "button:not([disabled]):not([tabindex='-1']), input:not([disabled]), \
     [tabindex]:not([tabindex='-1'])";

/// Tab from the last control goes to the first, Shift+Tab from the first to the last (every
/// modal dialog of the app uses it).
fn keep_focus_inside(ev: &leptos::ev::KeyboardEvent, dialog: NodeRef<Div>) {
    let Some(list) = dialog.get_untracked().and_then(|d| d.query_selector_all(FOCUSABLE).ok())
    else {
        return;
    };
    // Controls in a hidden tab panel have no layout box (`offsetParent`): leave them out.
    let controls: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = document().active_element();
    let at = |el: &HtmlElement| active.as_ref() == Some(el.as_ref());
    let inside = controls.iter().any(at);
    let target = match (ev.shift_key(), inside) {
        (true, _) if at(first) || !inside => last,
        (false, _) if at(last) || !inside => first,
        _ => return,
    };
    ev.prevent_default();
    let _ = target.focus();
}

/// A modal dialog's keys: Escape closes it (`close`), Tab and Shift+Tab stay inside.
pub fn modal_keys(ev: &leptos::ev::KeyboardEvent, dialog: NodeRef<Div>, close: impl FnOnce()) {
    match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close();
        }
        "Tab" => keep_focus_inside(ev, dialog),
        _ => {}
    }
}
