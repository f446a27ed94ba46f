//! The open conversation: header (`header`), the notice line, the message list, the typing
//! line and the composer, with files dropped anywhere on it attached (`file_drop`), and the
//! customer's contact card beside it (`crm::ContactPanel`). It owns the
//! dialog's socket (`socket`), so opening another dialog closes this one's, and the draft the
//! composer writes (`send` turns it into a message).

use super::file_drop::FileDrop;
use super::flash::Flash;
use super::header::DialogHeader;
use super::notice::DialogNotice;
use super::read_marks::mark_read_as_it_shows;
use super::send::{on_quick, on_send};
use super::socket;
use super::typing::{Typing, TypingLine};
use crate::composer::{Composer, Draft};
use crate::conversation::{Commands, DialogLog};
use crate::crm::ContactPanel;
use crate::i18n::{DialogText, FileText};
use crate::message::{fold, quote_of, ImageViewer, MessageList, MessageTools, Quote};
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::conversation::DialogState;
use openline_core::ids::{AgentId, DialogId};
use openline_core::inbox::{visitor_display_name, DialogSummary};

#[component]
pub fn DialogPane(
    /// The dialog to show.
    id: DialogId,
    /// Its inbox row, when the inbox has one (for the visitor's name).
    summary: Memo<Option<DialogSummary>>,
    /// The signed-in agent.
    me: AgentId,
) -> impl IntoView {
    let ui = use_ui();
    let log = RwSignal::new(DialogLog::default());
    let online = RwSignal::new(true);
    let pending = RwSignal::new(false);
    let draft = Draft::new(id.clone());
    let typing = Typing::new();
    socket::connect(ui, id.clone(), log, online, typing);
    typing.follow(draft.text, draft.internal);
    let state = Memo::new(move |_| log.with(DialogLog::state));
    mark_read_as_it_shows(id.clone(), me.clone(), state);
    let open = move || state.with(DialogState::is_open);
    let shared = Memo::new(move |_| state.with(|s| s.contact.clone()));
    let contact_dialog = id.clone();
    let customer_name = customer_name(id.clone(), summary, log);
    let flash = Flash::new();
    let commands = Commands { ui, id: StoredValue::new(id.clone()), log, pending };
    let tools = MessageTools::new(ui, commands, me.clone(), state, draft.quoting);
    let quoted = quoted(log, draft);
    let drop = FileDrop::new(draft.attachments);
    let (send, quick) = (on_send(ui, draft, tools, typing, flash), on_quick(ui, tools, flash));
    view! {
        <section class="dialog" class:dragging=move || drop.dragging.get() aria-labelledby="dialog-title"
            on:dragover=move |ev| drop.over(ev, open) on:dragleave=move |ev| drop.leave(ev)
            on:drop=move |ev| drop.drop(ev, open)>
            <p class="drop-hint" aria-hidden="true">{ui.lang.file(FileText::DropFiles)}</p>
            <DialogHeader id visitor=customer_name flash state online me=me.clone() commands/>
            <DialogNotice log me/>
            <MessageList log tools/>
            <TypingLine typing/>
            <Show when=open fallback=move || view! {
                <Show when=move || log.with(|l| l.loaded)>
                    <p class="closed-notice">
                        {move || ui.lang.dialog(if state.with(|s| s.blocked) { DialogText::BlockedNotice } else { DialogText::ClosedNotice })}
                    </p>
                </Show>
            }>
                <Composer draft quoted customer_name on_send=send on_quick=quick
                    on_leave=Callback::new(move |()| typing.stopped())/>
            </Show>
            <ImageViewer lang=ui.lang viewer=tools.viewer/>
        </section>
        <ContactPanel dialog=contact_dialog shared/>
    }
}

/// The customer's name as the header and `{customer_name}` say it: the inbox row's, else the
/// one the log names, else the dialog's id.
fn customer_name(
    id: DialogId,
    summary: Memo<Option<DialogSummary>>,
    log: RwSignal<DialogLog>,
) -> Signal<String> {
    Signal::derive(move || {
        summary
            .get()
            .map(|s| s.visitor_name)
            .or_else(|| log.with(|l| l.visitor().map(visitor_display_name)))
            .unwrap_or_else(|| id.to_string())
    })
}

/// The message the draft quotes, as the chip shows it. A hidden note may only be quoted in
/// another note (M1, C6): the draft becomes one.
fn quoted(log: RwSignal<DialogLog>, draft: Draft) -> Signal<Option<Quote>> {
    let quoting = draft.quoting;
    let quoted = Signal::derive(move || {
        let seq = quoting.get()?;
        log.with(|l| quote_of(&fold(l.events()), seq))
    });
    Effect::new(move |_| {
        if quoted.with(|q| q.as_ref().is_some_and(|q| q.internal)) {
            draft.internal.set(true);
        }
    });
    quoted
}
