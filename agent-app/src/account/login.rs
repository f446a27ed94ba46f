//! The login screen: workspace (prefilled "demo"), email, password. A failed login shows the
//! server's message in the alert region; a good one signs in (`Ui::sign_in`): the edge set the
//! session cookie with its answer.

use crate::api;
use crate::i18n::{AccountText, CommonText};
use crate::ui::{use_ui, AlertLine};
use leptos::html::H1;
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

/// The frame of every signed-out screen: the brand, a title that takes focus when the screen
/// replaces another (so a screen reader says where the agent is after logout, say), an intro
/// line and the alert region, then the form.
#[component]
pub fn AuthCard(
    /// The page's `h1`.
    title: String,
    /// The line under it.
    intro: &'static str,
    /// The form and whatever follows it.
    children: Children,
) -> impl IntoView {
    let ui = use_ui();
    let heading = NodeRef::<H1>::new();
    let replaces_another = !ui.first_screen.get_value();
    ui.first_screen.set_value(false);
    Effect::new(move |_| {
        if let (true, Some(h1)) = (replaces_another, heading.get()) {
            let _ = h1.focus();
        }
    });
    view! {
        <main class="login-page">
            <div class="login-card">
                <p class="brand login-brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Openline"
                </p>
                <h1 tabindex="-1" node_ref=heading>{title}</h1>
                <p class="login-intro">{intro}</p>
                <AlertLine/>
                {children()}
            </div>
        </main>
    }
}
