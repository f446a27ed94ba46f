//! The login screen: workspace (prefilled "demo"), email, password. A failed login shows the
//! server's message in the alert region; a good one signs in (`Ui::sign_in`): the edge set the
//! session cookie with its answer.

use super::auth_card::AuthCard;
use crate::api;
use crate::i18n::{AccountText, CommonText};
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::protocol::LoginRequest;

#[component]
pub fn Login() -> impl IntoView {
    let ui = use_ui();
    let workspace = RwSignal::new(String::from("demo"));
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let submit = Action::new_local(|request: &LoginRequest| {
        let request = request.clone();
        async move { api::account::login(&request).await }
    });
    let pending = submit.pending();
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(reply)) => ui.sign_in(reply),
        Some(Err(err)) => ui.report(&err),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ui.alert.set(None);
        submit.dispatch(LoginRequest {
            workspace: workspace.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        });
    };
    view! {
        <AuthCard title=ui.lang.account(AccountText::SignInTitle).to_owned() intro=ui.lang.account(AccountText::SignInIntro)>
                <form class="login-form" on:submit=on_submit>
                    <label for="login-workspace">{ui.lang.account(AccountText::Workspace)}</label>
                    <input
                        id="login-workspace"
                        name="workspace"
                        type="text"
                        autocomplete="organization"
                        required
                        bind:value=workspace
                    />
                    <label for="login-email">{ui.lang.common(CommonText::Email)}</label>
                    <input
                        id="login-email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        required
                        bind:value=email
                    />
                    <label for="login-password">{ui.lang.account(AccountText::Password)}</label>
                    <input
                        id="login-password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        bind:value=password
                    />
                    <button
                        id="login-submit"
                        type="submit"
                        class="btn primary wide"
                        disabled=move || pending.get()
                    >
                        {move || ui.lang.account(if pending.get() { AccountText::SigningIn } else { AccountText::SignIn })}
                    </button>
                </form>
        </AuthCard>
    }
}
