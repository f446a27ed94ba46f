//! What an agent is offered in a dialog's header now (Q3–Q11, Q6): each action is a command
//! that `decide` accepts from this agent in this state and that changes something. The agent
//! app draws these and nothing else, so it never offers what the server refuses, and there is
//! no second table of who may do what.
//!
//! Where two commands would do the same for this state, one name is offered: a waiting
//! session is taken with Answer (not Take) and closed with Accept and close (not Finish, so
//! it counts as answered); one's own session is closed with Finish.

use super::decide::{decide, Command, Context};
use super::state::{DialogState, SessionStatus};
use crate::auth::Role;
use crate::event::{Actor, AgentRef, EventBody};
use crate::ids::AgentId;

/// An action of the dialog header, in the order the header shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentAction {
    /// Lift the customer's block (supervisors and admins, Q6).
    Unblock,
    /// Take the waiting session and reply (Q3).
    Answer,
    /// Take the waiting session and close it at once (Q5).
    AcceptAndClose,
    /// Close one's own session (Q10).
    Finish,
    /// Hand the session to a colleague or another open channel (Q4).
    Transfer,
    /// Lock one's own session (Q11), or release the lock.
    Pin,
    Unpin,
    /// Take over a colleague's session (Q7).
    Take,
    /// Bring a colleague in (Q9).
    Invite,
    /// Close as spam (Q6).
    MarkSpam,
    /// Close as spam and refuse the customer from now on (Q6).
    Block,
}

impl AgentAction {
    /// Every action, in the header's order.
    pub const ALL: [AgentAction; 11] = [
        AgentAction::Unblock,
        AgentAction::Answer,
        AgentAction::AcceptAndClose,
        AgentAction::Finish,
        AgentAction::Transfer,
        AgentAction::Pin,
        AgentAction::Unpin,
        AgentAction::Take,
        AgentAction::Invite,
        AgentAction::MarkSpam,
        AgentAction::Block,
    ];

    /// The command this action sends; Transfer and Invite name `colleague`.
    pub fn command(self, colleague: &AgentId) -> Command {
        match self {
            AgentAction::Unblock => Command::Unblock,
            AgentAction::Answer => Command::Answer,
            AgentAction::AcceptAndClose => Command::AcceptAndClose,
            AgentAction::Finish => Command::Finish,
            AgentAction::Transfer => Command::Transfer { to: colleague.clone() },
            AgentAction::Pin => Command::Pin,
            AgentAction::Unpin => Command::Unpin,
            AgentAction::Take => Command::Take,
            AgentAction::Invite => Command::Invite { agent: colleague.clone() },
            AgentAction::MarkSpam => Command::MarkSpam,
            AgentAction::Block => Command::Block,
        }
    }
}

/// The actions `me`, with `role` in the workspace, is offered in the dialog now.
pub fn agent_actions(state: &DialogState, me: &AgentRef, role: Role) -> Vec<AgentAction> {
    // Transfer and invite are asked about a colleague who is in no way part of the session.
    let Some(colleague) = AgentId::parse("-").map(|id| AgentRef { id, name: String::new() }) else {
        return Vec::new();
    };
    let directory = std::slice::from_ref(&colleague);
    let ctx = Context { directory, role, ..Context::at(0) };
    let actor = Actor::Agent { id: me.id.clone(), name: me.name.clone() };
    let changes = |action: AgentAction| -> Option<Vec<EventBody>> {
        let events = decide(state, &actor, &action.command(&colleague.id), ctx).ok()?;
        (!events.is_empty()).then(|| events.into_iter().map(|e| e.body).collect())
    };
    let waiting = state.status == SessionStatus::Unanswered;
    AgentAction::ALL
        .into_iter()
        .filter(|&action| match action {
            AgentAction::Finish | AgentAction::Take if waiting => false,
            AgentAction::AcceptAndClose if !waiting => false,
            _ => changes(action).is_some(),
        })
        .collect()
}

/// Who holds the lock on a session `me` does not own (Q11): the header says so where Take
/// would be.
pub fn locked_by<'a>(state: &'a DialogState, me: &AgentId) -> Option<&'a str> {
    match &state.status {
        SessionStatus::InProgress { agent, agent_name } if state.pinned && agent != me => {
            Some(agent_name)
        }
        _ => None,
    }
}
