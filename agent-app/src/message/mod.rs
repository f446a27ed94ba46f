//! The message list of the open conversation (`list`): each message as it stands now (`core::transcript`:
//! edits, deletions, quotes and session splits folded in), drawn as a bubble (`bubble`, changed
//! in place by `edit`) with its files (`files`) and highlighted mentions (`mentions`), system
//! lines for the session's life, the per-message "…" menu (`menu`) and the state its actions
//! share (`tools`).

mod bubble;
mod edit;
mod files;
mod list;
pub mod mentions;
mod menu;
mod tools;

pub use bubble::author_name;
pub use files::ImageViewer;
pub use list::MessageList;
pub use openline_core::transcript::{fold, last_from_customer, quote_of, Quote};
pub use tools::MessageTools;
