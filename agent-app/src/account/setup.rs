//! The first run (`GET /api/setup` said `needed`): the workspace's id, the first admin's name,
//! email and password (twice). `POST /api/setup` creates both and signs the admin in; it works
//! only while the installation has no workspace, so a second tab that arrives late is told so
//! by the server (its message shows under the form).

use super::auth_card::{AuthCard, FormEnd};
use super::new_password::NewPasswordFields;
use super::rules::{Field, SetupForm};
use crate::api;
use crate::i18n::{AccountText, CommonText};
use crate::ui::{focus, use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;

const ERROR_ID: &str = "setup-error";

/// The form's fields and what it says about them. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Fields {
    workspace: RwSignal<String>,
    name: RwSignal<String>,
    email: RwSignal<String>,
    password: RwSignal<String>,
    again: RwSignal<String>,
    error: RwSignal<Option<String>>,
    /// The id of the field the error is about.
    invalid: RwSignal<Option<&'static str>>,
    pending: RwSignal<bool>,
}

impl Fields {
    /// Checks the form in the order of its fields, then `POST /api/setup`.
    fn submit(self, ui: Ui) {
        if self.pending.get_untracked() {
            return;
        }
        let (workspace, name, email) =
            (self.workspace.get_untracked(), self.name.get_untracked(), self.email.get_untracked());
        let (password, again) = (self.password.get_untracked(), self.again.get_untracked());
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
                self.error.set(Some(bad.problem.text(ui.lang)));
                self.invalid.set(Some(id));
                focus(id);
                return;
            }
        };
        self.error.set(None);
        self.invalid.set(None);
        ui.alert.set(None);
        self.pending.set(true);
        spawn_local(async move {
            let result = api::account::setup(&request).await;
            self.pending.try_set(false);
            match result {
                Ok(reply) => ui.sign_in(reply),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    self.error.try_set(Some(message.to_owned()));
                    focus("setup-workspace");
                }
            }
        });
    }
}

#[component]
pub fn SetupScreen() -> impl IntoView {
    let ui = use_ui();
    let fields = Fields {
        workspace: RwSignal::new(String::new()),
        name: RwSignal::new(String::new()),
        email: RwSignal::new(String::new()),
        password: RwSignal::new(String::new()),
        again: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        invalid: RwSignal::new(None),
        pending: RwSignal::new(false),
    };
    let Fields { error, invalid, pending, .. } = fields;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        fields.submit(ui);
    };
    view! {
        <AuthCard title=ui.lang.account(AccountText::SetupTitle).to_owned() intro=ui.lang.account(AccountText::SetupIntro)>
            <form class="login-form" novalidate on:submit=on_submit>
                <WhoFields fields/>
                <NewPasswordFields
                    id="setup-password"
                    label=ui.lang.account(AccountText::Password)
                    again_label=ui.lang.account(AccountText::PasswordAgain)
                    password=fields.password
                    again=fields.again
                    error_id=ERROR_ID
                    invalid=Signal::derive(move || invalid.get())
                />
                <FormEnd error_id=ERROR_ID error button_id="setup-submit" pending
                    label=ui.lang.account(AccountText::CreateWorkspace) busy=ui.lang.common(CommonText::Creating)/>
            </form>
        </AuthCard>
    }
}

/// The workspace's id, the admin's name and email.
#[component]
fn WhoFields(
    /// The form's fields.
    fields: Fields,
) -> impl IntoView {
    let ui = use_ui();
    let invalid = fields.invalid;
    let is_invalid = move |id: &'static str| move || (invalid.get() == Some(id)).then_some("true");
    view! {
        <label for="setup-workspace">{ui.lang.account(AccountText::WorkspaceId)}</label>
        <input
            id="setup-workspace"
            type="text"
            autocomplete="organization"
            spellcheck="false"
            maxlength="64"
            aria-describedby=format!("setup-workspace-hint {ERROR_ID}")
            aria-invalid=is_invalid("setup-workspace")
            bind:value=fields.workspace
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
            bind:value=fields.name
        />
        <label for="setup-email">{ui.lang.common(CommonText::Email)}</label>
        <input
            id="setup-email"
            type="email"
            autocomplete="username"
            aria-describedby=ERROR_ID
            aria-invalid=is_invalid("setup-email")
            bind:value=fields.email
        />
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
