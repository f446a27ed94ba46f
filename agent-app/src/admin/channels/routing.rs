//! How a channel's new conversations are offered (Q13): the distribution mode as a radio group,
//! each choice with its one-line explanation; the time an agent has to answer; and the channel's
//! agents (`queue`).

use super::draft::ChannelDraft;
use super::queue::QueueFields;
use super::screen::AgentsResource;
use crate::i18n::RoutingText;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::routing::Distribution;

const MODES: [(Distribution, &str, RoutingText, RoutingText); 3] = [
    (Distribution::AllAtOnce, "all-at-once", RoutingText::AllAtOnce, RoutingText::AllAtOnceHint),
    (Distribution::RoundRobin, "round-robin", RoutingText::RoundRobin, RoutingText::RoundRobinHint),
    (Distribution::InOrder, "in-order", RoutingText::InOrder, RoutingText::InOrderHint),
];

#[component]
pub fn RoutingFields(
    /// The draft the routing lives in.
    draft: RwSignal<ChannelDraft>,
    /// The workspace's agents.
    agents: AgentsResource,
) -> impl IntoView {
    let ui = use_ui();
    let current = draft.with_untracked(|d| d.distribution);
    let modes = MODES
        .into_iter()
        .map(|(mode, key, label, hint)| {
            let id = format!("channel-distribution-{key}");
            let hint_id = format!("{id}-hint");
            view! {
                <div class="radio">
                    <input
                        id=id.clone()
                        type="radio"
                        name="channel-distribution"
                        value=key
                        aria-describedby=hint_id.clone()
                        prop:checked=mode == current
                        on:change=move |_| draft.update(|d| d.distribution = mode)
                    />
                    <label for=id>{ui.lang.routing(label)}</label>
                    <p id=hint_id class="field-hint">{ui.lang.routing(hint)}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="channel-fieldset">
            <legend>{ui.lang.routing(RoutingText::Title)}</legend>
            <div class="radios">{modes}</div>
            <div class="form-field">
                <label for="channel-offer-timeout" class="field-label">{ui.lang.routing(RoutingText::OfferTimeout)}</label>
                <input
                    id="channel-offer-timeout"
                    class="field narrow"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-describedby="channel-offer-timeout-hint"
                    prop:value=draft.with_untracked(|d| d.offer_timeout_secs.clone())
                    on:input=move |ev| draft.update(|d| d.offer_timeout_secs = event_target_value(&ev))
                />
                <p id="channel-offer-timeout-hint" class="field-hint">{ui.lang.routing(RoutingText::OfferTimeoutHint)}</p>
            </div>
        </fieldset>
        <QueueFields draft agents/>
    }
}
