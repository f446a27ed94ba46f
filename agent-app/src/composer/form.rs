//! The composer: a labelled textarea (Enter sends, Shift+Enter adds a line), the "Hidden note"
//! switch (`internal: true`, agents only) and Send. It only edits the draft; the dialog sends.
//!
//! A draft starting with `/` opens the suggestions (`suggest`): quick commands (C3)
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
//! caret. What each key does is `keys`; the draft itself is `draft`.

use super::attachments::{files_of, send_state, AttachButton, AttachmentTray, SendState};
use super::draft::Draft;
use super::emoji_picker::EmojiPicker;
use super::keys::{Filler, Keys};
use super::quick_commands::Ready;
use super::quote_chip::{QuoteChip, CHIP_ID};
use super::suggest::{SuggestionList, Suggestions, LIST_ID};
use crate::canned::use_canned;
use crate::i18n::{ComposerText, MessageText};
use crate::message::Quote;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::canned::CannedResponse;
use openline_core::emoji::insert_at;
use openline_core::limits::MAX_MESSAGE_CHARS;
use wasm_bindgen::JsCast;

const INPUT: &str = "composer-input";

#[component]
pub fn Composer(
    /// What is being written; the dialog clears it once the server accepted it.
    draft: Draft,
    /// The message the reply quotes, as the chip shows it.
    quoted: Signal<Option<Quote>>,
    /// The customer's display name, for `{customer_name}`.
    customer_name: Signal<String>,
    /// Send the draft.
    on_send: Callback<()>,
    /// Run a quick command (C3).
    on_quick: Callback<Ready>,
    /// Focus left the textarea (the agent stopped typing, W2).
    on_leave: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let filler = Filler::new(customer_name);
    let fill = Callback::new(move |r: CannedResponse| filler.fill(&r));
    let list = Suggestions::new(draft.text);
    let keys = Keys { draft, store, list, filler, on_send, on_quick };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_send.run(());
    };
    let internal = draft.internal;
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
    // A pasted screenshot or file is attached, not typed (C1).
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let files = files_of(ev.clipboard_data().and_then(|d| d.files()));
        if !files.is_empty() {
            ev.prevent_default();
            draft.attachments.add(files);
        }
    };
    view! {
        <form class="composer" class:note=move || internal.get() on:submit=on_submit>
            <QuoteChip quoted quoting=draft.quoting/>
            <AttachmentTray lang=ui.lang attachments=draft.attachments/>
            <SuggestionList suggestions=list fill on_pick=Callback::new(move |i| keys.pick(i))/>
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
                bind:value=draft.text
                on:keydown=move |ev| keys.keydown(ev)
                on:paste=on_paste
                on:blur=move |_| on_leave.run(())
            ></textarea>
            <ComposerBar draft/>
        </form>
    }
}

/// Under the textarea: the hidden-note switch, attach, emoji, the hint and Send.
#[component]
fn ComposerBar(
    /// What is being written.
    draft: Draft,
) -> impl IntoView {
    let ui = use_ui();
    let attachments = draft.attachments;
    let uploading =
        move || attachments.items.with(|items| send_state("", items) == SendState::Uploading);
    view! {
        <div class="composer-bar">
            <label class="note-toggle">
                <input id="composer-internal" type="checkbox" bind:checked=draft.internal/>
                <span>{ui.lang.message(MessageText::HiddenNote)}</span>
            </label>
            <AttachButton lang=ui.lang attachments/>
            <EmojiPicker composer=INPUT on_pick=emoji_inserter(draft.text)/>
            <span id="composer-hint" class="hint">{ui.lang.composer(ComposerText::Hint)}</span>
            <button id="composer-send" type="submit" class="btn primary" disabled=move || draft.sending.get() || uploading()>
                {ui.lang.composer(ComposerText::Send)}
            </button>
        </div>
    }
}

/// An emoji goes in at the caret (or over the selection), and the caret after it.
fn emoji_inserter(text: RwSignal<String>) -> Callback<String> {
    Callback::new(move |emoji: String| {
        let Some(area) = textarea() else { return };
        let (start, end) = (area.selection_start(), area.selection_end());
        let (start, end) =
            (start.ok().flatten().unwrap_or(u32::MAX), end.ok().flatten().unwrap_or(u32::MAX));
        let (text_now, caret) = text.with_untracked(|d| insert_at(d, start, end, &emoji));
        text.set(text_now);
        request_animation_frame(move || {
            if let Some(area) = textarea() {
                let _ = area.focus();
                let _ = area.set_selection_range(caret, caret);
            }
        });
    })
}

fn textarea() -> Option<web_sys::HtmlTextAreaElement> {
    document().get_element_by_id(INPUT)?.dyn_into().ok()
}
