//! The inbox as the app holds it: the first rows of each list and those scrolled to, fed by the
//! inbox socket (a `Snapshot`, then `Upsert`s) and by pages; each list's exact count from the
//! snapshot, moved by each change (`InboxCounts::shift`). Which list a row belongs to and the
//! display order are core's rules (`InboxList::includes`, `sort_for_display`); this file only
//! keeps the rows.

use crate::api;
use crate::ui::Ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_browser::socket::{self, Handlers, Link, Socket};
use openline_core::ids::{AgentId, DialogId};
use openline_core::inbox::{sort_for_display, DialogSummary, InboxCounts, InboxCursor, InboxList};
use openline_core::protocol::{InboxFrame, InboxPage, ListMore};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inbox {
    /// The signed-in agent, whose lists these are.
    me: AgentId,
    dialogs: Vec<DialogSummary>,
    counts: InboxCounts,
    /// The lists that hold more rows than loaded, and where each one's next page starts.
    more: Vec<ListMore>,
    /// False until the first snapshot, so the lists can say "loading" rather than "empty".
    pub loaded: bool,
}

impl Inbox {
    pub fn new(me: AgentId) -> Self {
        Inbox {
            me,
            dialogs: Vec::new(),
            counts: InboxCounts::default(),
            more: Vec::new(),
            loaded: false,
        }
    }

    pub fn apply(&mut self, frame: InboxFrame) {
        match frame {
            InboxFrame::Snapshot { dialogs, counts, more } => {
                *self = Inbox { dialogs, counts, more, loaded: true, me: self.me.clone() };
            }
            InboxFrame::Upsert { dialog, before } => {
                self.counts.shift(before.as_ref(), &dialog, &self.me);
                self.upsert(dialog);
            }
        }
    }

    /// A newer summary replaces the old one; a late, older one is ignored.
    fn upsert(&mut self, dialog: DialogSummary) {
        match self.dialogs.iter_mut().find(|d| d.dialog_id == dialog.dialog_id) {
            Some(old) if old.last_seq > dialog.last_seq => {}
            Some(old) => *old = dialog,
            None => self.dialogs.push(dialog),
        }
    }

    /// Where `list`'s next page starts, while it holds more rows than loaded.
    pub fn more_after(&self, list: InboxList) -> Option<&InboxCursor> {
        self.more.iter().find(|m| m.list == list).map(|m| &m.after)
    }

    /// The next rows of a list, asked for from `from`. A page asked for before the inbox
    /// started over (a new snapshot) or already added is dropped. Rows the socket brought
    /// are as new as the page's or newer, so they stay.
    pub fn add_page(&mut self, from: &InboxCursor, page: InboxPage) {
        if self.more_after(page.list) != Some(from) {
            return;
        }
        for row in page.dialogs {
            if self.get(&row.dialog_id).is_none() {
                self.dialogs.push(row);
            }
        }
        self.more.retain(|m| m.list != page.list);
        if let Some(after) = page.next {
            self.more.push(ListMore { list: page.list, after });
        }
    }

    /// How many rows `list` holds, loaded or not.
    pub fn count(&self, list: InboxList) -> u64 {
        self.counts.get(list)
    }

    /// The loaded rows of `list`, newest activity first: those down to where its next page
    /// starts (rows loaded for other lists may lie further down, past rows not loaded yet).
    pub fn rows(&self, list: InboxList) -> Vec<DialogSummary> {
        let end = self.more_after(list);
        let mut rows: Vec<DialogSummary> = self
            .dialogs
            .iter()
            .filter(|d| list.includes(d, &self.me))
            .filter(|d| end.is_none_or(|end| d.position() >= *end))
            .cloned()
            .collect();
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
pub fn use_inbox(ui: Ui, me: AgentId) -> (RwSignal<Inbox>, RwSignal<bool>) {
    let inbox = RwSignal::new(Inbox::new(me));
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
            Ok(snapshot) => {
                inbox.try_update(|i| i.apply(snapshot));
            }
            Err(err) if err.is_unauthorized() => ui.report(&err),
            Err(_) => {}
        }
    });
}

