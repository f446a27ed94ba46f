//! The composer: a labelled textarea (Enter sends, Shift+Enter adds a line), the "Hidden note"
//! switch (`internal: true`, agents only) and Send. It only edits the draft; the dialog sends.
//!
//! Canned responses (C7): a draft starting with `/` opens `#canned-suggestions` (a listbox the
//! textarea points at with `aria-activedescendant`), filtered by what follows the slash; arrow
//! keys move, Enter or a click inserts the filled text in place of the `/query`, Escape closes.
//! A draft that is exactly `/code` of a response is expanded by Enter rather than sent.
//!
//! Quoting (M1): while the reply quotes a message, a chip above the textarea names it
//! ("Replying to Ana" and a line of its text) with a button to remove it; Escape in the textarea
//! removes it too.

use crate::app::use_ui;
use crate::canned_model::{expand, replace_query, slash_query, suggestions};
use crate::canned_store::use_canned;
use crate::i18n::{ComposeText, MsgText, Text};
use crate::message_bubble::author_name;
use crate::message_fold::Quote;
use leptos::prelude::*;
use openline_core::canned::{CannedResponse, Placeholders};
use openline_core::limits::MAX_MESSAGE_CHARS;

/// At most this many suggestions are listed; typing more narrows them.
const MAX_SUGGESTIONS: usize = 8;

