//! The team screen (`screen`, at `#/team` and `#/team/api-tokens`): the colleagues with their
//! roles (`members`) and the invitations (`invites`); its second tab is `admin::tokens`.

mod invites;
mod members;
mod screen;

pub use screen::TeamScreen;
