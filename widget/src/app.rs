//! `App`: reads the embed settings, opens the visitor's session and shows the chat.
//!
//! The iframe URL carries `?channel=KEY[&lang=es|en]`. The visitor token is kept per channel in
//! `localStorage` (`openline.visitor.<channel>`), so a reload or a later visit resumes the same
//! dialog (W3). Until the session is open the window shows a status line; an unreachable server
//! is retried with backoff. The chat itself is `chat::Chat`.

use crate::api::{self, ApiError};
use crate::chat::Chat;
use crate::i18n::{Lang, Text};
use crate::messages::initial;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::protocol::WidgetSession;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::UrlSearchParams;

/// Where the window is on its way to a chat.
// One value lives in one signal: boxing the session would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Starting,
    /// The server could not be reached; another try is scheduled.
    Retrying,
    /// Nothing to retry (no channel, or the server refused it): the message says why.
    Failed(String),
    Ready(WidgetSession),
}

const FIRST_RETRY_MS: u64 = 1_000;
const MAX_RETRY_MS: u64 = 15_000;

// Long: the session's whole life (open, expire, stale, restore) in one place; splitting it
// into components costs the widget bytes.
#[component]
pub fn App() -> impl IntoView {
    let query = location().search().unwrap_or_default();
    let params = UrlSearchParams::new_with_str(&query).ok();
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let lang = Lang::detect(param("lang").as_deref(), window().navigator().language().as_deref());
    if let Some(html) = document().document_element() {
        _ = html.set_attribute("lang", lang.code());
    }
    provide_context(lang);

    let phase = RwSignal::new(Phase::Starting);
    let channel = param("channel").filter(|c| !c.is_empty());
    let restart = Callback::new({
        let channel = channel.clone();
        move |()| {
            if let Some(channel) = &channel {
                forget_token(channel);
                phase.set(Phase::Starting);
                start(channel.clone(), phase, 0);
            }
        }
    });
    let recheck = Callback::new({
        let channel = channel.clone();
        move |()| {
            if let (Some(channel), Phase::Ready(session)) = (&channel, phase.get_untracked()) {
                recheck_session(channel.clone(), session.visitor_token, phase);
            }
        }
    });
    match channel {
        Some(channel) => start(channel, phase, 0),
        None => phase.set(Phase::Failed(lang.t(Text::MissingChannel).into())),
    }
    // Escape closes the window from anywhere inside it, like the close button.
    let _ = window_event_listener(leptos::ev::keydown, |ev| {
        // Unless a part of the chat used it (the image viewer, the emoji picker).
        if ev.key() == "Escape" && !ev.default_prevented() {
            ask_parent_to_close();
        }
    });
    // The close button's click, read where it bubbles.
    let _ = window_event_listener(leptos::ev::click, |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.is_some_and(|t| t.closest("#widget-close").ok().flatten().is_some()) {
            ask_parent_to_close();
        }
    });

    let title = lang.t(Text::DefaultTitle);
    let body = move || {
        let (class, role, text) = match phase.get() {
            Phase::Ready(session) => {
                return Either::Left(
                    view! { <Chat session on_expired=restart on_stale=recheck /> },
                );
            }
            // `busy` draws a spinner before the text.
            Phase::Starting => ("notice busy", "status", lang.t(Text::Connecting).to_owned()),
            Phase::Retrying => ("notice error", "alert", lang.t(Text::Retrying).to_owned()),
            Phase::Failed(message) => ("notice error", "alert", message),
        };
        Either::Right(view! { <p class=class role=role>{text}</p> })
    };
    view! {
        <header class="header">
            // Written by the chat once open (`chat::show_heading`).
            <span class="logo" id="widget-logo" aria-hidden="true">{initial(title)}</span>
            <div class="heading">
                <h1 class="title" id="widget-title">{title}</h1>
                <p class="tagline" id="widget-tagline"></p>
            </div>
            <button id="widget-close" type="button" class="icon-button"
                aria-label=lang.t(Text::CloseChat)>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                    <path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"/>
                </svg>
            </button>
        </header>
        <main class="main">{body}</main>
    }
}

