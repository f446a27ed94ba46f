//! `decide`: may this actor do this now, and what happens if so. This file holds the command
//! and refusal types and dispatches; `messages.rs` and `lifecycle.rs` hold the rules.

use super::automation;
use super::editing;
use super::feedback;
use super::lifecycle;
use super::messages;
use super::quoting;
use super::splitting;
use super::state::DialogState;
use crate::auth::Role;
use crate::channel::ChannelSettings;
use crate::contact::{Contact, ContactProblem, Rating};
use crate::error_code::ErrorCode;
use crate::event::{Actor, AgentRef, ChannelRef, Event, EventBody};
use crate::files::Upload;
use crate::ids::{AgentId, ChannelId, FileId};
use serde::{Deserialize, Serialize};

/// What a customer or an agent asks a dialog to do. A wire type (see `protocol::CommandRequest`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Write a message; `internal` makes it a hidden note (agents only, C6); `quote` names a
    /// message it replies to (M1); `mentions` the colleagues it mentions as `@Name` (C2).
    Post {
        text: String,
        #[serde(default)]
        internal: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quote: Option<u64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        mentions: Vec<AgentId>,
        /// Files the poster uploaded to this dialog (C1); the text may then be empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        files: Vec<FileId>,
    },
    /// Take the waiting session and start replying (Q3).
    Answer,
    /// Close the session (Q10).
    Finish,
    /// Take the waiting session and close it at once (Q5).
    AcceptAndClose,
    /// Close as spam / force stop (Q6); the customer may write again later.
    MarkSpam,
    /// Close as spam and refuse the customer's messages from now on (Q6); the edge also
    /// refuses new visitor sessions from their network address.
    Block,
    /// Lift a block (supervisors and admins).
    Unblock,
    /// Take over a session someone else owns (Q7).
    Take,
    /// Hand the session to another agent (Q4).
    Transfer {
        to: AgentId,
    },
    /// Move the session to another open channel's queue (Q4).
    TransferToChannel {
        channel: ChannelId,
    },
    /// Bring a colleague into the session (Q9).
    Invite {
        agent: AgentId,
    },
    /// Lock the session as the owner's (Q11), and release it.
    Pin,
    Unpin,
    /// The system closes a session nobody wrote in for the channel's period (Q14). Only the
    /// system may: the edge never lets a client act as the system.
    AutoClose,
    /// Change a sent message (M8).
    EditMessage {
        seq: u64,
        text: String,
    },
    /// Withdraw a sent message (M9).
    DeleteMessage {
        seq: u64,
    },
    /// Message `seq` and those after it start a new session (M6).
    MoveToNewSession {
        seq: u64,
    },
    /// The customer gives contact details (W4).
    ShareContact {
        contact: Contact,
    },
    /// The caller has read the conversation up to `up_to` (W2 read marks).
    MarkRead {
        up_to: u64,
    },
    /// The customer rates the session that ended (W4).
    Rate {
        rating: Rating,
        #[serde(default)]
        comment: String,
    },
}

impl Command {
    /// The other agent this command names, which the edge looks up in the workspace's
    /// directory and passes to `decide` in `Context::directory`.
    pub fn named_agent(&self) -> Option<&AgentId> {
        match self {
            Command::Transfer { to } => Some(to),
            Command::Invite { agent } => Some(agent),
            _ => None,
        }
    }

    /// The colleagues a message mentions (C2), which the edge looks up in the workspace's
    /// directory and passes in `Context::directory` like `named_agent`.
    pub fn mentioned(&self) -> &[AgentId] {
        match self {
            Command::Post { mentions, .. } => mentions,
            _ => &[],
        }
    }

    /// The message this command is about (the one it changes, or quotes); the edge loads its
    /// history into `Context::message`.
    pub fn target_message(&self) -> Option<u64> {
        match self {
            Command::EditMessage { seq, .. }
            | Command::DeleteMessage { seq }
            | Command::MoveToNewSession { seq } => Some(*seq),
            Command::Post { quote, .. } => *quote,
            _ => None,
        }
    }

