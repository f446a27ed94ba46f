//! The keys a contact is matched by (R1), each in one normal form so that equal means the same
//! person: `Email` (trimmed, lower case) and `Phone` (E.164).
//!
//! Both are parsed, never trusted: deserializing checks the form too, as ids do. So the rules
//! here may be loosened once contacts are stored, never tightened, or a stored contact stops
//! reading.

use serde::{Deserialize, Serialize};
use std::fmt;

#[cfg(feature = "phone")]
use super::Country;

/// An email address in its matching form: trimmed and in lower case.
///
/// The whole address is lower-cased, the local part too: RFC 5321 lets a server tell `Ana@` from
/// `ana@`, but no mail provider a customer uses does, and a customer types both. Nothing else
/// is folded: dots and `+tags` mean the same mailbox at some providers and different ones at
/// others, and joining two people is worse than missing one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// `" Ana@Example.ES "` → `ana@example.es`; `None` unless `local@domain.tld`-shaped: one
    /// `@`, something before it, a dot in the domain with no empty label, no spaces, no control
    /// characters or the specials of a display form (`<>()[],;:"\`), at most 254 characters.
    pub fn parse(raw: &str) -> Option<Email> {
        let email = raw.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let shaped = !local.is_empty()
            && domain.contains('.')
            && domain.split('.').all(|label| !label.is_empty())
            && !domain.contains('@')
            && email.chars().count() <= MAX_EMAIL_CHARS
            && !email.chars().any(|c| c.is_whitespace() || c.is_control() || SPECIALS.contains(c));
        shaped.then_some(Email(email))
    }

    /// The address, as matched and stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// RFC 5321's limit on a path, the same as `contact::Contact::checked`'s.
const MAX_EMAIL_CHARS: usize = 254;

/// Characters that only a display form (`Ana <ana@example.es>`) or a quoted local part has.
const SPECIALS: &str = "<>()[],;:\"\\";

/// A phone number in E.164: `+`, a country code, the national number; at most 15 digits, the
/// first not `0` (`^\+[1-9][0-9]{1,14}$`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    /// A number already in E.164 (as stored, or from a connector that sends E.164), checked for
    /// its shape only: read as it is, never reinterpreted.
    pub fn from_e164(raw: &str) -> Option<Phone> {
        let digits = raw.strip_prefix('+')?;
        let shaped = (2..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        shaped.then(|| Phone(raw.to_owned()))
    }

    /// A number as a person types it, international (`+34 612 34 56 78`, `0034 612…`) or
    /// national in `default_country` (`612 345 678` in ES), in E.164; `None` if it is not a
    /// number of its country. The rules and their traps are in `crm/phone.rs`.
    #[cfg(feature = "phone")]
    pub fn parse(raw: &str, default_country: Option<Country>) -> Option<Phone> {
        super::phone::to_e164(raw, default_country).and_then(|e164| Phone::from_e164(&e164))
    }

    /// The number in E.164.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_newtype_serde {
    ($name:ident, $parse:path, $what:literal) => {
        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(raw: String) -> Result<Self, String> {
                $parse(&raw).ok_or_else(|| format!("{raw:?} is not {}", $what))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_newtype_serde!(Email, Email::parse, "an email address");
string_newtype_serde!(Phone, Phone::from_e164, "a phone number in E.164");

#[cfg(test)]
mod tests {
    use super::*;

    /// `raw` → the matching form, or `None` for refused.
    fn check_email(raw: &str, expected: Option<&str>) {
        assert_eq!(Email::parse(raw).as_ref().map(Email::as_str), expected, "{raw:?}");
    }

    #[test]
    fn r1_emails_are_trimmed_lower_cased_and_shaped() {
        check_email(" Ana.Garcia+shop@Example.ES ", Some("ana.garcia+shop@example.es"));
        check_email("ANA@EXAMPLE.CO.UK", Some("ana@example.co.uk"));
        check_email("josé@correo.es", Some("josé@correo.es"));
        check_email("ÉLODIE@exemple.fr", Some("élodie@exemple.fr"));
        check_email(
            &format!("{}@example.es", "a".repeat(243)),
            Some(&*format!("{}@example.es", "a".repeat(243))),
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.es",
            "ana@example",
            "ana@example.",
            "ana@.es",
            "ana@example..es",
            "ana@@example.es",
            "ana@b@example.es",
            "ana garcia@example.es",
            "ana@exam ple.es",
            "Ana <ana@example.es>",
            "\"ana\"@example.es",
            "ana@example.es,bob@example.es",
            "ana\u{0}@example.es",
            &format!("{}@example.es", "a".repeat(244)),
        ] {
            check_email(bad, None);
        }
    }

    #[test]
    fn r1_phones_in_e164_are_read_by_their_shape_alone() {
        for good in ["+34612345678", "+12", "+123456789012345", "+390612345678"] {
            assert_eq!(Phone::from_e164(good).as_ref().map(Phone::as_str), Some(good));
        }
        for bad in
            ["34612345678", "+0612345678", "+1", "+1234567890123456", "+34 612", "+34-612", ""]
        {
            assert_eq!(Phone::from_e164(bad), None, "{bad:?} accepted");
        }
    }

    #[test]
    fn snapshot_email_and_phone() {
        let email = Email::parse("Ana@Example.es").unwrap();
        assert_eq!(serde_json::to_string(&email).unwrap(), r#""ana@example.es""#);
        assert_eq!(serde_json::from_str::<Email>(r#""ana@example.es""#).unwrap(), email);
        assert!(serde_json::from_str::<Email>(r#""ana""#).is_err());
        let phone = Phone::from_e164("+34612345678").unwrap();
        assert_eq!(serde_json::to_string(&phone).unwrap(), r#""+34612345678""#);
        assert_eq!(serde_json::from_str::<Phone>(r#""+34612345678""#).unwrap(), phone);
        assert!(serde_json::from_str::<Phone>(r#""612 345 678""#).is_err());
    }
}
