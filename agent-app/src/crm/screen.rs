//! The contacts screen (R1), at `#/contacts[/<id>]`, for every agent: the list on the left,
//! most recently seen first, narrowed by `#contacts-search` as the agent types (the server's
//! word-prefix search), page by page; the chosen contact on the right.

use super::card::Details;
use super::edit::ContactEditor;
use super::merge::MergeFinder;
use crate::api;
use crate::i18n::{CommonText, CrmText};
use crate::route::{contacts_href, ContactsRoute};
use crate::ui::{focus, title_focused_on_arrival, use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::crm::CrmContact;
use openline_core::protocol::ContactCard;
use std::time::Duration;

/// How long typing pauses before the search asks.
const TYPING_PAUSE_MS: u64 = 250;

/// The list as loaded: its contacts, where the next page starts, and which query it is for.
#[derive(Clone, Copy)]
struct Listing {
    contacts: RwSignal<Option<Vec<CrmContact>>>,
    next: RwSignal<Option<String>>,
    /// Counts the queries asked, so a late reply to an older one is dropped.
    asked: StoredValue<u32>,
    loading: RwSignal<bool>,
}

#[component]
pub fn ContactsScreen(
    /// What the address names.
    route: Memo<Option<ContactsRoute>>,
) -> impl IntoView {
    let ui = use_ui();
    let title = title_focused_on_arrival();
    let query = RwSignal::new(String::new());
    let listing = Listing {
        contacts: RwSignal::new(None),
        next: RwSignal::new(None),
        asked: StoredValue::new(0),
        loading: RwSignal::new(false),
    };
    Effect::new(move |first: Option<()>| {
        let q = query.get();
        let asked = listing.asked.get_value() + 1;
        listing.asked.set_value(asked);
        let wait = if first.is_none() { 0 } else { TYPING_PAUSE_MS };
        set_timeout(move || load(ui, listing, q, None, asked), Duration::from_millis(wait));
    });
    // After a merge, the list as it is now.
    let reload = Callback::new(move |()| {
        let asked = listing.asked.get_value() + 1;
        listing.asked.set_value(asked);
        load(ui, listing, query.get_untracked(), None, asked);
    });
    let shown = Memo::new(move |_| match route.get() {
        Some(ContactsRoute::One(id)) => Some(id),
        _ => None,
    });
    view! {
        <main class="channels-screen contacts-screen" aria-labelledby="contacts-title">
            <div class="channels-side">
                <h2 id="contacts-title" tabindex="-1" node_ref=title>{ui.lang.crm(CrmText::Contacts)}</h2>
                <label for="contacts-search" class="sr-only">{ui.lang.crm(CrmText::SearchContacts)}</label>
                <input id="contacts-search" class="field" type="search" autocomplete="off"
                    placeholder=ui.lang.crm(CrmText::SearchContacts) bind:value=query/>
                <ContactList listing query shown/>
            </div>
            <div class="channels-main">
                {move || match shown.get() {
                    Some(id) => view! { <ContactDetails id on_changed=reload/> }.into_any(),
                    None => view! { <p class="list-note">{ui.lang.crm(CrmText::PickContact)}</p> }.into_any(),
                }}
            </div>
        </main>
    }
}

/// Asks for the page of `query` after `after` (none: the first) and, unless another query was
/// asked since, shows it.
fn load(ui: Ui, listing: Listing, query: String, after: Option<String>, asked: u32) {
    listing.loading.set(true);
    spawn_local(async move {
        let reply = api::contacts(&query, after.as_deref()).await;
        if listing.asked.try_get_value() != Some(asked) {
            return;
        }
        listing.loading.try_set(false);
        match reply {
            Ok(page) => {
                listing.next.try_set(page.next);
                listing.contacts.try_update(|list| match (after, list.as_mut()) {
                    (Some(_), Some(list)) => list.extend(page.contacts),
                    _ => *list = Some(page.contacts),
                });
            }
            Err(err) => ui.report(&err),
        }
    });
}

#[component]
fn ContactList(
    listing: Listing,
    query: RwSignal<String>,
    shown: Memo<Option<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let more = move |_| {
        let after = listing.next.get_untracked();
        if after.is_some() && !listing.loading.get_untracked() {
            load(ui, listing, query.get_untracked(), after, listing.asked.get_value());
        }
    };
    let rows = move || {
        let Some(list) = listing.contacts.get() else {
            return view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }
                .into_any();
        };
        if list.is_empty() {
            let empty = if query.with(|q| q.trim().is_empty()) {
                CrmText::NoContacts
            } else {
                CrmText::NoMatches
            };
            return view! { <p class="list-note">{ui.lang.crm(empty)}</p> }.into_any();
        }
        let rows = list.into_iter().map(|c| {
            let id = c.id.as_str().to_owned();
            let current = {
                let id = id.clone();
                move || shown.with(|s| s.as_deref() == Some(id.as_str())).then_some("page")
            };
            let reach = c.emails.first().map(|e| e.as_str().to_owned())
                .or_else(|| c.phones.first().map(|p| p.as_str().to_owned()))
                .unwrap_or_default();
            let name = if c.name.is_empty() { reach.clone() } else { c.name.clone() };
            view! {
                <li>
                    <a class="channel-link contact-link" href=contacts_href(Some(&id)) aria-current=current>
                        <span class="channel-link-name">{name}</span>
                        <span class="channel-link-id">{reach}</span>
                    </a>
                </li>
            }
        });
        view! { <ul class="channel-list">{rows.collect_view()}</ul> }.into_any()
    };
    view! {
        <nav class="channel-nav contact-nav" aria-label=ui.lang.crm(CrmText::Contacts)>
            {rows}
            <Show when=move || listing.next.with(Option::is_some)>
                <button type="button" class="btn small show-more" on:click=more
                    aria-busy=move || if listing.loading.get() { "true" } else { "false" }>
                    {ui.lang.crm(CrmText::ShowMore)}
                </button>
            </Show>
        </nav>
    }
}

