//! Canned responses (C7): a workspace's library of reply templates, each with a short code
//! typed as `/code` in the composer, optional folder, and placeholders filled per dialog.

use serde::{Deserialize, Serialize};

/// A wire and disk type: new fields need defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedResponse {
    pub id: String,
    #[serde(flatten)]
    pub input: CannedInput,
}

/// What an agent writes when creating or editing a canned response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CannedInput {
    /// Typed after `/` in the composer: lowercase letters, digits, `-` and `_`.
    pub code: String,
    pub title: String,
    /// May hold placeholders: `{customer_name}`, `{agent_name}`.
    pub text: String,
    #[serde(default)]
    pub folder: Option<String>,
}

pub const MAX_CODE_CHARS: usize = 32;
pub const MAX_TITLE_CHARS: usize = 80;
pub const MAX_FOLDER_CHARS: usize = 40;

/// What placeholders stand for in one dialog.
pub struct Placeholders<'a> {
    pub customer_name: &'a str,
    pub agent_name: &'a str,
}

impl CannedInput {
    /// Trims, lowercases the code, and says in a sentence what is wrong, if anything.
    pub fn normalized(mut self) -> Result<CannedInput, String> {
        self.code = self.code.trim().trim_start_matches('/').to_lowercase();
        self.title = self.title.trim().to_owned();
        self.text = self.text.trim().to_owned();
        self.folder = self.folder.map(|f| f.trim().to_owned()).filter(|f| !f.is_empty());
        let code_ok = !self.code.is_empty()
            && self.code.chars().count() <= MAX_CODE_CHARS
            && self
                .code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !code_ok {
            return Err(format!(
                "The code must have 1 to {MAX_CODE_CHARS} of a-z, 0-9, - and _ (it is typed as /code)."
            ));
        }
        if self.title.is_empty() || self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("The title must have 1 to {MAX_TITLE_CHARS} characters."));
        }
        if self.text.is_empty() || self.text.chars().count() > crate::limits::MAX_MESSAGE_CHARS {
            return Err(format!(
                "The text must have 1 to {} characters.",
                crate::limits::MAX_MESSAGE_CHARS
            ));
        }
        if self.folder.as_ref().is_some_and(|f| f.chars().count() > MAX_FOLDER_CHARS) {
            return Err(format!(
                "The folder name must have at most {MAX_FOLDER_CHARS} characters."
            ));
        }
        Ok(self)
    }
}

impl CannedResponse {
    /// The text with its placeholders filled in for this dialog.
    pub fn fill(&self, with: &Placeholders<'_>) -> String {
        self.input
            .text
            .replace("{customer_name}", with.customer_name)
            .replace("{agent_name}", with.agent_name)
    }
}

/// The code after `/` when the composer holds only a shortcut (`/hello`), else `None`.
pub fn shortcut(composer: &str) -> Option<&str> {
    let code = composer.trim().strip_prefix('/')?;
    (!code.is_empty() && !code.contains(char::is_whitespace)).then_some(code)
}

/// Responses matching `query`: codes starting with it first, then titles, texts and folders
/// containing it (case-insensitive), each group in library order.
pub fn search<'a>(library: &'a [CannedResponse], query: &str) -> Vec<&'a CannedResponse> {
    let query = query.trim().trim_start_matches('/').to_lowercase();
    let by_code = library.iter().filter(|r| r.input.code.starts_with(&query));
    let by_words = library.iter().filter(|r| {
        !r.input.code.starts_with(&query)
            && [Some(&r.input.title), Some(&r.input.text), r.input.folder.as_ref()]
                .into_iter()
                .flatten()
                .any(|field| field.to_lowercase().contains(&query))
    });
    by_code.chain(by_words).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canned(code: &str, title: &str, text: &str) -> CannedResponse {
        CannedResponse {
            id: format!("c_{code}"),
            input: CannedInput {
                code: code.into(),
                title: title.into(),
                text: text.into(),
                folder: None,
            },
        }
    }

    #[test]
    fn c7_placeholders_are_filled_per_dialog() {
        let r = canned("hello", "Greeting", "Hola {customer_name}, soy {agent_name}. {unknown}");
        let filled = r.fill(&Placeholders { customer_name: "Marta", agent_name: "Luis" });
        assert_eq!(filled, "Hola Marta, soy Luis. {unknown}");
    }

    #[test]
    fn c7_a_lone_slash_code_is_a_shortcut() {
        let cases = [
            ("/hello", Some("hello")),
            ("  /envio-48h ", Some("envio-48h")),
            ("/", None),
            ("hello", None),
            ("/a b", None),
        ];
        for (input, expected) in cases {
            assert_eq!(shortcut(input), expected, "{input:?}");
        }
    }

    #[test]
    fn c7_search_puts_code_matches_first() {
        let library = [
            canned("thanks", "Gracias", "Gracias por escribirnos"),
            canned("shipping", "Envíos", "Enviamos en 48 h; gracias"),
            canned("hello", "Saludo", "Hola"),
        ];
        let codes =
            |q: &str| search(&library, q).iter().map(|r| r.input.code.as_str()).collect::<Vec<_>>();
        assert_eq!(codes("/th"), ["thanks"]);
        assert_eq!(codes("gracias"), ["thanks", "shipping"]);
        assert_eq!(codes("SH"), ["shipping"]);
        assert_eq!(codes(""), ["thanks", "shipping", "hello"]);
    }

    #[test]
    fn c7_inputs_are_normalized_or_refused_with_a_reason() {
        let ok = CannedInput {
            code: " /Hello ".into(),
            title: " Saludo ".into(),
            text: "Hola".into(),
            folder: Some(" ".into()),
        };
        let n = ok.normalized().unwrap();
        assert_eq!((n.code.as_str(), n.title.as_str(), n.folder), ("hello", "Saludo", None));
        let bad = [
            CannedInput {
                code: "he llo".into(),
                title: "t".into(),
                text: "x".into(),
                folder: None,
            },
            CannedInput { code: "".into(), title: "t".into(), text: "x".into(), folder: None },
            CannedInput { code: "ok".into(), title: "".into(), text: "x".into(), folder: None },
            CannedInput { code: "ok".into(), title: "t".into(), text: " ".into(), folder: None },
            CannedInput {
                code: "ok".into(),
                title: "t".into(),
                text: "x".into(),
                folder: Some("f".repeat(41)),
            },
        ];
        for input in bad {
            assert!(input.clone().normalized().is_err(), "{input:?}");
        }
    }

    #[test]
    fn snapshot_canned_response() {
        let r = CannedResponse {
            id: "c_1".into(),
            input: CannedInput {
                code: "hello".into(),
                title: "Saludo".into(),
                text: "Hola".into(),
                folder: Some("General".into()),
            },
        };
        let json =
            r#"{"id":"c_1","code":"hello","title":"Saludo","text":"Hola","folder":"General"}"#;
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
        assert_eq!(serde_json::from_str::<CannedResponse>(json).unwrap(), r);
    }
}
