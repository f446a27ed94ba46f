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
        }
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

/// Until the customer gives a name (pre-chat form, a later issue), a short stable label.
pub fn visitor_display_name(visitor: &VisitorId) -> String {
    let id = visitor.as_str();
    let tail: String = id.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    format!("Visitor {}", tail.to_uppercase())
}

/// Newest activity first, so the list reads like a messenger.
pub fn sort_for_display(dialogs: &mut [DialogSummary]) {
    dialogs.sort_by_key(|d| std::cmp::Reverse(d.last_message.as_ref().map_or(0, |m| m.at)));
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

    #[test]
    fn visitor_names_are_short_and_stable() {
        assert_eq!(visitor_display_name(&VisitorId::parse("v_abcd12ef").unwrap()), "Visitor 12EF");
    }

    #[test]
    fn snapshot_summary_wire_format() {
        let d = summary(SessionStatus::Unanswered, 1);
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"dialog_id":"d1","channel_id":"web","channel_name":"Website","visitor_id":"v_abcd1234","visitor_name":"Visitor 1234","session":1,"status":{"state":"unanswered"},"last_message":null,"unread":0,"waiting_since":null,"last_seq":0,"participants":[],"pinned":false,"last_close":null,"offered_to":[],"blocked":false}"#
        );
    }
}
