//! The open conversation: header (visitor, state, the actions of `dialog_actions`), the
//! notice line, the message list, the typing line and the composer. It owns the dialog's
//! socket, so opening another dialog closes this one's.

use super::actions::DialogActions;
use super::notice::DialogNotice;
use super::title::{copy_id, rename, DialogTitle, Flash, FlashLine};
use super::typing::{Typing, TypingLine};
use crate::api::socket::{self, Handlers, Socket};
use crate::api::{self, ApiError};
use crate::composer::Composer;
use crate::composer::Ready;
use crate::composer::{files_of, ready_ids, send_state, Attachments, SendState};
use crate::conversation::use_chat_names;
use crate::conversation::Commands;
use crate::conversation::DialogLog;
use crate::i18n::{CommonText, DialogText, FileText};
use crate::message::mentions::still_named;
use crate::message::ImageViewer;
use crate::message::MessageList;
use crate::message::MessageTools;
use crate::message::{fold, last_from_customer, quote_of};
use crate::ui::icons::LockIcon;
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::conversation::{Command, DialogState, SessionStatus};
use openline_core::event::CloseReason;
use openline_core::ids::{AgentId, DialogId};
use openline_core::inbox::{visitor_display_name, DialogSummary};
use openline_core::protocol::{EventsFrame, TypingFrame};
use wasm_bindgen::JsCast;

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
    // The composer's own "on its way": a message never waits for a button's command.
    let sending = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let internal = RwSignal::new(false);
    let typing = Typing::new();
    {
        let id = id.clone();
        Effect::new(move |_: Option<Socket>| {
            let socket = open_socket(ui, id.clone(), log, online, typing);
            typing.attach(socket.sender());
            socket
        });
    }
    // Every change of the draft is typing (W2); the first run is the empty draft, not typing.
    Effect::new(move |first: Option<()>| {
        let (empty, note) = (draft.with(|d| d.trim().is_empty()), internal.get());
        if first.is_some() {
            typing.typed(note, empty);
        }
    });
    let state = Memo::new(move |_| log.with(DialogLog::state));
    mark_read_as_it_shows(id.clone(), me.clone(), state);
    let open = move || state.with(DialogState::is_open);
    let name_id = id.clone();
    let name = move || {
        summary
            .get()
            .map(|s| s.visitor_name)
            .or_else(|| log.with(|l| l.visitor().map(visitor_display_name)))
            .unwrap_or_else(|| name_id.to_string())
    };
    let flash = Flash::new();
    let names = use_chat_names();
    let title_id = id.clone();
    let commands = Commands { ui, id: StoredValue::new(id), log, pending };
    let tools = MessageTools::new(ui, commands, me.clone(), state);
    let customer_name = Signal::derive(name.clone());
    let quoting = tools.quoting;
    let picked = RwSignal::new(Vec::new());
    let quoted = Signal::derive(move || {
        let seq = quoting.get()?;
        log.with(|l| quote_of(&fold(l.events()), seq))
    });
    // A hidden note may only be quoted in another note (M1, C6): the composer follows.
    Effect::new(move |_| {
        if quoted.with(|q| q.as_ref().is_some_and(|q| q.internal)) {
            internal.set(true);
        }
    });
    let attachments = Attachments::new(commands.id.get_value());
    let send = Callback::new(move |()| {
        let text = draft.get_untracked();
        match attachments.items.with_untracked(|items| send_state(&text, items)) {
            SendState::Ready => {}
            SendState::Empty => return,
            SendState::Uploading => return flash.say(ui.lang.file(FileText::Uploading).to_owned()),
        }
        let files = attachments.items.with_untracked(|items| ready_ids(items));
        let quote = quoting.get_untracked();
        let mentions = picked.with_untracked(|p| still_named(&text, p));
        let internal = internal.get_untracked();
        let post = Command::Post { text, internal, quote, mentions, files };
        typing.stopped();
        commands.run_guarded(sending, post, move || {
            draft.set(String::new());
            quoting.set(None);
            picked.set(Vec::new());
            attachments.clear();
        });
    });
    // Files dropped anywhere on the conversation are attached (C1).
    let dragging = RwSignal::new(false);
    let carries_files = |ev: &leptos::ev::DragEvent| {
        ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0))
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        if carries_files(&ev) && open() {
            ev.prevent_default();
            dragging.set(true);
        }
    };
    // Leaving for a child of the conversation is still dragging over it.
    let on_dragleave = move |ev: leptos::ev::DragEvent| {
        let node =
            |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let (to, pane) = (node(ev.related_target()), node(ev.current_target()));
        if !pane.is_some_and(|pane| pane.contains(to.as_ref())) {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        dragging.set(false);
        if carries_files(&ev) && open() {
            ev.prevent_default();
            attachments.add(files_of(ev.data_transfer().and_then(|d| d.files())));
        }
    };
    // The composer's quick commands (C3).
    let on_quick = Callback::new(move |ready: Ready| match ready {
        Ready::Quote => match log.with_untracked(|l| last_from_customer(&fold(l.events()))) {
            Some(seq) => tools.quote(seq),
            None => flash.say(ui.lang.dialog(DialogText::NothingToQuote).to_owned()),
        },
        Ready::Rename(name) => rename(ui, names, commands.id.get_value(), name, flash),
        Ready::CopyId => copy_id(ui, &commands.id.get_value(), flash),
    });
    let participants = move || {
        state.with(|s| {
            let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
            (!names.is_empty()).then(|| ui.lang.with_colleagues(&names.join(", ")))
        })
    };
    view! {
        <section class="dialog" class:dragging=move || dragging.get() aria-labelledby="dialog-title"
            on:dragover=on_dragover on:dragleave=on_dragleave on:drop=on_drop>
            <p class="drop-hint" aria-hidden="true">{ui.lang.file(FileText::DropFiles)}</p>
            <header class="dialog-header">
                <div class="dialog-who">
                    <DialogTitle id=title_id visitor=customer_name flash/>
                    <StatusPill state/>
                    <Show when=move || state.with(|s| s.blocked)>
                        <p class="blocked-badge">{ui.lang.dialog(DialogText::Blocked)}</p>
                    </Show>
                    {move || participants().map(|p| view! { <p class="participants">{p}</p> })}
                    {move || state.with(|s| s.contact.clone()).map(contact_line)}
                </div>
                <span class="link-status" role="status">
                    {move || (!online.get()).then(|| ui.lang.common(CommonText::Reconnecting))}
                </span>
                <DialogActions state me=me.clone() commands/>
                <FlashLine flash/>
            </header>
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
                <Composer draft internal pending=sending on_send=send on_quick customer_name quoting quoted
                    on_leave=Callback::new(move |()| typing.stopped()) picked attachments/>
            </Show>
            <ImageViewer lang=ui.lang viewer=tools.viewer/>
        </section>
    }
}

