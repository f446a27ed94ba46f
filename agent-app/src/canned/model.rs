//! The plain logic of canned responses in the app (C7): the composer's `/query` (what the
//! suggestions are filtered by and what an inserted response replaces), expanding an exact
//! `/code`, and the library grouped by folder. Matching itself is core's `search`.

use openline_core::canned::{search, shortcut, CannedResponse, Placeholders};

/// What follows a `/` that starts the composer, up to the end of its first line: the filter of
/// the suggestions. `None` when the draft does not start with `/`.
pub fn slash_query(draft: &str) -> Option<&str> {
    let rest = draft.strip_prefix('/')?;
    Some(rest.split('\n').next().unwrap_or_default())
}

/// The draft with its `/query` line replaced by `filled`; later lines stay.
pub fn replace_query(draft: &str, filled: &str) -> String {
    match draft.split_once('\n') {
        Some((_, rest)) if draft.starts_with('/') => format!("{filled}\n{rest}"),
        _ => filled.to_owned(),
    }
}

/// The suggestions for the draft, best first (a response whose code is exactly the query before
/// all, so Enter on `/code` picks it); empty when it is not a `/query`.
pub fn suggestions<'a>(library: &'a [CannedResponse], draft: &str) -> Vec<&'a CannedResponse> {
    let Some(query) = slash_query(draft) else { return Vec::new() };
    let mut found = search(library, query);
    let exact = query.trim().to_lowercase();
    if let Some(i) = found.iter().position(|r| r.input.code == exact) {
        let r = found.remove(i);
        found.insert(0, r);
    }
    found
}

/// A draft that is exactly `/code` of a response, expanded; `None` otherwise (it is sent as is).
pub fn expand(library: &[CannedResponse], draft: &str, with: &Placeholders<'_>) -> Option<String> {
    let code = shortcut(draft)?.to_lowercase();
    library.iter().find(|r| r.input.code == code).map(|r| r.fill(with))
}

/// The library by folder: responses without one first, then folders by name; each group by code.
pub fn by_folder<'a>(
    responses: impl IntoIterator<Item = &'a CannedResponse>,
) -> Vec<(Option<String>, Vec<&'a CannedResponse>)> {
    let mut groups: Vec<(Option<String>, Vec<&CannedResponse>)> = Vec::new();
    for r in responses {
        match groups.iter_mut().find(|(f, _)| *f == r.input.folder) {
            Some((_, list)) => list.push(r),
            None => groups.push((r.input.folder.clone(), vec![r])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, list) in &mut groups {
        list.sort_by(|a, b| a.input.code.cmp(&b.input.code));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::canned::CannedInput;

    fn canned(code: &str, text: &str, folder: Option<&str>) -> CannedResponse {
        CannedResponse {
            id: format!("c_{code}"),
            input: CannedInput {
                code: code.into(),
                title: code.to_uppercase(),
                text: text.into(),
                folder: folder.map(str::to_owned),
            },
        }
    }

    #[test]
    fn c7_the_slash_query_is_the_first_line_after_a_leading_slash() {
        assert_eq!(slash_query("/"), Some(""));
        assert_eq!(slash_query("/he"), Some("he"));
        assert_eq!(slash_query("/he\nmore"), Some("he"));
        assert_eq!(slash_query("hello /he"), None);
        assert_eq!(slash_query(" /he"), None);
        assert_eq!(replace_query("/he", "Hello Marta"), "Hello Marta");
        assert_eq!(replace_query("/he\nsecond line", "Hello"), "Hello\nsecond line");
    }

    #[test]
    fn c7_suggestions_and_expansion_fill_placeholders() {
        let library = [
            canned("hello-long", "Hello! Welcome back.", None),
            canned("hello", "Hi {customer_name}, I am {agent_name}.", None),
            canned("help", "How can I help?", Some("General")),
        ];
        let codes = |d: &str| {
            suggestions(&library, d).iter().map(|r| r.input.code.clone()).collect::<Vec<_>>()
        };
        assert_eq!(codes("/hel"), ["hello-long", "hello", "help"]);
        assert_eq!(codes("/hello"), ["hello", "hello-long"], "the exact code comes first");
        assert!(codes("hello").is_empty());
        let with = Placeholders { customer_name: "Marta", agent_name: "Luis" };
        assert_eq!(expand(&library, "/hello", &with).as_deref(), Some("Hi Marta, I am Luis."));
        assert_eq!(expand(&library, " /HELP ", &with).as_deref(), Some("How can I help?"));
        assert_eq!(expand(&library, "/hel", &with), None, "a prefix is not a code");
        assert_eq!(expand(&library, "/hello there", &with), None);
    }

    #[test]
    fn c7_the_library_is_grouped_by_folder() {
        let library = [
            canned("zeta", "z", Some("Sales")),
            canned("beta", "b", None),
            canned("alpha", "a", Some("Sales")),
            canned("gamma", "g", Some("Billing")),
        ];
        let grouped = by_folder(&library);
        let groups: Vec<(Option<&str>, Vec<&str>)> = grouped
            .iter()
            .map(|(f, l)| (f.as_deref(), l.iter().map(|r| r.input.code.as_str()).collect()))
            .collect();
        assert_eq!(
            groups,
            [
                (None, vec!["beta"]),
                (Some("Billing"), vec!["gamma"]),
                (Some("Sales"), vec!["alpha", "zeta"])
            ]
        );
    }
}
