//! The emoji picker's data and rules (C4), shared by the agent app and the widget.
//!
//! The list is a static asset, `/emoji.json` (`edge/static/emoji.json`, written for Openline):
//! an array of `[emoji, English name, English keywords, Spanish name, Spanish keywords]`,
//! fetched the first time a picker opens, so it costs nothing until then. Search matches every
//! word of the query against the start of the words of both languages, ignoring case and
//! accents. `grid_step` is the keyboard's way around the grid, and `insert_at` puts the chosen
//! emoji at the caret of a text whose selection the browser gives in UTF-16 units.
//!
//! Pure, like the rest of `core`; it lives here rather than in a UI crate because both UIs use
//! it and neither may hold a second copy.

use serde::{Deserialize, Serialize};

/// One emoji of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Row", into = "Row")]
pub struct Emoji {
    pub emoji: String,
    pub name_en: String,
    pub keywords_en: String,
    pub name_es: String,
    pub keywords_es: String,
}

/// The wire form: a five-string array, a third of the size of an object.
type Row = (String, String, String, String, String);

impl From<Row> for Emoji {
    fn from((emoji, name_en, keywords_en, name_es, keywords_es): Row) -> Emoji {
        Emoji { emoji, name_en, keywords_en, name_es, keywords_es }
    }
}

impl From<Emoji> for Row {
    fn from(e: Emoji) -> Row {
        (e.emoji, e.name_en, e.keywords_en, e.name_es, e.keywords_es)
    }
}

impl Emoji {
    /// Its name in Spanish or English, for labels.
    pub fn name(&self, spanish: bool) -> &str {
        if spanish {
            &self.name_es
        } else {
            &self.name_en
        }
    }

    fn words(&self) -> impl Iterator<Item = String> + '_ {
        [&self.name_en, &self.keywords_en, &self.name_es, &self.keywords_es]
            .into_iter()
            .flat_map(|s| words(s))
    }
}

/// The emoji matching `query`, in list order; all of them for an empty query.
pub fn search<'a>(list: &'a [Emoji], query: &str) -> Vec<&'a Emoji> {
    let wanted: Vec<String> = words(query).collect();
    list.iter()
        .filter(|e| {
            let words: Vec<String> = e.words().collect();
            wanted.iter().all(|w| words.iter().any(|word| word.starts_with(w.as_str())))
        })
        .collect()
}

/// The words of a text, folded: split at ASCII spaces and punctuation, lowercase, without the
/// accents of Spanish and its neighbours ("¡Corazón!" → "corazon").
///
/// Deliberately not Unicode-wide (`is_alphanumeric`, `to_lowercase`): their tables would cost
/// the widget about 20 KB for two languages this list does not need them for.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| {
        c.is_ascii_whitespace() || c.is_ascii_punctuation() || c == '¡' || c == '¿'
    })
    .filter(|w| !w.is_empty())
    .map(|w| w.chars().map(fold).collect())
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        other => other.to_ascii_lowercase(),
    }
}

/// Where an arrow key moves the active cell of a grid of `count` cells, `columns` wide;
/// `None` for other keys. Left and right run on across rows; up and down stay in the grid.
pub fn grid_step(active: usize, key: &str, count: usize, columns: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    let active = active.min(last);
    Some(match key {
        "ArrowRight" => (active + 1).min(last),
        "ArrowLeft" => active.saturating_sub(1),
        "ArrowDown" if active + columns <= last => active + columns,
        "ArrowDown" => last,
        "ArrowUp" => active.checked_sub(columns).unwrap_or(active),
        _ => return None,
    })
}

