//! The session's lifecycle from the agents' side (Q3–Q11): answer, take, transfer, invite,
//! pin, finish, accept-and-close, spam. Each function is one rule: who may, in which state.

use super::decide::Rejection;
use super::state::{DialogState, SessionStatus};
use crate::auth::Role;
use crate::event::{AgentRef, ChannelRef, CloseReason, EventBody};

/// Take a waiting session (Q3). Answering one's own session again does nothing.
pub fn answer(state: &DialogState, me: &AgentRef) -> Result<Vec<EventBody>, Rejection> {
    match &state.status {
        SessionStatus::Idle => Err(Rejection::NoOpenSession),
        SessionStatus::Unanswered => Ok(vec![answered(me)]),
        SessionStatus::InProgress { agent, .. } if *agent == me.id => Ok(Vec::new()),
        SessionStatus::InProgress { agent_name, .. } => {
            Err(Rejection::AnsweredByOther { agent_name: agent_name.clone() })
        }
    }
}

/// Take over a session someone else owns (Q7), unless they locked it (Q11).
pub fn take(state: &DialogState, me: &AgentRef) -> Result<Vec<EventBody>, Rejection> {
    match &state.status {
        SessionStatus::InProgress { agent, .. } if *agent == me.id => Ok(Vec::new()),
        SessionStatus::InProgress { agent_name, .. } if state.pinned => {
            Err(Rejection::PinnedByOther { agent_name: agent_name.clone() })
        }
        SessionStatus::InProgress { agent, agent_name } => Ok(vec![EventBody::Taken {
            previous: agent.clone(),
            previous_name: agent_name.clone(),
        }]),
        _ => answer(state, me),
    }
}

/// Hand the session to `to` (Q4): the owner may, and anyone may route a waiting one.
pub fn transfer(
    state: &DialogState,
    me: &AgentRef,
    to: &AgentRef,
) -> Result<Vec<EventBody>, Rejection> {
    if !matches!(state.status, SessionStatus::Unanswered) {
        require_owner(state, me)?;
    }
    if state.assignee() == Some(&to.id) {
        return Ok(Vec::new());
    }
    Ok(vec![EventBody::Transferred { agent: to.id.clone(), agent_name: to.name.clone() }])
}

/// Move the session to another open channel (Q4): it waits again in that channel's queue,
/// with the same rights as a transfer.
pub fn move_to_channel(
    state: &DialogState,
    me: &AgentRef,
    to: &ChannelRef,
) -> Result<Vec<EventBody>, Rejection> {
    if !matches!(state.status, SessionStatus::Unanswered) {
        require_owner(state, me)?;
    }
    Ok(vec![EventBody::MovedToChannel { channel: to.id.clone(), channel_name: to.name.clone() }])
}

/// Bring a colleague in (Q9): the owner or an invited colleague may.
pub fn invite(
    state: &DialogState,
    me: &AgentRef,
    colleague: &AgentRef,
) -> Result<Vec<EventBody>, Rejection> {
    if !state.is_member(&me.id) {
        require_owner(state, me)?;
    }
    if state.is_member(&colleague.id) {
        return Ok(Vec::new());
    }
    Ok(vec![EventBody::Invited { agent: colleague.id.clone(), agent_name: colleague.name.clone() }])
}

/// Lock (`pinned = true`) or release the session (Q11): its owner only.
pub fn pin(state: &DialogState, me: &AgentRef, pinned: bool) -> Result<Vec<EventBody>, Rejection> {
    require_owner(state, me)?;
    if state.pinned == pinned {
        return Ok(Vec::new());
    }
    Ok(vec![if pinned { EventBody::Pinned } else { EventBody::Unpinned }])
}

/// Close a resolved session (Q10): its owner, or anyone while it is still waiting.
pub fn finish(state: &DialogState, me: &AgentRef) -> Result<Vec<EventBody>, Rejection> {
    close(state, me, CloseReason::Finished)
}

/// Close as spam / force stop (Q6), with the same rights as finishing.
pub fn mark_spam(state: &DialogState, me: &AgentRef) -> Result<Vec<EventBody>, Rejection> {
    close(state, me, CloseReason::Spam)
}

/// Block the customer (Q6 "spam and block"): an open session closes as spam first, with the
/// same rights as finishing; an idle dialog is blocked by any agent, once the customer has
/// written (before that there is nobody to block).
pub fn block(state: &DialogState, me: &AgentRef) -> Result<Vec<EventBody>, Rejection> {
    if state.session == 0 {
        return Err(Rejection::NoOpenSession);
    }
    if state.blocked {
        return Ok(vec![]);
    }
    let mut bodies = if state.is_open() { mark_spam(state, me)? } else { vec![] };
    bodies.push(EventBody::Blocked);
    Ok(bodies)
}

/// Lift a block: a supervisor's or an admin's call.
pub fn unblock(state: &DialogState, role: Role) -> Result<Vec<EventBody>, Rejection> {
    if !role.may_moderate() {
        return Err(Rejection::Forbidden);
    }
    Ok(if state.blocked { vec![EventBody::Unblocked] } else { vec![] })
}

/// Take and finish at once (Q5): a waiting session is answered first.
pub fn accept_and_close(state: &DialogState, me: &AgentRef) -> Result<Vec<EventBody>, Rejection> {
    let mut bodies = answer(state, me)?;
    bodies.extend(close(state, me, CloseReason::Finished)?);
    Ok(bodies)
}

fn close(
    state: &DialogState,
    me: &AgentRef,
    reason: CloseReason,
) -> Result<Vec<EventBody>, Rejection> {
    if !matches!(state.status, SessionStatus::Unanswered) {
        require_owner(state, me)?;
    }
    Ok(vec![EventBody::Closed { session: state.session, reason }])
}

pub(super) fn require_owner(state: &DialogState, me: &AgentRef) -> Result<(), Rejection> {
    match &state.status {
        SessionStatus::Idle => Err(Rejection::NoOpenSession),
        SessionStatus::Unanswered => Err(Rejection::NotAnswered),
        SessionStatus::InProgress { agent, .. } if *agent == me.id => Ok(()),
        SessionStatus::InProgress { agent_name, .. } => {
            Err(Rejection::AnsweredByOther { agent_name: agent_name.clone() })
        }
    }
}

fn answered(me: &AgentRef) -> EventBody {
    EventBody::Answered { agent: me.id.clone(), agent_name: me.name.clone() }
}
