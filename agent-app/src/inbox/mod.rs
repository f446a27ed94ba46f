//! The left column: the inbox as the app holds it, fed by the inbox socket (`model`), and the
//! five lists (Q2) as tabs with their rows (`pane`).

mod model;
mod pane;

pub use model::{use_inbox, Inbox};
pub use pane::InboxPane;
