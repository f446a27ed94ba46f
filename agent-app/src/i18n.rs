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
    LogOut,
    Lists,
    Unanswered,
    Mine,
    AllOpen,
    Closed,
    Spam,
    EmptyList,
    Locked,
    PickDialog,
    PickDialogHint,
    Loading,
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
    Agents,
    NoAgentMatches,
    PickAgentHint,
    Cancel,
    StatusUnanswered,
    StatusClosed,
    StatusSpam,
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
    // The presence control, the channels screen and the picker's channel tab (A1, Q4, Q13, Q14).
    PresenceLabel,
    PresenceOnline,
    PresencePaused,
    PresenceOffline,
    PresenceHint,
    MainNav,
    Conversations,
    Channels,
    OnlyAdmins,
    OnlyAdminsHint,
    BackToConversations,
    OpenChannels,
    NoChannels,
    NewChannel,
    ChannelId,
    ChannelIdHint,
    ChannelName,
    Create,
    Creating,
    BadChannelId,
    EmptyChannelName,
    EmbedKey,
    Greeting,
    GreetingHint,
    Preview,
    AutomaticMessages,
    AutoReply,
    AutoReplyHint,
    OutOfHoursReply,
    OutOfHoursHint,
    NoAgentReply,
    NoAgentHint,
    WorkingHours,
    AlwaysOpen,
    UtcOffset,
    UtcOffsetHint,
    DayClosed,
    From,
    To,
    HoursHint,
    AutoClose,
    AutoCloseHint,
    Distribution,
    DistAllAtOnce,
    DistAllAtOnceHint,
    DistRoundRobin,
    DistRoundRobinHint,
    DistInOrder,
    DistInOrderHint,
    OfferTimeout,
    OfferTimeoutHint,
    ChannelAgents,
    ChannelAgentsHint,
    Save,
    Saving,
    Saved,
    BadAutoClose,
    BadOfferTimeout,
    MoveToChannel,
    PickChannelHint,
    // Blocking a customer (Q6).
    SpamAndBlock,
    Unblock,
    Blocked,
    BlockedNotice,
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
                LogOut => "Log out",
                Lists => "Conversation lists",
                Unanswered => "Unanswered",
                Mine => "Mine",
                AllOpen => "All open",
                Closed => "Closed",
                Spam => "Spam",
                EmptyList => "No conversations here.",
                Locked => "Locked",
                PickDialog => "No conversation open",
                PickDialogHint => "Pick a conversation from the list to read and answer it.",
                Loading => "Loading…",
                Answer => "Answer",
                Finish => "Finish",
                AcceptAndClose => "Accept and close",
                Transfer => "Transfer",
                TransferTitle => "Transfer the conversation",
                Invite => "Invite a colleague",
                InviteTitle => "Invite a colleague",
                InviteConfirm => "Invite",
                TakeOver => "Take conversation",
                LockAsMine => "Lock as mine",
                MarkSpam => "Mark as spam",
                MoreActions => "More actions",
                ConversationActions => "Conversation actions",
                SearchAgents => "Search agents",
                Agents => "Agents",
                NoAgentMatches => "No agent matches.",
                PickAgentHint => "Pick an agent, then confirm.",
                Cancel => "Cancel",
                StatusUnanswered => "Waiting for an answer",
                StatusClosed => "Closed",
                StatusSpam => "Marked as spam",
                Messages => "Messages",
                HiddenNote => "Hidden note",
                Message => "Reply",
                NotePlaceholder => "Write a note only agents can see…",
                MessagePlaceholder => "Write a reply…",
                Send => "Send",
                ComposerHint => "Enter sends, Shift+Enter adds a line, / for canned responses and commands.",
                ClosedNotice => {
                    "This conversation is closed. It reopens when the customer writes again."
                }
                Dismiss => "Dismiss",
                NetworkError => "Cannot reach the server. Check your connection and try again.",
                Reconnecting => "Reconnecting…",
                Waiting => "Waiting",
                Unread => "unread",
                Channel => "Channel",
                PresenceLabel => "Your status",
                PresenceOnline => "Online",
                PresencePaused => "Paused",
                PresenceOffline => "Offline",
                PresenceHint => {
                    "Only online agents with the app open are offered new conversations."
                }
                MainNav => "Main",
                Conversations => "Conversations",
                Channels => "Channels",
                OnlyAdmins => "Only admins can change channels.",
                OnlyAdminsHint => {
                    "If a channel's texts, hours or agents need to change, ask an admin of your workspace."
                }
                BackToConversations => "Back to conversations",
                OpenChannels => "Open channels",
                NoChannels => "No channels yet.",
                NewChannel => "New channel",
                ChannelId => "Id",
                ChannelIdHint => {
                    "Letters, digits, - and _. It is part of the embed key and cannot change later."
                }
                ChannelName => "Name",
                Create => "Create",
                Creating => "Creating…",
                BadChannelId => {
                    "The id may only use letters, digits, - and _ (1 to 64 characters)."
                }
                EmptyChannelName => "Give the channel a name.",
                EmbedKey => "Embed key",
                Greeting => "Widget greeting",
                GreetingHint => "Shown in the widget before the customer writes.",
                Preview => "Preview",
                AutomaticMessages => "Automatic messages",
                AutoReply => "Reply to a new conversation",
                AutoReplyHint => {
                    "Sent when a conversation starts within working hours. Empty: none."
                }
                OutOfHoursReply => "Out-of-hours reply",
                OutOfHoursHint => "Sent when a conversation starts outside working hours.",
                NoAgentReply => "“Nobody available” reply",
                NoAgentHint => "Sent once per conversation when no agent is available to answer.",
                WorkingHours => "Working hours",
                AlwaysOpen => "Always open",
                UtcOffset => "Time zone (UTC offset)",
                UtcOffsetHint => {
                    "A fixed offset: change it when daylight saving time starts or ends."
                }
                DayClosed => "Closed",
                From => "from",
                To => "to",
                HoursHint => {
                    "An end earlier than the start runs past midnight; 00:00 as the end is midnight."
                }
                AutoClose => "Close automatically after (minutes)",
                AutoCloseHint => "Counted from the last message. Empty: never.",
                Distribution => "How new conversations are offered",
                DistAllAtOnce => "All at once",
                DistAllAtOnceHint => "Every available agent sees it; the first to answer takes it.",
                DistRoundRobin => "Round robin",
                DistRoundRobinHint => {
                    "One agent at a time, taking turns after the last agent served."
                }
                DistInOrder => "Strictly in order",
                DistInOrderHint => {
                    "One agent at a time, always from the top of the agents' list below."
                }
                OfferTimeout => "Time to answer (seconds)",
                OfferTimeoutHint => {
                    "One agent at a time: then the next agent is offered the conversation."
                }
                ChannelAgents => "Agents of this channel",
                ChannelAgentsHint => {
                    "Checked agents are offered its conversations in this order. None checked: every agent."
                }
                Save => "Save",
                Saving => "Saving…",
                Saved => "Saved",
                BadAutoClose => {
                    "Write the minutes as a number, or leave the field empty to never close automatically."
                }
                BadOfferTimeout => "Write the time to answer as a whole number of seconds.",
                MoveToChannel => "Move to channel",
                PickChannelHint => "Pick a channel: the conversation waits there for its agents.",
                SpamAndBlock => "Spam and block",
                Unblock => "Unblock customer",
                Blocked => "Blocked",
                BlockedNotice => "This customer is blocked: their messages are refused.",
            },
            Lang::Es => match text {
                SignInTitle => "Iniciar sesión",
                SignInIntro => "Responde los chats de tus clientes.",
                Workspace => "Espacio de trabajo",
                Email => "Correo electrónico",
                Password => "Contraseña",
                SignIn => "Entrar",
                SigningIn => "Entrando…",
                LogOut => "Cerrar sesión",
                Lists => "Listas de conversaciones",
                Unanswered => "Sin responder",
                Mine => "Mías",
                AllOpen => "Todas abiertas",
                Closed => "Cerradas",
                Spam => "Spam",
                EmptyList => "No hay conversaciones aquí.",
                Locked => "Bloqueada",
                PickDialog => "Ninguna conversación abierta",
                PickDialogHint => "Elige una conversación de la lista para leerla y responder.",
                Loading => "Cargando…",
                Answer => "Responder",
                Finish => "Finalizar",
                AcceptAndClose => "Aceptar y cerrar",
                Transfer => "Transferir",
                TransferTitle => "Transferir la conversación",
                Invite => "Invitar a un colega",
                InviteTitle => "Invitar a un colega",
                InviteConfirm => "Invitar",
                TakeOver => "Tomar la conversación",
                LockAsMine => "Bloquear como mía",
                MarkSpam => "Marcar como spam",
                MoreActions => "Más acciones",
                ConversationActions => "Acciones de la conversación",
                SearchAgents => "Buscar agentes",
                Agents => "Agentes",
                NoAgentMatches => "Ningún agente coincide.",
                PickAgentHint => "Elige un agente y confirma.",
                Cancel => "Cancelar",
                StatusUnanswered => "Esperando respuesta",
                StatusClosed => "Cerrada",
                StatusSpam => "Marcada como spam",
                Messages => "Mensajes",
                HiddenNote => "Nota oculta",
                Message => "Respuesta",
                NotePlaceholder => "Escribe una nota que solo ven los agentes…",
                MessagePlaceholder => "Escribe una respuesta…",
                Send => "Enviar",
                ComposerHint => "Intro envía, Mayús+Intro añade una línea, / para respuestas predefinidas y comandos.",
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
                PresenceLabel => "Tu estado",
                PresenceOnline => "En línea",
                PresencePaused => "En pausa",
                PresenceOffline => "Desconectado",
                PresenceHint => {
                    "Solo se ofrecen conversaciones nuevas a los agentes en línea con la aplicación abierta."
                }
                MainNav => "Principal",
                Conversations => "Conversaciones",
                Channels => "Canales",
                OnlyAdmins => "Solo los administradores pueden cambiar los canales.",
                OnlyAdminsHint => {
                    "Si hay que cambiar los textos, el horario o los agentes de un canal, pídeselo a un administrador de tu espacio de trabajo."
                }
                BackToConversations => "Volver a las conversaciones",
                OpenChannels => "Canales abiertos",
                NoChannels => "Todavía no hay canales.",
                NewChannel => "Nuevo canal",
                ChannelId => "Identificador",
                ChannelIdHint => {
                    "Letras, cifras, - y _. Forma parte de la clave para insertar y no se puede cambiar después."
                }
                ChannelName => "Nombre",
                Create => "Crear",
                Creating => "Creando…",
                BadChannelId => {
                    "El identificador solo puede usar letras, cifras, - y _ (de 1 a 64 caracteres)."
                }
                EmptyChannelName => "Ponle un nombre al canal.",
                EmbedKey => "Clave para insertar",
                Greeting => "Saludo del widget",
                GreetingHint => "Se muestra en el widget antes de que el cliente escriba.",
                Preview => "Vista previa",
                AutomaticMessages => "Mensajes automáticos",
                AutoReply => "Respuesta a una conversación nueva",
                AutoReplyHint => {
                    "Se envía cuando empieza una conversación dentro del horario. Vacía: ninguna."
                }
                OutOfHoursReply => "Respuesta fuera de horario",
                OutOfHoursHint => "Se envía cuando empieza una conversación fuera del horario.",
                NoAgentReply => "Respuesta «nadie disponible»",
                NoAgentHint => {
                    "Se envía una vez por conversación cuando no hay ningún agente disponible."
                }
                WorkingHours => "Horario de atención",
                AlwaysOpen => "Siempre abierto",
                UtcOffset => "Zona horaria (desfase UTC)",
                UtcOffsetHint => {
                    "Un desfase fijo: cámbialo cuando empiece o termine el horario de verano."
                }
                DayClosed => "Cerrado",
                From => "de",
                To => "a",
                HoursHint => {
                    "Un fin anterior al inicio pasa de la medianoche; 00:00 como fin es la medianoche."
                }
                AutoClose => "Cerrar automáticamente tras (minutos)",
                AutoCloseHint => "Desde el último mensaje. Vacío: nunca.",
                Distribution => "Cómo se ofrecen las conversaciones nuevas",
                DistAllAtOnce => "A todos a la vez",
                DistAllAtOnceHint => {
                    "Todos los agentes disponibles la ven; la toma el primero que responde."
                }
                DistRoundRobin => "Por turnos",
                DistRoundRobinHint => {
                    "Un agente cada vez, por turnos a partir del último atendido."
                }
                DistInOrder => "Estrictamente en orden",
                DistInOrderHint => {
                    "Un agente cada vez, siempre desde el principio de la lista de agentes de abajo."
                }
                OfferTimeout => "Tiempo para responder (segundos)",
                OfferTimeoutHint => {
                    "Un agente cada vez: después se ofrece la conversación al siguiente."
                }
                ChannelAgents => "Agentes de este canal",
                ChannelAgentsHint => {
                    "A los agentes marcados se les ofrecen sus conversaciones en este orden. Ninguno marcado: todos los agentes."
                }
                Save => "Guardar",
                Saving => "Guardando…",
                Saved => "Guardado",
                BadAutoClose => {
                    "Escribe los minutos como un número, o deja el campo vacío para no cerrar nunca automáticamente."
                }
                BadOfferTimeout => {
                    "Escribe el tiempo para responder como un número entero de segundos."
                }
                MoveToChannel => "Mover al canal",
                PickChannelHint => "Elige un canal: la conversación espera allí a sus agentes.",
                SpamAndBlock => "Spam y bloquear",
                Unblock => "Desbloquear al cliente",
                Blocked => "Cliente bloqueado",
                BlockedNotice => "Este cliente está bloqueado: sus mensajes se rechazan.",
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

/// The strings of notifications (Q1), the offer badge (Q13) and automatic messages (Q14), kept
/// apart from `Text` so the table above stays one screen per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotifyText {
    Notifications,
    DismissNotification,
    DesktopNotifications,
    PermissionAsk,
    PermissionEnable,
    PermissionNotNow,
    OfferedToYou,
    AutomaticMessage,
}

