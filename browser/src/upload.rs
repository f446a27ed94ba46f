//! Sending one file (C1) with progress: `fetch` cannot report an upload's progress, so files go
//! by `XMLHttpRequest`, with the one header the caller's access needs (the widget's visitor
//! token, the agent app's CSRF header beside its cookie).

use crate::http::{self, ApiError};
use openline_core::files::FileRef;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{File, ProgressEvent, XmlHttpRequest};

/// Sends `file` to `path` (`?name=` is added) with `header` (name, value), calling `progress`
/// with 0.0–1.0 as bytes leave and `done` once with the server's `FileRef` or its refusal.
#[inline]
pub fn upload(
    path: &str,
    header: (&str, &str),
    file: &File,
    progress: impl Fn(f64) + 'static,
    done: impl FnOnce(Result<FileRef, ApiError>) + 'static,
) {
    let Ok(xhr) = XmlHttpRequest::new() else { return done(Err(ApiError::Network)) };
    let name: String = web_sys::js_sys::encode_uri_component(&file.name()).into();
    let opened = xhr.open("POST", &format!("{path}?name={name}")).is_ok()
        && xhr.set_request_header(header.0, header.1).is_ok();
    if !opened {
        return done(Err(ApiError::Network));
    }
    // The progress callback lives as long as the page (one small closure per file sent);
    // `finished` keeps it quiet once the answer is in.
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
    _ = xhr.send_with_opt_blob(Some(file));
}

/// The finished request as a `FileRef`, or the refusal its status and body describe.
#[inline]
fn reply(xhr: &XmlHttpRequest) -> Result<FileRef, ApiError> {
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    crate::json::read(http::reply_text(status, &text)?).ok_or(ApiError::Network)
}
