//! The keyboard of a menu button, as the WAI-ARIA menu button pattern describes it: an arrow
//! on the button opens the menu on its first or last item; inside, arrows, Home and End move
//! between the enabled items, Escape closes and gives focus back to the button, Tab closes and
//! lets focus move on, and focus leaving the menu and its button closes it. Used by the dialog
//! header's "…" menu, the per-message menus and the account menu.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const ITEMS: &str = "[role=menuitem]:not([disabled])";

/// The menu button's keys: an arrow opens the menu on its first (down) or last (up) item.
pub fn button_keys(
    show: impl Fn(Focus) + Copy + 'static,
) -> impl Fn(leptos::ev::KeyboardEvent) + Copy + 'static {
    move |ev| {
        let item = match ev.key().as_str() {
            "ArrowDown" => Focus::First,
            "ArrowUp" => Focus::Last,
            _ => return,
        };
        ev.prevent_default();
        show(item);
    }
}

/// The keys of an open menu: arrows, Home and End move; Escape closes back to the button;
/// Tab closes and lets focus move on.
pub fn menu_keys(
    menu: NodeRef<Div>,
    open: RwSignal<bool>,
    close_to_button: impl Fn() + Copy + 'static,
) -> impl Fn(leptos::ev::KeyboardEvent) + Copy + 'static {
    move |ev| match menu_key(&ev.key()) {
        MenuKey::Move(target) => {
            ev.prevent_default();
            focus_item(menu, target);
        }
        MenuKey::Close => {
            ev.prevent_default();
            close_to_button();
        }
        MenuKey::Leave => open.set(false),
        MenuKey::Other => {}
    }
}

/// What a key does inside an open menu (the WAI-ARIA menu pattern).
pub enum MenuKey {
    Move(Focus),
    /// Escape: close and give focus back to the menu button.
    Close,
    /// Tab: close and let focus move on.
    Leave,
    Other,
}

pub fn menu_key(key: &str) -> MenuKey {
    match key {
        "ArrowDown" => MenuKey::Move(Focus::Next),
        "ArrowUp" => MenuKey::Move(Focus::Previous),
        "Home" => MenuKey::Move(Focus::First),
        "End" => MenuKey::Move(Focus::Last),
        "Escape" => MenuKey::Close,
        "Tab" => MenuKey::Leave,
        _ => MenuKey::Other,
    }
}

/// Whether focus went somewhere outside `wrap` (the menu and its button): then it closes.
///
/// A menu that is gone counts as left. When the state a menu belongs to changes under it
/// (a dialog marked as spam offers no "…" menu any more), Leptos disposes the menu's signals
/// and then removes its DOM; Chromium fires `focusout` for the focused button removed, and
/// reading the disposed `wrap` there panicked (issue 18). Callers then set a disposed `open`,
/// which does nothing.
pub fn focus_left(ev: &leptos::ev::FocusEvent, wrap: NodeRef<Div>) -> bool {
    let Some(wrap) = wrap.try_get_untracked() else {
        return true;
    };
    !ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(wrap)
        .is_some_and(|(node, wrap)| wrap.contains(Some(&node)))
}

#[derive(Clone, Copy)]
pub enum Focus {
    First,
    Last,
    Next,
    Previous,
}

/// Moves focus among the menu's enabled items (also used by the per-message menus).
pub fn focus_item(menu: NodeRef<Div>, which: Focus) {
    let Some(menu) = menu.get_untracked() else {
        return;
    };
    let Ok(list) = menu.query_selector_all(ITEMS) else {
        return;
    };
    let items: Vec<HtmlElement> =
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect();
    if items.is_empty() {
        return;
    }
    let active = document().active_element();
    let current = items.iter().position(|item| active.as_ref() == Some(item.as_ref()));
    let last = items.len() - 1;
    let index = match (which, current) {
        (Focus::First, _) | (Focus::Next, None) => 0,
        (Focus::Last, _) | (Focus::Previous, None) => last,
        (Focus::Next, Some(i)) => {
            if i == last {
                0
            } else {
                i + 1
            }
        }
        (Focus::Previous, Some(i)) => {
            if i == 0 {
                last
            } else {
                i - 1
            }
        }
    };
    let _ = items[index].focus();
}
