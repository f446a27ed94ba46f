//! `Composer`: the visitor writes and sends a message.
//!
//! Enter sends, Shift+Enter (or an IME composition) inserts a newline. A sent message shows at
//! once as "Sending…" and goes out through the `Outbox` (in order, retried, exactly once); one
//! that cannot go out shows "Not sent" with a Retry button in the list. The emoji button (C4)
//! puts the chosen emoji at the caret. The paperclip, a paste or a drop attaches files (C1),
//! which upload at once and go with the next message.
//!
//! Bytes: the tray, the form and the emoji picker are plain HTML (`Html`) written once, and
//! every event in them is read by one handler where it bubbles (`handle`); the few changes (the
//! tray, the send button's state) are written straight to the page. Through typed views, with
//! a handler per element and event, they cost the widget about 5 KB brotli more.

use crate::attach::{self, files_of, Tray};
use crate::dom;
use crate::emoji::{picker_html, Picker};
use crate::i18n::{Lang, Text};
use crate::outbox::Outbox;
use leptos::prelude::*;
use openline_browser::html::{self, html, Escaped, Html};
use openline_core::limits::MAX_MESSAGE_CHARS;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlTextAreaElement, KeyboardEvent};

const AREA: &str = "composer-area";
const INPUT: &str = "composer-input";

/// The events the composer reads (`focusout`: the text box's blur, which does not bubble).
const EVENTS: [&str; 8] =
    ["click", "mousedown", "keydown", "input", "paste", "focusout", "submit", "change"];

/// What the composer's events act on.
#[derive(Clone, Copy)]
struct Parts {
    outbox: Outbox,
    on_typing: Callback<bool>,
    on_stop: Callback<()>,
    tray: Tray,
    picker: Picker,
}

#[component]
pub fn Composer(
    /// Where sent messages go: they show at once and leave in order (see `outbox`).
    outbox: Outbox,
    /// The draft changed; `true`: it is empty now (W2).
    on_typing: Callback<bool>,
    /// The draft was sent or the box left (W2).
    on_stop: Callback<()>,
    /// Files going with the next message (C1).
    tray: Tray,
    /// The box's hint: the channel's own (W5) or "Write a message…".
    placeholder: String,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let on_pick = Callback::new(move |emoji: String| insert_emoji(&emoji, on_typing));
    let picker = Picker::new(lang, on_pick, Callback::new(|()| focus_input()));
    let parts = Parts { outbox, on_typing, on_stop, tray, picker };
    dom::listen(AREA, &EVENTS, move |ev| handle(parts, ev));
    // Start with the cursor in the box: the visitor opened the window to write.
    request_animation_frame(focus_input);
    // The tray shows while it holds files; the message waits for a file still uploading.
    Effect::new(move |_| {
        let rows = attach::rows(tray);
        if let Some(list) = dom::by_id(AREA).and_then(|area| area.query_selector(".tray").ok()?) {
            html::set(&list, &rows);
            _ = list.toggle_attribute_with_force("hidden", rows.is_empty());
        }
        if let Some(send) = dom::by_id("composer-send") {
            _ = send.set_attribute("aria-disabled", &tray.busy().to_string());
        }
    });
    let inside = html::inner(markup(lang, &placeholder));
    // `{AREA}`: a bare `AREA {..inside}` would read as a struct literal.
    view! { <div class="composer-area" id={AREA} {..inside}></div> }
}

/// The tray and the form: paperclip, text box (`INPUT`), emoji picker and send button.
fn markup(lang: Lang, placeholder: &str) -> Html {
    html!(
        r#"{}<form class="composer">{}<label for="composer-input" class="sr-only">{}</label><textarea id="composer-input" rows="1" maxlength="{}" placeholder="{}"></textarea>{}<button id="composer-send" type="submit" class="send" aria-label="{}" aria-disabled="false"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10.1 15 12 3.4 13.9z"/></svg></button></form>"#,
        attach::tray_html(lang),
        attach::attach_html(lang),
        Escaped(lang.t(Text::MessageLabel)),
        MAX_MESSAGE_CHARS,
        Escaped(placeholder),
        picker_html(lang),
        Escaped(lang.t(Text::Send)),
    )
}

