//! The first run (`GET /api/setup` said `needed`): the workspace's id, the first admin's name,
//! email and password (twice). `POST /api/setup` creates both and signs the admin in; it works
//! only while the installation has no workspace, so a second tab that arrives late is told so
//! by the server (its message shows under the form).

use super::login::AuthCard;
use super::new_password::NewPasswordFields;
use super::rules::{Field, SetupForm};
use crate::api;
use crate::i18n::{AccountText, CommonText};
use crate::ui::focus;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;

const ERROR_ID: &str = "setup-error";

#[component]
pub fn SetupScreen() -> impl IntoView {
    let ui = use_ui();
    let workspace = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let invalid = RwSignal::new(None::<&'static str>);
    let pending = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (workspace, name, email) =
            (workspace.get_untracked(), name.get_untracked(), email.get_untracked());
        let (password, again) = (password.get_untracked(), again.get_untracked());
        let form = SetupForm {
            workspace: &workspace,
            name: &name,
            email: &email,
            password: &password,
            again: &again,
        };
        let request = match form.request() {
            Ok(request) => request,
            Err(bad) => {
                let id = field_id(bad.field);
                error.set(Some(bad.problem.text(ui.lang)));
                invalid.set(Some(id));
                focus(id);
                return;
            }
        };
        error.set(None);
        invalid.set(None);
        ui.alert.set(None);
        pending.set(true);
        spawn_local(async move {
            let result = api::account::setup(&request).await;
            pending.try_set(false);
            match result {
                Ok(reply) => ui.sign_in(reply),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    error.try_set(Some(message.to_owned()));
                    focus("setup-workspace");
                }
            }
        });
    };
    let invalid_signal = Signal::derive(move || invalid.get());
    let is_invalid = move |id: &'static str| move || (invalid.get() == Some(id)).then_some("true");
    view! {
        <AuthCard title=ui.lang.account(AccountText::SetupTitle).to_owned() intro=ui.lang.account(AccountText::SetupIntro)>
            <form class="login-form" novalidate on:submit=on_submit>
                <label for="setup-workspace">{ui.lang.account(AccountText::WorkspaceId)}</label>
                <input
                    id="setup-workspace"
                    type="text"
                    autocomplete="organization"
                    spellcheck="false"
                    maxlength="64"
                    aria-describedby=format!("setup-workspace-hint {ERROR_ID}")
                    aria-invalid=is_invalid("setup-workspace")
                    bind:value=workspace
                />
                <p id="setup-workspace-hint" class="field-hint">{ui.lang.account(AccountText::WorkspaceIdHint)}</p>
                <label for="setup-name">{ui.lang.account(AccountText::YourName)}</label>
                <input
                    id="setup-name"
                    type="text"
                    autocomplete="name"
                    maxlength="80"
                    aria-describedby=ERROR_ID
                    aria-invalid=is_invalid("setup-name")
                    bind:value=name
                />
                <label for="setup-email">{ui.lang.common(CommonText::Email)}</label>
                <input
                    id="setup-email"
                    type="email"
                    autocomplete="username"
                    aria-describedby=ERROR_ID
                    aria-invalid=is_invalid("setup-email")
                    bind:value=email
                />
                <NewPasswordFields
                    id="setup-password"
                    label=ui.lang.account(AccountText::Password)
                    again_label=ui.lang.account(AccountText::PasswordAgain)
                    password
                    again
                    error_id=ERROR_ID
                    invalid=invalid_signal
                />
                <p id=ERROR_ID class="form-error" role="alert">{move || error.get()}</p>
                <button
                    id="setup-submit"
                    type="submit"
                    class="btn primary wide"
                    aria-busy=move || pending.get().then_some("true")
                >
                    {move || {
                        if pending.get() {
                            ui.lang.common(CommonText::Creating)
                        } else {
                            ui.lang.account(AccountText::CreateWorkspace)
                        }
                    }}
                </button>
            </form>
        </AuthCard>
    }
}

fn field_id(field: Field) -> &'static str {
    match field {
        Field::Workspace => "setup-workspace",
        Field::Name => "setup-name",
        Field::Email => "setup-email",
        Field::Password => "setup-password",
        Field::PasswordAgain => "setup-password-again",
    }
}
