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

/// A sheet with a folded corner: files (C1).
#[component]
pub fn FileIcon() -> impl IntoView {
    view! {
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"
                d="M4 1.7h5.2L12.3 5v9.3H4Z M9 1.7V5.2h3.3"/>
        </svg>
    }
}

/// A paperclip: attach files (C1).
#[component]
pub fn PaperclipIcon() -> impl IntoView {
    view! {
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"
                d="M20 11.5 12 19.5a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L9.7 17.2a1.7 1.7 0 0 1-2.4-2.4L15 7"/>
        </svg>
    }
}
