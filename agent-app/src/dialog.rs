//! The open conversation: header (visitor, state, Answer / Finish), the message list and the
//! composer. It owns the dialog's socket, so opening another dialog closes this one's.
//!
//! What the buttons offer follows the state folded from the events (`DialogLog::state`); the
//! server still decides (`core::decide`), and a refusal (say, another agent answered first)
//! comes back as an alert with the server's message.

use crate::api::{self, ApiError};
use crate::app::{use_ui, Ui};
use crate::composer::Composer;
use crate::dialog_log::DialogLog;
use crate::i18n::Text;
use crate::messages::MessageList;
use crate::socket::{self, Handlers, Socket};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::conversation::{Command, SessionStatus};
use openline_core::ids::DialogId;
use openline_core::inbox::{visitor_display_name, DialogSummary};
use openline_core::protocol::EventsFrame;

#[component]
pub fn DialogPane(
    /// The dialog to show.
    id: DialogId,
    /// Its inbox row, when the inbox has one (for the visitor's name).
    summary: Memo<Option<DialogSummary>>,
) -> impl IntoView {
    let ui = use_ui();
    let token = ui.token().unwrap_or_default();
    let log = RwSignal::new(DialogLog::default());
    let online = RwSignal::new(true);
    let pending = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let internal = RwSignal::new(false);
    {
        let (id, token) = (id.clone(), token.clone());
        Effect::new(move |_: Option<Socket>| {
            open_socket(ui, token.clone(), id.clone(), log, online)
        });
    }
    let state = Memo::new(move |_| log.with(DialogLog::state));
    let name_id = id.clone();
    let name = move || {
        summary
            .get()
            .map(|s| s.visitor_name)
            .or_else(|| log.with(|l| l.visitor().map(visitor_display_name)))
            .unwrap_or_else(|| name_id.to_string())
    };
    let status = move || match state.get().status {
        SessionStatus::Unanswered => ("unanswered", ui.t(Text::StatusUnanswered).to_owned()),
        SessionStatus::InProgress { agent_name, .. } => ("open", ui.lang.in_progress(&agent_name)),
        SessionStatus::Idle => ("closed", ui.t(Text::StatusClosed).to_owned()),
    };
    let command = Commands { ui, id, log, pending };
    let (on_answer, on_finish) = (command.clone(), command.clone());
    let send = Callback::new(move |()| {
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let post = Command::Post { text, internal: internal.get_untracked() };
        command.run(post, move || draft.set(String::new()));
    });
    let answer = move |_| on_answer.run(Command::Answer, focus_composer);
    let finish = move |_| on_finish.run(Command::Finish, || {});
    let unanswered = move || state.with(|s| s.status == SessionStatus::Unanswered);
    let open = move || state.with(|s| s.is_open());
    view! {
        <section class="dialog" aria-labelledby="dialog-title">
            <header class="dialog-header">
                <div class="dialog-who">
                    <h2 id="dialog-title">{name}</h2>
                    <p class=move || format!("status-pill {}", status().0)>{move || status().1}</p>
                </div>
                <div class="dialog-actions">
                    <span class="link-status" role="status">
                        {move || (!online.get()).then(|| ui.t(Text::Reconnecting))}
                    </span>
                    <Show when=unanswered>
                        <button id="action-answer" type="button" class="btn primary"
                            disabled=move || pending.get() on:click=answer.clone()>
                            {ui.t(Text::Answer)}
                        </button>
                    </Show>
                    <Show when=open>
                        <button id="action-finish" type="button" class="btn"
                            disabled=move || pending.get() on:click=finish.clone()>
                            {ui.t(Text::Finish)}
                        </button>
                    </Show>
                </div>
            </header>
            <MessageList log/>
            <Show when=open fallback=move || view! {
                <Show when=move || log.with(|l| l.loaded)>
                    <p class="closed-notice">{ui.t(Text::ClosedNotice)}</p>
                </Show>
            }>
                <Composer draft internal pending on_send=send/>
            </Show>
        </section>
    }
}

/// Sends commands to one dialog: one at a time, reply merged, failure reported.
#[derive(Clone)]
struct Commands {
    ui: Ui,
    id: DialogId,
    log: RwSignal<DialogLog>,
    pending: RwSignal<bool>,
}

impl Commands {
    fn run(&self, command: Command, on_ok: impl FnOnce() + 'static) {
        let Some(token) = self.ui.token() else {
            return;
        };
        if self.pending.get_untracked() {
            return;
        }
        let Commands { ui, id, log, pending } = self.clone();
        ui.alert.set(None);
        pending.set(true);
        spawn_local(async move {
            let result = api::post_command(&token, &id, command).await;
            pending.try_set(false);
            match result {
                Ok(reply) => {
                    log.try_update(|l| l.merge(reply.events));
                    on_ok();
                }
                Err(err) => ui.report(&err),
            }
        });
    }
}

/// The dialog's socket: everything first (`reset`), then live frames; after a drop it resumes
/// with `after=<last seq>` so nothing is missed or repeated.
fn open_socket(
    ui: Ui,
    token: String,
    id: DialogId,
    log: RwSignal<DialogLog>,
    online: RwSignal<bool>,
) -> Socket {
    let url_token = token.clone();
    let url_id = id.clone();
    Socket::open(Handlers {
        url: Box::new(move || {
            let mut path =
                format!("/api/agent/dialogs/{url_id}/socket?token={}", socket::encode(&url_token));
            if let Some(after) = log.try_with_untracked(DialogLog::resume_after).flatten() {
                path.push_str(&format!("&after={after}"));
            }
            socket::url(&path)
        }),
        on_text: Box::new(move |text| {
            if let Ok(frame) = serde_json::from_str::<EventsFrame>(&text) {
                log.try_update(|l| l.apply_frame(frame));
            }
        }),
        on_link: Box::new(move |up| {
            online.try_set(up);
            if !up {
                probe(ui, token.clone(), id.clone(), log);
            }
        }),
    })
}

/// While the socket is down, catch up over HTTP; this also surfaces a 401 (back to login) or a
/// dialog that does not exist, which a socket cannot tell us.
fn probe(ui: Ui, token: String, id: DialogId, log: RwSignal<DialogLog>) {
    let after = log.try_with_untracked(DialogLog::resume_after).flatten();
    spawn_local(async move {
        match api::dialog_events(&token, &id, after).await {
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

fn focus_composer() {
    if let Some(el) = document().get_element_by_id("composer-input") {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}
