//! The admins' channels screen and editor, a file per fieldset as in `admin::channels`.

mod access;
mod editor;
mod files;
mod forms;
mod hours;
mod look;
mod routing;

pub use access::AccessText;
pub use editor::ChannelText;
pub use files::ChannelFileText;
pub use forms::FormText;
pub use hours::HoursText;
pub use look::LookText;
pub use routing::RoutingText;
