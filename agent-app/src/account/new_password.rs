//! A new password typed twice, as the setup, invitation and change-password forms ask it: two
//! labelled password fields (`<id>` and `<id>-again`) with the length rule written under the
//! first (`<id>-hint`). The check itself is `account_model::new_password`, run on submit.

use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::auth::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};

#[component]
pub fn NewPasswordFields(
    /// The first field's id; the second is `<id>-again`, the hint `<id>-hint`.
    id: &'static str,
    /// The first field's label.
    label: &'static str,
    /// The second field's label.
    again_label: &'static str,
    /// The password as typed.
    password: RwSignal<String>,
    /// The confirmation as typed.
    again: RwSignal<String>,
    /// The form's error line, which both fields name in `aria-describedby`.
    error_id: &'static str,
    /// The field the form's error is about, if it is one of these two.
    invalid: Signal<Option<&'static str>>,
) -> impl IntoView {
    let ui = use_ui();
    let again_id = format!("{id}-again");
    let hint_id = format!("{id}-hint");
    let first_invalid = move || (invalid.get() == Some(id)).then_some("true");
    let again_for_check = again_id.clone();
    let again_invalid =
        move || invalid.with(|f| *f == Some(again_for_check.as_str())).then_some("true");
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            type="password"
            autocomplete="new-password"
            minlength=MIN_PASSWORD_CHARS.to_string()
            maxlength=MAX_PASSWORD_CHARS.to_string()
            aria-describedby=format!("{hint_id} {error_id}")
            aria-invalid=first_invalid
            bind:value=password
        />
        <p id=hint_id class="field-hint">{ui.lang.password_hint(MIN_PASSWORD_CHARS)}</p>
        <label for=again_id.clone()>{again_label}</label>
        <input
            id=again_id
            type="password"
            autocomplete="new-password"
            maxlength=MAX_PASSWORD_CHARS.to_string()
            aria-describedby=error_id
            aria-invalid=again_invalid
            bind:value=again
        />
    }
}
