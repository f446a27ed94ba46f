//! Writing messages: who may write what, and when a message opens a session.

use super::decide::Rejection;
use super::lifecycle;
use super::state::DialogState;
use crate::event::{Actor, AgentRef, EventBody};
use crate::files::{FileRef, Upload, MAX_FILES_PER_MESSAGE};
use crate::ids::{AgentId, FileId};
use crate::limits::MAX_MESSAGE_CHARS;

/// A customer may always write: after a close, the message opens the next session (Q12).
pub fn customer_post(
    state: &DialogState,
    text: &str,
    quote: Option<u64>,
    files: Vec<FileRef>,
) -> Result<Vec<EventBody>, Rejection> {
    if state.blocked {
        return Err(Rejection::Blocked);
    }
    let text = checked_body(text, &files)?;
    let mut bodies = Vec::new();
    if !state.is_open() {
        bodies.push(EventBody::SessionOpened { session: state.session + 1 });
    }
    let mentions = Vec::new();
    bodies.push(EventBody::MessagePosted { text, internal: false, quote, mentions, files });
    Ok(bodies)
}

/// An agent's message, its parts checked.
pub struct Post<'a> {
    pub text: &'a str,
    pub internal: bool,
    pub quote: Option<u64>,
    pub mentions: Vec<AgentRef>,
    pub files: Vec<FileRef>,
}

/// Agents write to the customer when they own the session or were invited; replying to a
/// waiting session answers it first, as in every contact center. A hidden note needs no
/// membership: any colleague may leave one in an open session.
pub fn agent_post(
    state: &DialogState,
    me: &AgentRef,
    post: Post<'_>,
) -> Result<Vec<EventBody>, Rejection> {
    let Post { text, internal, quote, mentions, files } = post;
    let text = checked_body(text, &files)?;
    if !state.is_open() {
        return Err(Rejection::NoOpenSession);
    }
    let mut bodies = Vec::new();
    if !internal && !state.is_member(&me.id) {
        bodies = lifecycle::answer(state, me)?;
    }
    bodies.push(EventBody::MessagePosted { text, internal, quote, mentions, files });
    Ok(bodies)
}

/// The files a message attaches (C1): each uploaded to this dialog by `poster` and not sent
/// yet; repeats count once.
pub fn checked_files(
    ids: &[FileId],
    poster: &Actor,
    uploads: &[Upload],
) -> Result<Vec<FileRef>, Rejection> {
    let mut distinct: Vec<&FileId> = Vec::new();
    for id in ids {
        if !distinct.contains(&id) {
            distinct.push(id);
        }
    }
    if distinct.len() > MAX_FILES_PER_MESSAGE {
        return Err(Rejection::TooManyFiles { max: MAX_FILES_PER_MESSAGE });
    }
    distinct
        .into_iter()
        .map(|id| {
            let upload = uploads
                .iter()
                .find(|u| &u.file.id == id && u.by.same_person(poster))
                .ok_or(Rejection::UnknownFile)?;
            if upload.attached {
                return Err(Rejection::FileAlreadySent);
            }
            Ok(FileRef { url: None, ..upload.file.clone() })
        })
        .collect()
}

/// A message's text: it may be empty when files carry the message.
fn checked_body(text: &str, files: &[FileRef]) -> Result<String, Rejection> {
    if files.is_empty() || !text.trim().is_empty() {
        checked_text(text)
    } else {
        Ok(String::new())
    }
}

/// At most this many colleagues are mentioned in one message.
pub const MAX_MENTIONS: usize = 10;

/// The colleagues a message mentions (C2), as the directory names them: each must be an agent
/// of the workspace; repeats count once.
pub fn checked_mentions(
    mentions: &[AgentId],
    directory: &[AgentRef],
) -> Result<Vec<AgentRef>, Rejection> {
    let mut found: Vec<AgentRef> = Vec::new();
    for id in mentions {
        let agent = directory.iter().find(|a| &a.id == id).ok_or(Rejection::UnknownAgent)?;
        if !found.contains(agent) {
            found.push(agent.clone());
        }
    }
    if found.len() > MAX_MENTIONS {
        return Err(Rejection::TooManyMentions { max: MAX_MENTIONS });
    }
    Ok(found)
}

pub(super) fn checked_text(text: &str) -> Result<String, Rejection> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Rejection::EmptyMessage);
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err(Rejection::MessageTooLong { max_chars: MAX_MESSAGE_CHARS });
    }
    Ok(text.to_owned())
}
