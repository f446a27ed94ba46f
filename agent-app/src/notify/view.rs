//! What notifications look like (Q1): the toasts (`#toasts`, a polite live region, so screen
//! readers announce each one without interrupting) and the banner that offers desktop
//! notifications (`#notify-permission`, with `#notify-enable`).
//!
//! A toast opens its conversation when clicked anywhere (its link also works with the keyboard)
//! and has its own dismiss button. The rules of what to show are in `news`.

use super::browser;
use super::toasts::Toasts;
use crate::i18n::NotifyText;
use crate::route;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::ids::DialogId;

#[component]
pub fn ToastRegion(
    /// The toasts to show, from `use_notifications`.
    toasts: RwSignal<Toasts>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div
            id="toasts"
            class="toasts"
            role="status"
            aria-live="polite"
            aria-label=ui.lang.notify(NotifyText::Notifications)
        >
            <For
                each=move || toasts.with(|t| t.items().to_vec())
                key=|t| t.id
                children=move |t| {
                    let id = t.id;
                    let href = route::href(&t.dialog);
                    let dialog = t.dialog.clone();
                    view! {
                        <div
                            class="toast"
                            data-toast=id.to_string()
                            on:click=move |_| open(toasts, id, &dialog)
                        >
                            <a class="toast-open" href=href>
                                <span class="toast-title">{t.heading}</span>
                                {(!t.preview.is_empty()).then(|| view! {
                                    <span class="sr-only">": "</span>
                                    <span class="toast-preview">{t.preview}</span>
                                })}
                            </a>
                            <button
                                type="button"
                                class="toast-dismiss"
                                aria-label=ui.lang.notify(NotifyText::DismissNotification)
                                title=ui.lang.notify(NotifyText::DismissNotification)
                                on:click=move |ev| {
                                    ev.stop_propagation();
                                    toasts.update(|t| t.dismiss(id));
                                }
                            >
                                <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                                    <path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"/>
                                </svg>
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}

/// The polite offer of desktop notifications: shown until the agent decides, asked only when
/// the button is pressed.
#[component]
pub fn NotifyBanner() -> impl IntoView {
    let ui = use_ui();
    let shown = RwSignal::new(browser::should_offer_permission());
    let enable = move |_| {
        browser::request_permission();
        shown.set(false);
    };
    let not_now = move |_| {
        browser::remember_dismissal();
        shown.set(false);
    };
    view! {
        <Show when=move || shown.get()>
            <section
                id="notify-permission"
                class="notify-banner"
                aria-label=ui.lang.notify(NotifyText::DesktopNotifications)
            >
                <svg class="notify-bell" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                    <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"/>
                </svg>
                <p class="notify-banner-text">{ui.lang.notify(NotifyText::PermissionAsk)}</p>
                <button id="notify-enable" type="button" class="btn primary small" on:click=enable>
                    {ui.lang.notify(NotifyText::PermissionEnable)}
                </button>
                <button id="notify-dismiss" type="button" class="btn ghost small" on:click=not_now>
                    {ui.lang.notify(NotifyText::PermissionNotNow)}
                </button>
            </section>
        </Show>
    }
}

/// Opens the toast's conversation (the link may already have done it) and removes the toast.
fn open(toasts: RwSignal<Toasts>, id: u64, dialog: &DialogId) {
    let _ = window().location().set_hash(&route::href(dialog));
    toasts.update(|t| t.dismiss(id));
}
