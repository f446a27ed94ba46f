//! The UI strings, English and Spanish, in plain `match` tables (no i18n crate: it would cost
//! far more than the tables). One file per area of the app, each with an enum of its fixed
//! strings, the accessor on `Lang` named after the area (`lang.dialog(DialogText::Answer)`),
//! and the strings with a part filled in (`lang.in_progress("Ana")`). Matching on
//! `(Lang, text)` with no wildcard makes a missing translation a compile error.

mod account;
mod canned;
mod channels;
mod common;
mod composer;
mod crm;
mod dialog;
mod files;
mod inbox;
mod lang;
mod message;
mod notify;
mod presence;
mod shell;
mod team;
mod tokens;

pub use account::AccountText;
pub use canned::CannedText;
pub use channels::{
    AccessText, ChannelFileText, ChannelText, FormText, HoursText, LookText, RoutingText,
};
pub use common::CommonText;
pub use composer::ComposerText;
pub use crm::CrmText;
pub use dialog::DialogText;
pub use files::FileText;
pub use inbox::InboxText;
pub use lang::Lang;
pub use message::MessageText;
pub use notify::NotifyText;
pub use presence::PresenceText;
pub use shell::ShellText;
pub use team::TeamText;
pub use tokens::TokenText;
