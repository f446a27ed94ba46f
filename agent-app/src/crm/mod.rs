//! The CRM in the agent app (issue 16): the contact card beside a conversation (`card`) and
//! the contacts screen with its search (`screen`).

mod card;
mod screen;

pub use card::ContactPanel;
pub use screen::ContactsScreen;
