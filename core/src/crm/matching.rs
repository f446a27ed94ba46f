//! Which contact a person belongs to (R1): the rule the store asks each time it learns how to
//! reach someone (a form, a signed identity, `Openline.identify`, later a connector's profile).
//!
//! The store looks up the contacts that share a key with the person (their user id, any of
//! their emails, any of their phones) and hands them all to `match_contact`, which decides:
//!
//! 1. Tombstones (merged contacts) are skipped: the store follows `merged_into` itself.
//! 2. A contact carrying a *different* user id is never theirs: the site says they are two
//!    people. The next candidate that fits, or a new contact.
//! 3. The best of the rest: the same user id, else a shared email, else a shared phone (so an
//!    email match beats a phone match); among equals, the one matching more keys, then the
//!    oldest.
//!
//! Nothing here merges two contacts: a value may end up on two of them (a phone added to the
//! one an email chose), and an agent merges them by hand if they are one person.

use super::{CrmContact, Email, Phone};
use crate::ids::ContactId;
use std::cmp::Ordering;

#[cfg(feature = "phone")]
use {super::Country, crate::contact::Contact};

/// What a person is known by, each key in its normal form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// The site's id for them, from a signed identity (W6) only: an unsigned one is a claim
    /// anyone can type.
    pub user_id: Option<String>,
    pub emails: Vec<Email>,
    pub phones: Vec<Phone>,
}

impl Identity {
    /// What a customer's contact details say (`" Ana@X.es "`, `"612 345 678"` read in
    /// `country`), with their signed user id if they have one. A detail not of its shape is
    /// left out: it stays in the dialog as typed, but no contact is matched on it.
    #[cfg(feature = "phone")]
    pub fn from_contact(
        contact: &Contact,
        user_id: Option<&str>,
        country: Option<Country>,
    ) -> Self {
        Identity {
            user_id: user_id.map(str::trim).filter(|u| !u.is_empty()).map(str::to_owned),
            emails: Email::parse(&contact.email).into_iter().collect(),
            phones: Phone::parse(&contact.phone, country).into_iter().collect(),
        }
    }

    /// Nothing to know them by: no contact is made for them.
    pub fn is_empty(&self) -> bool {
        self.user_id().is_none() && self.emails.is_empty() && self.phones.is_empty()
    }

    /// The user id, an empty one taken as none.
    fn user_id(&self) -> Option<&str> {
        self.user_id.as_deref().filter(|u| !u.is_empty())
    }
}

/// The contact a person belongs to, and what to add to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactMatch {
    /// This contact; add these keys to it.
    Existing { id: ContactId, add: Additions },
    /// A new contact, made of these keys.
    New(Additions),
}

/// Keys a contact learns: values it lacks, each once, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Additions {
    /// Only for a contact without one: a user id is never replaced.
    pub user_id: Option<String>,
    pub emails: Vec<Email>,
    pub phones: Vec<Phone>,
}

impl Additions {
    /// Nothing to add.
    pub fn is_empty(&self) -> bool {
        self.user_id.is_none() && self.emails.is_empty() && self.phones.is_empty()
    }

    /// `contact` with these keys after its own, so its primary email and phone stay first.
    pub fn apply_to(self, contact: &mut CrmContact) {
        contact.user_id = contact.user_id.take().or(self.user_id);
        contact.emails.extend(self.emails);
        contact.phones.extend(self.phones);
    }
}

/// The contact `person` belongs to among `candidates` (the contacts sharing a key with them, in
/// any order, repeats allowed); `None` when there is nothing to know them by.
pub fn match_contact(person: &Identity, candidates: &[CrmContact]) -> Option<ContactMatch> {
    if person.is_empty() {
        return None;
    }
    let best = candidates
        .iter()
        .filter(|c| !c.is_merged() && may_belong(person, c))
        .map(|c| (c, strength(person, c)))
        .filter(|(_, s)| s.any())
        .min_by(|(a, sa), (b, sb)| sb.cmp(sa).then_with(|| older_first(a, b)));
    Some(match best {
        Some((contact, _)) => {
            ContactMatch::Existing { id: contact.id.clone(), add: additions(person, Some(contact)) }
        }
        None => ContactMatch::New(additions(person, None)),
    })
}

/// `match_contact` for a person writing in a dialog already linked to `linked`: when none of
/// their keys is known, they are that dialog's contact (a signed user giving their email for
/// the first time, a customer adding a phone to the email they gave before), unless it carries
/// another user id.
pub fn match_in_dialog(
    person: &Identity,
    candidates: &[CrmContact],
    linked: Option<&CrmContact>,
) -> Option<ContactMatch> {
    let fallback = linked.filter(|c| !c.is_merged() && may_belong(person, c));
    match (match_contact(person, candidates)?, fallback) {
        (ContactMatch::New(_), Some(contact)) => Some(ContactMatch::Existing {
            id: contact.id.clone(),
            add: additions(person, Some(contact)),
        }),
        (found, _) => Some(found),
    }
}

/// Which keys a contact shares with a person; compared field by field, in this order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Strength {
    user_id: bool,
    email: bool,
    phone: bool,
}

impl Strength {
    fn any(self) -> bool {
        self.user_id || self.email || self.phone
    }
}

fn strength(person: &Identity, contact: &CrmContact) -> Strength {
    Strength {
        user_id: person.user_id().is_some() && person.user_id() == contact.user_id.as_deref(),
        email: person.emails.iter().any(|e| contact.emails.contains(e)),
        phone: person.phones.iter().any(|p| contact.phones.contains(p)),
    }
}

/// Never a contact whose user id is another's: the site knows them as two people.
fn may_belong(person: &Identity, contact: &CrmContact) -> bool {
    match (person.user_id(), contact.user_id.as_deref()) {
        (Some(theirs), Some(its)) => theirs == its,
        _ => true,
    }
}

/// The order among equally good candidates: the oldest, then by id, whatever the store's order.
fn older_first(a: &CrmContact, b: &CrmContact) -> Ordering {
    a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id))
}

/// The keys of `from` that `contact` lacks (all of them, each once, for a new contact).
pub(super) fn additions(from: &Identity, contact: Option<&CrmContact>) -> Additions {
    let has_user_id = contact.is_some_and(|c| c.user_id.is_some());
    Additions {
        user_id: from.user_id().filter(|_| !has_user_id).map(str::to_owned),
        emails: lacking(&from.emails, contact.map_or(&[], |c| &c.emails)),
        phones: lacking(&from.phones, contact.map_or(&[], |c| &c.phones)),
    }
}

/// The values of `given` not in `known`, each once, in their order.
fn lacking<T: PartialEq + Clone>(given: &[T], known: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for value in given {
        if !known.contains(value) && !out.contains(value) {
            out.push(value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests;
