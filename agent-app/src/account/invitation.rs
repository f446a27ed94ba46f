//! An invitation link, `/app/#invite=<code>`: what it offers (`GET /api/agent/invitation`:
//! workspace, name, email, role), then a password typed twice. `POST /api/agent/invitation`
//! uses the invitation up and signs the new agent in; the code leaves the address at once, so
//! it is neither in the history nor shared by a copied link.
//!
//! A link that expired, was used or revoked gets the server's message and a way to the login.

use super::auth_card::{AuthCard, FormEnd};
use super::new_password::NewPasswordFields;
use super::rules::{new_password, Field};
use super::session;
use crate::api::ApiError;
use crate::i18n::{AccountText, CommonText};
use crate::ui::{focus, use_ui, Ui};
use crate::{api, route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::{AcceptInvite, InvitePreview};

const ERROR_ID: &str = "invite-error";

#[component]
pub fn InvitationScreen(
    /// The code from the link's fragment.
    code: String,
) -> impl IntoView {
    let ui = use_ui();
    let fetch_code = code.clone();
    let preview = LocalResource::new(move || {
        let code = fetch_code.clone();
        async move { api::account::invitation(&code).await }
    });
    let code = StoredValue::new(code);
    move || match preview.get() {
        None => view! {
            <AuthCard title=ui.lang.account(AccountText::Invitation).to_owned() intro="">
                <p class="list-note" role="status">{ui.lang.common(CommonText::Loading)}</p>
            </AuthCard>
        }
        .into_any(),
        Some(Err(err)) => view! { <Unusable err/> }.into_any(),
        Some(Ok(preview)) => view! { <AcceptForm preview code=code.get_value()/> }.into_any(),
    }
}

/// The password form's fields and what it says about them. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Fields {
    password: RwSignal<String>,
    again: RwSignal<String>,
    error: RwSignal<Option<String>>,
    /// The id of the field the error is about.
    invalid: RwSignal<Option<&'static str>>,
    pending: RwSignal<bool>,
}

impl Fields {
    /// Checks the password, then `POST /api/agent/invitation`: the new agent is signed in and
    /// the code leaves the address.
    fn submit(self, ui: Ui, code: String) {
        if self.pending.get_untracked() {
            return;
        }
        let password = self.password.get_untracked();
        if let Err(bad) = new_password(&password, &self.again.get_untracked()) {
            let id = match bad.field {
                Field::PasswordAgain => "invite-password-again",
                _ => "invite-password",
            };
            self.error.set(Some(bad.problem.text(ui.lang)));
            self.invalid.set(Some(id));
            focus(id);
            return;
        }
        self.error.set(None);
        self.invalid.set(None);
        self.pending.set(true);
        let accept = AcceptInvite { code, password };
        spawn_local(async move {
            let result = api::account::accept_invitation(&accept).await;
            self.pending.try_set(false);
            match result {
                Ok(reply) => {
                    route::clear();
                    ui.sign_in(reply);
                }
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    self.error.try_set(Some(message.to_owned()));
                    focus("invite-password");
                }
            }
        });
    }
}

/// The invitation and the password form.
#[component]
fn AcceptForm(
    /// What the invitation offers.
    preview: InvitePreview,
    /// Its code.
    code: String,
) -> impl IntoView {
    let ui = use_ui();
    let fields = Fields {
        password: RwSignal::new(String::new()),
        again: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        invalid: RwSignal::new(None),
        pending: RwSignal::new(false),
    };
    let Fields { password, again, error, invalid, pending } = fields;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        fields.submit(ui, code.clone());
    };
    let title = ui.lang.join_workspace(preview.workspace.as_str());
    let email = preview.email.clone();
    view! {
        <AuthCard title intro=ui.lang.account(AccountText::InviteIntro)>
            <InviteFacts preview/>
            <form class="login-form" novalidate on:submit=on_submit>
                // Lets a password manager store the new password under the right account.
                <input type="email" autocomplete="username" hidden readonly
                    prop:value=email/>
                <NewPasswordFields
                    id="invite-password"
                    label=ui.lang.account(AccountText::ChoosePassword)
                    again_label=ui.lang.account(AccountText::PasswordAgain)
                    password
                    again
                    error_id=ERROR_ID
                    invalid=Signal::derive(move || invalid.get())
                />
                <FormEnd error_id=ERROR_ID error button_id="invite-submit" pending
                    label=ui.lang.account(AccountText::JoinAndSignIn) busy=ui.lang.account(AccountText::SigningIn)/>
            </form>
        </AuthCard>
    }
}

/// What the invitation offers: name, email and role.
#[component]
fn InviteFacts(
    /// The invitation's preview.
    preview: InvitePreview,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <dl class="invite-facts">
            <dt>{ui.lang.account(AccountText::Name)}</dt>
            <dd>{preview.name.clone()}</dd>
            <dt>{ui.lang.common(CommonText::Email)}</dt>
            <dd id="invite-email-shown">{preview.email.clone()}</dd>
            <dt>{ui.lang.account(AccountText::Role)}</dt>
            <dd>{ui.lang.role(preview.role)}</dd>
        </dl>
    }
}

/// The link cannot be used: the server's reason, and the way to the login screen.
#[component]
fn Unusable(
    /// Why the preview failed.
    err: ApiError,
) -> impl IntoView {
    let ui = use_ui();
    let reason =
        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError)).to_owned();
    view! {
        <AuthCard title=ui.lang.account(AccountText::Invitation).to_owned() intro=ui.lang.account(AccountText::InviteUnusable)>
            <p id=ERROR_ID class="form-error" role="alert">{reason}</p>
            <button id="invite-to-login" type="button" class="btn wide" on:click=move |_| to_login(ui)>
                {ui.lang.account(AccountText::GoToSignIn)}
            </button>
        </AuthCard>
    }
}

/// Leaves the invitation: the code goes from the address, then the usual start-up check.
fn to_login(ui: Ui) {
    route::clear();
    session::check(ui);
}
