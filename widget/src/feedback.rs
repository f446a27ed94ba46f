//! What the widget asks of the customer (W4): the pre-chat form (the channel's fields), the
//! offline form when nobody can answer (email and message), and a rating when a conversation
//! ends. Checked with core's own rules before sending; the server checks again.

use crate::api;
use crate::i18n::{Lang, Text};
use crate::model::Timeline;
use crate::outbox::Outbox;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::contact::{
    Contact, ContactField, ContactProblem, FormField, Rating, RatingScale,
};
use openline_core::Command;

/// Sends a visitor command and folds its events in; `false` if it did not go through.
async fn command(token: &str, timeline: RwSignal<Timeline>, command: Command) -> bool {
    let Some(id) = api::new_command_id() else { return false };
    match api::post_command(token, id, command).await {
        Ok(reply) => {
            timeline.try_update(|t| t.merge(reply.events));
            true
        }
        Err(_) => false,
    }
}

fn field_text(lang: Lang, field: ContactField) -> &'static str {
    lang.t(match field {
        ContactField::Name => Text::Name,
        ContactField::Email => Text::Email,
        ContactField::Phone => Text::Phone,
    })
}

fn field_key(field: ContactField) -> &'static str {
    match field {
        ContactField::Name => "name",
        ContactField::Email => "email",
        ContactField::Phone => "phone",
    }
}

/// The pre-chat form, or with `offline` the offline form (its message goes as the first one).
#[component]
pub fn ContactForm(
    fields: Vec<FormField>,
    offline: bool,
    token: String,
    timeline: RwSignal<Timeline>,
    outbox: Outbox,
    /// Everything asked was optional and left empty: the chat starts anyway.
    on_skip: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let contact = RwSignal::new(Contact::default());
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let token = StoredValue::new(token);
    let form = StoredValue::new(fields.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = contact.get_untracked();
        let text = message.get_untracked().trim().to_owned();
        let checked = form.with_value(|f| given.checked_for(f));
        let problem = match checked {
            Err(ContactProblem::Missing(_)) => Some(Text::FieldMissing),
            Err(ContactProblem::Invalid(_)) => Some(Text::FieldInvalid),
            _ if offline && text.is_empty() => Some(Text::FieldMissing),
            _ => None,
        };
        if let Some(problem) = problem {
            return error.set(Some(lang.t(problem)));
        }
        error.set(None);
        let Ok(checked) = checked else {
            // Nothing was given and nothing was required.
            return on_skip.run(());
        };
        busy.set(true);
        spawn_local(async move {
            let token = token.get_value();
            let shared =
                command(&token, timeline, Command::ShareContact { contact: checked }).await;
            busy.try_set(false);
            if !shared {
                error.try_set(Some(lang.t(Text::Retrying)));
            } else if offline {
                outbox.send(text, Vec::new());
            }
        });
    };
    let input = move |field: FormField| {
        let id = format!("prechat-{}", field_key(field.field));
        let kind = match field.field {
            ContactField::Email => "email",
            ContactField::Phone => "tel",
            ContactField::Name => "text",
        };
        let autocomplete = match field.field {
            ContactField::Email => "email",
            ContactField::Phone => "tel",
            ContactField::Name => "name",
        };
        view! {
            <label for=id.clone()>
                {field_text(lang, field.field)}
                {(!field.required).then(|| view! { " " <span class="optional">{lang.t(Text::Optional)}</span> })}
            </label>
            <input id=id type=kind autocomplete=autocomplete required=field.required
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    contact.update(|c| match field.field {
                        ContactField::Name => c.name = value,
                        ContactField::Email => c.email = value,
                        ContactField::Phone => c.phone = value,
                    });
                }/>
        }
    };
    let intro = lang.t(if offline { Text::OfflineIntro } else { Text::PrechatIntro });
    view! {
        <form id="contact-form" class="contact-form" on:submit=submit novalidate>
            <p class="form-intro">{intro}</p>
            {fields.into_iter().map(input).collect_view()}
            {offline.then(|| view! {
                <label for="offline-message">{lang.t(Text::OfflineMessage)}</label>
                <textarea id="offline-message" rows="3" required
                    on:input=move |ev| message.set(event_target_value(&ev))></textarea>
            })}
            <p class="form-error" role="alert">{move || error.get()}</p>
            <button id="contact-submit" type="submit" class="primary" aria-disabled=move || busy.get().to_string()>
                {lang.t(if offline { Text::SendOffline } else { Text::StartChat })}
            </button>
        </form>
    }
}

/// "How was this conversation?": thumbs or stars, an optional comment, Send.
#[component]
pub fn RatingPrompt(
    scale: RatingScale,
    token: String,
    timeline: RwSignal<Timeline>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let chosen = RwSignal::new(None::<Rating>);
    let comment = RwSignal::new(String::new());
    let token = StoredValue::new(token);
    let choice = move |rating: Rating, id: String, label: String, symbol: &'static str| {
        // Stars light up to the chosen one.
        let lit = move || {
            chosen.get().is_some_and(|c| c.scale == rating.scale && c.value >= rating.value)
        };
        view! {
            <button type="button" id=id class="rate-option" class:lit=lit aria-label=label
                aria-pressed=move || (chosen.get() == Some(rating)).to_string()
                on:click=move |_| chosen.set(Some(rating))>{symbol}</button>
        }
    };
    let options = match scale {
        RatingScale::Stars => (1..=5u8)
            .map(|n| choice(Rating::stars(n), format!("rate-star-{n}"), lang.stars(n), "★"))
            .collect_view()
            .into_any(),
        _ => view! {
            {choice(Rating::thumbs(true), "rate-up".into(), lang.t(Text::ThumbUp).into(), "👍")}
            {choice(Rating::thumbs(false), "rate-down".into(), lang.t(Text::ThumbDown).into(), "👎")}
        }
        .into_any(),
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(rating) = chosen.get_untracked() else { return };
        let comment = comment.get_untracked();
        spawn_local(async move {
            command(&token.get_value(), timeline, Command::Rate { rating, comment }).await;
        });
    };
    view! {
        <form id="rating" class="rating" on:submit=send aria-labelledby="rate-intro">
            <p id="rate-intro" class="form-intro">{lang.t(Text::RateIntro)}</p>
            <div class="rate-options" role="group" aria-labelledby="rate-intro"
                class:stars=scale == RatingScale::Stars>{options}</div>
            <label for="rate-comment" class="sr-only">{lang.t(Text::Comment)}</label>
            <textarea id="rate-comment" rows="2" placeholder=lang.t(Text::Comment)
                on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            <button id="rate-send" type="submit" class="primary"
                aria-disabled=move || chosen.with(Option::is_none).to_string()>{lang.t(Text::SendRating)}</button>
        </form>
    }
}
