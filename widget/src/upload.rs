//! Sending one file (C1) with progress: `fetch` cannot report an upload's progress, so files
//! go by `XMLHttpRequest`, with the visitor token like every call.

use crate::api::ApiError;
use openline_core::files::FileRef;
use openline_core::protocol::ErrorBody;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, ProgressEvent, XmlHttpRequest};

/// Uploads `file`, calling `progress` with 0.0–1.0 and `done` once with the result.
pub fn upload(
    token: &str,
    file: &File,
    progress: impl Fn(f64) + 'static,
    done: impl FnOnce(Result<FileRef, ApiError>) + 'static,
) {
    let Ok(xhr) = XmlHttpRequest::new() else { return done(Err(ApiError::Network)) };
    let name: String = web_sys::js_sys::encode_uri_component(&file.name()).into();
    let opened = xhr.open("POST", &format!("/api/widget/files?name={name}")).is_ok()
        && xhr.set_request_header("Authorization", &format!("Bearer {token}")).is_ok();
    if !opened {
        return done(Err(ApiError::Network));
    }
    let on_progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            progress(e.loaded() / e.total());
        }
    });
    if let Ok(target) = xhr.upload() {
        target.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    // Lives as long as the page: one small closure per file sent.
    on_progress.forget();
    let request = xhr.clone();
    let on_end = Closure::once_into_js(move || done(reply(&request)));
    xhr.set_onloadend(Some(on_end.unchecked_ref()));
    let _ = xhr.send_with_opt_blob(Some(file));
}

fn reply(xhr: &XmlHttpRequest) -> Result<FileRef, ApiError> {
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    // The browser's JSON parser, as for every reply (see `json`).
    let parsed = web_sys::js_sys::JSON::parse(&text).ok();
    if (200..300).contains(&status) {
        return parsed.and_then(crate::json::read).ok_or(ApiError::Network);
    }
    match parsed.and_then(crate::json::read::<ErrorBody>) {
        Some(body) if status > 0 => {
            Err(ApiError::Refused { status, code: body.error.code, message: body.error.message })
        }
        _ => Err(ApiError::Network),
    }
}