impl Lang {
    pub fn notify(self, text: NotifyText) -> &'static str {
        use NotifyText::*;
        match (self, text) {
            (Lang::En, Notifications) => "Notifications",
            (Lang::Es, Notifications) => "Notificaciones",
            (Lang::En, DismissNotification) => "Dismiss notification",
            (Lang::Es, DismissNotification) => "Descartar notificación",
            (Lang::En, DesktopNotifications) => "Desktop notifications",
            (Lang::Es, DesktopNotifications) => "Notificaciones de escritorio",
            (Lang::En, PermissionAsk) => "Get desktop notifications for new conversations",
            (Lang::Es, PermissionAsk) => {
                "Recibe notificaciones de escritorio de nuevas conversaciones"
            }
            (Lang::En, PermissionEnable) => "Turn on",
            (Lang::Es, PermissionEnable) => "Activar",
            (Lang::En, PermissionNotNow) => "Not now",
            (Lang::Es, PermissionNotNow) => "Ahora no",
            (Lang::En, OfferedToYou) => "Offered to you",
            (Lang::Es, OfferedToYou) => "Ofrecida a ti",
            (Lang::En, AutomaticMessage) => "Automatic message",
            (Lang::Es, AutomaticMessage) => "Mensaje automático",
        }
    }

    /// Toast and desktop notification: a colleague mentioned me (C2).
    pub fn mentioned_you(self, by: &str, visitor: &str) -> String {
        match self {
            Lang::En => format!("{by} mentioned you in {visitor}"),
            Lang::Es => format!("{by} te mencionó en {visitor}"),
        }
    }

    /// Toast and desktop notification: a conversation appeared in the Unanswered list (Q1).
    pub fn new_conversation_from(self, visitor: &str) -> String {
        match self {
            Lang::En => format!("New conversation from {visitor}"),
            Lang::Es => format!("Nueva conversación de {visitor}"),
        }
    }
}

