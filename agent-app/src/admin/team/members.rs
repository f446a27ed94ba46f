//! The team's agents (`GET /api/agent/agents`), one row each: name, email, role. A colleague's
//! role is a select that saves at once (`PUT /api/agent/agents/{id}`); Remove asks once more
//! inline, then `DELETE /api/agent/agents/{id}` ends their sessions and tokens. The admin's own
//! row has neither (the edge refuses them: `not_on_yourself`), so nobody locks themselves out.
//!
//! The list is loaded once and then kept here: a saved role or a removal changes the row with
//! what the server answered. A refusal is said under the list with the server's words.

use crate::account::{parse_role, ROLES};
use crate::api::{self, ApiError};
use crate::i18n::{CommonText, TeamText};
use crate::ui::{focus, initials, use_ui, InlineConfirm, Ui};
use leptos::html::Select;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::auth::Role;
use openline_core::ids::AgentId;
use openline_core::protocol::AgentProfile;

/// The agents as the server last told them; `None` until the first answer.
type Agents = RwSignal<Option<Vec<AgentProfile>>>;

/// What the rows share: the line under the list (a confirmation in `role="status"`, a refusal
/// in `role="alert"`) and the one removal waiting for a confirmation.
#[derive(Clone, Copy)]
struct Lines {
    status: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    confirming: RwSignal<Option<AgentId>>,
}

#[component]
pub fn TeamMembers() -> impl IntoView {
    let ui = use_ui();
    let agents: Agents = RwSignal::new(None);
    let lines = Lines {
        status: RwSignal::new(None),
        error: RwSignal::new(None),
        confirming: RwSignal::new(None),
    };
    let me = ui.session.with_untracked(|s| s.as_ref().map(|s| s.agent.id.clone()));
    load(ui, agents, lines);
    let loaded = Memo::new(move |_| agents.with(Option::is_some));
    let rows = move || {
        if !loaded.get() {
            return view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }
                .into_any();
        }
        let me = me.clone();
        view! {
            <ul class="team-list">
                <For
                    each=move || agents.get().unwrap_or_default()
                    key=|a| a.id.clone()
                    children=move |agent| {
                        let mine = me.as_ref() == Some(&agent.id);
                        view! { <MemberRow agent mine agents lines/> }
                    }
                />
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="admin-card" aria-labelledby="team-agents-title">
            <h3 id="team-agents-title" tabindex="-1">{ui.lang.common(CommonText::Agents)}</h3>
            {rows}
            <p class="save-status" role="status">{move || lines.status.get()}</p>
            <p id="team-error" class="form-error" role="alert">{move || lines.error.get()}</p>
        </section>
    }
}

/// What a row's parts share. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Row {
    id: StoredValue<AgentId>,
    /// The role the server last told.
    role: Memo<Option<Role>>,
    /// Whether this row's removal waits for a confirmation.
    confirming: Memo<bool>,
    agents: Agents,
    lines: Lines,
}

#[component]
fn MemberRow(
    /// The agent of this row, as first listed (name and email do not change here).
    agent: AgentProfile,
    /// Whether it is the signed-in admin.
    mine: bool,
    /// The whole list, for the live role and for removal.
    agents: Agents,
    /// Where outcomes are said.
    lines: Lines,
) -> impl IntoView {
    let ui = use_ui();
    let id = StoredValue::new(agent.id.clone());
    let role = Memo::new(move |_| {
        agents
            .with(|l| l.iter().flatten().find(|a| id.with_value(|id| &a.id == id)).map(|a| a.role))
    });
    let confirming =
        Memo::new(move |_| lines.confirming.with(|c| id.with_value(|id| c.as_ref() == Some(id))));
    let row = Row { id, role, confirming, agents, lines };
    let key = agent.id.to_string();
    let controls = if mine {
        view! {
            <span class="team-role">{move || role.get().map(|r| ui.lang.role(r))}</span>
            <span class="team-actions"></span>
        }
        .into_any()
    } else {
        view! { <RoleAndRemove row key=key.clone() name=agent.name.clone()/> }.into_any()
    };
    let question = ui.lang.confirm_remove_agent(&agent.name);
    let cancel_focus = format!("agent-remove-{key}");
    let remove_now = Callback::new(move |()| remove(ui, id.get_value(), agents, lines));
    let cancel = Callback::new(move |()| {
        lines.confirming.set(None);
        focus(&cancel_focus);
    });
    view! {
        <li class="team-row" data-agent-id=key>
            <span class="avatar" aria-hidden="true">{initials(&agent.name)}</span>
            <span class="team-who">
                <span class="team-name">
                    {agent.name.clone()}
                    {mine.then(|| view! { " " <span class="team-you">{ui.lang.team(TeamText::You)}</span> })}
                </span>
                <span class="team-email">{agent.email.clone()}</span>
            </span>
            {controls}
            <Show when=move || confirming.get()>
                <InlineConfirm row=true question_id="agent-remove-question" question=question.clone()
                    confirm_id="agent-remove-confirm" confirm=ui.lang.team(TeamText::Remove)
                    on_confirm=remove_now on_cancel=cancel/>
            </Show>
        </li>
    }
}

