//! The open conversation's pane (`pane`): its `header` (the title and its C3 tools in `title`
//! with the status line `flash`, the buttons the signed-in agent gets in `actions` with the
//! "…" menu of `action_menu`, the transfer and invite `picker`), the notice line (`notice`),
//! the message list and the typing line (`typing`) above the composer. It owns the dialog's
//! `socket`, marks what the customer wrote as read (`read_marks`), attaches dropped files
//! (`file_drop`) and sends what the composer wrote (`send`).

mod action_menu;
mod actions;
mod file_drop;
mod flash;
mod header;
mod notice;
mod pane;
mod picker;
mod read_marks;
mod send;
mod socket;
mod title;
mod typing;

pub use pane::DialogPane;
