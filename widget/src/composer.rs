//! `Composer`: the visitor writes and sends a message.
//!
//! Enter sends, Shift+Enter (or an IME composition) inserts a newline. A sent message shows at
//! once as pending; the server's reply turns it into the real event. On failure the text comes
//! back into the box with the reason in an alert; sending it again unchanged reuses the same
//! `command_id`, so a message that did reach the server is not posted twice. The emoji button
//! (C4) puts the chosen emoji at the caret.

use crate::api::{self, ApiError};
use crate::emoji::EmojiPicker;
use crate::i18n::{Lang, Text};
use crate::model::Timeline;
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::ids::CommandId;
use openline_core::limits::MAX_MESSAGE_CHARS;
use openline_core::Command;
use web_sys::KeyboardEvent;

#[component]
pub fn Composer(
    /// The visitor's token, sent as the bearer of every command.
    token: String,
    /// Where pending messages and command replies go.
    timeline: RwSignal<Timeline>,
    /// Called when the server rejects the token.
    on_expired: Callback<()>,
    /// The draft changed; `true`: it is empty now (W2).
    on_typing: Callback<bool>,
    /// The draft was sent or the box left (W2).
    on_stop: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let input = NodeRef::<Textarea>::new();
    let error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let token = StoredValue::new(token);
    // The last message that failed, kept with its id for an unchanged retry.
    let failed = StoredValue::new(None::<(CommandId, String)>);

    let send = move || {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let text = el.value().trim().to_owned();
        if text.is_empty() || sending.get_untracked() {
            return;
        }
        let retry = failed.get_value().filter(|(_, t)| *t == text);
        let Some(id) = retry.map(|(id, _)| id).or_else(api::new_command_id) else {
            return;
        };
        el.set_value("");
        on_stop.run(());
        error.set(None);
        sending.set(true);
        timeline.update(|t| t.add_pending(id.clone(), text.clone()));
        let token = token.get_value();
        // The composer may be gone when the reply comes (a new session): below, only calls
        // that ignore a disposed signal (`set`, `update`, `try_*`).
        spawn_local(async move {
            let command = Command::Post {
                text: text.clone(),
                internal: false,
                quote: None,
                mentions: Vec::new(),
            };
            let result = api::post_command(&token, id.clone(), command).await;
            sending.set(false);
            timeline.update(|t| {
                t.settle(&id);
                if let Ok(reply) = &result {
                    t.merge(reply.events.iter().cloned());
                }
            });
            match result {
                Ok(_) => failed.set_value(None),
                Err(e) if e.is_unauthorized() => on_expired.run(()),
                Err(e) => {
                    restore(input, &text);
                    failed.set_value(Some((id, text)));
                    error.set(Some(describe(&e, lang)));
                }
            }
        });
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
        <Show when=move || error.with(Option::is_some)>
            <p class="error-line" role="alert">{move || error.get()}</p>
        </Show>
        <form class="composer" on:submit=move |ev| {
            ev.prevent_default();
            send();
        }>
            <label for="composer-input" class="sr-only">{lang.t(Text::MessageLabel)}</label>
            <textarea id="composer-input" node_ref=input rows="1"
                maxlength=MAX_MESSAGE_CHARS.to_string()
                placeholder=lang.t(Text::Placeholder) on:keydown=on_keydown
                on:input=move |_| {
                    let empty = input.get_untracked().is_none_or(|el| el.value().trim().is_empty());
                    on_typing.run(empty);
                }
                on:blur=move |_| on_stop.run(())></textarea>
            <EmojiPicker on_pick=insert_emoji on_close=Callback::new(move |()| refocus())/>
            // aria-disabled rather than disabled: the button keeps focus while a send is on
            // its way.
            <button id="composer-send" type="submit" class="send"
                aria-label=lang.t(Text::Send)
                aria-disabled=move || sending.get().to_string()>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                    <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10.1 15 12 3.4 13.9z"/>
                </svg>
            </button>
        </form>
    }
}

/// Puts an unsent text back, before anything typed since.
fn restore(input: NodeRef<Textarea>, text: &str) {
    let Some(el) = input.try_get_untracked().flatten() else {
        return;
    };
    let typed = el.value();
    if typed.trim().is_empty() {
        el.set_value(text);
    } else {
        el.set_value(&format!("{text}\n{typed}"));
    }
}

fn describe(error: &ApiError, lang: Lang) -> String {
    match error {
        ApiError::Network => lang.t(Text::NotSent).into(),
        ApiError::Refused { code, message, .. } => {
            lang.refusal(code).map_or_else(|| message.clone(), str::to_owned)
        }
    }
}