/// A colleague's role, a select that saves at once, and Remove, which asks once more.
#[component]
fn RoleAndRemove(
    /// The row.
    row: Row,
    /// The agent's id as text, for the controls' ids.
    key: String,
    /// The agent's name, for screen readers.
    name: String,
) -> impl IntoView {
    let ui = use_ui();
    let Row { id, role, confirming, agents, lines } = row;
    let select = NodeRef::<Select>::new();
    let select_id = format!("agent-role-{key}");
    let remove_id = format!("agent-remove-{key}");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(chosen) = parse_role(&event_target_value(&ev)) else {
            return;
        };
        // A refusal puts the select back to the role the server kept.
        let undo = move || {
            if let (Some(el), Some(kept)) = (select.get_untracked(), role.get_untracked()) {
                el.set_value(kept.as_str());
            }
        };
        save_role(ui, id.get_value(), chosen, agents, lines, undo);
    };
    let options = ROLES
        .into_iter()
        .map(|r| {
            view! {
                <option value=r.as_str() prop:selected=move || role.get() == Some(r)>
                    {ui.lang.role(r)}
                </option>
            }
        })
        .collect_view();
    view! {
        <span class="team-role">
            <label for=select_id.clone() class="sr-only">{ui.lang.role_of(&name)}</label>
            <select id=select_id class="field role-select" node_ref=select on:change=on_change>
                {options}
            </select>
        </span>
        <span class="team-actions">
            <button
                id=remove_id
                type="button"
                class="btn danger-ghost small"
                aria-label=ui.lang.remove_agent(&name)
                aria-expanded=move || if confirming.get() { "true" } else { "false" }
                on:click=move |_| {
                    lines.confirming.set(Some(id.get_value()));
                    request_animation_frame(|| focus("agent-remove-confirm"));
                }
            >
                {ui.lang.team(TeamText::Remove)}
            </button>
        </span>
    }
}

/// `GET /api/agent/agents` into `agents`; a 401 ends the session.
fn load(ui: Ui, agents: Agents, lines: Lines) {
    spawn_local(async move {
        match api::agents().await {
            Ok(list) => {
                agents.try_set(Some(list));
            }
            Err(err) => fail(ui, lines, &err),
        }
    });
}

fn save_role(
    ui: Ui,
    id: AgentId,
    role: Role,
    agents: Agents,
    lines: Lines,
    undo: impl FnOnce() + 'static,
) {
    lines.status.set(None);
    lines.error.set(None);
    spawn_local(async move {
        match api::admin::set_role(&id, role).await {
            Ok(saved) => {
                agents.try_update(|list| {
                    if let Some(row) = list.iter_mut().flatten().find(|a| a.id == saved.id) {
                        *row = saved;
                    }
                });
                lines.status.try_set(Some(ui.lang.team(TeamText::RoleSaved).to_owned()));
            }
            Err(err) => {
                undo();
                fail(ui, lines, &err);
            }
        }
    });
}

fn remove(ui: Ui, id: AgentId, agents: Agents, lines: Lines) {
    lines.status.set(None);
    lines.error.set(None);
    spawn_local(async move {
        match api::admin::remove_agent(&id).await {
            Ok(()) => {
                let name = agents.try_with_untracked(|l| {
                    l.iter().flatten().find(|a| a.id == id).map(|a| a.name.clone())
                });
                agents.try_update(|list| {
                    if let Some(list) = list {
                        list.retain(|a| a.id != id);
                    }
                });
                let said = ui.lang.agent_removed(&name.flatten().unwrap_or_default());
                lines.status.try_set(Some(said));
                // The row and its buttons are gone: the list's heading keeps the place.
                request_animation_frame(|| focus("team-agents-title"));
            }
            Err(err) => {
                lines.confirming.try_set(None);
                fail(ui, lines, &err);
                focus(&format!("agent-remove-{id}"));
            }
        }
    });
}

fn fail(ui: Ui, lines: Lines, err: &ApiError) {
    if err.is_unauthorized() {
        return ui.report(err);
    }
    let message =
        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError)).to_owned();
    lines.error.try_set(Some(message));
}
