//! The chip above the composer while the reply quotes a message (M1): "Replying to Ana", a line
//! of the quoted text, and a button that removes the quote (Escape in the textarea does too).

use crate::i18n::{ComposerText, MessageText};
use crate::message::{author_name, Quote};
use crate::ui::{focus_or_title, use_ui};
use leptos::prelude::*;

/// The chip's id, for the textarea's `aria-describedby`.
pub const CHIP_ID: &str = "quote-chip";

#[component]
pub fn QuoteChip(
    /// The message the reply quotes, as the chip shows it.
    quoted: Signal<Option<Quote>>,
    /// Which message the reply quotes; the button clears it.
    quoting: RwSignal<Option<u64>>,
) -> impl IntoView {
    let ui = use_ui();
    let remove = ui.lang.composer(ComposerText::RemoveQuote);
    move || {
        quoted.get().map(|q| {
            let text = if q.deleted { ui.lang.message(MessageText::MessageDeleted).to_owned() } else { q.excerpt };
            view! {
                <div id=CHIP_ID class="quote-chip" class:note=q.internal>
                    <span class="quote-chip-body">
                        <span class="quote-chip-label">{ui.lang.replying_to(&author_name(ui.lang, &q.author))}</span>
                        <span class="quote-chip-text">{text}</span>
                    </span>
                    <button type="button" id="quote-chip-remove" class="quote-chip-remove"
                        aria-label=remove title=remove
                        on:click=move |_| {
                            quoting.set(None);
                            request_animation_frame(|| focus_or_title("composer-input"));
                        }>
                        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                            <path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"/>
                        </svg>
                    </button>
                </div>
            }
        })
    }
}
