//! The strings of a channel's access settings: allowed sites and signed identity (W6).

use crate::i18n::Lang;

/// Allowed sites and signed identity (W6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessText {
    WhereChatOpens,
    AllowedSites,
    AllowedSitesHint,
    RequireIdentity,
    RequireIdentityHint,
    IdentitySecret,
    IdentityExplain,
    CurrentSecret,
    Reveal,
    Hide,
    GenerateNew,
    ConfirmNewSecret,
    Generate,
    NewSecretMade,
}

impl Lang {
    pub fn access(self, text: AccessText) -> &'static str {
        use AccessText::*;
        match (self, text) {
            (Lang::En, WhereChatOpens) => "Where the chat may open",
            (Lang::Es, WhereChatOpens) => "Dónde puede abrirse el chat",
            (Lang::En, AllowedSites) => "Allowed sites",
            (Lang::Es, AllowedSites) => "Sitios permitidos",
            (Lang::En, AllowedSitesHint) => "One per line, like https://shop.example (no path). Empty: any site.",
            (Lang::Es, AllowedSitesHint) => "Uno por línea, como https://tienda.example (sin ruta). Vacío: cualquier sitio.",
            (Lang::En, RequireIdentity) => "Require signed identity (W6)",
            (Lang::Es, RequireIdentity) => "Exigir identidad firmada (W6)",
            (Lang::En, RequireIdentityHint) => "Only visitors your site identifies with a valid signature may open a chat.",
            (Lang::Es, RequireIdentityHint) => "Solo pueden abrir un chat los visitantes que tu sitio identifique con una firma válida.",
            (Lang::En, IdentitySecret) => "Identity secret",
            (Lang::Es, IdentitySecret) => "Secreto de identidad",
            (Lang::En, IdentityExplain) => "For a signed-in user, your site's server computes hex(HMAC-SHA256(secret, user_id)) and passes user_id and that hash to the widget, on the embed script as below. Keep the secret on the server: never put it in a page.",
            (Lang::Es, IdentityExplain) => "Para un usuario con sesión iniciada, el servidor de tu sitio calcula hex(HMAC-SHA256(secreto, user_id)) y pasa user_id y ese hash al widget, en el script de inserción como se ve abajo. Guarda el secreto en el servidor: nunca lo pongas en una página.",
            (Lang::En, CurrentSecret) => "Current secret",
            (Lang::Es, CurrentSecret) => "Secreto actual",
            (Lang::En, Reveal) => "Reveal",
            (Lang::Es, Reveal) => "Mostrar",
            (Lang::En, Hide) => "Hide",
            (Lang::Es, Hide) => "Ocultar",
            (Lang::En, GenerateNew) => "Generate new",
            (Lang::Es, GenerateNew) => "Generar otro",
            (Lang::En, ConfirmNewSecret) => "Generate a new secret? The current one stops working at once: signed visitors are refused until your site uses the new one.",
            (Lang::Es, ConfirmNewSecret) => "¿Generar un secreto nuevo? El actual deja de funcionar al momento: se rechaza a los visitantes firmados hasta que tu sitio use el nuevo.",
            (Lang::En, Generate) => "Generate",
            (Lang::Es, Generate) => "Generar",
            (Lang::En, NewSecretMade) => "A new secret was generated.",
            (Lang::Es, NewSecretMade) => "Se generó un secreto nuevo.",
        }
    }

    /// A line of the allowed sites that is not an origin.
    pub fn bad_origin(self, line: &str) -> String {
        match self {
            Lang::En => {
                format!(
                    "“{line}” is not a site: write it like https://shop.example, without a path."
                )
            }
            Lang::Es => {
                format!("«{line}» no es un sitio: escríbelo como https://tienda.example, sin ruta.")
            }
        }
    }
}