#[component]
pub fn Composer(
    /// The text being written; the dialog clears it once the server accepted it.
    draft: RwSignal<String>,
    /// Whether the text is a hidden note.
    internal: RwSignal<bool>,
    /// A command is on its way; sending waits.
    pending: RwSignal<bool>,
    /// Send the draft.
    on_send: Callback<()>,
    /// The customer's display name, for `{customer_name}`.
    customer_name: Signal<String>,
    /// The message the reply quotes, if any (M1).
    quoting: RwSignal<Option<u64>>,
    /// That message as the chip shows it.
    quoted: Signal<Option<Quote>>,
    /// Focus left the textarea (the agent stopped typing, W2).
    on_leave: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let agent_name = ui.session.with_untracked(|s| s.as_ref().map(|s| s.agent.name.clone()));
    let agent_name = StoredValue::new(agent_name.unwrap_or_default());
    let fill = move |r: &CannedResponse| {
        let customer = customer_name.get_untracked();
        agent_name.with_value(|agent| {
            r.fill(&Placeholders { customer_name: &customer, agent_name: agent })
        })
    };
    // The draft the agent closed the list on with Escape: it stays closed until they type.
    let dismissed = RwSignal::new(None::<String>);
    let active = RwSignal::new(0usize);
    let matches = Memo::new(move |_| {
        let open =
            draft.with(|d| slash_query(d).is_some() && dismissed.with(|x| x.as_ref() != Some(d)));
        if !open {
            return Vec::new();
        }
        store.list.with(|list| {
            let list = list.as_deref().unwrap_or_default();
            draft
                .with(|d| suggestions(list, d).into_iter().take(MAX_SUGGESTIONS).cloned().collect())
        })
    });
    // A new filter starts from its best match.
    Effect::new(move |_| {
        draft.track();
        active.set(0);
    });
    let open = move || matches.with(|m| !m.is_empty());
    let insert = move |index: usize| {
        let Some(r) = matches.with_untracked(|m| m.get(index).cloned()) else { return };
        let filled = fill(&r);
        draft.update(|d| *d = replace_query(d, &filled));
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // While an input method composes (Japanese, Chinese…), Enter confirms the word.
        if ev.is_composing() {
            return;
        }
        let count = matches.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                active.update(|i| *i = (*i + 1) % count);
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.update(|i| *i = (*i + count - 1) % count);
            }
            "Escape" if count > 0 => {
                ev.prevent_default();
                dismissed.set(Some(draft.get_untracked()));
            }
            "Escape" if quoting.with_untracked(Option::is_some) => {
                ev.prevent_default();
                quoting.set(None);
            }
            "Enter" if !ev.shift_key() => {
                ev.prevent_default();
                if count > 0 {
                    insert(active.get_untracked());
                    return;
                }
                let expanded = store.list.with_untracked(|list| {
                    let list = list.as_deref().unwrap_or_default();
                    let customer = customer_name.get_untracked();
                    agent_name.with_value(|agent| {
                        let with = Placeholders { customer_name: &customer, agent_name: agent };
                        draft.with_untracked(|d| expand(list, d, &with))
                    })
                });
                match expanded {
                    Some(text) => draft.set(text),
                    None => on_send.run(()),
                }
            }
            _ => {}
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_send.run(());
    };
    let label = move || ui.t(if internal.get() { Text::HiddenNote } else { Text::Message });
    let placeholder =
        move || ui.t(if internal.get() { Text::NotePlaceholder } else { Text::MessagePlaceholder });
    let options = move || {
        let current = active.get();
        matches
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let preview = fill(&r);
                view! {
                    <li
                        id=option_id(i)
                        class="canned-option"
                        role="option"
                        data-canned-code=r.input.code.clone()
                        aria-selected=if i == current { "true" } else { "false" }
                        // Keep focus (and the caret) in the textarea.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| insert(i)
                    >
                        <span class="canned-option-head">
                            <span class="canned-option-code">"/" {r.input.code.clone()}</span>
                            <span class="canned-option-title">{r.input.title.clone()}</span>
                        </span>
                        <span class="canned-option-text">{preview}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let chip = move || {
        quoted.get().map(|q| {
            let text = if q.deleted { ui.lang.m(MsgText::MessageDeleted).to_owned() } else { q.excerpt };
            view! {
                <div id="quote-chip" class="quote-chip" class:note=q.internal>
                    <span class="quote-chip-body">
                        <span class="quote-chip-label">{ui.lang.replying_to(&author_name(ui.lang, &q.author))}</span>
                        <span class="quote-chip-text">{text}</span>
                    </span>
                    <button type="button" id="quote-chip-remove" class="quote-chip-remove"
                        aria-label=ui.lang.c(ComposeText::RemoveQuote) title=ui.lang.c(ComposeText::RemoveQuote)
                        on:click=move |_| {
                            quoting.set(None);
                            request_animation_frame(|| crate::commands::focus_or_title("composer-input"));
                        }>
                        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                            <path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"/>
                        </svg>
                    </button>
                </div>
            }
        })
    };
    let described_by = move || {
        if quoted.with(Option::is_some) {
            "quote-chip composer-hint"
        } else {
            "composer-hint"
        }
    };
    view! {
        <form class="composer" class:note=move || internal.get() on:submit=on_submit>
            {chip}
            <Show when=open>
                <ul id="canned-suggestions" class="canned-suggestions" role="listbox"
                    aria-label=ui.lang.m(MsgText::Canned)>
                    {options}
                </ul>
            </Show>
            <label for="composer-input" class="sr-only">{label}</label>
            <textarea
                id="composer-input"
                rows="3"
                maxlength=MAX_MESSAGE_CHARS.to_string()
                placeholder=placeholder
                aria-describedby=described_by
                aria-autocomplete="list"
                aria-controls=move || open().then_some("canned-suggestions")
                aria-activedescendant=move || open().then(|| option_id(active.get()))
                bind:value=draft
                on:keydown=on_keydown
                on:blur=move |_| on_leave.run(())
            ></textarea>
            <div class="composer-bar">
                <label class="note-toggle">
                    <input id="composer-internal" type="checkbox" bind:checked=internal/>
                    <span>{ui.t(Text::HiddenNote)}</span>
                </label>
                <span id="composer-hint" class="hint">{ui.t(Text::ComposerHint)}</span>
                <button id="composer-send" type="submit" class="btn primary" disabled=move || pending.get()>
                    {ui.t(Text::Send)}
                </button>
            </div>
        </form>
    }
}

fn option_id(index: usize) -> String {
    format!("canned-option-{index}")
}
