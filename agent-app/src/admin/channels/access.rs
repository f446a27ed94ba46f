//! Where a channel's chat may open (W6), a fieldset of the channel editor: the allowed sites
//! (one origin per line, checked by `draft::origins` with core's `normalize_origin`),
//! "Require signed identity", and the channel's identity secret: Reveal
//! (`GET …/identity-secret`) and Generate new (`POST`, after a confirmation, since the old
//! secret stops working at once). The host site's server signs its users' ids with it.
//!
//! The sites and the checkbox are part of the draft and saved with the form; the secret is
//! not a setting and changes on its own, outside the form's Save.

use super::draft::ChannelDraft;
use crate::api::{self, ApiError};
use crate::i18n::{AccessText, CommonText};
use crate::ui::{focus, use_ui, CopyField, InlineConfirm, Ui};
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

/// The identity secret's state. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Secret {
    channel: StoredValue<ChannelId>,
    /// The secret, once revealed.
    value: RwSignal<Option<String>>,
    /// "Generate new" waits for a confirmation.
    confirming: RwSignal<bool>,
    pending: RwSignal<bool>,
    status: RwSignal<Option<&'static str>>,
    error: RwSignal<Option<String>>,
}

impl Secret {
    /// Fetches the secret (`GET`), or makes a new one (`generate`: `POST`).
    fn ask(self, ui: Ui, generate: bool) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.status.set(None);
        self.error.set(None);
        let id = self.channel.get_value();
        spawn_local(async move {
            let result = if generate {
                api::admin::new_identity_secret(&id).await
            } else {
                api::admin::identity_secret(&id).await
            };
            self.pending.try_set(false);
            self.confirming.try_set(false);
            self.shown(ui, result, generate);
        });
    }

    /// Reveal or hide.
    fn toggle(self, ui: Ui) {
        if self.value.with_untracked(Option::is_some) {
            self.value.set(None);
            self.status.set(None);
        } else {
            self.ask(ui, false);
        }
    }

    /// Shows a fetched or new secret, or says why there is none.
    fn shown(self, ui: Ui, result: Result<IdentitySecret, ApiError>, generated: bool) {
        match result {
            Ok(reply) => {
                self.value.try_set(Some(reply.secret));
                if generated {
                    self.status.try_set(Some(ui.lang.access(AccessText::NewSecretMade)));
                }
                request_animation_frame(|| focus("identity-secret"));
            }
            Err(err) if err.is_unauthorized() => ui.report(&err),
            Err(err) => {
                let message =
                    err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                self.error.try_set(Some(message.to_owned()));
            }
        }
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
    let secret = Secret {
        channel: StoredValue::new(channel),
        value: RwSignal::new(None),
        confirming: RwSignal::new(false),
        pending: RwSignal::new(false),
        status: RwSignal::new(None),
        error: RwSignal::new(None),
    };
    view! {
        <div class="identity-secret" role="group" aria-labelledby="identity-secret-title">
            <h4 id="identity-secret-title" class="field-label">{ui.lang.access(AccessText::IdentitySecret)}</h4>
            <p id="identity-secret-explain" class="field-hint">{ui.lang.access(AccessText::IdentityExplain)}</p>
            <pre class="usage"><code>{snippet}</code></pre>
            <SecretActions secret/>
            <div id="identity-secret-box">
                {move || secret.value.get().map(|value| view! {
                    <CopyField id="identity-secret" label=ui.lang.access(AccessText::CurrentSecret) value/>
                })}
            </div>
            <p class="save-status" role="status">{move || secret.status.get()}</p>
            <p class="form-error" role="alert">{move || secret.error.get()}</p>
        </div>
    }
}

/// Reveal (or Hide), and "Generate new", which asks once more inline.
#[component]
fn SecretActions(
    /// The secret's state.
    secret: Secret,
) -> impl IntoView {
    let ui = use_ui();
    let (confirming, pending) = (secret.confirming, secret.pending);
    let revealed = move || secret.value.with(Option::is_some);
    let generate = Callback::new(move |()| secret.ask(ui, true));
    let cancel = Callback::new(move |()| {
        confirming.set(false);
        request_animation_frame(|| focus("identity-secret-new"));
    });
    view! {
        <div class="secret-actions">
            <button
                id="identity-secret-reveal"
                type="button"
                class="btn small"
                aria-expanded=move || if revealed() { "true" } else { "false" }
                aria-controls="identity-secret-box"
                aria-busy=move || pending.get().then_some("true")
                on:click=move |_| secret.toggle(ui)
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
                <InlineConfirm question_id="identity-secret-question"
                    question=ui.lang.access(AccessText::ConfirmNewSecret).to_owned()
                    confirm_id="identity-secret-generate" confirm=ui.lang.access(AccessText::Generate)
                    on_confirm=generate on_cancel=cancel/>
            </Show>
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
