//! What the customer tells about themselves and the chat (W4): contact details and a rating of
//! a finished session.

use super::decide::Rejection;
use super::state::DialogState;
use crate::channel::ChannelSettings;
use crate::contact::{Contact, Rating, MAX_COMMENT_CHARS};
use crate::event::EventBody;

/// Contact details, checked; nothing happens when they add nothing to what is known.
pub fn share_contact(state: &DialogState, contact: &Contact) -> Result<Vec<EventBody>, Rejection> {
    if state.blocked {
        return Err(Rejection::Blocked);
    }
    let contact = contact.checked().map_err(Rejection::Contact)?;
    let known = state.contact.clone().unwrap_or_default();
    if contact.merged_over(&known) == known {
        return Ok(Vec::new());
    }
    Ok(vec![EventBody::ContactShared { contact }])
}

/// A read mark (W2): only forward, and no further than the other side's latest message
/// (`last`); otherwise nothing happens.
pub fn mark_read(up_to: u64, marked: u64, last: u64) -> Result<Vec<EventBody>, Rejection> {
    let up_to = up_to.min(last);
    if up_to <= marked {
        return Ok(Vec::new());
    }
    Ok(vec![EventBody::Read { up_to }])
}

/// A customer's first message needs what the channel's forms ask (W4): the required fields of
/// the pre-chat form, or of the offline form where it is on. Later ones need nothing.
pub fn check_introduced(
    state: &DialogState,
    channel: Option<&ChannelSettings>,
) -> Result<(), Rejection> {
    let (0, Some(channel)) = (state.session, channel) else { return Ok(()) };
    let known = state.contact.clone().unwrap_or_default();
    channel.introduces(&known).map_err(Rejection::Contact)
}

/// A rating of the last session, once it has ended, and only once, on the channel's scale as
/// it is now (none while ratings are off); a blocked customer rates nothing (Q6).
pub fn rate(
    state: &DialogState,
    channel: Option<&ChannelSettings>,
    rating: Rating,
    comment: &str,
) -> Result<Vec<EventBody>, Rejection> {
    if state.blocked {
        return Err(Rejection::Blocked);
    }
    let comment = comment.trim();
    let on_scale = channel.is_none_or(|c| c.rating == rating.scale);
    if !rating.is_valid() || !on_scale || comment.chars().count() > MAX_COMMENT_CHARS {
        return Err(Rejection::InvalidRating);
    }
    if state.session == 0 || state.is_open() || state.rated_session == Some(state.session) {
        return Err(Rejection::NothingToRate);
    }
    Ok(vec![EventBody::Rated { session: state.session, rating, comment: comment.to_owned() }])
}
