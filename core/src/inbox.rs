//! The inbox: one summary row per dialog, kept by the workspace, and the agents' lists (Q2).
//!
//! A dialog sends its summary after every change; messages themselves never pass through the
//! workspace.

use crate::contact::Rating;
use crate::conversation::{DialogState, LastMessage, Mention, SessionStatus};
use crate::event::CloseReason;
use crate::ids::{AgentId, ChannelId, DialogId, VisitorId};
use serde::{Deserialize, Serialize};

/// A wire and disk type: add fields with defaults only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogSummary {
    pub dialog_id: DialogId,
    pub channel_id: ChannelId,
    /// Filled in by the workspace, which knows its channels; empty from the dialog.
    #[serde(default)]
    pub channel_name: String,
    pub visitor_id: VisitorId,
    pub visitor_name: String,
    pub session: u32,
    pub status: SessionStatus,
    pub last_message: Option<LastMessage>,
    pub unread: u32,
    pub waiting_since: Option<i64>,
    pub last_seq: u64,
    /// Invited colleagues (Q9): the session is in their "Mine" list too.
    #[serde(default)]
    pub participants: Vec<AgentId>,
    #[serde(default)]
    pub pinned: bool,
    /// How the last session ended, while none is open.
    #[serde(default)]
    pub last_close: Option<CloseReason>,
    /// Who a waiting session is offered to (Q13), filled in by the workspace; empty: anyone.
    #[serde(default)]
    pub offered_to: Vec<AgentId>,
    /// The customer is blocked (Q6).
    #[serde(default)]
    pub blocked: bool,
    /// The latest message mentioning colleagues (C2), so they are told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_mention: Option<Mention>,
    /// The customer's rating of their last finished session (W4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// When the dialog last changed (ms), stamped by the workspace as the summary arrives: the
    /// lists' order and their paging position. 0 from the dialog.
    #[serde(default)]
    pub active_at: i64,
}

impl DialogSummary {
    pub fn new(
        dialog_id: DialogId,
        channel_id: ChannelId,
        visitor_id: VisitorId,
        state: &DialogState,
    ) -> Self {
        DialogSummary {
            // The name the customer gave (W4), else one made from their id.
            visitor_name: state
                .contact
                .as_ref()
                .map(|c| c.name.clone())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| visitor_display_name(&visitor_id)),
            dialog_id,
            channel_id,
            channel_name: String::new(),
            visitor_id,
            session: state.session,
            status: state.status.clone(),
            last_message: state.last_message.clone(),
            unread: state.unread,
            waiting_since: state.waiting_since,
            last_seq: state.last_seq,
            participants: state.participants.iter().map(|p| p.id.clone()).collect(),
            pinned: state.pinned,
            last_close: state.last_close,
            offered_to: Vec::new(),
            blocked: state.blocked,
            last_mention: state.last_mention.clone(),
            rating: state.last_rating,
            active_at: 0,
        }
    }

    /// Where the row stands in every list: newest activity first, then by id (two rows may
    /// change in the same millisecond).
    pub fn position(&self) -> InboxCursor {
        InboxCursor { active_at: self.active_at, dialog_id: self.dialog_id.clone() }
    }
}

/// The lists of the contact center (Q2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InboxList {
    /// New, nobody answered yet.
    Unanswered,
    /// In progress, answered by me or with me invited.
    Mine,
    /// Every open session, whoever has it.
    AllOpen,
    /// Finished (not spam).
    Closed,
    /// Closed as spam (Q6).
    Spam,
}

impl InboxList {
    pub const ALL: [InboxList; 5] = [
        InboxList::Unanswered,
        InboxList::Mine,
        InboxList::AllOpen,
        InboxList::Closed,
        InboxList::Spam,
    ];

