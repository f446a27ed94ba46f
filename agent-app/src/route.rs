//! The hash route: `#/dialog/<id>` names the open dialog, so a reload or a shared link keeps it.
//!
//! The hash is the only place the selection lives: rows are plain links that change it, and
//! `use_selected_dialog` turns `hashchange` into a signal.

use leptos::prelude::*;
use openline_core::ids::DialogId;

const PREFIX: &str = "#/dialog/";

/// The link that opens `dialog`.
pub fn href(dialog: &DialogId) -> String {
    format!("{PREFIX}{dialog}")
}

/// The dialog the address names, following `hashchange` until the caller's owner is cleaned up.
pub fn use_selected_dialog() -> Memo<Option<DialogId>> {
    let (hash, set_hash) = signal(location_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(location_hash());
    });
    on_cleanup(move || listener.remove());
    Memo::new(move |_| hash.with(|h| parse(h)))
}

/// Forgets the open dialog without adding a history entry (used on logout).
pub fn clear() {
    let window = window();
    let Ok(path) = window.location().pathname() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn parse(hash: &str) -> Option<DialogId> {
    DialogId::parse(hash.strip_prefix(PREFIX)?)
}
