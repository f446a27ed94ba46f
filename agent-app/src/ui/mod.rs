//! The pieces every screen shares, and nothing else: a leaf that imports no screen. The `Ui`
//! context (`use_ui`), the alert line, focus helpers, the menu-button keyboard, the modal's
//! keys, an inline confirmation, icons, avatars' initials, the copy field and the clock.

mod alert;
mod avatar;
pub mod clock;
mod confirm;
mod context;
mod copy_field;
mod focus;
pub mod icons;
pub mod menu;
mod modal;

pub use alert::AlertLine;
pub use avatar::initials;
pub use confirm::InlineConfirm;
pub use context::{use_ui, Entry, Ui};
pub use copy_field::CopyField;
pub use focus::{focus, focus_or_title, title_focused_on_arrival, DIALOG_TITLE};
pub use modal::modal_keys;
