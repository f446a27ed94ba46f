//! `ContactsRequest`: every call to a workspace's Contacts object (issue 16, R1).

use openline_core::contact::Contact;
use openline_core::crm::ContactEdit;
use openline_core::{ChannelId, DialogId, VisitorId};
use serde::{Deserialize, Serialize};

/// One variant per call to a Contacts object.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactsRequest {
    /// A customer said who they are (a form, `Openline.identify`) or a signed identity opened
    /// their chat: matched to a contact or made one, the dialog linked → `Noted`. Idempotent.
    Note(Sighting),
    /// The contact a dialog is linked to → `ContactCard`, or `null` while it is none.
    OfDialog { dialog: DialogId },
    /// One contact → `ContactCard`, or 404 (410 with the survivor when merged).
    Get { id: String },
    /// An agent's edit of a contact's name and company → `ContactCard`, or the refusal.
    Edit { id: String, edit: ContactEdit },
    /// `from` merged into `into` (R1) → `ContactCard` of `into`, or the refusal.
    Merge { into: String, from: String },
    /// Contacts whose name, email, phone or company starts with `query` (all when empty),
    /// most recently seen first, after `after` → `ContactsPage`.
    Search { query: String, after: Option<String> },
}

/// What a dialog knows of its customer now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sighting {
    pub dialog: DialogId,
    pub channel: ChannelId,
    pub visitor: VisitorId,
    /// The host site's user id, from a signed identity (W6).
    #[serde(default)]
    pub user_id: Option<String>,
    /// What they typed: name, email, phone, as given.
    #[serde(default)]
    pub contact: Contact,
    /// The channel's country, for phone numbers written without one (ISO 3166-1 alpha-2).
    #[serde(default)]
    pub default_country: String,
}
