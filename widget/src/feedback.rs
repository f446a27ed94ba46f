//! What the widget asks of the customer (W4): the pre-chat form (the channel's fields), the
//! offline form when nobody can answer (email and message), and a rating when a conversation
//! ends. Checked with core's own rules before sending; the server checks again.
//!
//! Bytes: like the emoji dialog, each form is plain HTML written once, with its events read
//! where they bubble to the form and the few changes (an error line, a busy button, the chosen
//! rating) written straight to the page. Through typed views and signals the two forms cost
//! the widget about 6 KB brotli.

use crate::api;
use crate::dom::by_id;
use crate::i18n::{Lang, Text};
use crate::model::Timeline;
use crate::outbox::Outbox;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_browser::html::{self, html, Escaped, Html};
use openline_core::contact::{
    Contact, ContactField, ContactProblem, FormField, Rating, RatingScale,
};
use openline_core::Command;
use std::cell::Cell;
use wasm_bindgen::JsCast;

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

/// Sends a visitor command in the background and folds its events in (one copy of the task
/// for the rating, read marks and the site's contact details).
pub fn send_command(token: String, timeline: RwSignal<Timeline>, sent: Command) {
    spawn_local(async move {
        command(&token, timeline, sent).await;
    });
}

/// What reached a form: `None` for a submit, else the id of what was clicked.
type Act = Box<dyn Fn(Option<String>)>;

/// One form written as plain HTML; every submit and click goes to `act`.
fn plain_form(
    id: &'static str,
    class: &'static str,
    labelled_by: Option<&'static str>,
    inside: Html,
    act: Act,
) -> impl IntoView {
    crate::dom::listen(id, &["submit", "click"], move |ev| {
        if ev.type_() == "submit" {
            ev.prevent_default();
            act(None);
        } else if let Some(target) = crate::dom::target(&ev) {
            act(Some(target.id()));
        }
    });
    let inside = html::inner(inside);
    view! { <form id=id class=class aria-labelledby=labelled_by novalidate {..inside}></form> }
}

/// The value of the field `id` (an input or a textarea), empty if there is none.
fn value_of(id: &str) -> String {
    by_id(id).map(|el| el.unchecked_into::<web_sys::HtmlInputElement>().value()).unwrap_or_default()
}

fn set_attr(id: &str, name: &str, value: &str) {
    if let Some(el) = by_id(id) {
        _ = el.set_attribute(name, value);
    }
}

/// The submit button's attributes and label.
fn submit_button(id: &str, disabled: bool, label: &str) -> Html {
    html!(
        r#"<button id="{}" type="submit" class="primary" aria-disabled="{}">{}</button>"#,
        Escaped(id),
        disabled,
        Escaped(label)
    )
}

const FORM_ERROR: &str = "contact-error";

// Long: the form's escaped HTML and its one submit handler, in the order the customer reads
// them.
/// The pre-chat form, or with `offline` the offline form (its message goes as the first one).
/// `on_skip`: everything asked was optional and left empty, the chat starts anyway.
pub fn contact_form(
    fields: Vec<FormField>,
    offline: bool,
    token: String,
    timeline: RwSignal<Timeline>,
    outbox: Outbox,
    on_skip: impl Fn() + 'static,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let html = contact_html(&fields, offline, lang);
    let error = move |text: Option<Text>| {
        if let Some(line) = by_id(FORM_ERROR) {
            line.set_text_content(text.map(|t| lang.t(t)));
        }
    };
    let busy = |busy: bool| set_attr("contact-submit", "aria-disabled", &busy.to_string());
    let submit = move |clicked: Option<String>| {
        if clicked.is_some() {
            return;
        }
        let given = Contact {
            name: value_of("prechat-name"),
            email: value_of("prechat-email"),
            phone: value_of("prechat-phone"),
        };
        let text = value_of("offline-message").trim().to_owned();
        let checked = given.checked_for(&fields);
        let problem = match checked {
            Err(ContactProblem::Missing(_)) => Some(Text::FieldMissing),
            Err(ContactProblem::Invalid(_)) => Some(Text::FieldInvalid),
            _ if offline && text.is_empty() => Some(Text::FieldMissing),
            _ => None,
        };
        error(problem);
        if problem.is_some() {
            return;
        }
        let Ok(checked) = checked else {
            // Nothing was given and nothing was required.
            return on_skip();
        };
        busy(true);
        let token = token.clone();
        spawn_local(async move {
            let shared =
                command(&token, timeline, Command::ShareContact { contact: checked }).await;
            busy(false);
            if !shared {
                error(Some(Text::Retrying));
            } else if offline {
                outbox.send(text, Vec::new());
            }
        });
    };
    plain_form("contact-form", "contact-form", None, html, Box::new(submit))
}

