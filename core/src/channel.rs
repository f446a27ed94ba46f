//! An open channel's settings (Q14): texts, working hours and automatic close, and the rules
//! that read them. Admins edit these; the Conversation DO applies them.
//!
//! Working hours use a fixed UTC offset, not a named time zone: no tz database in the wasm.
//! The admin moves the offset at daylight-saving changes.

use crate::contact::{
    first_missing, Contact, ContactProblem, FormField, RatingScale, OFFLINE_FORM,
};
use crate::files::FileRules;
use crate::ids::{AgentId, ChannelId};
use crate::look::Look;
use crate::routing::{Distribution, Routing};
use serde::{Deserialize, Serialize};

/// A wire and disk type: new fields need defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSettings {
    pub id: ChannelId,
    pub name: String,
    /// Shown in the widget before the customer writes.
    pub greeting: String,
    /// Sent by the system when a session opens within working hours; empty for none.
    #[serde(default)]
    pub auto_reply: String,
    /// `None`: always open.
    #[serde(default)]
    pub hours: Option<WorkingHours>,
    /// Sent by the system when a session opens out of hours.
    #[serde(default)]
    pub out_of_hours_reply: String,
    /// Close an open session after this long without a message; `None`: never.
    #[serde(default)]
    pub auto_close_after_secs: Option<u32>,
    /// How waiting sessions are offered to agents (Q13).
    #[serde(default)]
    pub distribution: Distribution,
    /// The channel's agents in offer order; empty: every agent of the workspace.
    #[serde(default)]
    pub queue: Vec<AgentId>,
    /// Seconds an offered agent has to answer before the next one is offered.
    #[serde(default = "default_offer_timeout")]
    pub offer_timeout_secs: u32,
    /// Sent once per session by the system when nobody is available to answer.
    #[serde(default)]
    pub no_agent_reply: String,
    /// Sites that may embed the widget, as origins (`https://shop.example`); empty: any site.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Only visitors the host site identifies with a valid signature may open a chat (W6).
    #[serde(default)]
    pub require_identity: bool,
    /// Which files customers and agents may attach here (C1).
    #[serde(default)]
    pub files: FileRules,
    /// The pre-chat form's fields (W4); empty: the customer writes at once.
    #[serde(default)]
    pub prechat: Vec<FormField>,
    /// Whether, when nobody can answer (out of hours, nobody online), the widget offers a form
    /// for the customer's email and message instead of a live chat (W4). Off: they write as
    /// always, and the message waits.
    #[serde(default)]
    pub offline_form: bool,
    /// How the customer is asked to rate a finished conversation (W4).
    #[serde(default)]
    pub rating: RatingScale,
    /// The widget's colour and launcher side (W5).
    #[serde(default)]
    pub look: Look,
    /// The country of phone numbers customers write without a `+` (R1), as an ISO 3166-1
    /// alpha-2 code; empty: such numbers are not read as phones.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub default_country: String,
}

/// Most allowed origins per channel.
pub const MAX_ALLOWED_ORIGINS: usize = 50;

/// `scheme://host[:port]` in lower case, or `None` if `raw` is not an http(s) origin (no path,
/// query, user or wildcard).
pub fn normalize_origin(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = raw.split_once("://")?;
    let host_ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    let valid = matches!(scheme, "http" | "https") && !rest.is_empty() && rest.chars().all(host_ok);
    valid.then(|| format!("{scheme}://{rest}"))
}

fn default_offer_timeout() -> u32 {
    60
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingHours {
    /// Local time = UTC + this many minutes (e.g. 60 for Madrid in winter).
    pub utc_offset_minutes: i16,
    /// Monday first; `None` is a closed day.
    pub days: [Option<Span>; 7],
}

/// Open from `from` to `to`, minutes after local midnight. `to < from` runs past midnight
/// into the next day (a night shift); `to == from` is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub from: u16,
    pub to: u16,
}

pub const MAX_TEXT_CHARS: usize = 1_000;
const MINUTES_PER_DAY: i64 = 24 * 60;

impl WorkingHours {
    /// Whether the channel is open at `now` (ms since the epoch, UTC).
    pub fn is_open_at(&self, now: i64) -> bool {
        let local_minutes = now.div_euclid(60_000) + i64::from(self.utc_offset_minutes);
        let day = local_minutes.div_euclid(MINUTES_PER_DAY);
        let minute = local_minutes.rem_euclid(MINUTES_PER_DAY) as u16;
        // 1970-01-01 was a Thursday: Monday-first index 3.
        let weekday = (day + 3).rem_euclid(7) as usize;
        let yesterday = (weekday + 6) % 7;
        let today_open = self.days[weekday].is_some_and(|s| {
            if s.from < s.to {
                (s.from..s.to).contains(&minute)
            } else {
                minute >= s.from
            }
        });
        let spill_from_yesterday =
            self.days[yesterday].is_some_and(|s| s.to < s.from && minute < s.to);
        today_open || spill_from_yesterday
    }
}

