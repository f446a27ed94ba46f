//! The few inline SVG icons the app draws. All are decorative (`aria-hidden`): the text or
//! label beside them says what they mean.

use leptos::prelude::*;

/// A padlock: hidden notes (C6) and locked conversations (Q11).
#[component]
pub fn LockIcon() -> impl IntoView {
    view! {
        <svg class="lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path
                fill="currentColor"
                d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
            />
        </svg>
    }
}

/// Three dots, for the "…" menu button.
#[component]
pub fn DotsIcon() -> impl IntoView {
    view! {
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="3" cy="8" r="1.6" fill="currentColor"/>
            <circle cx="8" cy="8" r="1.6" fill="currentColor"/>
            <circle cx="13" cy="8" r="1.6" fill="currentColor"/>
        </svg>
    }
}
