//! The agent picker: a modal dialog to choose a colleague for a transfer (Q4) or an invitation
//! (Q9) from the "Agents" panel (`agents`); picking one and confirming hands the choice back.
//! For a transfer, a second tab lists the open channels (`channels`).
//!
//! A real modal: `role="dialog"` with `aria-modal`, focus starts in the search box and stays
//! inside (Tab wraps), Escape, Cancel or a click outside close it. Giving focus back to the
//! button that opened it is the caller's job, since only the caller knows which one it was.

use super::agents::AgentsPanel;
use super::channels::{ChannelsPanel, PickerTab, PickerTabs};
use crate::i18n::{CommonText, DialogText};
use crate::ui::{modal_keys, use_ui};
use leptos::html::Div;
use leptos::prelude::*;
use openline_core::ids::{AgentId, ChannelId};
use wasm_bindgen::JsCast;

/// What the chosen agent is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerMode {
    Transfer,
    Invite,
}

/// The choice so far: the tab shown and what is chosen on each.
#[derive(Clone, Copy)]
struct Choice {
    tab: RwSignal<PickerTab>,
    agent: RwSignal<Option<AgentId>>,
    channel: RwSignal<Option<ChannelId>>,
}

impl Choice {
    fn on_channels(self) -> bool {
        self.tab.get() == PickerTab::Channels
    }
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
    let choice = Choice {
        agent: RwSignal::new(None),
        tab: RwSignal::new(PickerTab::Agents),
        channel: RwSignal::new(None),
    };
    let dialog = NodeRef::<Div>::new();
    let title = match mode {
        PickerMode::Transfer => DialogText::TransferTitle,
        PickerMode::Invite => DialogText::InviteTitle,
    };
    let tabs = on_pick_channel.is_some();
    let hint = move || {
        ui.lang.dialog(if choice.on_channels() {
            DialogText::PickChannelHint
        } else {
            DialogText::PickAgentHint
        })
    };
    view! {
        <div class="modal-backdrop" on:click=move |ev| close_outside(&ev, on_close)>
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby="agent-picker-title"
                aria-describedby="agent-picker-hint"
                node_ref=dialog
                on:keydown=move |ev| modal_keys(&ev, dialog, || on_close.run(()))
            >
                <h2 id="agent-picker-title">{ui.lang.dialog(title)}</h2>
                <p id="agent-picker-hint" class="modal-hint">{hint}</p>
                {tabs.then(|| view! { <PickerTabs tab=choice.tab/> })}
                <AgentsPanel exclude chosen=choice.agent tab=choice.tab tabs/>
                {tabs.then(|| view! { <ChannelsPanel chosen=choice.channel tab=choice.tab/> })}
                <PickerActions mode choice on_pick on_pick_channel on_close/>
            </div>
        </div>
    }
}

/// Cancel, and the confirm button that hands the choice of the tab shown back.
#[component]
fn PickerActions(
    /// Transfer or invite: the confirm button's words.
    mode: PickerMode,
    /// The choice so far.
    choice: Choice,
    /// Called with the confirmed agent.
    on_pick: Callback<AgentId>,
    /// Called with a confirmed open channel.
    on_pick_channel: Option<Callback<ChannelId>>,
    /// Closes the picker without a choice.
    on_close: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let confirm = match mode {
        PickerMode::Transfer => DialogText::Transfer,
        PickerMode::Invite => DialogText::InviteConfirm,
    };
    let label = move || {
        ui.lang.dialog(if choice.on_channels() { DialogText::MoveToChannel } else { confirm })
    };
    let nothing_chosen = move || {
        if choice.on_channels() {
            choice.channel.with(Option::is_none)
        } else {
            choice.agent.with(Option::is_none)
        }
    };
    let on_confirm = move |_| match (choice.tab.get_untracked(), on_pick_channel) {
        (PickerTab::Channels, Some(pick)) => {
            if let Some(channel) = choice.channel.get_untracked() {
                pick.run(channel);
            }
        }
        _ => {
            if let Some(agent) = choice.agent.get_untracked() {
                on_pick.run(agent);
            }
        }
    };
    view! {
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
                {label}
            </button>
        </div>
    }
}

/// A click on the backdrop itself, outside the dialog, closes it.
fn close_outside(ev: &leptos::ev::MouseEvent, on_close: Callback<()>) {
    let outside = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.class_list().contains("modal-backdrop"));
    if outside {
        on_close.run(());
    }
}
