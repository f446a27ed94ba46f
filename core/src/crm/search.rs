//! How contacts are found (R1): the words a contact is indexed by, and a query as an agent types
//! it turned into a full-text expression (SQLite FTS5) that finds contacts having every typed
//! word as the start of one of theirs. The store folds accents and case (its tokenizer).

use super::CrmContact;

/// Longest query read, in characters: past it, an agent is pasting, not searching.
const MAX_QUERY_CHARS: usize = 100;

/// Every word a contact is found by: their name, company, emails (split into their words by the
/// tokenizer: `ana.ruiz@example.com` is found by `ana`, `ruiz`, `example`), and each phone's
/// digits in E.164 without the `+` (`+34612345678` is found by `346`, not by `612`: a prefix
/// index finds starts of words).
pub fn search_words(contact: &CrmContact) -> String {
    let mut words = vec![contact.name.clone(), contact.company.clone()];
    words.extend(contact.emails.iter().map(|e| e.as_str().to_owned()));
    for phone in &contact.phones {
        let digits = phone.as_str().trim_start_matches('+');
        words.push(digits.to_owned());
    }
    words.retain(|w| !w.is_empty());
    words.join(" ")
}

/// The FTS5 expression for what an agent typed: each word (letters and digits, split at
/// anything else) as a quoted prefix, all required. `None` when nothing searchable was typed:
/// the list shows every contact.
pub fn search_expression(query: &str) -> Option<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let terms: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::{Email, Phone};
    use crate::ids::ContactId;

    #[test]
    fn r1_a_query_is_every_typed_word_as_a_prefix_and_nothing_else() {
        let cases = [
            ("jos", Some(r#""jos"*"#)),
            ("  Ana  María ", Some(r#""Ana"* AND "María"*"#)),
            ("ana.ru", Some(r#""ana"* AND "ru"*"#)),
            ("+44 7700", Some(r#""44"* AND "7700"*"#)),
            // FTS5 syntax typed by an agent is words to find, never operators.
            (r#"a" OR "b"#, Some(r#""a"* AND "OR"* AND "b"*"#)),
            ("NEAR(x y)", Some(r#""NEAR"* AND "x"* AND "y"*"#)),
            ("", None),
            (" .,;-+ ", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(search_expression(typed).as_deref(), expected, "{typed:?}");
        }
        assert_eq!(search_expression(&"x".repeat(500)).map(|e| e.len()), Some(100 + 3));
    }

    #[test]
    fn r1_a_contact_is_found_by_name_company_emails_and_phone_digits() {
        let mut contact = CrmContact::new(ContactId::parse("ct_1").unwrap(), 0);
        contact.learn_name("  José Núñez ");
        contact.company = "Tienda Sol".into();
        contact.emails = vec![Email::parse("jose@tienda.es").unwrap()];
        contact.phones = vec![Phone::from_e164("+34699000111").unwrap()];
        assert_eq!(search_words(&contact), "José Núñez Tienda Sol jose@tienda.es 34699000111");
        contact.learn_name("Pepe");
        assert_eq!(contact.name, "José Núñez", "the first name given stays");
    }
}
