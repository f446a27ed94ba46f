//! `Messages`: the channel's greeting and the conversation, newest at the bottom.
//!
//! Stable hooks for the end-to-end tests (ui-contract.md): `#messages`, `li.msg[data-seq]` with
//! `from-visitor`/`from-agent` and `.msg-text`, `li.system` for answered/closed. Messages still
//! being sent are `li.pending` (no `seq` yet, so deliberately not `.msg`). The channel's
//! automatic replies (Q14) are `li.msg.from-agent.from-system`, written by the channel's name.
//! A reply that quotes a message (M1) shows it above its text as `.msg-quote`.

use crate::i18n::{Lang, Text};
use crate::model::{Author, Delivery, Pending, Quoted, Row, Timeline};
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
                <For each=move || timeline.with(Timeline::rows) key=Row::key let:row>
                    {row_view(row, lang, &channel_name)}
                </For>
                <For each=move || timeline.with(|t| t.pending().to_vec())
                    key=|p: &Pending| (p.id.clone(), p.delivery.clone()) let:pending>
                    {pending_view(pending, lang, on_retry)}
                </For>
            </ol>
        </div>
    }
}

fn row_view(row: Row, lang: Lang, channel_name: &str) -> impl IntoView {
    match row {
        Row::Message { seq, author: Author::Visitor, text, edited, deleted, quote, .. } => view! {
            <li class="msg from-visitor" class:deleted=deleted data-seq=seq>
                <span class="sr-only">{lang.t(Text::You)}</span>
                {quote.map(|q| quote_view(q, lang, channel_name))}
                {body(lang, text, edited, deleted)}
            </li>
        }
        .into_any(),
        Row::Message { seq, author, text, first_of_run, edited, deleted, quote, .. } => {
            let automatic = author == Author::Channel;
            let name = match author {
                Author::Agent(name) => name,
                _ => channel_name.to_owned(),
            };
            let avatar = first_of_run.then(|| {
                view! { <span class="avatar" aria-hidden="true">{initial(&name)}</span> }
            });
            view! {
            <li class="msg from-agent" class:from-system=automatic class:first=first_of_run
                class:deleted=deleted data-seq=seq>
                {avatar}
                <span class="msg-author" class:sr-only=!first_of_run>{name}</span>
                {quote.map(|q| quote_view(q, lang, channel_name))}
                {body(lang, text, edited, deleted)}
            </li>
            }
            .into_any()
        }
        Row::Joined { seq, agent_name } => view! {
            <li class="system" data-seq=seq>{lang.joined(&agent_name)}</li>
        }
        .into_any(),
        Row::Closed { seq } => view! {
            <li class="system" data-seq=seq>{lang.t(Text::Closed)}</li>
        }
        .into_any(),
    }
}

/// A message on its way ("Sending…"), or one that did not go out, with why and a Retry.
fn pending_view(pending: Pending, lang: Lang, on_retry: Callback<()>) -> impl IntoView {
    match pending.delivery {
        Delivery::Sending => view! {
            <li class="pending from-visitor" aria-busy="true">
                <p class="pending-text">{pending.text}</p>
                <span class="msg-status">{lang.t(Text::Sending)}</span>
            </li>
        }
        .into_any(),
        Delivery::Failed { refused } => view! {
            <li class="pending failed from-visitor">
                <p class="pending-text">{pending.text}</p>
                <span class="msg-status failed-status">
                    {refused.unwrap_or_else(|| lang.t(Text::NotSentShort).to_owned())}
                </span>
                <button type="button" class="retry" on:click=move |_| on_retry.run(())>
                    {lang.t(Text::Retry)}
                </button>
            </li>
        }
        .into_any(),
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

/// The text with an "edited" mark (M8), or in its place "Message deleted" (M9).
fn body(lang: Lang, text: String, edited: bool, deleted: bool) -> AnyView {
    if deleted {
        return view! { <p class="msg-text msg-deleted">{lang.t(Text::MessageDeleted)}</p> }
            .into_any();
    }
    view! {
        <p class="msg-text">{text}</p>
        {edited.then(|| view! { <span class="msg-edited">{lang.t(Text::Edited)}</span> })}
    }
    .into_any()
}

/// The first letter of a name, for avatars, in capitals. The browser's `toUpperCase` rather
/// than `char::to_uppercase`, whose Unicode table would cost the widget several KB.
pub fn initial(name: &str) -> String {
    let first = name.chars().next().map(String::from).unwrap_or_default();
    web_sys::js_sys::JsString::from(first).to_upper_case().into()
}
