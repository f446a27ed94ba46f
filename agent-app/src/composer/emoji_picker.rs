//! The composer's emoji picker (C4): a button that opens a small dialog with a search box and a
//! grid of emoji. Focus stays in the search box, which points at the active emoji with
//! `aria-activedescendant`: typing filters (English or Spanish words), arrow keys move, Enter
//! or a click picks, Escape closes; either way focus goes back to the composer. The list is
//! fetched the first time the picker opens (`/emoji.json`) and kept for the page's life;
//! search and moves are core's `emoji`.

use crate::api;
use crate::i18n::{CommonText, ComposerText, Lang};
use crate::ui::menu::focus_left;
use crate::ui::{focus_or_title, use_ui};
use leptos::html::{Div, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::emoji::{grid_step, search, Emoji};
use std::cell::RefCell;
use std::sync::Arc;

/// Emoji per row of the grid.
const COLUMNS: usize = 8;

thread_local! {
    /// The list, once fetched: every picker of the page shares it.
    static LIST: RefCell<Option<Arc<Vec<Emoji>>>> = const { RefCell::new(None) };
}

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    Ready(Arc<Vec<Emoji>>),
    Failed,
}

/// The picker's state and what it does. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Picker {
    open: RwSignal<bool>,
    query: RwSignal<String>,
    /// The emoji the arrows are on.
    active: RwSignal<usize>,
    load: RwSignal<Load>,
    /// The emoji matching the query.
    found: Memo<Vec<Emoji>>,
    search_box: NodeRef<Input>,
    /// The id of the textarea focus goes back to.
    composer: &'static str,
    on_pick: Callback<String>,
}

impl Picker {
    fn new(composer: &'static str, on_pick: Callback<String>) -> Picker {
        let query = RwSignal::new(String::new());
        let active = RwSignal::new(0usize);
        let load = RwSignal::new(Load::Loading);
        let found = Memo::new(move |_| match load.get() {
            Load::Ready(list) => query.with(|q| search(&list, q).into_iter().cloned().collect()),
            _ => Vec::<Emoji>::new(),
        });
        Effect::new(move |_| {
            query.track();
            active.set(0);
        });
        let (open, search_box) = (RwSignal::new(false), NodeRef::<Input>::new());
        Picker { open, query, active, load, found, search_box, composer, on_pick }
    }

    fn close(self) {
        self.open.set(false);
        let composer = self.composer;
        request_animation_frame(move || focus_or_title(composer));
    }

    fn pick(self, index: usize) {
        let emoji = self.found.with_untracked(|f| f.get(index).map(|e| e.emoji.clone()));
        let Some(emoji) = emoji else {
            return;
        };
        self.close();
        self.on_pick.run(emoji);
    }

    /// The button: opens the picker (fetching the list the first time), or closes it.
    fn toggle(self) {
        if self.open.get_untracked() {
            return self.close();
        }
        self.query.set(String::new());
        self.open.set(true);
        fetch_once(self.load);
        let search_box = self.search_box;
        request_animation_frame(move || {
            if let Some(input) = search_box.get_untracked() {
                let _ = input.focus();
            }
        });
    }

    fn keydown(self, ev: leptos::ev::KeyboardEvent) {
        let key = ev.key();
        let count = self.found.with_untracked(Vec::len);
        if let Some(next) = grid_step(self.active.get_untracked(), &key, count, COLUMNS) {
            ev.prevent_default();
            self.active.set(next);
            reveal(next);
            return;
        }
        match key.as_str() {
            "Enter" => self.pick(self.active.get_untracked()),
            // The picker's Escape is the picker's: nothing around it closes too.
            "Escape" => {
                ev.stop_propagation();
                self.close();
            }
            _ => return,
        }
        ev.prevent_default();
    }
}