    /// The shelves this list draws from, for every agent: a store picks a list's candidates by
    /// shelf, then keeps those `includes` accepts for the agent asking.
    pub fn shelves(self) -> &'static [Shelf] {
        match self {
            InboxList::Unanswered => &[Shelf::Unanswered],
            InboxList::Mine => &[Shelf::InProgress],
            InboxList::AllOpen => &[Shelf::Unanswered, Shelf::InProgress],
            InboxList::Closed => &[Shelf::Closed],
            InboxList::Spam => &[Shelf::Spam],
        }
    }

    /// Its name on the wire (`?list=`).
    pub fn as_str(self) -> &'static str {
        match self {
            InboxList::Unanswered => "unanswered",
            InboxList::Mine => "mine",
            InboxList::AllOpen => "all_open",
            InboxList::Closed => "closed",
            InboxList::Spam => "spam",
        }
    }

    pub fn parse(name: &str) -> Option<InboxList> {
        InboxList::ALL.into_iter().find(|list| list.as_str() == name)
    }

    pub fn includes(self, dialog: &DialogSummary, me: &AgentId) -> bool {
        let is_spam = dialog.last_close == Some(CloseReason::Spam);
        match (self, &dialog.status) {
            (InboxList::Unanswered, SessionStatus::Unanswered) => {
                dialog.offered_to.is_empty() || dialog.offered_to.contains(me)
            }
            (InboxList::Mine, SessionStatus::InProgress { agent, .. }) => {
                agent == me || dialog.participants.contains(me)
            }
            (InboxList::AllOpen, status) => *status != SessionStatus::Idle,
            (InboxList::Closed, SessionStatus::Idle) => dialog.session > 0 && !is_spam,
            (InboxList::Spam, SessionStatus::Idle) => is_spam,
            _ => false,
        }
    }
}

/// Which lists a row can be in, whoever looks: the part of a list's rule that does not depend on
/// the agent, so a store can index it (the workspace keeps it in a column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shelf {
    Unanswered,
    InProgress,
    Closed,
    Spam,
    /// A dialog that never had a session: in no list.
    Unlisted,
}

impl Shelf {
    pub fn of(dialog: &DialogSummary) -> Shelf {
        match &dialog.status {
            SessionStatus::Unanswered => Shelf::Unanswered,
            SessionStatus::InProgress { .. } => Shelf::InProgress,
            SessionStatus::Idle if dialog.last_close == Some(CloseReason::Spam) => Shelf::Spam,
            SessionStatus::Idle if dialog.session > 0 => Shelf::Closed,
            SessionStatus::Idle => Shelf::Unlisted,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Shelf::Unanswered => "unanswered",
            Shelf::InProgress => "in_progress",
            Shelf::Closed => "closed",
            Shelf::Spam => "spam",
            Shelf::Unlisted => "unlisted",
        }
    }
}

/// A position in a list: rows strictly older than it come next.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct InboxCursor {
    pub active_at: i64,
    pub dialog_id: DialogId,
}

/// How many rows each list holds for one agent, exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxCounts {
    pub unanswered: u64,
    pub mine: u64,
    pub all_open: u64,
    pub closed: u64,
    pub spam: u64,
}

impl InboxCounts {
    pub fn get(&self, list: InboxList) -> u64 {
        let mut copy = *self;
        *copy.slot(list)
    }

    fn slot(&mut self, list: InboxList) -> &mut u64 {
        match list {
            InboxList::Unanswered => &mut self.unanswered,
            InboxList::Mine => &mut self.mine,
            InboxList::AllOpen => &mut self.all_open,
            InboxList::Closed => &mut self.closed,
            InboxList::Spam => &mut self.spam,
        }
    }

    /// Counts `dialog` in each of `me`'s lists that include it.
    pub fn add(&mut self, dialog: &DialogSummary, me: &AgentId) {
        for list in InboxList::ALL.into_iter().filter(|l| l.includes(dialog, me)) {
            *self.slot(list) += 1;
        }
    }

