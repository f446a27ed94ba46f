//! A new API token: its name (`POST /api/agent/api-tokens`), then its secret, shown once,
//! with Copy and the header to send it in.

use super::panel::Tokens;
use crate::account::bearer_header;
use crate::api;
use crate::i18n::{CommonText, TokenText};
use crate::ui::{focus, use_ui, CopyField};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::ApiTokenCreated;

/// The form that makes a token, and the secret of the one just made.
#[component]
pub fn NewTokenForm(
    /// The list, which gets the new token.
    tokens: Tokens,
) -> impl IntoView {
    let ui = use_ui();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let created = RwSignal::new(None::<ApiTokenCreated>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed = name.get_untracked().trim().to_owned();
        if typed.is_empty() {
            error.set(Some(ui.lang.tokens(TokenText::EmptyName).to_owned()));
            focus("api-token-name");
            return;
        }
        error.set(None);
        created.set(None);
        pending.set(true);
        spawn_local(async move {
            let result = api::admin::create_api_token(&typed).await;
            pending.try_set(false);
            match result {
                Ok(made) => {
                    name.try_set(String::new());
                    tokens.try_update(|list| {
                        list.get_or_insert_with(Vec::new).push(made.token.clone())
                    });
                    created.try_set(Some(made));
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    error.try_set(Some(message.to_owned()));
                    focus("api-token-name");
                }
            }
        });
    };
    view! {
        <section class="admin-card" aria-labelledby="api-token-new-title">
            <h3 id="api-token-new-title">{ui.lang.tokens(TokenText::New)}</h3>
            <p class="field-hint">{ui.lang.tokens(TokenText::Intro)}</p>
            <form class="invite-form token-form" novalidate on:submit=on_submit>
                <div class="form-field">
                    <label for="api-token-name" class="field-label">{ui.lang.tokens(TokenText::Name)}</label>
                    <input id="api-token-name" class="field" type="text" autocomplete="off" maxlength="80"
                        aria-describedby="api-token-name-hint api-token-error"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        bind:value=name/>
                    <p id="api-token-name-hint" class="field-hint">{ui.lang.tokens(TokenText::NameHint)}</p>
                </div>
                <button id="api-token-create" type="submit" class="btn primary"
                    aria-busy=move || pending.get().then_some("true")>
                    {move || {
                        if pending.get() { ui.lang.common(CommonText::Creating) } else { ui.lang.tokens(TokenText::Create) }
                    }}
                </button>
            </form>
            <p id="api-token-error" class="form-error" role="alert">{move || error.get()}</p>
            {move || created.get().map(|made| view! { <CreatedSecret made/> })}
        </section>
    }
}

/// The new token's secret, shown once, with the header to send it in.
#[component]
fn CreatedSecret(
    /// The token and its secret.
    made: ApiTokenCreated,
) -> impl IntoView {
    let ui = use_ui();
    let header = bearer_header(&made.secret);
    view! {
        <div class="secret-box">
            <CopyField id="api-token-secret" label=ui.lang.tokens(TokenText::Secret) value=made.secret
                describedby="api-token-secret-note" autofocus=true/>
            <p id="api-token-secret-note" class="field-hint">
                {ui.lang.tokens(TokenText::SecretNote)} " " {ui.lang.tokens(TokenText::UsageHint)}
            </p>
            <pre class="usage"><code>{header}</code></pre>
        </div>
    }
}
