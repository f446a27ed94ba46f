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
use crate::ui::focus;
use crate::ui::keep_focus_inside;
use crate::ui::use_ui;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::PasswordChange;

const ERROR_ID: &str = "password-error";

#[component]
pub fn PasswordDialog(
    /// Closes the dialog (done or cancelled).
    on_close: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let current = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let invalid = RwSignal::new(None::<&'static str>);
    let pending = RwSignal::new(false);
    let done = RwSignal::new(false);
    let dialog = NodeRef::<Div>::new();
    // After the frame: the menu that opened the dialog hands focus back to its button first.
    request_animation_frame(|| focus("password-current"));
    let fail = move |message: String, field: &'static str| {
        error.set(Some(message));
        invalid.set(Some(field));
        focus(field);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (current_typed, new) = (current.get_untracked(), password.get_untracked());
        if current_typed.is_empty() {
            return fail(
                ui.lang.account(AccountText::TypeCurrentPassword).to_owned(),
                "password-current",
            );
        }
        if let Err(bad) = new_password(&new, &again.get_untracked()) {
            let field = match bad.field {
                Field::PasswordAgain => "password-new-again",
                _ => "password-new",
            };
            return fail(bad.problem.text(ui.lang), field);
        }
        error.set(None);
        invalid.set(None);
        pending.set(true);
        let change = PasswordChange { current: current_typed, new };
        spawn_local(async move {
            let result = api::account::change_password(&change).await;
            pending.try_set(false);
            match result {
                Ok(()) => {
                    done.try_set(true);
                    request_animation_frame(|| focus("password-done"));
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    let field = match err.code() {
                        Some("weak_password") => "password-new",
                        _ => "password-current",
                    };
                    fail(message.to_owned(), field);
                }
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            on_close.run(());
        }
        "Tab" => keep_focus_inside(&ev, dialog),
        _ => {}
    };
    let current_invalid = move || (invalid.get() == Some("password-current")).then_some("true");
    view! {
        <div class="modal-backdrop">
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby="password-title"
                aria-describedby="password-hint"
                node_ref=dialog
                on:keydown=on_key
            >
                <h2 id="password-title">{ui.lang.account(AccountText::ChangePassword)}</h2>
                <p id="password-hint" class="modal-hint">{ui.lang.account(AccountText::ChangePasswordHint)}</p>
                // Always in the page, so screen readers announce what appears in it.
                <p id="password-status" class="save-status" role="status">
                    {move || done.get().then(|| ui.lang.account(AccountText::PasswordChanged))}
                </p>
                <Show when=move || done.get() fallback=move || view! {
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
                }>
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
