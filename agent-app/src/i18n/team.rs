//! The strings of the admins' team screen: its tabs, the colleagues with their roles, and the
//! invitations.

use super::Lang;

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

    /// A pending invitation's Revoke button, for screen readers.
    pub fn revoke_invite(self, email: &str) -> String {
        match self {
            Lang::En => format!("Revoke the invitation for {email}"),
            Lang::Es => format!("Revocar la invitación de {email}"),
        }
    }
}
