//! UI strings, English and Spanish, in one `match` (no i18n crate: it would cost far more than
//! the table). The language comes from `navigator.language` (`es*` → Spanish); `?lang=es|en`
//! forces it. Messages from the server are shown as the server wrote them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

/// Every fixed string of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    SignInTitle,
    SignInIntro,
    Workspace,
    Email,
    Password,
    SignIn,
    SigningIn,
    SignedInAs,
    LogOut,
    Lists,
    Unanswered,
    Mine,
    Closed,
    EmptyList,
    PickDialog,
    PickDialogHint,
    Loading,
    Answer,
    Finish,
    StatusUnanswered,
    StatusClosed,
    Messages,
    HiddenNote,
    Message,
    NotePlaceholder,
    MessagePlaceholder,
    Send,
    ComposerHint,
    ClosedNotice,
    Dismiss,
    NetworkError,
    Reconnecting,
    Waiting,
    Unread,
    Channel,
}

impl Lang {
    /// `?lang=` first, then the browser's language.
    pub fn detect() -> Lang {
        let window = leptos::prelude::window();
        let forced = window
            .location()
            .search()
            .ok()
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
            .and_then(|params| params.get("lang"));
        let preferred = forced.or_else(|| window.navigator().language());
        match preferred {
            Some(tag) if tag.to_ascii_lowercase().starts_with("es") => Lang::Es,
            _ => Lang::En,
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn t(self, text: Text) -> &'static str {
        use Text::*;
        match self {
            Lang::En => match text {
                SignInTitle => "Sign in",
                SignInIntro => "Answer your customers' chats.",
                Workspace => "Workspace",
                Email => "Email",
                Password => "Password",
                SignIn => "Sign in",
                SigningIn => "Signing in…",
                SignedInAs => "Signed in as",
                LogOut => "Log out",
                Lists => "Conversation lists",
                Unanswered => "Unanswered",
                Mine => "Mine",
                Closed => "Closed",
                EmptyList => "No conversations here.",
                PickDialog => "No conversation open",
                PickDialogHint => "Pick a conversation from the list to read and answer it.",
                Loading => "Loading…",
                Answer => "Answer",
                Finish => "Finish",
                StatusUnanswered => "Waiting for an answer",
                StatusClosed => "Closed",
                Messages => "Messages",
                HiddenNote => "Hidden note",
                Message => "Reply",
                NotePlaceholder => "Write a note only agents can see…",
                MessagePlaceholder => "Write a reply…",
                Send => "Send",
                ComposerHint => "Enter sends, Shift+Enter adds a line.",
                ClosedNotice => {
                    "This conversation is closed. It reopens when the customer writes again."
                }
                Dismiss => "Dismiss",
                NetworkError => "Cannot reach the server. Check your connection and try again.",
                Reconnecting => "Reconnecting…",
                Waiting => "Waiting",
                Unread => "unread",
                Channel => "Channel",
            },
            Lang::Es => match text {
                SignInTitle => "Iniciar sesión",
                SignInIntro => "Responde los chats de tus clientes.",
                Workspace => "Espacio de trabajo",
                Email => "Correo electrónico",
                Password => "Contraseña",
                SignIn => "Entrar",
                SigningIn => "Entrando…",
                SignedInAs => "Sesión de",
                LogOut => "Cerrar sesión",
                Lists => "Listas de conversaciones",
                Unanswered => "Sin responder",
                Mine => "Mías",
                Closed => "Cerradas",
                EmptyList => "No hay conversaciones aquí.",
                PickDialog => "Ninguna conversación abierta",
                PickDialogHint => "Elige una conversación de la lista para leerla y responder.",
                Loading => "Cargando…",
                Answer => "Responder",
                Finish => "Finalizar",
                StatusUnanswered => "Esperando respuesta",
                StatusClosed => "Cerrada",
                Messages => "Mensajes",
                HiddenNote => "Nota oculta",
                Message => "Respuesta",
                NotePlaceholder => "Escribe una nota que solo ven los agentes…",
                MessagePlaceholder => "Escribe una respuesta…",
                Send => "Enviar",
                ComposerHint => "Intro envía, Mayús+Intro añade una línea.",
                ClosedNotice => {
                    "Esta conversación está cerrada. Se reabre cuando el cliente vuelva a escribir."
                }
                Dismiss => "Cerrar aviso",
                NetworkError => {
                    "No se puede conectar con el servidor. Revisa la conexión e inténtalo de nuevo."
                }
                Reconnecting => "Reconectando…",
                Waiting => "Esperando",
                Unread => "sin leer",
                Channel => "Canal",
            },
        }
    }

    /// System line: an agent took the session.
    pub fn answered_by(self, name: &str) -> String {
        match self {
            Lang::En => format!("{name} answered"),
            Lang::Es => format!("{name} respondió"),
        }
    }

    /// Header status of a session someone owns.
    pub fn in_progress(self, name: &str) -> String {
        match self {
            Lang::En => format!("Answered by {name}"),
            Lang::Es => format!("Atendida por {name}"),
        }
    }

    /// System line: the session ended; `None` when no agent closed it.
    pub fn closed_by(self, name: Option<&str>) -> String {
        match (self, name) {
            (Lang::En, Some(name)) => format!("Closed by {name}"),
            (Lang::En, None) => "Closed".into(),
            (Lang::Es, Some(name)) => format!("Cerrada por {name}"),
            (Lang::Es, None) => "Cerrada".into(),
        }
    }

    /// System line: a customer message opened session `n`.
    pub fn session_started(self, n: u32) -> String {
        match self {
            Lang::En => format!("Session {n} started"),
            Lang::Es => format!("Sesión {n} iniciada"),
        }
    }

    /// A short duration: "<1 min", "3 min", "2 h", "4 d" (the same abbreviations in Spanish).
    pub fn duration(ms: i64) -> String {
        let minutes = ms.max(0) / 60_000;
        let (n, unit) = match minutes {
            0 => return "<1 min".into(),
            m if m < 60 => (m, "min"),
            m if m < 24 * 60 => (m / 60, "h"),
            m => (m / (24 * 60), "d"),
        };
        format!("{n} {unit}")
    }
}
