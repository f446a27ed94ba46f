//! Merging one contact into another by hand (R1, R3): what the survivor becomes, what moves to
//! it, and when a merge is refused. The same call gives the agent's preview and the store's
//! plan, so the preview shows exactly what the merge does.
//!
//! A merge cannot be undone. The merged contact becomes a tombstone: its id and `merged_into`,
//! nothing else, so no search finds it and no value is stored twice, and its id can answer with
//! a pointer to the survivor. The store also re-points older tombstones that pointed at the
//! merged contact, so a pointer is never followed twice.

use super::matching::additions;
use super::CrmContact;
use crate::error_code::ErrorCode;
use crate::ids::{ContactId, DialogId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What hangs from a contact, by id: what a merge moves to the survivor. Deals, form answers
/// and orders get their typed ids with their features (R2, C5, C8); as strings on the wire
/// they will read the same.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactLinks {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dialogs: Vec<DialogId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deals: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub form_answers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orders: Vec<String>,
}

impl ContactLinks {
    /// No links at all.
    pub fn is_empty(&self) -> bool {
        self.dialogs.is_empty()
            && self.deals.is_empty()
            && self.form_answers.is_empty()
            && self.orders.is_empty()
    }

    /// These links, then `other`'s that are not among them: what a survivor holds after a merge.
    pub fn joined(mut self, other: &ContactLinks) -> ContactLinks {
        join(&mut self.dialogs, &other.dialogs);
        join(&mut self.deals, &other.deals);
        join(&mut self.form_answers, &other.form_answers);
        join(&mut self.orders, &other.orders);
        self
    }
}

/// A merge as it will be done: the survivor's new values, the merged contact's tombstone, and
/// the links that move from the merged contact to the survivor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    pub survivor: CrmContact,
    pub tombstone: CrmContact,
    pub moves: ContactLinks,
}

/// Why a merge is refused; `code()` is stable for clients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeRefusal {
    /// A contact merged into itself.
    SameContact,
    /// One of the two (`id`) is already merged, `into` another: merge with that one.
    AlreadyMerged { id: ContactId, into: ContactId },
    /// Both carry a user id, and not the same: the site knows them as two people.
    DifferentUserIds,
}

impl MergeRefusal {
    pub fn code(&self) -> ErrorCode {
        match self {
            MergeRefusal::SameContact => ErrorCode::MergeSameContact,
            MergeRefusal::AlreadyMerged { .. } => ErrorCode::ContactMerged,
            MergeRefusal::DifferentUserIds => ErrorCode::MergeUserIdsDiffer,
        }
    }

    /// What an agent reads.
    pub fn message(&self) -> String {
        match self {
            MergeRefusal::SameContact => "A contact cannot be merged into itself.".into(),
            MergeRefusal::AlreadyMerged { id, into } => {
                format!("Contact {id} was merged into {into} already.")
            }
            MergeRefusal::DifferentUserIds => "These are two users of the site (each has a user \
                id of its own): they cannot be merged."
                .into(),
        }
    }
}

/// `merged` merged into `survivor`, given the links `merged` has. The survivor keeps its name,
/// company and primary email and phone (an empty name or company takes the merged one's); the
/// merged contact's emails, phones and user id are added after its own, each once.
pub fn merge(
    survivor: &CrmContact,
    merged: &CrmContact,
    merged_links: &ContactLinks,
) -> Result<Merge, MergeRefusal> {
    if let Some(refused) = refusal(survivor, merged) {
        return Err(refused);
    }
    let mut kept = survivor.clone();
    additions(&merged.identity(), Some(survivor)).apply_to(&mut kept);
    fill_if_empty(&mut kept.name, &merged.name);
    fill_if_empty(&mut kept.company, &merged.company);
    let tombstone = CrmContact {
        merged_into: Some(survivor.id.clone()),
        ..CrmContact::new(merged.id.clone(), merged.created_at)
    };
    Ok(Merge { survivor: kept, tombstone, moves: ContactLinks::default().joined(merged_links) })
}

fn refusal(survivor: &CrmContact, merged: &CrmContact) -> Option<MergeRefusal> {
    if survivor.id == merged.id {
        return Some(MergeRefusal::SameContact);
    }
    for contact in [survivor, merged] {
        if let Some(into) = &contact.merged_into {
            return Some(MergeRefusal::AlreadyMerged {
                id: contact.id.clone(),
                into: into.clone(),
            });
        }
    }
    match (&survivor.user_id, &merged.user_id) {
        (Some(a), Some(b)) if a != b => Some(MergeRefusal::DifferentUserIds),
        _ => None,
    }
}

fn fill_if_empty(value: &mut String, other: &str) {
    if value.trim().is_empty() {
        other.clone_into(value);
    }
}

/// `other`'s values not in `into` appended to it, each once (a set: a contact may have
/// thousands of orders).
fn join<T: Ord + Clone>(into: &mut Vec<T>, other: &[T]) {
    let mut seen: BTreeSet<T> = into.iter().cloned().collect();
    for value in other {
        if seen.insert(value.clone()) {
            into.push(value.clone());
        }
    }
}

#[cfg(test)]
mod tests;
