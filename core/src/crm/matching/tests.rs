//! The matching rule as a table: contacts already known, the person who arrives, and where they
//! go. Written in a small notation, read by `check`:
//!
//! - a contact: `A u=42 e=ana@example.es p=+34612345678 at=5 merged` (id `c_A`; a user id,
//!   emails, E.164 phones, when it was made, whether it is a tombstone);
//! - a person: `u=42 e=Ana@Example.es p=+34612345678` (`u=` alone: an empty user id);
//! - the outcome: `none`, `new +u=42 +e=… +p=…`, or `A +e=…` (the contact, then what it learns).

use super::*;
use crate::crm::CrmContact;

fn contact(spec: &str) -> CrmContact {
    let mut words = spec.split_whitespace();
    let id = ContactId::parse(&format!("c_{}", words.next().unwrap())).unwrap();
    let mut contact = CrmContact::new(id, 0);
    for word in words {
        match word.split_once('=').unwrap_or((word, "")) {
            ("u", v) => contact.user_id = Some(v.into()),
            ("e", v) => contact.emails.push(Email::parse(v).unwrap()),
            ("p", v) => contact.phones.push(Phone::from_e164(v).unwrap()),
            ("at", v) => contact.created_at = v.parse().unwrap(),
            ("merged", _) => contact.merged_into = ContactId::parse("c_Z"),
            _ => panic!("unknown word {word:?} in {spec:?}"),
        }
    }
    contact
}

fn person(spec: &str) -> Identity {
    let mut person = Identity::default();
    for word in spec.split_whitespace() {
        match word.split_once('=').unwrap_or((word, "")) {
            ("u", v) => person.user_id = Some(v.into()),
            ("e", v) => person.emails.push(Email::parse(v).expect(v)),
            ("p", v) => person.phones.push(Phone::from_e164(v).expect(v)),
            _ => panic!("unknown word {word:?} in {spec:?}"),
        }
    }
    person
}

fn render(outcome: Option<ContactMatch>) -> String {
    let (mut out, add) = match outcome {
        None => return "none".into(),
        Some(ContactMatch::New(add)) => ("new".to_owned(), add),
        Some(ContactMatch::Existing { id, add }) => (id.as_str()[2..].to_owned(), add),
    };
    out.extend(add.user_id.iter().map(|u| format!(" +u={u}")));
    out.extend(add.emails.iter().map(|e| format!(" +e={e}")));
    out.extend(add.phones.iter().map(|p| format!(" +p={p}")));
    out
}

/// Each row: why, the known contacts (`|` between them), the person, the outcome.
fn check(rows: &[(&str, &str, &str, &str)]) {
    for (why, contacts, who, expected) in rows {
        let known: Vec<CrmContact> =
            contacts.split('|').map(str::trim).filter(|c| !c.is_empty()).map(contact).collect();
        let got = render(match_contact(&person(who), &known));
        assert_eq!(got, *expected, "{why}: {who:?} among {contacts:?}");
        // The store's order never changes the outcome.
        let reversed: Vec<CrmContact> = known.iter().rev().cloned().collect();
        assert_eq!(render(match_contact(&person(who), &reversed)), got, "{why}, reversed");
    }
}

// Phones here are short but of E.164's shape (`+3460`): the rule compares keys, it does not
// read numbers (`r1_matching_across_phone_formats` does, below).

