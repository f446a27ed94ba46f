//! `Chat`: one open session: the live event list, its connection state and the composer.
//!
//! Owns the `Timeline` signal. The socket and the composer both feed it; the message list
//! only reads it. Everything here is dropped (socket included) when the session is replaced.
//! Also the typing indicators (W2): "Ana is typing…" under the list, and the visitor's own
//! typing sent as core's `typing::Throttle` says.

use crate::app::tell_parent;
use crate::attach::{files_of, viewer, Tray};
use crate::composer::Composer;
use crate::dom;
use crate::feedback::{contact_form, rating_prompt, send_command};
use crate::i18n::{Lang, Text};
use crate::messages::{initial, Messages};
use crate::model::Timeline;
use crate::outbox::Outbox;
use crate::socket::{use_event_socket, Link, Sender};
use leptos::either::Either;
use leptos::prelude::*;
use openline_core::contact::RatingScale;
use openline_core::event::Actor;
use openline_core::protocol::{TypingUpdate, WidgetSession};
use openline_core::typing::{Shown, Throttle, SHOWN_MS};
use openline_core::Command;
use std::time::Duration;
use wasm_bindgen::JsCast;

const STALE_AFTER_FAILURES: u32 = 4;

// Long: wires the chat's parts (each a function below) and draws them; the widget's bytes
// favour one component.
#[component]
pub fn Chat(
    /// The visitor's open session (token, dialog, channel).
    session: WidgetSession,
    /// Called when the server no longer accepts the token: the app opens a new session.
    on_expired: Callback<()>,
    /// Called when the socket keeps failing: the app checks that the token is still good.
    on_stale: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let timeline = RwSignal::new(Timeline::default());
    let outbox = Outbox::new(
        timeline,
        session.visitor_token.clone(),
        session.dialog_id.as_str(),
        on_expired,
        lang,
    );
    let sender = connect(&session.visitor_token, timeline, outbox, on_stale, lang);
    let (on_typing, on_stop) = typing_senders(sender);
    let tray = Tray::new(session.visitor_token.clone(), lang);
    // W4: the pre-chat form (or, with nobody to answer, the offline form) until the customer
    // is introduced; a rating once a conversation ends.
    let info = session.channel.clone();
    let intake = info.intake();
    let (offline, fields) = (intake.offline, intake.fields.to_vec());
    let panels = Panels {
        skipped: StoredValue::new(fields.is_empty()),
        introduced: RwSignal::new(fields.is_empty()),
        rating_due: RwSignal::new(false),
        offline,
    };
    let Panels { skipped, introduced, rating_due, .. } = panels;
    let token = session.visitor_token.clone();
    let rate_token = token.clone();
    let placeholder = match info.look.placeholder.as_str() {
        "" => lang.t(Text::Placeholder),
        own => own,
    }
    .to_owned();
    let bottom = move || {
        if introduced.get() {
            let placeholder = placeholder.clone();
            Either::Left(view! { <Composer outbox on_typing on_stop tray placeholder /> })
        } else {
            let on_skip = move || {
                skipped.set_value(true);
                introduced.set(true);
            };
            let (fields, token) = (fields.clone(), token.clone());
            Either::Right(contact_form(fields, offline, token, timeline, outbox, on_skip))
        }
    };
    let rating = move || {
        (rating_due.get() && info.rating != RatingScale::Off)
            .then(|| rating_prompt(info.rating, rate_token.clone(), timeline))
    };
    let mark_read = read_marker(session.visitor_token.clone(), timeline);
    let header = (info.name.clone(), info.look.tagline.clone());
    follow_timeline(timeline, panels, header, outbox, mark_read, lang);
    // The window shown (a chat made ready earlier, while hidden, never had the caret).
    let _ = window_event_listener(leptos::ev::focus, move |_| {
        if document().active_element().is_none_or(|el| el.tag_name() == "BODY") {
            crate::composer::focus_input();
        }
        mark_read();
    });
    // W5: the site told who its user is (`Openline.identify({ name, email, phone })`).
    if let Some(contact) = crate::api::identified_contact() {
        send_command(session.visitor_token.clone(), timeline, Command::ShareContact { contact });
    }
    listen_on_chat(tray, outbox, lang);
    view! {
        <div class="drop-zone" id="drop-zone">
        // Lines written as things change (empty ones take no room): the connection, who is
        // typing, the offline form's note.
        <p class="banner" id="banner" role="status"></p>
        <Messages greeting=session.channel.greeting channel_name=session.channel.name timeline />
        <p class="typing" id="typing-indicator"></p>
        {rating}
        <p class="offline-note" id="offline-note" role="status"></p>
        {bottom}
        </div>
    }
}

