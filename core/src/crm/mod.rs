//! CRM contacts (R1, R3): the pure rules a store of contacts asks.
//!
//! - `normalize`: the keys a contact is matched by, each in one normal form: `Email` (trimmed,
//!   lower case) and `Phone` (E.164; `Phone::parse` reads national formats with the `phone`
//!   feature, through `phone`). `country`: `Country`, a channel's default country.
//! - `contact`: `CrmContact`, the stored and wire shape of a contact (or of its tombstone).
//! - `matching`: `match_contact`, which contact a person belongs to (user id, then email, then
//!   phone; never one with another user id), and what it learns.
//! - `search`: the words a contact is found by, and a typed query as a full-text expression.
//! - `merge`: `merge`, one contact into another by hand: the survivor, the tombstone, what
//!   moves (`ContactLinks`), and when it is refused (`MergeRefusal`).
//!
//! What is not here: storage, search and ids (the store makes `ContactId`s, looks candidates up
//! by key, and moves links), the contact card and the timeline. Every item is re-exported here:
//! callers write `crm::Phone`, never `crm::normalize::Phone`.

mod contact;
mod country;
mod matching;
mod merge;
mod normalize;
#[cfg(feature = "phone")]
mod phone;
mod search;

pub use contact::{ContactEdit, CrmContact, MAX_COMPANY_CHARS};
pub use country::Country;
pub use matching::{match_contact, match_in_dialog, Additions, ContactMatch, Identity};
pub use merge::{merge, ContactLinks, Merge, MergeRefusal};
pub use normalize::{Email, Phone};
pub use search::{search_expression, search_words};
