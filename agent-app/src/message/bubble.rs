//! One message bubble: the author line, the message it quotes (M1: a button that leads to the
//! original), the text (or "Message deleted", M9), an "edited" mark with "Show edits", a
//! disclosure of the earlier versions and their times (M8), the time and the "…" menu
//! (`menu`). While being edited the text is an inline textarea, and a deletion waits for an
//! inline confirm (both in `edit`).

use super::edit::{delete_confirm, edit_form};
use super::menu::MessageMenu;
use super::tools::MessageTools;
use crate::i18n::{Lang, MessageText};
use crate::ui::clock::clock_time;
use crate::ui::icons::LockIcon;
use leptos::prelude::*;
use openline_core::event::Actor;
use openline_core::inbox::visitor_display_name;
use openline_core::transcript::{Message, Quote, Version};

/// The message's classes: `note`, `from-agent`, `from-system` (automatic) or `from-visitor`.
pub fn message_class(actor: &Actor, internal: bool) -> &'static str {
    match (actor, internal) {
        (_, true) => "msg note",
        (Actor::Agent { .. }, false) => "msg from-agent",
        (Actor::System, false) => "msg from-system",
        (Actor::Visitor { .. }, false) => "msg from-visitor",
    }
}

pub fn bubble(lang: Lang, m: Message, tools: MessageTools) -> AnyView {
    let seq = m.seq;
    let class = message_class(&m.actor, m.internal);
    let may_change = tools.may_change(&m.actor, m.deleted);
    let author = author_view(lang, &m.actor, m.internal);
    let time = clock_time(m.at);
    if m.deleted {
        return view! {
            <li class=class class:deleted=true data-seq=seq.to_string()>
                {author}
                <div class="msg-text msg-deleted">{lang.message(MessageText::MessageDeleted)}</div>
                <div class="msg-foot"><time class="msg-time">{time}</time></div>
            </li>
        }
        .into_any();
    }
    let text = m.text.clone();
    let mentions = m.mentions.clone();
    let history = m.history.clone();
    let edited = m.edited;
    let quote = m.quote.clone().map(|q| quote_view(lang, q, tools));
    let files = super::files::message_files(lang, m.files.clone(), tools.viewer);
    let content = move || {
        if tools.editing.get() == Some(seq) {
            return edit_form(lang, seq, text.clone(), tools);
        }
        // A message of files alone has no text line.
        let shown = (!text.is_empty()).then(|| {
            view! { <div class="msg-text">{text_with_mentions(&text, &mentions)}</div> }
        });
        view! {
            {shown}
            {edited.then(|| edits(lang, history.clone()))}
        }
        .into_any()
    };
    let confirm =
        move || (tools.confirming.get() == Some(seq)).then(|| delete_confirm(lang, seq, tools));
    view! {
        <li class=class class:editing=move || tools.editing.get() == Some(seq) data-seq=seq.to_string()>
            {author}
            {quote}
            {content}
            {files}
            {confirm}
            <div class="msg-foot">
                {edited.then(|| view! { <span class="msg-edited">{lang.message(MessageText::Edited)}</span> })}
                <time class="msg-time">{time}</time>
                {move || tools.seen(seq).map(|seen| view! {
                    <span class="msg-seen" class:read=seen>{lang.message(if seen { MessageText::Seen } else { MessageText::Sent })}</span>
                })}
                <MessageMenu seq text=m.text may_change tools/>
            </div>
        </li>
    }
    .into_any()
}

/// The quoted message, one short line under its author's name; a click or Enter shows the
/// original.
fn quote_view(lang: Lang, quote: Quote, tools: MessageTools) -> impl IntoView {
    let seq = quote.seq;
    let excerpt = if quote.deleted {
        lang.message(MessageText::MessageDeleted).to_owned()
    } else {
        quote.excerpt
    };
    view! {
        <button type="button" class="msg-quote" class:note=quote.internal class:deleted=quote.deleted
            data-quote-seq=seq.to_string() title=lang.message(MessageText::ShowOriginal)
            on:click=move |_| tools.show_original(seq)>
            <span class="sr-only">{lang.message(MessageText::QuotedMessage)} ": "</span>
            <span class="msg-quote-author">{author_name(lang, &quote.author)}</span>
            <span class="msg-quote-text">{excerpt}</span>
        </button>
    }
}

/// The text, with each `@Name` of a mentioned colleague highlighted (C2).
fn text_with_mentions(text: &str, mentions: &[openline_core::event::AgentRef]) -> AnyView {
    if mentions.is_empty() {
        return text.to_owned().into_any();
    }
    super::mentions::runs(text, mentions)
        .into_iter()
        .map(|(run, mention)| {
            if mention {
                view! { <mark class="mention">{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// How a message's author is named in a quote and above the composer.
pub fn author_name(lang: Lang, actor: &Actor) -> String {
    match actor {
        Actor::Agent { name, .. } => name.clone(),
        Actor::Visitor { id } => visitor_display_name(id),
        Actor::System => lang.message(MessageText::AutomaticMessage).to_owned(),
    }
}

/// "Show edits": the earlier texts, oldest first, each with the time it was written.
fn edits(lang: Lang, history: Vec<Version>) -> impl IntoView {
    let versions = history
        .into_iter()
        .map(|v| {
            view! {
                <li><time class="msg-history-time">{clock_time(v.at)}</time> " " <span>{v.text}</span></li>
            }
        })
        .collect_view();
    view! {
        <details class="msg-history">
            <summary>{lang.message(MessageText::ShowEdits)}</summary>
            <ol>{versions}</ol>
        </details>
    }
}

fn author_view(lang: Lang, actor: &Actor, internal: bool) -> AnyView {
    let author = match actor {
        Actor::Agent { name, .. } => name.clone(),
        Actor::Visitor { id } => visitor_display_name(id),
        Actor::System => String::new(),
    };
    // Customers' names are in the header; agents' are shown, since several may write.
    match (actor, internal) {
        (_, true) => view! {
            <span class="msg-author">
                <LockIcon/>
                <span class="note-label">{lang.message(MessageText::HiddenNote)}</span>
                " · " {author}
            </span>
        }
        .into_any(),
        (Actor::Agent { .. }, false) => {
            view! { <span class="msg-author">{author}</span> }.into_any()
        }
        (Actor::System, false) => view! {
            <span class="msg-author">{lang.message(MessageText::AutomaticMessage)}</span>
        }
        .into_any(),
        _ => view! { <span class="sr-only">{author} ": "</span> }.into_any(),
    }
}
