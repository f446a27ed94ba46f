//! The transfer picker's second tab (Q4): "Open channels". Choosing one and confirming moves
//! the conversation there (`transfer_to_channel`), where it waits for that channel's agents.
//!
//! Every channel is listed, the conversation's own included: moving it there puts it back in
//! the channel's queue. The tabs follow the ARIA tabs pattern (arrow keys, roving tabindex).

use crate::api;
use crate::i18n::{ChannelText, CommonText, DialogText};
use crate::ui::{focus, use_ui};
use leptos::prelude::*;
use openline_core::channel::ChannelSettings;
use openline_core::ids::ChannelId;

/// Which list the transfer picker shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerTab {
    Agents,
    Channels,
}

impl PickerTab {
    pub fn tab_id(self) -> &'static str {
        match self {
            PickerTab::Agents => "agent-picker-tab-agents",
            PickerTab::Channels => "agent-picker-tab-channels",
        }
    }

    pub fn panel_id(self) -> &'static str {
        match self {
            PickerTab::Agents => "agent-picker-agents",
            PickerTab::Channels => "agent-picker-channels",
        }
    }
}

/// "Agents" | "Open channels".
#[component]
pub fn PickerTabs(
    /// The tab shown.
    tab: RwSignal<PickerTab>,
) -> impl IntoView {
    let ui = use_ui();
    let button = move |this: PickerTab, label: &'static str| {
        let selected = move || tab.get() == this;
        view! {
            <button
                id=this.tab_id()
                type="button"
                role="tab"
                class="picker-tab"
                aria-controls=this.panel_id()
                aria-selected=move || if selected() { "true" } else { "false" }
                tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| tab.set(this)
            >
                {label}
            </button>
        }
    };
    // Two tabs: every arrow goes to the other one.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight" | "Home" | "End") {
            ev.prevent_default();
            let other = match tab.get_untracked() {
                PickerTab::Agents => PickerTab::Channels,
                PickerTab::Channels => PickerTab::Agents,
            };
            let next = match ev.key().as_str() {
                "Home" => PickerTab::Agents,
                "End" => PickerTab::Channels,
                _ => other,
            };
            tab.set(next);
            focus(next.tab_id());
        }
    };
    view! {
        <div class="picker-tabs" role="tablist" aria-label=ui.lang.dialog(DialogText::TransferTitle) on:keydown=on_key>
            {button(PickerTab::Agents, ui.lang.common(CommonText::Agents))}
            {button(PickerTab::Channels, ui.lang.channel(ChannelText::OpenChannels))}
        </div>
    }
}

/// The "Open channels" panel, shown on its tab.
#[component]
pub fn ChannelsPanel(
    /// The current choice.
    chosen: RwSignal<Option<ChannelId>>,
    /// The tab shown.
    tab: RwSignal<PickerTab>,
) -> impl IntoView {
    view! {
        <div
            id=PickerTab::Channels.panel_id()
            class="picker-panel"
            role="tabpanel"
            aria-labelledby=PickerTab::Channels.tab_id()
            hidden=move || tab.get() != PickerTab::Channels
        >
            <div class="agent-results">
                <ChannelOptions chosen/>
            </div>
        </div>
    }
}

/// The open channels as options (`.channel-option[data-channel-id]`).
#[component]
fn ChannelOptions(
    /// The current choice.
    chosen: RwSignal<Option<ChannelId>>,
) -> impl IntoView {
    let ui = use_ui();
    let channels = LocalResource::new(api::channels);
    move || match channels.get() {
        None => view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }.into_any(),
        Some(Err(err)) => {
            if err.is_unauthorized() {
                ui.report(&err);
            }
            let message =
                err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError)).to_owned();
            view! { <p class="picker-error" role="alert">{message}</p> }.into_any()
        }
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="list-note">{ui.lang.channel(ChannelText::NoChannels)}</p> }.into_any()
        }
        Some(Ok(list)) => {
            let items = list
                .into_iter()
                .map(|channel| view! { <ChannelOption channel chosen/> })
                .collect_view();
            view! { <ul class="agent-list" aria-label=ui.lang.channel(ChannelText::OpenChannels)>{items}</ul> }
                .into_any()
        }
    }
}

#[component]
fn ChannelOption(
    /// The channel this option offers.
    channel: ChannelSettings,
    /// The current choice.
    chosen: RwSignal<Option<ChannelId>>,
) -> impl IntoView {
    let id = StoredValue::new(channel.id.clone());
    let is_chosen = move || chosen.with(|c| id.with_value(|id| c.as_ref() == Some(id)));
    view! {
        <li>
            <button
                type="button"
                class="agent-option channel-option"
                class:chosen=is_chosen
                data-channel-id=channel.id.to_string()
                aria-pressed=move || if is_chosen() { "true" } else { "false" }
                on:click=move |_| chosen.set(Some(id.get_value()))
            >
                <span class="avatar channel-avatar" aria-hidden="true">"#"</span>
                <span class="agent-option-text">
                    <span class="agent-option-name">{channel.name.clone()}</span>
                    <span class="agent-option-email">{channel.id.to_string()}</span>
                </span>
            </button>
        </li>
    }
}