/// W2 read marks: what the customer wrote is read once the agent answering has it on screen.
/// Only forward, once per message; a refusal or an outage costs nothing but the mark.
fn mark_read_as_it_shows(id: DialogId, me: AgentId, state: Memo<DialogState>) {
    let marked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let up_to = state.with(|s| {
            let unread = s.is_member(&me) && s.agents_read < s.last_from_customer;
            unread.then_some(s.last_from_customer)
        });
        let Some(up_to) = up_to.filter(|up_to| *up_to > marked.get_value()) else { return };
        if document().hidden() {
            return;
        }
        marked.set_value(up_to);
        let id = id.clone();
        spawn_local(async move {
            let _ = api::post_command(&id, Command::MarkRead { up_to }).await;
        });
    });
}

/// How to reach the customer, as they told (W4): email and phone as links.
fn contact_line(contact: openline_core::contact::Contact) -> impl IntoView {
    let email = (!contact.email.is_empty()).then(|| {
        let href = format!("mailto:{}", contact.email);
        view! { <a id="contact-email" href=href>{contact.email.clone()}</a> }
    });
    let phone = (!contact.phone.is_empty()).then(|| {
        let digits: String =
            contact.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        view! { <a id="contact-phone" href=format!("tel:{digits}")>{contact.phone.clone()}</a> }
    });
    (email.is_some() || phone.is_some())
        .then(|| view! { <p class="contact-line">{email} {phone}</p> })
}

/// Who has the session: waiting, answered by someone (with a lock when locked), or closed.
#[component]
fn StatusPill(
    /// The session's state.
    state: Memo<DialogState>,
) -> impl IntoView {
    let ui = use_ui();
    let status = move || {
        state.with(|s| match &s.status {
            SessionStatus::Unanswered => {
                ("unanswered", ui.lang.dialog(DialogText::StatusUnanswered).to_owned())
            }
            SessionStatus::InProgress { agent_name, .. } => {
                ("open", ui.lang.in_progress(agent_name))
            }
            SessionStatus::Idle if s.last_close == Some(CloseReason::Spam) => {
                ("closed", ui.lang.dialog(DialogText::StatusSpam).to_owned())
            }
            SessionStatus::Idle => ("closed", ui.lang.dialog(DialogText::StatusClosed).to_owned()),
        })
    };
    let pinned = move || state.with(|s| s.pinned);
    view! {
        <p class=move || format!("status-pill {}", status().0)>
            {move || pinned().then(|| view! {
                <LockIcon/>
                <span class="sr-only">{ui.lang.dialog(DialogText::Locked)} ", "</span>
            })}
            {move || status().1}
        </p>
    }
}

/// The dialog's socket: everything first (`reset`), then live frames; after a drop it resumes
/// with `after=<last seq>` so nothing is missed or repeated. The browser sends the session
/// cookie with the upgrade; the edge checks it and the page's `Origin`.
fn open_socket(
    ui: Ui,
    id: DialogId,
    log: RwSignal<DialogLog>,
    online: RwSignal<bool>,
    typing: Typing,
) -> Socket {
    let url_id = id.clone();
    Socket::open(Handlers {
        url: Box::new(move || {
            let mut path = format!("/api/agent/dialogs/{url_id}/socket");
            if let Some(after) = log.try_with_untracked(DialogLog::resume_after).flatten() {
                path.push_str(&format!("?after={after}"));
            }
            socket::url(&path)
        }),
        on_text: Box::new(move |text| {
            if let Ok(frame) = serde_json::from_str::<EventsFrame>(&text) {
                typing.events(&frame.events);
                log.try_update(|l| l.apply_frame(frame));
            } else if let Ok(frame) = serde_json::from_str::<TypingFrame>(&text) {
                typing.received(frame);
            }
        }),
        on_link: Box::new(move |up| {
            online.try_set(up);
            if !up {
                probe(ui, id.clone(), log);
            }
        }),
    })
}

/// While the socket is down, catch up over HTTP; this also surfaces a 401 (back to login) or a
/// dialog that does not exist, which a socket cannot tell us.
fn probe(ui: Ui, id: DialogId, log: RwSignal<DialogLog>) {
    let after = log.try_with_untracked(DialogLog::resume_after).flatten();
    spawn_local(async move {
        match api::dialog_events(&id, after).await {
            Ok(frame) => {
                log.try_update(|l| l.apply_frame(frame));
            }
            Err(ApiError::Network) => {}
            Err(err) => {
                // Retries repeat the same refusal: say it once.
                let shown = ui.alert.try_get_untracked().flatten();
                if shown.as_deref() != err.server_message() {
                    ui.report(&err);
                }
            }
        }
    });
}
