//! The "…" button on every message (M1, M6, M7, M8, M9) and its menu, as the WAI-ARIA menu button
//! pattern describes it: arrow keys, Home and End move, Escape closes and gives focus back to
//! the button, Tab or a click elsewhere closes. Quote, Save as canned response and Copy text
//! for any message; Move to a new conversation (M6) for the owner, from a later message of the
//! open session; Edit and Delete only when `may_change`.

use super::tools::MessageTools;
use crate::canned::use_canned;
use crate::i18n::{CommonText, MessageText};
use crate::route::{canned_href, CannedPage};
use crate::ui::icons::DotsIcon;
use crate::ui::menu::{button_keys, focus_item, focus_left, menu_keys, Focus};
use crate::ui::use_ui;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn MessageMenu(
    /// The message.
    seq: u64,
    /// Its current text (for Copy and Save as canned response).
    text: String,
    /// Whether Edit and Delete are offered.
    may_change: bool,
    /// The list's shared editing state.
    tools: MessageTools,
) -> impl IntoView {
    let ui = use_ui();
    let open = RwSignal::new(false);
    let menu = NodeRef::<Div>::new();
    let wrap = NodeRef::<Div>::new();
    let button_id = format!("msg-menu-button-{seq}");
    let menu_id = format!("msg-menu-{seq}");
    // Above the message, unless the list has more room below it (the first messages).
    let below = RwSignal::new(false);
    let show = move |item: Focus| {
        below.set(wrap.get_untracked().is_some_and(|w| more_room_below(&w)));
        open.set(true);
        request_animation_frame(move || focus_item(menu, item));
    };
    let close_to_button = move || {
        open.set(false);
        tools.focus_menu_button(seq);
    };
    let on_button_key = button_keys(show);
    let on_menu_key = menu_keys(menu, open, close_to_button);
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        if focus_left(&ev, wrap) {
            open.set(false);
        }
    };
    let label = ui.lang.message(MessageText::MessageActions);
    view! {
        <div class="msg-menu-wrap" node_ref=wrap on:focusout=on_focus_out>
            <button
                id=button_id.clone()
                type="button"
                class="msg-menu-button"
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=menu_id.clone()
                aria-label=label
                title=label
                on:click=move |_| if open.get_untracked() { open.set(false) } else { show(Focus::First) }
                on:keydown=on_button_key
            >
                <DotsIcon/>
            </button>
            <div
                id=menu_id
                class="menu msg-menu"
                class:below=move || below.get()
                role="menu"
                aria-labelledby=button_id
                hidden=move || !open.get()
                node_ref=menu
                on:keydown=on_menu_key
            >
                <MenuItems seq text may_change tools open/>
            </div>
        </div>
    }
}

/// The menu's items; choosing one closes the menu.
#[component]
fn MenuItems(
    /// The message.
    seq: u64,
    /// Its current text.
    text: String,
    /// Whether Edit and Delete are offered.
    may_change: bool,
    /// The list's shared editing state.
    tools: MessageTools,
    /// Whether the menu is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let copy_text = text.clone();
    let canned_text = text;
    let edit = move |_| {
        open.set(false);
        tools.start_edit(seq);
    };
    let delete = move |_| {
        open.set(false);
        tools.ask_delete(seq);
    };
    let save_canned = move |_| {
        open.set(false);
        store.prefill.set(Some(canned_text.clone()));
        let _ = window().location().set_hash(&canned_href(&CannedPage::New));
    };
    let copy = move |_| {
        open.set(false);
        tools.focus_menu_button(seq);
        tools.copy(&copy_text);
    };
    let quote = move |_| {
        open.set(false);
        tools.quote(seq);
    };
    let move_to_new = move |_| {
        open.set(false);
        tools.move_to_new(seq);
    };
    view! {
        <button type="button" role="menuitem" tabindex="-1" class="menu-item msg-action-quote"
            on:click=quote>
            {ui.lang.message(MessageText::Quote)}
        </button>
        <Show when=move || tools.may_split(seq)>
            <button type="button" role="menuitem" tabindex="-1" class="menu-item msg-action-move"
                on:click=move_to_new>
                {ui.lang.message(MessageText::MoveToNew)}
            </button>
        </Show>
        {may_change.then(|| view! {
            <button type="button" role="menuitem" tabindex="-1" class="menu-item msg-action-edit"
                on:click=edit>
                {ui.lang.message(MessageText::Edit)}
            </button>
            <button type="button" role="menuitem" tabindex="-1"
                class="menu-item danger msg-action-delete" on:click=delete>
                {ui.lang.common(CommonText::Delete)}
            </button>
        })}
        <button type="button" role="menuitem" tabindex="-1" class="menu-item msg-action-save-canned"
            on:click=save_canned>
            {ui.lang.message(MessageText::SaveAsCanned)}
        </button>
        <button type="button" role="menuitem" tabindex="-1" class="menu-item msg-action-copy"
            on:click=copy>
            {ui.lang.message(MessageText::CopyText)}
        </button>
    }
}

/// Whether the message list shows more of itself below `el` than above it.
fn more_room_below(el: &web_sys::Element) -> bool {
    let Some(list) = document().get_element_by_id("messages") else { return false };
    let (list, here) = (list.get_bounding_client_rect(), el.get_bounding_client_rect());
    list.bottom() - here.bottom() > here.top() - list.top()
}
