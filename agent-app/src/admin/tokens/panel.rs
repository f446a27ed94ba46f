//! The "API tokens" tab of the team screen (admins): what a token is for, the form to make one
//! (a name → `POST /api/agent/api-tokens`), its secret shown once (`#api-token-secret`, with
//! Copy and the header to send it in), and the workspace's tokens (`GET /api/agent/api-tokens`:
//! name, who it acts as, created, last used) with Revoke, which asks once more inline since
//! the systems using the token stop working at once.

use crate::account::bearer_header;
use crate::api;
use crate::i18n::{CommonText, TeamText, TokenText};
use crate::ui::clock::date_time;
use crate::ui::CopyField;
use crate::ui::{focus, InlineConfirm};
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::{AgentProfile, ApiTokenCreated, ApiTokenInfo};

/// The tokens as the server last told them; `None` until the first answer.
type Tokens = RwSignal<Option<Vec<ApiTokenInfo>>>;

#[component]
pub fn ApiTokensPanel() -> impl IntoView {
    let ui = use_ui();
    let tokens: Tokens = RwSignal::new(None);
    let list_error = RwSignal::new(None::<String>);
    load(ui, tokens, list_error);
    // Who each token acts as, by name; the ids are enough until the names come.
    let agents = LocalResource::new(api::agents);
    let names = Signal::derive(move || match agents.get() {
        Some(Ok(list)) => list,
        _ => Vec::new(),
    });
    view! {
        <NewTokenForm tokens/>
        <section class="admin-card" aria-labelledby="api-tokens-title">
            <h3 id="api-tokens-title" tabindex="-1">{ui.lang.team(TeamText::ApiTokens)}</h3>
            <TokenList tokens names list_error/>
        </section>
    }
}

#[component]
fn NewTokenForm(
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

#[component]
fn TokenList(
    /// The tokens.
    tokens: Tokens,
    /// The workspace's agents, for "acts as".
    names: Signal<Vec<AgentProfile>>,
    /// Why they could not be loaded or revoked, if so.
    list_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let confirming = RwSignal::new(None::<String>);
    let rows = move || {
        let Some(list) = tokens.get() else {
            return view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }
                .into_any();
        };
        if list.is_empty() {
            return view! { <p class="list-note">{ui.lang.tokens(TokenText::NoneYet)}</p> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|token| view! { <TokenRow token names confirming tokens list_error/> })
            .collect_view();
        view! { <ul class="team-list">{items}</ul> }.into_any()
    };
    view! {
        {rows}
        <p class="form-error" role="alert">{move || list_error.get()}</p>
    }
}

#[component]
fn TokenRow(
    /// The token of this row.
    token: ApiTokenInfo,
    /// The workspace's agents, for "acts as".
    names: Signal<Vec<AgentProfile>>,
    /// The token whose revocation waits for a confirmation, if any.
    confirming: RwSignal<Option<String>>,
    /// The list, which loses the token.
    tokens: Tokens,
    /// Where a refusal is said.
    list_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let id = token.id.clone();
    let agent = token.agent.clone();
    let acts_as = move || {
        names
            .with(|l| l.iter().find(|a| a.id == agent).map(|a| a.name.clone()))
            .unwrap_or_else(|| agent.to_string())
    };
    let created = date_time(ui.lang, token.created_at);
    let last_used = token
        .last_used_at
        .map_or_else(|| ui.lang.tokens(TokenText::Never).to_owned(), |at| date_time(ui.lang, at));
    let revoke_id = format!("api-token-revoke-{}", token.id);
    let is_confirming = {
        let id = id.clone();
        move || confirming.with(|c| c.as_ref() == Some(&id))
    };
    let ask = {
        let id = id.clone();
        move |_| {
            confirming.set(Some(id.clone()));
            request_animation_frame(|| focus("api-token-revoke-confirm"));
        }
    };
    let cancel_focus = revoke_id.clone();
    let revoke_now = Callback::new(move |()| revoke(ui, id.clone(), tokens, list_error));
    let cancel = Callback::new(move |()| {
        confirming.set(None);
        focus(&cancel_focus);
    });
    let question = ui.lang.confirm_revoke_token(&token.name);
    view! {
        <li class="team-row token-row" data-token-id=token.id.clone()>
            <span class="team-who">
                <span class="team-name">{token.name.clone()}</span>
                <span class="team-email">{ui.lang.tokens(TokenText::ActsAs)} " " {acts_as}</span>
            </span>
            <dl class="token-dates">
                <div><dt>{ui.lang.tokens(TokenText::Created)}</dt><dd>{created}</dd></div>
                <div><dt>{ui.lang.tokens(TokenText::LastUsed)}</dt><dd>{last_used}</dd></div>
            </dl>
            <span class="team-actions">
                <button id=revoke_id type="button" class="btn danger-ghost small"
                    aria-label=ui.lang.revoke_token(&token.name)
                    aria-expanded={
                        let is_confirming = is_confirming.clone();
                        move || if is_confirming() { "true" } else { "false" }
                    }
                    on:click=ask>
                    {ui.lang.team(TeamText::Revoke)}
                </button>
            </span>
            <Show when=is_confirming>
                <InlineConfirm row=true question_id="api-token-revoke-question" question=question.clone()
                    confirm_id="api-token-revoke-confirm" confirm=ui.lang.team(TeamText::Revoke)
                    on_confirm=revoke_now on_cancel=cancel/>
            </Show>
        </li>
    }
}

fn load(ui: Ui, tokens: Tokens, list_error: RwSignal<Option<String>>) {
    spawn_local(async move {
        match api::admin::api_tokens().await {
            Ok(list) => {
                tokens.try_set(Some(list));
            }
            Err(err) => ui.report_to(list_error, &err),
        }
    });
}

fn revoke(ui: Ui, id: String, tokens: Tokens, list_error: RwSignal<Option<String>>) {
    list_error.set(None);
    spawn_local(async move {
        match api::admin::revoke_api_token(&id).await {
            Ok(()) => {
                tokens.try_update(|list| {
                    if let Some(list) = list {
                        list.retain(|t| t.id != id);
                    }
                });
                // Its buttons are gone: the list's heading keeps the place.
                request_animation_frame(|| focus("api-tokens-title"));
            }
            Err(err) => ui.report_to(list_error, &err),
        }
    });
}
