//! The composer: a labelled textarea (Enter sends, Shift+Enter adds a line), the "Hidden note"
//! switch (`internal: true`, agents only) and Send. It only edits the draft; the dialog sends.

use crate::app::use_ui;
use crate::i18n::Text;
use leptos::prelude::*;
use openline_core::limits::MAX_MESSAGE_CHARS;

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
) -> impl IntoView {
    let ui = use_ui();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // While an input method composes (Japanese, Chinese…), Enter confirms the word.
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            on_send.run(());
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_send.run(());
    };
    let label = move || ui.t(if internal.get() { Text::HiddenNote } else { Text::Message });
    let placeholder =
        move || ui.t(if internal.get() { Text::NotePlaceholder } else { Text::MessagePlaceholder });
    view! {
        <form class="composer" class:note=move || internal.get() on:submit=on_submit>
            <label for="composer-input" class="sr-only">{label}</label>
            <textarea
                id="composer-input"
                rows="3"
                maxlength=MAX_MESSAGE_CHARS.to_string()
                placeholder=placeholder
                aria-describedby="composer-hint"
                bind:value=draft
                on:keydown=on_keydown
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