/// Strings with a part filled in, for the channels screen (A1, Q13, Q14).
impl Lang {
    /// Weekday `day`, Monday first (`WorkingHours::days`).
    pub fn weekday(self, day: usize) -> &'static str {
        const EN: [&str; 7] =
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        const ES: [&str; 7] =
            ["Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"];
        let names = match self {
            Lang::En => EN,
            Lang::Es => ES,
        };
        names[day % 7]
    }

    /// A working day's time is missing or malformed.
    pub fn bad_time(self, day: &str) -> String {
        match self {
            Lang::En => format!("{day}: write the opening and closing times, like 09:00."),
            Lang::Es => format!("{day}: escribe la hora de apertura y de cierre, como 09:00."),
        }
    }

    /// The queue's reorder buttons, for screen readers: "Move Luis Romero up".
    pub fn move_agent(self, name: &str, up: bool) -> String {
        match (self, up) {
            (Lang::En, true) => format!("Move {name} up"),
            (Lang::En, false) => format!("Move {name} down"),
            (Lang::Es, true) => format!("Subir a {name}"),
            (Lang::Es, false) => format!("Bajar a {name}"),
        }
    }
}

/// The strings of per-message actions (M7, M8, M9) and canned responses (C7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgText {
    MessageActions,
    Edit,
    Delete,
    SaveAsCanned,
    CopyText,
    Copied,
    Edited,
    MessageDeleted,
    ShowEdits,
    EditMessage,
    EditHint,
    Save,
    ConfirmDelete,
    Canned,
    SearchCanned,
    NoFolder,
    NewCanned,
    CannedCode,
    CannedCodeHint,
    CannedTitle,
    CannedText,
    CannedFolder,
    PlaceholdersHint,
    ConfirmDeleteCanned,
    NoCanned,
    NoCannedMatches,
    PickCanned,
    CannedLibrary,
    Seen,
    Sent,
}

