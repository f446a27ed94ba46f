//! What a customer tells about themselves and about the chat (W4): their contact details (from
//! the pre-chat form, the offline form or the site's `Openline.identify`), and their rating of a
//! finished conversation.

use crate::error_code::ErrorCode;
use serde::{Deserialize, Serialize};

/// A customer's contact details; an empty field is one they did not give.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

/// The fields a channel may ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactField {
    Name,
    Email,
    Phone,
}

impl ContactField {
    pub const ALL: [ContactField; 3] =
        [ContactField::Name, ContactField::Email, ContactField::Phone];
}

/// One field of a channel's pre-chat form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormField {
    pub field: ContactField,
    pub required: bool,
}

/// The offline form's fields (W4): a name if they like, and the email the answer goes to. The
/// customer's message goes with them.
pub const OFFLINE_FORM: [FormField; 2] = [
    FormField { field: ContactField::Name, required: false },
    FormField { field: ContactField::Email, required: true },
];

/// The form a customer fills before writing (W4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Intake<'a> {
    pub fields: &'a [FormField],
    /// The offline form: nobody can answer now, and the customer's message goes with it.
    pub offline: bool,
}

/// The form for a channel with pre-chat fields `prechat` and the offline form on or off, while
/// someone can answer (`staffed`) or not: the offline form when it is on and nobody can,
/// otherwise the pre-chat form (no fields: none).
pub fn intake(prechat: &[FormField], offline_form: bool, staffed: bool) -> Intake<'_> {
    let offline = offline_form && !staffed;
    Intake { fields: if offline { &OFFLINE_FORM } else { prechat }, offline }
}

/// The first required field of `form` that `contact` leaves empty.
pub fn first_missing(form: &[FormField], contact: &Contact) -> Option<ContactField> {
    form.iter().find(|f| f.required && contact.get(f.field).trim().is_empty()).map(|f| f.field)
}

/// Why contact details are refused; `code()` is stable for clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactProblem {
    /// A required field is empty.
    Missing(ContactField),
    /// A field is not of its shape (an email without `@`, a phone of letters) or too long.
    Invalid(ContactField),
    /// Nothing was given at all.
    Empty,
}

impl ContactProblem {
    pub fn code(self) -> ErrorCode {
        match self {
            ContactProblem::Missing(_) => ErrorCode::ContactMissing,
            ContactProblem::Invalid(_) => ErrorCode::ContactInvalid,
            ContactProblem::Empty => ErrorCode::ContactEmpty,
        }
    }

    pub fn field(self) -> Option<ContactField> {
        match self {
            ContactProblem::Missing(f) | ContactProblem::Invalid(f) => Some(f),
            ContactProblem::Empty => None,
        }
    }
}

const MAX_EMAIL_CHARS: usize = 254;
const MAX_PHONE_CHARS: usize = 30;

impl Contact {
    pub fn get(&self, field: ContactField) -> &str {
        match field {
            ContactField::Name => &self.name,
            ContactField::Email => &self.email,
            ContactField::Phone => &self.phone,
        }
    }

    pub fn is_empty(&self) -> bool {
        ContactField::ALL.iter().all(|f| self.get(*f).is_empty())
    }

    /// The details trimmed, each checked for its shape; at least one given.
    pub fn checked(&self) -> Result<Contact, ContactProblem> {
        let contact = Contact {
            name: self.name.trim().to_owned(),
            email: self.email.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
        };
        for field in ContactField::ALL {
            let value = contact.get(field);
            if !value.is_empty() && !valid(field, value) {
                return Err(ContactProblem::Invalid(field));
            }
        }
        if contact.is_empty() {
            return Err(ContactProblem::Empty);
        }
        Ok(contact)
    }

    /// The details as a form asks for them: every required field given, each of its shape.
    pub fn checked_for(&self, form: &[FormField]) -> Result<Contact, ContactProblem> {
        if let Some(field) = first_missing(form, self) {
            return Err(ContactProblem::Missing(field));
        }
        self.checked()
    }

    /// What is known now: these details over `earlier` ones, field by field.
    pub fn merged_over(&self, earlier: &Contact) -> Contact {
        let pick = |new: &str, old: &str| if new.is_empty() { old } else { new }.to_owned();
        Contact {
            name: pick(&self.name, &earlier.name),
            email: pick(&self.email, &earlier.email),
            phone: pick(&self.phone, &earlier.phone),
        }
    }
}

fn valid(field: ContactField, value: &str) -> bool {
    match field {
        ContactField::Name => value.chars().count() <= crate::limits::MAX_NAME_CHARS,
        ContactField::Email => {
            let Some((local, domain)) = value.split_once('@') else { return false };
            value.chars().count() <= MAX_EMAIL_CHARS
                && !local.is_empty()
                && !value.chars().any(char::is_whitespace)
                && domain.split('.').count() >= 2
                && domain.split('.').all(|part| !part.is_empty())
                && !domain.contains('@')
        }
        ContactField::Phone => {
            let digits = value.chars().filter(char::is_ascii_digit).count();
            value.chars().count() <= MAX_PHONE_CHARS
                && digits >= 6
                && value.chars().all(|c| matches!(c, '0'..='9' | ' ' | '+' | '-' | '(' | ')' | '.'))
        }
    }
}

