//! The canned responses library's strings (C7).

use super::Lang;

/// The canned responses library (C7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CannedText {
    Responses,
    Search,
    NoFolder,
    New,
    Code,
    CodeHint,
    Title,
    Text,
    Folder,
    PlaceholdersHint,
    ConfirmDelete,
    NoneYet,
    NoMatches,
    Pick,
    Library,
}

impl Lang {
    pub fn canned(self, text: CannedText) -> &'static str {
        use CannedText::*;
        match (self, text) {
            (Lang::En, Responses) => "Canned responses",
            (Lang::Es, Responses) => "Respuestas predefinidas",
            (Lang::En, Search) => "Search responses",
            (Lang::Es, Search) => "Buscar respuestas",
            (Lang::En, NoFolder) => "No folder",
            (Lang::Es, NoFolder) => "Sin carpeta",
            (Lang::En, New) => "New response",
            (Lang::Es, New) => "Nueva respuesta",
            (Lang::En, Code) => "Code",
            (Lang::Es, Code) => "Código",
            (Lang::En, CodeHint) => "Type /code in the composer to use it: a-z, 0-9, - and _.",
            (Lang::Es, CodeHint) => "Escribe /código en el editor para usarla: a-z, 0-9, - y _.",
            (Lang::En, Title) => "Title",
            (Lang::Es, Title) => "Título",
            (Lang::En, Text) => "Text",
            (Lang::Es, Text) => "Texto",
            (Lang::En, Folder) => "Folder (optional)",
            (Lang::Es, Folder) => "Carpeta (opcional)",
            (Lang::En, PlaceholdersHint) => "Placeholders: {customer_name} becomes the customer's name, {agent_name} the name of the agent who sends it.",
            (Lang::Es, PlaceholdersHint) => "Marcadores: {customer_name} se cambia por el nombre del cliente, {agent_name} por el del agente que la envía.",
            (Lang::En, ConfirmDelete) => "Delete this response for everyone?",
            (Lang::Es, ConfirmDelete) => "¿Eliminar esta respuesta para todos?",
            (Lang::En, NoneYet) => "No canned responses yet.",
            (Lang::Es, NoneYet) => "Aún no hay respuestas predefinidas.",
            (Lang::En, NoMatches) => "No responses match.",
            (Lang::Es, NoMatches) => "Ninguna respuesta coincide.",
            (Lang::En, Pick) => "Pick a response to edit it, or create a new one.",
            (Lang::Es, Pick) => "Elige una respuesta para editarla o crea una nueva.",
            (Lang::En, Library) => "Library",
            (Lang::Es, Library) => "Biblioteca",
        }
    }
}
