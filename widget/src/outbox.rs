//! `Outbox`: sends the visitor's messages (`Timeline::pending`) one after another, in the order
//! written. Through network trouble each is retried with its own command id (so the server
//! applies it once, even if an earlier try did arrive), backing off; when the network stays
//! away it and the ones after it are marked failed, and go again on "Retry" or as soon as the
//! socket is back. A refusal with a reason (a blocked chat, say) fails that message alone.
//!
//! What is not through yet is kept in `localStorage` (`openline.outbox.<dialog>`) as it
//! changes, so a reload or a tab closed during an outage loses nothing: the next page brings
//! the messages back and sends them with the same command ids (the server applies each once).

use crate::api::{self, is_transient_status, ApiError};
use crate::app::storage;
use crate::i18n::Lang;
use crate::model::{Pending, Timeline};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_browser::json;
use openline_core::files::FileRef;
use openline_core::Command;
use std::time::Duration;

/// Tries per message before it shows as failed: about 15 s of backing off.
const MAX_ATTEMPTS: u32 = 6;
const FIRST_DELAY_MS: u64 = 500;

#[derive(Clone, Copy)]
pub struct Outbox {
    timeline: RwSignal<Timeline>,
    token: StoredValue<String>,
    /// A message is on its way (or waiting to be tried again): one sender at a time.
    busy: StoredValue<bool>,
    /// The storage key, and what was last written there.
    kept: StoredValue<(String, String)>,
    on_expired: Callback<()>,
    lang: Lang,
}

impl Outbox {
    /// The outbox of `dialog`, with what an earlier page left unsent, which goes at once.
    pub fn new(
        timeline: RwSignal<Timeline>,
        token: String,
        dialog: &str,
        on_expired: Callback<()>,
        lang: Lang,
    ) -> Outbox {
        let key = format!("openline.outbox.{dialog}");
        let kept = storage().and_then(|s| s.get_item(&key).ok().flatten());
        let kept = kept.and_then(|text| web_sys::js_sys::JSON::parse(&text).ok());
        if let Some(kept) = kept.and_then(json::read::<Vec<Pending>>) {
            timeline.update(|t| t.restore(kept));
        }
        let outbox = Outbox {
            timeline,
            token: StoredValue::new(token),
            busy: StoredValue::new(false),
            kept: StoredValue::new((key, String::new())),
            on_expired,
            lang,
        };
        outbox.flush();
        outbox
    }

    /// Keeps what is not through yet for the next page (the chat calls this after every change
    /// of the timeline); writes only when it changed, and removes the key once all is through.
    pub fn keep(self) {
        let now = self.timeline.with_untracked(|t| serde_json::to_string(t.pending()));
        let Ok(now) = now else { return };
        self.kept.update_value(|(key, last)| {
            if *last == now {
                return;
            }
            if let Some(storage) = storage() {
                _ = match now.as_str() {
                    "[]" => storage.remove_item(key),
                    _ => storage.set_item(key, &now),
                };
            }
            *last = now;
        });
    }

    /// Queues a message and sends it when its turn comes.
    pub fn send(self, text: String, files: Vec<FileRef>) {
        let Some(id) = api::new_command_id() else { return };
        self.timeline.update(|t| t.add_pending(id, text, files));
        self.flush();
    }

    /// Sends the failed messages again (the Retry button, or the socket coming back).
    pub fn retry(self) {
        if self.timeline.try_update(Timeline::retry_failed).unwrap_or(false) {
            self.flush();
        }
    }

    fn flush(self) {
        if self.busy.try_get_value().unwrap_or(true) {
            return;
        }
        self.busy.set_value(true);
        self.step(0);
    }

    /// Sends the oldest queued message; `attempt` counts its failed tries so far.
    fn step(self, attempt: u32) {
        let next = self.timeline.try_with_untracked(|t| t.next_to_send().cloned()).flatten();
        let Some(next) = next else {
            self.busy.try_set_value(false);
            return;
        };
        let token = self.token.get_value();
        spawn_local(async move {
            let command = Command::Post {
                text: next.text.clone(),
                internal: false,
                quote: None,
                mentions: Vec::new(),
                files: next.files.iter().map(|f| f.id.clone()).collect(),
            };
            let result = api::post_command(&token, next.id.clone(), command).await;
            // The chat may be gone by now (a new session): only `try_` calls from here.
            match result {
                Ok(reply) => {
                    self.timeline.try_update(|t| {
                        t.settle(&next.id);
                        t.merge(reply.events);
                    });
                    self.step(0);
                }
                Err(e) if e.is_unauthorized() => {
                    self.busy.try_set_value(false);
                    self.on_expired.run(());
                }
                Err(e) if is_transient(&e) && attempt + 1 < MAX_ATTEMPTS => {
                    let delay = FIRST_DELAY_MS << attempt.min(5);
                    set_timeout(move || self.step(attempt + 1), Duration::from_millis(delay));
                }
                Err(ApiError::Refused { code, message, status })
                    if !is_transient_status(status) =>
                {
                    let reason = self.lang.refusal(&code).map_or(message, str::to_owned);
                    self.timeline.try_update(|t| t.refuse(&next.id, reason));
                    self.step(0);
                }
                Err(_) => {
                    self.timeline.try_update(|t| t.fail_from(&next.id));
                    self.busy.try_set_value(false);
                }
            }
        });
    }
}

fn is_transient(error: &ApiError) -> bool {
    match error {
        ApiError::Network => true,
        ApiError::Refused { status, .. } => is_transient_status(*status),
    }
}
