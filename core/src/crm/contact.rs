//! `CrmContact`: a contact as stored and sent to the agent app (R1). A wire and disk type: add
//! fields with defaults, never rename one (the snapshot test below holds its JSON).

use super::{Email, Identity, Phone};
use crate::ids::ContactId;
use crate::limits::MAX_NAME_CHARS;
use serde::{Deserialize, Serialize};

/// Longest company name, in characters.
pub const MAX_COMPANY_CHARS: usize = 120;

/// What an agent edits of a contact by hand: `PUT /api/agent/contacts/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactEdit {
    pub name: String,
    pub company: String,
}

/// A person the workspace knows, or the tombstone of one merged into another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmContact {
    pub id: ContactId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Every address they are known by; the first is the primary one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<Email>,
    /// Every number they are known by; the first is the primary one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// The site's own id for them, from a signed identity (W6): at most one, never replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// When the contact was made, in milliseconds since the Unix epoch.
    pub created_at: i64,
    /// Set on a tombstone: the contact this one was merged into, which now holds all it had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<ContactId>,
}

impl CrmContact {
    /// A contact that knows nothing yet: the store fills it with a new contact's `Additions`.
    pub fn new(id: ContactId, created_at: i64) -> CrmContact {
        CrmContact {
            id,
            name: String::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            user_id: None,
            company: String::new(),
            created_at,
            merged_into: None,
        }
    }

    /// What this contact is known by.
    pub(super) fn identity(&self) -> Identity {
        Identity {
            user_id: self.user_id.clone(),
            emails: self.emails.clone(),
            phones: self.phones.clone(),
        }
    }

    /// A name they gave, kept unless the contact has one: an agent's or an earlier form's stays.
    pub fn learn_name(&mut self, name: &str) {
        if self.name.is_empty() {
            self.name = name.trim().to_owned();
        }
    }

    /// The contact with the name and company an agent typed (R1), trimmed; refused, saying
    /// why, when one is too long or the contact was merged away.
    pub fn edited(&self, edit: &ContactEdit) -> Result<CrmContact, String> {
        if self.is_merged() {
            return Err("This contact was merged into another: edit that one.".into());
        }
        let (name, company) = (edit.name.trim(), edit.company.trim());
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(format!("A name has at most {MAX_NAME_CHARS} characters."));
        }
        if company.chars().count() > MAX_COMPANY_CHARS {
            return Err(format!("A company has at most {MAX_COMPANY_CHARS} characters."));
        }
        Ok(CrmContact { name: name.to_owned(), company: company.to_owned(), ..self.clone() })
    }

    /// Whether this is the tombstone of a merged contact (`merged_into` says where it went).
    pub fn is_merged(&self) -> bool {
        self.merged_into.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_crm_contact() {
        let ana = CrmContact {
            name: "Ana García".into(),
            emails: vec![Email::parse("ana@example.es").unwrap()],
            phones: vec![Phone::from_e164("+34612345678").unwrap()],
            user_id: Some("42".into()),
            company: "Tienda".into(),
            ..CrmContact::new(ContactId::parse("c_1").unwrap(), 1_700_000_000_000)
        };
        let json = concat!(
            r#"{"id":"c_1","name":"Ana García","emails":["ana@example.es"],"#,
            r#""phones":["+34612345678"],"user_id":"42","company":"Tienda","#,
            r#""created_at":1700000000000}"#
        );
        assert_eq!(serde_json::to_string(&ana).unwrap(), json);
        assert_eq!(serde_json::from_str::<CrmContact>(json).unwrap(), ana);

        let tombstone = CrmContact {
            merged_into: Some(ContactId::parse("c_1").unwrap()),
            ..CrmContact::new(ContactId::parse("c_2").unwrap(), 5)
        };
        let json = r#"{"id":"c_2","created_at":5,"merged_into":"c_1"}"#;
        assert_eq!(serde_json::to_string(&tombstone).unwrap(), json);
        assert_eq!(serde_json::from_str::<CrmContact>(json).unwrap(), tombstone);
        assert!(tombstone.is_merged() && !ana.is_merged());
        // A stored email or phone is checked as it is read.
        let bad = r#"{"id":"c_3","emails":["not an email"],"created_at":5}"#;
        assert!(serde_json::from_str::<CrmContact>(bad).is_err());
    }

    #[test]
    fn r1_an_agent_edits_a_contacts_name_and_company_within_limits() {
        let mut ana = CrmContact::new(ContactId::parse("ct_1").unwrap(), 0);
        ana.emails = vec![Email::parse("ana@example.es").unwrap()];
        let edit =
            |name: &str, company: &str| ContactEdit { name: name.into(), company: company.into() };
        let edited = ana.edited(&edit("  Ana García ", " Lumen SL ")).unwrap();
        assert_eq!((edited.name.as_str(), edited.company.as_str()), ("Ana García", "Lumen SL"));
        assert_eq!(edited.emails, ana.emails, "only the name and company change");
        assert!(ana.edited(&edit(&"x".repeat(81), "")).is_err());
        assert!(ana.edited(&edit("", &"x".repeat(121))).is_err());
        let gone = CrmContact { merged_into: ContactId::parse("ct_2"), ..ana.clone() };
        assert!(gone.edited(&edit("Ana", "")).is_err());
    }
}
