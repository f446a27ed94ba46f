//! The admins' screens: the channels (`channels`, A1, Q13, Q14, W4–W6, C1), the team with its
//! invitations (`team`) and the API tokens (`tokens`, a tab of the team screen). Anyone else
//! who opens their address is told politely; the server refuses them anyway.

mod channels;
mod team;
mod tokens;

pub use channels::ChannelsScreen;
pub use team::TeamScreen;
