//! Changing a message in place (M8, M9): its text as an inline editor, and the inline
//! confirmation its deletion waits for. One of each at a time, kept by `tools`.

use super::tools::{MessageTools, DELETE_CONFIRM, EDIT_INPUT};
use crate::i18n::{CommonText, Lang, MessageText};
use leptos::prelude::*;
use openline_core::limits::MAX_MESSAGE_CHARS;

/// The message's text as an inline editor: Enter saves, Shift+Enter adds a line, Escape
/// cancels.
pub fn edit_form(lang: Lang, seq: u64, text: String, tools: MessageTools) -> AnyView {
    let draft = RwSignal::new(text);
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" if !ev.shift_key() && !ev.is_composing() => {
            ev.prevent_default();
            tools.save_edit(seq, draft.get_untracked());
        }
        "Escape" => {
            ev.prevent_default();
            tools.cancel_edit(seq);
        }
        _ => {}
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tools.save_edit(seq, draft.get_untracked());
    };
    view! {
        <form class="msg-edit" on:submit=on_submit>
            <label for=EDIT_INPUT class="sr-only">{lang.message(MessageText::EditMessage)}</label>
            <textarea id=EDIT_INPUT class="field text msg-edit-input" rows="3"
                maxlength=MAX_MESSAGE_CHARS.to_string() aria-describedby="msg-edit-hint"
                bind:value=draft on:keydown=on_key></textarea>
            <div class="msg-edit-bar">
                <span id="msg-edit-hint" class="msg-edit-hint">{lang.message(MessageText::EditHint)}</span>
                <button type="button" class="btn small msg-edit-cancel" on:click=move |_| tools.cancel_edit(seq)>
                    {lang.common(CommonText::Cancel)}
                </button>
                <button type="submit" class="btn small primary msg-edit-save"
                    disabled=move || tools.commands.pending.get()>
                    {lang.common(CommonText::Save)}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// "Delete this message?", inline under it; Escape cancels.
pub fn delete_confirm(lang: Lang, seq: u64, tools: MessageTools) -> impl IntoView {
    view! {
        <div class="msg-confirm" role="group" aria-labelledby="msg-delete-question"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { tools.cancel_delete(seq) }>
            <span id="msg-delete-question">{lang.message(MessageText::ConfirmDelete)}</span>
            <button id=DELETE_CONFIRM type="button" class="btn small danger msg-delete-confirm"
                disabled=move || tools.commands.pending.get() on:click=move |_| tools.delete(seq)>
                {lang.common(CommonText::Delete)}
            </button>
            <button type="button" class="btn small msg-delete-cancel"
                on:click=move |_| tools.cancel_delete(seq)>
                {lang.common(CommonText::Cancel)}
            </button>
        </div>
    }
}
