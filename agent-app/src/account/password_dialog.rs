//! "Change password", a modal dialog opened from the account menu: the current password, the
//! new one twice. `PUT /api/agent/password` answers 403 `wrong_password` when the current one
//! is wrong (focus goes back to it) and ends the agent's other sessions; this one stays, and
//! the dialog says so before it closes.
//!
//! A real modal, like the agent picker: focus starts in the first field and stays inside (Tab
//! wraps), Escape or Cancel close it; the account menu gives focus back to its button.

use super::new_password::NewPasswordFields;
use super::rules::{new_password, Field};
use crate::api;
use crate::i18n::{AccountText, CommonText};
use crate::ui::{focus, modal_keys, use_ui, Ui};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::error_code::ErrorCode;
use openline_core::protocol::PasswordChange;

const ERROR_ID: &str = "password-error";

/// The dialog's fields and what it says about them. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Fields {
    current: RwSignal<String>,
    password: RwSignal<String>,
    again: RwSignal<String>,
    error: RwSignal<Option<String>>,
    /// The id of the field the error is about.
    invalid: RwSignal<Option<&'static str>>,
    pending: RwSignal<bool>,
    /// The server changed the password.
    done: RwSignal<bool>,
}

impl Fields {
    fn new() -> Fields {
        Fields {
            current: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            invalid: RwSignal::new(None),
            pending: RwSignal::new(false),
            done: RwSignal::new(false),
        }
    }

    fn fail(self, message: String, field: &'static str) {
        self.error.set(Some(message));
        self.invalid.set(Some(field));
        focus(field);
    }

    /// Checks the form, then `PUT /api/agent/password`; a refusal goes back to its field.
    fn submit(self, ui: Ui) {
        if self.pending.get_untracked() {
            return;
        }
        let (current_typed, new) = (self.current.get_untracked(), self.password.get_untracked());
        if current_typed.is_empty() {
            return self.fail(
                ui.lang.account(AccountText::TypeCurrentPassword).to_owned(),
                "password-current",
            );
        }
        if let Err(bad) = new_password(&new, &self.again.get_untracked()) {
            let field = match bad.field {
                Field::PasswordAgain => "password-new-again",
                _ => "password-new",
            };
            return self.fail(bad.problem.text(ui.lang), field);
        }
        self.error.set(None);
        self.invalid.set(None);
        self.pending.set(true);
        let change = PasswordChange { current: current_typed, new };
        spawn_local(async move {
            let result = api::account::change_password(&change).await;
            self.pending.try_set(false);
            match result {
                Ok(()) => {
                    self.done.try_set(true);
                    request_animation_frame(|| focus("password-done"));
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    let field = match err.code() {
                        Some(ErrorCode::WeakPassword) => "password-new",
                        _ => "password-current",
                    };
                    self.fail(message.to_owned(), field);
                }
            }
        });
    }
}

#[component]
pub fn PasswordDialog(
    /// Closes the dialog (done or cancelled).
    on_close: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let fields = Fields::new();
    let dialog = NodeRef::<Div>::new();
    // After the frame: the menu that opened the dialog hands focus back to its button first.
    request_animation_frame(|| focus("password-current"));
    let done = fields.done;
    view! {
        <div class="modal-backdrop">
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby="password-title"
                aria-describedby="password-hint"
                node_ref=dialog
                on:keydown=move |ev| modal_keys(&ev, dialog, || on_close.run(()))
            >
                <h2 id="password-title">{ui.lang.account(AccountText::ChangePassword)}</h2>
                <p id="password-hint" class="modal-hint">{ui.lang.account(AccountText::ChangePasswordHint)}</p>
                // Always in the page, so screen readers announce what appears in it.
                <p id="password-status" class="save-status" role="status">
                    {move || done.get().then(|| ui.lang.account(AccountText::PasswordChanged))}
                </p>
                <Show when=move || done.get() fallback=move || view! { <ChangeForm fields on_close/> }>
                    <div class="modal-actions">
                        <button id="password-done" type="button" class="btn primary"
                            on:click=move |_| on_close.run(())>
                            {ui.lang.common(CommonText::Close)}
                        </button>
                    </div>
                </Show>
            </div>
        </div>
    }
}

/// The current password, the new one twice, Cancel and Save.
#[component]
fn ChangeForm(
    /// The dialog's fields.
    fields: Fields,
    /// Cancel closes the dialog.
    on_close: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let Fields { current, password, again, error, invalid, pending, .. } = fields;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        fields.submit(ui);
    };
    let current_invalid = move || (invalid.get() == Some("password-current")).then_some("true");
    view! {
        <form class="login-form modal-form" novalidate on:submit=on_submit>
            <label for="password-current">{ui.lang.account(AccountText::CurrentPassword)}</label>
            <input
                id="password-current"
                type="password"
                autocomplete="current-password"
                aria-describedby=ERROR_ID
                aria-invalid=current_invalid
                bind:value=current
            />
            <NewPasswordFields
                id="password-new"
                label=ui.lang.account(AccountText::NewPassword)
                again_label=ui.lang.account(AccountText::NewPasswordAgain)
                password
                again
                error_id=ERROR_ID
                invalid=Signal::derive(move || invalid.get())
            />
            <p id=ERROR_ID class="form-error" role="alert">{move || error.get()}</p>
            <div class="modal-actions">
                <button type="button" class="btn" on:click=move |_| on_close.run(())>
                    {ui.lang.common(CommonText::Cancel)}
                </button>
                <button
                    id="password-save"
                    type="submit"
                    class="btn primary"
                    aria-busy=move || pending.get().then_some("true")
                >
                    {move || ui.lang.common(if pending.get() { CommonText::Saving } else { CommonText::Save })}
                </button>
            </div>
        </form>
    }
}
