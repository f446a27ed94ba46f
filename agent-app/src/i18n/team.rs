//! The strings of the admins' team screen: its tabs, the colleagues with their roles, and the
//! invitations.

use super::Lang;
use openline_core::sign_in::KeyKind;

/// The team screen: colleagues and invitations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamText {
    Team,
    TeamSections,
    Members,
    ApiTokens,
    OnlyAdmins,
    You,
    Remove,
    RoleSaved,
    InviteHeading,
    InviteHint,
    CreateInvite,
    InviteLink,
    PendingInvites,
    NoPendingInvites,
    Revoke,
    Expires,
    SignInLocks,
    SignInLocksHint,
    NoSignInLocks,
    LetIn,
}

impl Lang {
    pub fn team(self, text: TeamText) -> &'static str {
        use TeamText::*;
        match (self, text) {
            (Lang::En, Team) => "Team",
            (Lang::Es, Team) => "Equipo",
            (Lang::En, TeamSections) => "Team settings",
            (Lang::Es, TeamSections) => "Ajustes del equipo",
            (Lang::En, Members) => "Members",
            (Lang::Es, Members) => "Miembros",
            (Lang::En, ApiTokens) => "API tokens",
            (Lang::Es, ApiTokens) => "Tokens de API",
            (Lang::En, OnlyAdmins) => "Only admins can manage the team and its API tokens.",
            (Lang::Es, OnlyAdmins) => {
                "Solo los administradores pueden gestionar el equipo y sus tokens de API."
            }
            (Lang::En, You) => "(you)",
            (Lang::Es, You) => "(tú)",
            (Lang::En, Remove) => "Remove",
            (Lang::Es, Remove) => "Quitar",
            (Lang::En, RoleSaved) => "Role saved",
            (Lang::Es, RoleSaved) => "Rol guardado",
            (Lang::En, InviteHeading) => "Invite a colleague",
            (Lang::Es, InviteHeading) => "Invitar a un colega",
            (Lang::En, InviteHint) => {
                "You get a link to send them: with it they choose a password and join."
            }
            (Lang::Es, InviteHint) => {
                "Obtendrás un enlace para enviárselo: con él elegirá su contraseña y se unirá."
            }
            (Lang::En, CreateInvite) => "Create invitation",
            (Lang::Es, CreateInvite) => "Crear invitación",
            (Lang::En, InviteLink) => "Invitation link",
            (Lang::Es, InviteLink) => "Enlace de invitación",
            (Lang::En, PendingInvites) => "Pending invitations",
            (Lang::Es, PendingInvites) => "Invitaciones pendientes",
            (Lang::En, NoPendingInvites) => "No pending invitations.",
            (Lang::Es, NoPendingInvites) => "No hay invitaciones pendientes.",
            (Lang::En, SignInLocks) => "Sign-ins on hold",
            (Lang::Es, SignInLocks) => "Accesos en espera",
            (Lang::En, SignInLocksHint) => {
                "After several wrong passwords, an account or a network waits before it may try again."
            }
            (Lang::Es, SignInLocksHint) => {
                "Tras varias contraseñas incorrectas, una cuenta o una red espera antes de volver a intentarlo."
            }
            (Lang::En, NoSignInLocks) => "No account or network is waiting to sign in.",
            (Lang::Es, NoSignInLocks) => "Ninguna cuenta ni red está esperando para entrar.",
            (Lang::En, LetIn) => "Let in now",
            (Lang::Es, LetIn) => "Permitir ya",
            (Lang::En, Revoke) => "Revoke",
            (Lang::Es, Revoke) => "Revocar",
            (Lang::En, Expires) => "Expires",
            (Lang::Es, Expires) => "Caduca",
        }
    }

    /// The role `<select>` of one colleague, for screen readers.
    pub fn role_of(self, name: &str) -> String {
        match self {
            Lang::En => format!("Role of {name}"),
            Lang::Es => format!("Rol de {name}"),
        }
    }

    /// A row's Remove button, for screen readers.
    pub fn remove_agent(self, name: &str) -> String {
        match self {
            Lang::En => format!("Remove {name}"),
            Lang::Es => format!("Quitar a {name}"),
        }
    }

    pub fn confirm_remove_agent(self, name: &str) -> String {
        match self {
            Lang::En => format!("Remove {name}? They are signed out and can no longer sign in."),
            Lang::Es => format!("¿Quitar a {name}? Se cierra su sesión y ya no podrá entrar."),
        }
    }

    pub fn agent_removed(self, name: &str) -> String {
        match self {
            Lang::En => format!("{name} was removed"),
            Lang::Es => format!("Se quitó a {name}"),
        }
    }

    /// Under a new invitation link.
    pub fn invite_link_note(self, name: &str, until: &str) -> String {
        match self {
            Lang::En => {
                format!("Send this link to {name}. It is shown only once and works until {until}.")
            }
            Lang::Es => format!(
                "Envía este enlace a {name}. Solo se muestra una vez y funciona hasta el {until}."
            ),
        }
    }

    /// Who a sign-in lock holds back: an account's email, or a network (its tag, never its
    /// address).
    pub fn sign_in_lock_who(self, kind: KeyKind, key: &str) -> String {
        match (self, kind) {
            (_, KeyKind::Account) => key.to_owned(),
            (Lang::En, KeyKind::Network) => format!("A network ({key})"),
            (Lang::Es, KeyKind::Network) => format!("Una red ({key})"),
        }
    }

    /// A sign-in lock's failures, and when its next try is heard if it waits now.
    pub fn sign_in_lock_state(self, failures: u32, until: Option<&str>) -> String {
        match (self, until) {
            (Lang::En, Some(until)) => format!("{failures} failed sign-ins · waits until {until}"),
            (Lang::En, None) => format!("{failures} failed sign-ins · the next one waits longer"),
            (Lang::Es, Some(until)) => {
                format!("{failures} intentos fallidos · espera hasta el {until}")
            }
            (Lang::Es, None) => format!("{failures} intentos fallidos · el próximo espera más"),
        }
    }

    /// A lock's "Let in now" button, for screen readers (its visible words first, as WCAG's
    /// "label in name" asks).
    pub fn let_in(self, who: &str) -> String {
        match self {
            Lang::En => format!("Let in now: {who}"),
            Lang::Es => format!("Permitir ya: {who}"),
        }
    }

    /// A pending invitation's Revoke button, for screen readers.
    pub fn revoke_invite(self, email: &str) -> String {
        match self {
            Lang::En => format!("Revoke the invitation for {email}"),
            Lang::Es => format!("Revocar la invitación de {email}"),
        }
    }
}