/// One event from anywhere in the composer, by its kind and where it happened.
fn handle(parts: Parts, ev: Event) {
    let Some(target) = dom::target(&ev) else { return };
    let kind = ev.type_();
    if parts.picker.handle(&kind, &ev, &target) {
        return;
    }
    let id = target.id();
    match (kind.as_str(), id.as_str()) {
        ("submit", _) => {
            ev.prevent_default();
            send(parts);
        }
        ("keydown", INPUT) => {
            let key: &KeyboardEvent = ev.unchecked_ref();
            if key.key() == "Enter" && !key.shift_key() && !key.is_composing() {
                ev.prevent_default();
                send(parts);
            }
        }
        ("input", INPUT) => {
            let empty = input().is_none_or(|el| el.value().trim().is_empty());
            parts.on_typing.run(empty);
        }
        // A pasted screenshot is attached, not typed.
        ("paste", INPUT) => {
            let pasted: &web_sys::ClipboardEvent = ev.unchecked_ref();
            let files = files_of(pasted.clipboard_data().and_then(|d| d.files()));
            if !files.is_empty() {
                ev.prevent_default();
                parts.tray.add(files);
            }
        }
        ("focusout", INPUT) => parts.on_stop.run(()),
        ("change", "attach-input") => {
            let picked: &web_sys::HtmlInputElement = target.unchecked_ref();
            parts.tray.add(files_of(picked.files()));
            picked.set_value("");
        }
        ("click", _) => {
            if target.closest("#attach-button").ok().flatten().is_some() {
                if let Some(picked) = dom::by_id("attach-input") {
                    picked.unchecked_into::<web_sys::HtmlElement>().click();
                }
            }
            let key = target.get_attribute("data-key").and_then(|k| k.parse().ok());
            if let Some(key) = key.filter(|_| target.class_list().contains("tray-remove")) {
                parts.tray.remove(key);
            }
        }
        _ => {}
    }
}

/// Sending never waits: the message joins the outbox, even with the network gone. Only a file
/// still uploading holds it back.
fn send(parts: Parts) {
    let Some(el) = input() else { return };
    let text = el.value().trim().to_owned();
    if parts.tray.busy() {
        return;
    }
    let files = parts.tray.take_ready();
    if text.is_empty() && files.is_empty() {
        return;
    }
    el.set_value("");
    parts.on_stop.run(());
    parts.outbox.send(text, files);
}

/// Puts a chosen emoji at the caret and gives the box its focus back.
fn insert_emoji(emoji: &str, on_typing: Callback<bool>) {
    let Some(el) = input() else { return };
    let start = el.selection_start().ok().flatten().unwrap_or(u32::MAX);
    let end = el.selection_end().ok().flatten().unwrap_or(u32::MAX);
    let (text, caret) = openline_core::emoji::insert_at(&el.value(), start, end, emoji);
    el.set_value(&text);
    _ = el.focus();
    _ = el.set_selection_range(caret, caret);
    on_typing.run(false);
}

/// Puts the caret in the message box, if it shows.
pub fn focus_input() {
    if let Some(el) = input() {
        _ = el.focus();
    }
}

fn input() -> Option<HtmlTextAreaElement> {
    dom::by_id(INPUT)?.dyn_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markup_has_the_text_box_the_composer_looks_for() {
        let markup = markup(Lang::En, r#"<b>"Hi"</b>"#);
        let markup = markup.as_str();
        assert!(markup.contains(&format!(r#"<textarea id="{INPUT}" rows="1""#)), "{markup}");
        assert!(markup.contains(r#"placeholder="&lt;b>&quot;Hi&quot;&lt;/b>""#), "{markup}");
    }
}
