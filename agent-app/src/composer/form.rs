//! The composer: a labelled textarea (Enter sends, Shift+Enter adds a line), the "Hidden note"
//! switch (`internal: true`, agents only) and Send. It only edits the draft; the dialog sends.
//!
//! A draft starting with `/` opens the suggestions (`composer_suggest`): quick commands (C3)
//! and canned responses (C7). Enter picks the active one: a response's filled text replaces the
//! `/query`, a command runs (or, for `/rename`, waits for the name). With the list closed, a
//! draft that is a whole command runs it, and one that is exactly `/code` of a response is
//! expanded, rather than sent.
//!
//! An `@` starting a word offers colleagues to mention (C2); the ones picked are kept for the
//! dialog, which sends those still named in the text.
//!
//! Quoting (M1): while the reply quotes a message, `quote_chip` shows it above the textarea;
//! Escape in the textarea removes it. The emoji button (C4, `emoji_picker`) inserts at the
//! caret.

use super::attachments::{
    files_of, send_state, AttachButton, AttachmentTray, Attachments, SendState,
};
use super::emoji_picker::EmojiPicker;
use super::quick_commands::{parse, Ready};
use super::quote_chip::{QuoteChip, CHIP_ID};
use super::suggest::{Suggestion, SuggestionList, Suggestions, LIST_ID};
use crate::canned::use_canned;
use crate::canned::{expand, replace_query};
use crate::i18n::{ComposerText, MessageText};
use crate::message::mentions;
use crate::message::Quote;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::canned::{CannedResponse, Placeholders};
use openline_core::emoji::insert_at;
use openline_core::event::AgentRef;
use openline_core::limits::MAX_MESSAGE_CHARS;
use wasm_bindgen::JsCast;

