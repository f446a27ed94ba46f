//! The channel's agents (Q13): a checkbox per agent of the workspace, and up/down buttons that
//! order the checked ones (the order one-at-a-time modes offer in). None checked: every agent.
//!
//! Checked agents come first, in queue order, numbered; the others follow in directory order.
//! A reordered row moves in the page, so focus is put back on its button afterwards.

use super::draft::{move_in_queue, ChannelDraft};
use super::screen::AgentsResource;
use crate::i18n::{CommonText, RoutingText};
use crate::presence;
use crate::ui::{focus, use_ui};
use leptos::prelude::*;
use openline_core::ids::AgentId;
use openline_core::protocol::AgentProfile;
use openline_core::routing::Presence;

/// One agent as the list shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueRow {
    pub id: AgentId,
    pub name: String,
    pub email: String,
    /// `None` for an id the directory no longer knows.
    pub presence: Option<Presence>,
}

#[component]
pub fn QueueFields(
    /// The draft the queue lives in.
    draft: RwSignal<ChannelDraft>,
    /// The workspace's agents.
    agents: AgentsResource,
) -> impl IntoView {
    let ui = use_ui();
    let queue = Memo::new(move |_| draft.with(|d| d.queue.clone()));
    let rows = Memo::new(move |_| match agents.get() {
        Some(Ok(all)) => queue.with(|q| queue_rows(&all, q)),
        _ => Vec::new(),
    });
    let note = move || match agents.get() {
        None => Some(
            view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }.into_any(),
        ),
        Some(Err(err)) => {
            let message =
                err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError)).to_owned();
            Some(view! { <p class="form-error" role="alert">{message}</p> }.into_any())
        }
        Some(Ok(_)) => None,
    };
    view! {
        <fieldset class="channel-fieldset" aria-describedby="channel-queue-hint">
            <legend>{ui.lang.routing(RoutingText::Agents)}</legend>
            <p id="channel-queue-hint" class="field-hint">{ui.lang.routing(RoutingText::AgentsHint)}</p>
            <ul class="queue-list">
                <For
                    each=move || rows.get()
                    key=|row| row.id.clone()
                    children=move |row| view! { <QueueItem row draft/> }
                />
            </ul>
            {note}
        </fieldset>
    }
}

/// One agent: the checkbox with name and email, their status, and (when checked) the place
/// number and the up/down buttons.
#[component]
fn QueueItem(
    /// The agent.
    row: QueueRow,
    /// The draft the queue lives in.
    draft: RwSignal<ChannelDraft>,
) -> impl IntoView {
    let ui = use_ui();
    let id = StoredValue::new(row.id.clone());
    let place = Memo::new(move |_| draft.with(|d| id.with_value(|id| position(&d.queue, id))));
    let box_id = format!("channel-queue-{}", row.id);
    let toggle = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        draft.update(|d| {
            let agent = id.get_value();
            d.queue.retain(|a| a != &agent);
            if checked {
                d.queue.push(agent);
            }
        });
    };
    let status = row.presence.map(|p| {
        view! {
            <span class="queue-presence">
                <span class=format!("presence-dot {}", presence::key(p)) aria-hidden="true"></span>
                {ui.lang.presence(presence::label(p))}
            </span>
        }
    });
    view! {
        <li class="queue-item" class:checked=move || place.get().is_some()>
            <input
                id=box_id.clone()
                type="checkbox"
                prop:checked=move || place.get().is_some()
                on:change=toggle
            />
            <label for=box_id.clone() class="queue-label">
                <span class="queue-place">{move || place.get().map(|p| format!("{}.", p + 1))}</span>
                <span class="queue-name">{row.name.clone()}</span>
                <span class="queue-email">{row.email.clone()}</span>
            </label>
            {status}
            <MoveButtons draft id place box_id name=row.name/>
        </li>
    }
}

/// Up and down, while the agent is in the queue. The row moves in the page, so focus is put
/// back on its button afterwards, or on the other one at an end.
#[component]
fn MoveButtons(
    /// The draft the queue lives in.
    draft: RwSignal<ChannelDraft>,
    /// The agent.
    id: StoredValue<AgentId>,
    /// The agent's place in the queue, if queued.
    place: Memo<Option<usize>>,
    /// The row's checkbox id, which the buttons' ids start with.
    box_id: String,
    /// The agent's name, for screen readers.
    name: String,
) -> impl IntoView {
    let ui = use_ui();
    let last = Memo::new(move |_| draft.with(|d| d.queue.len().saturating_sub(1)));
    let (up_id, down_id) = (format!("{box_id}-up"), format!("{box_id}-down"));
    let ids = StoredValue::new((up_id.clone(), down_id.clone()));
    let shift = move |up: bool| {
        move |_| {
            let (up_id, down_id) = ids.get_value();
            draft.update(|d| id.with_value(|agent| move_in_queue(&mut d.queue, agent, up)));
            // The row moved: focus its button again, or the other one at an end.
            let at_end = match place.get_untracked() {
                Some(0) => Some(down_id.clone()),
                Some(p) if p == last.get_untracked() => Some(up_id.clone()),
                _ => None,
            };
            let target = at_end.unwrap_or(if up { up_id.clone() } else { down_id.clone() });
            request_animation_frame(move || focus(&target));
        }
    };
    view! {
        <span class="queue-move" hidden=move || place.get().is_none()>
            <button
                id=up_id
                type="button"
                class="btn small icon"
                aria-label=ui.lang.move_agent(&name, true)
                disabled=move || place.get().is_none_or(|p| p == 0)
                on:click=shift(true)
            >
                <span aria-hidden="true">"↑"</span>
            </button>
            <button
                id=down_id
                type="button"
                class="btn small icon"
                aria-label=ui.lang.move_agent(&name, false)
                disabled=move || place.get().is_none_or(|p| p >= last.get())
                on:click=shift(false)
            >
                <span aria-hidden="true">"↓"</span>
            </button>
        </span>
    }
}

/// The list's rows: the queue's agents in its order (an id the directory no longer knows shows
/// as itself, so saving does not drop it unseen), then everyone else in directory order.
pub fn queue_rows(all: &[AgentProfile], queue: &[AgentId]) -> Vec<QueueRow> {
    let row = |a: &AgentProfile| QueueRow {
        id: a.id.clone(),
        name: a.name.clone(),
        email: a.email.clone(),
        presence: Some(a.presence),
    };
    let queued = queue.iter().map(|id| match all.iter().find(|a| &a.id == id) {
        Some(a) => row(a),
        None => {
            QueueRow { id: id.clone(), name: id.to_string(), email: String::new(), presence: None }
        }
    });
    let others = all.iter().filter(|a| !queue.contains(&a.id)).map(row);
    queued.chain(others).collect()
}

fn position(queue: &[AgentId], agent: &AgentId) -> Option<usize> {
    queue.iter().position(|a| a == agent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(id: &str, name: &str) -> AgentProfile {
        serde_json::from_value(serde_json::json!({ "id": id, "name": name, "email": "" })).unwrap()
    }

    #[test]
    fn q13_queued_agents_come_first_in_queue_order_then_the_rest() {
        let all = [profile("a_ana", "Ana"), profile("a_luis", "Luis"), profile("a_marta", "Marta")];
        let queue = ["a_marta", "a_gone", "a_ana"].map(|id| AgentId::parse(id).unwrap());
        let rows = queue_rows(&all, &queue);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Marta", "a_gone", "Ana", "Luis"]);
        assert_eq!(rows[1].presence, None, "unknown to the directory");
        assert_eq!(queue_rows(&all, &[]).len(), 3);
    }
}
