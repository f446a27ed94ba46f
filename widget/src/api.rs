//! The widget's HTTP calls: plain async functions that speak `openline_core::protocol`.
//!
//! The iframe page is served by the same origin as the API, so paths are relative. Components
//! call these; no view knows a URL. The socket lives in `socket.rs`.

use gloo_net::http::{Request, RequestBuilder};
use openline_core::ids::CommandId;
use openline_core::protocol::{
    CommandReply, CommandRequest, ErrorBody, VisitorIdentity, WidgetSession, WidgetSessionRequest,
};
use openline_core::Command;
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::UrlSearchParams;

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
    send(Request::post("/api/widget/session"), &body).await
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

/// Sends one visitor command. A retry must reuse `command_id` so the server applies it once.
pub async fn post_command(
    token: &str,
    command_id: CommandId,
    command: Command,
) -> Result<CommandReply, ApiError> {
    let body = CommandRequest { command_id, command };
    let request =
        Request::post("/api/widget/commands").header("Authorization", &format!("Bearer {token}"));
    send(request, &body).await
}

/// The emoji picker's list (C4), a static file fetched when the picker first opens.
pub async fn emoji() -> Result<Vec<openline_core::emoji::Emoji>, ApiError> {
    let response = Request::get("/emoji.json").send().await.map_err(|_| ApiError::Network)?;
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    serde_json::from_str(&text).map_err(|_| ApiError::Network)
}

async fn send<B: Serialize, T: DeserializeOwned>(
    request: RequestBuilder,
    body: &B,
) -> Result<T, ApiError> {
    let response = request
        .json(body)
        .map_err(|_| ApiError::Network)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return serde_json::from_str(&text).map_err(|_| ApiError::Network);
    }
    let status = response.status();
    match serde_json::from_str::<ErrorBody>(&text) {
        Ok(ErrorBody { error }) => {
            Err(ApiError::Refused { status, code: error.code, message: error.message })
        }
        // Not our error format: an intermediary answered, treat it like a network failure.
        Err(_) => Err(ApiError::Network),
    }
}

/// A fresh id for one user action: 128 random bits in hex (`crypto.getRandomValues` works on
/// plain http too, unlike `crypto.randomUUID`).
pub fn new_command_id() -> Option<CommandId> {
    let mut bytes = [0u8; 16];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    CommandId::parse(&hex)
}
