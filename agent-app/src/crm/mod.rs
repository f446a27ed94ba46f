//! The CRM in the agent app (issue 16): the contact card beside a conversation (`card`).

mod card;

pub use card::ContactPanel;
