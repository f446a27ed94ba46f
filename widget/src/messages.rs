//! `Messages`: the channel's greeting and the conversation, newest at the bottom.
//!
//! Stable hooks for the end-to-end tests (ui-contract.md): `#messages`, `li.msg[data-seq]` with
//! `from-visitor`/`from-agent` and `.msg-text`, `li.system` for answered/closed. Messages still
//! being sent are `li.pending` (no `seq` yet, so deliberately not `.msg`). The channel's
//! automatic replies (Q14) are `li.msg.from-agent.from-system`, written by the channel's name.
//! A reply that quotes a message (M1) shows it above its text as `.msg-quote`. Each day's first
//! line has `li.day` above it, its name (`days`) an `h2`.

use crate::attach::message_files;
use crate::days;
use crate::i18n::{Lang, Text};
use crate::model::{Author, Delivery, Pending, Quoted, Row, Timeline};
use leptos::either::EitherOf3;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn Messages(
    /// The channel's welcome text, shown above the conversation.
    greeting: String,
    /// The channel's name: the author of its automatic replies.
    channel_name: String,
    /// The conversation to show.
    timeline: RwSignal<Timeline>,
    /// Send the failed messages again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let scroller = NodeRef::<Div>::new();
    // Keep the newest line in view: after every change, once the browser has laid it out.
    Effect::new(move |_| {
        timeline.track();
        request_animation_frame(move || {
            // The list may be gone by then (session replaced): `try_` never panics.
            if let Some(el) = scroller.try_get_untracked().flatten() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    });
    view! {
        // Focusable so keyboard users can scroll the history (axe: scrollable-region-focusable).
        <div class="scroll" node_ref=scroller tabindex="0" role="region"
            aria-label=lang.t(Text::Conversation)>
            <p class="greeting">{greeting}</p>
            <ol id="messages" aria-live="polite">
                <For each=move || timeline.with(|t| t.rows(days::local_day, days::today()))
                    key=Row::key let:row>
                    {row_view(row, lang, &channel_name)}
                </For>
                <For each=move || timeline.with(|t| t.pending().to_vec())
                    key=|p: &Pending| (p.id.clone(), p.delivery.clone()) let:pending>
                    {pending_view(pending, lang, on_retry)}
                </For>
                // W2 read marks: the agents read the customer's latest message.
                {move || timeline.with(Timeline::seen_at_end)
                    .then(|| view! { <li class="seen">{lang.t(Text::Seen)}</li> })}
            </ol>
        </div>
    }
}

fn row_view(row: Row, lang: Lang, channel_name: &str) -> impl IntoView {
    match row {
        Row::Message { seq, author, text, first_of_run, edited, deleted, quote, files, .. } => {
            let visitor = author == Author::Visitor;
            // The author's name shows on the first of a run of agent messages; otherwise it is
            // there for screen readers only ("You:" before the customer's own).
            let named = first_of_run && !visitor;
            let name = match &author {
                Author::Visitor => lang.t(Text::You).to_owned(),
                Author::Agent(name) => name.clone(),
                Author::Channel => channel_name.to_owned(),
            };
            let avatar = named.then(|| {
                view! { <span class="avatar" aria-hidden="true">{initial(&name)}</span> }
            });
            let text = if deleted { lang.t(Text::MessageDeleted).to_owned() } else { text };
            let edited = (edited && !deleted)
                .then(|| view! { <span class="msg-edited">{lang.t(Text::Edited)}</span> });
            // A message of files alone has no text line (C1).
            let text = (!text.is_empty())
                .then(|| view! { <p class="msg-text" class:msg-deleted=deleted>{text}</p> });
            EitherOf3::A(view! {
                <li class="msg" class:from-visitor=visitor class:from-agent=!visitor
                    class:from-system=author == Author::Channel class:first=named
                    class:deleted=deleted data-seq=seq>
                    {avatar}
                    <span class:msg-author=!visitor class:sr-only=!named>{name}</span>
                    {quote.map(|q| quote_view(q, lang, channel_name))}
                    {text}
                    {edited}
                    {message_files(lang, files)}
                </li>
            })
        }
        Row::Joined { seq, agent_name } => EitherOf3::B(system_view(seq, lang.joined(&agent_name))),
        Row::Closed { seq } => EitherOf3::B(system_view(seq, lang.t(Text::Closed).to_owned())),
        Row::Rated { seq, symbols } => EitherOf3::B(system_view(seq, lang.rated(&symbols))),
        // A heading, so screen-reader users can move through the conversation by day.
        Row::Day { name, .. } => EitherOf3::C(view! {
            <li class="day"><h2 class="day-name">{lang.day(name)}</h2></li>
        }),
    }
}

/// A line about the conversation itself (someone joined, it closed).
fn system_view(seq: u64, text: String) -> impl IntoView {
    view! { <li class="system" data-seq=seq>{text}</li> }
}

/// A message on its way ("Sending…"), or one that did not go out, with why and a Retry.
fn pending_view(pending: Pending, lang: Lang, on_retry: Callback<()>) -> impl IntoView {
    let (failed, status) = match pending.delivery {
        Delivery::Sending => (false, lang.t(Text::Sending).to_owned()),
        Delivery::Failed { refused } => {
            (true, refused.unwrap_or_else(|| lang.t(Text::NotSentShort).to_owned()))
        }
    };
    let retry = failed.then(|| {
        view! {
            <button type="button" class="retry" on:click=move |_| on_retry.run(())>
                {lang.t(Text::Retry)}
            </button>
        }
    });
    view! {
        <li class="pending from-visitor" class:failed=failed aria-busy=(!failed).then_some("true")>
            <p class="pending-text">{openline_core::files::message_preview(&pending.text, &pending.files)}</p>
            <span class="msg-status" class:failed-status=failed>{status}</span>
            {retry}
        </li>
    }
}

/// The quoted message's author and first words (M1).
fn quote_view(quote: Quoted, lang: Lang, channel_name: &str) -> impl IntoView {
    let author = match quote.author {
        Author::Visitor => lang.t(Text::Yourself).to_owned(),
        Author::Agent(name) => name,
        Author::Channel => channel_name.to_owned(),
    };
    let text = if quote.deleted { lang.t(Text::MessageDeleted).to_owned() } else { quote.excerpt };
    view! {
        <blockquote class="msg-quote" class:deleted=quote.deleted>
            <span class="sr-only">{lang.t(Text::Quoting)}</span>
            <span class="msg-quote-author">{author}</span>
            <span class="msg-quote-text">{text}</span>
        </blockquote>
    }
}

/// The first letter of a name, for avatars, in capitals. The browser's `toUpperCase` rather
/// than `char::to_uppercase`, whose Unicode table would cost the widget several KB.
pub fn initial(name: &str) -> String {
    let first = name.chars().next().map(String::from).unwrap_or_default();
    web_sys::js_sys::JsString::from(first).to_upper_case().into()
}
