//! One canned response's form (C7): code, title, text (with the placeholders explained beside
//! it) and folder; Save creates (`POST`) or changes (`PUT`) it, Delete asks once more inline.
//! The server checks the fields and says what is wrong (400 `invalid_canned`, 409
//! `code_taken`); its sentence is shown under the form in `#canned-error`.

use super::store::{use_canned, CannedStore};
use crate::api;
use crate::i18n::{CannedText, CommonText};
use crate::route::{canned_href, CannedPage};
use crate::ui::{focus, use_ui, InlineConfirm, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::canned::{
    CannedInput, CannedResponse, MAX_CODE_CHARS, MAX_FOLDER_CHARS, MAX_TITLE_CHARS,
};
use openline_core::limits::MAX_MESSAGE_CHARS;

/// The form's fields and what it says about them. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Form {
    /// The response's id; `None` for a new one (saving it opens its own address).
    id: StoredValue<Option<String>>,
    code: RwSignal<String>,
    title: RwSignal<String>,
    text: RwSignal<String>,
    folder: RwSignal<String>,
    error: RwSignal<Option<String>>,
    status: RwSignal<Option<&'static str>>,
    pending: RwSignal<bool>,
    /// Delete waits for a confirmation.
    confirming: RwSignal<bool>,
}

impl Form {
    /// `POST` a new response or `PUT` the changes; the server's refusal shows under the form.
    fn save(self, ui: Ui, store: CannedStore) {
        if self.pending.get_untracked() {
            return;
        }
        let input = CannedInput {
            code: self.code.get_untracked(),
            title: self.title.get_untracked(),
            text: self.text.get_untracked(),
            folder: Some(self.folder.get_untracked()),
        };
        let id = self.id.get_value();
        self.pending.set(true);
        self.error.set(None);
        self.status.set(None);
        spawn_local(async move {
            let result = api::save_canned(id.as_deref(), &input).await;
            self.pending.try_set(false);
            match result {
                Ok(saved) => {
                    let new_id = saved.id.clone();
                    store.put(saved);
                    self.status.try_set(Some(ui.lang.common(CommonText::Saved)));
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
                    self.error.try_set(Some(message.to_owned()));
                    request_animation_frame(|| focus("canned-code"));
                }
            }
        });
    }

    /// `DELETE` it; the library then shows nothing chosen.
    fn delete(self, ui: Ui, store: CannedStore) {
        let Some(id) = self.id.get_value() else { return };
        self.pending.set(true);
        spawn_local(async move {
            let result = api::delete_canned(&id).await;
            self.pending.try_set(false);
            match result {
                Ok(()) => {
                    store.remove(&id);
                    let _ = window().location().set_hash(&canned_href(&CannedPage::Library));
                    request_animation_frame(|| focus("canned-screen-title"));
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    self.confirming.try_set(false);
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    self.error.try_set(Some(message.to_owned()));
                }
            }
        });
    }
}

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
    let created = id.is_some() && store.just_created.get_untracked() == id;
    let form = Form {
        code: RwSignal::new(input.as_ref().map(|i| i.code.clone()).unwrap_or_default()),
        title: RwSignal::new(input.as_ref().map(|i| i.title.clone()).unwrap_or_default()),
        text: RwSignal::new(input.as_ref().map(|i| i.text.clone()).or(prefill).unwrap_or_default()),
        folder: RwSignal::new(input.as_ref().and_then(|i| i.folder.clone()).unwrap_or_default()),
        error: RwSignal::new(None),
        status: RwSignal::new(created.then(|| ui.lang.common(CommonText::Saved))),
        pending: RwSignal::new(false),
        confirming: RwSignal::new(false),
        id: StoredValue::new(id),
    };
    if created {
        // The form was drawn again at the new address: focus stays on Save. (`just_created`
        // is forgotten when another form opens, not here: the editor may be drawn twice.)
        request_animation_frame(|| focus("canned-save"));
    } else {
        store.just_created.set(None);
    }
    let is_new = form.id.with_value(Option::is_none);
    // A new response starts at its code; one made from a message has its text already.
    if is_new {
        request_animation_frame(|| focus("canned-code"));
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.save(ui, store);
    };
    let heading = if is_new {
        ui.lang.canned(CannedText::New).to_owned()
    } else {
        form.title.get_untracked()
    };
    view! {
        <form class="channel-form canned-form" aria-labelledby="canned-form-title" novalidate on:submit=on_submit>
            <h3 id="canned-form-title" class="canned-form-title">{heading}</h3>
            <CannedFields form/>
            <div class="save-bar canned-bar">
                <p id="canned-error" class="form-error" role="alert">{move || form.error.get()}</p>
                <button id="canned-save" type="submit" class="btn primary"
                    aria-busy=move || form.pending.get().then_some("true")>
                    {ui.lang.common(CommonText::Save)}
                </button>
                <span class="save-status" role="status">{move || form.status.get()}</span>
                {(!is_new).then(|| view! { <DeleteButton form/> })}
            </div>
        </form>
    }
}

/// Code, title, text (with the placeholders explained) and folder.
#[component]
fn CannedFields(
    /// The form.
    form: Form,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="canned-fields">
            <label for="canned-code" class="field-label">{ui.lang.canned(CannedText::Code)}</label>
            <input id="canned-code" class="field narrow" type="text" autocomplete="off" spellcheck="false"
                maxlength=MAX_CODE_CHARS.to_string()
                aria-describedby="canned-code-hint canned-error" bind:value=form.code/>
            <p id="canned-code-hint" class="field-hint">{ui.lang.canned(CannedText::CodeHint)}</p>
            <label for="canned-title" class="field-label">{ui.lang.canned(CannedText::Title)}</label>
            <input id="canned-title" class="field" type="text" autocomplete="off"
                maxlength=MAX_TITLE_CHARS.to_string() bind:value=form.title/>
            <label for="canned-text" class="field-label">{ui.lang.canned(CannedText::Text)}</label>
            <textarea id="canned-text" class="field text" rows="5"
                maxlength=MAX_MESSAGE_CHARS.to_string()
                aria-describedby="canned-text-hint" bind:value=form.text></textarea>
            <p id="canned-text-hint" class="field-hint">{ui.lang.canned(CannedText::PlaceholdersHint)}</p>
            <label for="canned-folder" class="field-label">{ui.lang.canned(CannedText::Folder)}</label>
            <input id="canned-folder" class="field narrow" type="text" autocomplete="off"
                maxlength=MAX_FOLDER_CHARS.to_string() bind:value=form.folder/>
        </div>
    }
}

/// Delete, which asks once more inline.
#[component]
fn DeleteButton(
    /// The form.
    form: Form,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let confirming = form.confirming;
    let delete = Callback::new(move |()| form.delete(ui, store));
    let cancel = Callback::new(move |()| {
        confirming.set(false);
        request_animation_frame(|| focus("canned-delete"));
    });
    view! {
        <Show when=move || confirming.get() fallback=move || view! {
            <button id="canned-delete" type="button" class="btn danger-ghost"
                on:click=move |_| {
                    confirming.set(true);
                    request_animation_frame(|| focus("canned-delete-confirm"));
                }>
                {ui.lang.common(CommonText::Delete)}
            </button>
        }>
            <InlineConfirm question_id="canned-delete-question"
                question=ui.lang.canned(CannedText::ConfirmDelete).to_owned()
                confirm_id="canned-delete-confirm" confirm=ui.lang.common(CommonText::Delete)
                on_confirm=delete on_cancel=cancel/>
        </Show>
    }
}
