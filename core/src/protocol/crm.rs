//! The agent app's CRM bodies (issue 16): a contact with their dialogs, a page of contacts.

use crate::crm::CrmContact;
use crate::ids::{ChannelId, ContactId, DialogId};
use serde::{Deserialize, Serialize};

/// A contact and every dialog of theirs, oldest first (R1, R3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactCard {
    pub contact: CrmContact,
    pub dialogs: Vec<ContactDialog>,
}

/// One of a contact's dialogs: where, and since when it is theirs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDialog {
    pub dialog_id: DialogId,
    pub channel_id: ChannelId,
    /// When the dialog was first linked to the contact (ms).
    pub first_at: i64,
}

/// One page of the contacts list or of a search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactsPage {
    pub contacts: Vec<CrmContact>,
    /// Ask again with `after` = this for the next page; none: the last page.
    pub next: Option<String>,
}

/// Which contact a sighting was put on; none when it gave nothing to know them by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Noted {
    pub contact: Option<ContactId>,
}

/// `POST /api/agent/contacts/{id}/merge`: `from` is merged into the contact in the URL, which
/// keeps everything both had (R1). It cannot be undone; `from` then answers 410.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    pub from: ContactId,
}
