//! The strings of the team screen's API tokens tab.

use super::Lang;

/// The API tokens tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenText {
    Intro,
    New,
    Name,
    NameHint,
    EmptyName,
    Create,
    Secret,
    SecretNote,
    UsageHint,
    NoneYet,
    Created,
    LastUsed,
    Never,
    ActsAs,
}

impl Lang {
    pub fn tokens(self, text: TokenText) -> &'static str {
        use TokenText::*;
        match (self, text) {
            (Lang::En, Intro) => "An API token lets your own systems call the Openline API as the admin who made it. Keep it secret, like a password.",
            (Lang::Es, Intro) => "Un token de API permite que tus sistemas llamen a la API de Openline como el administrador que lo creó. Guárdalo en secreto, como una contraseña.",
            (Lang::En, New) => "New token",
            (Lang::Es, New) => "Nuevo token",
            (Lang::En, Name) => "Token name",
            (Lang::Es, Name) => "Nombre del token",
            (Lang::En, NameHint) => "What it is for, like “CRM sync”.",
            (Lang::Es, NameHint) => "Para qué es, como «Sincronización CRM».",
            (Lang::En, EmptyName) => "Give the token a name.",
            (Lang::Es, EmptyName) => "Ponle un nombre al token.",
            (Lang::En, Create) => "Create token",
            (Lang::Es, Create) => "Crear token",
            (Lang::En, Secret) => "Secret of the new token",
            (Lang::Es, Secret) => "Secreto del token nuevo",
            (Lang::En, SecretNote) => "Copy it now: it is shown only once.",
            (Lang::Es, SecretNote) => "Cópialo ahora: solo se muestra una vez.",
            (Lang::En, UsageHint) => "Send it with every request, in this header:",
            (Lang::Es, UsageHint) => "Envíalo en cada petición, en esta cabecera:",
            (Lang::En, NoneYet) => "No API tokens yet.",
            (Lang::Es, NoneYet) => "Aún no hay tokens de API.",
            (Lang::En, Created) => "Created",
            (Lang::Es, Created) => "Creado",
            (Lang::En, LastUsed) => "Last used",
            (Lang::Es, LastUsed) => "Último uso",
            (Lang::En, Never) => "Never",
            (Lang::Es, Never) => "Nunca",
            (Lang::En, ActsAs) => "Acts as",
            (Lang::Es, ActsAs) => "Actúa como",
        }
    }

    /// An API token's Revoke button, for screen readers.
    pub fn revoke_token(self, name: &str) -> String {
        match self {
            Lang::En => format!("Revoke {name}"),
            Lang::Es => format!("Revocar {name}"),
        }
    }

    pub fn confirm_revoke_token(self, name: &str) -> String {
        match self {
            Lang::En => format!("Revoke {name}? Systems using it stop working at once."),
            Lang::Es => {
                format!(
                    "¿Revocar {name}? Los sistemas que lo usen dejarán de funcionar al momento."
                )
            }
        }
    }
}
