//! The "API tokens" tab of the team screen (admins): what a token is for, the form to make one
//! (a name → `POST /api/agent/api-tokens`), its secret shown once (`#api-token-secret`, with
//! Copy and the header to send it in), and the workspace's tokens (`GET /api/agent/api-tokens`:
//! name, who it acts as, created, last used) with Revoke, which asks once more inline since
//! the systems using the token stop working at once.

use super::form::NewTokenForm;
use super::list::TokenList;
use crate::api;
use crate::i18n::TeamText;
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::ApiTokenInfo;

/// The tokens as the server last told them; `None` until the first answer.
pub type Tokens = RwSignal<Option<Vec<ApiTokenInfo>>>;

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
