//! `Messages`: the channel's greeting and the conversation, newest at the bottom.
//!
//! Stable hooks for the end-to-end tests (ui-contract.md): `#messages`, `li.msg[data-seq]` with
//! `from-visitor`/`from-agent` and `.msg-text`, `li.system` for answered/closed. Messages still
//! being sent are `li.pending` (no `seq` yet, so deliberately not `.msg`). The channel's
//! automatic replies (Q14) are `li.msg.from-agent.from-system`, written by the channel's name.
//! A reply that quotes a message (M1) shows it above its text as `.msg-quote`. Each day's first
//! line has `li.day` above it, its name (`days`) an `h2`. Under the customer's latest message,
//! `li.sent` or `li.seen` (W2).
//!
//! Bytes: each line is one `Html` string (its texts escaped by type), and the list is kept by
//! hand: a line whose key (`Row::key`) is unchanged stays in the page as it is, so the live
//! region announces only what is new and images do not load again. Clicks (Retry, a thumbnail)
//! are read where they bubble to the chat (`chat`). Through typed views and keyed `<For>`s the
//! list cost about 8 KB brotli more.

use crate::attach::files_html;
use crate::days;
use crate::dom;
use crate::i18n::{Lang, Text};
use crate::model::{Author, Delivery, Pending, Quoted, Row, Timeline};
use leptos::prelude::*;
use openline_browser::html::{self, html, Escaped, Html};
use openline_core::ids::CommandId;
use web_sys::Element;

/// What a line is drawn from: while it is the same, the line is not drawn again.
#[derive(Clone, Debug, PartialEq)]
enum Key {
    Row((u64, u8, u64)),
    Pending(CommandId, Delivery),
    /// "Seen" (`true`) or "Sent".
    Mark(bool),
}

#[component]
pub fn Messages(
    /// The channel's welcome text, shown above the conversation.
    greeting: String,
    /// The channel's name: the author of its automatic replies.
    channel_name: String,
    /// The conversation to show.
    timeline: RwSignal<Timeline>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    // The lines in the page, in order, with their keys.
    let mut shown: Vec<(Key, Element)> = Vec::new();
    Effect::new(move |_| {
        let lines = timeline.with(|t| lines(t, lang, &channel_name));
        let Some(list) = dom::by_id("messages") else { return };
        // A list an earlier chat drew may be reused (a session replaced in place): start afresh.
        if shown.is_empty() {
            html::set(&list, &Html::default());
        }
        let write = |line: &Html| {
            html::append(&list, line);
            list.last_element_child()
        };
        let put = |el: &Element, before: Option<&Element>| {
            _ = list.insert_before(el, before.map(|b| b.as_ref()));
        };
        redraw(&mut shown, lines, write, put, Element::remove);
        // Keep the newest line in view, once the browser has laid it out.
        request_animation_frame(move || {
            if let Some(scroller) = list.parent_element() {
                scroller.set_scroll_top(scroller.scroll_height());
            }
        });
    });
    view! {
        // Focusable so keyboard users can scroll the history (axe: scrollable-region-focusable).
        <div class="scroll" tabindex="0" role="region" aria-label=lang.t(Text::Conversation)>
            <p class="greeting">{greeting}</p>
            <ol id="messages" aria-live="polite"></ol>
        </div>
    }
}

