//! An inline confirmation, for what cannot be undone (removing a colleague, revoking a token,
//! deleting a response, a new identity secret): the question, the button that does it and
//! Cancel, grouped (`role="group"` named by the question) where the button that asked was.

use super::use_ui;
use crate::i18n::CommonText;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn InlineConfirm(
    /// The question's id, which names the group.
    question_id: &'static str,
    /// The question.
    question: String,
    /// The confirming button's id.
    confirm_id: &'static str,
    /// The confirming button's words.
    confirm: &'static str,
    /// Does it.
    on_confirm: Callback<()>,
    /// Cancel: asks no more.
    on_cancel: Callback<()>,
    /// In a list row: a block of its own (`div.team-confirm`); otherwise inline in a bar.
    #[prop(optional)]
    row: bool,
) -> impl IntoView {
    let ui = use_ui();
    let parts = view! {
        <span id=question_id>{question}</span>
        <button id=confirm_id type="button" class="btn danger small" on:click=move |_| on_confirm.run(())>
            {confirm}
        </button>
        <button type="button" class="btn ghost small" on:click=move |_| on_cancel.run(())>
            {ui.lang.common(CommonText::Cancel)}
        </button>
    };
    if row {
        Either::Left(view! {
            <div class="inline-confirm team-confirm" role="group" aria-labelledby=question_id>
                {parts}
            </div>
        })
    } else {
        Either::Right(view! {
            <span class="inline-confirm" role="group" aria-labelledby=question_id>{parts}</span>
        })
    }
}
