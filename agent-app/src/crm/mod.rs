//! The CRM in the agent app (issue 16): the contact card beside a conversation (`card`) and
//! the contacts screen with its search (`screen`), where a contact is edited (`edit`) and a
//! duplicate merged (`merge`).

mod card;
mod edit;
mod merge;
mod screen;

pub use card::ContactPanel;
pub use screen::ContactsScreen;
