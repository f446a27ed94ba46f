//! The presence control's strings (Q13).

use super::Lang;

/// The agent's own status (Q13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresenceText {
    Label,
    Online,
    Paused,
    Offline,
    Hint,
}

impl Lang {
    pub fn presence(self, text: PresenceText) -> &'static str {
        use PresenceText::*;
        match (self, text) {
            (Lang::En, Label) => "Your status",
            (Lang::Es, Label) => "Tu estado",
            (Lang::En, Online) => "Online",
            (Lang::Es, Online) => "En línea",
            (Lang::En, Paused) => "Paused",
            (Lang::Es, Paused) => "En pausa",
            (Lang::En, Offline) => "Offline",
            (Lang::Es, Offline) => "Desconectado",
            (Lang::En, Hint) => "Only online agents with the app open are offered new conversations.",
            (Lang::Es, Hint) => "Solo se ofrecen conversaciones nuevas a los agentes en línea con la aplicación abierta.",
        }
    }
}
