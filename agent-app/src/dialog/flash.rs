//! The dialog header's status line (`#dialog-flash`): the last confirmation of the chat's own
//! tools ("Renamed…", "Chat ID copied…", C3) or a word about sending, for a few seconds.

use leptos::prelude::*;
use std::time::Duration;

const FLASH_MS: u64 = 8_000;

/// The header's status line (`#dialog-flash`): the last confirmation, for a few seconds.
#[derive(Clone, Copy)]
pub struct Flash(RwSignal<Option<String>>);

impl Flash {
    pub fn new() -> Flash {
        Flash(RwSignal::new(None))
    }

    pub fn say(&self, text: String) {
        let signal = self.0;
        signal.set(Some(text.clone()));
        set_timeout(
            move || {
                if signal.try_get_untracked().flatten().as_deref() == Some(text.as_str()) {
                    signal.try_set(None);
                }
            },
            Duration::from_millis(FLASH_MS),
        );
    }
}

/// The header's status line: below the whole header, as wide as it.
#[component]
pub fn FlashLine(
    /// What it says.
    flash: Flash,
) -> impl IntoView {
    view! { <p id="dialog-flash" class="dialog-flash" role="status">{move || flash.0.get()}</p> }
}