/// How a channel asks for a rating when a conversation ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingScale {
    /// No rating.
    Off,
    /// Thumbs up or down.
    #[default]
    Thumbs,
    /// One to five stars.
    Stars,
}

/// A customer's rating of one session: thumbs (`value` 1 up, 0 down) or stars (`value` 1–5).
/// A flat struct on the wire (`{"scale":"stars","value":4}`): cheap for the widget to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub scale: RatingScale,
    pub value: u8,
}

impl Rating {
    pub fn thumbs(up: bool) -> Rating {
        Rating { scale: RatingScale::Thumbs, value: u8::from(up) }
    }

    pub fn stars(stars: u8) -> Rating {
        Rating { scale: RatingScale::Stars, value: stars }
    }

    pub fn is_valid(self) -> bool {
        match self.scale {
            RatingScale::Thumbs => self.value <= 1,
            RatingScale::Stars => (1..=5).contains(&self.value),
            RatingScale::Off => false,
        }
    }

    /// "👍", "👎", "★★★★☆": the same for agents in every language.
    pub fn symbols(self) -> String {
        match self.scale {
            RatingScale::Thumbs if self.value > 0 => "👍".into(),
            RatingScale::Thumbs | RatingScale::Off => "👎".into(),
            RatingScale::Stars => {
                let stars = usize::from(self.value.min(5));
                format!("{}{}", "★".repeat(stars), "☆".repeat(5 - stars))
            }
        }
    }
}

/// Longest rating comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 1_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(name: &str, email: &str, phone: &str) -> Contact {
        Contact { name: name.into(), email: email.into(), phone: phone.into() }
    }

    #[test]
    fn w4_the_offline_form_replaces_the_pre_chat_form_only_while_nobody_can_answer() {
        let prechat = [FormField { field: ContactField::Phone, required: true }];
        // (offline form on, someone can answer) → (offline form shown)
        for (on, staffed, offline) in
            [(true, false, true), (true, true, false), (false, false, false)]
        {
            let form = intake(&prechat, on, staffed);
            assert_eq!(form.offline, offline, "on={on} staffed={staffed}");
            let expected: &[FormField] = if offline { &OFFLINE_FORM } else { &prechat };
            assert_eq!(form.fields, expected);
        }
        assert_eq!(
            first_missing(&OFFLINE_FORM, &contact("Ana", "", "")),
            Some(ContactField::Email)
        );
        assert_eq!(first_missing(&OFFLINE_FORM, &contact("", "a@b.es", "")), None);
    }

    #[test]
    fn w4_contact_details_are_checked_for_their_shape() {
        let ok = contact(" Lucía ", "lucia@example.es ", "+34 600 12 34 56").checked().unwrap();
        assert_eq!(ok, contact("Lucía", "lucia@example.es", "+34 600 12 34 56"));
        for (bad, field) in [
            (contact("", "lucia", ""), ContactField::Email),
            (contact("", "lucia@es", ""), ContactField::Email),
            (contact("", "lu cia@example.es", ""), ContactField::Email),
            (contact("", "a@b@c.es", ""), ContactField::Email),
            (contact("", "", "call me"), ContactField::Phone),
            (contact("", "", "123"), ContactField::Phone),
            (contact(&"x".repeat(81), "", ""), ContactField::Name),
        ] {
            assert_eq!(bad.checked(), Err(ContactProblem::Invalid(field)), "{bad:?}");
        }
        assert_eq!(contact(" ", "", "").checked(), Err(ContactProblem::Empty));
    }

    #[test]
    fn w4_a_form_needs_its_required_fields() {
        let form = [
            FormField { field: ContactField::Name, required: false },
            FormField { field: ContactField::Email, required: true },
        ];
        assert_eq!(
            contact("Lucía", "", "").checked_for(&form),
            Err(ContactProblem::Missing(ContactField::Email))
        );
        assert!(contact("", "lucia@example.es", "").checked_for(&form).is_ok());
        assert_eq!(ContactProblem::Missing(ContactField::Email).code(), ErrorCode::ContactMissing);
    }

    #[test]
    fn w4_new_details_complete_the_old_ones() {
        let old = contact("Lucía", "old@example.es", "");
        let new = contact("", "lucia@example.es", "600123456");
        assert_eq!(new.merged_over(&old), contact("Lucía", "lucia@example.es", "600123456"));
    }

    #[test]
    fn w4_ratings_are_thumbs_or_one_to_five_stars() {
        assert!(Rating::thumbs(false).is_valid());
        assert!(Rating::stars(5).is_valid());
        assert!(!Rating::stars(0).is_valid() && !Rating::stars(6).is_valid());
        assert!(!Rating { scale: RatingScale::Thumbs, value: 2 }.is_valid());
        assert!(!Rating { scale: RatingScale::Off, value: 1 }.is_valid());
        assert_eq!(Rating::stars(4).symbols(), "★★★★☆");
        assert_eq!(Rating::thumbs(true).symbols(), "👍");
        let json = serde_json::to_string(&Rating::stars(4)).unwrap();
        assert_eq!(json, r#"{"scale":"stars","value":4}"#);
    }
}
