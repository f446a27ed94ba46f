//! A channel's working hours (Q14).

use crate::i18n::Lang;

/// Working hours (Q14).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursText {
    Title,
    AlwaysOpen,
    UtcOffset,
    UtcOffsetHint,
    DayClosed,
    From,
    To,
    Hint,
}

impl Lang {
    pub fn hours(self, text: HoursText) -> &'static str {
        use HoursText::*;
        match (self, text) {
            (Lang::En, Title) => "Working hours",
            (Lang::Es, Title) => "Horario de atención",
            (Lang::En, AlwaysOpen) => "Always open",
            (Lang::Es, AlwaysOpen) => "Siempre abierto",
            (Lang::En, UtcOffset) => "Time zone (UTC offset)",
            (Lang::Es, UtcOffset) => "Zona horaria (desfase UTC)",
            (Lang::En, UtcOffsetHint) => {
                "A fixed offset: change it when daylight saving time starts or ends."
            }
            (Lang::Es, UtcOffsetHint) => {
                "Un desfase fijo: cámbialo cuando empiece o termine el horario de verano."
            }
            (Lang::En, DayClosed) => "Closed",
            (Lang::Es, DayClosed) => "Cerrado",
            (Lang::En, From) => "from",
            (Lang::Es, From) => "de",
            (Lang::En, To) => "to",
            (Lang::Es, To) => "a",
            (Lang::En, Hint) => {
                "An end earlier than the start runs past midnight; 00:00 as the end is midnight."
            }
            (Lang::Es, Hint) => {
                "Un fin anterior al inicio pasa de la medianoche; 00:00 como fin es la medianoche."
            }
        }
    }

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
}
