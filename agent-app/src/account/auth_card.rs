//! The frame of every signed-out screen (login, setup, invitation): the brand, a title that
//! takes focus when the screen replaces another, an intro line and the alert region.

use crate::ui::{use_ui, AlertLine};
use leptos::html::H1;
use leptos::prelude::*;

/// The frame of every signed-out screen: the brand, a title that takes focus when the screen
/// replaces another (so a screen reader says where the agent is after logout, say), an intro
/// line and the alert region, then the form.
#[component]
pub fn AuthCard(
    /// The page's `h1`.
    title: String,
    /// The line under it.
    intro: &'static str,
    /// The form and whatever follows it.
    children: Children,
) -> impl IntoView {
    let ui = use_ui();
    let heading = NodeRef::<H1>::new();
    let replaces_another = !ui.first_screen.get_value();
    ui.first_screen.set_value(false);
    Effect::new(move |_| {
        if let (true, Some(h1)) = (replaces_another, heading.get()) {
            let _ = h1.focus();
        }
    });
    view! {
        <main class="login-page">
            <div class="login-card">
                <p class="brand login-brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Openline"
                </p>
                <h1 tabindex="-1" node_ref=heading>{title}</h1>
                <p class="login-intro">{intro}</p>
                <AlertLine/>
                {children()}
            </div>
        </main>
    }
}

/// The end of a signed-out form: its error line and its submit button, which says `busy`
/// while the request is on its way.
#[component]
pub fn FormEnd(
    /// The error line's id (the fields name it in `aria-describedby`).
    error_id: &'static str,
    /// The form's problem, if any.
    error: RwSignal<Option<String>>,
    /// The submit button's id.
    button_id: &'static str,
    /// A request is on its way.
    pending: RwSignal<bool>,
    /// The button's label.
    label: &'static str,
    /// Its label while the request is on its way.
    busy: &'static str,
) -> impl IntoView {
    view! {
        <p id=error_id class="form-error" role="alert">{move || error.get()}</p>
        <button
            id=button_id
            type="submit"
            class="btn primary wide"
            aria-busy=move || pending.get().then_some("true")
        >
            {move || if pending.get() { busy } else { label }}
        </button>
    }
}