    /// A row changed from `before` (none: a new dialog) to `after`: the counts follow, so an
    /// app keeps exact counts for lists it holds only the first rows of.
    pub fn shift(&mut self, before: Option<&DialogSummary>, after: &DialogSummary, me: &AgentId) {
        for list in InboxList::ALL {
            let was = before.is_some_and(|b| list.includes(b, me));
            match (was, list.includes(after, me)) {
                (false, true) => *self.slot(list) += 1,
                (true, false) => *self.slot(list) = self.get(list).saturating_sub(1),
                _ => {}
            }
        }
    }
}

/// Until the customer gives a name (pre-chat form, a later issue), a short stable label.
pub fn visitor_display_name(visitor: &VisitorId) -> String {
    let id = visitor.as_str();
    let tail: String = id.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    format!("Visitor {}", tail.to_uppercase())
}

/// Newest activity first, so the list reads like a messenger; the order the workspace pages in.
pub fn sort_for_display(dialogs: &mut [DialogSummary]) {
    dialogs.sort_by_key(|d| std::cmp::Reverse(d.position()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(status: SessionStatus, session: u32) -> DialogSummary {
        DialogSummary {
            dialog_id: DialogId::parse("d1").unwrap(),
            channel_id: ChannelId::parse("web").unwrap(),
            channel_name: "Website".into(),
            visitor_id: VisitorId::parse("v_abcd1234").unwrap(),
            visitor_name: "Visitor 1234".into(),
            session,
            status,
            last_message: None,
            unread: 0,
            waiting_since: None,
            last_seq: 0,
            participants: vec![],
            pinned: false,
            last_close: None,
            offered_to: vec![],
            blocked: false,
            last_mention: None,
            rating: None,
            active_at: 0,
        }
    }

    #[test]
    fn q2_each_dialog_is_in_the_list_its_state_says() {
        let ana = AgentId::parse("a_ana").unwrap();
        let luis = AgentId::parse("a_luis").unwrap();
        let in_progress =
            |a: &AgentId| SessionStatus::InProgress { agent: a.clone(), agent_name: "x".into() };
        use InboxList::*;
        // (status, session, invited, last close, lists Ana sees it in)
        let cases = [
            (SessionStatus::Unanswered, 1, vec![], None, vec![Unanswered, AllOpen]),
            (in_progress(&ana), 1, vec![], None, vec![Mine, AllOpen]),
            (in_progress(&luis), 1, vec![], None, vec![AllOpen]),
            (in_progress(&luis), 1, vec![ana.clone()], None, vec![Mine, AllOpen]),
            (SessionStatus::Idle, 2, vec![], Some(CloseReason::Finished), vec![Closed]),
            (SessionStatus::Idle, 2, vec![], Some(CloseReason::Spam), vec![Spam]),
            (SessionStatus::Idle, 0, vec![], None, vec![]),
        ];
        let offered = |to: &AgentId| DialogSummary {
            offered_to: vec![to.clone()],
            ..summary(SessionStatus::Unanswered, 1)
        };
        assert!(Unanswered.includes(&offered(&ana), &ana), "q13: offered to me");
        assert!(!Unanswered.includes(&offered(&luis), &ana), "q13: offered to a colleague");
        assert!(AllOpen.includes(&offered(&luis), &ana));
        for (status, session, participants, last_close, expected) in cases {
            let d = DialogSummary { participants, last_close, ..summary(status, session) };
            let lists: Vec<InboxList> =
                InboxList::ALL.into_iter().filter(|l| l.includes(&d, &ana)).collect();
            assert_eq!(lists, expected, "{:?}", d.status);
        }
    }

    /// Every status × session × spam × owner × invitation × offer an agent's lists can see.
    fn every_kind_of_row() -> Vec<DialogSummary> {
        let (ana, luis) = (AgentId::parse("a_ana").unwrap(), AgentId::parse("a_luis").unwrap());
        let in_progress =
            |a: &AgentId| SessionStatus::InProgress { agent: a.clone(), agent_name: "x".into() };
        let statuses =
            [SessionStatus::Unanswered, in_progress(&ana), in_progress(&luis), SessionStatus::Idle];
        let mut rows = Vec::new();
        for status in statuses {
            for session in [0, 1] {
                for last_close in [None, Some(CloseReason::Finished), Some(CloseReason::Spam)] {
                    for (participants, offered_to) in [
                        (vec![], vec![]),
                        (vec![ana.clone()], vec![luis.clone()]),
                        (vec![], vec![ana.clone()]),
                    ] {
                        let base = summary(status.clone(), session);
                        rows.push(DialogSummary {
                            last_close,
                            participants: participants.clone(),
                            offered_to,
                            ..base
                        });
                    }
                }
            }
        }
        rows
    }

    #[test]
    fn q2_a_list_holds_only_rows_of_its_shelves() {
        let ana = AgentId::parse("a_ana").unwrap();
        for row in every_kind_of_row() {
            for list in InboxList::ALL {
                if list.includes(&row, &ana) {
                    assert!(list.shelves().contains(&Shelf::of(&row)), "{list:?} {row:?}");
                }
            }
            // The closed lists are whole shelves: a store counts them from its index.
            for list in [InboxList::Closed, InboxList::Spam] {
                assert_eq!(list.includes(&row, &ana), list.shelves() == [Shelf::of(&row)]);
            }
            let unlisted = Shelf::of(&row) == Shelf::Unlisted;
            assert_eq!(unlisted, !InboxList::ALL.iter().any(|l| l.includes(&row, &ana)), "{row:?}");
        }
        for list in InboxList::ALL {
            assert_eq!(InboxList::parse(list.as_str()), Some(list));
            assert_eq!(serde_json::to_string(&list).unwrap(), format!("\"{}\"", list.as_str()));
        }
    }

    #[test]
    fn q2_counts_follow_each_change_of_a_row() {
        let ana = AgentId::parse("a_ana").unwrap();
        let rows = every_kind_of_row();
        // Any row turning into any other: the shifted counts are the counts made afresh.
        for before in &rows {
            for after in &rows {
                let mut shifted = InboxCounts::default();
                shifted.add(before, &ana);
                shifted.shift(Some(before), after, &ana);
                let mut fresh = InboxCounts::default();
                fresh.add(after, &ana);
                assert_eq!(shifted, fresh, "{before:?} → {after:?}");
            }
            let mut new = InboxCounts::default();
            new.shift(None, before, &ana);
            let mut fresh = InboxCounts::default();
            fresh.add(before, &ana);
            assert_eq!(new, fresh);
        }
    }

    #[test]
    fn q2_lists_read_newest_activity_first_and_ties_by_id() {
        let at = |id: &str, active_at: i64| DialogSummary {
            dialog_id: DialogId::parse(id).unwrap(),
            active_at,
            ..summary(SessionStatus::Unanswered, 1)
        };
        let mut rows = vec![at("d1", 5), at("d2", 9), at("d3", 5), at("d4", 1)];
        sort_for_display(&mut rows);
        let ids: Vec<&str> = rows.iter().map(|d| d.dialog_id.as_str()).collect();
        assert_eq!(ids, ["d2", "d3", "d1", "d4"]);
        assert!(rows[1].position() > rows[2].position(), "a page goes on below its last row");
    }

    #[test]
    fn visitor_names_are_short_and_stable() {
        assert_eq!(visitor_display_name(&VisitorId::parse("v_abcd12ef").unwrap()), "Visitor 12EF");
    }

    #[test]
    fn snapshot_summary_wire_format() {
        let d = summary(SessionStatus::Unanswered, 1);
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"dialog_id":"d1","channel_id":"web","channel_name":"Website","visitor_id":"v_abcd1234","visitor_name":"Visitor 1234","session":1,"status":{"state":"unanswered"},"last_message":null,"unread":0,"waiting_since":null,"last_seq":0,"participants":[],"pinned":false,"last_close":null,"offered_to":[],"blocked":false,"active_at":0}"#
        );
    }
}
