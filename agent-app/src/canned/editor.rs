//! One canned response's form (C7): code, title, text (with the placeholders explained beside
//! it) and folder; Save creates (`POST`) or changes (`PUT`) it, Delete asks once more inline.
//! The server checks the fields and says what is wrong (400 `invalid_canned`, 409
//! `code_taken`); its sentence is shown under the form in `#canned-error`.

use super::store::use_canned;
use crate::api;
use crate::i18n::{CannedText, CommonText};
use crate::route::{canned_href, CannedPage};
use crate::ui::focus;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::canned::{
    CannedInput, CannedResponse, MAX_CODE_CHARS, MAX_FOLDER_CHARS, MAX_TITLE_CHARS,
};
use openline_core::limits::MAX_MESSAGE_CHARS;

#[component]
pub fn CannedEditor(
    /// The response being edited; `None` for a new one.
    existing: Option<CannedResponse>,
    /// A new response's text, from a message (M7).
    prefill: Option<String>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let id = existing.as_ref().map(|r| r.id.clone());
    let input = existing.map(|r| r.input);
    let code = RwSignal::new(input.as_ref().map(|i| i.code.clone()).unwrap_or_default());
    let title = RwSignal::new(input.as_ref().map(|i| i.title.clone()).unwrap_or_default());
    let text = RwSignal::new(
        input.as_ref().map(|i| i.text.clone()).or(prefill.clone()).unwrap_or_default(),
    );
    let folder = RwSignal::new(input.as_ref().and_then(|i| i.folder.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let created = id.is_some() && store.just_created.get_untracked() == id;
    let status = RwSignal::new(created.then(|| ui.lang.common(CommonText::Saved)));
    if created {
        // The form was drawn again at the new address: focus stays on Save. (`just_created`
        // is forgotten when another form opens, not here: the editor may be drawn twice.)
        request_animation_frame(|| focus("canned-save"));
    } else {
        store.just_created.set(None);
    }
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let is_new = id.is_none();
    // A new response starts at its code; one made from a message has its text already.
    if is_new {
        request_animation_frame(|| focus("canned-code"));
    }
    let save_id = id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let input = CannedInput {
            code: code.get_untracked(),
            title: title.get_untracked(),
            text: text.get_untracked(),
            folder: Some(folder.get_untracked()),
        };
        let id = save_id.clone();
        pending.set(true);
        error.set(None);
        status.set(None);
        spawn_local(async move {
            let result = api::save_canned(id.as_deref(), &input).await;
            pending.try_set(false);
            match result {
                Ok(saved) => {
                    let new_id = saved.id.clone();
                    store.put(saved);
                    status.try_set(Some(ui.lang.common(CommonText::Saved)));
                    if id.is_none() {
                        store.just_created.set(Some(new_id.clone()));
                        let _ =
                            window().location().set_hash(&canned_href(&CannedPage::Edit(new_id)));
                    }
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    error.try_set(Some(message.to_owned()));
                    request_animation_frame(|| focus("canned-code"));
                }
            }
        });
    };
    let delete_id = id.clone();
    let on_delete = move |_| {
        let Some(id) = delete_id.clone() else { return };
        pending.set(true);
        spawn_local(async move {
            let result = api::delete_canned(&id).await;
            pending.try_set(false);
            match result {
                Ok(()) => {
                    store.remove(&id);
                    let _ = window().location().set_hash(&canned_href(&CannedPage::Library));
                    request_animation_frame(|| focus("canned-screen-title"));
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    confirming.try_set(false);
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    error.try_set(Some(message.to_owned()));
                }
            }
        });
    };
    let heading =
        if is_new { ui.lang.canned(CannedText::New).to_owned() } else { title.get_untracked() };
    view! {
        <form class="channel-form canned-form" aria-labelledby="canned-form-title" novalidate on:submit=on_submit>
            <h3 id="canned-form-title" class="canned-form-title">{heading}</h3>
            <div class="canned-fields">
                <label for="canned-code" class="field-label">{ui.lang.canned(CannedText::Code)}</label>
                <input id="canned-code" class="field narrow" type="text" autocomplete="off" spellcheck="false"
                    maxlength=MAX_CODE_CHARS.to_string()
                    aria-describedby="canned-code-hint canned-error" bind:value=code/>
                <p id="canned-code-hint" class="field-hint">{ui.lang.canned(CannedText::CodeHint)}</p>
                <label for="canned-title" class="field-label">{ui.lang.canned(CannedText::Title)}</label>
                <input id="canned-title" class="field" type="text" autocomplete="off"
                    maxlength=MAX_TITLE_CHARS.to_string() bind:value=title/>
                <label for="canned-text" class="field-label">{ui.lang.canned(CannedText::Text)}</label>
                <textarea id="canned-text" class="field text" rows="5"
                    maxlength=MAX_MESSAGE_CHARS.to_string()
                    aria-describedby="canned-text-hint" bind:value=text></textarea>
                <p id="canned-text-hint" class="field-hint">{ui.lang.canned(CannedText::PlaceholdersHint)}</p>
                <label for="canned-folder" class="field-label">{ui.lang.canned(CannedText::Folder)}</label>
                <input id="canned-folder" class="field narrow" type="text" autocomplete="off"
                    maxlength=MAX_FOLDER_CHARS.to_string() bind:value=folder/>
            </div>
            <div class="save-bar canned-bar">
                <p id="canned-error" class="form-error" role="alert">{move || error.get()}</p>
                <button id="canned-save" type="submit" class="btn primary"
                    aria-busy=move || pending.get().then_some("true")>
                    {ui.lang.common(CommonText::Save)}
                </button>
                <span class="save-status" role="status">{move || status.get()}</span>
                {(!is_new).then(|| view! {
                    <Show when=move || confirming.get() fallback=move || view! {
                        <button id="canned-delete" type="button" class="btn danger-ghost"
                            on:click=move |_| {
                                confirming.set(true);
                                request_animation_frame(|| focus("canned-delete-confirm"));
                            }>
                            {ui.lang.common(CommonText::Delete)}
                        </button>
                    }>
                        <span class="inline-confirm" role="group" aria-labelledby="canned-delete-question">
                            <span id="canned-delete-question">{ui.lang.canned(CannedText::ConfirmDelete)}</span>
                            <button id="canned-delete-confirm" type="button" class="btn danger small"
                                on:click=on_delete.clone()>
                                {ui.lang.common(CommonText::Delete)}
                            </button>
                            <button type="button" class="btn ghost small" on:click=move |_| {
                                confirming.set(false);
                                request_animation_frame(|| focus("canned-delete"));
                            }>
                                {ui.lang.common(CommonText::Cancel)}
                            </button>
                        </span>
                    </Show>
                })}
            </div>
        </form>
    }
}