impl ChannelSettings {
    /// A new channel: always open, no automatic messages, no automatic close.
    pub fn new(id: ChannelId, name: String, greeting: String) -> Self {
        ChannelSettings {
            id,
            name,
            greeting,
            auto_reply: String::new(),
            hours: None,
            out_of_hours_reply: String::new(),
            auto_close_after_secs: None,
            distribution: Distribution::default(),
            queue: Vec::new(),
            offer_timeout_secs: default_offer_timeout(),
            no_agent_reply: String::new(),
            allowed_origins: Vec::new(),
            require_identity: false,
            files: FileRules::default(),
            prechat: Vec::new(),
            offline_form: false,
            rating: RatingScale::default(),
            look: Look::default(),
            default_country: String::new(),
        }
    }

    pub fn routing(&self) -> Routing<'_> {
        Routing {
            distribution: self.distribution,
            queue: &self.queue,
            offer_timeout_secs: self.offer_timeout_secs,
        }
    }

    pub fn is_open_at(&self, now: i64) -> bool {
        self.hours.as_ref().is_none_or(|h| h.is_open_at(now))
    }

    /// Whether someone can answer now (W4): within working hours, with an agent of the
    /// channel's queue (everyone when it has none) in `online`.
    pub fn staffed_at(&self, now: i64, online: &[AgentId]) -> bool {
        let someone = if self.queue.is_empty() {
            !online.is_empty()
        } else {
            self.queue.iter().any(|a| online.contains(a))
        };
        self.is_open_at(now) && someone
    }

    /// The system's message for a session opening at `now`, if any (Q14).
    pub fn reply_for_new_session(&self, now: i64) -> Option<&str> {
        let text = if self.is_open_at(now) { &self.auto_reply } else { &self.out_of_hours_reply };
        (!text.trim().is_empty()).then_some(text.as_str())
    }

    /// Why these settings cannot be saved, as a sentence for the admin.
    /// Whether a page at `origin` may embed this channel's widget.
    /// Whether what the customer told (`contact`) lets them write a first message (W4): the
    /// pre-chat form's required fields, or, with the offline form on, the offline form's.
    pub fn introduces(&self, contact: &Contact) -> Result<(), ContactProblem> {
        match first_missing(&self.prechat, contact) {
            None => Ok(()),
            Some(_) if self.offline_form && first_missing(&OFFLINE_FORM, contact).is_none() => {
                Ok(())
            }
            Some(field) => Err(ContactProblem::Missing(field)),
        }
    }

    pub fn origin_allowed(&self, origin: &str) -> bool {
        if self.allowed_origins.is_empty() {
            return true;
        }
        let Some(origin) = normalize_origin(origin) else { return false };
        self.allowed_origins
            .iter()
            .any(|allowed| normalize_origin(allowed).as_ref() == Some(&origin))
    }

    pub fn validate(&self) -> Result<(), String> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > crate::limits::MAX_NAME_CHARS {
            return Err(format!(
                "The channel name must have 1 to {} characters.",
                crate::limits::MAX_NAME_CHARS
            ));
        }
        for (label, text) in [
            ("greeting", &self.greeting),
            ("automatic reply", &self.auto_reply),
            ("out-of-hours reply", &self.out_of_hours_reply),
            ("no-agent reply", &self.no_agent_reply),
        ] {
            if text.chars().count() > MAX_TEXT_CHARS {
                return Err(format!("The {label} is longer than {MAX_TEXT_CHARS} characters."));
            }
        }
        if let Some(hours) = &self.hours {
            if !(-14 * 60..=14 * 60).contains(&hours.utc_offset_minutes) {
                return Err("The UTC offset must be between -14:00 and +14:00.".into());
            }
            for span in hours.days.iter().flatten() {
                if span.from >= 1440 || span.to > 1440 || span.from == span.to {
                    return Err("Each working day needs a start and an end that differ.".into());
                }
            }
        }
        if !(1..=3600).contains(&self.offer_timeout_secs) {
            return Err("The answer time must be between 1 second and 1 hour.".into());
        }
        if self.allowed_origins.len() > MAX_ALLOWED_ORIGINS {
            return Err(format!("At most {MAX_ALLOWED_ORIGINS} allowed sites."));
        }
        if let Some(bad) = self.allowed_origins.iter().find(|o| normalize_origin(o).is_none()) {
            return Err(format!(
                "{bad:?} is not a site origin: write it like https://shop.example (no path)."
            ));
        }
        if let Some(secs) = self.auto_close_after_secs {
            if !(1..=30 * 24 * 3600).contains(&secs) {
                return Err("Automatic close must be between 1 second and 30 days.".into());
            }
        }
        if !self.default_country.is_empty()
            && crate::crm::Country::parse(&self.default_country)
                .is_none_or(|c| c.as_str() != self.default_country)
        {
            return Err(format!(
                "{:?} is not a country code: write its two capital letters, like ES or GB.",
                self.default_country
            ));
        }
        self.files.validate()?;
        self.look.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-23 was a Monday; `at(day_offset, "HH:MM")` is UTC on that week.
    fn at(day: i64, hhmm: &str) -> i64 {
        let (h, m) = hhmm.split_once(':').unwrap();
        let monday_2026_11_23 = 1_795_392_000_000;
        monday_2026_11_23
            + day * 86_400_000
            + (h.parse::<i64>().unwrap() * 60 + m.parse::<i64>().unwrap()) * 60_000
    }

    fn span(from: &str, to: &str) -> Option<Span> {
        let minutes = |s: &str| {
            let (h, m) = s.split_once(':').unwrap();
            h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap()
        };
        Some(Span { from: minutes(from), to: minutes(to) })
    }

    fn office(offset: i16) -> WorkingHours {
        let day = span("09:00", "18:00");
        WorkingHours { utc_offset_minutes: offset, days: [day, day, day, day, day, None, None] }
    }

    #[test]
    fn q14_monday_is_the_first_day() {
        // Sanity of the test clock: 2026-11-23 00:00 UTC.
        assert_eq!(at(0, "00:00") / 1000, 1_795_392_000);
    }

    #[test]
    fn q14_office_hours_open_and_close_on_the_minute() {
        let h = office(0);
        let cases = [
            (at(0, "08:59"), false),
            (at(0, "09:00"), true),
            (at(0, "17:59"), true),
            (at(0, "18:00"), false),
            (at(5, "12:00"), false), // Saturday
            (at(6, "12:00"), false), // Sunday
            (at(4, "12:00"), true),  // Friday
        ];
        for (now, open) in cases {
            assert_eq!(h.is_open_at(now), open, "at {now}");
        }
    }

    #[test]
    fn q14_the_offset_moves_the_day_and_the_hour() {
        // 08:30 UTC is 09:30 in UTC+1: open. 17:30 UTC is 18:30 there: closed.
        assert!(office(60).is_open_at(at(0, "08:30")));
        assert!(!office(60).is_open_at(at(0, "17:30")));
        // Sunday 23:30 UTC is Monday 09:30 in UTC+10: open; Friday 23:30 UTC is Saturday there.
        assert!(office(600).is_open_at(at(6, "23:30")));
        assert!(!office(600).is_open_at(at(4, "23:30")));
        // Monday 03:00 UTC is Sunday 22:00 in UTC-5: closed.
        assert!(!office(-300).is_open_at(at(0, "03:00")));
    }

    #[test]
    fn q14_night_shifts_run_past_midnight_into_the_next_day() {
        let night = span("22:00", "06:00");
        let h = WorkingHours {
            utc_offset_minutes: 0,
            days: [night, None, None, None, None, None, None],
        };
        assert!(!h.is_open_at(at(0, "21:59")));
        assert!(h.is_open_at(at(0, "22:00")));
        assert!(h.is_open_at(at(0, "23:59")));
        assert!(h.is_open_at(at(1, "00:00")), "Tuesday just after midnight is Monday's shift");
        assert!(h.is_open_at(at(1, "05:59")));
        assert!(!h.is_open_at(at(1, "06:00")));
        assert!(!h.is_open_at(at(1, "22:30")), "Tuesday has no shift of its own");
    }

    #[test]
    fn q14_the_new_session_reply_depends_on_the_hours() {
        let mut s =
            ChannelSettings::new(ChannelId::parse("web").unwrap(), "Web".into(), "Hi".into());
        assert_eq!(s.reply_for_new_session(at(0, "03:00")), None, "no texts, no reply");
        s.auto_reply = "Thanks! An agent will answer shortly.".into();
        s.out_of_hours_reply = "We're closed; we answer from 9:00.".into();
        assert_eq!(
            s.reply_for_new_session(at(0, "03:00")),
            Some("Thanks! An agent will answer shortly.")
        );
        s.hours = Some(office(0));
        assert_eq!(
            s.reply_for_new_session(at(0, "03:00")),
            Some("We're closed; we answer from 9:00.")
        );
        assert_eq!(
            s.reply_for_new_session(at(0, "10:00")),
            Some("Thanks! An agent will answer shortly.")
        );
    }

    #[test]
    fn q14_settings_are_validated_with_reasons() {
        let ok = ChannelSettings::new(ChannelId::parse("web").unwrap(), "Web".into(), "Hi".into());
        assert_eq!(ok.validate(), Ok(()));
        let spain = ChannelSettings { default_country: "ES".into(), ..ok.clone() };
        assert_eq!(spain.validate(), Ok(()));
        let bad = [
            ChannelSettings { name: " ".into(), ..ok.clone() },
            ChannelSettings { greeting: "x".repeat(MAX_TEXT_CHARS + 1), ..ok.clone() },
            ChannelSettings { auto_close_after_secs: Some(0), ..ok.clone() },
            ChannelSettings { default_country: "UK".into(), ..ok.clone() },
            ChannelSettings { default_country: "es".into(), ..ok.clone() },
            ChannelSettings { offer_timeout_secs: 0, ..ok.clone() },
            ChannelSettings {
                hours: Some(WorkingHours { utc_offset_minutes: 15 * 60, days: [None; 7] }),
                ..ok.clone()
            },
            ChannelSettings {
                hours: Some(WorkingHours {
                    utc_offset_minutes: 0,
                    days: [span("09:00", "09:00"); 7],
                }),
                ..ok.clone()
            },
        ];
        for settings in bad {
            assert!(settings.validate().is_err(), "{settings:?}");
        }
    }

    #[test]
    fn w4_a_channel_is_staffed_in_hours_with_one_of_its_agents_online() {
        let (ana, luis) = (AgentId::parse("a_ana").unwrap(), AgentId::parse("a_luis").unwrap());
        let mut web = ChannelSettings::new(ChannelId::parse("web").unwrap(), "W".into(), "".into());
        let monday_10 = at(0, "10:00");
        assert!(!web.staffed_at(monday_10, &[]), "nobody online");
        assert!(web.staffed_at(monday_10, std::slice::from_ref(&luis)), "anyone, without a queue");
        web.queue = vec![ana.clone()];
        assert!(!web.staffed_at(monday_10, std::slice::from_ref(&luis)), "not in the queue");
        assert!(web.staffed_at(monday_10, &[ana.clone(), luis]));
        web.hours = Some(office(0));
        assert!(!web.staffed_at(at(5, "10:00"), &[ana]), "Saturday: closed");
    }

    #[test]
    fn snapshot_channel_settings() {
        let s = ChannelSettings {
            hours: Some(WorkingHours {
                utc_offset_minutes: 60,
                days: [span("09:00", "18:00"), None, None, None, None, None, None],
            }),
            auto_close_after_secs: Some(3600),
            ..ChannelSettings::new(ChannelId::parse("web").unwrap(), "Web".into(), "Hi".into())
        };
        let json = r##"{"id":"web","name":"Web","greeting":"Hi","auto_reply":"","hours":{"utc_offset_minutes":60,"days":[{"from":540,"to":1080},null,null,null,null,null,null]},"out_of_hours_reply":"","auto_close_after_secs":3600,"distribution":"all_at_once","queue":[],"offer_timeout_secs":60,"no_agent_reply":"","allowed_origins":[],"require_identity":false,"files":{"max_bytes":10485760,"categories":["images","documents","archives"]},"prechat":[],"offline_form":false,"rating":"thumbs","look":{"color":"#1f5eff","position":"right","icon":"chat"}}"##;
        assert_eq!(serde_json::to_string(&s).unwrap(), json);
        assert_eq!(serde_json::from_str::<ChannelSettings>(json).unwrap(), s);
        // Settings saved before the automatic fields existed still load.
        let old: ChannelSettings =
            serde_json::from_str(r#"{"id":"web","name":"Web","greeting":"Hi"}"#).unwrap();
        assert_eq!(old.auto_close_after_secs, None);
        assert_eq!(old.files, crate::files::FileRules::default(), "C1: files allowed by default");
        assert!(old.prechat.is_empty() && !old.offline_form, "W4: no forms unless asked for");
        assert_eq!((old.distribution, old.offer_timeout_secs), (Distribution::AllAtOnce, 60));
    }

    #[test]
    fn allowed_origins_limit_where_the_widget_runs() {
        let mut s = ChannelSettings::new(ChannelId::parse("web").unwrap(), "Web".into(), "".into());
        assert!(s.origin_allowed("https://anywhere.example"), "no list: any site");
        s.allowed_origins = vec!["https://Shop.example/".into(), "http://localhost:8080".into()];
        assert_eq!(s.validate(), Ok(()));
        assert!(s.origin_allowed("https://shop.example"));
        assert!(s.origin_allowed("http://localhost:8080"));
        assert!(!s.origin_allowed("http://shop.example"), "the scheme counts");
        assert!(!s.origin_allowed("https://shop.example.evil"));
        assert!(!s.origin_allowed("https://evil.example"));
        assert!(!s.origin_allowed("null"));
        for bad in ["shop.example", "https://shop.example/path", "https://*.example", "ftp://x"] {
            s.allowed_origins = vec![bad.into()];
            assert!(s.validate().is_err(), "{bad} accepted");
        }
    }
}
