//! The "…" menu of the dialog header (`#action-more`): the less frequent actions (invite, spam)
//! behind one button, as the WAI-ARIA menu button pattern describes it.
//!
//! Opening moves focus to the first item; arrow keys, Home and End move between items; Escape
//! closes and gives focus back to the button; Tab, a click elsewhere or choosing an item closes
//! it. The items are the caller's: buttons with `role="menuitem"` and their own ids and handlers.

use crate::i18n::DialogText;
use crate::ui::icons::DotsIcon;
use crate::ui::menu::{button_keys, focus_item, focus_left, menu_keys, Focus};
use crate::ui::use_ui;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const BUTTON_ID: &str = "action-more";

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
                aria-label=ui.lang.dialog(DialogText::MoreActions)
                title=ui.lang.dialog(DialogText::MoreActions)
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

fn close_to_button(open: RwSignal<bool>) {
    open.set(false);
    if let Some(button) = document().get_element_by_id(BUTTON_ID) {
        if let Ok(button) = button.dyn_into::<HtmlElement>() {
            let _ = button.focus();
        }
    }
}
