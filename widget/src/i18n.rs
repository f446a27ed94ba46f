//! The widget's UI strings in English and Spanish: a `Lang` and one `match` per string.
//!
//! A table costs nothing in the wasm, unlike an i18n crate (TOOLCHAIN.md). Texts that come from
//! the server (the channel's name and greeting, agents' names) are shown as they are; refusals
//! the server explains in English are translated here by their stable `code`.

use crate::days::DayName;
use openline_core::ErrorCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

/// Every fixed string the widget shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    DefaultTitle,
    CloseChat,
    Conversation,
    MessageLabel,
    Placeholder,
    Send,
    Sending,
    You,
    Connecting,
    Reconnecting,
    Retrying,
    MissingChannel,
    NotSentShort,
    Retry,
    Closed,
    Edited,
    MessageDeleted,
    Yourself,
    Quoting,
    Loading,
    Emoji,
    SearchEmoji,
    NoEmoji,
    EmojiFailed,
    AttachFile,
    Attachments,
    Seen,
    Sent,
    Name,
    Email,
    Phone,
    Optional,
    StartChat,
    PrechatIntro,
    OfflineIntro,
    OfflineMessage,
    SendOffline,
    OfflineThanks,
    RateIntro,
    ThumbUp,
    ThumbDown,
    Comment,
    SendRating,
    FieldMissing,
    FieldInvalid,
    UploadFailed,
    CloseImage,
}

