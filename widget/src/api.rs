//! The widget's HTTP calls: plain async functions that speak `openline_core::protocol`.
//!
//! The iframe page is served by the same origin as the API, so paths are relative. Components
//! call these; no view knows a URL. The socket lives in `socket.rs`. Calls go through the
//! browser's `fetch` directly (a wrapper crate cost the widget bytes for nothing it needs).

use crate::json;
use openline_core::ids::CommandId;
use openline_core::protocol::{
    CommandReply, CommandRequest, ErrorBody, VisitorIdentity, WidgetSession, WidgetSessionRequest,
};
use openline_core::Command;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Promise;
use web_sys::{Headers, RequestInit, Response, UrlSearchParams};

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No usable answer: offline, the server is down, or it replied with something that is not
    /// our protocol (a proxy's error page, for instance).
    Network,
    /// The server refused with an `ErrorBody`.
    Refused { status: u16, code: String, message: String },
}

impl ApiError {
    /// The token is not (or no longer) valid: start a new session.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Refused { status: 401, .. })
    }
}

/// A refusal worth trying again later as it is: the server may recover.
pub fn is_transient_status(status: u16) -> bool {
    status >= 500 || status == 408 || status == 429
}

/// Opens or resumes the visitor's session on `channel` (W3: the token from an earlier visit
/// brings back the same dialog).
pub async fn start_session(
    channel: &str,
    visitor_token: Option<String>,
) -> Result<WidgetSession, ApiError> {
    let (host, identity) = host_context();
    let body = WidgetSessionRequest { channel: channel.to_owned(), visitor_token, host, identity };
    post("/api/widget/session", None, &body).await
}

/// What the loader told the chat page about the page it is embedded in: that page's origin
/// (`?host=`, checked against the channel's allowed sites) and, for a user signed in on the
/// site, their signed identity (`#uid=…&uh=…`: a fragment never reaches a server log; W6).
fn host_context() -> (Option<String>, Option<VisitorIdentity>) {
    let location = leptos::prelude::location();
    let param = |raw: Option<String>, name: &str| {
        let raw = raw.unwrap_or_default();
        let raw = raw.trim_start_matches(['?', '#']);
        UrlSearchParams::new_with_str(raw).ok().and_then(|p| p.get(name)).filter(|v| !v.is_empty())
    };
    let host = param(location.search().ok(), "host");
    let user_id = param(location.hash().ok(), "uid");
    let hash = param(location.hash().ok(), "uh");
    let identity = user_id.zip(hash).map(|(user_id, hash)| VisitorIdentity { user_id, hash });
    (host, identity)
}

/// The contact details the site gave for its user (`#n=…&e=…&p=…` from `Openline.identify`;
/// W5), if any.
pub fn identified_contact() -> Option<openline_core::contact::Contact> {
    let hash = leptos::prelude::location().hash().ok()?;
    let params = UrlSearchParams::new_with_str(hash.trim_start_matches('#')).ok()?;
    let get = |name: &str| params.get(name).unwrap_or_default();
    let contact =
        openline_core::contact::Contact { name: get("n"), email: get("e"), phone: get("p") };
    (!contact.is_empty()).then_some(contact)
}

/// Sends one visitor command. A retry must reuse `command_id` so the server applies it once.
pub async fn post_command(
    token: &str,
    command_id: CommandId,
    command: Command,
) -> Result<CommandReply, ApiError> {
    let body = CommandRequest { command_id, command };
    post("/api/widget/commands", Some(token), &body).await
}

/// The emoji picker's list (C4), a static file fetched when the picker first opens.
pub async fn emoji() -> Result<Vec<openline_core::emoji::Emoji>, ApiError> {
    let response = fetch("/emoji.json", &RequestInit::new()).await?;
    json::read(reply_json(&response).await?).ok_or(ApiError::Network)
}

/// POSTs `body` as JSON, with the visitor's `token` if given, and reads the reply as a `T`.
async fn post<B: Serialize, T: DeserializeOwned>(
    url: &str,
    token: Option<&str>,
    body: &B,
) -> Result<T, ApiError> {
    let body = serde_json::to_string(body).map_err(|_| ApiError::Network)?;
    json::read(exchange(url, token, body).await?).ok_or(ApiError::Network)
}

/// One POST of a JSON `body`: the parsed reply of a success, or why there is none. Not
/// generic, so the widget holds one copy of it.
async fn exchange(url: &str, token: Option<&str>, body: String) -> Result<JsValue, ApiError> {
    let headers = Headers::new().map_err(|_| ApiError::Network)?;
    _ = headers.set("Content-Type", "application/json");
    if let Some(token) = token {
        _ = headers.set("Authorization", &format!("Bearer {token}"));
    }
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&body));
    let response = fetch(url, &init).await?;
    let reply = reply_json(&response).await?;
    if response.ok() {
        return Ok(reply);
    }
    match json::read::<ErrorBody>(reply) {
        Some(ErrorBody { error }) => Err(ApiError::Refused {
            status: response.status(),
            code: error.code,
            message: error.message,
        }),
        // Not our error format: an intermediary answered, treat it like a network failure.
        None => Err(ApiError::Network),
    }
}

/// The response to `url`, whatever its status; `Network` when there is none.
async fn fetch(url: &str, init: &RequestInit) -> Result<Response, ApiError> {
    let promise = web_sys::window().ok_or(ApiError::Network)?.fetch_with_str_and_init(url, init);
    Ok(settle(promise).await?.unchecked_into())
}

/// The response's body parsed as JSON; `Network` when it is not JSON.
async fn reply_json(response: &Response) -> Result<JsValue, ApiError> {
    settle(response.json().map_err(|_| ApiError::Network)?).await
}

async fn settle(promise: Promise) -> Result<JsValue, ApiError> {
    promise.await.map_err(|_| ApiError::Network)
}

/// A fresh id for one user action: 128 random bits in hex (`crypto.getRandomValues` works on
/// plain http too, unlike `crypto.randomUUID`).
pub fn new_command_id() -> Option<CommandId> {
    let mut bytes = [0u8; 16];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    let hex: String = bytes
        .iter()
        .flat_map(|b| [b >> 4, b & 15])
        .filter_map(|n| char::from_digit(n.into(), 16))
        .collect();
    CommandId::parse(&hex)
}
