//! `EmojiPicker` (C4): a button beside the composer that opens a small dialog with a search box
//! and a grid of emoji. Focus stays in the search box, which points at the active emoji with
//! `aria-activedescendant`: typing filters (English or Spanish words), arrows move, Enter or a
//! click picks, Escape closes (and only the picker: the chat window stays open); focus goes
//! back to the composer. The list (`/emoji.json`) is fetched the first time the picker opens,
//! so a visitor who never opens it never pays for it. Search and moves are core's `emoji`.

use crate::api;
use crate::i18n::{Lang, Text};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::emoji::{grid_step, search, Emoji};
use std::sync::Arc;

/// Emoji per row of the grid.
const COLUMNS: usize = 7;

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
    let search_box = NodeRef::<Input>::new();
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
        query.set(String::new());
        open.set(true);
        if matches!(load.get_untracked(), Load::Idle | Load::Failed) {
            fetch(load);
        }
        request_animation_frame(move || {
            if let Some(input) = search_box.get_untracked() {
                _ = input.focus();
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if let Some(next) = grid_step(active.get_untracked(), &key, count(), COLUMNS) {
            ev.prevent_default();
            active.set(next);
            if let Some(el) = document().get_element_by_id(&option_id(next)) {
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
    let spanish = lang == Lang::Es;
    // The grid is drawn as one string: hundreds of cells through the view macro would cost the
    // widget several times the bytes. The names are escaped; clicks are read from the list.
    let cells = move || {
        let current = active.get();
        load.with(|l| {
            let mut html = String::new();
            for (i, e) in query.with(|q| found(l, q)).into_iter().enumerate() {
                let name = escape(e.name(spanish));
                html.push_str(&format!(
                    r#"<li id="{}" class="emoji-option" role="option" aria-selected="{}" aria-label="{name}" title="{name}">{}</li>"#,
                    option_id(i),
                    i == current,
                    escape(&e.emoji)
                ));
            }
            html
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let target =
            ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let index = target.and_then(|el| el.id().strip_prefix("emoji-option-")?.parse().ok());
        if let Some(index) = index {
            pick(index);
        }
    };
    let status = move || match load.get() {
        Load::Idle | Load::Loading => Some(lang.t(Text::Loading)),
        Load::Failed => Some(lang.t(Text::EmojiFailed)),
        Load::Ready(list) if query.with(|q| search(&list, q).is_empty()) => {
            Some(lang.t(Text::NoEmoji))
        }
        Load::Ready(_) => None,
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
                hidden=move || !open.get() on:keydown=on_key>
                <label for="emoji-search" class="sr-only">{lang.t(Text::SearchEmoji)}</label>
                <input id="emoji-search" type="text" autocomplete="off" role="combobox"
                    aria-expanded="true" aria-autocomplete="list" aria-controls="emoji-grid"
                    placeholder=lang.t(Text::SearchEmoji) node_ref=search_box bind:value=query
                    aria-activedescendant=move || load.with(|l| query.with(|q| !found(l, q).is_empty())).then(|| option_id(active.get()))/>
                <ul id="emoji-grid" role="listbox" aria-label=label inner_html=cells
                    on:mousedown=|ev| ev.prevent_default() on:click=on_click></ul>
                <p class="emoji-status" role="status">{status}</p>
            </div>
        </div>
    }
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

fn option_id(index: usize) -> String {
    format!("emoji-option-{index}")
}

/// Text made safe inside HTML and its attributes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;")
}
