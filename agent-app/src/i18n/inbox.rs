//! The inbox column's strings: the five lists (Q2), an empty list, a row's waiting time,
//! unread count, channel, offer badge (Q13) and rating badge (W4).

use super::Lang;

/// The inbox column's strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InboxText {
    Unanswered,
    Mine,
    AllOpen,
    Closed,
    Spam,
    EmptyList,
    Waiting,
    Unread,
    Channel,
    OfferedToYou,
    ShowMore,
}

impl Lang {
    pub fn inbox(self, text: InboxText) -> &'static str {
        use InboxText::*;
        match (self, text) {
            (Lang::En, Unanswered) => "Unanswered",
            (Lang::Es, Unanswered) => "Sin responder",
            (Lang::En, Mine) => "Mine",
            (Lang::Es, Mine) => "Mías",
            (Lang::En, AllOpen) => "All open",
            (Lang::Es, AllOpen) => "Todas abiertas",
            (Lang::En, Closed) => "Closed",
            (Lang::Es, Closed) => "Cerradas",
            (Lang::En, Spam) => "Spam",
            (Lang::Es, Spam) => "Spam",
            (Lang::En, EmptyList) => "No conversations here.",
            (Lang::Es, EmptyList) => "No hay conversaciones aquí.",
            (Lang::En, Waiting) => "Waiting",
            (Lang::Es, Waiting) => "Esperando",
            (Lang::En, Unread) => "unread",
            (Lang::Es, Unread) => "sin leer",
            (Lang::En, Channel) => "Channel",
            (Lang::Es, Channel) => "Canal",
            (Lang::En, OfferedToYou) => "Offered to you",
            (Lang::Es, OfferedToYou) => "Ofrecida a ti",
            (Lang::En, ShowMore) => "Show older conversations",
            (Lang::Es, ShowMore) => "Ver conversaciones anteriores",
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

    pub fn rating_label(self, symbols: &str) -> String {
        match self {
            Lang::En => format!("Rated {symbols}"),
            Lang::Es => format!("Valoración {symbols}"),
        }
    }
}
