//! The inbox as the app holds it: one `DialogSummary` per dialog, fed by the inbox socket (a
//! `Snapshot`, then `Upsert`s). Which list a row belongs to and the display order are core's
//! rules (`InboxList::includes`, `sort_for_display`); this file only keeps the rows.

use crate::api;
use crate::ui::Ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_browser::socket::{self, Handlers, Link, Socket};
use openline_core::ids::{AgentId, DialogId};
use openline_core::inbox::{sort_for_display, DialogSummary, InboxList};
use openline_core::protocol::InboxFrame;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inbox {
    dialogs: Vec<DialogSummary>,
    /// False until the first snapshot, so the lists can say "loading" rather than "empty".
    pub loaded: bool,
}

impl Inbox {
    pub fn apply(&mut self, frame: InboxFrame) {
        match frame {
            InboxFrame::Snapshot { dialogs } => self.replace(dialogs),
            InboxFrame::Upsert { dialog } => self.upsert(dialog),
        }
    }

    pub fn replace(&mut self, dialogs: Vec<DialogSummary>) {
        self.dialogs = dialogs;
        self.loaded = true;
    }

    /// A newer summary replaces the old one; a late, older one is ignored.
    pub fn upsert(&mut self, dialog: DialogSummary) {
        match self.dialogs.iter_mut().find(|d| d.dialog_id == dialog.dialog_id) {
            Some(old) if old.last_seq > dialog.last_seq => {}
            Some(old) => *old = dialog,
            None => self.dialogs.push(dialog),
        }
    }

    pub fn count(&self, list: InboxList, me: &AgentId) -> usize {
        self.dialogs.iter().filter(|d| list.includes(d, me)).count()
    }

    /// The rows of `list`, newest activity first.
    pub fn rows(&self, list: InboxList, me: &AgentId) -> Vec<DialogSummary> {
        let mut rows: Vec<DialogSummary> =
            self.dialogs.iter().filter(|d| list.includes(d, me)).cloned().collect();
        sort_for_display(&mut rows);
        rows
    }

    pub fn get(&self, id: &DialogId) -> Option<&DialogSummary> {
        self.dialogs.iter().find(|d| &d.dialog_id == id)
    }
}

/// The live inbox and whether its socket is connected. The socket lives as long as the
/// caller's owner (the signed-in shell).
/// The browser sends the session cookie with the socket's upgrade.
pub fn use_inbox(ui: Ui) -> (RwSignal<Inbox>, RwSignal<bool>) {
    let inbox = RwSignal::new(Inbox::default());
    let online = RwSignal::new(true);
    // The effect reads no signal, so it runs once; its value (the socket) is dropped, and the
    // socket closed, when the shell goes away.
    Effect::new(move |_: Option<Socket>| {
        Socket::open(Handlers {
            url: Box::new(|| socket::url("/api/agent/inbox/socket")),
            on_text: Box::new(move |text| {
                if let Ok(frame) = serde_json::from_str::<InboxFrame>(&text) {
                    inbox.try_update(|i| i.apply(frame));
                }
            }),
            on_link: Box::new(move |link| {
                online.try_set(link == Link::Live);
                if link != Link::Live {
                    probe(ui, inbox);
                }
            }),
        })
    });
    (inbox, online)
}

/// While the socket is down, ask over HTTP: it tells a 401 apart from a network failure and
/// keeps the lists fresh. Network errors stay quiet (the "Reconnecting…" line says enough).
fn probe(ui: Ui, inbox: RwSignal<Inbox>) {
    spawn_local(async move {
        match api::inbox().await {
            Ok(dialogs) => {
                inbox.try_update(|i| i.replace(dialogs));
            }
            Err(err) if err.is_unauthorized() => ui.report(&err),
            Err(_) => {}
        }
    });
}