/// What shows besides the messages, kept by hand from the timeline and changed only when it
/// changes (what a `Memo` does, whose machinery costs the widget about 1 KB).
#[derive(Clone, Copy)]
struct Panels {
    /// Everything the form asked was optional and left empty.
    skipped: StoredValue<bool>,
    /// The customer is introduced (W4): the composer shows, not the form.
    introduced: RwSignal<bool>,
    /// The rating prompt shows (W4).
    rating_due: RwSignal<bool>,
    /// The form is the offline form.
    offline: bool,
}

/// After each change of the timeline: whether the form or the rating shows, who answers (the
/// header: the channel's name and tagline until someone does), what is unread (the launcher),
/// what is not sent yet (kept by the outbox), read marks.
fn follow_timeline(
    timeline: RwSignal<Timeline>,
    panels: Panels,
    header: (String, String),
    outbox: Outbox,
    mark_read: impl Fn() + 'static,
    lang: Lang,
) {
    let (channel_name, tagline) = header;
    let Panels { skipped, introduced, rating_due, offline } = panels;
    Effect::new(move |told: Option<Told>| {
        let (now_introduced, now_due, answered, now) = timeline.with(|t| {
            let agent = t.answering_agent().map(str::to_owned);
            let now = Told { agent, unread: t.unread_count(), chat: t.introduced() };
            (skipped.get_value() || now.chat, t.rating_due(), t.answered(), now)
        });
        // W4: with the offline form sent, a note says the answer comes here, in the chat (no email
        // is sent yet: issue 17).
        let waiting = offline && now_introduced && !answered;
        dom::set_text("offline-note", if waiting { lang.t(Text::OfflineThanks) } else { "" });
        for (signal, now) in [(introduced, now_introduced), (rating_due, now_due)] {
            if signal.get_untracked() != now {
                signal.set(now);
            }
        }
        if told.as_ref().is_none_or(|told| told.agent != now.agent) {
            match &now.agent {
                Some(agent) => show_heading(agent, &channel_name),
                None => show_heading(&channel_name, &tagline),
            }
        }
        if told.as_ref().is_none_or(|told| (told.unread, told.chat) != (now.unread, now.chat)) {
            tell_parent("openline:unread", now.unread, now.chat);
        }
        outbox.keep();
        mark_read();
        now
    });
}

/// The chat's socket: events go into the timeline (a live message to the customer is counted
/// by the page's launcher), typing shows under the list (W2), the link's state shows in the
/// banner; after a few failures in a row `on_stale` asks whether the server still knows the
/// visitor, and back online the outbox sends what failed.
fn connect(
    token: &str,
    timeline: RwSignal<Timeline>,
    outbox: Outbox,
    on_stale: Callback<()>,
    lang: Lang,
) -> Sender {
    // Who is typing (W2), written straight to `#typing-indicator` as it changes.
    let shown = StoredValue::new(Shown::default());
    let show_typist = move || {
        let typist = shown.try_with_value(|s| match s.typist(now()) {
            Some(Actor::Agent { name, .. }) => lang.is_typing(name),
            _ => String::new(),
        });
        dom::set_text("typing-indicator", &typist.unwrap_or_default());
    };
    use_event_socket(
        token,
        move |frame| {
            shown.update_value(|s| s.events(&frame.events));
            show_typist();
            // Live messages to the customer: the page's launcher counts them while hidden.
            if !frame.reset && frame.events.iter().any(is_for_the_customer) {
                tell_parent("openline:message", 0, false);
            }
            timeline.update(|t| t.apply_frame(frame));
        },
        move |frame| {
            shown.update_value(|s| s.frame(frame, now()));
            show_typist();
            // Look again when the line lapses, in case no "stopped" comes.
            set_timeout(show_typist, Duration::from_millis(SHOWN_MS as u64 + 50));
        },
        move |link| {
            let down = matches!(link, Link::Down(_));
            dom::set_text("banner", if down { lang.t(Text::Reconnecting) } else { "" });
            match link {
                // A socket refused at the upgrade looks like any network failure from here, so
                // after a few failures in a row ask whether the server still knows this visitor.
                Link::Down(failures) if failures % STALE_AFTER_FAILURES == 0 => on_stale.run(()),
                // Back online: what failed for lack of network goes again by itself.
                Link::Live => outbox.retry(),
                Link::Down(_) => {}
            }
        },
    )
}