    /// The files a message attaches (C1); the edge loads them into `Context::uploads`.
    pub fn attached_files(&self) -> &[FileId] {
        match self {
            Command::Post { files, .. } => files,
            _ => &[],
        }
    }

    /// The open channel this command names, looked up like `named_agent`.
    pub fn named_channel(&self) -> Option<&ChannelId> {
        match self {
            Command::TransferToChannel { channel } => Some(channel),
            _ => None,
        }
    }
}

/// What `decide` may know besides the dialog's own state.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Milliseconds since the Unix epoch; stamped on the new events.
    pub now: i64,
    /// The workspace's agents this command names (see `Command::named_agent`).
    pub directory: &'a [AgentRef],
    /// The open channels this command names (see `Command::named_channel`).
    pub channels: &'a [ChannelRef],
    /// The events about the message a command targets, oldest first: its post, then its
    /// edits and deletion (see `Command::target_message`).
    pub message: &'a [Event],
    /// The acting agent's role in the workspace.
    pub role: Role,
    /// The uploads a message attaches (see `Command::attached_files`); an unknown id is absent.
    pub uploads: &'a [Upload],
    /// The dialog's channel as its settings are now, for the rules customers' commands follow
    /// (the forms, the rating scale); `None` only where no customer acts (system commands).
    pub channel: Option<&'a ChannelSettings>,
}

impl Context<'_> {
    /// At `now`, naming nobody: what system commands need.
    pub fn at(now: i64) -> Context<'static> {
        Context {
            now,
            directory: &[],
            channels: &[],
            message: &[],
            role: Role::Agent,
            uploads: &[],
            channel: None,
        }
    }
}

/// Why a command was refused. A value, never a panic; `code()` is stable for clients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// The actor may not do this at all (a customer answering, a customer writing a note).
    Forbidden,
    EmptyMessage,
    MessageTooLong {
        max_chars: usize,
    },
    /// No session is open: nothing to answer, reply to or finish.
    NoOpenSession,
    /// Another agent owns the session.
    AnsweredByOther {
        agent_name: String,
    },
    /// Only the session's owner may do this, and nobody has answered it yet.
    NotAnswered,
    /// The owner locked the session (Q11).
    PinnedByOther {
        agent_name: String,
    },
    /// The named agent is not in this workspace.
    UnknownAgent,
    /// The named channel is not in this workspace.
    UnknownChannel,
    /// No message has that `seq` in this dialog.
    UnknownMessage,
    /// The message was deleted already.
    MessageDeleted,
    /// The customer was blocked (Q6).
    Blocked,
    /// A message to the customer may not quote a hidden note (M1, C6).
    QuoteNotPublic,
    /// A new session starts at a later message of the open session, never its first (M6).
    CannotSplitHere,
    /// A message mentions more colleagues than allowed (C2).
    TooManyMentions {
        max: usize,
    },
    /// A message names a file that was not uploaded to this dialog by its poster (C1).
    UnknownFile,
    /// The file is in a message already (C1).
    FileAlreadySent,
    /// A message carries more files than allowed (C1).
    TooManyFiles {
        max: usize,
    },
    /// Contact details that are missing or not of their shape (W4).
    Contact(ContactProblem),
    /// A rating off its scale, or a comment too long (W4).
    InvalidRating,
    /// No session has ended yet, or the last one is rated already (W4).
    NothingToRate,
}

