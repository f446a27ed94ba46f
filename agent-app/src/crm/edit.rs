//! Editing a contact's name and company by hand (R1), on the contacts screen: an inline form,
//! saved to the server, which checks it (`CrmContact::edited`) and says why it refuses.

use crate::api;
use crate::i18n::{CommonText, CrmText};
use crate::ui::{focus, use_ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::crm::{ContactEdit, CrmContact};
use openline_core::protocol::ContactCard;

#[component]
pub(super) fn ContactEditor(
    /// The contact as it is.
    contact: CrmContact,
    /// Called with the contact as saved.
    on_saved: Callback<ContactCard>,
    /// Called when the agent gives up.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let name = RwSignal::new(contact.name.clone());
    let company = RwSignal::new(contact.company.clone());
    let error = RwSignal::new(None::<String>);
    let id = contact.id.clone();
    // The form opens where the agent asked: the first field takes focus.
    request_animation_frame(|| focus("contact-edit-name"));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let edit = ContactEdit { name: name.get_untracked(), company: company.get_untracked() };
        let id = id.clone();
        spawn_local(async move {
            match api::edit_contact(&id, &edit).await {
                Ok(card) => on_saved.run(card),
                Err(err) => {
                    let message = err.server_message().map(str::to_owned);
                    error
                        .set(Some(message.unwrap_or_else(|| {
                            ui.lang.common(CommonText::NetworkError).to_owned()
                        })));
                    focus("contact-edit-name");
                }
            }
        });
    };
    view! {
        <form class="contact-edit" on:submit=save aria-describedby="contact-edit-error">
            <label for="contact-edit-name" class="field-label">{ui.lang.crm(CrmText::Name)}</label>
            <input id="contact-edit-name" class="field" autocomplete="off" bind:value=name/>
            <label for="contact-edit-company" class="field-label">{ui.lang.crm(CrmText::Company)}</label>
            <input id="contact-edit-company" class="field" autocomplete="off" bind:value=company/>
            <p id="contact-edit-error" class="form-error" role="alert">{move || error.get()}</p>
            <div class="contact-edit-actions">
                <button id="contact-edit-save" type="submit" class="btn primary small">
                    {ui.lang.common(CommonText::Save)}
                </button>
                <button type="button" class="btn ghost small" on:click=move |_| on_cancel.run(())>
                    {ui.lang.common(CommonText::Cancel)}
                </button>
            </div>
        </form>
    }
}
