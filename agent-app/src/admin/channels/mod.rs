//! The channels screen (`screen`, at `#/channels[/<id>]`): the list with the "New channel"
//! form (`new`), and one channel's editor (`editor`), whose fieldsets each have a file:
//! working `hours`, `routing` with the channel's agents (`queue`), `access` (allowed sites,
//! signed identity), `files`, pre-chat and offline `forms` and rating, the widget's `look`.
//! The form's pure logic is `draft`.

mod access;
mod draft;
mod editor;
mod files;
mod forms;
mod hours;
mod look;
mod new;
mod queue;
mod routing;
mod screen;

pub use screen::ChannelsScreen;
