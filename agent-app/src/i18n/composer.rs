//! The composer's strings: the textarea and Send, the quote chip (M1), the `/` and `@`
//! suggestions with the quick commands (C3, C7, C2), the emoji picker (C4).

use super::Lang;

/// The composer and its tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComposerText {
    Reply,
    NotePlaceholder,
    ReplyPlaceholder,
    Send,
    Hint,
    RemoveQuote,
    Suggestions,
    QuickQuote,
    QuickQuoteHint,
    QuickRename,
    QuickRenameHint,
    QuickId,
    QuickIdHint,
    Emoji,
    SearchEmoji,
    NoEmoji,
    EmojiFailed,
    Colleagues,
}

impl Lang {
    pub fn composer(self, text: ComposerText) -> &'static str {
        use ComposerText::*;
        match (self, text) {
            (Lang::En, Reply) => "Reply",
            (Lang::Es, Reply) => "Respuesta",
            (Lang::En, NotePlaceholder) => "Write a note only agents can see…",
            (Lang::Es, NotePlaceholder) => "Escribe una nota que solo ven los agentes…",
            (Lang::En, ReplyPlaceholder) => "Write a reply…",
            (Lang::Es, ReplyPlaceholder) => "Escribe una respuesta…",
            (Lang::En, Send) => "Send",
            (Lang::Es, Send) => "Enviar",
            (Lang::En, Hint) => "Enter sends, Shift+Enter adds a line, / for canned responses and commands.",
            (Lang::Es, Hint) => "Intro envía, Mayús+Intro añade una línea, / para respuestas predefinidas y comandos.",
            (Lang::En, RemoveQuote) => "Remove quote",
            (Lang::Es, RemoveQuote) => "Quitar cita",
            (Lang::En, Suggestions) => "Commands and canned responses",
            (Lang::Es, Suggestions) => "Comandos y respuestas predefinidas",
            (Lang::En, QuickQuote) => "Quote",
            (Lang::Es, QuickQuote) => "Citar",
            (Lang::En, QuickQuoteHint) => "Reply to the customer's last message, quoting it.",
            (Lang::Es, QuickQuoteHint) => "Responde al último mensaje del cliente, citándolo.",
            (Lang::En, QuickRename) => "Rename this chat",
            (Lang::Es, QuickRename) => "Renombrar este chat",
            (Lang::En, QuickRenameHint) => "Type the name after /rename. Only you will see it.",
            (Lang::Es, QuickRenameHint) => "Escribe el nombre tras /rename. Solo tú lo verás.",
            (Lang::En, QuickId) => "Copy the chat ID",
            (Lang::Es, QuickId) => "Copiar el ID del chat",
            (Lang::En, QuickIdHint) => "For integrations and for colleagues.",
            (Lang::Es, QuickIdHint) => "Para integraciones y para tus compañeros.",
            (Lang::En, Emoji) => "Emoji",
            (Lang::Es, Emoji) => "Emoji",
            (Lang::En, SearchEmoji) => "Search emoji",
            (Lang::Es, SearchEmoji) => "Buscar emoji",
            (Lang::En, NoEmoji) => "No emoji match.",
            (Lang::Es, NoEmoji) => "Ningún emoji coincide.",
            (Lang::En, EmojiFailed) => "The emoji could not be loaded. Close and try again.",
            (Lang::Es, EmojiFailed) => "No se pudieron cargar los emoji. Cierra y vuelve a intentarlo.",
            (Lang::En, Colleagues) => "Colleagues to mention",
            (Lang::Es, Colleagues) => "Compañeros a mencionar",
        }
    }

    /// Above the composer while a reply quotes a message (M1).
    pub fn replying_to(self, author: &str) -> String {
        match self {
            Lang::En => format!("Replying to {author}"),
            Lang::Es => format!("Respondiendo a {author}"),
        }
    }
}
