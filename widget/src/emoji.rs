//! The emoji picker (C4): a button beside the composer that opens a small dialog with a search box
//! and a grid of emoji. Focus stays in the search box, which points at the active emoji with
//! `aria-activedescendant`: typing filters (English or Spanish words), arrows move, Enter or a
//! click picks, Escape closes (and only the picker: the chat window stays open); focus goes
//! back to the composer. The list (`/emoji.json`) is fetched the first time the picker opens,
//! so a visitor who never opens it never pays for it. Search and moves are core's `emoji`.
//!
//! Bytes: the button and the dialog are plain HTML in the composer's (the dialog's inside
//! written on first open), and the grid one `Html` string per change, with events read where
//! they bubble to the composer (`Picker::handle`). Through typed views the same markup cost
//! the widget about 8 KB more.

use crate::api;
use crate::dom::by_id;
use crate::i18n::{Lang, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_browser::html::{self, html, Escaped, Html};
use openline_core::emoji::{grid_step, search, Emoji};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Emoji per row of the grid.
const COLUMNS: usize = 7;
const PANEL: &str = "emoji-picker";
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

/// The picker's state: whether it is open, the search, the active cell and the list.
#[derive(Clone, Copy)]
pub struct Picker {
    open: RwSignal<bool>,
    query: RwSignal<String>,
    active: RwSignal<usize>,
    load: RwSignal<Load>,
    lang: Lang,
    /// An emoji was chosen (the composer inserts it and takes focus back).
    on_pick: Callback<String>,
    /// The picker closed without a choice: focus goes back to the composer.
    on_close: Callback<()>,
}

impl Picker {
    pub fn new(lang: Lang, on_pick: Callback<String>, on_close: Callback<()>) -> Picker {
        let picker = Picker {
            open: RwSignal::new(false),
            query: RwSignal::new(String::new()),
            active: RwSignal::new(0usize),
            load: RwSignal::new(Load::Idle),
            lang,
            on_pick,
            on_close,
        };
        let Picker { query, active, load, .. } = picker;
        // The grid, the status line and the active option follow the list, query and arrows.
        Effect::new(move |_| {
            let current = active.get();
            let (html, count) = load.with(|l| query.with(|q| cells(found(l, q), current, lang)));
            if let Some(grid) = by_id(GRID) {
                html::set(&grid, &html);
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
        picker
    }

    /// Handles an event of the composer's that happened in the picker; `false` if it did not.
    /// Its `kind`: a click, a key or a mouse press, or input into the search box.
    pub fn handle(self, kind: &str, ev: &web_sys::Event, target: &web_sys::Element) -> bool {
        if target.closest("#emoji-button").ok().flatten().is_some() {
            if kind == "click" {
                self.toggle();
            }
            return true;
        }
        if target.closest("#emoji-picker").ok().flatten().is_none() {
            return false;
        }
        match kind {
            "click" => {
                // A click on a cell picks it.
                let index = target.id().strip_prefix("emoji-option-").and_then(|i| i.parse().ok());
                if let Some(index) = index {
                    self.pick(index);
                }
            }
            // A press anywhere but the search box keeps focus in it.
            "mousedown" if target.id() != SEARCH => ev.prevent_default(),
            "keydown" => self.key(ev.unchecked_ref()),
            "input" if target.id() == SEARCH => {
                self.search(target.unchecked_ref::<web_sys::HtmlInputElement>().value())
            }
            _ => {}
        }
        true
    }

    fn show(self, open: bool) {
        self.open.set(open);
        if let Some(button) = by_id("emoji-button") {
            _ = button.set_attribute("aria-expanded", &open.to_string());
        }
        if let Some(panel) = by_id(PANEL) {
            _ = panel.toggle_attribute_with_force("hidden", !open);
        }
    }

    fn chosen(self, index: usize) -> Option<String> {
        // Searching four hundred short entries is quicker than a memo costs the widget in bytes.
        self.load.with_untracked(|l| {
            self.query.with_untracked(|q| found(l, q).get(index).map(|e| e.emoji.clone()))
        })
    }

    fn count(self) -> usize {
        self.load.with_untracked(|l| self.query.with_untracked(|q| found(l, q).len()))
    }

    fn pick(self, index: usize) {
        if let Some(emoji) = self.chosen(index) {
            self.show(false);
            self.on_pick.run(emoji);
        }
    }

    fn toggle(self) {
        if self.open.get_untracked() {
            self.show(false);
            return self.on_close.run(());
        }
        if let Some(panel) = by_id(PANEL).filter(|p| p.child_element_count() == 0) {
            html::set(&panel, &skeleton(self.lang));
        }
        self.search(String::new());
        if let Some(input) =
            by_id(SEARCH).and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
        self.show(true);
        if matches!(self.load.get_untracked(), Load::Idle | Load::Failed) {
            fetch(self.load);
        }
        request_animation_frame(move || {
            if let Some(input) =
                by_id(SEARCH).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                _ = input.focus();
            }
        });
    }

    /// A new search starts from its first result.
    fn search(self, query: String) {
        self.query.set(query);
        self.active.set(0);
    }

    fn key(self, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        if let Some(next) = grid_step(self.active.get_untracked(), &key, self.count(), COLUMNS) {
            ev.prevent_default();
            self.active.set(next);
            if let Some(el) = by_id(&option_id(next)) {
                el.scroll_into_view_with_bool(false);
            }
            return;
        }
        match key.as_str() {
            "Enter" => self.pick(self.active.get_untracked()),
            "Escape" => {
                // Not the window's Escape, which closes the whole chat.
                ev.stop_propagation();
                self.show(false);
                self.on_close.run(());
            }
            _ => return,
        }
        ev.prevent_default();
    }
}

/// The emoji button and its dialog, empty until first opened, in the composer's HTML.
/// Its ids are the constants' (`PANEL` here; `SEARCH`, `GRID`, `STATUS` in `skeleton`),
/// written out in the markup: a test compares them.
pub fn picker_html(lang: Lang) -> Html {
    html!(
        r#"<div class="emoji-wrap"><button id="emoji-button" type="button" class="icon-button emoji-button" aria-haspopup="dialog" aria-expanded="false" aria-controls="emoji-picker" aria-label="{0}"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-3.5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM7.8 14h8.4a4.5 4.5 0 0 1-8.4 0Z"/></svg></button><div id="emoji-picker" class="emoji-picker" role="dialog" aria-label="{0}" hidden></div></div>"#,
        Escaped(lang.t(Text::Emoji))
    )
}

/// The dialog's inside, written once: the labelled search box, the grid, the status line.
fn skeleton(lang: Lang) -> Html {
    html!(
        r#"<label for="emoji-search" class="sr-only">{0}</label><input id="emoji-search" type="text" autocomplete="off" role="combobox" aria-expanded="true" aria-autocomplete="list" aria-controls="emoji-grid" placeholder="{0}"><ul id="emoji-grid" role="listbox" aria-label="{1}"></ul><p id="emoji-status" class="emoji-status" role="status"></p>"#,
        Escaped(lang.t(Text::SearchEmoji)),
        Escaped(lang.t(Text::Emoji))
    )
}

/// The grid's cells for `found`, `active` marked, and how many there are.
fn cells(found: Vec<&Emoji>, active: usize, lang: Lang) -> (Html, usize) {
    let mut html = Html::default();
    for (i, e) in found.iter().enumerate() {
        // The id is `option_id(i)`.
        html += html!(
            r#"<li id="emoji-option-{0}" class="emoji-option" role="option" aria-selected="{1}" aria-label="{2}" title="{2}">{3}</li>"#,
            i,
            i == active,
            Escaped(e.name(lang == Lang::Es)),
            Escaped(&e.emoji)
        );
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

fn option_id(index: usize) -> String {
    format!("emoji-option-{index}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c4_the_markup_has_the_ids_the_picker_looks_for() {
        let markup = picker_html(Lang::En).as_str().to_owned() + skeleton(Lang::Es).as_str();
        for id in [PANEL, SEARCH, GRID, STATUS] {
            assert!(markup.contains(&format!(r#"id="{id}""#)), "{id}");
        }
        let emoji = Emoji {
            emoji: "😀".into(),
            name_en: "grin".into(),
            keywords_en: String::new(),
            name_es: "sonrisa".into(),
            keywords_es: String::new(),
        };
        let (cells, count) = cells(vec![&emoji, &emoji], 1, Lang::En);
        assert_eq!(count, 2);
        let id = format!(
            r#"<li id="{}" class="emoji-option" role="option" aria-selected="true""#,
            option_id(1)
        );
        assert!(cells.as_str().contains(&id), "{}", cells.as_str());
    }
}
