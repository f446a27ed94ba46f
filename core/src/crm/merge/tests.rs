//! Merges as a table: two contacts and what the survivor becomes, or why the merge is refused;
//! and every link kept, whatever the two held.

use super::*;
use crate::crm::{Email, Phone};

/// `A name=Ana u=42 e=ana@x.es p=+34612345678 co=Tienda merged`: contact `c_A`.
fn contact(spec: &str) -> CrmContact {
    let mut words = spec.split_whitespace();
    let id = ContactId::parse(&format!("c_{}", words.next().unwrap())).unwrap();
    let mut contact = CrmContact::new(id, 1);
    for word in words {
        match word.split_once('=').unwrap_or((word, "")) {
            ("name", v) => contact.name = v.into(),
            ("co", v) => contact.company = v.into(),
            ("u", v) => contact.user_id = Some(v.into()),
            ("e", v) => contact.emails.push(Email::parse(v).unwrap()),
            ("p", v) => contact.phones.push(Phone::from_e164(v).unwrap()),
            ("merged", _) => contact.merged_into = ContactId::parse("c_Z"),
            _ => panic!("unknown word {word:?} in {spec:?}"),
        }
    }
    contact
}

fn links(dialogs: &[&str], deals: &[&str], form_answers: &[&str], orders: &[&str]) -> ContactLinks {
    let strings = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect();
    ContactLinks {
        dialogs: dialogs.iter().map(|d| DialogId::parse(d).unwrap()).collect(),
        deals: strings(deals),
        form_answers: strings(form_answers),
        orders: strings(orders),
    }
}

/// Every link, named with its kind: `dialog:web-v_1`, `order:o_1`.
fn flat(links: &ContactLinks) -> Vec<String> {
    let dialogs = links.dialogs.iter().map(|d| format!("dialog:{d}"));
    let deals = links.deals.iter().map(|d| format!("deal:{d}"));
    let answers = links.form_answers.iter().map(|f| format!("form_answer:{f}"));
    let orders = links.orders.iter().map(|o| format!("order:{o}"));
    dialogs.chain(deals).chain(answers).chain(orders).collect()
}

/// Each row: why, the survivor, the merged contact, the survivor after (or the refusal).
fn check(rows: &[(&str, &str, &str, Result<&str, MergeRefusal>)]) {
    for (why, survivor, merged, expected) in rows {
        let (survivor, merged) = (contact(survivor), contact(merged));
        let got = super::merge(&survivor, &merged, &ContactLinks::default());
        match (got, expected) {
            (Ok(done), Ok(expected)) => {
                assert_eq!(done.survivor, contact(expected), "{why}");
                let tombstone = CrmContact {
                    merged_into: Some(survivor.id.clone()),
                    ..CrmContact::new(merged.id.clone(), merged.created_at)
                };
                assert_eq!(done.tombstone, tombstone, "{why}: a tombstone holds no values");
            }
            (got, expected) => assert_eq!(got.map(|_| ()), expected.clone().map(|_| ()), "{why}"),
        }
    }
}

#[test]
fn r3_merge_keeps_the_survivors_primaries_and_adds_the_others_values() {
    let gone = |id: &str| MergeRefusal::AlreadyMerged {
        id: ContactId::parse(id).unwrap(),
        into: ContactId::parse("c_Z").unwrap(),
    };
    check(&[
        (
            "the other's values become secondary",
            "A name=Ana e=ana@x.es p=+34612345678",
            "B name=Ana_G e=ana@work.es p=+34699999999",
            Ok("A name=Ana e=ana@x.es e=ana@work.es p=+34612345678 p=+34699999999"),
        ),
        (
            "shared values once",
            "A e=ana@x.es p=+34612345678",
            "B e=ana@x.es e=ana@work.es p=+34612345678",
            Ok("A e=ana@x.es e=ana@work.es p=+34612345678"),
        ),
        ("a user id moves over", "A e=ana@x.es", "B u=42", Ok("A u=42 e=ana@x.es")),
        ("the survivor's user id stays", "A u=42", "B e=ana@x.es", Ok("A u=42 e=ana@x.es")),
        ("the same user id", "A u=42", "B u=42 p=+34612345678", Ok("A u=42 p=+34612345678")),
        (
            "an empty name or company is filled",
            "A e=ana@x.es",
            "B name=Ana co=Tienda",
            Ok("A name=Ana co=Tienda e=ana@x.es"),
        ),
        (
            "a survivor without email takes the other's first",
            "A name=Ana",
            "B e=ana@x.es e=ana@work.es",
            Ok("A name=Ana e=ana@x.es e=ana@work.es"),
        ),
        ("two user ids", "A u=42", "B u=7", Err(MergeRefusal::DifferentUserIds)),
        ("itself", "A e=ana@x.es", "A e=ana@x.es", Err(MergeRefusal::SameContact)),
        ("into a tombstone", "A merged", "B", Err(gone("c_A"))),
        ("a tombstone", "A", "B merged", Err(gone("c_B"))),
    ]);
}

#[test]
fn r3_merge_refusals_have_stable_codes() {
    assert_eq!(MergeRefusal::SameContact.code(), ErrorCode::MergeSameContact);
    assert_eq!(MergeRefusal::DifferentUserIds.code(), ErrorCode::MergeUserIdsDiffer);
    let gone = MergeRefusal::AlreadyMerged {
        id: ContactId::parse("c_B").unwrap(),
        into: ContactId::parse("c_A").unwrap(),
    };
    assert_eq!(gone.code(), ErrorCode::ContactMerged);
}

#[test]
fn r3_merge_keeps_every_link() {
    let a = links(&["web-v_1"], &["deal_1"], &[], &["o_1", "o_2"]);
    // (the merged contact's links, what moves to the survivor)
    for (b, moves) in [
        (ContactLinks::default(), ContactLinks::default()),
        (
            links(&["web-v_2", "tg-9"], &["deal_2"], &["fa_1"], &["o_3"]),
            links(&["web-v_2", "tg-9"], &["deal_2"], &["fa_1"], &["o_3"]),
        ),
        // A link listed twice moves once.
        (links(&["web-v_2", "web-v_2"], &[], &[], &[]), links(&["web-v_2"], &[], &[], &[])),
    ] {
        let done = super::merge(&contact("A"), &contact("B"), &b).unwrap();
        assert_eq!(done.moves, moves);
        let kept = flat(&a.clone().joined(&done.moves));
        let both = [flat(&a), flat(&b)].concat();
        assert!(both.iter().all(|link| kept.contains(link)), "{both:?} lost some in {kept:?}");
        let mut unique = kept.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), kept.len(), "{kept:?} holds a link twice");
    }
    assert!(ContactLinks::default().is_empty() && !a.is_empty());
}

#[test]
fn snapshot_contact_links() {
    let moves = links(&["web-v_2"], &["deal_2"], &["fa_1"], &["o_3"]);
    let json =
        r#"{"dialogs":["web-v_2"],"deals":["deal_2"],"form_answers":["fa_1"],"orders":["o_3"]}"#;
    assert_eq!(serde_json::to_string(&moves).unwrap(), json);
    assert_eq!(serde_json::from_str::<ContactLinks>(json).unwrap(), moves);
    assert_eq!(serde_json::to_string(&ContactLinks::default()).unwrap(), "{}");
    assert_eq!(serde_json::from_str::<ContactLinks>("{}").unwrap(), ContactLinks::default());
}
