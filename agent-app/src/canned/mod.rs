//! Canned responses (C7): the library every agent shares, loaded once at sign-in (`store`),
//! its screen at `#/canned` (`screen`: the library by folder and the editor of one response,
//! `editor`), and the plain logic the composer's `/` suggestions use (`model`).

mod editor;
mod model;
mod screen;
mod store;

pub use model::{expand, replace_query, slash_query, suggestions};
pub use screen::CannedScreen;
pub use store::{provide_canned, use_canned, CannedStore};
