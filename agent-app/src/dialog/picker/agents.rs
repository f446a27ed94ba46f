//! The picker's "Agents" panel: the workspace's agents (`GET /api/agent/agents`) minus the ones
//! the caller excludes, filtered by every word of a search box, as options to choose from.

use super::channels::PickerTab;
use crate::api;
use crate::i18n::{CommonText, DialogText};
use crate::ui::{initials, use_ui};
use leptos::html::Input;
use leptos::prelude::*;
use openline_core::ids::AgentId;
use openline_core::protocol::AgentProfile;

/// The search box and the matching agents; focus starts in the search box.
#[component]
pub fn AgentsPanel(
    /// Agents not to offer: oneself, and for an invitation the current members.
    exclude: Vec<AgentId>,
    /// The current choice.
    chosen: RwSignal<Option<AgentId>>,
    /// The tab shown (the panel hides on the other one).
    tab: RwSignal<PickerTab>,
    /// Whether the picker has tabs (a transfer's), so this panel is a tab panel.
    tabs: bool,
) -> impl IntoView {
    let ui = use_ui();
    let agents = LocalResource::new(api::agents);
    let query = RwSignal::new(String::new());
    let search = NodeRef::<Input>::new();
    // After the frame: the "…" menu hands focus back to its button as it closes, just before.
    Effect::new(move |_| {
        if let Some(input) = search.get() {
            request_animation_frame(move || {
                let _ = input.focus();
            });
        }
    });
    // A 401 ends the session, as everywhere; other failures are said inside the picker.
    Effect::new(move |_| {
        if let Some(Err(err)) = agents.get() {
            if err.is_unauthorized() {
                ui.report(&err);
            }
        }
    });
    let options = move || match agents.get() {
        None => view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }.into_any(),
        Some(Err(err)) => {
            let message =
                err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError)).to_owned();
            view! { <p class="picker-error" role="alert">{message}</p> }.into_any()
        }
        Some(Ok(all)) => {
            let shown = matching(&all, &exclude, &query.get());
            if shown.is_empty() {
                return view! { <p class="list-note">{ui.lang.dialog(DialogText::NoAgentMatches)}</p> }.into_any();
            }
            let items =
                shown.into_iter().map(|agent| view! { <AgentOption agent chosen/> }).collect_view();
            view! { <ul class="agent-list" aria-label=ui.lang.common(CommonText::Agents)>{items}</ul> }.into_any()
        }
    };
    view! {
        <div
            id=PickerTab::Agents.panel_id()
            class="picker-panel"
            role=tabs.then_some("tabpanel")
            aria-labelledby=tabs.then_some(PickerTab::Agents.tab_id())
            hidden=move || tab.get() == PickerTab::Channels
        >
            <label for="agent-picker-search" class="field-label">{ui.lang.dialog(DialogText::SearchAgents)}</label>
            <input
                id="agent-picker-search"
                class="field"
                type="search"
                autocomplete="off"
                spellcheck="false"
                node_ref=search
                bind:value=query
            />
            <div class="agent-results">{options}</div>
        </div>
    }
}

#[component]
fn AgentOption(
    /// The agent this option offers.
    agent: AgentProfile,
    /// The current choice.
    chosen: RwSignal<Option<AgentId>>,
) -> impl IntoView {
    let id = agent.id.clone();
    let this = agent.id.clone();
    let is_chosen = move || chosen.with(|c| c.as_ref() == Some(&this));
    let is_chosen_class = is_chosen.clone();
    view! {
        <li>
            <button
                type="button"
                class="agent-option"
                class:chosen=is_chosen_class
                data-agent-id=agent.id.to_string()
                aria-pressed=move || if is_chosen() { "true" } else { "false" }
                on:click=move |_| chosen.set(Some(id.clone()))
            >
                <span class="avatar" aria-hidden="true">{initials(&agent.name)}</span>
                <span class="agent-option-text">
                    <span class="agent-option-name">{agent.name.clone()}</span>
                    <span class="agent-option-email">{agent.email.clone()}</span>
                </span>
            </button>
        </li>
    }
}

/// The agents to offer: not excluded, and matching every word of the query in name or email.
fn matching(all: &[AgentProfile], exclude: &[AgentId], query: &str) -> Vec<AgentProfile> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    all.iter()
        .filter(|a| !exclude.contains(&a.id))
        .filter(|a| {
            let haystack = format!("{} {}", a.name, a.email).to_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// From JSON, so fields the profile gains later keep their defaults here.
    fn profile(id: &str, name: &str, email: &str) -> AgentProfile {
        serde_json::from_value(serde_json::json!({ "id": id, "name": name, "email": email }))
            .unwrap()
    }

    #[test]
    fn q4_q9_search_matches_every_word_in_name_or_email() {
        let all = [
            profile("a_luis", "Luis Romero", "luis@demo.openline"),
            profile("a_marta", "Marta Vidal", "marta@demo.openline"),
            profile("a_ana", "Ana García", "admin@demo.openline"),
        ];
        let ana = [AgentId::parse("a_ana").unwrap()];
        let names = |query: &str| -> Vec<String> {
            matching(&all, &ana, query).into_iter().map(|a| a.name).collect()
        };
        assert_eq!(names(""), ["Luis Romero", "Marta Vidal"]);
        assert_eq!(names("  VIDAL "), ["Marta Vidal"]);
        assert_eq!(names("luis@"), ["Luis Romero"]);
        assert_eq!(names("ana"), Vec::<String>::new());
        assert_eq!(names("marta romero"), Vec::<String>::new());
    }
}
