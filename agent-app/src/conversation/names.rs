//! The signed-in agent's own names for chats (C3), loaded once at sign-in and shared by the
//! inbox rows and the dialog header. Only this agent sees them; the server keeps them per
//! agent. A name replaces the visitor's in both places, which then say who the customer is in
//! smaller type.

use crate::api;
use crate::ui::Ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::ids::DialogId;
use std::collections::HashMap;

#[derive(Clone, Copy)]
pub struct ChatNames {
    names: RwSignal<HashMap<DialogId, String>>,
}

impl ChatNames {
    /// My name for the chat, if I gave it one (tracked).
    pub fn of(&self, dialog: &DialogId) -> Option<String> {
        self.names.with(|n| n.get(dialog).cloned())
    }

    /// Names the chat (an empty name clears it); `done` gets the stored name once the server
    /// took it ("" when cleared). A refusal goes to the alert.
    pub fn rename(
        &self,
        ui: Ui,
        dialog: DialogId,
        name: String,
        done: impl FnOnce(String) + 'static,
    ) {
        let names = self.names;
        spawn_local(async move {
            match api::rename_chat(&dialog, &name).await {
                Ok(saved) => {
                    names.try_update(|n| match saved.name.as_str() {
                        "" => n.remove(&dialog),
                        name => n.insert(dialog, name.to_owned()),
                    });
                    done(saved.name);
                }
                Err(err) => ui.report(&err),
            }
        });
    }
}

/// Creates the store for the signed-in shell and starts loading it.
pub fn provide_chat_names(ui: Ui) {
    let store = ChatNames { names: RwSignal::new(HashMap::new()) };
    provide_context(store);
    spawn_local(async move {
        match api::chat_names().await {
            Ok(list) => {
                let map = list.into_iter().map(|n| (n.dialog_id, n.name)).collect();
                store.names.try_set(map);
            }
            // Without them every chat shows its customer's name; a 401 signs out.
            Err(err) if err.is_unauthorized() => ui.report(&err),
            Err(_) => {}
        }
    });
}

pub fn use_chat_names() -> ChatNames {
    expect_context::<ChatNames>()
}
