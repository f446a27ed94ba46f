//! JSON in and out, and query parameters, with the errors clients should see.

use crate::error::{ApiError, ApiResult};
use futures_util::StreamExt;
use openline_core::limits::MAX_BODY_BYTES;
use openline_core::ErrorCode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use worker::{Request, Response};

/// Reads a JSON body of at most `MAX_BODY_BYTES`. Malformed JSON, wrong types and unknown
/// fields (where the type refuses them) are a 400 that names the problem.
pub async fn read_json<T: DeserializeOwned>(req: &mut Request) -> ApiResult<T> {
    let bytes = read_at_most(req, MAX_BODY_BYTES, || ApiError::PayloadTooLarge).await?;
    serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::bad_request(ErrorCode::InvalidJson, format!("Invalid request body: {e}."))
    })
}

/// The body, refused with `too_large()` past `max` bytes: early when the request says it is
/// larger, and otherwise as soon as what has come passes `max`, while it streams in. A client
/// that sends more than it declared (or declares nothing) is stopped at `max`, never buffered.
pub async fn read_at_most(
    req: &mut Request,
    max: usize,
    too_large: impl Fn() -> ApiError,
) -> ApiResult<Vec<u8>> {
    let declared = req.headers().get("content-length")?.and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > max) {
        return Err(too_large());
    }
    if req.inner().body().is_none() {
        return Ok(Vec::new());
    }
    let mut stream = req.stream()?;
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if bytes.len() + chunk.len() > max {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

pub fn json<T: Serialize>(value: &T) -> ApiResult<Response> {
    Ok(Response::from_json(value)?)
}

/// The value of query parameter `name`, if present.
pub fn query(req: &Request, name: &str) -> ApiResult<Option<String>> {
    let url = req.url()?;
    Ok(url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned()))
}

/// `after=N`: the last `seq` a client has. Absent means "send everything".
pub fn after_param(req: &Request) -> ApiResult<Option<u64>> {
    match query(req, "after")? {
        None => Ok(None),
        Some(raw) => raw.parse::<u64>().map(Some).map_err(|_| {
            ApiError::bad_request(ErrorCode::InvalidAfter, "`after` must be a whole number.")
        }),
    }
}

pub fn is_websocket_upgrade(req: &Request) -> ApiResult<bool> {
    Ok(req.headers().get("upgrade")?.is_some_and(|v| v.eq_ignore_ascii_case("websocket")))
}
