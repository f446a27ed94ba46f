//! The alert region (`role="alert"`): always in the page so screen readers announce what
//! appears in it; `Ui::report` puts a failed call's message there, Dismiss clears it.

use super::use_ui;
use crate::i18n::CommonText;
use leptos::prelude::*;

/// The alert region: always in the page so screen readers announce what appears in it.
#[component]
pub fn AlertLine() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="alert-region" role="alert">
            {move || {
                ui.alert
                    .get()
                    .map(|message| {
                        view! {
                            <div class="alert">
                                <span class="alert-text">{message}</span>
                                <button
                                    type="button"
                                    class="btn ghost small"
                                    on:click=move |_| ui.alert.set(None)
                                >
                                    {ui.lang.common(CommonText::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