/// Opens the session, retrying with backoff while the server is unreachable.
fn start(channel: String, phase: RwSignal<Phase>, attempt: u32) {
    spawn_local(async move {
        let token = stored_token(&channel);
        let had_token = token.is_some();
        let next = match api::start_session(&channel, token).await {
            Ok(session) => {
                store_token(&channel, &session.visitor_token);
                paint(&session.channel.look);
                Phase::Ready(session)
            }
            // A token this server does not accept (another deployment, a rotated secret):
            // start over as a new visitor rather than never chatting again.
            Err(error) if error.is_unauthorized() && had_token => {
                forget_token(&channel);
                start(channel, phase, attempt);
                return;
            }
            Err(ApiError::Refused { status, message, .. }) if !api::is_transient_status(status) => {
                Phase::Failed(message)
            }
            Err(_) => {
                let delay = FIRST_RETRY_MS.saturating_mul(1 << attempt.min(8)).min(MAX_RETRY_MS);
                set_timeout(
                    move || start(channel, phase, attempt.saturating_add(1)),
                    Duration::from_millis(delay),
                );
                Phase::Retrying
            }
        };
        // Setting an unchanged phase would re-announce the alert to screen readers.
        if phase.get_untracked() != next {
            phase.set(next);
        }
    });
}

/// While the socket cannot connect: if the server now answers with another token (it no
/// longer accepts ours), switch to the new session; if it refuses the visitor now (blocked,
/// or the channel requires signing in since), say why; otherwise the socket keeps retrying.
fn recheck_session(channel: String, token: String, phase: RwSignal<Phase>) {
    spawn_local(async move {
        let session = match api::start_session(&channel, Some(token.clone())).await {
            Ok(session) => session,
            // Refused since (blocked, or signing in is now required): say why, as at the start.
            Err(ApiError::Refused { status, message, .. })
                if status != 401 && !api::is_transient_status(status) =>
            {
                phase.set(Phase::Failed(message));
                return;
            }
            Err(_) => return,
        };
        if session.visitor_token != token {
            store_token(&channel, &session.visitor_token);
            phase.set(Phase::Ready(session));
        }
    });
}

/// The channel's colour (W5) for the header, the customer's bubbles and the buttons.
fn paint(look: &openline_core::look::Look) {
    if look.color == openline_core::look::DEFAULT_COLOR {
        return;
    }
    let Some(root) = document().document_element() else { return };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else { return };
    let style = root.style();
    _ = style.set_property("--brand", &look.color);
    _ = style.set_property("--brand-hover", &look.hover_color());
}

/// Asks the page that embeds us (the loader) to hide the window.
fn ask_parent_to_close() {
    tell_parent("openline:close", 0, false);
}

/// Tells the loader something happened: `openline:close`; `openline:message` when a new
/// message for the customer arrived; `openline:unread` with `n`, how many of the agents'
/// messages the customer has not read (its count while the window is hidden), and `chat`,
/// whether there is a conversation (the loader then gets the chat ready on the site's next
/// pages, to count replies there too). Nothing secret; the host page's origin is not known here.
pub fn tell_parent(kind: &str, n: usize, chat: bool) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let message = web_sys::js_sys::Object::new();
    let set =
        |key: &str, value: JsValue| web_sys::js_sys::Reflect::set(&message, &key.into(), &value);
    if set("type", kind.into()).is_ok()
        && set("n", (n as u32).into()).is_ok()
        && set("chat", chat.into()).is_ok()
    {
        _ = parent.post_message(&message, "*");
    }
}

fn token_key(channel: &str) -> String {
    format!("openline.visitor.{channel}")
}

/// Storage may be refused (privacy settings, sandboxing): then every visit is a new visitor.
pub fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn stored_token(channel: &str) -> Option<String> {
    storage()?.get_item(&token_key(channel)).ok().flatten()
}

fn store_token(channel: &str, token: &str) {
    if let Some(storage) = storage() {
        _ = storage.set_item(&token_key(channel), token);
    }
}

fn forget_token(channel: &str) {
    if let Some(storage) = storage() {
        _ = storage.remove_item(&token_key(channel));
    }
}
