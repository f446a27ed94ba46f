//! Merging a duplicate into the contact on screen (R1): find the other contact, see what the
//! merge does, confirm. It cannot be undone; the merged contact's id then leads here (410).

use crate::api;
use crate::i18n::CrmText;
use crate::ui::{use_ui, InlineConfirm};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::crm::CrmContact;
use openline_core::protocol::ContactCard;

#[component]
pub(super) fn MergeFinder(
    /// The contact on screen, which keeps everything.
    survivor: CrmContact,
    /// Called with the survivor as the merge left it.
    on_merged: Callback<ContactCard>,
) -> impl IntoView {
    let ui = use_ui();
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<CrmContact>::new());
    let asking = RwSignal::new(None::<CrmContact>);
    let survivor_id = survivor.id.clone();
    let into = StoredValue::new(survivor.clone());
    Effect::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            found.set(Vec::new());
            return;
        }
        let own = survivor_id.clone();
        spawn_local(async move {
            if let Ok(page) = api::contacts(&q, None).await {
                // Only if the field still says what was asked.
                if query.get_untracked() == q {
                    found.set(page.contacts.into_iter().filter(|c| c.id != own).collect());
                }
            }
        });
    });
    let merge = move |from: CrmContact| {
        let into = into.get_value();
        spawn_local(async move {
            match api::merge_contact(&into.id, &from.id).await {
                Ok(card) => {
                    asking.set(None);
                    query.set(String::new());
                    on_merged.run(card);
                }
                Err(err) => ui.report(&err),
            }
        });
    };
    let rows = move || {
        found.get().into_iter().map(|c| {
            let (shown, pick) = (c.clone(), c.clone());
            view! {
                <li class="merge-row">
                    <span class="merge-who">{who(&shown)}</span>
                    <button type="button" class="btn small" on:click=move |_| asking.set(Some(pick.clone()))>
                        {ui.lang.crm(CrmText::MergeHere)}
                    </button>
                </li>
            }
        }).collect_view()
    };
    let question = move || {
        asking.get().map(|from| {
            let question = ui.lang.merge_question(&who(&from), &who(&into.get_value()));
            let chosen = from.clone();
            view! {
                <InlineConfirm question_id="merge-question" question confirm_id="merge-confirm"
                    confirm=ui.lang.crm(CrmText::Merge)
                    on_confirm=Callback::new(move |()| merge(chosen.clone()))
                    on_cancel=Callback::new(move |()| asking.set(None)) row=true/>
            }
        })
    };
    view! {
        <section class="merge-finder" aria-labelledby="merge-title">
            <h3 id="merge-title" class="contact-subheading">{ui.lang.crm(CrmText::MergeTitle)}</h3>
            <label for="merge-search" class="field-label">{ui.lang.crm(CrmText::FindDuplicate)}</label>
            <input id="merge-search" class="field" type="search" autocomplete="off" bind:value=query/>
            <ul class="merge-results">{rows}</ul>
            {question}
        </section>
    }
}

/// A contact as the merge names it: their name, and how to reach them.
fn who(contact: &CrmContact) -> String {
    let reach = contact
        .emails
        .first()
        .map(|e| e.as_str().to_owned())
        .or_else(|| contact.phones.first().map(|p| p.as_str().to_owned()));
    match (contact.name.is_empty(), reach) {
        (false, Some(reach)) => format!("{} ({reach})", contact.name),
        (false, None) => contact.name.clone(),
        (true, Some(reach)) => reach,
        (true, None) => contact.id.to_string(),
    }
}
