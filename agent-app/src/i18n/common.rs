//! The words many screens share: loading, saving, creating, cancelling, closing, copying, the
//! network's failure and the few field names every form uses.

use super::Lang;

/// Words shared by many screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommonText {
    Loading,
    Cancel,
    Dismiss,
    NetworkError,
    Reconnecting,
    Save,
    Saving,
    Saved,
    Create,
    Creating,
    Email,
    Agents,
    Delete,
    Close,
    Copy,
    Copied,
}

impl Lang {
    pub fn common(self, text: CommonText) -> &'static str {
        use CommonText::*;
        match (self, text) {
            (Lang::En, Loading) => "Loading…",
            (Lang::Es, Loading) => "Cargando…",
            (Lang::En, Cancel) => "Cancel",
            (Lang::Es, Cancel) => "Cancelar",
            (Lang::En, Dismiss) => "Dismiss",
            (Lang::Es, Dismiss) => "Cerrar aviso",
            (Lang::En, NetworkError) => {
                "Cannot reach the server. Check your connection and try again."
            }
            (Lang::Es, NetworkError) => {
                "No se puede conectar con el servidor. Revisa la conexión e inténtalo de nuevo."
            }
            (Lang::En, Reconnecting) => "Reconnecting…",
            (Lang::Es, Reconnecting) => "Reconectando…",
            (Lang::En, Save) => "Save",
            (Lang::Es, Save) => "Guardar",
            (Lang::En, Saving) => "Saving…",
            (Lang::Es, Saving) => "Guardando…",
            (Lang::En, Saved) => "Saved",
            (Lang::Es, Saved) => "Guardado",
            (Lang::En, Create) => "Create",
            (Lang::Es, Create) => "Crear",
            (Lang::En, Creating) => "Creating…",
            (Lang::Es, Creating) => "Creando…",
            (Lang::En, Email) => "Email",
            (Lang::Es, Email) => "Correo electrónico",
            (Lang::En, Agents) => "Agents",
            (Lang::Es, Agents) => "Agentes",
            (Lang::En, Delete) => "Delete",
            (Lang::Es, Delete) => "Eliminar",
            (Lang::En, Close) => "Close",
            (Lang::Es, Close) => "Cerrar",
            (Lang::En, Copy) => "Copy",
            (Lang::Es, Copy) => "Copiar",
            (Lang::En, Copied) => "Copied to the clipboard",
            (Lang::Es, Copied) => "Copiado al portapapeles",
        }
    }
}
