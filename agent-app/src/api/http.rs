//! The HTTP plumbing every call shares. Same origin as the page, so every URL is a path and the
//! browser sends the HttpOnly session cookie by itself: the app never sees a token. Every
//! request that changes something carries `X-Openline-Csrf: 1` (`send`), which the edge
//! requires of cookie-authenticated writes. Errors come back as `ApiError`, carrying the
//! server's own message from its `ErrorBody`; what to do with them (alert, back to login) is
//! the caller's business.

use gloo_net::http::{Request, RequestBuilder, Response};
use openline_core::protocol::ErrorBody;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The header the edge asks of every cookie-authenticated write (no other site's page can
/// send it without a CORS preflight the edge never grants).
pub const CSRF_HEADER: &str = "X-Openline-Csrf";

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// 401: no session, or it ended (logged out, expired, password changed elsewhere); the
    /// agent must sign in again.
    Unauthorized { message: String },
    /// Any other error reply, with the server's code and message.
    Server { status: u16, code: String, message: String },
    /// No usable reply (offline, server down, a body that is not what we expect).
    Network,
}

impl ApiError {
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Unauthorized { .. })
    }

    /// The server's message, if it sent one.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Unauthorized { message } | ApiError::Server { message, .. } => Some(message),
            ApiError::Network => None,
        }
    }

    /// The server's stable code (`wrong_password`, `not_on_yourself`, …), if it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Unauthorized { .. } => Some("unauthorized"),
            ApiError::Server { code, .. } => Some(code),
            ApiError::Network => None,
        }
    }
}

/// A path segment or query value made safe for a URL.
pub fn encode(part: &str) -> String {
    js_sys::encode_uri_component(part).into()
}

/// A `GET`: the cookie goes by itself.
pub async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    read(Request::get(url).send().await).await
}

/// A request that changes something: the CSRF header, and `body` as JSON if any.
pub async fn send<T: DeserializeOwned>(
    req: RequestBuilder,
    body: Option<&impl Serialize>,
) -> Result<T, ApiError> {
    let req = req.header(CSRF_HEADER, "1");
    let reply = match body {
        Some(body) => req.json(body).map_err(|_| ApiError::Network)?.send().await,
        None => req.send().await,
    };
    read(reply).await
}

/// A write whose reply is `{}`.
pub async fn done(req: RequestBuilder) -> Result<(), ApiError> {
    send::<serde::de::IgnoredAny>(req, None::<&()>).await.map(|_| ())
}

/// Turns a reply into `T`, or into the `ApiError` its status and `ErrorBody` describe.
pub async fn read<T: DeserializeOwned>(
    reply: Result<Response, gloo_net::Error>,
) -> Result<T, ApiError> {
    let reply = reply.map_err(|_| ApiError::Network)?;
    if reply.ok() {
        return reply.json::<T>().await.map_err(|_| ApiError::Network);
    }
    let status = reply.status();
    let (code, message) = match reply.json::<ErrorBody>().await {
        Ok(body) => (body.error.code, body.error.message),
        // A proxy's HTML error page, say: keep the status, say what we know.
        Err(_) => (String::from("http_error"), format!("HTTP {status}")),
    };
    if status == 401 {
        return Err(ApiError::Unauthorized { message });
    }
    Err(ApiError::Server { status, code, message })
}
