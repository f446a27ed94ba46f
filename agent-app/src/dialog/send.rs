//! What the composer hands to the dialog: the draft to send as a message (with its quote,
//! mentions and files), and the quick commands to run (C3).

use super::flash::Flash;
use super::title::{copy_id, rename};
use super::typing::Typing;
use crate::composer::{ready_ids, send_state, Draft, Ready, SendState};
use crate::conversation::use_chat_names;
use crate::i18n::{DialogText, FileText};
use crate::message::mentions::still_named;
use crate::message::{fold, last_from_customer, MessageTools};
use crate::ui::Ui;
use leptos::prelude::*;
use openline_core::conversation::Command;

/// Sends the draft as a message, unless it is empty or its files are still uploading; it is
/// cleared once the server took it.
pub fn on_send(
    ui: Ui,
    draft: Draft,
    tools: MessageTools,
    typing: Typing,
    flash: Flash,
) -> Callback<()> {
    Callback::new(move |()| {
        let text = draft.text.get_untracked();
        match draft.attachments.items.with_untracked(|items| send_state(&text, items)) {
            SendState::Ready => {}
            SendState::Empty => return,
            SendState::Uploading => return flash.say(ui.lang.file(FileText::Uploading).to_owned()),
        }
        let files = draft.attachments.items.with_untracked(|items| ready_ids(items));
        let quote = draft.quoting.get_untracked();
        let mentions = draft.picked.with_untracked(|p| still_named(&text, p));
        let internal = draft.internal.get_untracked();
        let post = Command::Post { text, internal, quote, mentions, files };
        typing.stopped();
        tools.commands.run_guarded(draft.sending, post, move || draft.clear());
    })
}

/// Runs the composer's quick commands (C3): `/quote` the customer's last message, `/rename`
/// the chat for me, `/id` copies its ID; the header says how it went.
pub fn on_quick(ui: Ui, tools: MessageTools, flash: Flash) -> Callback<Ready> {
    let names = use_chat_names();
    let commands = tools.commands;
    Callback::new(move |ready: Ready| match ready {
        Ready::Quote => {
            match commands.log.with_untracked(|l| last_from_customer(&fold(l.events()))) {
                Some(seq) => tools.quote(seq),
                None => flash.say(ui.lang.dialog(DialogText::NothingToQuote).to_owned()),
            }
        }
        Ready::Rename(name) => rename(ui, names, commands.id.get_value(), name, flash),
        Ready::CopyId => copy_id(ui, &commands.id.get_value(), flash),
    })
}