/// One contact, loaded when the address names it.
#[component]
fn ContactDetails(
    id: String,
    /// Called when a merge changed the list (the merged contact leaves it).
    on_changed: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let card = RwSignal::new(None::<ContactCard>);
    let asked = id.clone();
    spawn_local(async move {
        match api::contact(&asked).await {
            Ok(found) => {
                card.try_set(Some(found));
            }
            Err(err) => ui.report(&err),
        }
    });
    let editing = RwSignal::new(false);
    let on_merged = Callback::new(move |merged: ContactCard| {
        card.set(Some(merged));
        on_changed.run(());
    });
    let on_saved = Callback::new(move |saved: ContactCard| {
        card.set(Some(saved));
        editing.set(false);
        on_changed.run(());
        request_animation_frame(|| focus("contact-edit"));
    });
    let on_cancel = Callback::new(move |()| {
        editing.set(false);
        request_animation_frame(|| focus("contact-edit"));
    });
    view! {
        <section class="contact-page" aria-labelledby="contact-page-title">
            <h2 id="contact-page-title" class="contact-heading">{ui.lang.crm(CrmText::Contact)}</h2>
            {move || card.get().map(|card| {
                let survivor = card.contact.clone();
                let contact = card.contact.clone();
                view! {
                    <Details card current=None/>
                    <Show when=move || editing.get() fallback=move || view! {
                        <button id="contact-edit" type="button" class="btn small"
                            on:click=move |_| editing.set(true)>
                            {ui.lang.crm(CrmText::Edit)}
                        </button>
                    }>
                        <ContactEditor contact=contact.clone() on_saved on_cancel/>
                    </Show>
                    <MergeFinder survivor on_merged/>
                }
            })}
        </section>
    }
}
