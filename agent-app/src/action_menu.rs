//! The "…" menu of the dialog header (`#action-more`): the less frequent actions (invite, spam)
//! behind one button, as the WAI-ARIA menu button pattern describes it.
//!
//! Opening moves focus to the first item; arrow keys, Home and End move between items; Escape
//! closes and gives focus back to the button; Tab, a click elsewhere or choosing an item closes
//! it. The items are the caller's: buttons with `role="menuitem"` and their own ids and handlers.

use crate::app::use_ui;
use crate::i18n::Text;
use crate::icons::DotsIcon;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const BUTTON_ID: &str = "action-more";
const ITEMS: &str = "[role=menuitem]:not([disabled])";

#[component]
pub fn ActionMenu(
    /// The items: `<button role="menuitem" tabindex="-1">`, each with its own click handler.
    children: Children,
) -> impl IntoView {
    let ui = use_ui();
    let open = RwSignal::new(false);
    let menu = NodeRef::<Div>::new();
    let wrap = NodeRef::<Div>::new();
    let show = move |item: Focus| {
        open.set(true);
        // The menu is shown on the next render; focus it after that.
        request_animation_frame(move || focus_item(menu, item));
    };
    let on_button_key = button_keys(show);
    let on_menu_key = menu_keys(menu, open, move || close_to_button(open));
    // Focus leaving the menu and its button (Tab away, a click elsewhere) closes it.
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        if focus_left(&ev, wrap) {
            open.set(false);
        }
    };
    view! {
        <div class="menu-wrap" node_ref=wrap on:focusout=on_focus_out>
            <button
                id=BUTTON_ID
                type="button"
                class="btn icon"
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="action-menu"
                aria-label=ui.t(Text::MoreActions)
                title=ui.t(Text::MoreActions)
                on:click=move |_| if open.get_untracked() { open.set(false) } else { show(Focus::First) }
                on:keydown=on_button_key
            >
                <DotsIcon/>
            </button>
            <div
                id="action-menu"
                class="menu"
                role="menu"
                aria-labelledby=BUTTON_ID
                hidden=move || !open.get()
                node_ref=menu
                on:keydown=on_menu_key
                // Runs after the item's own handler: the choice is made, the menu goes.
                on:click=move |_| close_to_button(open)
            >
                {children()}
            </div>
        </div>
    }
}

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
pub fn focus_left(ev: &leptos::ev::FocusEvent, wrap: NodeRef<Div>) -> bool {
    !ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(wrap.get_untracked())
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

fn close_to_button(open: RwSignal<bool>) {
    open.set(false);
    if let Some(button) = document().get_element_by_id(BUTTON_ID) {
        if let Ok(button) = button.dyn_into::<HtmlElement>() {
            let _ = button.focus();
        }
    }
}
