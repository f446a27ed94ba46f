//! The left column: the inbox as the app holds it, fed by the inbox socket (`model`), and the
//! five lists (Q2) as tabs (`pane`) with their rows (`row`).

mod model;
mod pane;
mod row;

pub use model::{use_inbox, Inbox};
pub use pane::InboxPane;
