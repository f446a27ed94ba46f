//! The dialog's socket: everything first, then live frames, resumed after a drop with
//! `after=<last seq>`; while it is down, the same catch-up over HTTP. Its frames feed the
//! dialog's log and its typing line.

use super::typing::Typing;
use crate::api::{self, ApiError};
use crate::conversation::DialogLog;
use crate::ui::Ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_browser::socket::{self, Handlers, Link, Socket};
use openline_core::ids::DialogId;
use openline_core::protocol::{path, EventsFrame, TypingFrame};

/// Opens the dialog's socket for as long as the caller's owner lives (the open dialog), and
/// lets the typing line send on it.
pub fn connect(
    ui: Ui,
    id: DialogId,
    log: RwSignal<DialogLog>,
    online: RwSignal<bool>,
    typing: Typing,
) {
    Effect::new(move |_: Option<Socket>| {
        let socket = open_socket(ui, id.clone(), log, online, typing);
        typing.attach(socket.sender());
        socket
    });
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
            let mut path = path::dialog_socket(&url_id);
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
        on_link: Box::new(move |link| {
            online.try_set(link == Link::Live);
            if link != Link::Live {
                probe(ui, id.clone(), log);
            }
        }),
    })
}

/// While the socket is down, catch up over HTTP; this also surfaces a 401 (back to login) or a
/// dialog that does not exist, which a socket cannot tell us.
fn probe(ui: Ui, id: DialogId, log: RwSignal<DialogLog>) {
    spawn_local(async move {
        // Page after page until the end of the log (a long dialog's catch-up has several).
        loop {
            let after = log.try_with_untracked(DialogLog::resume_after).flatten();
            match api::dialog_events(&id, after).await {
                Ok(frame) => {
                    let more = frame.more && !frame.events.is_empty();
                    log.try_update(|l| l.apply_frame(frame));
                    if !more {
                        return;
                    }
                }
                Err(ApiError::Network) => return,
                Err(err) => {
                    // Retries repeat the same refusal: say it once.
                    let shown = ui.alert.try_get_untracked().flatten();
                    if shown.as_deref() != err.server_message() {
                        ui.report(&err);
                    }
                    return;
                }
            }
        }
    });
}
