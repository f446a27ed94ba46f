//! What the widget asks of customers (W4), a fieldset of the channel editor: the pre-chat
//! form's fields (each not asked, optional or required), the offline form when nobody can
//! answer, the country phone numbers are read in (R1), and the rating asked for when a
//! conversation ends.

use super::draft::{Ask, ChannelDraft};
use crate::i18n::FormText;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::contact::{ContactField, RatingScale};

#[component]
pub fn FormFields(
    /// The draft the form settings live in.
    draft: RwSignal<ChannelDraft>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let field_row = move |field: ContactField| {
        let id = format!("channel-prechat-{}", field_id(field));
        let current = draft.with_untracked(|d| d.asks(field));
        let option = move |ask: Ask, value: &'static str| {
            view! { <option value=value selected=current == ask>{lang.form(ask_text(ask))}</option> }
        };
        view! {
            <div class="form-row">
                <label for=id.clone() class="field-label">{lang.contact_field(field)}</label>
                <select id=id class="field narrow" on:change=move |ev| {
                    let ask = match event_target_value(&ev).as_str() {
                        "required" => Ask::Required,
                        "optional" => Ask::Optional,
                        _ => Ask::No,
                    };
                    draft.update(|d| d.set_ask(field, ask));
                }>
                    {option(Ask::No, "no")}
                    {option(Ask::Optional, "optional")}
                    {option(Ask::Required, "required")}
                </select>
            </div>
        }
    };
    let rating = draft.with_untracked(|d| d.rating);
    let scale = move |value: RatingScale, key: &'static str| {
        view! { <option value=key selected=rating == value>{lang.scale(value)}</option> }
    };
    view! {
        <fieldset class="channel-fieldset">
            <legend>{lang.form(FormText::Forms)}</legend>
            <div class="form-field" role="group" aria-labelledby="channel-prechat-title"
                aria-describedby="channel-prechat-hint">
                <p id="channel-prechat-title" class="field-label">{lang.form(FormText::Prechat)}</p>
                {ContactField::ALL.into_iter().map(field_row).collect_view()}
                <p id="channel-prechat-hint" class="field-hint">{lang.form(FormText::PrechatHint)}</p>
            </div>
            <div class="form-field">
                <label class="check">
                    <input
                        id="channel-offline-form"
                        type="checkbox"
                        aria-describedby="channel-offline-form-hint"
                        prop:checked=draft.with_untracked(|d| d.offline_form)
                        on:change=move |ev| draft.update(|d| d.offline_form = event_target_checked(&ev))
                    />
                    {lang.form(FormText::OfflineForm)}
                </label>
                <p id="channel-offline-form-hint" class="field-hint">{lang.form(FormText::OfflineFormHint)}</p>
            </div>
            <PhoneCountryField draft/>
            <div class="form-field">
                <label for="channel-rating" class="field-label">{lang.form(FormText::Rating)}</label>
                <select id="channel-rating" class="field narrow" on:change=move |ev| {
                    let scale = match event_target_value(&ev).as_str() {
                        "off" => RatingScale::Off,
                        "stars" => RatingScale::Stars,
                        _ => RatingScale::Thumbs,
                    };
                    draft.update(|d| d.rating = scale);
                }>
                    {scale(RatingScale::Thumbs, "thumbs")}
                    {scale(RatingScale::Stars, "stars")}
                    {scale(RatingScale::Off, "off")}
                </select>
            </div>
        </fieldset>
    }
}

/// The country phone numbers typed without `+` are read in (R1).
#[component]
fn PhoneCountryField(draft: RwSignal<ChannelDraft>) -> impl IntoView {
    let lang = use_ui().lang;
    view! {
        <div class="form-field">
            <label for="channel-default-country" class="field-label">{lang.form(FormText::PhoneCountry)}</label>
            <input
                id="channel-default-country"
                class="field narrow"
                maxlength="2"
                autocomplete="off"
                aria-describedby="channel-default-country-hint"
                prop:value=draft.with_untracked(|d| d.default_country.clone())
                on:input=move |ev| draft.update(|d| d.default_country = event_target_value(&ev))
            />
            <p id="channel-default-country-hint" class="field-hint">{lang.form(FormText::PhoneCountryHint)}</p>
        </div>
    }
}

fn field_id(field: ContactField) -> &'static str {
    match field {
        ContactField::Name => "name",
        ContactField::Email => "email",
        ContactField::Phone => "phone",
    }
}

/// The words of a pre-chat field's choice.
fn ask_text(ask: Ask) -> FormText {
    match ask {
        Ask::No => FormText::NotAsked,
        Ask::Optional => FormText::Optional,
        Ask::Required => FormText::Required,
    }
}