/// Loads the next rows of `list`, once at a time; `loading` says a page is on its way.
pub fn load_more(ui: Ui, inbox: RwSignal<Inbox>, list: InboxList, loading: RwSignal<bool>) {
    let Some(from) = inbox.with_untracked(|i| i.more_after(list).cloned()) else { return };
    if loading.get_untracked() {
        return;
    }
    loading.set(true);
    spawn_local(async move {
        match api::inbox_page(list, &from).await {
            Ok(page) => {
                inbox.try_update(|i| i.add_page(&from, page));
            }
            Err(err) => ui.report(&err),
        }
        loading.try_set(false);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::conversation::SessionStatus;
    use openline_core::event::CloseReason;
    use openline_core::ids::{ChannelId, VisitorId};

    fn ana() -> AgentId {
        AgentId::parse("a_ana").unwrap()
    }

    /// A closed dialog `d<n>` last active at `n`.
    fn closed(n: i64) -> DialogSummary {
        DialogSummary {
            dialog_id: DialogId::parse(&format!("d{n}")).unwrap(),
            channel_id: ChannelId::parse("web").unwrap(),
            channel_name: "Website".into(),
            visitor_id: VisitorId::parse(&format!("v_{n}")).unwrap(),
            visitor_name: format!("Visitor {n}"),
            session: 1,
            status: SessionStatus::Idle,
            last_message: None,
            unread: 0,
            waiting_since: None,
            last_seq: 3,
            participants: vec![],
            pinned: false,
            last_close: Some(CloseReason::Finished),
            offered_to: vec![],
            blocked: false,
            last_mention: None,
            rating: None,
            active_at: n,
        }
    }

    fn ids(rows: &[DialogSummary]) -> Vec<&str> {
        rows.iter().map(|d| d.dialog_id.as_str()).collect()
    }

    /// Ana's inbox after a snapshot holding closed dialogs 9, 8 and 7 of 6 closed ones.
    fn first_page() -> Inbox {
        let mut inbox = Inbox::new(ana());
        let counts = InboxCounts { closed: 6, ..InboxCounts::default() };
        let more = vec![ListMore { list: InboxList::Closed, after: closed(7).position() }];
        inbox.apply(InboxFrame::Snapshot {
            dialogs: vec![closed(8), closed(9), closed(7)],
            counts,
            more,
        });
        inbox
    }

    #[test]
    fn q2_a_list_shows_its_loaded_rows_and_counts_them_all() {
        let mut inbox = first_page();
        assert_eq!(ids(&inbox.rows(InboxList::Closed)), ["d9", "d8", "d7"]);
        assert_eq!(inbox.count(InboxList::Closed), 6);

        // The next page, asked for from d7: the list ends.
        let from = closed(7).position();
        let page = InboxPage {
            list: InboxList::Closed,
            dialogs: vec![closed(5), closed(4), closed(2)],
            next: None,
        };
        inbox.add_page(&from, page.clone());
        assert_eq!(ids(&inbox.rows(InboxList::Closed)), ["d9", "d8", "d7", "d5", "d4", "d2"]);
        assert_eq!(inbox.more_after(InboxList::Closed), None);
        // The same page again (a second click) changes nothing.
        inbox.add_page(&from, page);
        assert_eq!(inbox.rows(InboxList::Closed).len(), 6);
    }

    #[test]
    fn q2_a_row_loaded_for_another_reason_waits_for_its_place_in_the_list() {
        let mut inbox = first_page();
        // A change of an old row that keeps its place (a new offer, say): it lies past rows
        // not loaded yet, so the list does not show it until its page comes.
        inbox.apply(InboxFrame::Upsert { dialog: closed(2), before: Some(closed(2)) });
        assert_eq!(ids(&inbox.rows(InboxList::Closed)), ["d9", "d8", "d7"]);
        assert_eq!(inbox.count(InboxList::Closed), 6);
    }

    #[test]
    fn q2_counts_follow_rows_the_app_never_loaded() {
        let mut inbox = first_page();
        // Dialog 4 (not loaded) reopens: it leaves Closed and waits in Unanswered.
        let reopened = DialogSummary {
            status: SessionStatus::Unanswered,
            last_seq: 4,
            active_at: 20,
            ..closed(4)
        };
        inbox.apply(InboxFrame::Upsert { dialog: reopened, before: Some(closed(4)) });
        assert_eq!(inbox.count(InboxList::Closed), 5);
        assert_eq!(inbox.count(InboxList::Unanswered), 1);
        assert_eq!(ids(&inbox.rows(InboxList::Unanswered)), ["d4"]);
        // A new dialog closes at once (a spam flood's first message, say).
        let spam =
            DialogSummary { last_close: Some(CloseReason::Spam), active_at: 21, ..closed(30) };
        inbox.apply(InboxFrame::Upsert { dialog: spam, before: None });
        assert_eq!(inbox.count(InboxList::Spam), 1);
        assert_eq!(ids(&inbox.rows(InboxList::Spam)), ["d30"]);
    }

    #[test]
    fn q2_a_page_asked_for_before_a_new_snapshot_is_dropped() {
        let mut inbox = first_page();
        let from = closed(7).position();
        // The socket reconnected meanwhile: its snapshot starts the list over, further on.
        let counts = InboxCounts { closed: 7, ..InboxCounts::default() };
        let more = vec![ListMore { list: InboxList::Closed, after: closed(8).position() }];
        inbox.apply(InboxFrame::Snapshot {
            dialogs: vec![closed(10), closed(9), closed(8)],
            counts,
            more,
        });
        let late = InboxPage { list: InboxList::Closed, dialogs: vec![closed(5)], next: None };
        inbox.add_page(&from, late);
        assert_eq!(ids(&inbox.rows(InboxList::Closed)), ["d10", "d9", "d8"]);
        assert_eq!(inbox.more_after(InboxList::Closed), Some(&closed(8).position()));
    }
}