/// The visitor's typing sent as core's `typing::Throttle` says (W2): on each keystroke (`empty`:
/// the box is empty again), and when they stop.
fn typing_senders(sender: Sender) -> (Callback<bool>, Callback<()>) {
    let throttle = StoredValue::new(Throttle::default());
    let on_typing = Callback::new(move |empty: bool| {
        let updates = throttle.try_update_value(|t| t.typed(now(), false, empty));
        updates.into_iter().flatten().for_each(|u| send(sender, u));
    });
    let on_stop = Callback::new(move |()| {
        if let Some(Some(update)) = throttle.try_update_value(Throttle::stopped) {
            send(sender, update);
        }
    });
    (on_typing, on_stop)
}

/// W2 read marks: what agents wrote is read while the chat has the focus; each mark is sent
/// once.
fn read_marker(token: String, timeline: RwSignal<Timeline>) -> impl Fn() + Copy {
    let token = StoredValue::new(token);
    let marked = StoredValue::new(0u64);
    move || {
        let Some(up_to) = timeline.with_untracked(Timeline::unread_mark) else { return };
        if up_to <= marked.get_value() || !document().has_focus().unwrap_or(false) {
            return;
        }
        marked.set_value(up_to);
        send_command(token.get_value(), timeline, Command::MarkRead { up_to });
    }
}

/// Events read where they bubble to the chat: files dropped anywhere on it are attached (C1),
/// Retry sends the failed messages again, a thumbnail opens large.
fn listen_on_chat(tray: Tray, outbox: Outbox, lang: Lang) {
    dom::listen("drop-zone", &["dragover", "drop", "click", "keydown"], move |ev| {
        let zone = ev.current_target().and_then(|z| z.dyn_into::<web_sys::Element>().ok());
        let (Some(target), Some(zone)) = (dom::target(&ev), zone) else { return };
        let kind = ev.type_();
        if matches!(kind.as_str(), "dragover" | "drop") {
            let files = ev.unchecked_ref::<web_sys::DragEvent>().data_transfer();
            if files.as_ref().is_some_and(|d| d.types().includes(&"Files".into(), 0)) {
                ev.prevent_default();
                if kind == "drop" {
                    tray.add(files_of(files.and_then(|d| d.files())));
                }
            }
            return;
        }
        if kind == "click" && target.class_list().contains("retry") {
            outbox.retry();
        }
        viewer(&zone, &kind, &ev, &target, lang);
    });
}

/// What the chat last told the header and the loader.
struct Told {
    /// The agent answering, whom the header names (W2).
    agent: Option<String>,
    /// The agents' messages not read yet, and whether there is a conversation (the loader's).
    unread: usize,
    chat: bool,
}

/// The window's header: the agent answering with the channel under them, or the channel with
/// its tagline (W5); the avatar is the title's initial.
fn show_heading(title: &str, under: &str) {
    dom::set_text("widget-logo", &initial(title));
    dom::set_text("widget-title", title);
    dom::set_text("widget-tagline", under);
}

/// A new message from an agent or the channel (not the customer's own).
fn is_for_the_customer(event: &openline_core::Event) -> bool {
    matches!(event.body, openline_core::EventBody::MessagePosted { internal: false, .. })
        && !matches!(event.actor, Actor::Visitor { .. })
}

fn send(sender: Sender, update: TypingUpdate) {
    if let Ok(text) = serde_json::to_string(&update) {
        sender.send(&text);
    }
}

fn now() -> i64 {
    web_sys::js_sys::Date::now() as i64
}
