//! The dialog rules as data: a script of steps and the trace it must produce.
//!
//! Script: steps separated by `|`, each `who: verb [text]` with who ∈ {visitor, ana, luis, eva,
//! system} and verb ∈ {say, note, quote <seq> <text>, note-quote <seq> <text>, answer, finish,
//! accept-close, spam, take, transfer <who>, invite <who>, pin, unpin, block, unblock,
//! edit <seq> <text>, delete <seq>, split <seq>, mention <who[,who]> <text>,
//! note-mention <who[,who]> <text>, attach <file[,file]> [text], note-attach <file[,file]> [text],
//! contact name;email;phone, rate up|down|<stars> [comment], read <seq>}.
//! A step `channel: <word>…` sets the channel's settings for the steps after it (`channel()`:
//! `stars`, `thumbs`, `no-rating`, `offline-form`, `prechat=<field>[!],…` with `!` required).
//! The dialog's uploads (C1) are `uploads()`. Trace: per step, the event types it appended (a quote as
//! `>seq`; or `!code` for a rejection, `-` for none), then `;` and the final status.

use super::*;
use crate::auth::Role;
use crate::event::{Actor, AgentRef, ChannelRef, CloseReason, Event, EventBody};
use crate::ids::ChannelId;
use crate::ids::{AgentId, VisitorId};

fn actor(who: &str) -> Actor {
    match who {
        "visitor" => Actor::Visitor { id: VisitorId::parse("v_1").unwrap() },
        "ana" | "luis" | "eva" => Actor::Agent { id: agent_id(who), name: who.to_owned() },
        "system" => Actor::System,
        other => panic!("unknown actor {other}"),
    }
}

fn agent_id(who: &str) -> AgentId {
    AgentId::parse(&format!("a_{who}")).unwrap()
}

/// The workspace's agents, as the edge would look them up. "ghost" is not among them.
fn directory() -> Vec<AgentRef> {
    ["ana", "luis", "eva"]
        .iter()
        .map(|n| AgentRef { id: agent_id(n), name: n.to_string() })
        .collect()
}

/// The workspace's open channels. "nowhere" is not among them.
fn channels() -> Vec<ChannelRef> {
    ["web", "sales"]
        .iter()
        .map(|c| ChannelRef { id: ChannelId::parse(c).unwrap(), name: c.to_uppercase() })
        .collect()
}

