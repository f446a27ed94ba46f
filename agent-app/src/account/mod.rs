//! The agent's own account: where the app starts (`session`: who the cookie signs in), the
//! signed-out screens (`login`, first-run `setup`, `invitation`, each in an `auth_card`), the
//! account menu of the top bar (`menu`, with `password_dialog`), and the account forms' rules
//! (`rules`, tested natively; the team screen's invitation form uses them too).

mod auth_card;
mod invitation;
mod login;
mod menu;
mod new_password;
mod password_dialog;
mod rules;
pub mod session;
mod setup;

pub use invitation::InvitationScreen;
pub use login::Login;
pub use menu::AccountMenu;
pub use rules::{bearer_header, invite_link, invite_request, parse_role, Field, ROLES};
pub use setup::SetupScreen;
