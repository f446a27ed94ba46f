//! The dialog header's name and its C3 tools: the chat's name (mine, if I gave it one, with the
//! customer's in smaller type), "Rename" (an inline field: Enter saves, Escape cancels; only I
//! see the name) and "Copy chat ID", each confirmed in the status line under the header
//! (`flash`). The composer's `/rename` and `/id` end up in `rename` and `copy_id` here too.

use super::flash::Flash;
use crate::conversation::{use_chat_names, ChatNames};
use crate::i18n::{CommonText, DialogText};
use crate::ui::{focus_or_title, use_ui, Ui};
use leptos::prelude::*;
use openline_core::ids::DialogId;
use wasm_bindgen::closure::Closure;

const RENAME_BUTTON: &str = "dialog-rename";

#[component]
pub fn DialogTitle(
    /// The dialog.
    id: DialogId,
    /// The customer's display name.
    visitor: Signal<String>,
    /// The header's status line.
    flash: Flash,
) -> impl IntoView {
    let ui = use_ui();
    let names = use_chat_names();
    let id = StoredValue::new(id);
    let mine = move || id.with_value(|id| names.of(id));
    let title = move || mine().unwrap_or_else(|| visitor.get());
    let editing = RwSignal::new(false);
    let field = RwSignal::new(String::new());
    let start = move |_| {
        field.set(mine().unwrap_or_default());
        editing.set(true);
        request_animation_frame(|| focus_or_title("chat-name-input"));
    };
    let stop = move || {
        editing.set(false);
        request_animation_frame(|| focus_or_title(RENAME_BUTTON));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        rename(ui, names, id.get_value(), field.get_untracked(), flash);
        stop();
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            stop();
        }
    };
    let heading = move || {
        if editing.get() {
            return view! {
                <form class="chat-name-form" on:submit=save on:keydown=on_key>
                    <label for="chat-name-input" class="sr-only">{ui.lang.dialog(DialogText::ChatName)}</label>
                    <input id="chat-name-input" class="field" type="text" maxlength="80"
                        placeholder=move || visitor.get() bind:value=field/>
                    <button type="submit" class="btn small primary">{ui.lang.common(crate::i18n::CommonText::Save)}</button>
                    <button type="button" class="btn small" on:click=move |_| stop()>{ui.lang.common(CommonText::Cancel)}</button>
                </form>
            }
            .into_any();
        }
        view! {
            <h2 id="dialog-title" tabindex="-1">{title}</h2>
            {move || mine().map(|_| view! { <span class="original-name">{visitor.get()}</span> })}
        }
        .into_any()
    };
    view! {
        {heading}
        <button id=RENAME_BUTTON type="button" class="btn icon small ghost" hidden=move || editing.get()
            aria-label=ui.lang.dialog(DialogText::RenameChat) title=ui.lang.dialog(DialogText::RenameChat)
            on:click=start>
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M11.3 1.3a1 1 0 0 1 1.4 0l2 2a1 1 0 0 1 0 1.4l-8.5 8.5-3.4.9a.5.5 0 0 1-.6-.6l.9-3.4 8.2-8.8Zm.7 2.1L4.4 11l-.4 1.1 1.1-.4L12.6 4.2 12 3.4Z"/>
            </svg>
        </button>
        <button id="dialog-copy-id" type="button" class="btn icon small ghost"
            aria-label=ui.lang.dialog(DialogText::CopyChatId) title=ui.lang.dialog(DialogText::CopyChatId)
            on:click=move |_| copy_id(ui, &id.get_value(), flash)>
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M5 1h8a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-1v-1.5h.5v-8h-7V3H5V2a1 1 0 0 1 0-1ZM2 4h8a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Zm.5 1.5v8h7v-8h-7Z"/>
            </svg>
        </button>
    }
}

/// Names the chat for me alone (C3), and says so in the header.
pub fn rename(ui: Ui, names: ChatNames, id: DialogId, name: String, flash: Flash) {
    names.rename(ui, id, name, move |saved| {
        flash.say(if saved.is_empty() {
            ui.lang.dialog(DialogText::NameCleared).to_owned()
        } else {
            ui.lang.renamed(&saved)
        });
    });
}

/// Copies the chat's ID (C3). The header says so, and shows the ID itself either way, so it
/// can be copied by hand when the browser refuses the clipboard.
pub fn copy_id(ui: Ui, id: &DialogId, flash: Flash) {
    let (copied, refused) =
        (ui.lang.chat_id(id.as_str(), true), ui.lang.chat_id(id.as_str(), false));
    let promise = window().navigator().clipboard().write_text(id.as_str());
    let on_ok: Closure<dyn FnMut(wasm_bindgen::JsValue)> =
        Closure::once(move |_| flash.say(copied));
    let on_err: Closure<dyn FnMut(wasm_bindgen::JsValue)> =
        Closure::once(move |_| flash.say(refused));
    let _ = promise.then2(&on_ok, &on_err);
    // One of them runs, once; the few bytes they hold are not worth a future runtime.
    on_ok.forget();
    on_err.forget();
}
