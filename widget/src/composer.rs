//! `Composer`: the visitor writes and sends a message.
//!
//! Enter sends, Shift+Enter (or an IME composition) inserts a newline. A sent message shows at
//! once as "Sending…" and goes out through the `Outbox` (in order, retried, exactly once); one
//! that cannot go out shows "Not sent" with a Retry button in the list. The emoji button (C4)
//! puts the chosen emoji at the caret. The paperclip, a paste or a drop attaches files (C1),
//! which upload at once and go with the next message.

use crate::attach::{files_of, AttachButton, Tray, TrayView};
use crate::emoji::EmojiPicker;
use crate::i18n::{Lang, Text};
use crate::outbox::Outbox;
use leptos::html::Textarea;
use leptos::prelude::*;
use openline_core::limits::MAX_MESSAGE_CHARS;
use web_sys::KeyboardEvent;

#[component]
pub fn Composer(
    /// Where sent messages go: they show at once and leave in order (see `outbox`).
    outbox: Outbox,
    /// The draft changed; `true`: it is empty now (W2).
    on_typing: Callback<bool>,
    /// The draft was sent or the box left (W2).
    on_stop: Callback<()>,
    /// Files going with the next message (C1).
    tray: Tray,
    /// The box's hint: the channel's own (W5) or "Write a message…".
    placeholder: String,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let input = NodeRef::<Textarea>::new();

    // Sending never waits: the message joins the outbox, even with the network gone. Only a
    // file still uploading holds it back.
    let send = move || {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let text = el.value().trim().to_owned();
        if tray.busy() {
            return;
        }
        let files = tray.take_ready();
        if text.is_empty() && files.is_empty() {
            return;
        }
        el.set_value("");
        on_stop.run(());
        outbox.send(text, files);
    };
    // A pasted screenshot is attached, not typed.
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let files = files_of(ev.clipboard_data().and_then(|d| d.files()));
        if !files.is_empty() {
            ev.prevent_default();
            tray.add(files);
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            send();
        }
    };
    let refocus = move || {
        if let Some(el) = input.get_untracked() {
            _ = el.focus();
        }
    };
    let insert_emoji = Callback::new(move |emoji: String| {
        let Some(el) = input.get_untracked() else { return };
        let start = el.selection_start().ok().flatten().unwrap_or(u32::MAX);
        let end = el.selection_end().ok().flatten().unwrap_or(u32::MAX);
        let (text, caret) = openline_core::emoji::insert_at(&el.value(), start, end, &emoji);
        el.set_value(&text);
        _ = el.focus();
        _ = el.set_selection_range(caret, caret);
        on_typing.run(false);
    });
    // Start with the cursor in the box: the visitor opened the window to write.
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            _ = el.focus();
        }
    });

    view! {
        <TrayView tray/>
        <form class="composer" on:submit=move |ev| {
            ev.prevent_default();
            send();
        }>
            <AttachButton tray/>
            <label for="composer-input" class="sr-only">{lang.t(Text::MessageLabel)}</label>
            <textarea id="composer-input" node_ref=input rows="1"
                maxlength=MAX_MESSAGE_CHARS.to_string()
                placeholder=placeholder on:keydown=on_keydown
                on:input=move |_| {
                    let empty = input.get_untracked().is_none_or(|el| el.value().trim().is_empty());
                    on_typing.run(empty);
                }
                on:paste=on_paste
                on:blur=move |_| on_stop.run(())></textarea>
            <EmojiPicker on_pick=insert_emoji on_close=Callback::new(move |()| refocus())/>
            <button id="composer-send" type="submit" class="send"
                aria-label=lang.t(Text::Send) aria-disabled=move || tray.busy().to_string()>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                    <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10.1 15 12 3.4 13.9z"/>
                </svg>
            </button>
        </form>
    }
}
