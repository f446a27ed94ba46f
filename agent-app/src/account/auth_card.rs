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
