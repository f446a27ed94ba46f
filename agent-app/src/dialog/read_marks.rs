//! W2 read marks: what the customer wrote is marked read once the agent answering has it on
//! screen.

use crate::api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::conversation::{Command, DialogState};
use openline_core::ids::{AgentId, DialogId};

/// W2 read marks: what the customer wrote is read once the agent answering has it on screen.
/// Only forward, once per message; a refusal or an outage costs nothing but the mark.
pub fn mark_read_as_it_shows(id: DialogId, me: AgentId, state: Memo<DialogState>) {
    let marked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let up_to = state.with(|s| {
            let unread = s.is_member(&me) && s.agents_read < s.last_from_customer;
            unread.then_some(s.last_from_customer)
        });
        let Some(up_to) = up_to.filter(|up_to| *up_to > marked.get_value()) else { return };
        if document().hidden() {
            return;
        }
        marked.set_value(up_to);
        let id = id.clone();
        spawn_local(async move {
            let _ = api::post_command(&id, Command::MarkRead { up_to }).await;
        });
    });
}
