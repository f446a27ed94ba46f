//! The composer under the open conversation: the form (`form`: textarea, hidden-note switch,
//! Send) writing a `draft`, its keys (`keys`), its `/` and `@` suggestions (`suggest`, with
//! `quick_commands`), the quote chip above it (`quote_chip`), the emoji picker
//! (`emoji_picker`) and the files going with the message (`attachments`). It only edits the
//! draft; the dialog sends it.

mod attachments;
mod draft;
mod emoji_picker;
mod form;
mod keys;
mod quick_commands;
mod quote_chip;
mod suggest;

pub use attachments::{files_of, ready_ids, send_state, Attachments, SendState};
pub use draft::Draft;
pub use form::Composer;
pub use quick_commands::Ready;
