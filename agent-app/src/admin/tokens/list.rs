//! The workspace's API tokens (`GET /api/agent/api-tokens`): name, who it acts as, created,
//! last used, and Revoke, which asks once more inline since the systems using the token stop
//! working at once.

use super::panel::Tokens;
use crate::api;
use crate::i18n::{CommonText, TeamText, TokenText};
use crate::ui::clock::date_time;
use crate::ui::{focus, use_ui, InlineConfirm, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::{AgentProfile, ApiTokenInfo};

/// The tokens, or why there are none to show.
#[component]
pub fn TokenList(
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

/// One token and its Revoke.
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
