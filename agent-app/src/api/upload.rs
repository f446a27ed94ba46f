//! Uploading one file (C1) with progress: `fetch` cannot report an upload's progress, so this
//! is the one place the app uses `XMLHttpRequest`. Same origin: the session cookie goes by
//! itself, and the CSRF header is set as on every write.

use super::http::ApiError;
use openline_core::files::FileRef;
use openline_core::protocol::ErrorBody;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, ProgressEvent, XmlHttpRequest};

/// Sends `file` to `path` (`?name=` is added), calling `progress` with 0.0–1.0 as bytes leave
/// and `done` once with the server's `FileRef` or its refusal.
pub fn upload(
    path: &str,
    file: &File,
    progress: impl Fn(f64) + 'static,
    done: impl FnOnce(Result<FileRef, ApiError>) + 'static,
) {
    let xhr = match XmlHttpRequest::new() {
        Ok(xhr) => xhr,
        Err(_) => return done(Err(ApiError::Network)),
    };
    let url = format!("{path}?name={}", super::http::encode(&file.name()));
    let started = xhr.open_with_async("POST", &url, true).is_ok()
        && xhr.set_request_header(super::http::CSRF_HEADER, "1").is_ok();
    if !started {
        return done(Err(ApiError::Network));
    }
    // Both callbacks live as long as the request; `finished` lets the progress one go quiet.
    let finished = Rc::new(Cell::new(false));
    let quiet = finished.clone();
    let on_progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 && !quiet.get() {
            progress(e.loaded() / e.total());
        }
    });
    if let Ok(target) = xhr.upload() {
        target.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    on_progress.forget();
    let request = xhr.clone();
    let on_end = Closure::once_into_js(move || {
        finished.set(true);
        done(reply(&request));
    });
    xhr.set_onloadend(Some(on_end.unchecked_ref()));
    if xhr.send_with_opt_blob(Some(file)).is_err() {
        xhr.set_onloadend(None);
    }
}

/// The finished request as a `FileRef` or the `ApiError` its status and body describe.
fn reply(xhr: &XmlHttpRequest) -> Result<FileRef, ApiError> {
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    if status == 0 {
        return Err(ApiError::Network);
    }
    if (200..300).contains(&status) {
        return serde_json::from_str(&text).map_err(|_| ApiError::Network);
    }
    let (code, message) = match serde_json::from_str::<ErrorBody>(&text) {
        Ok(body) => (body.error.code, body.error.message),
        Err(_) => ("http_error".to_owned(), format!("HTTP {status}")),
    };
    if status == 401 {
        return Err(ApiError::Unauthorized { message });
    }
    Err(ApiError::Server { status, code, message })
}
