//! The channel editor's model: `ChannelSettings` as the form holds it (texts as typed, times as
//! "HH:MM", minutes rather than seconds, allowed sites one per line), and the conversions both
//! ways.
//!
//! Only the form's own shapes are checked here (is this a time, a number?); whether the values
//! make sense is `ChannelSettings::validate`, the very function the server runs, so the admin
//! reads the same sentence before and after sending.

use openline_core::channel::{normalize_origin, ChannelSettings, Span, WorkingHours};
use openline_core::contact::{ContactField, FormField, RatingScale};
use openline_core::files::{FileCategory, FileRules};
use openline_core::ids::AgentId;
use openline_core::look::{LauncherIcon, Look, Side};
use openline_core::routing::Distribution;

/// One weekday's row: closed, or open from `from` to `to` ("HH:MM", as `<input type=time>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayDraft {
    pub closed: bool,
    pub from: String,
    pub to: String,
}

/// The editor's fields, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelDraft {
    pub name: String,
    pub greeting: String,
    pub auto_reply: String,
    pub out_of_hours_reply: String,
    pub no_agent_reply: String,
    pub always_open: bool,
    pub utc_offset_minutes: i16,
    /// Monday first, like `WorkingHours::days`.
    pub days: [DayDraft; 7],
    /// Empty: never close automatically.
    pub auto_close_minutes: String,
    pub distribution: Distribution,
    pub offer_timeout_secs: String,
    /// The checked agents, in offer order; empty: every agent.
    pub queue: Vec<AgentId>,
    /// The sites that may embed the widget, one origin per line; empty: any site.
    pub allowed_origins: String,
    /// Only visitors with a valid signed identity may open a chat (W6).
    pub require_identity: bool,
    /// The largest file, in megabytes as typed (C1).
    pub max_file_mb: String,
    /// The kinds of files accepted; none: no files.
    pub file_categories: Vec<FileCategory>,
    /// The pre-chat form's fields, in core's order (W4).
    pub prechat: Vec<FormField>,
    pub offline_form: bool,
    pub rating: RatingScale,
    /// The country of phone numbers typed without `+` (R1), as typed; empty: none.
    pub default_country: String,
    /// The widget's colour as typed, and its launcher's side (W5).
    pub color: String,
    pub side: Side,
    pub icon: LauncherIcon,
    /// The window's line under its title, and its message box's hint; empty: the widget's own.
    pub tagline: String,
    pub placeholder: String,
}

/// A field whose text is not of the right shape; the editor says which in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// Weekday `0..7` (Monday first) has an empty or malformed start (or `end`) time.
    Time {
        day: usize,
        end: bool,
    },
    AutoClose,
    OfferTimeout,
    MaxFileSize,
    /// This line of the allowed sites is not an http(s) origin.
    Origin(String),
}

impl DraftError {
    /// The field to put focus on.
    pub fn field_id(&self) -> String {
        match *self {
            DraftError::Time { day, end: false } => format!("channel-day-{day}-from"),
            DraftError::Time { day, end: true } => format!("channel-day-{day}-to"),
            DraftError::AutoClose => "channel-auto-close".into(),
            DraftError::OfferTimeout => "channel-offer-timeout".into(),
            DraftError::MaxFileSize => "channel-max-file".into(),
            DraftError::Origin(_) => "channel-allowed-origins".into(),
        }
    }
}

/// The draft's free texts, so one textarea component serves them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftText {
    Greeting,
    AutoReply,
    OutOfHoursReply,
    NoAgentReply,
}

impl DraftText {
    pub fn of(self, d: &ChannelDraft) -> &str {
        match self {
            DraftText::Greeting => &d.greeting,
            DraftText::AutoReply => &d.auto_reply,
            DraftText::OutOfHoursReply => &d.out_of_hours_reply,
            DraftText::NoAgentReply => &d.no_agent_reply,
        }
    }

    pub fn of_mut(self, d: &mut ChannelDraft) -> &mut String {
        match self {
            DraftText::Greeting => &mut d.greeting,
            DraftText::AutoReply => &mut d.auto_reply,
            DraftText::OutOfHoursReply => &mut d.out_of_hours_reply,
            DraftText::NoAgentReply => &mut d.no_agent_reply,
        }
    }
}

/// Offered when a channel without hours gets some: Monday to Friday, 9:00 to 18:00.
fn office_day(weekday: usize) -> DayDraft {
    DayDraft { closed: weekday >= 5, from: "09:00".into(), to: "18:00".into() }
}

