//! What the composer's keys do. Enter picks the active suggestion, or runs a draft that is a
//! whole quick command (C3), or expands one that is exactly `/code` of a canned response (C7),
//! or sends; Shift+Enter adds a line. The arrows move through the suggestions; Escape closes
//! them, or else removes the quote (M1). Picking a suggestion fills a canned response in over
//! the `/query`, completes an `@` mention (C2), or runs a quick command.

use super::draft::Draft;
use super::quick_commands::{parse, Ready};
use super::suggest::{Suggestion, Suggestions};
use crate::canned::{expand, replace_query, CannedStore};
use crate::message::mentions;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::canned::{CannedResponse, Placeholders};

/// `{customer_name}` and `{agent_name}` for this dialog, read when a response is filled in.
#[derive(Clone, Copy)]
pub struct Filler {
    customer_name: Signal<String>,
    agent_name: StoredValue<String>,
}

impl Filler {
    pub fn new(customer_name: Signal<String>) -> Filler {
        let ui = use_ui();
        let agent_name = ui.session.with_untracked(|s| s.as_ref().map(|s| s.agent.name.clone()));
        Filler { customer_name, agent_name: StoredValue::new(agent_name.unwrap_or_default()) }
    }

    fn with<T>(&self, f: impl FnOnce(&Placeholders<'_>) -> T) -> T {
        let customer = self.customer_name.get_untracked();
        self.agent_name
            .with_value(|agent| f(&Placeholders { customer_name: &customer, agent_name: agent }))
    }

    /// A response's text as it would be inserted.
    pub fn fill(&self, response: &CannedResponse) -> String {
        self.with(|with| response.fill(with))
    }
}

/// The composer's keyboard and picks. `Copy`, for handlers.
#[derive(Clone, Copy)]
pub struct Keys {
    pub draft: Draft,
    /// The canned responses, for `/code`.
    pub store: CannedStore,
    pub list: Suggestions,
    pub filler: Filler,
    /// Send the draft.
    pub on_send: Callback<()>,
    /// Run a quick command (C3).
    pub on_quick: Callback<Ready>,
}

impl Keys {
    pub fn keydown(self, ev: leptos::ev::KeyboardEvent) {
        // While an input method composes (Japanese, Chinese…), Enter confirms the word.
        if ev.is_composing() {
            return;
        }
        let (list, quoting) = (self.list, self.draft.quoting);
        let listing = list.count() > 0;
        match ev.key().as_str() {
            "ArrowDown" if listing => list.step(1),
            "ArrowUp" if listing => list.step(-1),
            "Escape" if listing => list.dismiss(),
            "Escape" if quoting.with_untracked(Option::is_some) => quoting.set(None),
            "Enter" if !ev.shift_key() => self.enter(),
            _ => return,
        }
        ev.prevent_default();
    }

    fn enter(self) {
        let (list, text) = (self.list, self.draft.text);
        if list.count() > 0 {
            return self.pick(list.active.get_untracked());
        }
        if let Some(ready) = text.with_untracked(|d| parse(d)) {
            return self.run(ready);
        }
        let expanded = self.store.list.with_untracked(|library| {
            let library = library.as_deref().unwrap_or_default();
            self.filler.with(|with| text.with_untracked(|d| expand(library, d, with)))
        });
        match expanded {
            Some(expanded) => text.set(expanded),
            None => self.on_send.run(()),
        }
    }

    /// The suggestion at `index` was chosen (Enter or a click).
    pub fn pick(self, index: usize) {
        let text = self.draft.text;
        match self.list.get(index) {
            Some(Suggestion::Quick(quick)) => match quick.chosen() {
                Ok(ready) => self.run(ready),
                Err(needs_more) => text.set(needs_more),
            },
            Some(Suggestion::Canned(r)) => {
                let filled = self.filler.fill(&r);
                text.update(|d| *d = replace_query(d, &filled));
            }
            Some(Suggestion::Agent(agent)) => {
                text.update(|d| {
                    if let Some((at, _)) = mentions::query(d) {
                        *d = mentions::complete(d, at, &agent.name);
                    }
                });
                self.draft.picked.update(|p| p.push(agent));
            }
            None => {}
        }
    }

    fn run(self, ready: Ready) {
        self.draft.text.set(String::new());
        self.on_quick.run(ready);
    }
}
