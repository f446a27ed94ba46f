//! The message list's strings: hidden notes, automatic messages, the per-message menu (M1, M6,
//! M7, M8, M9), edits and deletions, read marks (W2), and the system line of every step of a
//! session's life.

use super::Lang;

/// The message list and the per-message actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageText {
    Messages,
    HiddenNote,
    MessageActions,
    Edit,
    SaveAsCanned,
    CopyText,
    Copied,
    Edited,
    MessageDeleted,
    ShowEdits,
    EditMessage,
    EditHint,
    ConfirmDelete,
    Seen,
    Sent,
    Quote,
    QuotedMessage,
    ShowOriginal,
    MoveToNew,
    AutomaticMessage,
}

impl Lang {
    pub fn message(self, text: MessageText) -> &'static str {
        use MessageText::*;
        match (self, text) {
            (Lang::En, Messages) => "Messages",
            (Lang::Es, Messages) => "Mensajes",
            (Lang::En, HiddenNote) => "Hidden note",
            (Lang::Es, HiddenNote) => "Nota oculta",
            (Lang::En, MessageActions) => "Message actions",
            (Lang::Es, MessageActions) => "Acciones del mensaje",
            (Lang::En, Edit) => "Edit",
            (Lang::Es, Edit) => "Editar",
            (Lang::En, SaveAsCanned) => "Save as canned response",
            (Lang::Es, SaveAsCanned) => "Guardar como respuesta predefinida",
            (Lang::En, CopyText) => "Copy text",
            (Lang::Es, CopyText) => "Copiar texto",
            (Lang::En, Copied) => "Text copied",
            (Lang::Es, Copied) => "Texto copiado",
            (Lang::En, Edited) => "edited",
            (Lang::Es, Edited) => "editado",
            (Lang::En, MessageDeleted) => "Message deleted",
            (Lang::Es, MessageDeleted) => "Mensaje eliminado",
            (Lang::En, ShowEdits) => "Show edits",
            (Lang::Es, ShowEdits) => "Ver ediciones",
            (Lang::En, EditMessage) => "Edit message",
            (Lang::Es, EditMessage) => "Editar mensaje",
            (Lang::En, EditHint) => "Enter saves, Escape cancels",
            (Lang::Es, EditHint) => "Intro guarda, Escape cancela",
            (Lang::En, ConfirmDelete) => "Delete this message? The customer will no longer see it.",
            (Lang::Es, ConfirmDelete) => "¿Eliminar este mensaje? El cliente dejará de verlo.",
            (Lang::En, Seen) => "Seen",
            (Lang::Es, Seen) => "Visto",
            (Lang::En, Sent) => "Sent",
            (Lang::Es, Sent) => "Enviado",
            (Lang::En, Quote) => "Quote",
            (Lang::Es, Quote) => "Citar",
            (Lang::En, QuotedMessage) => "Quoted message",
            (Lang::Es, QuotedMessage) => "Mensaje citado",
            (Lang::En, ShowOriginal) => "Show the original message",
            (Lang::Es, ShowOriginal) => "Ver el mensaje original",
            (Lang::En, MoveToNew) => "Move to a new conversation",
            (Lang::Es, MoveToNew) => "Mover a una nueva conversación",
            (Lang::En, AutomaticMessage) => "Automatic message",
            (Lang::Es, AutomaticMessage) => "Mensaje automático",
        }
    }

    /// System line: an agent took the session.
    pub fn answered_by(self, name: &str) -> String {
        match self {
            Lang::En => format!("{name} answered"),
            Lang::Es => format!("{name} respondió"),
        }
    }

    /// System line: the session ended (`spam`: marked as spam); `None` when no agent closed it.
    pub fn closed_by(self, name: Option<&str>, spam: bool) -> String {
        match (self, name, spam) {
            (Lang::En, Some(name), false) => format!("Closed by {name}"),
            (Lang::En, Some(name), true) => format!("Marked as spam by {name}"),
            (Lang::En, None, false) => "Closed".into(),
            (Lang::En, None, true) => "Marked as spam".into(),
            (Lang::Es, Some(name), false) => format!("Cerrada por {name}"),
            (Lang::Es, Some(name), true) => format!("Marcada como spam por {name}"),
            (Lang::Es, None, false) => "Cerrada".into(),
            (Lang::Es, None, true) => "Marcada como spam".into(),
        }
    }

    /// System line: a customer message opened session `n`.
    pub fn session_started(self, n: u32) -> String {
        match self {
            Lang::En => format!("Session {n} started"),
            Lang::Es => format!("Sesión {n} iniciada"),
        }
    }

    /// The line that closes a session split by a move to a new conversation (M6).
    pub fn moved_on(self, who: &str, from: u32, to: u32) -> String {
        match self {
            Lang::En => {
                format!("Session {from} ends here: {who} moved what follows to session {to}")
            }
            Lang::Es => {
                format!("La sesión {from} termina aquí: {who} movió lo que sigue a la sesión {to}")
            }
        }
    }

    /// System line: `who` handed the session to `to` (Q4).
    pub fn transferred(self, who: &str, to: &str) -> String {
        match self {
            Lang::En => format!("{who} transferred the conversation to {to}"),
            Lang::Es => format!("{who} transfirió la conversación a {to}"),
        }
    }

    /// System line: `who` moved the session to another channel, where it waits again (Q4).
    pub fn moved_to_channel(self, who: &str, channel: &str) -> String {
        match self {
            Lang::En => format!("{who} moved the conversation to {channel}"),
            Lang::Es => format!("{who} movió la conversación a {channel}"),
        }
    }

    /// System line: `who` took the session over from `from` (Q7).
    pub fn took_over(self, who: &str, from: &str) -> String {
        match self {
            Lang::En => format!("{who} took over from {from}"),
            Lang::Es => format!("{who} tomó la conversación de {from}"),
        }
    }

    /// System line: `who` brought `colleague` in (Q9).
    pub fn invited(self, who: &str, colleague: &str) -> String {
        match self {
            Lang::En => format!("{who} invited {colleague}"),
            Lang::Es => format!("{who} invitó a {colleague}"),
        }
    }

    /// System line: `who` locked (`true`) or unlocked the session (Q11).
    pub fn locked(self, who: &str, locked: bool) -> String {
        match (self, locked) {
            (Lang::En, true) => format!("{who} locked the conversation"),
            (Lang::En, false) => format!("{who} unlocked the conversation"),
            (Lang::Es, true) => format!("{who} bloqueó la conversación"),
            (Lang::Es, false) => format!("{who} desbloqueó la conversación"),
        }
    }

    /// System line: `who` blocked (`true`) or unblocked the customer (Q6).
    pub fn blocked(self, who: &str, blocked: bool) -> String {
        match (self, blocked) {
            (Lang::En, true) => format!("{who} blocked the customer"),
            (Lang::En, false) => format!("{who} unblocked the customer"),
            (Lang::Es, true) => format!("{who} bloqueó al cliente"),
            (Lang::Es, false) => format!("{who} desbloqueó al cliente"),
        }
    }

    /// Stands for an actor with no name (the system).
    pub fn someone(self) -> &'static str {
        match self {
            Lang::En => "Someone",
            Lang::Es => "Alguien",
        }
    }

    /// W4: the customer gave their details.
    pub fn contact_shared(self, details: &str) -> String {
        match self {
            Lang::En => format!("The customer shared their contact details: {details}"),
            Lang::Es => format!("El cliente compartió sus datos de contacto: {details}"),
        }
    }

    /// W4: the customer rated the conversation, with or without a comment.
    pub fn rated(self, symbols: &str, comment: &str) -> String {
        match (self, comment.is_empty()) {
            (Lang::En, true) => format!("The customer rated the conversation {symbols}"),
            (Lang::Es, true) => format!("El cliente valoró la conversación {symbols}"),
            (Lang::En, false) => {
                format!("The customer rated the conversation {symbols}: “{comment}”")
            }
            (Lang::Es, false) => {
                format!("El cliente valoró la conversación {symbols}: «{comment}»")
            }
        }
    }
}