impl Lang {
    /// `?lang=` wins; otherwise the browser's language (`es*` is Spanish, anything else English).
    pub fn detect(forced: Option<&str>, browser: Option<&str>) -> Lang {
        let tag = forced.or(browser).unwrap_or("en").to_ascii_lowercase();
        if tag.starts_with("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// For `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    // Long: the string table, one line per text and language.
    pub fn t(self, text: Text) -> &'static str {
        use Lang::{En, Es};
        use Text::*;
        match (text, self) {
            (DefaultTitle, _) => "Chat",
            (CloseChat, En) => "Close chat",
            (CloseChat, Es) => "Cerrar chat",
            (Conversation, En) => "Conversation",
            (Conversation, Es) => "Conversación",
            (MessageLabel, En) => "Message",
            (MessageLabel, Es) => "Mensaje",
            (Placeholder, En) => "Write a message…",
            (Placeholder, Es) => "Escribe un mensaje…",
            (Send, En) => "Send",
            (Send, Es) => "Enviar",
            (NotSentShort, En) => "Not sent.",
            (NotSentShort, Es) => "No enviado.",
            (Retry, En) => "Retry",
            (Retry, Es) => "Reintentar",
            (Sending, En) => "Sending…",
            (Sending, Es) => "Enviando…",
            (You, En) => "You:",
            (You, Es) => "Tú:",
            (Connecting, En) => "Connecting…",
            (Connecting, Es) => "Conectando…",
            (Reconnecting, En) => "Connection lost. Reconnecting…",
            (Reconnecting, Es) => "Se perdió la conexión. Reconectando…",
            (Retrying, En) => "We can't reach the chat right now. Retrying…",
            (Retrying, Es) => "No podemos conectar con el chat. Reintentando…",
            (MissingChannel, En) => "This chat is not set up correctly (no channel).",
            (MissingChannel, Es) => "Este chat no está bien configurado (falta el canal).",
            (Closed, En) => "The conversation was closed",
            (Closed, Es) => "La conversación se cerró",
            (Edited, En) => "edited",
            (Edited, Es) => "editado",
            (MessageDeleted, En) => "Message deleted",
            (MessageDeleted, Es) => "Mensaje eliminado",
            (Yourself, En) => "You",
            (Yourself, Es) => "Tú",
            (Quoting, En) => "In reply to:",
            (Quoting, Es) => "En respuesta a:",
            (Loading, En) => "Loading…",
            (Loading, Es) => "Cargando…",
            (Emoji, _) => "Emoji",
            (SearchEmoji, En) => "Search emoji",
            (SearchEmoji, Es) => "Buscar emoji",
            (NoEmoji, En) => "No emoji match.",
            (NoEmoji, Es) => "Ningún emoji coincide.",
            (EmojiFailed, En) => "The emoji could not be loaded.",
            (EmojiFailed, Es) => "No se pudieron cargar los emoji.",
            (AttachFile, En) => "Attach a file",
            (AttachFile, Es) => "Adjuntar un archivo",
            (Attachments, En) => "Files to send",
            (Attachments, Es) => "Archivos para enviar",
            (UploadFailed, En) => "Could not upload.",
            (UploadFailed, Es) => "No se pudo subir.",
            (Seen, En) => "Seen",
            (Seen, Es) => "Visto",
            (Sent, En) => "Sent",
            (Sent, Es) => "Enviado",
            (Name, En) => "Name",
            (Name, Es) => "Nombre",
            (Email, _) => "Email",
            (Phone, En) => "Phone",
            (Phone, Es) => "Teléfono",
            (Optional, En) => "(optional)",
            (Optional, Es) => "(opcional)",
            (StartChat, En) => "Start the chat",
            (StartChat, Es) => "Empezar el chat",
            (PrechatIntro, En) => "Before we start, tell us about you.",
            (PrechatIntro, Es) => "Antes de empezar, cuéntanos quién eres.",
            (OfflineIntro, En) => "We are away right now. Leave your email and message; we will reply in this chat soon.",
            (OfflineIntro, Es) => "Ahora no estamos. Déjanos tu email y tu mensaje; te responderemos en este chat.",
            (OfflineMessage, En) => "Your message",
            (OfflineMessage, Es) => "Tu mensaje",
            (SendOffline, En) => "Send message",
            (SendOffline, Es) => "Enviar mensaje",
            (OfflineThanks, En) => "Thanks! We will reply here in the chat.",
            (OfflineThanks, Es) => "¡Gracias! Te responderemos aquí en el chat.",
            (RateIntro, En) => "How was this conversation?",
            (RateIntro, Es) => "¿Qué tal ha ido la conversación?",
            (ThumbUp, En) => "Good",
            (ThumbUp, Es) => "Bien",
            (ThumbDown, En) => "Bad",
            (ThumbDown, Es) => "Mal",
            (Comment, En) => "Comment (optional)",
            (Comment, Es) => "Comentario (opcional)",
            (SendRating, En) => "Send rating",
            (SendRating, Es) => "Enviar valoración",
            (FieldMissing, En) => "Please fill in the required fields.",
            (FieldMissing, Es) => "Rellena los campos obligatorios.",
            (FieldInvalid, En) => "Please check the email and phone.",
            (FieldInvalid, Es) => "Revisa el email y el teléfono.",
            (CloseImage, En) => "Close",
            (CloseImage, Es) => "Cerrar",
        }
    }

    /// Under the list while an agent writes (W2).
    pub fn is_typing(self, agent_name: &str) -> String {
        match self {
            Lang::En => format!("{agent_name} is typing…"),
            Lang::Es => format!("{agent_name} está escribiendo…"),
        }
    }

    pub fn uploading(self, name: &str) -> String {
        match self {
            Lang::En => format!("Uploading {name}"),
            Lang::Es => format!("Subiendo {name}"),
        }
    }

    /// The system line after the customer rated (W4).
    pub fn rated(self, symbols: &str) -> String {
        match self {
            Lang::En => format!("You rated the conversation {symbols}. Thank you!"),
            Lang::Es => format!("Valoraste la conversación {symbols}. ¡Gracias!"),
        }
    }

    pub fn stars(self, n: u8) -> String {
        match self {
            Lang::En => format!("{n} of 5 stars"),
            Lang::Es => format!("{n} de 5 estrellas"),
        }
    }

    pub fn remove_file(self, name: &str) -> String {
        match self {
            Lang::En => format!("Remove {name}"),
            Lang::Es => format!("Quitar {name}"),
        }
    }

    pub fn open_image(self, name: &str) -> String {
        match self {
            Lang::En => format!("Open image {name}"),
            Lang::Es => format!("Abrir imagen {name}"),
        }
    }

    /// The system line for `answered`.
    pub fn joined(self, agent_name: &str) -> String {
        match self {
            Lang::En => format!("{agent_name} joined the chat"),
            Lang::Es => format!("{agent_name} se unió al chat"),
        }
    }

    /// A day above its first line: "Today", "Yesterday", "Monday, March 3", "March 3, 2024".
    pub fn day(self, name: DayName) -> String {
        let DayName::Date { year, month, day, weekday } = name else {
            let today = name == DayName::Today;
            let word = match self {
                Lang::En if today => "Today",
                Lang::En => "Yesterday",
                Lang::Es if today => "Hoy",
                Lang::Es => "Ayer",
            };
            return word.to_owned();
        };
        let month_index = month.saturating_sub(1) as usize % 12;
        let weekday = weekday as usize % 7;
        match (self, year) {
            (Lang::En, None) => {
                format!("{}, {} {day}", WEEKDAYS_EN[weekday], MONTHS_EN[month_index])
            }
            (Lang::En, Some(year)) => format!("{} {day}, {year}", MONTHS_EN[month_index]),
            (Lang::Es, None) => {
                format!("{}, {day} de {}", WEEKDAYS_ES[weekday], MONTHS_ES[month_index])
            }
            (Lang::Es, Some(year)) => format!("{day} de {} de {year}", MONTHS_ES[month_index]),
        }
    }

    /// A refusal in this language when its code is one a visitor can meet, else `None` (the
    /// caller then shows the server's own message). The codes are `ErrorCode`s, spelled as
    /// constants so that only these few strings reach the widget's wasm (reading every
    /// `ErrorCode` costs it 1.5 KB).
    pub fn refusal(self, code: &str) -> Option<&'static str> {
        const EMPTY: &str = ErrorCode::EmptyMessage.as_str();
        const TOO_LONG: &str = ErrorCode::MessageTooLong.as_str();
        const BLOCKED: &str = ErrorCode::Blocked.as_str();
        const FILE_TOO_LARGE: &str = ErrorCode::FileTooLarge.as_str();
        const FILE_TYPE: &str = ErrorCode::FileTypeNotAllowed.as_str();
        let text = match (code, self) {
            (EMPTY, Lang::En) => "The message is empty.",
            (EMPTY, Lang::Es) => "El mensaje está vacío.",
            (TOO_LONG, Lang::En) => "The message is too long.",
            (TOO_LONG, Lang::Es) => "El mensaje es demasiado largo.",
            (BLOCKED, Lang::En) => "This conversation does not accept messages.",
            (BLOCKED, Lang::Es) => "Esta conversación no admite mensajes.",
            (FILE_TOO_LARGE, Lang::Es) => "El archivo es demasiado grande.",
            (FILE_TYPE, Lang::Es) => "Este tipo de archivo no se admite.",
            _ => return None,
        };
        Some(text)
    }
}

