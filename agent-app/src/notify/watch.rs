//! Notifications wired to the inbox (Q1): after each change of the inbox, what is new
//! (`news::whats_new`) becomes a toast, a beep and, while the tab is hidden, a desktop
//! notification; the page title keeps the count of what waits for me.

use super::browser;
use super::news::{attention_count, heading, page_title, whats_new, Notice};
use super::toasts::Toasts;
use crate::i18n::Lang;
use crate::inbox::Inbox;
use leptos::prelude::*;
use openline_core::ids::{AgentId, DialogId};
use std::time::Duration;

/// How long a toast stays (longer while the pointer or focus is on it).
const TOAST_MS: u64 = 6_000;

/// Watches the inbox for the signed-in agent: keeps the page title's count, and for each new
/// thing shows a toast, beeps, and sends a desktop notification while the tab is hidden.
/// Lives as long as the caller's owner (the signed-in shell); returns the toasts to show.
pub fn use_notifications(
    lang: Lang,
    inbox: RwSignal<Inbox>,
    selected: Memo<Option<DialogId>>,
    me: AgentId,
) -> RwSignal<Toasts> {
    let toasts = RwSignal::new(Toasts::default());
    browser::use_sound_unlock();
    use_title_count(inbox);
    // The previous inbox is the effect's own value: each run compares it with the new one.
    Effect::new(move |previous: Option<Inbox>| {
        let current = inbox.get();
        let Some(previous) = previous else {
            return current;
        };
        let open = selected.get_untracked().filter(|_| browser::page_has_focus());
        let notices = whats_new(&previous, &current, &me, open.as_ref());
        if !notices.is_empty() {
            browser::beep();
        }
        for notice in notices {
            announce(lang, toasts, &notice);
        }
        current
    });
    // The open dialog's toasts have done their job.
    Effect::new(move |_| {
        if let Some(id) = selected.get() {
            toasts.update(|t| t.dismiss_dialog(&id));
        }
    });
    toasts
}

fn announce(lang: Lang, toasts: RwSignal<Toasts>, notice: &Notice) {
    let heading = heading(lang, notice);
    if browser::page_hidden() {
        browser::desktop_notification(&heading, &notice.preview, &notice.dialog);
    }
    let preview = notice.preview.clone();
    if let Some(id) = toasts.try_update(|t| t.push(notice.dialog.clone(), heading, preview)) {
        expire_later(toasts, id);
    }
}

/// Dismisses a toast after `TOAST_MS`, waiting while the agent points at or focuses it.
fn expire_later(toasts: RwSignal<Toasts>, id: u64) {
    set_timeout(
        move || {
            if browser::toast_in_use(id) {
                expire_later(toasts, id);
            } else {
                toasts.try_update(|t| t.dismiss(id));
            }
        },
        Duration::from_millis(TOAST_MS),
    );
}

/// Keeps `document.title` as "(N) <title>" while the shell lives, and puts it back after.
fn use_title_count(inbox: RwSignal<Inbox>) {
    let base = document().title();
    let restore = base.clone();
    Effect::new(move |_| {
        let count = inbox.with(attention_count);
        document().set_title(&page_title(&base, count));
    });
    on_cleanup(move || document().set_title(&restore));
}
