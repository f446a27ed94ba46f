//! The team screen (`screen`, at `#/team` and `#/team/api-tokens`): the colleagues with their
//! roles (`members`), the invitations (`invites`) and the sign-ins on hold after wrong
//! passwords (`locks`); its second tab is `admin::tokens`.

mod invites;
mod locks;
mod members;
mod screen;

pub use screen::TeamScreen;
