//! Mentions of colleagues in the composer (C2): typing `@` and the start of a name offers the
//! workspace's agents; picking one writes `@Full Name `. The message carries the ids of the
//! colleagues still named in its text, and their bubbles show each `@Name` highlighted. The
//! customer reads the text as written (core's `view` drops the list).

use openline_core::event::AgentRef;
use openline_core::ids::AgentId;

/// Longest name fragment after `@` that still counts as looking for someone.
const MAX_QUERY_CHARS: usize = 30;

/// The `@` being typed at the end of the draft: its byte index and what follows it. The `@`
/// starts the draft or a word; what follows stays on one line.
pub fn query(draft: &str) -> Option<(usize, &str)> {
    let at = draft.rfind('@')?;
    let before = draft[..at].chars().next_back();
    if before.is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let rest = &draft[at + 1..];
    (!rest.contains('\n') && rest.chars().count() <= MAX_QUERY_CHARS).then_some((at, rest))
}

/// The agents whose name starts with `query`, or has a word that does (case aside).
pub fn matching<'a>(agents: &'a [AgentRef], query: &str) -> Vec<&'a AgentRef> {
    let query = query.to_lowercase();
    agents
        .iter()
        .filter(|a| {
            let name = a.name.to_lowercase();
            name.starts_with(&query) || name.split_whitespace().any(|w| w.starts_with(&query))
        })
        .collect()
}

/// The draft with the `@query` at `at` replaced by `@Name `.
pub fn complete(draft: &str, at: usize, name: &str) -> String {
    format!("{}@{name} ", &draft[..at])
}

/// Of the colleagues picked while writing, those whose `@Name` is still in the text.
pub fn still_named(text: &str, picked: &[AgentRef]) -> Vec<AgentId> {
    let mut ids: Vec<AgentId> = Vec::new();
    for a in picked {
        if text.contains(&format!("@{}", a.name)) && !ids.contains(&a.id) {
            ids.push(a.id.clone());
        }
    }
    ids
}

/// The text in runs, each `(run, is a mention)`, for highlighting.
pub fn runs(text: &str, mentions: &[AgentRef]) -> Vec<(String, bool)> {
    let mut runs = Vec::new();
    let mut rest = text;
    loop {
        let next = mentions
            .iter()
            .filter_map(|a| {
                let tag = format!("@{}", a.name);
                rest.find(&tag).map(|i| (i, tag.len()))
            })
            .min();
        let Some((i, len)) = next else { break };
        if i > 0 {
            runs.push((rest[..i].to_owned(), false));
        }
        runs.push((rest[i..i + len].to_owned(), true));
        rest = &rest[i + len..];
    }
    if !rest.is_empty() || runs.is_empty() {
        runs.push((rest.to_owned(), false));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(id: &str, name: &str) -> AgentRef {
        AgentRef { id: AgentId::parse(id).unwrap(), name: name.into() }
    }

    #[test]
    fn c2_an_at_at_the_start_of_a_word_asks_for_a_colleague() {
        assert_eq!(query("@"), Some((0, "")));
        assert_eq!(query("hola @lu"), Some((5, "lu")));
        assert_eq!(query("hola @Luis Ro"), Some((5, "Luis Ro")));
        assert_eq!(query("correo a@b"), None, "an address, not a mention");
        assert_eq!(query("@luis\nya"), None);
        assert_eq!(query("sin arroba"), None);
        let team = [agent("a_luis", "Luis Romero"), agent("a_marta", "Marta Vidal")];
        let names = |q| matching(&team, q).iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        assert_eq!(names("lu"), ["Luis Romero"]);
        assert_eq!(names("vid"), ["Marta Vidal"], "any word of the name");
        assert_eq!(names(""), ["Luis Romero", "Marta Vidal"]);
        assert_eq!(complete("hola @lu", 5, "Luis Romero"), "hola @Luis Romero ");
    }

    #[test]
    fn c2_only_colleagues_still_named_are_mentioned_and_highlighted() {
        let luis = agent("a_luis", "Luis Romero");
        let marta = agent("a_marta", "Marta Vidal");
        let picked = [luis.clone(), marta.clone(), luis.clone()];
        let ids = still_named("@Luis Romero ¿lo ves?", &picked);
        assert_eq!(ids, vec![luis.id.clone()]);
        let shown = runs("Hola @Luis Romero y @Marta Vidal.", &[marta, luis]);
        let shown: Vec<(&str, bool)> = shown.iter().map(|(t, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            shown,
            [
                ("Hola ", false),
                ("@Luis Romero", true),
                (" y ", false),
                ("@Marta Vidal", true),
                (".", false)
            ]
        );
        assert_eq!(runs("", &[]), [(String::new(), false)]);
    }
}