/// The pre-chat form's inside, or with `offline` the offline form's; its error line is
/// `FORM_ERROR`.
fn contact_html(fields: &[FormField], offline: bool, lang: Lang) -> Html {
    let intro = lang.t(if offline { Text::OfflineIntro } else { Text::PrechatIntro });
    let mut html = html!(r#"<p class="form-intro">{}</p>"#, Escaped(intro));
    for field in fields {
        let (key, text, kind, autocomplete) = match field.field {
            ContactField::Name => ("name", Text::Name, "text", "name"),
            ContactField::Email => ("email", Text::Email, "email", "email"),
            ContactField::Phone => ("phone", Text::Phone, "tel", "tel"),
        };
        let (key, kind, autocomplete) = (Escaped(key), Escaped(kind), Escaped(autocomplete));
        let optional = if field.required {
            Html::default()
        } else {
            html!(r#" <span class="optional">{}</span>"#, Escaped(lang.t(Text::Optional)))
        };
        html +=
            html!(r#"<label for="prechat-{}">{}{}</label>"#, key, Escaped(lang.t(text)), optional);
        html += if field.required {
            html!(
                r#"<input id="prechat-{}" type="{}" autocomplete="{}" required>"#,
                key,
                kind,
                autocomplete
            )
        } else {
            html!(r#"<input id="prechat-{}" type="{}" autocomplete="{}">"#, key, kind, autocomplete)
        };
    }
    if offline {
        html += html!(
            r#"<label for="offline-message">{}</label><textarea id="offline-message" rows="3" required></textarea>"#,
            Escaped(lang.t(Text::OfflineMessage))
        );
    }
    html += html!(r#"<p id="contact-error" class="form-error" role="alert"></p>"#);
    let label = lang.t(if offline { Text::SendOffline } else { Text::StartChat });
    html + submit_button("contact-submit", false, label)
}

/// "How was this conversation?": thumbs or stars, an optional comment, Send.
pub fn rating_prompt(
    scale: RatingScale,
    token: String,
    timeline: RwSignal<Timeline>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let options: Vec<(String, Rating, String, &str)> = match scale {
        RatingScale::Stars => (1..=5u8)
            .map(|n| (format!("rate-star-{n}"), Rating::stars(n), lang.stars(n), "★"))
            .collect(),
        _ => vec![
            ("rate-up".into(), Rating::thumbs(true), lang.t(Text::ThumbUp).into(), "👍"),
            ("rate-down".into(), Rating::thumbs(false), lang.t(Text::ThumbDown).into(), "👎"),
        ],
    };
    let html = rating_html(&options, scale, lang);
    let chosen = Cell::new(None::<Rating>);
    let act = move |clicked: Option<String>| {
        let Some(clicked) = clicked else {
            let Some(rating) = chosen.get() else { return };
            let comment = value_of("rate-comment");
            return send_command(token.clone(), timeline, Command::Rate { rating, comment });
        };
        let Some(&(_, picked, _, _)) = options.iter().find(|o| o.0 == clicked) else { return };
        chosen.set(Some(picked));
        // Stars light up to the chosen one.
        for (id, rating, _, _) in &options {
            let lit = picked.scale == rating.scale && picked.value >= rating.value;
            set_attr(id, "class", if lit { "rate-option lit" } else { "rate-option" });
            set_attr(id, "aria-pressed", &(picked == *rating).to_string());
        }
        set_attr("rate-send", "aria-disabled", "false");
    };
    plain_form("rating", "rating", Some("rate-intro"), html, Box::new(act))
}

/// The rating's inside: its question, the `options` (id, rating, label, symbol), a comment box.
fn rating_html(options: &[(String, Rating, String, &str)], scale: RatingScale, lang: Lang) -> Html {
    let stars = if scale == RatingScale::Stars { " stars" } else { "" };
    let mut html = html!(
        r#"<p id="rate-intro" class="form-intro">{}</p><div class="rate-options{}" role="group" aria-labelledby="rate-intro">"#,
        Escaped(lang.t(Text::RateIntro)),
        Escaped(stars)
    );
    for (id, _, label, symbol) in options {
        html += html!(
            r#"<button type="button" id="{}" class="rate-option" aria-label="{}" aria-pressed="false">{}</button>"#,
            Escaped(id),
            Escaped(label),
            Escaped(symbol)
        );
    }
    html += html!(
        r#"</div><label for="rate-comment" class="sr-only">{0}</label><textarea id="rate-comment" rows="2" placeholder="{0}"></textarea>"#,
        Escaped(lang.t(Text::Comment))
    );
    html + submit_button("rate-send", true, lang.t(Text::SendRating))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w4_the_forms_have_the_fields_they_read_and_escape_their_labels() {
        let fields = [
            FormField { field: ContactField::Name, required: false },
            FormField { field: ContactField::Email, required: true },
            FormField { field: ContactField::Phone, required: false },
        ];
        let form = contact_html(&fields, true, Lang::En);
        let form = form.as_str();
        for id in ["prechat-name", "prechat-email", "prechat-phone", "offline-message", FORM_ERROR]
        {
            assert!(form.contains(&format!(r#" id="{id}""#)), "{id}: {form}");
        }
        assert!(form
            .contains(r#"<input id="prechat-email" type="email" autocomplete="email" required>"#));
        assert!(form.contains(r#"<input id="prechat-name" type="text" autocomplete="name">"#));
        let evil = r#"<img src=x onerror="alert(1)">&"#;
        let options = [("rate-up".to_owned(), Rating::thumbs(true), evil.to_owned(), "👍")];
        let rating = rating_html(&options, RatingScale::Thumbs, Lang::En);
        assert!(rating.as_str().contains(
            r#"<button type="button" id="rate-up" class="rate-option" aria-label="&lt;img src=x onerror=&quot;alert(1)&quot;>&amp;" aria-pressed="false">👍</button>"#
        ));
    }
}
