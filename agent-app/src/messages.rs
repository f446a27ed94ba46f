//! The message list: customer messages on the left, agents' on the right with their name,
//! hidden notes grey with a lock and "Hidden note", and system lines for the session's life
//! (answered, closed, a new session). New items are announced (`aria-live="polite"`).

use crate::app::use_ui;
use crate::clock::clock_time;
use crate::dialog_log::DialogLog;
use crate::i18n::{Lang, Text};
use leptos::prelude::*;
use openline_core::event::{Actor, Event, EventBody};
use openline_core::inbox::visitor_display_name;

#[component]
pub fn MessageList(
    /// The dialog's events.
    log: RwSignal<DialogLog>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let list = NodeRef::<leptos::html::Ol>::new();
    // Keep the newest item in view; effects run after the DOM is updated.
    Effect::new(move |_| {
        log.with(|l| l.events().len());
        if let Some(el) = list.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });
    view! {
        <Show when=move || !log.with(|l| l.loaded)>
            <p class="list-note">{ui.t(Text::Loading)}</p>
        </Show>
        <ol
            id="messages"
            class="messages"
            node_ref=list
            aria-live="polite"
            aria-label=ui.t(Text::Messages)
            tabindex="0"
        >
            <For
                each=move || log.with(|l| l.events().to_vec())
                key=|e| e.seq
                children=move |e| item(lang, e)
            />
        </ol>
    }
}

fn item(lang: Lang, event: Event) -> AnyView {
    let seq = event.seq;
    match event.body {
        EventBody::MessagePosted { text, internal } => {
            message(lang, seq, event.at, &event.actor, text, internal)
        }
        EventBody::Answered { agent_name, .. } => system(seq, lang.answered_by(&agent_name)),
        EventBody::Closed { .. } => system(seq, lang.closed_by(agent_name(&event.actor))),
        EventBody::SessionOpened { session } => system(seq, lang.session_started(session)),
    }
}

fn message(lang: Lang, seq: u64, at: i64, actor: &Actor, text: String, internal: bool) -> AnyView {
    let class = match (actor, internal) {
        (_, true) => "msg note",
        (Actor::Agent { .. }, false) => "msg from-agent",
        _ => "msg from-visitor",
    };
    let author = match actor {
        Actor::Agent { name, .. } => name.clone(),
        Actor::Visitor { id } => visitor_display_name(id),
        Actor::System => String::new(),
    };
    // Customers' names are in the header; agents' are shown, since several may write.
    let author_view = match (actor, internal) {
        (_, true) => view! {
            <span class="msg-author">
                <LockIcon/>
                <span class="note-label">{lang.t(Text::HiddenNote)}</span>
                " · " {author}
            </span>
        }
        .into_any(),
        (Actor::Agent { .. }, false) => {
            view! { <span class="msg-author">{author}</span> }.into_any()
        }
        _ => view! { <span class="sr-only">{author} ": "</span> }.into_any(),
    };
    view! {
        <li class=class data-seq=seq.to_string()>
            {author_view}
            <div class="msg-text">{text}</div>
            <time class="msg-time">{clock_time(at)}</time>
        </li>
    }
    .into_any()
}

fn system(seq: u64, text: String) -> AnyView {
    view! {
        <li class="system" data-seq=seq.to_string()>
            <span>{text}</span>
        </li>
    }
    .into_any()
}

fn agent_name(actor: &Actor) -> Option<&str> {
    match actor {
        Actor::Agent { name, .. } => Some(name),
        _ => None,
    }
}

#[component]
fn LockIcon() -> impl IntoView {
    view! {
        <svg class="lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path
                fill="currentColor"
                d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
            />
        </svg>
    }
}
