//! The composer's suggestions: a listbox above the textarea, which keeps the focus and points
//! at the active option with `aria-activedescendant`. After a leading `/`: quick commands first
//! (C3, `quick_commands`), then canned responses (C7) filtered by what follows the slash. After
//! an `@` starting a word: colleagues to mention (C2, `mentions`), the directory fetched the
//! first time. Arrow keys move, Enter or a click picks, Escape closes the list until the draft
//! changes.

use super::quick_commands::{matching, parse, Quick, Ready};
use crate::api;
use crate::canned::{slash_query, suggestions, use_canned};
use crate::i18n::{ComposerText, Lang};
use crate::message::mentions;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::canned::CannedResponse;
use openline_core::event::AgentRef;

/// At most this many canned responses are listed; typing more narrows them.
const MAX_CANNED: usize = 8;

/// The listbox's id, for the textarea's `aria-controls`.
pub const LIST_ID: &str = "canned-suggestions";

/// One option of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suggestion {
    Quick(Quick),
    Canned(CannedResponse),
    /// A colleague to mention (C2).
    Agent(AgentRef),
}

/// The list's state, shared by the textarea's key handler and the list. `Copy`.
#[derive(Clone, Copy)]
pub struct Suggestions {
    pub items: Memo<Vec<Suggestion>>,
    pub active: RwSignal<usize>,
    /// The draft the agent closed the list on with Escape: it stays closed until they type.
    dismissed: RwSignal<Option<String>>,
    draft: RwSignal<String>,
}

impl Suggestions {
    pub fn new(draft: RwSignal<String>) -> Suggestions {
        let store = use_canned();
        let team = use_team();
        let dismissed = RwSignal::new(None::<String>);
        let items = Memo::new(move |_| {
            if dismissed.with(|x| draft.with(|d| x.as_ref() == Some(d))) {
                return Vec::new();
            }
            if let Some(items) = draft.with(|d| colleagues(team, d)) {
                return items;
            }
            let open = draft.with(|d| slash_query(d).is_some());
            // `/rename <name>` is finished: Enter must run it, not pick a response.
            let renaming =
                draft.with(|d| matches!(parse(d), Some(Ready::Rename(n)) if !n.is_empty()));
            if !open || renaming {
                return Vec::new();
            }
            let mut items: Vec<Suggestion> =
                draft.with(|d| matching(d)).into_iter().map(Suggestion::Quick).collect();
            store.list.with(|list| {
                let list = list.as_deref().unwrap_or_default();
                draft.with(|d| {
                    let canned = suggestions(list, d).into_iter().take(MAX_CANNED);
                    items.extend(canned.cloned().map(Suggestion::Canned));
                })
            });
            items
        });
        let active = RwSignal::new(0usize);
        // A new filter starts from its best match.
        Effect::new(move |_| {
            draft.track();
            active.set(0);
        });
        Suggestions { items, active, dismissed, draft }
    }

    /// The list offers colleagues to mention.
    pub fn mentioning(&self) -> bool {
        self.items.with(|i| matches!(i.first(), Some(Suggestion::Agent(_))))
    }

    pub fn is_open(&self) -> bool {
        self.items.with(|i| !i.is_empty())
    }

    pub fn count(&self) -> usize {
        self.items.with_untracked(Vec::len)
    }

    /// Moves the active option by `step` (±1), wrapping around.
    pub fn step(&self, step: isize) {
        let count = self.count() as isize;
        if count > 0 {
            self.active.update(|i| *i = (*i as isize + step).rem_euclid(count) as usize);
        }
    }

    pub fn dismiss(&self) {
        self.dismissed.set(Some(self.draft.get_untracked()));
    }

    pub fn get(&self, index: usize) -> Option<Suggestion> {
        self.items.with_untracked(|i| i.get(index).cloned())
    }

    pub fn active_id(&self) -> Option<String> {
        self.is_open().then(|| option_id(self.active.get()))
    }
}

#[component]
pub fn SuggestionList(
    /// The list's state.
    suggestions: Suggestions,
    /// A canned response's text as it would be inserted (placeholders filled).
    fill: Callback<CannedResponse, String>,
    /// An option was clicked.
    on_pick: Callback<usize>,
) -> impl IntoView {
    let ui = use_ui();
    let options = move || {
        let current = suggestions.active.get();
        suggestions
            .items
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let (code, title, text) = match &item {
                    Suggestion::Quick(q) => {
                        let (title, text) = quick_texts(ui.lang, *q);
                        (format!("/{}", q.code()), title.to_owned(), text.to_owned())
                    }
                    Suggestion::Canned(r) => {
                        (format!("/{}", r.input.code), r.input.title.clone(), fill.run(r.clone()))
                    }
                    Suggestion::Agent(a) => ("@".to_owned(), a.name.clone(), String::new()),
                };
                let quick = matches!(item, Suggestion::Quick(_));
                let data = code.trim_start_matches(['/', '@']).to_owned();
                view! {
                    <li
                        id=option_id(i)
                        class="canned-option"
                        class:quick-option=quick
                        role="option"
                        data-canned-code=matches!(item, Suggestion::Canned(_)).then(|| data.clone())
                        data-quick=quick.then_some(data)
                        aria-selected=if i == current { "true" } else { "false" }
                        // Keep focus (and the caret) in the textarea.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| on_pick.run(i)
                    >
                        <span class="canned-option-head">
                            <span class="canned-option-code">{code}</span>
                            <span class="canned-option-title">{title}</span>
                        </span>
                        <span class="canned-option-text">{text}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || suggestions.is_open()>
            <ul id=LIST_ID class="canned-suggestions" role="listbox"
                aria-label=move || ui.lang.composer(if suggestions.mentioning() {
                    ComposerText::Colleagues
                } else {
                    ComposerText::Suggestions
                })>
                {options}
            </ul>
        </Show>
    }
}

/// The colleagues to offer while an `@name` is being typed; `None` when none is (the list is
/// fetched the first time one is).
fn colleagues(team: RwSignal<Option<Vec<AgentRef>>>, draft: &str) -> Option<Vec<Suggestion>> {
    let (_, query) = mentions::query(draft)?;
    Some(team.with(|team| {
        let team = team.as_deref().unwrap_or_default();
        let found = mentions::matching(team, query).into_iter().take(MAX_CANNED);
        found.cloned().map(Suggestion::Agent).collect::<Vec<_>>()
    }))
}

/// The workspace's agents, for mentions: fetched once, the first time the composer is used.
fn use_team() -> RwSignal<Option<Vec<AgentRef>>> {
    let team = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(agents) = api::agents().await {
            let refs = agents.into_iter().map(|a| AgentRef { id: a.id, name: a.name });
            team.try_set(Some(refs.collect()));
        }
    });
    team
}

/// A quick command's title and one-line explanation.
fn quick_texts(lang: Lang, quick: Quick) -> (&'static str, &'static str) {
    match quick {
        Quick::Quote => {
            (lang.composer(ComposerText::QuickQuote), lang.composer(ComposerText::QuickQuoteHint))
        }
        Quick::Rename => {
            (lang.composer(ComposerText::QuickRename), lang.composer(ComposerText::QuickRenameHint))
        }
        Quick::Id => {
            (lang.composer(ComposerText::QuickId), lang.composer(ComposerText::QuickIdHint))
        }
    }
}

fn option_id(index: usize) -> String {
    format!("canned-option-{index}")
}
