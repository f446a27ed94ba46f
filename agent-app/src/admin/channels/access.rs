//! Where a channel's chat may open (W6), a fieldset of the channel editor: the allowed sites
//! (one origin per line, checked by `channel_draft::origins` with core's `normalize_origin`),
//! "Require signed identity", and the channel's identity secret: Reveal
//! (`GET …/identity-secret`) and Generate new (`POST`, after a confirmation, since the old
//! secret stops working at once). The host site's server signs its users' ids with it.
//!
//! The sites and the checkbox are part of the draft and saved with the form; the secret is
//! not a setting and changes on its own, outside the form's Save.

use super::draft::ChannelDraft;
use crate::api;
use crate::i18n::{AccessText, CommonText};
use crate::ui::focus;
use crate::ui::CopyField;
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::ids::{channel_key, ChannelId};
use openline_core::protocol::IdentitySecret;

#[component]
pub fn AccessFields(
    /// The draft the sites and the checkbox live in.
    draft: RwSignal<ChannelDraft>,
    /// The channel, for its identity secret.
    channel: ChannelId,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <fieldset class="channel-fieldset">
            <legend>{ui.lang.access(AccessText::WhereChatOpens)}</legend>
            <div class="form-field">
                <label for="channel-allowed-origins" class="field-label">
                    {ui.lang.access(AccessText::AllowedSites)}
                </label>
                <textarea
                    id="channel-allowed-origins"
                    class="field text mono"
                    rows="3"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="https://shop.example"
                    aria-describedby="channel-allowed-origins-hint"
                    prop:value=draft.with_untracked(|d| d.allowed_origins.clone())
                    on:input=move |ev| draft.update(|d| d.allowed_origins = event_target_value(&ev))
                ></textarea>
                <p id="channel-allowed-origins-hint" class="field-hint">
                    {ui.lang.access(AccessText::AllowedSitesHint)}
                </p>
            </div>
            <div class="form-field">
                <label class="check">
                    <input
                        id="channel-require-identity"
                        type="checkbox"
                        aria-describedby="channel-require-identity-hint"
                        prop:checked=draft.with_untracked(|d| d.require_identity)
                        on:change=move |ev| draft.update(|d| d.require_identity = event_target_checked(&ev))
                    />
                    {ui.lang.access(AccessText::RequireIdentity)}
                </label>
                <p id="channel-require-identity-hint" class="field-hint">
                    {ui.lang.access(AccessText::RequireIdentityHint)}
                </p>
            </div>
            <SecretField channel/>
        </fieldset>
    }
}

/// The identity secret: hidden until revealed; a new one after a confirmation.
#[component]
fn SecretField(
    /// The channel whose secret this is.
    channel: ChannelId,
) -> impl IntoView {
    let ui = use_ui();
    let snippet = identity_snippet(ui, &channel);
    let channel = StoredValue::new(channel);
    let secret = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let status = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<String>);
    let ask = move |generate: bool| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        status.set(None);
        error.set(None);
        let id = channel.get_value();
        spawn_local(async move {
            let result = if generate {
                api::admin::new_identity_secret(&id).await
            } else {
                api::admin::identity_secret(&id).await
            };
            pending.try_set(false);
            confirming.try_set(false);
            shown(ui, result, generate, secret, status, error);
        });
    };
    let toggle = move |_| {
        if secret.with_untracked(Option::is_some) {
            secret.set(None);
            status.set(None);
        } else {
            ask(false);
        }
    };
    let revealed = move || secret.with(Option::is_some);
    view! {
        <div class="identity-secret" role="group" aria-labelledby="identity-secret-title">
            <h4 id="identity-secret-title" class="field-label">{ui.lang.access(AccessText::IdentitySecret)}</h4>
            <p id="identity-secret-explain" class="field-hint">{ui.lang.access(AccessText::IdentityExplain)}</p>
            <pre class="usage"><code>{snippet}</code></pre>
            <div class="secret-actions">
                <button
                    id="identity-secret-reveal"
                    type="button"
                    class="btn small"
                    aria-expanded=move || if revealed() { "true" } else { "false" }
                    aria-controls="identity-secret-box"
                    aria-busy=move || pending.get().then_some("true")
                    on:click=toggle
                >
                    {move || ui.lang.access(if revealed() { AccessText::Hide } else { AccessText::Reveal })}
                </button>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button id="identity-secret-new" type="button" class="btn small danger-ghost"
                        on:click=move |_| {
                            confirming.set(true);
                            request_animation_frame(|| focus("identity-secret-generate"));
                        }>
                        {ui.lang.access(AccessText::GenerateNew)}
                    </button>
                }>
                    <span class="inline-confirm" role="group" aria-labelledby="identity-secret-question">
                        <span id="identity-secret-question">{ui.lang.access(AccessText::ConfirmNewSecret)}</span>
                        <button id="identity-secret-generate" type="button" class="btn danger small"
                            on:click=move |_| ask(true)>
                            {ui.lang.access(AccessText::Generate)}
                        </button>
                        <button type="button" class="btn ghost small" on:click=move |_| {
                            confirming.set(false);
                            request_animation_frame(|| focus("identity-secret-new"));
                        }>
                            {ui.lang.common(CommonText::Cancel)}
                        </button>
                    </span>
                </Show>
            </div>
            <div id="identity-secret-box">
                {move || secret.get().map(|value| view! {
                    <CopyField id="identity-secret" label=ui.lang.access(AccessText::CurrentSecret) value/>
                })}
            </div>
            <p class="save-status" role="status">{move || status.get()}</p>
            <p class="form-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

/// The embed snippet with a signed user, as the loader reads it (`data-user-id`,
/// `data-user-hash`).
fn identity_snippet(ui: Ui, channel: &ChannelId) -> String {
    let origin = window().location().origin().unwrap_or_default();
    let workspace = ui.session.with_untracked(|s| s.as_ref().map(|s| s.workspace.clone()));
    let key = workspace.map(|w| channel_key(&w, channel)).unwrap_or_default();
    format!(
        "<script async src=\"{origin}/widget.js\" data-channel=\"{key}\"\n  \
         data-user-id=\"USER_ID\" data-user-hash=\"HEX_HMAC\"></script>"
    )
}

/// Shows a fetched or new secret, or says why there is none.
fn shown(
    ui: Ui,
    result: Result<IdentitySecret, crate::api::ApiError>,
    generated: bool,
    secret: RwSignal<Option<String>>,
    status: RwSignal<Option<&'static str>>,
    error: RwSignal<Option<String>>,
) {
    match result {
        Ok(reply) => {
            secret.try_set(Some(reply.secret));
            if generated {
                status.try_set(Some(ui.lang.access(AccessText::NewSecretMade)));
            }
            request_animation_frame(|| focus("identity-secret"));
        }
        Err(err) if err.is_unauthorized() => ui.report(&err),
        Err(err) => {
            let message = err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
            error.try_set(Some(message.to_owned()));
        }
    }
}
