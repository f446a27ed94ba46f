//! The open conversation's header: its status, the agent's buttons and "…" menu (Q3–Q11, Q6),
//! the transfer and invite picker (Q4, Q9), the notices about what others did, the chat's own
//! name and ID (C3), the closed and blocked notes and the typing line (W2).

use super::Lang;

/// The open conversation's header and notices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogText {
    Answer,
    Finish,
    AcceptAndClose,
    Transfer,
    TransferTitle,
    Invite,
    InviteTitle,
    InviteConfirm,
    TakeOver,
    LockAsMine,
    MarkSpam,
    MoreActions,
    ConversationActions,
    SearchAgents,
    NoAgentMatches,
    PickAgentHint,
    StatusUnanswered,
    StatusClosed,
    StatusSpam,
    ClosedNotice,
    MoveToChannel,
    PickChannelHint,
    SpamAndBlock,
    Unblock,
    Blocked,
    BlockedNotice,
    Locked,
    RenameChat,
    ChatName,
    CopyChatId,
    NameCleared,
    NothingToQuote,
}

impl Lang {
    pub fn dialog(self, text: DialogText) -> &'static str {
        use DialogText::*;
        match (self, text) {
            (Lang::En, Answer) => "Answer",
            (Lang::Es, Answer) => "Responder",
            (Lang::En, Finish) => "Finish",
            (Lang::Es, Finish) => "Finalizar",
            (Lang::En, AcceptAndClose) => "Accept and close",
            (Lang::Es, AcceptAndClose) => "Aceptar y cerrar",
            (Lang::En, Transfer) => "Transfer",
            (Lang::Es, Transfer) => "Transferir",
            (Lang::En, TransferTitle) => "Transfer the conversation",
            (Lang::Es, TransferTitle) => "Transferir la conversación",
            (Lang::En, Invite) => "Invite a colleague",
            (Lang::Es, Invite) => "Invitar a un colega",
            (Lang::En, InviteTitle) => "Invite a colleague",
            (Lang::Es, InviteTitle) => "Invitar a un colega",
            (Lang::En, InviteConfirm) => "Invite",
            (Lang::Es, InviteConfirm) => "Invitar",
            (Lang::En, TakeOver) => "Take conversation",
            (Lang::Es, TakeOver) => "Tomar la conversación",
            (Lang::En, LockAsMine) => "Lock as mine",
            (Lang::Es, LockAsMine) => "Bloquear como mía",
            (Lang::En, MarkSpam) => "Mark as spam",
            (Lang::Es, MarkSpam) => "Marcar como spam",
            (Lang::En, MoreActions) => "More actions",
            (Lang::Es, MoreActions) => "Más acciones",
            (Lang::En, ConversationActions) => "Conversation actions",
            (Lang::Es, ConversationActions) => "Acciones de la conversación",
            (Lang::En, SearchAgents) => "Search agents",
            (Lang::Es, SearchAgents) => "Buscar agentes",
            (Lang::En, NoAgentMatches) => "No agent matches.",
            (Lang::Es, NoAgentMatches) => "Ningún agente coincide.",
            (Lang::En, PickAgentHint) => "Pick an agent, then confirm.",
            (Lang::Es, PickAgentHint) => "Elige un agente y confirma.",
            (Lang::En, StatusUnanswered) => "Waiting for an answer",
            (Lang::Es, StatusUnanswered) => "Esperando respuesta",
            (Lang::En, StatusClosed) => "Closed",
            (Lang::Es, StatusClosed) => "Cerrada",
            (Lang::En, StatusSpam) => "Marked as spam",
            (Lang::Es, StatusSpam) => "Marcada como spam",
            (Lang::En, ClosedNotice) => {
                "This conversation is closed. It reopens when the customer writes again."
            }
            (Lang::Es, ClosedNotice) => {
                "Esta conversación está cerrada. Se reabre cuando el cliente vuelva a escribir."
            }
            (Lang::En, MoveToChannel) => "Move to channel",
            (Lang::Es, MoveToChannel) => "Mover al canal",
            (Lang::En, PickChannelHint) => {
                "Pick a channel: the conversation waits there for its agents."
            }
            (Lang::Es, PickChannelHint) => {
                "Elige un canal: la conversación espera allí a sus agentes."
            }
            (Lang::En, SpamAndBlock) => "Spam and block",
            (Lang::Es, SpamAndBlock) => "Spam y bloquear",
            (Lang::En, Unblock) => "Unblock customer",
            (Lang::Es, Unblock) => "Desbloquear al cliente",
            (Lang::En, Blocked) => "Blocked",
            (Lang::Es, Blocked) => "Cliente bloqueado",
            (Lang::En, BlockedNotice) => "This customer is blocked: their messages are refused.",
            (Lang::Es, BlockedNotice) => "Este cliente está bloqueado: sus mensajes se rechazan.",
            (Lang::En, Locked) => "Locked",
            (Lang::Es, Locked) => "Bloqueada",
            (Lang::En, RenameChat) => "Rename chat (only you see the name)",
            (Lang::Es, RenameChat) => "Renombrar chat (solo tú ves el nombre)",
            (Lang::En, ChatName) => "Chat name, only you see it; empty for none",
            (Lang::Es, ChatName) => "Nombre del chat, solo tú lo ves; vacío para ninguno",
            (Lang::En, CopyChatId) => "Copy chat ID",
            (Lang::Es, CopyChatId) => "Copiar ID del chat",
            (Lang::En, NameCleared) => "The chat has its customer's name again.",
            (Lang::Es, NameCleared) => "El chat vuelve a tener el nombre de su cliente.",
            (Lang::En, NothingToQuote) => "The customer has written nothing to quote yet.",
            (Lang::Es, NothingToQuote) => "El cliente aún no ha escrito nada que citar.",
        }
    }

    /// Header status of a session someone owns.
    pub fn in_progress(self, name: &str) -> String {
        match self {
            Lang::En => format!("Answered by {name}"),
            Lang::Es => format!("Atendida por {name}"),
        }
    }

    /// The Take button while the owner holds the lock (Q11).
    pub fn locked_by(self, name: &str) -> String {
        match self {
            Lang::En => format!("Locked by {name}"),
            Lang::Es => format!("Bloqueada por {name}"),
        }
    }

    /// Under the visitor's name: the invited colleagues (Q9).
    pub fn with_colleagues(self, names: &str) -> String {
        match self {
            Lang::En => format!("With {names}"),
            Lang::Es => format!("Con {names}"),
        }
    }

    /// Status notice: `who` took over the session the reader owned (Q7).
    pub fn took_over_notice(self, who: &str) -> String {
        match self {
            Lang::En => format!("{who} took over this conversation"),
            Lang::Es => format!("{who} tomó esta conversación"),
        }
    }

    /// Status notice: `who` handed the session to the reader (Q4).
    pub fn transferred_to_you(self, who: &str) -> String {
        match self {
            Lang::En => format!("{who} transferred this conversation to you"),
            Lang::Es => format!("{who} te transfirió esta conversación"),
        }
    }

    /// Status notice: the reader handed the session to `to` (Q4).
    pub fn you_transferred(self, to: &str) -> String {
        match self {
            Lang::En => format!("You transferred this conversation to {to}"),
            Lang::Es => format!("Transferiste esta conversación a {to}"),
        }
    }

    /// Status notice: `who` invited the reader (Q9).
    pub fn invited_you(self, who: &str) -> String {
        match self {
            Lang::En => format!("{who} invited you to this conversation"),
            Lang::Es => format!("{who} te invitó a esta conversación"),
        }
    }

    /// The header's confirmation of "Copy chat ID" (C3); `copied` false: the browser refused,
    /// so the ID is shown to copy by hand.
    pub fn chat_id(self, id: &str, copied: bool) -> String {
        match (self, copied) {
            (Lang::En, true) => format!("Chat ID copied: {id}"),
            (Lang::Es, true) => format!("ID del chat copiado: {id}"),
            (Lang::En, false) => format!("Chat ID: {id}"),
            (Lang::Es, false) => format!("ID del chat: {id}"),
        }
    }

    /// The header's confirmation of a new chat name (C3).
    pub fn renamed(self, name: &str) -> String {
        match self {
            Lang::En => format!("Renamed to “{name}”. Only you see this name."),
            Lang::Es => format!("Renombrado a «{name}». Solo tú ves este nombre."),
        }
    }

    /// Above the composer while the other side writes (W2).
    pub fn is_typing(self, who: &str) -> String {
        match self {
            Lang::En => format!("{who} is typing…"),
            Lang::Es => format!("{who} está escribiendo…"),
        }
    }
}