// Long: one arm per verb of the scripts.
fn command(verb: &str, text: &str) -> Command {
    match verb {
        "say" => Command::Post {
            text: text.to_owned(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        },
        "note" => Command::Post {
            text: text.to_owned(),
            internal: true,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        },
        "quote" | "note-quote" => {
            let (seq, text) = text.split_once(' ').unwrap_or((text, ""));
            let (text, internal) = (text.to_owned(), verb == "note-quote");
            Command::Post {
                text,
                internal,
                quote: Some(seq.parse().unwrap()),
                mentions: Vec::new(),
                files: Vec::new(),
            }
        }
        "answer" => Command::Answer,
        "finish" => Command::Finish,
        "accept-close" => Command::AcceptAndClose,
        "spam" => Command::MarkSpam,
        "block" => Command::Block,
        "unblock" => Command::Unblock,
        "take" => Command::Take,
        "transfer" => Command::Transfer { to: agent_id(text) },
        "invite" => Command::Invite { agent: agent_id(text) },
        "pin" => Command::Pin,
        "unpin" => Command::Unpin,
        "auto-close" => Command::AutoClose,
        "move" => Command::TransferToChannel { channel: ChannelId::parse(text).unwrap() },
        "edit" => {
            let (seq, text) = text.split_once(' ').unwrap_or((text, ""));
            Command::EditMessage { seq: seq.parse().unwrap(), text: text.to_owned() }
        }
        "delete" => Command::DeleteMessage { seq: text.parse().unwrap() },
        "split" => Command::MoveToNewSession { seq: text.parse().unwrap() },
        "mention" | "note-mention" => {
            let (who, text) = text.split_once(' ').unwrap_or((text, ""));
            Command::Post {
                text: format!("@{who} {text}"),
                internal: verb == "note-mention",
                quote: None,
                mentions: who.split(',').map(agent_id).collect(),
                files: Vec::new(),
            }
        }
        "attach" | "note-attach" => {
            let (files, text) = text.split_once(' ').unwrap_or((text, ""));
            Command::Post {
                text: text.to_owned(),
                internal: verb == "note-attach",
                quote: None,
                mentions: Vec::new(),
                files: files.split(',').map(|f| crate::ids::FileId::parse(f).unwrap()).collect(),
            }
        }
        "contact" => {
            let mut parts = text.split(';').map(str::to_owned);
            let mut next = || parts.next().unwrap_or_default();
            let contact = crate::contact::Contact { name: next(), email: next(), phone: next() };
            Command::ShareContact { contact }
        }
        "read" => Command::MarkRead { up_to: text.parse().unwrap() },
        "rate" => {
            let (value, comment) = text.split_once(' ').unwrap_or((text, ""));
            let rating = match value {
                "up" => crate::contact::Rating::thumbs(true),
                "down" => crate::contact::Rating::thumbs(false),
                stars => crate::contact::Rating::stars(stars.parse().unwrap()),
            };
            Command::Rate { rating, comment: comment.to_owned() }
        }
        other => panic!("unknown verb {other}"),
    }
}

/// Files uploaded to the dialog (C1), as the edge would pass them: `f_<who>` by that person,
/// `f_sent` by the visitor and in a message already.
fn uploads() -> Vec<crate::files::Upload> {
    let upload = |id: &str, who: &str, attached| crate::files::Upload {
        file: crate::files::FileRef {
            id: crate::ids::FileId::parse(id).unwrap(),
            name: format!("{id}.png"),
            size: 10,
            content_type: "image/png".into(),
            url: None,
        },
        by: actor(who),
        attached,
    };
    vec![
        upload("f_visitor", "visitor", false),
        upload("f_visitor2", "visitor", false),
        upload("f_ana", "ana", false),
        upload("f_luis", "luis", false),
        upload("f_sent", "visitor", true),
    ]
}

fn event_type(e: &Event) -> String {
    let kind = match e.body {
        EventBody::MessagePosted { ref mentions, internal, .. } if !mentions.is_empty() => {
            let kind = if internal { "note_posted" } else { "message_posted" };
            let names: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
            return format!("{kind}@{}", names.join(","));
        }
        EventBody::MessagePosted { ref files, internal, .. } if !files.is_empty() => {
            let kind = if internal { "note_posted" } else { "message_posted" };
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            return format!("{kind}+{}", names.join(","));
        }
        EventBody::MessagePosted { quote: Some(seq), internal, .. } => {
            let kind = if internal { "note_posted" } else { "message_posted" };
            return format!("{kind}>{seq}");
        }
        EventBody::SessionOpened { .. } => "session_opened",
        EventBody::MessagePosted { internal: false, .. } => "message_posted",
        EventBody::MessagePosted { internal: true, .. } => "note_posted",
        EventBody::Answered { .. } => "answered",
        EventBody::Closed { reason: CloseReason::Finished, .. } => "closed",
        EventBody::Closed { reason: CloseReason::Spam, .. } => "closed(spam)",
        EventBody::Closed { reason: CloseReason::Inactive, .. } => "closed(inactive)",
        EventBody::Transferred { .. } => "transferred",
        EventBody::MovedToChannel { .. } => "moved",
        EventBody::MessageEdited { .. } => "edited",
        EventBody::MessageDeleted { .. } => "deleted",
        EventBody::Taken { .. } => "taken",
        EventBody::Invited { .. } => "invited",
        EventBody::SessionSplit { session, from } => return format!("split({session}@{from})"),
        EventBody::Pinned => "pinned",
        EventBody::Unpinned => "unpinned",
        EventBody::Blocked => "blocked",
        EventBody::Unblocked => "unblocked",
        EventBody::ContactShared { ref contact } => return format!("contact({})", contact.email),
        EventBody::Rated { rating, .. } => return format!("rated({})", rating.symbols()),
        EventBody::Read { up_to } => return format!("read({up_to})"),
        EventBody::Unknown => "unknown",
    };
    kind.to_owned()
}

fn status(state: &DialogState) -> String {
    let status = match &state.status {
        SessionStatus::Idle => "idle".to_owned(),
        SessionStatus::Unanswered => "unanswered".to_owned(),
        SessionStatus::InProgress { agent_name, .. } => format!("in_progress({agent_name})"),
    };
    let mut line = format!("{status} session={} unread={}", state.session, state.unread);
    if state.pinned {
        line.push_str(" pinned");
    }
    if state.blocked {
        line.push_str(" blocked");
    }
    if !state.participants.is_empty() {
        let names: Vec<&str> = state.participants.iter().map(|p| p.name.as_str()).collect();
        line.push_str(&format!(" guests={}", names.join(",")));
    }
    line
}

/// Runs the script and returns the final state with the whole log, checking on the way that
/// sequence numbers have no gaps and that folding the log from scratch gives the same state.
fn run(script: &str) -> (DialogState, Vec<Event>, Vec<String>) {
    let mut state = DialogState::default();
    let mut log = Vec::new();
    let mut trace = Vec::new();
    let mut settings = channel("");
    for (now, step) in (1_000..).zip(script.split('|')) {
        let (who, rest) = step.trim().split_once(':').expect("step needs `who:`");
        let rest = rest.trim();
        if who == "channel" {
            settings = channel(rest);
            continue;
        }
        let (verb, text) = rest.split_once(' ').unwrap_or((rest, ""));
        // Ana is the workspace's admin; the others are agents.
        let role = if who == "ana" { Role::Admin } else { Role::Agent };
        let uploads = uploads();
        let ctx = Context {
            now,
            directory: &directory(),
            channels: &channels(),
            message: &log,
            role,
            uploads: &uploads,
            channel: Some(&settings),
        };
        match decide(&state, &actor(who), &command(verb, text), ctx) {
            Ok(events) if events.is_empty() => trace.push("-".to_owned()),
            Ok(events) => {
                trace.push(events.iter().map(event_type).collect::<Vec<_>>().join(" "));
                for e in events {
                    assert_eq!(e.seq, state.last_seq + 1, "gap in seq");
                    apply(&mut state, &e);
                    log.push(e);
                }
            }
            Err(r) => trace.push(format!("!{}", r.code())),
        }
    }
    let mut refolded = DialogState::default();
    log.iter().for_each(|e| apply(&mut refolded, e));
    assert_eq!(refolded, state, "folding the log must rebuild the state");
    (state, log, trace)
}

/// The dialog's channel: thumbs ratings and no forms, unless `words` say otherwise.
fn channel(words: &str) -> crate::channel::ChannelSettings {
    use crate::contact::{ContactField, FormField, RatingScale};
    let web = ChannelId::parse("web").unwrap();
    let mut settings = crate::channel::ChannelSettings::new(web, "Web".into(), "Hi".into());
    for word in words.split_whitespace() {
        match word {
            "stars" => settings.rating = RatingScale::Stars,
            "thumbs" => settings.rating = RatingScale::Thumbs,
            "no-rating" => settings.rating = RatingScale::Off,
            "offline-form" => settings.offline_form = true,
            fields => {
                let fields = fields.strip_prefix("prechat=").expect("a channel word");
                settings.prechat = fields
                    .split(',')
                    .map(|f| FormField {
                        field: match f.trim_end_matches('!') {
                            "name" => ContactField::Name,
                            "email" => ContactField::Email,
                            _ => ContactField::Phone,
                        },
                        required: f.ends_with('!'),
                    })
                    .collect();
            }
        }
    }
    settings
}

fn check(script: &str, expected: &str) {
    let (state, _, trace) = run(script);
    let actual = format!("{} ; {}", trace.join(" | "), status(&state));
    assert_eq!(actual, expected, "script: {script}");
}

mod customer;
mod lifecycle;
mod messages;
mod offer;
mod properties;