#[test]
fn r1_matching_user_id_then_email_then_phone() {
    check(&[
        ("the same user id", "A u=42", "u=42", "A"),
        ("user id first, then email", "A u=42 | B e=ana@x.es", "u=42 e=ana@x.es", "A +e=ana@x.es"),
        ("user id first, then phone", "A u=42 | B p=+3460", "u=42 p=+3460", "A +p=+3460"),
        ("email, whatever its case", "A e=ana@x.es", "e=ANA@X.ES", "A"),
        ("email beats phone", "A e=ana@x.es | B p=+3460", "e=ana@x.es p=+3460", "A +p=+3460"),
        (
            "email beats an older phone",
            "A e=ana@x.es at=9 | B p=+3460 at=1",
            "e=ana@x.es p=+3460",
            "A +p=+3460",
        ),
        ("phone alone", "B p=+3460", "e=ana@x.es p=+3460", "B +e=ana@x.es"),
        ("two devices, one email: one contact", "A e=ana@x.es p=+3460", "e=ana@x.es", "A"),
        ("the second device adds its phone", "A e=ana@x.es", "e=ana@x.es p=+3469", "A +p=+3469"),
        (
            "keys it has stay unlisted",
            "A e=ana@x.es p=+3460",
            "e=ana@x.es e=ana@y.es p=+3460",
            "A +e=ana@y.es",
        ),
        ("no candidate shares a key", "A e=bob@x.es", "e=ana@x.es", "new +e=ana@x.es"),
    ]);
}

#[test]
fn r1_matching_never_joins_two_user_ids() {
    check(&[
        (
            "a different user id: never",
            "A u=7 e=ana@x.es",
            "u=42 e=ana@x.es",
            "new +u=42 +e=ana@x.es",
        ),
        (
            "the next that fits",
            "A u=7 e=ana@x.es | B p=+3460",
            "u=42 e=ana@x.es p=+3460",
            "B +u=42 +e=ana@x.es",
        ),
        ("by phone neither", "A u=7 p=+3460", "u=42 p=+3460", "new +u=42 +p=+3460"),
        (
            "their user id over another's email",
            "A u=7 e=ana@x.es | B u=42",
            "u=42 e=ana@x.es",
            "B +e=ana@x.es",
        ),
        ("no user id given: a contact with one fits", "A u=7 e=ana@x.es", "e=ana@x.es", "A"),
        ("a user id learnt by a contact without", "A e=ana@x.es", "u=42 e=ana@x.es", "A +u=42"),
        ("a user id never replaced", "A u=42 e=ana@x.es", "u=42 e=ana@x.es", "A"),
    ]);
}

#[test]
fn r1_matching_empty_inputs_tombstones_and_ties() {
    check(&[
        ("nothing to know them by", "", "", "none"),
        ("nothing, among contacts", "A e=ana@x.es", "", "none"),
        ("an empty user id is none", "A u=42", "u=", "none"),
        ("a user id alone makes a contact", "", "u=42", "new +u=42"),
        (
            "every key on a new contact",
            "",
            "u=42 e=ana@x.es p=+3460",
            "new +u=42 +e=ana@x.es +p=+3460",
        ),
        (
            "the same key twice, added once",
            "",
            "e=ana@x.es e=ANA@x.es p=+3460 p=+3460",
            "new +e=ana@x.es +p=+3460",
        ),
        (
            "a tombstone is skipped",
            "A e=ana@x.es merged | B p=+3460",
            "e=ana@x.es p=+3460",
            "B +e=ana@x.es",
        ),
        ("only a tombstone", "A u=42 merged", "u=42", "new +u=42"),
        ("a candidate found twice", "A e=ana@x.es | A e=ana@x.es", "e=ana@x.es", "A"),
        ("equals: the oldest", "A e=ana@x.es at=5 | B e=ana@x.es at=2", "e=ana@x.es", "B"),
        ("equals made at once: by id", "B e=ana@x.es | A e=ana@x.es", "e=ana@x.es", "A"),
        (
            "equals by email: the one the phone names too",
            "A e=ana@x.es | B e=ana@x.es p=+3460 at=2",
            "e=ana@x.es p=+3460",
            "B",
        ),
        (
            "two emails, two contacts: the oldest",
            "A e=ana@x.es at=3 | B e=ana@y.es at=1",
            "e=ana@x.es e=ana@y.es",
            "B +e=ana@x.es",
        ),
    ]);
}