impl ChannelDraft {
    /// The form for `s`. `local_offset` (the browser's UTC offset, in minutes) is the offset
    /// offered if the admin gives an always-open channel working hours.
    pub fn from_settings(s: &ChannelSettings, local_offset: i16) -> ChannelDraft {
        let days = std::array::from_fn(|i| match &s.hours {
            None => office_day(i),
            Some(h) => match h.days[i] {
                None => DayDraft { closed: true, ..office_day(i) },
                Some(span) => DayDraft {
                    closed: false,
                    from: minutes_to_time(span.from),
                    to: minutes_to_time(span.to),
                },
            },
        });
        ChannelDraft {
            name: s.name.clone(),
            greeting: s.greeting.clone(),
            auto_reply: s.auto_reply.clone(),
            out_of_hours_reply: s.out_of_hours_reply.clone(),
            no_agent_reply: s.no_agent_reply.clone(),
            always_open: s.hours.is_none(),
            utc_offset_minutes: s.hours.as_ref().map_or(local_offset, |h| h.utc_offset_minutes),
            days,
            auto_close_minutes: secs_to_minutes(s.auto_close_after_secs),
            distribution: s.distribution,
            offer_timeout_secs: s.offer_timeout_secs.to_string(),
            queue: s.queue.clone(),
            allowed_origins: s.allowed_origins.join("\n"),
            require_identity: s.require_identity,
            max_file_mb: bytes_to_mb(s.files.max_bytes),
            file_categories: s.files.categories.clone(),
            prechat: s.prechat.clone(),
            offline_form: s.offline_form,
            rating: s.rating,
            default_country: s.default_country.clone(),
            color: s.look.color.clone(),
            side: s.look.position,
            icon: s.look.icon,
            tagline: s.look.tagline.clone(),
            placeholder: s.look.placeholder.clone(),
        }
    }

    /// `base` with this form's values. Texts are sent as typed (the name trimmed).
    pub fn to_settings(&self, base: &ChannelSettings) -> Result<ChannelSettings, DraftError> {
        let hours = if self.always_open { None } else { Some(self.hours()?) };
        let auto_close_after_secs =
            minutes_to_secs(&self.auto_close_minutes).ok_or(DraftError::AutoClose)?;
        let offer_timeout_secs =
            self.offer_timeout_secs.trim().parse().map_err(|_| DraftError::OfferTimeout)?;
        let allowed_origins = origins(&self.allowed_origins)?;
        let max_bytes = mb_to_bytes(&self.max_file_mb).ok_or(DraftError::MaxFileSize)?;
        // Kept in core's order, whatever order the boxes were ticked in.
        let categories =
            FileCategory::ALL.into_iter().filter(|c| self.file_categories.contains(c)).collect();
        Ok(ChannelSettings {
            name: self.name.trim().to_owned(),
            greeting: self.greeting.clone(),
            auto_reply: self.auto_reply.clone(),
            out_of_hours_reply: self.out_of_hours_reply.clone(),
            no_agent_reply: self.no_agent_reply.clone(),
            hours,
            auto_close_after_secs,
            distribution: self.distribution,
            offer_timeout_secs,
            queue: self.queue.clone(),
            allowed_origins,
            require_identity: self.require_identity,
            files: FileRules { max_bytes, categories },
            prechat: self.prechat.clone(),
            offline_form: self.offline_form,
            rating: self.rating,
            // In capitals, as core checks it: `es` is Spain too.
            default_country: self.default_country.trim().to_ascii_uppercase(),
            look: Look {
                color: self.color.trim().to_ascii_lowercase(),
                position: self.side,
                icon: self.icon,
                tagline: self.tagline.trim().to_owned(),
                placeholder: self.placeholder.trim().to_owned(),
            },
            ..base.clone()
        })
    }

    fn hours(&self) -> Result<WorkingHours, DraftError> {
        let mut days = [None; 7];
        for (i, day) in self.days.iter().enumerate() {
            if day.closed {
                continue;
            }
            let from = time_to_minutes(&day.from, false);
            let to = time_to_minutes(&day.to, true);
            days[i] = Some(Span {
                from: from.ok_or(DraftError::Time { day: i, end: false })?,
                to: to.ok_or(DraftError::Time { day: i, end: true })?,
            });
        }
        Ok(WorkingHours { utc_offset_minutes: self.utc_offset_minutes, days })
    }
}

