//! The agent picker: a modal dialog to choose a colleague for a transfer (Q4) or an invitation
//! (Q9). It lists the workspace's agents (`GET /api/agent/agents`) minus the ones the caller
//! excludes, filtered by a search box; picking one and confirming hands the choice back. For a
//! transfer, a second tab lists the open channels (`channel_picker`).
//!
//! A real modal: `role="dialog"` with `aria-modal`, focus starts in the search box and stays
//! inside (Tab wraps), Escape, Cancel or a click outside close it. Giving focus back to the
//! button that opened it is the caller's job, since only the caller knows which one it was.

use super::channels::{ChannelOptions, PickerTab, PickerTabs};
use crate::api;
use crate::i18n::{CommonText, DialogText};
use crate::ui::keep_focus_inside;
use crate::ui::{initials, use_ui};
use leptos::html::{Div, Input};
use leptos::prelude::*;
use openline_core::ids::{AgentId, ChannelId};
use openline_core::protocol::AgentProfile;
use wasm_bindgen::JsCast;

/// What the chosen agent is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerMode {
    Transfer,
    Invite,
}

#[component]
pub fn AgentPicker(
    /// Transfer or invite: the title and the confirm button's words.
    mode: PickerMode,
    /// Agents not to offer: oneself, and for an invitation the current members.
    exclude: Vec<AgentId>,
    /// Called with the confirmed choice.
    on_pick: Callback<AgentId>,
    /// Called with a confirmed open channel; `Some` adds the "Open channels" tab (Q4).
    on_pick_channel: Option<Callback<ChannelId>>,
    /// Closes the picker without a choice.
    on_close: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let agents = LocalResource::new(api::agents);
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<AgentId>);
    let tab = RwSignal::new(PickerTab::Agents);
    let chosen_channel = RwSignal::new(None::<ChannelId>);
    let on_channels = move || tab.get() == PickerTab::Channels;
    let search = NodeRef::<Input>::new();
    let dialog = NodeRef::<Div>::new();
    // After the frame: the "…" menu hands focus back to its button as it closes, just before.
    Effect::new(move |_| {
        if let Some(input) = search.get() {
            request_animation_frame(move || {
                let _ = input.focus();
            });
        }
    });
    let (title, confirm) = match mode {
        PickerMode::Transfer => (DialogText::TransferTitle, DialogText::Transfer),
        PickerMode::Invite => (DialogText::InviteTitle, DialogText::InviteConfirm),
    };
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
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            on_close.run(());
        }
        "Tab" => keep_focus_inside(&ev, dialog),
        _ => {}
    };
    let on_backdrop = move |ev: leptos::ev::MouseEvent| {
        let outside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.class_list().contains("modal-backdrop"));
        if outside {
            on_close.run(());
        }
    };
    let on_confirm = move |_| match (tab.get_untracked(), on_pick_channel) {
        (PickerTab::Channels, Some(pick)) => {
            if let Some(channel) = chosen_channel.get_untracked() {
                pick.run(channel);
            }
        }
        _ => {
            if let Some(agent) = chosen.get_untracked() {
                on_pick.run(agent);
            }
        }
    };
    let tabs = on_pick_channel.is_some();
    let hint = move || {
        ui.lang.dialog(if on_channels() {
            DialogText::PickChannelHint
        } else {
            DialogText::PickAgentHint
        })
    };
    let confirm =
        move || ui.lang.dialog(if on_channels() { DialogText::MoveToChannel } else { confirm });
    let nothing_chosen = move || {
        if on_channels() {
            chosen_channel.with(Option::is_none)
        } else {
            chosen.with(Option::is_none)
        }
    };
    view! {
        <div class="modal-backdrop" on:click=on_backdrop>
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby="agent-picker-title"
                aria-describedby="agent-picker-hint"
                node_ref=dialog
                on:keydown=on_key
            >
                <h2 id="agent-picker-title">{ui.lang.dialog(title)}</h2>
                <p id="agent-picker-hint" class="modal-hint">{hint}</p>
                {tabs.then(|| view! { <PickerTabs tab/> })}
                <div
                    id=PickerTab::Agents.panel_id()
                    class="picker-panel"
                    role=tabs.then_some("tabpanel")
                    aria-labelledby=tabs.then_some(PickerTab::Agents.tab_id())
                    hidden=on_channels
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
                {tabs.then(|| view! {
                    <div
                        id=PickerTab::Channels.panel_id()
                        class="picker-panel"
                        role="tabpanel"
                        aria-labelledby=PickerTab::Channels.tab_id()
                        hidden=move || !on_channels()
                    >
                        <div class="agent-results">
                            <ChannelOptions chosen=chosen_channel/>
                        </div>
                    </div>
                })}
                <div class="modal-actions">
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>
                        {ui.lang.common(CommonText::Cancel)}
                    </button>
                    <button
                        id="agent-picker-confirm"
                        type="button"
                        class="btn primary"
                        disabled=nothing_chosen
                        on:click=on_confirm
                    >
                        {confirm}
                    </button>
                </div>
            </div>
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