/// `text` with `piece` in place of the selection `start..end` (UTF-16 offsets, as the
/// browser's `selectionStart`/`selectionEnd` give them), and the caret after it, in UTF-16.
/// Offsets past the end, or inside a character, fall back to the nearest valid place.
pub fn insert_at(text: &str, start: u32, end: u32, piece: &str) -> (String, u32) {
    let byte_at = |utf16: u32| {
        let mut units = 0u32;
        for (i, c) in text.char_indices() {
            if units >= utf16 {
                return i;
            }
            units += c.len_utf16() as u32;
        }
        text.len()
    };
    let (from, to) = (byte_at(start.min(end)), byte_at(start.max(end)));
    let caret = text[..from].encode_utf16().count() + piece.encode_utf16().count();
    (format!("{}{piece}{}", &text[..from], &text[to..]), caret as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> Vec<Emoji> {
        let json = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../edge/static/emoji.json"));
        serde_json::from_str(json).expect("emoji.json reads as the list")
    }

    #[test]
    fn c4_the_list_has_hundreds_of_named_emoji_in_both_languages() {
        let list = list();
        assert!(list.len() >= 300, "{}", list.len());
        let mut seen = std::collections::HashSet::new();
        for e in &list {
            assert!(seen.insert(&e.emoji), "{} twice", e.emoji);
            for text in [&e.emoji, &e.name_en, &e.keywords_en, &e.name_es, &e.keywords_es] {
                assert!(!text.trim().is_empty(), "{e:?}");
            }
        }
        let row = serde_json::to_string(&list[0]).unwrap();
        assert!(row.starts_with(r#"["😀","grinning face","#), "{row}");
    }

    #[test]
    fn c4_search_matches_word_starts_in_english_and_spanish_without_accents() {
        let list = list();
        let found = |q: &str| search(&list, q).iter().map(|e| e.emoji.as_str()).collect::<Vec<_>>();
        assert!(found("heart").contains(&"❤️"));
        assert!(found("corazon").contains(&"❤️"), "accents ignored");
        assert!(found("CORAZÓN ROJO").contains(&"❤️"));
        assert_eq!(found("corazón rojo"), ["❤️"], "every word must match");
        assert!(found("thumbs").contains(&"👍"));
        assert!(found("pulgar").contains(&"👍"));
        assert!(found("espana").contains(&"🇪🇸"));
        assert!(found("¡ESPAÑA!").contains(&"🇪🇸"), "case, accents and punctuation");
        assert!(found("xyzzy").is_empty());
        assert_eq!(found("").len(), list.len());
        assert!(!found("eart").contains(&"❤️"), "the start of a word, not the middle");
    }

    #[test]
    fn c4_arrows_move_around_the_grid_and_stay_in_it() {
        // 10 cells, 4 wide: rows 0-3, 4-7, 8-9.
        let step = |from, key| grid_step(from, key, 10, 4);
        assert_eq!(step(0, "ArrowRight"), Some(1));
        assert_eq!(step(3, "ArrowRight"), Some(4), "runs on to the next row");
        assert_eq!(step(9, "ArrowRight"), Some(9));
        assert_eq!(step(0, "ArrowLeft"), Some(0));
        assert_eq!(step(1, "ArrowDown"), Some(5));
        assert_eq!(step(6, "ArrowDown"), Some(9), "a short last row: its last cell");
        assert_eq!(step(5, "ArrowUp"), Some(1));
        assert_eq!(step(2, "ArrowUp"), Some(2));
        assert_eq!(step(0, "Enter"), None);
        assert_eq!(grid_step(0, "ArrowRight", 0, 4), None, "no cells");
        assert_eq!(grid_step(40, "ArrowLeft", 10, 4), Some(8), "a stale index is clamped");
    }

    #[test]
    fn c4_an_emoji_goes_in_at_the_caret_counted_in_utf16() {
        assert_eq!(insert_at("Hola ", 5, 5, "👋"), ("Hola 👋".into(), 7));
        assert_eq!(insert_at("ab", 1, 1, "😀"), ("a😀b".into(), 3));
        assert_eq!(insert_at("a big b", 2, 5, "😀"), ("a 😀 b".into(), 4), "replaces a selection");
        // After an emoji (two UTF-16 units) and an accent (one).
        assert_eq!(insert_at("😀é!", 3, 3, "👍"), ("😀é👍!".into(), 5));
        assert_eq!(insert_at("x", 9, 9, "👍"), ("x👍".into(), 3), "past the end: at the end");
        assert_eq!(insert_at("😀", 1, 1, "!"), ("😀!".into(), 3), "inside a pair: after it");
    }
}