/// The allowed sites' lines as origins, in core's normal form (`normalize_origin`, the check
/// `validate` makes), blank lines and repeats left out.
pub fn origins(text: &str) -> Result<Vec<String>, DraftError> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let origin = normalize_origin(line).ok_or_else(|| DraftError::Origin(line.to_owned()))?;
        if !out.contains(&origin) {
            out.push(origin);
        }
    }
    Ok(out)
}

/// Moves `agent` one place earlier (`up`) or later in the queue; at an end, nothing moves.
pub fn move_in_queue(queue: &mut [AgentId], agent: &AgentId, up: bool) {
    let Some(i) = queue.iter().position(|a| a == agent) else {
        return;
    };
    let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|&j| j < queue.len()) };
    if let Some(j) = j {
        queue.swap(i, j);
    }
}

/// "HH:MM" → minutes after midnight. As the end of a span (`end`), "00:00" is the midnight
/// that ends the day (1440), so 00:00–00:00 is a whole day and 18:00–00:00 runs to midnight.
pub fn time_to_minutes(text: &str, end: bool) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    let minutes = h * 60 + m;
    Some(if end && minutes == 0 { 1440 } else { minutes })
}

/// Minutes after midnight → "HH:MM"; 1440 (the end of the day) is "00:00".
pub fn minutes_to_time(minutes: u16) -> String {
    let minutes = minutes % 1440;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The automatic-close field: empty is never; otherwise minutes, decimals allowed ("1,5"
/// too). `None` when it is not a number; range checks are `validate`'s.
pub fn minutes_to_secs(text: &str) -> Option<Option<u32>> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Some(None);
    }
    let minutes: f64 = text.parse().ok().filter(|m: &f64| m.is_finite() && *m >= 0.0)?;
    Some(Some((minutes * 60.0).round().min(f64::from(u32::MAX)) as u32))
}

/// How the pre-chat form asks for `field`: not at all, optionally, or as required.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    No,
    Optional,
    Required,
}

impl ChannelDraft {
    pub fn asks(&self, field: ContactField) -> Ask {
        match self.prechat.iter().find(|f| f.field == field) {
            None => Ask::No,
            Some(f) if f.required => Ask::Required,
            Some(_) => Ask::Optional,
        }
    }

    /// Sets how `field` is asked for, keeping the form's fields in name, email, phone order.
    pub fn set_ask(&mut self, field: ContactField, ask: Ask) {
        let mut asks: Vec<(ContactField, Ask)> =
            ContactField::ALL.iter().map(|f| (*f, self.asks(*f))).collect();
        if let Some(entry) = asks.iter_mut().find(|(f, _)| *f == field) {
            entry.1 = ask;
        }
        self.prechat = asks
            .into_iter()
            .filter(|(_, ask)| *ask != Ask::No)
            .map(|(field, ask)| FormField { field, required: ask == Ask::Required })
            .collect();
    }
}

/// The largest-file field → bytes (1 MB = 1024 × 1024 bytes); a comma works as the decimal
/// point. `None`: not a positive number.
pub fn mb_to_bytes(text: &str) -> Option<u64> {
    let mb: f64 = text.trim().replace(',', ".").parse().ok()?;
    (mb.is_finite() && mb > 0.0).then(|| (mb * 1024.0 * 1024.0).round() as u64)
}