const WEEKDAYS_EN: [&str; 7] =
    ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAYS_ES: [&str; 7] =
    ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w5_lang_query_wins_over_browser_language() {
        let cases = [
            (None, None, Lang::En),
            (None, Some("es-AR"), Lang::Es),
            (None, Some("en-US"), Lang::En),
            (Some("en"), Some("es-ES"), Lang::En),
            (Some("ES"), Some("en"), Lang::Es),
            (Some("fr"), Some("es"), Lang::En),
        ];
        for (forced, browser, expected) in cases {
            assert_eq!(Lang::detect(forced, browser), expected, "{forced:?} {browser:?}");
        }
    }

    #[test]
    fn w2_days_read_naturally_in_both_languages() {
        let monday = DayName::Date { year: None, month: 3, day: 3, weekday: 1 };
        let long_ago = DayName::Date { year: Some(2024), month: 12, day: 31, weekday: 2 };
        let cases = [
            (Lang::En, DayName::Today, "Today"),
            (Lang::Es, DayName::Yesterday, "Ayer"),
            (Lang::En, monday, "Monday, March 3"),
            (Lang::Es, monday, "lunes, 3 de marzo"),
            (Lang::En, long_ago, "December 31, 2024"),
            (Lang::Es, long_ago, "31 de diciembre de 2024"),
        ];
        for (lang, name, expected) in cases {
            assert_eq!(lang.day(name), expected);
        }
    }

    #[test]
    fn w2_system_lines_read_naturally() {
        assert_eq!(Lang::En.joined("Ana"), "Ana joined the chat");
        assert_eq!(Lang::Es.joined("Ana"), "Ana se unió al chat");
        assert_eq!(Lang::En.t(Text::Closed), "The conversation was closed");
    }
}