/// The list's lines with their keys: the conversation, the messages on their way, and "Seen".
fn lines(timeline: &Timeline, lang: Lang, channel_name: &str) -> Vec<(Key, Html)> {
    let rows = timeline.rows(days::local_day, days::today());
    let mut lines: Vec<(Key, Html)> =
        rows.iter().map(|row| (Key::Row(row.key()), row_html(row, lang, channel_name))).collect();
    for pending in timeline.pending() {
        let key = Key::Pending(pending.id.clone(), pending.delivery.clone());
        lines.push((key, pending_html(pending, lang)));
    }
    // W2: the customer's latest message reached the server, or the agents read it.
    if let Some(seen) = timeline.mark_at_end() {
        let (class, text) = if seen { ("seen", Text::Seen) } else { ("sent", Text::Sent) };
        let line = html!(r#"<li class="{}">{}</li>"#, Escaped(class), Escaped(lang.t(text)));
        lines.push((Key::Mark(seen), line));
    }
    lines
}

/// Brings the `shown` lines to `wanted`, in its order: lines whose key is still wanted are kept
/// (moved if need be), the others removed, and new ones written from their HTML. `write` adds a
/// line anywhere, `put(el, before)` moves it before another (`None`: to the end). Generic over
/// the element, so it is tested natively.
fn redraw<E>(
    shown: &mut Vec<(Key, E)>,
    wanted: Vec<(Key, Html)>,
    mut write: impl FnMut(&Html) -> Option<E>,
    mut put: impl FnMut(&E, Option<&E>),
    mut remove: impl FnMut(&E),
) {
    shown.retain(|(key, el)| {
        let keep = wanted.iter().any(|(k, _)| k == key);
        if !keep {
            remove(el);
        }
        keep
    });
    for (i, (key, html)) in wanted.into_iter().enumerate() {
        if shown.get(i).is_some_and(|(k, _)| *k == key) {
            continue;
        }
        let el = match shown[i..].iter().position(|(k, _)| *k == key) {
            Some(at) => shown.remove(i + at).1,
            None => {
                let Some(el) = write(&html) else { continue };
                el
            }
        };
        put(&el, shown.get(i).map(|(_, e)| e));
        shown.insert(i, (key, el));
    }
}

fn row_html(row: &Row, lang: Lang, channel_name: &str) -> Html {
    match row {
        Row::Message { seq, author, text, first_of_run, edited, deleted, quote, files, .. } => {
            let visitor = *author == Author::Visitor;
            // The author's name shows on the first of a run of agent messages; otherwise it is
            // there for screen readers only ("You:" before the customer's own).
            let named = *first_of_run && !visitor;
            let name = author_name(author, lang.t(Text::You), channel_name);
            let mut class = if visitor { "msg from-visitor" } else { "msg from-agent" }.to_owned();
            for (on, extra) in [
                (*author == Author::Channel, " from-system"),
                (named, " first"),
                (*deleted, " deleted"),
            ] {
                if on {
                    class.push_str(extra);
                }
            }
            let mut html = html!(r#"<li class="{}" data-seq="{}">"#, Escaped(&class), seq);
            if named {
                html += html!(
                    r#"<span class="avatar" aria-hidden="true">{}</span>"#,
                    Escaped(&initial(&name))
                );
            }
            let name_class = match (visitor, named) {
                (true, _) => "sr-only",
                (false, true) => "msg-author",
                (false, false) => "msg-author sr-only",
            };
            html += html!(r#"<span class="{}">{}</span>"#, Escaped(name_class), Escaped(&name));
            if let Some(quote) = quote {
                html += quote_html(quote, lang, channel_name);
            }
            let text = if *deleted { lang.t(Text::MessageDeleted) } else { text };
            // A message of files alone has no text line (C1).
            if !text.is_empty() {
                let deleted = if *deleted { " msg-deleted" } else { "" };
                html += html!(r#"<p class="msg-text{}">{}</p>"#, Escaped(deleted), Escaped(text));
            }
            if *edited && !*deleted {
                let edited = Escaped(lang.t(Text::Edited));
                html += html!(r#"<span class="msg-edited">{}</span>"#, edited);
            }
            html + files_html(lang, files) + html!("</li>")
        }
        Row::Joined { seq, agent_name } => system_html(*seq, &lang.joined(agent_name)),
        Row::Closed { seq } => system_html(*seq, lang.t(Text::Closed)),
        Row::Rated { seq, symbols } => system_html(*seq, &lang.rated(symbols)),
        // A heading, so screen-reader users can move through the conversation by day.
        Row::Day { name, .. } => {
            html!(r#"<li class="day"><h2 class="day-name">{}</h2></li>"#, Escaped(&lang.day(*name)))
        }
    }
}

/// A line about the conversation itself (someone joined, it closed).
fn system_html(seq: u64, text: &str) -> Html {
    html!(r#"<li class="system" data-seq="{}">{}</li>"#, seq, Escaped(text))
}

/// A message on its way ("Sending…"), or one that did not go out, with why and a Retry.
fn pending_html(pending: &Pending, lang: Lang) -> Html {
    let text = openline_core::files::message_preview(&pending.text, &pending.files);
    let text = Escaped(&text);
    match &pending.delivery {
        Delivery::Sending => html!(
            r#"<li class="pending from-visitor" aria-busy="true"><p class="pending-text">{}</p><span class="msg-status">{}</span></li>"#,
            text,
            Escaped(lang.t(Text::Sending))
        ),
        Delivery::Failed { refused } => html!(
            r#"<li class="pending from-visitor failed"><p class="pending-text">{}</p><span class="msg-status failed-status">{}</span><button type="button" class="retry">{}</button></li>"#,
            text,
            Escaped(refused.as_deref().unwrap_or(lang.t(Text::NotSentShort))),
            Escaped(lang.t(Text::Retry))
        ),
    }
}

/// The quoted message's author and first words (M1).
fn quote_html(quote: &Quoted, lang: Lang, channel_name: &str) -> Html {
    let author = author_name(&quote.author, lang.t(Text::Yourself), channel_name);
    let (deleted, text) = if quote.deleted {
        (" deleted", lang.t(Text::MessageDeleted))
    } else {
        ("", quote.excerpt.as_str())
    };
    html!(
        r#"<blockquote class="msg-quote{}"><span class="sr-only">{}</span><span class="msg-quote-author">{}</span><span class="msg-quote-text">{}</span></blockquote>"#,
        Escaped(deleted),
        Escaped(lang.t(Text::Quoting)),
        Escaped(&author),
        Escaped(text)
    )
}

/// An author's name as the customer reads it; `visitor` is what they are called themselves.
fn author_name(author: &Author, visitor: &str, channel_name: &str) -> String {
    match author {
        Author::Visitor => visitor.to_owned(),
        Author::Agent(name) => name.clone(),
        Author::Channel => channel_name.to_owned(),
    }
}

/// The first letter of a name, for avatars, in capitals. The browser's `toUpperCase` rather
/// than `char::to_uppercase`, whose Unicode table would cost the widget several KB.
pub fn initial(name: &str) -> String {
    let first = name.chars().next().map(String::from).unwrap_or_default();
    web_sys::js_sys::JsString::from(first).to_upper_case().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    #[test]
    fn w2_c1_m1_what_people_wrote_is_escaped_in_every_line() {
        let evil = r#"<img src=x onerror="alert(1)">&"#;
        let file = openline_core::files::FileRef {
            id: openline_core::ids::FileId::parse("f_1").unwrap(),
            name: evil.into(),
            size: 10,
            content_type: "application/pdf".into(),
            url: Some(format!("/x?{evil}")),
        };
        let message = Row::Message {
            seq: 3,
            author: Author::Agent(evil.into()),
            text: evil.into(),
            first_of_run: false,
            edited: true,
            deleted: false,
            quote: Some(Quoted {
                seq: 1,
                author: Author::Agent(evil.into()),
                excerpt: evil.into(),
                deleted: false,
            }),
            files: vec![file],
            version: 3,
        };
        let mut timeline = Timeline::default();
        let id = CommandId::parse("c_1").unwrap();
        timeline.add_pending(id.clone(), evil.into(), Vec::new());
        timeline.refuse(&id, evil.into());
        let mut html = row_html(&message, Lang::En, evil);
        html += row_html(&Row::Joined { seq: 4, agent_name: evil.into() }, Lang::En, evil);
        html += pending_html(&timeline.pending()[0], Lang::En);
        let html = html.as_str();
        assert!(!html.contains("<img") && !html.contains(r#""alert"#), "{html}");
        assert!(html.contains(r#"<span class="msg-author sr-only">&lt;img"#));
        assert!(html.contains(r#"<span class="msg-quote-author">&lt;img"#));
        assert!(html.contains(
            r#"<p class="msg-text">&lt;img src=x onerror=&quot;alert(1)&quot;>&amp;</p>"#
        ));
        assert!(html.contains(r#"download="&lt;img src=x onerror=&quot;alert(1)&quot;>&amp;""#));
        assert!(html.contains(
            r#"<li class="pending from-visitor failed"><p class="pending-text">&lt;img"#
        ));
        assert!(html.contains(r#"<span class="msg-status failed-status">&lt;img"#));
        assert!(html.contains(r#"<button type="button" class="retry">Retry</button>"#));
    }

    #[test]
    fn w2_the_list_keeps_unchanged_lines_and_follows_every_change() {
        // Strings stand for the page's elements.
        let page = RefCell::new(Vec::<String>::new());
        let mut shown = Vec::new();
        for (wanted, expected, written) in [
            (&[1, 2, 3][..], "1 2 3", "1 2 3"),
            (&[1, 2, 3, 4], "1 2 3 4", "4"),
            (&[1, 3, 4], "1 3 4", ""),
            (&[1, 5, 3, 4, 6], "1 5 3 4 6", "5 6"),
            (&[6, 4, 3, 1], "6 4 3 1", ""),
            (&[], "", ""),
            (&[7, 8], "7 8", "7 8"),
        ] {
            let wanted = wanted.iter().map(|&n| (Key::Row((n, 0, n)), html!("{}", n))).collect();
            let new = RefCell::new(Vec::new());
            let write = |html: &Html| {
                new.borrow_mut().push(html.as_str().to_owned());
                page.borrow_mut().push(html.as_str().to_owned());
                Some(html.as_str().to_owned())
            };
            let remove = |el: &String| page.borrow_mut().retain(|e| e != el);
            let put = |el: &String, before: Option<&String>| {
                remove(el);
                let mut page = page.borrow_mut();
                let at = before.map_or(page.len(), |b| page.iter().position(|e| e == b).unwrap());
                page.insert(at, el.clone());
            };
            redraw(&mut shown, wanted, write, put, remove);
            assert_eq!(page.borrow().join(" "), expected);
            assert_eq!(new.borrow().join(" "), written, "only new lines are written");
            let held: Vec<String> = shown.iter().map(|(_, e)| e.clone()).collect();
            assert_eq!(*page.borrow(), held, "the list knows what the page holds");
        }
    }
}
