//! The browser's side of notifications (Q1): a beep made with WebAudio, desktop notifications
//! and the permission they need, and what the page's focus and visibility are.
//!
//! Browsers play sound only after the user has interacted with the page, so the audio context is
//! created (or resumed) on the first click or key press; until then `beep` stays silent. The
//! beep is generated (two short sine notes), so the app ships no audio file.
//!
//! Desktop permission is asked only when the agent presses the banner's button, never on load;
//! "Not now" is remembered in localStorage under `openline.notify`.

use crate::route;
use leptos::prelude::*;
use openline_core::ids::DialogId;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    AudioContext, AudioContextState, Notification, NotificationOptions, NotificationPermission,
    OscillatorType,
};

const DISMISSED_KEY: &str = "openline.notify";

thread_local! {
    /// One audio context for the page, created by the first user gesture.
    static AUDIO: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

/// Creates or resumes the audio context on clicks and key presses while the caller's owner lives.
pub fn use_sound_unlock() {
    let click = window_event_listener(leptos::ev::click, |_| unlock_sound());
    let key = window_event_listener(leptos::ev::keydown, |_| unlock_sound());
    on_cleanup(move || {
        click.remove();
        key.remove();
    });
}

/// A short two-note chime, if the page may play sound by now.
pub fn beep() {
    AUDIO.with(|audio| {
        if let Some(ctx) = audio.borrow().as_ref() {
            if ctx.state() == AudioContextState::Running {
                // A failure only costs the sound.
                let _ = chime(ctx);
            }
        }
    });
}

/// Whether the agent is looking at the page: visible and focused.
pub fn page_has_focus() -> bool {
    !page_hidden() && document().has_focus().unwrap_or(false)
}

/// `document.hidden`: another tab, or a minimised window.
pub fn page_hidden() -> bool {
    document().hidden()
}

/// Whether to offer the permission banner: the browser can notify, the agent has not decided
/// yet, and did not say "Not now" before.
pub fn should_offer_permission() -> bool {
    notifications_supported()
        && Notification::permission() == NotificationPermission::Default
        && stored_dismissal().is_none()
}

/// Asks the browser for permission (call only from the agent's click). The banner goes away
/// whatever the answer; the browser remembers it.
pub fn request_permission() {
    if notifications_supported() {
        let _ = Notification::request_permission();
    }
}

/// "Not now": do not offer again on this browser.
pub fn remember_dismissal() {
    if let Some(storage) = storage() {
        let _ = storage.set_item(DISMISSED_KEY, "dismissed");
    }
}

/// A desktop notification that opens `dialog` when clicked. Silent if not permitted.
pub fn desktop_notification(title: &str, body: &str, dialog: &DialogId) {
    if !notifications_supported() || Notification::permission() != NotificationPermission::Granted {
        return;
    }
    let options = NotificationOptions::new();
    options.set_body(body);
    // One notification per dialog: a newer message replaces the older one.
    options.set_tag(dialog.as_str());
    let Ok(notification) = Notification::new_with_options(title, &options) else {
        return;
    };
    let href = route::href(dialog);
    let shown = notification.clone();
    let on_click = Closure::once_into_js(move || {
        let window = window();
        let _ = window.focus();
        let _ = window.location().set_hash(&href);
        shown.close();
    });
    notification.set_onclick(Some(on_click.unchecked_ref()));
}

/// Whether the toast with this id is under the pointer or holds the focus (then it stays).
pub fn toast_in_use(id: u64) -> bool {
    document()
        .query_selector(&format!(".toast[data-toast=\"{id}\"]"))
        .ok()
        .flatten()
        .is_some_and(|el| el.matches(":hover, :focus-within").unwrap_or(false))
}

fn unlock_sound() {
    AUDIO.with(|audio| {
        let mut audio = audio.borrow_mut();
        match audio.as_ref() {
            None => *audio = AudioContext::new().ok(),
            Some(ctx) if ctx.state() == AudioContextState::Suspended => {
                let _ = ctx.resume();
            }
            Some(_) => {}
        }
    });
}

/// 880 Hz then 660 Hz, 0.35 s in all, fading in and out so it does not click.
fn chime(ctx: &AudioContext) -> Result<(), JsValue> {
    let t = ctx.current_time();
    let oscillator = ctx.create_oscillator()?;
    oscillator.set_type(OscillatorType::Sine);
    oscillator.frequency().set_value_at_time(880.0, t)?;
    oscillator.frequency().set_value_at_time(660.0, t + 0.12)?;
    let gain = ctx.create_gain()?;
    gain.gain().set_value_at_time(0.0001, t)?;
    gain.gain().exponential_ramp_to_value_at_time(0.2, t + 0.02)?;
    gain.gain().exponential_ramp_to_value_at_time(0.0001, t + 0.35)?;
    oscillator.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&ctx.destination())?;
    oscillator.start_with_when(t)?;
    oscillator.stop_with_when(t + 0.4)?;
    Ok(())
}

fn notifications_supported() -> bool {
    js_sys::Reflect::has(&window(), &JsValue::from_str("Notification")).unwrap_or(false)
}

fn stored_dismissal() -> Option<String> {
    storage()?.get_item(DISMISSED_KEY).ok()?
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok()?
}