#[test]
fn r1_additions_keep_the_primary_values_first() {
    let mut ana = contact("A e=ana@x.es p=+34612345678");
    let Some(ContactMatch::Existing { add, .. }) =
        match_contact(&person("u=42 e=ana@work.es e=ana@x.es p=+34699999999"), &[ana.clone()])
    else {
        panic!("Ana is known")
    };
    add.apply_to(&mut ana);
    assert_eq!(ana, contact("A u=42 e=ana@x.es e=ana@work.es p=+34612345678 p=+34699999999"));
    let mut with_user = contact("A u=7");
    Additions { user_id: Some("42".into()), ..Additions::default() }.apply_to(&mut with_user);
    assert_eq!(with_user.user_id.as_deref(), Some("7"), "a user id is never replaced");
    assert!(Additions::default().is_empty());
}

/// The traps of `crm/phone.rs` end to end: the details as typed, read with the channel's
/// country, find the contact stored in E.164.
#[cfg(feature = "phone")]
#[test]
fn r1_matching_across_phone_formats() {
    use crate::contact::Contact;
    use crate::crm::Country;
    // (the contact's phone, the channel's country, what the customer typed)
    for (stored, country, typed) in [
        ("+34612345678", "ES", "612 34 56 78"),
        ("+34612345678", "US", "0034 612 34 56 78"),
        ("+5511981234567", "BR", "(11) 8123-4567"),
        ("+5511981234567", "BR", "(11) 98123-4567"),
        ("+525512345678", "ES", "+521 55 1234 5678"),
        ("+525512345678", "MX", "044 55 1234 5678"),
        ("+447700900123", "GB", "07700 900123"),
        ("+390612345678", "IT", "06 1234 5678"),
        ("+5491123456789", "AR", "011 15 2345-6789"),
        ("+4915123456789", "DE", "0151 23456789"),
        ("+33612345678", "FR", "06 12 34 56 78"),
        ("+14155552671", "US", "(415) 555-2671"),
        ("+919876543210", "IN", "098765 43210"),
    ] {
        let known = [contact(&format!("A p={stored}")), contact("B e=ana@x.es")];
        let typed = Contact { phone: typed.into(), ..Contact::default() };
        let who = Identity::from_contact(&typed, None, Country::parse(country));
        let outcome = render(match_contact(&who, &known));
        assert_eq!(outcome, "A", "{typed:?} in {country}");
    }
    let typed = Contact { email: " Ana@X.ES ".into(), phone: "call me".into(), name: "Ana".into() };
    let who = Identity::from_contact(&typed, Some(" 42 "), None);
    assert_eq!(who, person("u=42 e=ana@x.es"), "a phone not of its shape is left out");
    let outcome = render(match_contact(&who, &[contact("B e=ana@x.es")]));
    assert_eq!(outcome, "B +u=42");
}

#[test]
fn r1_a_person_with_no_known_key_is_their_dialogs_contact() {
    // (why, the dialog's contact, other contacts by key, the person, the outcome)
    let rows = [
        ("a signed user gives an email", "A u=42", "", "e=ines@x.es", "A +e=ines@x.es"),
        ("a phone added to the email", "A e=ana@x.es", "", "p=+3460", "A +p=+3460"),
        ("a known email wins over the dialog", "A e=ana@x.es", "B e=bea@x.es", "e=bea@x.es", "B"),
        (
            "another user id is never the dialog's",
            "A u=42",
            "",
            "u=77 e=x@x.es",
            "new +u=77 +e=x@x.es",
        ),
        ("a tombstone is not", "A merged", "", "e=x@x.es", "new +e=x@x.es"),
        ("nothing to know them by", "A", "", "", "none"),
    ];
    for (why, linked, others, who, expected) in rows {
        let linked = contact(linked);
        let known: Vec<CrmContact> =
            others.split('|').map(str::trim).filter(|c| !c.is_empty()).map(contact).collect();
        let got = render(match_in_dialog(&person(who), &known, Some(&linked)));
        assert_eq!(got, expected, "{why}");
    }
    assert_eq!(render(match_in_dialog(&person("e=x@x.es"), &[], None)), "new +e=x@x.es");
}
