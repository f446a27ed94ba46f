//! What the agent is writing in the open conversation: the text, whether it is a hidden note,
//! the message it quotes (M1), the colleagues picked from the `@` list (C2) and the files going
//! with it (C1). The composer edits it; the dialog sends it and clears it once the server took
//! it.

use super::attachments::Attachments;
use leptos::prelude::*;
use openline_core::event::AgentRef;
use openline_core::ids::DialogId;

/// One dialog's draft. `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
pub struct Draft {
    /// The text being written.
    pub text: RwSignal<String>,
    /// Whether the text is a hidden note.
    pub internal: RwSignal<bool>,
    /// The message the reply quotes, if any (M1).
    pub quoting: RwSignal<Option<u64>>,
    /// The colleagues picked from the `@` list while writing (C2).
    pub picked: RwSignal<Vec<AgentRef>>,
    /// The files going with the message (C1).
    pub attachments: Attachments,
    /// The message is on its way; sending waits. The composer's own, so a message never waits
    /// for a button's command.
    pub sending: RwSignal<bool>,
}

impl Draft {
    pub fn new(dialog: DialogId) -> Draft {
        Draft {
            text: RwSignal::new(String::new()),
            internal: RwSignal::new(false),
            quoting: RwSignal::new(None),
            picked: RwSignal::new(Vec::new()),
            attachments: Attachments::new(dialog),
            sending: RwSignal::new(false),
        }
    }

    /// The message went: the text, the quote, the mentions and the files with it.
    pub fn clear(&self) {
        self.text.set(String::new());
        self.quoting.set(None);
        self.picked.set(Vec::new());
        self.attachments.clear();
    }
}
