//! The widget's HTTP calls: plain async functions that speak `openline_core::protocol`.
//!
//! The iframe page is served by the same origin as the API, so paths are relative. Components
//! call these; no view knows a URL. The socket lives in `socket.rs`. Calls go through the
//! browser's `fetch` directly (`openline_browser::http`: a wrapper crate cost the widget bytes
//! for nothing it needs).

use openline_browser::http::fetch_json;
use openline_browser::json;
use openline_core::ids::CommandId;
use openline_core::protocol::{
    CommandReply, CommandRequest, VisitorIdentity, WidgetSession, WidgetSessionRequest,
};
use openline_core::Command;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{Headers, RequestInit, UrlSearchParams};

pub use openline_browser::http::{is_transient_status, ApiError};
pub use openline_browser::random_id as new_command_id;

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
    json::read(fetch_json("/emoji.json", &RequestInit::new()).await?).ok_or(ApiError::Network)
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
    fetch_json(url, &init).await
}
