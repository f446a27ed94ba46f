//! The workspace's canned responses (C7) as the app holds them: loaded once when the agent
//! signs in, shared by the library screen (which replaces an entry with what the server
//! answered after a save) and the composer's `/` suggestions. Also the text an agent chose to
//! "Save as canned response" (M7), waiting for the editor to pick it up.

use crate::api;
use crate::ui::Ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::canned::CannedResponse;

#[derive(Clone, Copy)]
pub struct CannedStore {
    /// The library; `None` until the first answer.
    pub list: RwSignal<Option<Vec<CannedResponse>>>,
    /// Why it could not be loaded, if so.
    pub load_error: RwSignal<Option<String>>,
    /// A message's text to start a new response with (M7).
    pub prefill: RwSignal<Option<String>>,
    /// The id of a response just created: its editor, opened at its new address, says "Saved".
    pub just_created: RwSignal<Option<String>>,
}

impl CannedStore {
    /// A response the server created or changed takes its place in the list.
    pub fn put(&self, saved: CannedResponse) {
        self.list.update(|list| {
            let list = list.get_or_insert_with(Vec::new);
            match list.iter_mut().find(|r| r.id == saved.id) {
                Some(old) => *old = saved,
                None => list.push(saved),
            }
        });
    }

    pub fn remove(&self, id: &str) {
        self.list.update(|list| {
            if let Some(list) = list {
                list.retain(|r| r.id != id);
            }
        });
    }
}

/// Creates the store for the signed-in shell and starts loading it.
pub fn provide_canned(ui: Ui) -> CannedStore {
    let store = CannedStore {
        list: RwSignal::new(None),
        load_error: RwSignal::new(None),
        prefill: RwSignal::new(None),
        just_created: RwSignal::new(None),
    };
    provide_context(store);
    spawn_local(async move {
        match api::canned().await {
            Ok(list) => {
                store.list.try_set(Some(list));
            }
            Err(err) if err.is_unauthorized() => ui.report(&err),
            Err(err) => {
                let message = err
                    .server_message()
                    .unwrap_or(ui.lang.common(crate::i18n::CommonText::NetworkError));
                store.load_error.try_set(Some(message.to_owned()));
            }
        }
    });
    store
}

pub fn use_canned() -> CannedStore {
    expect_context::<CannedStore>()
}