#[component]
pub fn EmojiPicker(
    /// The id of the textarea focus goes back to.
    composer: &'static str,
    /// An emoji was chosen.
    on_pick: Callback<String>,
) -> impl IntoView {
    let ui = use_ui();
    let picker = Picker::new(composer, on_pick);
    let open = picker.open;
    let wrap = NodeRef::<Div>::new();
    // Tab away, or a click elsewhere, closes it.
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        if focus_left(&ev, wrap) {
            open.set(false);
        }
    };
    let label = ui.lang.composer(ComposerText::Emoji);
    view! {
        <div class="emoji-wrap" node_ref=wrap on:focusout=on_focus_out>
            <button id="emoji-button" type="button" class="btn icon emoji-button"
                aria-haspopup="dialog" aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="emoji-picker" aria-label=label title=label on:click=move |_| picker.toggle()>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-3.5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM7.8 14h8.4a4.5 4.5 0 0 1-8.4 0Z"/>
                </svg>
            </button>
            <EmojiDialog picker/>
        </div>
    }
}

/// The small dialog: the search box, the grid and a status line.
#[component]
fn EmojiDialog(
    /// The picker.
    picker: Picker,
) -> impl IntoView {
    let ui = use_ui();
    let Picker { open, query, active, load, found, search_box, .. } = picker;
    let label = ui.lang.composer(ComposerText::Emoji);
    let options = move || {
        let current = active.get();
        let spanish = ui.lang == Lang::Es;
        found
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                view! {
                    <li id=option_id(i) class="emoji-option" role="option"
                        aria-selected=if i == current { "true" } else { "false" }
                        aria-label=e.name(spanish).to_owned() title=e.name(spanish).to_owned()
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| picker.pick(i)>
                        {e.emoji.clone()}
                    </li>
                }
            })
            .collect_view()
    };
    let status = move || match load.get() {
        Load::Loading => Some(ui.lang.common(CommonText::Loading)),
        Load::Failed => Some(ui.lang.composer(ComposerText::EmojiFailed)),
        Load::Ready(_) if found.with(Vec::is_empty) => {
            Some(ui.lang.composer(ComposerText::NoEmoji))
        }
        Load::Ready(_) => None,
    };
    view! {
        <div id="emoji-picker" class="emoji-picker" role="dialog" aria-label=label
            hidden=move || !open.get() on:keydown=move |ev| picker.keydown(ev)>
            <label for="emoji-search" class="sr-only">{ui.lang.composer(ComposerText::SearchEmoji)}</label>
            <input id="emoji-search" class="field" type="text" autocomplete="off"
                role="combobox" aria-expanded="true" aria-autocomplete="list"
                aria-controls="emoji-grid" placeholder=ui.lang.composer(ComposerText::SearchEmoji)
                aria-activedescendant=move || (!found.with(Vec::is_empty)).then(|| option_id(active.get()))
                node_ref=search_box bind:value=query/>
            <ul id="emoji-grid" class="emoji-grid" role="listbox" aria-label=label>{options}</ul>
            <p class="emoji-status" role="status">{status}</p>
        </div>
    }
}

/// Starts fetching the list unless it is here already; a failure may be retried by reopening.
fn fetch_once(load: RwSignal<Load>) {
    if let Some(list) = LIST.with(|l| l.borrow().clone()) {
        load.set(Load::Ready(list));
        return;
    }
    load.set(Load::Loading);
    spawn_local(async move {
        match api::emoji().await {
            Ok(list) => {
                let list = Arc::new(list);
                LIST.with(|l| *l.borrow_mut() = Some(list.clone()));
                load.try_set(Load::Ready(list));
            }
            Err(_) => {
                load.try_set(Load::Failed);
            }
        }
    });
}

/// Keeps the active emoji in view as the arrows move through a long grid.
fn reveal(index: usize) {
    if let Some(el) = document().get_element_by_id(&option_id(index)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn option_id(index: usize) -> String {
    format!("emoji-option-{index}")
}