/// Bytes → the largest-file field: whole megabytes, or one decimal.
pub fn bytes_to_mb(bytes: u64) -> String {
    let text = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Seconds → the automatic-close field: whole minutes, or up to two decimals when the server
/// holds seconds that are not (set through the API, say).
pub fn secs_to_minutes(secs: Option<u32>) -> String {
    let Some(secs) = secs else {
        return String::new();
    };
    if secs % 60 == 0 {
        return (secs / 60).to_string();
    }
    let text = format!("{:.2}", f64::from(secs) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "UTC+01:00", "UTC−05:30" (a real minus sign, which screen readers say as "minus").
pub fn offset_label(minutes: i16) -> String {
    let sign = if minutes < 0 { '−' } else { '+' };
    let abs = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// The offsets to choose from: −12:00 to +14:00 in half hours, plus `current` if it is
/// between them (Nepal's +05:45, say), so opening and saving never changes it.
pub fn offset_choices(current: i16) -> Vec<i16> {
    let mut choices: Vec<i16> = (-24..=28).map(|half_hours| half_hours * 30).collect();
    if !choices.contains(&current) {
        choices.push(current);
        choices.sort_unstable();
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::ids::ChannelId;

    fn web() -> ChannelSettings {
        ChannelSettings::new(ChannelId::parse("web").unwrap(), "Website".into(), "Hi!".into())
    }

    fn agent(id: &str) -> AgentId {
        AgentId::parse(id).unwrap()
    }

    #[test]
    fn w4_the_prechat_form_keeps_its_fields_in_order() {
        let mut draft = ChannelDraft::from_settings(&web(), 0);
        assert_eq!(draft.asks(ContactField::Email), Ask::No);
        draft.set_ask(ContactField::Phone, Ask::Optional);
        draft.set_ask(ContactField::Email, Ask::Required);
        draft.set_ask(ContactField::Name, Ask::Optional);
        draft.set_ask(ContactField::Name, Ask::No);
        let saved = draft.to_settings(&web()).unwrap();
        assert_eq!(
            saved.prechat,
            [
                FormField { field: ContactField::Email, required: true },
                FormField { field: ContactField::Phone, required: false },
            ]
        );
    }

    #[test]
    fn c1_file_limits_read_in_megabytes_and_keep_their_kinds() {
        assert_eq!(mb_to_bytes("10"), Some(10 * 1024 * 1024));
        assert_eq!(mb_to_bytes(" 2,5 "), Some(2_621_440));
        assert_eq!(mb_to_bytes("0"), None);
        assert_eq!(mb_to_bytes("lots"), None);
        assert_eq!(bytes_to_mb(10 * 1024 * 1024), "10");
        assert_eq!(bytes_to_mb(2_621_440), "2.5");
        let mut draft = ChannelDraft::from_settings(&web(), 0);
        assert_eq!(draft.max_file_mb, "10");
        draft.file_categories = vec![FileCategory::Archives, FileCategory::Images];
        draft.max_file_mb = "5".into();
        let saved = draft.to_settings(&web()).unwrap();
        assert_eq!(saved.files.categories, [FileCategory::Images, FileCategory::Archives]);
        assert_eq!(saved.files.max_bytes, 5 * 1024 * 1024);
        draft.max_file_mb = "-1".into();
        assert_eq!(draft.to_settings(&web()), Err(DraftError::MaxFileSize));
    }

    #[test]
    fn q14_times_convert_to_minutes_with_midnight_ending_the_day() {
        let cases = [
            ("09:00", false, Some(540)),
            ("18:30", true, Some(1110)),
            ("00:00", false, Some(0)),
            ("00:00", true, Some(1440)),
            ("23:59", true, Some(1439)),
            ("09:00:00", false, Some(540)), // some browsers add seconds
            ("24:00", true, None),
            ("9", false, None),
            ("", true, None),
        ];
        for (text, end, minutes) in cases {
            assert_eq!(time_to_minutes(text, end), minutes, "{text:?} end={end}");
        }
        assert_eq!(minutes_to_time(540), "09:00");
        assert_eq!(minutes_to_time(1440), "00:00");
        assert_eq!(minutes_to_time(0), "00:00");
    }

    #[test]
    fn q14_automatic_close_is_typed_in_minutes_and_sent_in_seconds() {
        assert_eq!(minutes_to_secs(""), Some(None), "empty: never");
        assert_eq!(minutes_to_secs(" 90 "), Some(Some(5400)));
        assert_eq!(minutes_to_secs("1,5"), Some(Some(90)));
        assert_eq!(minutes_to_secs("0"), Some(Some(0)), "validate() refuses it, in words");
        assert_eq!(minutes_to_secs("ten"), None);
        assert_eq!(minutes_to_secs("-5"), None);
        assert_eq!(secs_to_minutes(None), "");
        assert_eq!(secs_to_minutes(Some(5400)), "90");
        assert_eq!(secs_to_minutes(Some(90)), "1.5");
        assert_eq!(secs_to_minutes(Some(100)), "1.67");
        assert_eq!(minutes_to_secs(&secs_to_minutes(Some(100))), Some(Some(100)));
    }

    #[test]
    fn q14_offsets_are_half_hours_from_minus_12_to_plus_14_keeping_odd_ones() {
        assert_eq!(offset_label(60), "UTC+01:00");
        assert_eq!(offset_label(0), "UTC+00:00");
        assert_eq!(offset_label(-330), "UTC−05:30");
        let choices = offset_choices(60);
        assert_eq!((choices.len(), choices[0], choices[52]), (53, -720, 840));
        let nepal = offset_choices(345);
        assert_eq!(nepal.len(), 54);
        assert!(nepal.windows(2).all(|w| w[0] < w[1]), "sorted");
    }

    #[test]
    fn q14_draft_round_trips_settings() {
        let mut s = web();
        s.auto_reply = "Thanks!".into();
        s.auto_close_after_secs = Some(3600);
        s.distribution = Distribution::InOrder;
        s.default_country = "ES".into();
        s.queue = vec![agent("a_luis"), agent("a_ana")];
        s.hours = Some(WorkingHours {
            utc_offset_minutes: -300,
            days: [
                Some(Span { from: 540, to: 1080 }),
                Some(Span { from: 1320, to: 360 }), // a night shift
                Some(Span { from: 0, to: 1440 }),   // all day
                None,
                None,
                None,
                None,
            ],
        });
        let draft = ChannelDraft::from_settings(&s, 60);
        assert_eq!((draft.utc_offset_minutes, draft.auto_close_minutes.as_str()), (-300, "60"));
        assert_eq!((draft.days[2].from.as_str(), draft.days[2].to.as_str()), ("00:00", "00:00"));
        assert_eq!(draft.to_settings(&s), Ok(s.clone()));
        let always = ChannelDraft::from_settings(&web(), 60);
        assert!(always.always_open);
        assert_eq!(always.to_settings(&web()), Ok(web()));
        let typed = ChannelDraft { default_country: " gb ".into(), ..draft };
        assert_eq!(typed.to_settings(&s).map(|s| s.default_country), Ok("GB".to_owned()));
    }

    #[test]
    fn q14_giving_hours_to_an_always_open_channel_starts_from_office_hours() {
        let mut draft = ChannelDraft::from_settings(&web(), 120);
        draft.always_open = false;
        let hours = draft.to_settings(&web()).unwrap().hours.unwrap();
        assert_eq!(hours.utc_offset_minutes, 120, "the browser's offset");
        assert_eq!(hours.days[0], Some(Span { from: 540, to: 1080 }));
        assert_eq!((hours.days[4].is_some(), hours.days[5], hours.days[6]), (true, None, None));
    }

    #[test]
    fn q14_fields_of_the_wrong_shape_name_themselves() {
        let base = ChannelDraft::from_settings(&web(), 0);
        let with = |change: fn(&mut ChannelDraft)| {
            let mut d = base.clone();
            change(&mut d);
            d.to_settings(&web()).map(|_| ())
        };
        assert_eq!(with(|d| d.auto_close_minutes = "soon".into()), Err(DraftError::AutoClose));
        assert_eq!(with(|d| d.offer_timeout_secs = "1.5".into()), Err(DraftError::OfferTimeout));
        assert_eq!(
            with(|d| {
                d.always_open = false;
                d.days[3].to = String::new();
            }),
            Err(DraftError::Time { day: 3, end: true })
        );
        // A closed day's times are not read.
        assert_eq!(
            with(|d| {
                d.always_open = false;
                d.days[6].from = String::new();
            }),
            Ok(())
        );
        assert_eq!(DraftError::Time { day: 3, end: true }.field_id(), "channel-day-3-to");
    }

    #[test]
    fn w6_allowed_sites_are_one_origin_per_line() {
        let typed = "  https://Shop.example/ \n\nhttp://localhost:8080\nhttps://shop.example\n";
        assert_eq!(
            origins(typed),
            Ok(vec!["https://shop.example".to_owned(), "http://localhost:8080".to_owned()])
        );
        assert_eq!(origins(" \n "), Ok(vec![]), "empty: any site");
        assert_eq!(
            origins("https://shop.example\nshop.example/cart"),
            Err(DraftError::Origin("shop.example/cart".into()))
        );
        let mut s = web();
        s.allowed_origins = vec!["https://shop.example".into()];
        s.require_identity = true;
        let draft = ChannelDraft::from_settings(&s, 0);
        assert_eq!(
            (draft.allowed_origins.as_str(), draft.require_identity),
            ("https://shop.example", true)
        );
        assert_eq!(draft.to_settings(&web()), Ok(s));
        assert_eq!(DraftError::Origin("x".into()).field_id(), "channel-allowed-origins");
    }

    #[test]
    fn q13_queue_order_moves_one_place_and_stops_at_the_ends() {
        let mut queue = vec![agent("a"), agent("b"), agent("c")];
        move_in_queue(&mut queue, &agent("c"), true);
        assert_eq!(queue, [agent("a"), agent("c"), agent("b")]);
        move_in_queue(&mut queue, &agent("a"), true);
        move_in_queue(&mut queue, &agent("b"), false);
        move_in_queue(&mut queue, &agent("x"), false);
        assert_eq!(queue, [agent("a"), agent("c"), agent("b")]);
    }
}
