//! Working hours (Q14): "Always open", or a UTC offset and one row per weekday (closed, or
//! from/to as `<input type=time>`). Written into the draft; `ChannelDraft::to_settings` turns
//! the rows into `WorkingHours`.

use super::draft::{offset_choices, offset_label, ChannelDraft};
use crate::i18n::HoursText;
use crate::ui::use_ui;
use leptos::prelude::*;

#[component]
pub fn HoursFields(
    /// The draft the hours live in.
    draft: RwSignal<ChannelDraft>,
) -> impl IntoView {
    let ui = use_ui();
    let always_open = draft.with_untracked(|d| d.always_open);
    let current = draft.with_untracked(|d| d.utc_offset_minutes);
    let offsets = offset_choices(current)
        .into_iter()
        .map(|m| view! { <option value=m.to_string() selected=m == current>{offset_label(m)}</option> })
        .collect_view();
    let on_offset = move |ev: leptos::ev::Event| {
        if let Ok(minutes) = event_target_value(&ev).parse() {
            draft.update(|d| d.utc_offset_minutes = minutes);
        }
    };
    let days = (0..7).map(|day| view! { <DayRow draft day/> }).collect_view();
    view! {
        <fieldset class="channel-fieldset">
            <legend>{ui.lang.hours(HoursText::Title)}</legend>
            <label class="check">
                <input
                    id="channel-always-open"
                    type="checkbox"
                    prop:checked=always_open
                    on:change=move |ev| draft.update(|d| d.always_open = event_target_checked(&ev))
                />
                {ui.lang.hours(HoursText::AlwaysOpen)}
            </label>
            <div class="hours" hidden=move || draft.with(|d| d.always_open)>
                <div class="form-field">
                    <label for="channel-utc-offset" class="field-label">{ui.lang.hours(HoursText::UtcOffset)}</label>
                    <select
                        id="channel-utc-offset"
                        class="field narrow"
                        aria-describedby="channel-utc-offset-hint"
                        on:change=on_offset
                    >
                        {offsets}
                    </select>
                    <p id="channel-utc-offset-hint" class="field-hint">{ui.lang.hours(HoursText::UtcOffsetHint)}</p>
                </div>
                <div class="days">{days}</div>
                <p class="field-hint">{ui.lang.hours(HoursText::Hint)}</p>
            </div>
        </fieldset>
    }
}

/// One weekday: its name, "Closed", and from/to (disabled while closed).
#[component]
fn DayRow(
    /// The draft the day lives in.
    draft: RwSignal<ChannelDraft>,
    /// Monday is 0.
    day: usize,
) -> impl IntoView {
    let ui = use_ui();
    let name = ui.lang.weekday(day);
    let name_id = format!("channel-day-{day}-name");
    let closed_id = format!("channel-day-{day}-closed");
    let (from_id, to_id) = (format!("channel-day-{day}-from"), format!("channel-day-{day}-to"));
    let initial = draft.with_untracked(|d| d.days[day].clone());
    let closed = Memo::new(move |_| draft.with(|d| d.days[day].closed));
    view! {
        <div class="day-row" role="group" aria-labelledby=name_id.clone()>
            <span id=name_id.clone() class="day-name">{name}</span>
            <label class="check">
                <input
                    id=closed_id
                    type="checkbox"
                    prop:checked=initial.closed
                    on:change=move |ev| draft.update(|d| d.days[day].closed = event_target_checked(&ev))
                />
                {ui.lang.hours(HoursText::DayClosed)}
            </label>
            <label for=from_id.clone() class="day-time-label">
                <span class="sr-only">{name} " "</span>
                {ui.lang.hours(HoursText::From)}
            </label>
            <input
                id=from_id
                class="field time"
                type="time"
                disabled=move || closed.get()
                prop:value=initial.from
                on:input=move |ev| draft.update(|d| d.days[day].from = event_target_value(&ev))
            />
            <label for=to_id.clone() class="day-time-label">
                <span class="sr-only">{name} " "</span>
                {ui.lang.hours(HoursText::To)}
            </label>
            <input
                id=to_id
                class="field time"
                type="time"
                disabled=move || closed.get()
                prop:value=initial.to
                on:input=move |ev| draft.update(|d| d.days[day].to = event_target_value(&ev))
            />
        </div>
    }
}
