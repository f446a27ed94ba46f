//! A ticking "now" for waiting times: one interval for the whole app, cleared with its owner.

use leptos::prelude::*;
use std::time::Duration;

/// Milliseconds since the epoch, refreshed every 20 seconds (waiting times show minutes).
pub fn use_now() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    if let Ok(handle) =
        set_interval_with_handle(move || set_now.set(now_ms()), Duration::from_secs(20))
    {
        on_cleanup(move || handle.clear());
    }
    now
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// "14:05" in the browser's time zone.
pub fn clock_time(at_ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A date and time as the agent's language writes them ("12 Mar 2025, 14:05"), in the
/// browser's time zone.
pub fn date_time(lang: crate::i18n::Lang, at_ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(lang.tag(), &options).into()
}
