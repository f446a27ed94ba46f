//! The login screen: workspace (prefilled "demo"), email, password. A failed login shows the
//! server's message in the alert region; a good one stores the session (`Ui::sign_in`).

use crate::api;
use crate::app::{use_ui, AlertLine};
use crate::i18n::Text;
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
        async move { api::login(&request).await }
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
        <main class="login-page">
            <div class="login-card">
                <p class="brand login-brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Openline"
                </p>
                <h1>{ui.t(Text::SignInTitle)}</h1>
                <p class="login-intro">{ui.t(Text::SignInIntro)}</p>
                <AlertLine/>
                <form class="login-form" on:submit=on_submit>
                    <label for="login-workspace">{ui.t(Text::Workspace)}</label>
                    <input
                        id="login-workspace"
                        name="workspace"
                        type="text"
                        autocomplete="organization"
                        required
                        bind:value=workspace
                    />
                    <label for="login-email">{ui.t(Text::Email)}</label>
                    <input
                        id="login-email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        required
                        bind:value=email
                    />
                    <label for="login-password">{ui.t(Text::Password)}</label>
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
                        {move || ui.t(if pending.get() { Text::SigningIn } else { Text::SignIn })}
                    </button>
                </form>
            </div>
        </main>
    }
}
