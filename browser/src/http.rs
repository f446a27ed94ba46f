//! Replies as both apps read them: a success's body as a parsed JavaScript value (read into a
//! protocol type with `json::read`), a refusal as an `ApiError` carrying the server's
//! `ErrorBody`.
//!
//! The widget sends with the browser's `fetch` (`fetch_json`) and lets the browser parse the
//! body (see `json`); the agent app sends with gloo-net, parses with serde_json (its replies
//! hold shapes the widget's small reader does not take) and asks `refusal` what a failure
//! means. Either way a reply that is not our protocol (a proxy's error page, say) counts as no
//! reply at all: `Network`, worth trying again.

use crate::json;
use openline_core::error_code::ErrorCode;
use openline_core::protocol::ErrorBody;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{RequestInit, Response};

/// The header the edge asks of every cookie-authenticated write (no other site's page can
/// send it without a CORS preflight the edge never grants).
pub const CSRF_HEADER: &str = "X-Openline-Csrf";

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No usable answer: offline, the server is down, or it replied with something that is not
    /// our protocol.
    Network,
    /// The server refused with an `ErrorBody`. `code` is an `ErrorCode` as the wire spells it:
    /// the widget compares it with the few codes it words itself (`ErrorCode::as_str`), since
    /// reading every code into the enum would cost it 1.5 KB; `ApiError::code` reads it.
    Refused { status: u16, code: String, message: String },
}

impl ApiError {
    /// 401: no session or token, or it ended; sign in (or start a session) again.
    #[inline]
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Refused { status: 401, .. })
    }

    /// The server's code, if it refused (`Unknown` for a code newer than this build).
    #[inline]
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Refused { code, .. } => Some(ErrorCode::parse(code)),
            ApiError::Network => None,
        }
    }

    /// The server's message, if it refused.
    #[inline]
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Refused { message, .. } => Some(message),
            ApiError::Network => None,
        }
    }
}

/// A refusal worth trying again later as it is: the server may recover.
#[inline]
pub fn is_transient_status(status: u16) -> bool {
    status >= 500 || status == 408 || status == 429
}

/// The response to `url` read as `read` does.
#[inline]
pub async fn fetch_json(url: &str, init: &RequestInit) -> Result<JsValue, ApiError> {
    let promise = web_sys::window().ok_or(ApiError::Network)?.fetch_with_str_and_init(url, init);
    let response: Response = settle(promise).await?.unchecked_into();
    read(&response).await
}

/// A success's body, parsed; or the refusal its status and `ErrorBody` describe.
#[inline]
pub async fn read(response: &Response) -> Result<JsValue, ApiError> {
    let body = settle(response.json().map_err(|_| ApiError::Network)?).await?;
    reply(response.status(), Some(body))
}

/// `reply` for a body still in text (what `XMLHttpRequest` gives).
#[inline]
pub fn reply_text(status: u16, text: &str) -> Result<JsValue, ApiError> {
    reply(status, web_sys::js_sys::JSON::parse(text).ok())
}

/// A finished request's `status` (0: none came) and parsed `body` (none: not JSON).
#[inline]
fn reply(status: u16, body: Option<JsValue>) -> Result<JsValue, ApiError> {
    if (200..300).contains(&status) {
        return body.ok_or(ApiError::Network);
    }
    Err(refusal(status, body.and_then(json::read::<ErrorBody<String>>)))
}

/// What a reply that is not a success means: the server's refusal if it sent an `ErrorBody`;
/// otherwise an intermediary answered (or nobody did), which counts as a network failure.
#[inline]
pub fn refusal(status: u16, body: Option<ErrorBody<String>>) -> ApiError {
    match body {
        Some(ErrorBody { error }) if status > 0 => {
            ApiError::Refused { status, code: error.code, message: error.message }
        }
        _ => ApiError::Network,
    }
}

#[inline]
async fn settle(promise: web_sys::js_sys::Promise) -> Result<JsValue, ApiError> {
    promise.await.map_err(|_| ApiError::Network)
}