impl Lang {
    pub fn m(self, text: MsgText) -> &'static str {
        use MsgText::*;
        match (self, text) {
            (Lang::En, Seen) => "Seen",
            (Lang::Es, Seen) => "Visto",
            (Lang::En, Sent) => "Sent",
            (Lang::Es, Sent) => "Enviado",
            (Lang::En, MessageActions) => "Message actions",
            (Lang::Es, MessageActions) => "Acciones del mensaje",
            (Lang::En, Edit) => "Edit",
            (Lang::Es, Edit) => "Editar",
            (Lang::En, Delete) => "Delete",
            (Lang::Es, Delete) => "Eliminar",
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
            (Lang::En, Save) => "Save",
            (Lang::Es, Save) => "Guardar",
            (Lang::En, ConfirmDelete) => "Delete this message? The customer will no longer see it.",
            (Lang::Es, ConfirmDelete) => "¿Eliminar este mensaje? El cliente dejará de verlo.",
            (Lang::En, Canned) => "Canned responses",
            (Lang::Es, Canned) => "Respuestas predefinidas",
            (Lang::En, SearchCanned) => "Search responses",
            (Lang::Es, SearchCanned) => "Buscar respuestas",
            (Lang::En, NoFolder) => "No folder",
            (Lang::Es, NoFolder) => "Sin carpeta",
            (Lang::En, NewCanned) => "New response",
            (Lang::Es, NewCanned) => "Nueva respuesta",
            (Lang::En, CannedCode) => "Code",
            (Lang::Es, CannedCode) => "Código",
            (Lang::En, CannedCodeHint) => {
                "Type /code in the composer to use it: a-z, 0-9, - and _."
            }
            (Lang::Es, CannedCodeHint) => {
                "Escribe /código en el editor para usarla: a-z, 0-9, - y _."
            }
            (Lang::En, CannedTitle) => "Title",
            (Lang::Es, CannedTitle) => "Título",
            (Lang::En, CannedText) => "Text",
            (Lang::Es, CannedText) => "Texto",
            (Lang::En, CannedFolder) => "Folder (optional)",
            (Lang::Es, CannedFolder) => "Carpeta (opcional)",
            (Lang::En, PlaceholdersHint) => {
                "Placeholders: {customer_name} becomes the customer's name, {agent_name} the name of the agent who sends it."
            }
            (Lang::Es, PlaceholdersHint) => {
                "Marcadores: {customer_name} se cambia por el nombre del cliente, {agent_name} por el del agente que la envía."
            }
            (Lang::En, ConfirmDeleteCanned) => "Delete this response for everyone?",
            (Lang::Es, ConfirmDeleteCanned) => "¿Eliminar esta respuesta para todos?",
            (Lang::En, NoCanned) => "No canned responses yet.",
            (Lang::Es, NoCanned) => "Aún no hay respuestas predefinidas.",
            (Lang::En, NoCannedMatches) => "No responses match.",
            (Lang::Es, NoCannedMatches) => "Ninguna respuesta coincide.",
            (Lang::En, PickCanned) => "Pick a response to edit it, or create a new one.",
            (Lang::Es, PickCanned) => "Elige una respuesta para editarla o crea una nueva.",
            (Lang::En, CannedLibrary) => "Library",
            (Lang::Es, CannedLibrary) => "Biblioteca",
        }
    }
}

