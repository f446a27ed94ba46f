//! `EmojiPicker` (C4): a button beside the composer that opens a small dialog with a search box
//! and a grid of emoji. Focus stays in the search box, which points at the active emoji with
//! `aria-activedescendant`: typing filters (English or Spanish words), arrows move, Enter or a
//! click picks, Escape closes (and only the picker: the chat window stays open); focus goes
//! back to the composer. The list (`/emoji.json`) is fetched the first time the picker opens,
//! so a visitor who never opens it never pays for it. Search and moves are core's `emoji`.
//!
//! Bytes: the dialog's inside is plain HTML written once, and the grid one escaped string per
//! change, with events read where they bubble to the dialog. Through typed views the same
//! markup cost the widget about 8 KB more.

use crate::api;
use crate::i18n::{Lang, Text};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::emoji::{grid_step, search, Emoji};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Emoji per row of the grid.
const COLUMNS: usize = 7;
const SEARCH: &str = "emoji-search";
const GRID: &str = "emoji-grid";
const STATUS: &str = "emoji-status";

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Idle,
    Loading,
    Ready(Arc<Vec<Emoji>>),
    Failed,
}

#[component]
pub fn EmojiPicker(
    /// An emoji was chosen (the composer inserts it and takes focus back).
    on_pick: Callback<String>,
    /// The picker closed without a choice: focus goes back to the composer.
    on_close: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let load = RwSignal::new(Load::Idle);
    let panel = NodeRef::<Div>::new();
    // Searching four hundred short entries is quicker than a memo costs the widget in bytes.
    let chosen = move |index: usize| {
        load.with_untracked(|l| {
            query.with_untracked(|q| found(l, q).get(index).map(|e| e.emoji.clone()))
        })
    };
    let count = move || load.with_untracked(|l| query.with_untracked(|q| found(l, q).len()));
    Effect::new(move |_| {
        query.track();
        active.set(0);
    });
    // The grid, the status line and the active option follow the list, query and arrows.
    Effect::new(move |_| {
        let current = active.get();
        let (html, count) = load.with(|l| query.with(|q| cells(found(l, q), current, lang)));
        if let Some(grid) = by_id(GRID) {
            grid.set_inner_html(&html);
        }
        if let Some(input) = by_id(SEARCH) {
            _ = match count {
                0 => input.remove_attribute("aria-activedescendant"),
                _ => input.set_attribute("aria-activedescendant", &option_id(current)),
            };
        }
        let status = match load.get() {
            Load::Idle | Load::Loading => lang.t(Text::Loading),
            Load::Failed => lang.t(Text::EmojiFailed),
            Load::Ready(_) if count == 0 => lang.t(Text::NoEmoji),
            Load::Ready(_) => "",
        };
        if let Some(line) = by_id(STATUS) {
            line.set_text_content(Some(status));
        }
    });
    let pick = move |index: usize| {
        if let Some(emoji) = chosen(index) {
            open.set(false);
            on_pick.run(emoji);
        }
    };
    let toggle = move |_| {
        if open.get_untracked() {
            open.set(false);
            return on_close.run(());
        }
        if let Some(panel) = panel.get_untracked().filter(|p| p.child_element_count() == 0) {
            panel.set_inner_html(&skeleton(lang));
        }
        query.set(String::new());
        if let Some(input) =
            by_id(SEARCH).and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
        open.set(true);
        if matches!(load.get_untracked(), Load::Idle | Load::Failed) {
            fetch(load);
        }
        request_animation_frame(move || {
            if let Some(input) =
                by_id(SEARCH).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                _ = input.focus();
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if let Some(next) = grid_step(active.get_untracked(), &key, count(), COLUMNS) {
            ev.prevent_default();
            active.set(next);
            if let Some(el) = by_id(&option_id(next)) {
                el.scroll_into_view_with_bool(false);
            }
            return;
        }
        match key.as_str() {
            "Enter" => pick(active.get_untracked()),
            "Escape" => {
                // Not the window's Escape, which closes the whole chat.
                ev.stop_propagation();
                open.set(false);
                on_close.run(());
            }
            _ => return,
        }
        ev.prevent_default();
    };
    // A click on a cell picks it; a press anywhere but the search box keeps focus in it.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let index = target(&ev).and_then(|el| el.id().strip_prefix("emoji-option-")?.parse().ok());
        if let Some(index) = index {
            pick(index);
        }
    };
    let on_press = move |ev: leptos::ev::MouseEvent| {
        if target(&ev).is_none_or(|el| el.id() != SEARCH) {
            ev.prevent_default();
        }
    };
    let label = lang.t(Text::Emoji);
    view! {
        <div class="emoji-wrap">
            <button id="emoji-button" type="button" class="icon-button emoji-button"
                aria-haspopup="dialog" aria-expanded=move || open.get().to_string()
                aria-controls="emoji-picker" aria-label=label on:click=toggle>
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <path fill="currentColor" d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-3.5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM7.8 14h8.4a4.5 4.5 0 0 1-8.4 0Z"/>
                </svg>
            </button>
            <div id="emoji-picker" class="emoji-picker" role="dialog" aria-label=label
                node_ref=panel hidden=move || !open.get() on:keydown=on_key
                on:input=move |ev| query.set(event_target_value(&ev)) on:click=on_click
                on:mousedown=on_press></div>
        </div>
    }
}

/// The dialog's inside, written once: the labelled search box, the grid, the status line.
fn skeleton(lang: Lang) -> String {
    let search = escape(lang.t(Text::SearchEmoji));
    let emoji = escape(lang.t(Text::Emoji));
    format!(
        r#"<label for="{SEARCH}" class="sr-only">{search}</label><input id="{SEARCH}" type="text" autocomplete="off" role="combobox" aria-expanded="true" aria-autocomplete="list" aria-controls="{GRID}" placeholder="{search}"><ul id="{GRID}" role="listbox" aria-label="{emoji}"></ul><p id="{STATUS}" class="emoji-status" role="status"></p>"#
    )
}

/// The grid's cells for `found`, `active` marked, and how many there are.
fn cells(found: Vec<&Emoji>, active: usize, lang: Lang) -> (String, usize) {
    let mut html = String::new();
    for (i, e) in found.iter().enumerate() {
        let name = escape(e.name(lang == Lang::Es));
        html.push_str(&format!(
            r#"<li id="{}" class="emoji-option" role="option" aria-selected="{}" aria-label="{name}" title="{name}">{}</li>"#,
            option_id(i),
            i == active,
            escape(&e.emoji)
        ));
    }
    (html, found.len())
}

/// The emoji matching `query`, once the list is here.
fn found<'a>(load: &'a Load, query: &str) -> Vec<&'a Emoji> {
    match load {
        Load::Ready(list) => search(list, query),
        _ => Vec::new(),
    }
}

fn fetch(load: RwSignal<Load>) {
    load.set(Load::Loading);
    spawn_local(async move {
        let next = match api::emoji().await {
            Ok(list) => Load::Ready(Arc::new(list)),
            Err(_) => Load::Failed,
        };
        load.try_set(next);
    });
}

fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn target(ev: &leptos::ev::MouseEvent) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

fn option_id(index: usize) -> String {
    format!("emoji-option-{index}")
}

/// Text made safe inside HTML and its attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;")
}