const INPUT: &str = "composer-input";

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
    /// Run a quick command (C3).
    on_quick: Callback<Ready>,
    /// The customer's display name, for `{customer_name}`.
    customer_name: Signal<String>,
    /// The message the reply quotes, if any (M1).
    quoting: RwSignal<Option<u64>>,
    /// That message as the chip shows it.
    quoted: Signal<Option<Quote>>,
    /// Focus left the textarea (the agent stopped typing, W2).
    on_leave: Callback<()>,
    /// The colleagues picked from the `@` list while writing (C2).
    picked: RwSignal<Vec<AgentRef>>,
    /// The files going with the message (C1).
    attachments: Attachments,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let agent_name = ui.session.with_untracked(|s| s.as_ref().map(|s| s.agent.name.clone()));
    let agent_name = StoredValue::new(agent_name.unwrap_or_default());
    let with_placeholders = move |f: &dyn Fn(&Placeholders<'_>) -> Option<String>| {
        let customer = customer_name.get_untracked();
        agent_name
            .with_value(|agent| f(&Placeholders { customer_name: &customer, agent_name: agent }))
    };
    let fill = Callback::new(move |r: CannedResponse| {
        with_placeholders(&|with| Some(r.fill(with))).unwrap_or_default()
    });
    let list = Suggestions::new(draft);
    let run = move |ready: Ready| {
        draft.set(String::new());
        on_quick.run(ready);
    };
    let pick = move |index: usize| match list.get(index) {
        Some(Suggestion::Quick(quick)) => match quick.chosen() {
            Ok(ready) => run(ready),
            Err(needs_more) => draft.set(needs_more),
        },
        Some(Suggestion::Canned(r)) => {
            let filled = fill.run(r);
            draft.update(|d| *d = replace_query(d, &filled));
        }
        Some(Suggestion::Agent(agent)) => {
            draft.update(|d| {
                if let Some((at, _)) = mentions::query(d) {
                    *d = mentions::complete(d, at, &agent.name);
                }
            });
            picked.update(|p| p.push(agent));
        }
        None => {}
    };
    let on_enter = move || {
        if list.count() > 0 {
            return pick(list.active.get_untracked());
        }
        if let Some(ready) = draft.with_untracked(|d| parse(d)) {
            return run(ready);
        }
        let expanded = store.list.with_untracked(|library| {
            let library = library.as_deref().unwrap_or_default();
            with_placeholders(&|with| draft.with_untracked(|d| expand(library, d, with)))
        });
        match expanded {
            Some(text) => draft.set(text),
            None => on_send.run(()),
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // While an input method composes (Japanese, Chinese…), Enter confirms the word.
        if ev.is_composing() {
            return;
        }
        let listing = list.count() > 0;
        match ev.key().as_str() {
            "ArrowDown" if listing => list.step(1),
            "ArrowUp" if listing => list.step(-1),
            "Escape" if listing => list.dismiss(),
            "Escape" if quoting.with_untracked(Option::is_some) => quoting.set(None),
            "Enter" if !ev.shift_key() => on_enter(),
            _ => return,
        }
        ev.prevent_default();
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_send.run(());
    };
    let label = move || {
        if internal.get() {
            ui.lang.message(MessageText::HiddenNote)
        } else {
            ui.lang.composer(ComposerText::Reply)
        }
    };
    let placeholder = move || {
        ui.lang.composer(if internal.get() {
            ComposerText::NotePlaceholder
        } else {
            ComposerText::ReplyPlaceholder
        })
    };
    let described_by = move || {
        if quoted.with(Option::is_some) {
            format!("{CHIP_ID} composer-hint")
        } else {
            "composer-hint".to_owned()
        }
    };
    // An emoji goes in at the caret (or over the selection), and the caret after it.
    let insert_emoji = Callback::new(move |emoji: String| {
        let Some(area) = textarea() else { return };
        let (start, end) = (area.selection_start(), area.selection_end());
        let (start, end) =
            (start.ok().flatten().unwrap_or(u32::MAX), end.ok().flatten().unwrap_or(u32::MAX));
        let (text, caret) = draft.with_untracked(|d| insert_at(d, start, end, &emoji));
        draft.set(text);
        request_animation_frame(move || {
            if let Some(area) = textarea() {
                let _ = area.focus();
                let _ = area.set_selection_range(caret, caret);
            }
        });
    });
    // A pasted screenshot or file is attached, not typed (C1).
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let files = files_of(ev.clipboard_data().and_then(|d| d.files()));
        if !files.is_empty() {
            ev.prevent_default();
            attachments.add(files);
        }
    };
    let uploading =
        move || attachments.items.with(|items| send_state("", items) == SendState::Uploading);
    view! {
        <form class="composer" class:note=move || internal.get() on:submit=on_submit>
            <QuoteChip quoted quoting/>
            <AttachmentTray lang=ui.lang attachments/>
            <SuggestionList suggestions=list fill on_pick=Callback::new(pick)/>
            <label for=INPUT class="sr-only">{label}</label>
            <textarea
                id=INPUT
                rows="3"
                maxlength=MAX_MESSAGE_CHARS.to_string()
                placeholder=placeholder
                aria-describedby=described_by
                aria-autocomplete="list"
                aria-controls=move || list.is_open().then_some(LIST_ID)
                aria-activedescendant=move || list.active_id()
                bind:value=draft
                on:keydown=on_keydown
                on:paste=on_paste
                on:blur=move |_| on_leave.run(())
            ></textarea>
            <div class="composer-bar">
                <label class="note-toggle">
                    <input id="composer-internal" type="checkbox" bind:checked=internal/>
                    <span>{ui.lang.message(MessageText::HiddenNote)}</span>
                </label>
                <AttachButton lang=ui.lang attachments/>
                <EmojiPicker composer=INPUT on_pick=insert_emoji/>
                <span id="composer-hint" class="hint">{ui.lang.composer(ComposerText::Hint)}</span>
                <button id="composer-send" type="submit" class="btn primary" disabled=move || pending.get() || uploading()>
                    {ui.lang.composer(ComposerText::Send)}
                </button>
            </div>
        </form>
    }
}

fn textarea() -> Option<web_sys::HtmlTextAreaElement> {
    document().get_element_by_id(INPUT)?.dyn_into().ok()
}
