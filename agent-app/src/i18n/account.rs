//! The strings of signing in, first-run setup, invitations and one's own account (the account
//! menu, changing the password), with the form problems of `account::rules`.

use super::Lang;

/// Signing in, setup, invitations and one's own account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountText {
    SignInTitle,
    SignInIntro,
    Workspace,
    Password,
    SignIn,
    SigningIn,
    LogOut,
    SetupTitle,
    SetupIntro,
    WorkspaceId,
    WorkspaceIdHint,
    YourName,
    PasswordAgain,
    CreateWorkspace,
    Invitation,
    InviteIntro,
    ChoosePassword,
    JoinAndSignIn,
    InviteUnusable,
    GoToSignIn,
    AccountMenu,
    ChangePassword,
    CurrentPassword,
    TypeCurrentPassword,
    NewPassword,
    NewPasswordAgain,
    ChangePasswordHint,
    PasswordChanged,
    Name,
    Role,
    RoleAdmin,
    RoleSupervisor,
    RoleAgent,
    BadWorkspace,
    BadName,
    BadEmail,
    PasswordsDiffer,
}

impl Lang {
    // A table, one arm per string and language: as long as the area has strings.
    pub fn account(self, text: AccountText) -> &'static str {
        use AccountText::*;
        match (self, text) {
            (Lang::En, SignInTitle) => "Sign in",
            (Lang::Es, SignInTitle) => "Iniciar sesión",
            (Lang::En, SignInIntro) => "Answer your customers' chats.",
            (Lang::Es, SignInIntro) => "Responde los chats de tus clientes.",
            (Lang::En, Workspace) => "Workspace",
            (Lang::Es, Workspace) => "Espacio de trabajo",
            (Lang::En, Password) => "Password",
            (Lang::Es, Password) => "Contraseña",
            (Lang::En, SignIn) => "Sign in",
            (Lang::Es, SignIn) => "Entrar",
            (Lang::En, SigningIn) => "Signing in…",
            (Lang::Es, SigningIn) => "Entrando…",
            (Lang::En, LogOut) => "Log out",
            (Lang::Es, LogOut) => "Cerrar sesión",
            (Lang::En, SetupTitle) => "Set up Openline",
            (Lang::Es, SetupTitle) => "Configura Openline",
            (Lang::En, SetupIntro) => "Create your workspace and its first admin account. You can invite your team next.",
            (Lang::Es, SetupIntro) => "Crea tu espacio de trabajo y su primera cuenta de administrador. Después podrás invitar a tu equipo.",
            (Lang::En, WorkspaceId) => "Workspace id",
            (Lang::Es, WorkspaceId) => "Identificador del espacio de trabajo",
            (Lang::En, WorkspaceIdHint) => "Letters, digits, - and _. Your team types it to sign in; it cannot change later.",
            (Lang::Es, WorkspaceIdHint) => "Letras, cifras, - y _. Tu equipo lo escribe para entrar; no se puede cambiar después.",
            (Lang::En, YourName) => "Your name",
            (Lang::Es, YourName) => "Tu nombre",
            (Lang::En, PasswordAgain) => "Repeat the password",
            (Lang::Es, PasswordAgain) => "Repite la contraseña",
            (Lang::En, CreateWorkspace) => "Create workspace",
            (Lang::Es, CreateWorkspace) => "Crear espacio de trabajo",
            (Lang::En, Invitation) => "Invitation",
            (Lang::Es, Invitation) => "Invitación",
            (Lang::En, InviteIntro) => "Choose a password to finish joining.",
            (Lang::Es, InviteIntro) => "Elige una contraseña para terminar de unirte.",
            (Lang::En, ChoosePassword) => "Password",
            (Lang::Es, ChoosePassword) => "Contraseña",
            (Lang::En, JoinAndSignIn) => "Join and sign in",
            (Lang::Es, JoinAndSignIn) => "Unirme y entrar",
            (Lang::En, InviteUnusable) => "Ask an admin of your workspace for a new invitation link.",
            (Lang::Es, InviteUnusable) => "Pide un enlace de invitación nuevo a un administrador de tu espacio de trabajo.",
            (Lang::En, GoToSignIn) => "Go to sign in",
            (Lang::Es, GoToSignIn) => "Ir a iniciar sesión",
            (Lang::En, AccountMenu) => "Account menu",
            (Lang::Es, AccountMenu) => "Menú de la cuenta",
            (Lang::En, ChangePassword) => "Change password",
            (Lang::Es, ChangePassword) => "Cambiar contraseña",
            (Lang::En, CurrentPassword) => "Current password",
            (Lang::Es, CurrentPassword) => "Contraseña actual",
            (Lang::En, TypeCurrentPassword) => "Type your current password.",
            (Lang::Es, TypeCurrentPassword) => "Escribe tu contraseña actual.",
            (Lang::En, NewPassword) => "New password",
            (Lang::Es, NewPassword) => "Contraseña nueva",
            (Lang::En, NewPasswordAgain) => "Repeat the new password",
            (Lang::Es, NewPasswordAgain) => "Repite la contraseña nueva",
            (Lang::En, ChangePasswordHint) => "Your other sessions will be signed out; this one stays open.",
            (Lang::Es, ChangePasswordHint) => "Se cerrarán tus otras sesiones; esta sigue abierta.",
            (Lang::En, PasswordChanged) => "Password changed. Your other sessions were signed out.",
            (Lang::Es, PasswordChanged) => "Contraseña cambiada. Se cerraron tus otras sesiones.",
            (Lang::En, Name) => "Name",
            (Lang::Es, Name) => "Nombre",
            (Lang::En, Role) => "Role",
            (Lang::Es, Role) => "Rol",
            (Lang::En, RoleAdmin) => "Admin",
            (Lang::Es, RoleAdmin) => "Administrador",
            (Lang::En, RoleSupervisor) => "Supervisor",
            (Lang::Es, RoleSupervisor) => "Supervisor",
            (Lang::En, RoleAgent) => "Agent",
            (Lang::Es, RoleAgent) => "Agente",
            (Lang::En, BadWorkspace) => "The workspace id may only use letters, digits, - and _ (1 to 64 characters).",
            (Lang::Es, BadWorkspace) => "El identificador solo puede usar letras, cifras, - y _ (de 1 a 64 caracteres).",
            (Lang::En, BadName) => "Write a name (up to 80 characters).",
            (Lang::Es, BadName) => "Escribe un nombre (hasta 80 caracteres).",
            (Lang::En, BadEmail) => "Write an email address, like ana@example.com.",
            (Lang::Es, BadEmail) => "Escribe una dirección de correo, como ana@example.com.",
            (Lang::En, PasswordsDiffer) => "The two passwords are not the same.",
            (Lang::Es, PasswordsDiffer) => "Las dos contraseñas no coinciden.",
        }
    }

    /// A role's name (`Role` from core).
    pub fn role(self, role: openline_core::auth::Role) -> &'static str {
        use openline_core::auth::Role;
        self.account(match role {
            Role::Admin => AccountText::RoleAdmin,
            Role::Supervisor => AccountText::RoleSupervisor,
            Role::Agent => AccountText::RoleAgent,
        })
    }

    /// Under a new password field.
    pub fn password_hint(self, min: usize) -> String {
        match self {
            Lang::En => format!("At least {min} characters."),
            Lang::Es => format!("Al menos {min} caracteres."),
        }
    }

    pub fn password_too_short(self, min: usize) -> String {
        match self {
            Lang::En => format!("The password needs at least {min} characters."),
            Lang::Es => format!("La contraseña necesita al menos {min} caracteres."),
        }
    }

    pub fn password_too_long(self, max: usize) -> String {
        match self {
            Lang::En => format!("The password may have at most {max} characters."),
            Lang::Es => format!("La contraseña puede tener como mucho {max} caracteres."),
        }
    }

    /// The invitation screen's title.
    pub fn join_workspace(self, workspace: &str) -> String {
        match self {
            Lang::En => format!("Join the {workspace} workspace"),
            Lang::Es => format!("Únete al espacio de trabajo {workspace}"),
        }
    }
}