/// The strings of signing in, first-run setup, invitations and one's own account (the account
/// menu, changing the password), with the form problems of `account_model`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountText {
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
    Close,
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
    pub fn a(self, text: AccountText) -> &'static str {
        use AccountText::*;
        match (self, text) {
            (Lang::En, SetupTitle) => "Set up Openline",
            (Lang::Es, SetupTitle) => "Configura Openline",
            (Lang::En, SetupIntro) => {
                "Create your workspace and its first admin account. You can invite your team next."
            }
            (Lang::Es, SetupIntro) => {
                "Crea tu espacio de trabajo y su primera cuenta de administrador. Después podrás invitar a tu equipo."
            }
            (Lang::En, WorkspaceId) => "Workspace id",
            (Lang::Es, WorkspaceId) => "Identificador del espacio de trabajo",
            (Lang::En, WorkspaceIdHint) => {
                "Letters, digits, - and _. Your team types it to sign in; it cannot change later."
            }
            (Lang::Es, WorkspaceIdHint) => {
                "Letras, cifras, - y _. Tu equipo lo escribe para entrar; no se puede cambiar después."
            }
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
            (Lang::Es, InviteUnusable) => {
                "Pide un enlace de invitación nuevo a un administrador de tu espacio de trabajo."
            }
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
            (Lang::En, ChangePasswordHint) => {
                "Your other sessions will be signed out; this one stays open."
            }
            (Lang::Es, ChangePasswordHint) => "Se cerrarán tus otras sesiones; esta sigue abierta.",
            (Lang::En, PasswordChanged) => {
                "Password changed. Your other sessions were signed out."
            }
            (Lang::Es, PasswordChanged) => {
                "Contraseña cambiada. Se cerraron tus otras sesiones."
            }
            (Lang::En, Close) => "Close",
            (Lang::Es, Close) => "Cerrar",
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
            (Lang::En, BadWorkspace) => {
                "The workspace id may only use letters, digits, - and _ (1 to 64 characters)."
            }
            (Lang::Es, BadWorkspace) => {
                "El identificador solo puede usar letras, cifras, - y _ (de 1 a 64 caracteres)."
            }
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
        self.a(match role {
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

/// The strings of the admins' team screen: colleagues, invitations and API tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamText {
    Team,
    TeamSections,
    Members,
    ApiTokens,
    OnlyAdmins,
    You,
    Remove,
    RoleSaved,
    InviteHeading,
    InviteHint,
    CreateInvite,
    InviteLink,
    Copy,
    Copied,
    PendingInvites,
    NoPendingInvites,
    Revoke,
    Expires,
    ApiTokensIntro,
    NewApiToken,
    TokenName,
    TokenNameHint,
    EmptyTokenName,
    CreateToken,
    TokenSecret,
    TokenSecretNote,
    UsageHint,
    NoTokens,
    Created,
    LastUsed,
    Never,
    ActsAs,
}

impl Lang {
    pub fn team(self, text: TeamText) -> &'static str {
        use TeamText::*;
        match (self, text) {
            (Lang::En, Team) => "Team",
            (Lang::Es, Team) => "Equipo",
            (Lang::En, TeamSections) => "Team settings",
            (Lang::Es, TeamSections) => "Ajustes del equipo",
            (Lang::En, Members) => "Members",
            (Lang::Es, Members) => "Miembros",
            (Lang::En, ApiTokens) => "API tokens",
            (Lang::Es, ApiTokens) => "Tokens de API",
            (Lang::En, OnlyAdmins) => "Only admins can manage the team and its API tokens.",
            (Lang::Es, OnlyAdmins) => {
                "Solo los administradores pueden gestionar el equipo y sus tokens de API."
            }
            (Lang::En, You) => "(you)",
            (Lang::Es, You) => "(tú)",
            (Lang::En, Remove) => "Remove",
            (Lang::Es, Remove) => "Quitar",
            (Lang::En, RoleSaved) => "Role saved",
            (Lang::Es, RoleSaved) => "Rol guardado",
            (Lang::En, InviteHeading) => "Invite a colleague",
            (Lang::Es, InviteHeading) => "Invitar a un colega",
            (Lang::En, InviteHint) => {
                "You get a link to send them: with it they choose a password and join."
            }
            (Lang::Es, InviteHint) => {
                "Obtendrás un enlace para enviárselo: con él elegirá su contraseña y se unirá."
            }
            (Lang::En, CreateInvite) => "Create invitation",
            (Lang::Es, CreateInvite) => "Crear invitación",
            (Lang::En, InviteLink) => "Invitation link",
            (Lang::Es, InviteLink) => "Enlace de invitación",
            (Lang::En, Copy) => "Copy",
            (Lang::Es, Copy) => "Copiar",
            (Lang::En, Copied) => "Copied to the clipboard",
            (Lang::Es, Copied) => "Copiado al portapapeles",
            (Lang::En, PendingInvites) => "Pending invitations",
            (Lang::Es, PendingInvites) => "Invitaciones pendientes",
            (Lang::En, NoPendingInvites) => "No pending invitations.",
            (Lang::Es, NoPendingInvites) => "No hay invitaciones pendientes.",
            (Lang::En, Revoke) => "Revoke",
            (Lang::Es, Revoke) => "Revocar",
            (Lang::En, Expires) => "Expires",
            (Lang::Es, Expires) => "Caduca",
            (Lang::En, ApiTokensIntro) => {
                "An API token lets your own systems call the Openline API as the admin who made it. Keep it secret, like a password."
            }
            (Lang::Es, ApiTokensIntro) => {
                "Un token de API permite que tus sistemas llamen a la API de Openline como el administrador que lo creó. Guárdalo en secreto, como una contraseña."
            }
            (Lang::En, NewApiToken) => "New token",
            (Lang::Es, NewApiToken) => "Nuevo token",
            (Lang::En, TokenName) => "Token name",
            (Lang::Es, TokenName) => "Nombre del token",
            (Lang::En, TokenNameHint) => "What it is for, like “CRM sync”.",
            (Lang::Es, TokenNameHint) => "Para qué es, como «Sincronización CRM».",
            (Lang::En, EmptyTokenName) => "Give the token a name.",
            (Lang::Es, EmptyTokenName) => "Ponle un nombre al token.",
            (Lang::En, CreateToken) => "Create token",
            (Lang::Es, CreateToken) => "Crear token",
            (Lang::En, TokenSecret) => "Secret of the new token",
            (Lang::Es, TokenSecret) => "Secreto del token nuevo",
            (Lang::En, TokenSecretNote) => "Copy it now: it is shown only once.",
            (Lang::Es, TokenSecretNote) => "Cópialo ahora: solo se muestra una vez.",
            (Lang::En, UsageHint) => "Send it with every request, in this header:",
            (Lang::Es, UsageHint) => "Envíalo en cada petición, en esta cabecera:",
            (Lang::En, NoTokens) => "No API tokens yet.",
            (Lang::Es, NoTokens) => "Aún no hay tokens de API.",
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

    /// The role `<select>` of one colleague, for screen readers.
    pub fn role_of(self, name: &str) -> String {
        match self {
            Lang::En => format!("Role of {name}"),
            Lang::Es => format!("Rol de {name}"),
        }
    }

    /// A row's Remove button, for screen readers.
    pub fn remove_agent(self, name: &str) -> String {
        match self {
            Lang::En => format!("Remove {name}"),
            Lang::Es => format!("Quitar a {name}"),
        }
    }

    pub fn confirm_remove_agent(self, name: &str) -> String {
        match self {
            Lang::En => format!("Remove {name}? They are signed out and can no longer sign in."),
            Lang::Es => format!("¿Quitar a {name}? Se cierra su sesión y ya no podrá entrar."),
        }
    }

    pub fn agent_removed(self, name: &str) -> String {
        match self {
            Lang::En => format!("{name} was removed"),
            Lang::Es => format!("Se quitó a {name}"),
        }
    }

    /// Under a new invitation link.
    pub fn invite_link_note(self, name: &str, until: &str) -> String {
        match self {
            Lang::En => {
                format!("Send this link to {name}. It is shown only once and works until {until}.")
            }
            Lang::Es => format!(
                "Envía este enlace a {name}. Solo se muestra una vez y funciona hasta el {until}."
            ),
        }
    }

    /// A pending invitation's Revoke button, for screen readers.
    pub fn revoke_invite(self, email: &str) -> String {
        match self {
            Lang::En => format!("Revoke the invitation for {email}"),
            Lang::Es => format!("Revocar la invitación de {email}"),
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

/// The strings of a channel's access settings: allowed sites and signed identity (W6).
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
            (Lang::En, AllowedSitesHint) => {
                "One per line, like https://shop.example (no path). Empty: any site."
            }
            (Lang::Es, AllowedSitesHint) => {
                "Uno por línea, como https://tienda.example (sin ruta). Vacío: cualquier sitio."
            }
            (Lang::En, RequireIdentity) => "Require signed identity (W6)",
            (Lang::Es, RequireIdentity) => "Exigir identidad firmada (W6)",
            (Lang::En, RequireIdentityHint) => {
                "Only visitors your site identifies with a valid signature may open a chat."
            }
            (Lang::Es, RequireIdentityHint) => {
                "Solo pueden abrir un chat los visitantes que tu sitio identifique con una firma válida."
            }
            (Lang::En, IdentitySecret) => "Identity secret",
            (Lang::Es, IdentitySecret) => "Secreto de identidad",
            (Lang::En, IdentityExplain) => {
                "For a signed-in user, your site's server computes hex(HMAC-SHA256(secret, user_id)) and passes user_id and that hash to the widget, on the embed script as below. Keep the secret on the server: never put it in a page."
            }
            (Lang::Es, IdentityExplain) => {
                "Para un usuario con sesión iniciada, el servidor de tu sitio calcula hex(HMAC-SHA256(secreto, user_id)) y pasa user_id y ese hash al widget, en el script de inserción como se ve abajo. Guarda el secreto en el servidor: nunca lo pongas en una página."
            }
            (Lang::En, CurrentSecret) => "Current secret",
            (Lang::Es, CurrentSecret) => "Secreto actual",
            (Lang::En, Reveal) => "Reveal",
            (Lang::Es, Reveal) => "Mostrar",
            (Lang::En, Hide) => "Hide",
            (Lang::Es, Hide) => "Ocultar",
            (Lang::En, GenerateNew) => "Generate new",
            (Lang::Es, GenerateNew) => "Generar otro",
            (Lang::En, ConfirmNewSecret) => {
                "Generate a new secret? The current one stops working at once: signed visitors are refused until your site uses the new one."
            }
            (Lang::Es, ConfirmNewSecret) => {
                "¿Generar un secreto nuevo? El actual deja de funcionar al momento: se rechaza a los visitantes firmados hasta que tu sitio use el nuevo."
            }
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

/// The strings of the composer's tools: quoting (M1).
/// The strings of the composer's tools: quoting (M1), typing (W2), quick commands and chat
/// names (C3), the emoji picker (C4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComposeText {
    Quote,
    RemoveQuote,
    QuotedMessage,
    ShowOriginal,
    Suggestions,
    QuickQuote,
    QuickQuoteHint,
    QuickRename,
    QuickRenameHint,
    QuickId,
    QuickIdHint,
    RenameChat,
    ChatName,
    CopyChatId,
    NameCleared,
    NothingToQuote,
    Emoji,
    SearchEmoji,
    NoEmoji,
    EmojiFailed,
    MoveToNew,
    Colleagues,
}

impl Lang {
    pub fn c(self, text: ComposeText) -> &'static str {
        use ComposeText::*;
        match (self, text) {
            (Lang::En, Quote) => "Quote",
            (Lang::Es, Quote) => "Citar",
            (Lang::En, RemoveQuote) => "Remove quote",
            (Lang::Es, RemoveQuote) => "Quitar cita",
            (Lang::En, QuotedMessage) => "Quoted message",
            (Lang::Es, QuotedMessage) => "Mensaje citado",
            (Lang::En, ShowOriginal) => "Show the original message",
            (Lang::Es, ShowOriginal) => "Ver el mensaje original",
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
            (Lang::En, Emoji) => "Emoji",
            (Lang::Es, Emoji) => "Emoji",
            (Lang::En, SearchEmoji) => "Search emoji",
            (Lang::Es, SearchEmoji) => "Buscar emoji",
            (Lang::En, NoEmoji) => "No emoji match.",
            (Lang::Es, NoEmoji) => "Ningún emoji coincide.",
            (Lang::En, EmojiFailed) => "The emoji could not be loaded. Close and try again.",
            (Lang::Es, EmojiFailed) => {
                "No se pudieron cargar los emoji. Cierra y vuelve a intentarlo."
            }
            (Lang::En, Colleagues) => "Colleagues to mention",
            (Lang::Es, Colleagues) => "Compañeros a mencionar",
            (Lang::En, MoveToNew) => "Move to a new conversation",
            (Lang::Es, MoveToNew) => "Mover a una nueva conversación",
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

    /// Above the composer while a reply quotes a message (M1).
    pub fn replying_to(self, author: &str) -> String {
        match self {
            Lang::En => format!("Replying to {author}"),
            Lang::Es => format!("Respondiendo a {author}"),
        }
    }
}

/// Files in messages (C1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileText {
    AttachFiles,
    Attachments,
    UploadFailed,
    Download,
    Close,
    DropFiles,
    Uploading,
}

impl Lang {
    pub fn f(self, text: FileText) -> &'static str {
        use FileText::*;
        match (self, text) {
            (Lang::En, AttachFiles) => "Attach files",
            (Lang::Es, AttachFiles) => "Adjuntar archivos",
            (Lang::En, Attachments) => "Files to send",
            (Lang::Es, Attachments) => "Archivos para enviar",
            (Lang::En, UploadFailed) => "The upload failed.",
            (Lang::Es, UploadFailed) => "No se pudo subir.",
            (Lang::En, Download) => "Download",
            (Lang::Es, Download) => "Descargar",
            (Lang::En, Close) => "Close",
            (Lang::Es, Close) => "Cerrar",
            (Lang::En, DropFiles) => "Drop files to attach them",
            (Lang::Es, DropFiles) => "Suelta los archivos para adjuntarlos",
            (Lang::En, Uploading) => "Wait for the files to finish uploading.",
            (Lang::Es, Uploading) => "Espera a que terminen de subir los archivos.",
        }
    }

    pub fn uploading(self, name: &str) -> String {
        match self {
            Lang::En => format!("Uploading {name}"),
            Lang::Es => format!("Subiendo {name}"),
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
}

/// The channel editor's file limits (C1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelFileText {
    Files,
    MaxSize,
    Kinds,
    NoneHint,
    BadMaxSize,
}

impl Lang {
    pub fn cf(self, text: ChannelFileText) -> &'static str {
        use ChannelFileText::*;
        match (self, text) {
            (Lang::En, Files) => "Files in chats",
            (Lang::Es, Files) => "Archivos en los chats",
            (Lang::En, MaxSize) => "Largest file (MB)",
            (Lang::Es, MaxSize) => "Archivo más grande (MB)",
            (Lang::En, Kinds) => "Accepted files",
            (Lang::Es, Kinds) => "Archivos admitidos",
            (Lang::En, NoneHint) => {
                "Customers and agents can attach these. Untick all to turn files off."
            }
            (Lang::Es, NoneHint) => {
                "Clientes y agentes pueden adjuntarlos. Desmarca todos para no admitir archivos."
            }
            (Lang::En, BadMaxSize) => {
                "Write the largest file as a number of megabytes, such as 10."
            }
            (Lang::Es, BadMaxSize) => "Escribe el archivo más grande en megabytes, por ejemplo 10.",
        }
    }

    pub fn file_category(self, category: openline_core::files::FileCategory) -> &'static str {
        use openline_core::files::FileCategory::*;
        match (self, category) {
            (Lang::En, Images) => "Images",
            (Lang::Es, Images) => "Imágenes",
            (Lang::En, Documents) => "Documents",
            (Lang::Es, Documents) => "Documentos",
            (Lang::En, Archives) => "Archives",
            (Lang::Es, Archives) => "Archivos comprimidos",
        }
    }

    pub fn max_file_hint(self, platform_max: &str) -> String {
        match self {
            Lang::En => format!("Per file, at most {platform_max}."),
            Lang::Es => format!("Por archivo, como mucho {platform_max}."),
        }
    }
}

impl Lang {
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

    pub fn rating_label(self, symbols: &str) -> String {
        match self {
            Lang::En => format!("Rated {symbols}"),
            Lang::Es => format!("Valoración {symbols}"),
        }
    }
}

/// The channel editor's forms and rating (W4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormText {
    Forms,
    Prechat,
    PrechatHint,
    OfflineForm,
    OfflineFormHint,
    Rating,
    /// A pre-chat field's choices (`Ask`).
    NotAsked,
    Optional,
    Required,
}

impl Lang {
    pub fn form(self, text: FormText) -> &'static str {
        use FormText::*;
        match (self, text) {
            (Lang::En, Forms) => "Forms and rating",
            (Lang::Es, Forms) => "Formularios y valoración",
            (Lang::En, Prechat) => "Before the chat, ask for",
            (Lang::Es, Prechat) => "Antes del chat, pedir",
            (Lang::En, PrechatHint) => "Customers fill these in before their first message; nothing asked: they write at once.",
            (Lang::Es, PrechatHint) => "Los clientes los rellenan antes de su primer mensaje; si no se pide nada, escriben directamente.",
            (Lang::En, OfflineForm) => "When nobody can answer, ask for an email and a message",
            (Lang::Es, OfflineForm) => "Si nadie puede responder, pedir un email y un mensaje",
            (Lang::En, OfflineFormHint) => "Out of working hours or with nobody online, the widget offers this form; the message waits in Unanswered.",
            (Lang::Es, OfflineFormHint) => "Fuera de horario o sin nadie conectado, el widget ofrece este formulario; el mensaje espera en Sin responder.",
            (Lang::En, Rating) => "Rating when a conversation ends",
            (Lang::Es, Rating) => "Valoración al terminar una conversación",
            (Lang::En, NotAsked) => "Not asked",
            (Lang::Es, NotAsked) => "No se pide",
            (Lang::En, Optional) => "Optional",
            (Lang::Es, Optional) => "Opcional",
            (Lang::En, Required) => "Required",
            (Lang::Es, Required) => "Obligatorio",
        }
    }

    pub fn contact_field(self, field: openline_core::contact::ContactField) -> &'static str {
        use openline_core::contact::ContactField::*;
        match (self, field) {
            (Lang::En, Name) => "Name",
            (Lang::Es, Name) => "Nombre",
            (Lang::En, Email) => "Email",
            (Lang::Es, Email) => "Email",
            (Lang::En, Phone) => "Phone",
            (Lang::Es, Phone) => "Teléfono",
        }
    }

    pub fn scale(self, scale: openline_core::contact::RatingScale) -> &'static str {
        use openline_core::contact::RatingScale::*;
        match (self, scale) {
            (Lang::En, Off) => "Do not ask",
            (Lang::Es, Off) => "No pedir",
            (Lang::En, Thumbs) => "Thumbs up or down",
            (Lang::Es, Thumbs) => "Pulgar arriba o abajo",
            (Lang::En, Stars) => "1 to 5 stars",
            (Lang::Es, Stars) => "De 1 a 5 estrellas",
        }
    }
}

