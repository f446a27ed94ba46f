//! The contact card beside a conversation (R1): who the customer is in the CRM, how to reach
//! them, and every conversation of theirs, each a link. Loaded when the dialog opens and again
//! when the customer shares their details (the contact follows a moment after the message).

use crate::api;
use crate::i18n::CrmText;
use crate::ui::clock::date_time;
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::contact::Contact;
use openline_core::ids::DialogId;
use openline_core::protocol::ContactCard;
use std::time::Duration;

/// How long after the customer shared their details the card asks again: the dialog tells the
/// contacts after its reply, so the first ask may come before.
const ASK_AGAIN_MS: u64 = 1_500;

#[component]
pub fn ContactPanel(
    /// The open conversation.
    dialog: DialogId,
    /// What the customer shared in it (W4), to reload the card when it changes.
    shared: Memo<Option<Contact>>,
) -> impl IntoView {
    let ui = use_ui();
    let card = RwSignal::new(None::<ContactCard>);
    let loaded = RwSignal::new(false);
    let id = StoredValue::new(dialog.clone());
    Effect::new(move |before: Option<Option<Contact>>| {
        let now = shared.get();
        load(ui, id.get_value(), card, loaded);
        if before.is_some_and(|b| b != now) {
            set_timeout(
                move || load(ui, id.get_value(), card, loaded),
                Duration::from_millis(ASK_AGAIN_MS),
            );
        }
        now
    });
    view! {
        <aside class="contact-panel" aria-labelledby="contact-title">
            <h2 id="contact-title" class="contact-heading">{ui.lang.crm(CrmText::Contact)}</h2>
            {move || match card.get() {
                Some(card) => view! { <Details card current=Some(id.get_value())/> }.into_any(),
                None if loaded.get() => view! {
                    <p class="contact-none">{ui.lang.crm(CrmText::NoContactYet)}</p>
                }.into_any(),
                None => ().into_any(),
            }}
        </aside>
    }
}

fn load(ui: Ui, dialog: DialogId, card: RwSignal<Option<ContactCard>>, loaded: RwSignal<bool>) {
    spawn_local(async move {
        match api::contact_of(&dialog).await {
            Ok(found) => {
                card.try_set(found);
                loaded.try_set(true);
            }
            Err(err) => ui.report(&err),
        }
    });
}

/// A contact's name, ways to reach them and conversations; `current` is the one on screen.
#[component]
pub(super) fn Details(card: ContactCard, current: Option<DialogId>) -> impl IntoView {
    let ui = use_ui();
    let contact = card.contact;
    let field = |label: CrmText, values: Vec<String>| {
        (!values.is_empty()).then(|| {
            view! {
                <dt>{ui.lang.crm(label)}</dt>
                {values.into_iter().map(|v| view! { <dd>{v}</dd> }).collect_view()}
            }
        })
    };
    let emails = contact.emails.iter().map(|e| e.as_str().to_owned()).collect();
    let phones = contact.phones.iter().map(|p| p.as_str().to_owned()).collect();
    let company = (!contact.company.is_empty()).then(|| contact.company.clone());
    let dialogs = card.dialogs.into_iter().map(|d| {
        let this = current.as_ref() == Some(&d.dialog_id);
        let when = date_time(ui.lang, d.first_at);
        view! {
            <li>
                <a href=format!("#/dialog/{}", d.dialog_id) aria-current=this.then_some("page")>
                    {format!("{} · {when}", d.channel_id)}
                </a>
                {this.then(|| view! { <span class="contact-this">{format!(" ({})", ui.lang.crm(CrmText::ThisConversation))}</span> })}
            </li>
        }
    });
    view! {
        <p class="contact-name">{display_name(&contact.name)}</p>
        <dl class="contact-fields">
            {field(CrmText::Emails, emails)}
            {field(CrmText::Phones, phones)}
            {field(CrmText::SignedInAs, contact.user_id.into_iter().collect())}
            {field(CrmText::Company, company.into_iter().collect())}
        </dl>
        <h3 class="contact-subheading">{ui.lang.crm(CrmText::Conversations)}</h3>
        <ul class="contact-dialogs">{dialogs.collect_view()}</ul>
    }
}

/// The contact's name, or a dash when they gave none.
fn display_name(name: &str) -> String {
    if name.is_empty() {
        "—".to_owned()
    } else {
        name.to_owned()
    }
}