impl Rejection {
    pub fn code(&self) -> ErrorCode {
        match self {
            Rejection::Forbidden => ErrorCode::Forbidden,
            Rejection::EmptyMessage => ErrorCode::EmptyMessage,
            Rejection::MessageTooLong { .. } => ErrorCode::MessageTooLong,
            Rejection::NoOpenSession => ErrorCode::NoOpenSession,
            Rejection::AnsweredByOther { .. } => ErrorCode::AnsweredByOther,
            Rejection::NotAnswered => ErrorCode::NotAnswered,
            Rejection::PinnedByOther { .. } => ErrorCode::Pinned,
            Rejection::UnknownAgent => ErrorCode::UnknownAgent,
            Rejection::UnknownChannel => ErrorCode::UnknownChannel,
            Rejection::UnknownMessage => ErrorCode::UnknownMessage,
            Rejection::MessageDeleted => ErrorCode::MessageDeleted,
            Rejection::Blocked => ErrorCode::Blocked,
            Rejection::QuoteNotPublic => ErrorCode::QuoteNotPublic,
            Rejection::CannotSplitHere => ErrorCode::CannotSplitHere,
            Rejection::TooManyMentions { .. } => ErrorCode::TooManyMentions,
            Rejection::UnknownFile => ErrorCode::UnknownFile,
            Rejection::FileAlreadySent => ErrorCode::FileAlreadySent,
            Rejection::TooManyFiles { .. } => ErrorCode::TooManyFiles,
            Rejection::Contact(problem) => problem.code(),
            Rejection::InvalidRating => ErrorCode::InvalidRating,
            Rejection::NothingToRate => ErrorCode::NothingToRate,
        }
    }

    pub fn message(&self) -> String {
        match self {
            Rejection::Forbidden => "You may not do that in this conversation.".into(),
            Rejection::EmptyMessage => "The message is empty.".into(),
            Rejection::MessageTooLong { max_chars } => {
                format!("The message is longer than {max_chars} characters.")
            }
            Rejection::NoOpenSession => "The conversation is closed.".into(),
            Rejection::AnsweredByOther { agent_name } => {
                format!("{agent_name} is already answering this conversation.")
            }
            Rejection::NotAnswered => "Answer the conversation first.".into(),
            Rejection::PinnedByOther { agent_name } => {
                format!("{agent_name} has locked this conversation.")
            }
            Rejection::UnknownAgent => "There is no such agent in this workspace.".into(),
            Rejection::UnknownChannel => "There is no such open channel in this workspace.".into(),
            Rejection::UnknownMessage => "There is no such message in this conversation.".into(),
            Rejection::MessageDeleted => "The message was deleted.".into(),
            Rejection::Blocked => "This conversation does not accept messages.".into(),
            Rejection::QuoteNotPublic => {
                "A message to the customer cannot quote a hidden note.".into()
            }
            Rejection::CannotSplitHere => {
                "A new conversation starts at a later message of the open session, not its first."
                    .into()
            }
            Rejection::TooManyMentions { max } => {
                format!("A message mentions at most {max} colleagues.")
            }
            Rejection::UnknownFile => "There is no such file in this conversation.".into(),
            Rejection::FileAlreadySent => "That file was sent already.".into(),
            Rejection::TooManyFiles { max } => format!("A message carries at most {max} files."),
            Rejection::Contact(ContactProblem::Missing(field)) => {
                format!("Please give your {}.", field_name(*field))
            }
            Rejection::Contact(ContactProblem::Invalid(field)) => {
                format!("That {} does not look right.", field_name(*field))
            }
            Rejection::Contact(ContactProblem::Empty) => "No contact details were given.".into(),
            Rejection::InvalidRating => "That rating is not on the scale.".into(),
            Rejection::NothingToRate => "There is no finished conversation to rate.".into(),
        }
    }
}

/// Decides what `command` by `actor` does to the dialog. The returned events are numbered
/// after `state.last_seq` and stamped with `ctx.now`; an empty list means "nothing to do"
/// (answering a session one already owns, pinning a pinned one).
pub fn decide(
    state: &DialogState,
    actor: &Actor,
    command: &Command,
    ctx: Context<'_>,
) -> Result<Vec<Event>, Rejection> {
    let bodies = match actor {
        Actor::System => automation::system_command(state, command)?,
        Actor::Visitor { .. } => match command {
            Command::Post { text, internal: false, quote, mentions, files }
                if mentions.is_empty() =>
            {
                let quote = quoting::checked_quote(*quote, quoting::Poster::Customer, ctx.message)?;
                let files = messages::checked_files(files, actor, ctx.uploads)?;
                feedback::check_introduced(state, ctx.channel)?;
                messages::customer_post(state, text, quote, files)?
            }
            Command::ShareContact { contact } => feedback::share_contact(state, contact)?,
            Command::Rate { rating, comment } => {
                feedback::rate(state, ctx.channel, *rating, comment)?
            }
            Command::MarkRead { up_to } => {
                let (read, last) = (state.customer_read, state.last_to_customer);
                feedback::mark_read(*up_to, read, last)?
            }
            _ => return Err(Rejection::Forbidden),
        },
        Actor::Agent { id, name } => {
            let me = AgentRef { id: id.clone(), name: name.clone() };
            agent_command(state, &me, command, ctx)?
        }
    };
    Ok(stamp(state, actor, bodies, ctx.now))
}