/// The channel editor's look (W5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookText {
    Look,
    Color,
    ColorHint,
    Position,
    Right,
    Left,
    Preview,
    Sample,
    Snippet,
    Icon,
    Tagline,
    TaglineHint,
    Placeholder,
    PlaceholderHint,
    DefaultPlaceholder,
}

impl Lang {
    pub fn look(self, text: LookText) -> &'static str {
        use LookText::*;
        match (self, text) {
            (Lang::En, Look) => "Look",
            (Lang::Es, Look) => "Aspecto",
            (Lang::En, Color) => "Colour",
            (Lang::Es, Color) => "Color",
            (Lang::En, ColorHint) => "As #rrggbb. White text must stay readable on it (4.5:1).",
            (Lang::Es, ColorHint) => {
                "Como #rrggbb. El texto blanco debe leerse bien sobre él (4,5:1)."
            }
            (Lang::En, Position) => "Launcher",
            (Lang::Es, Position) => "Botón del chat",
            (Lang::En, Right) => "Bottom right",
            (Lang::Es, Right) => "Abajo a la derecha",
            (Lang::En, Left) => "Bottom left",
            (Lang::Es, Left) => "Abajo a la izquierda",
            (Lang::En, Preview) => "Preview",
            (Lang::Es, Preview) => "Vista previa",
            (Lang::En, Sample) => "Hi! How can we help?",
            (Lang::Es, Sample) => "¡Hola! ¿En qué te ayudamos?",
            (Lang::En, Icon) => "Launcher icon",
            (Lang::Es, Icon) => "Icono del botón",
            (Lang::En, Snippet) => {
                "Embed code with this look (the launcher's colour and side go in it)"
            }
            (Lang::Es, Snippet) => {
                "Código para insertar con este aspecto (lleva el color y el lado del botón)"
            }
            (Lang::En, Tagline) => "Line under the title",
            (Lang::Es, Tagline) => "Línea bajo el título",
            (Lang::En, TaglineHint) => {
                "Shown until someone answers, such as \"We usually reply within minutes\"."
            }
            (Lang::Es, TaglineHint) => {
                "Se ve hasta que alguien responde, como «Solemos responder en minutos»."
            }
            (Lang::En, Placeholder) => "Message box hint",
            (Lang::Es, Placeholder) => "Texto de ayuda del mensaje",
            (Lang::En, PlaceholderHint) => {
                "Empty: \"Write a message…\" in the customer's language."
            }
            (Lang::Es, PlaceholderHint) => "Vacío: «Escribe un mensaje…» en el idioma del cliente.",
            (Lang::En, DefaultPlaceholder) => "Write a message…",
            (Lang::Es, DefaultPlaceholder) => "Escribe un mensaje…",
        }
    }
}

impl Lang {
    pub fn launcher_icon(self, icon: openline_core::look::LauncherIcon) -> &'static str {
        use openline_core::look::LauncherIcon::*;
        match (self, icon) {
            (Lang::En, Chat) => "Speech bubble",
            (Lang::Es, Chat) => "Bocadillo",
            (Lang::En, Help) => "Question mark",
            (Lang::Es, Help) => "Interrogación",
            (Lang::En, Mail) => "Envelope",
            (Lang::Es, Mail) => "Sobre",
        }
    }
}
