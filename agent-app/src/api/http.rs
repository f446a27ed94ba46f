//! The HTTP plumbing every call shares. Same origin as the page, so every URL is a path and the
//! browser sends the HttpOnly session cookie by itself: the app never sees a token. Every
//! request that changes something carries `X-Openline-Csrf: 1` (`send`), which the edge
//! requires of cookie-authenticated writes.
//!
//! Requests are built with gloo-net and replies read with serde_json; what a failed reply means
//! is decided with the widget (`openline_browser::http::refusal`), so both apps agree on what a
//! refusal is: an `ApiError` with the server's `ErrorCode` and message. What to do with it
//! (alert, back to login) is the caller's business.

use gloo_net::http::{Request, RequestBuilder};
use openline_browser::http::refusal;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use openline_browser::http::{ApiError, CSRF_HEADER};

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
    reply: Result<gloo_net::http::Response, gloo_net::Error>,
) -> Result<T, ApiError> {
    let reply = reply.map_err(|_| ApiError::Network)?;
    let text = reply.text().await.map_err(|_| ApiError::Network)?;
    if reply.ok() {
        return serde_json::from_str(&text).map_err(|_| ApiError::Network);
    }
    Err(refusal(reply.status(), serde_json::from_str(&text).ok()))
}