fn agent_command(
    state: &DialogState,
    me: &AgentRef,
    command: &Command,
    ctx: Context<'_>,
) -> Result<Vec<EventBody>, Rejection> {
    let named = || {
        let id = command.named_agent().ok_or(Rejection::UnknownAgent)?;
        ctx.directory.iter().find(|a| &a.id == id).ok_or(Rejection::UnknownAgent)
    };
    let named_channel = || {
        let id = command.named_channel().ok_or(Rejection::UnknownChannel)?;
        ctx.channels.iter().find(|c| &c.id == id).ok_or(Rejection::UnknownChannel)
    };
    match command {
        Command::Post { text, internal, quote, mentions, files } => {
            let poster = if *internal { quoting::Poster::Note } else { quoting::Poster::Reply };
            let quote = quoting::checked_quote(*quote, poster, ctx.message)?;
            let mentions = messages::checked_mentions(mentions, ctx.directory)?;
            let actor = Actor::Agent { id: me.id.clone(), name: me.name.clone() };
            let files = messages::checked_files(files, &actor, ctx.uploads)?;
            let post = messages::Post { text, internal: *internal, quote, mentions, files };
            messages::agent_post(state, me, post)
        }
        Command::Answer => lifecycle::answer(state, me),
        Command::Finish => lifecycle::finish(state, me),
        Command::AcceptAndClose => lifecycle::accept_and_close(state, me),
        Command::MarkSpam => lifecycle::mark_spam(state, me),
        Command::Block => lifecycle::block(state, me),
        Command::Unblock => lifecycle::unblock(state, ctx.role),
        Command::Take => lifecycle::take(state, me),
        Command::Transfer { .. } => lifecycle::transfer(state, me, named()?),
        Command::TransferToChannel { .. } => {
            lifecycle::move_to_channel(state, me, named_channel()?)
        }
        Command::Invite { .. } => lifecycle::invite(state, me, named()?),
        Command::Pin => lifecycle::pin(state, me, true),
        Command::Unpin => lifecycle::pin(state, me, false),
        Command::AutoClose => Err(Rejection::Forbidden),
        Command::EditMessage { seq, text } => editing::edit(me, ctx.role, *seq, text, ctx.message),
        Command::DeleteMessage { seq } => editing::delete(me, ctx.role, *seq, ctx.message),
        Command::MoveToNewSession { seq } => splitting::split(state, me, *seq, ctx.message),
        // The customer's own word: agents keep contacts in the CRM, not in their name.
        Command::ShareContact { .. } | Command::Rate { .. } => Err(Rejection::Forbidden),
        // Seen by the agents answering; a colleague looking in marks nothing.
        Command::MarkRead { up_to } if state.is_member(&me.id) => {
            feedback::mark_read(*up_to, state.agents_read, state.last_from_customer)
        }
        Command::MarkRead { .. } => Ok(Vec::new()),
    }
}

fn field_name(field: crate::contact::ContactField) -> &'static str {
    match field {
        crate::contact::ContactField::Name => "name",
        crate::contact::ContactField::Email => "email",
        crate::contact::ContactField::Phone => "phone number",
    }
}

fn stamp(state: &DialogState, actor: &Actor, bodies: Vec<EventBody>, now: i64) -> Vec<Event> {
    bodies
        .into_iter()
        .zip(state.last_seq + 1..)
        .map(|(body, seq)| Event { seq, at: now, actor: actor.clone(), body })
        .collect()
}
