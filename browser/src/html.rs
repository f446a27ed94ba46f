//! `Html`: markup that is safe to put in the page, escaped by type rather than by discipline.
//!
//! An `Html` is only ever made by `html!`: markup written in the code (its string literal,
//! checked as the app compiles) with values that are safe as they print (`Safe`): text
//! escaped on its way in (`Escaped`), numbers, `bool` and other `Html`. A `&str` or `String`
//! given to it does not compile, nor does a `{name}` that would capture one; `Html`s join with
//! `+`. The functions at the end are the only way either app writes HTML into the page (`set`,
//! `append`, and `inner` for `view!`), so no other file names a raw HTML sink (a tidy check in
//! `xtask`). The widget draws its plain-HTML parts with it; the agent app draws with `view!`.
//!
//! Escaping is what the widget always did: `&`, `<` and `"` become entities, which is enough
//! because `html!` puts a value only in an element's text or in a double-quoted attribute
//! (where `>` and `'` are plain characters), and its literals never leave a tag or a quote
//! open. The HTML is byte for byte what the hand-escaped strings were.
//!
//! Bytes: `html!` is `format!` behind a compile-time check, and `Escaped` writes its text
//! straight into the string being formatted, in one pass: the widget is smaller than with the
//! escaped copies it made before (`str::replace` three times per text).

use std::fmt::{self, Write};
use std::ops::{Add, AddAssign};
use web_sys::Element;

/// HTML safe to write into the page (see the module's notes). Made by `html!`.
#[derive(Debug, Default)]
pub struct Html(String);

/// Text as `html!` writes it: escaped, so it shows as it is in an element or in a
/// double-quoted attribute (`html!(r#"<p title="{}">"#, Escaped(name))`). Borrowed and
/// escaped as it is written, with no copy of its own.
#[derive(Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl Html {
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The markup, for tests to read; only the functions here write it into the page.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `html!`'s work, after its checks: not to be called by hand (a test looks).
    #[doc(hidden)]
    #[inline]
    pub fn from_checked_format(args: fmt::Arguments) -> Html {
        Html(fmt::format(args))
    }
}

/// `markup` (a string literal, like `format!`'s) with each `{}` (or `{0}`, `{1}`…) replaced by
/// a value, which must be `Safe`: `html!(r#"<p class="note">{}</p>"#, Escaped(note))`.
/// Checked as the widget compiles (`check`): no captured `{name}` (it would take a `&str`), each
/// placeholder in an element's text or in a double-quoted attribute, no tag or quote left open,
/// no `"` outside a tag, no comment, script or style.
#[doc(hidden)]
#[macro_export]
macro_rules! checked_html {
    ($markup:literal $(, $value:expr)* $(,)?) => {{
        const _: () = $crate::html::check($markup);
        $crate::html::Html::from_checked_format(format_args!(
            $markup $(, $crate::html::safe(&$value))*
        ))
    }};
}
pub use crate::checked_html as html;

/// What `html!` may write as it prints: nothing of it can be read as markup.
pub trait Safe: fmt::Display {}

impl Safe for Html {}
impl Safe for Escaped<'_> {}
impl Safe for bool {}
impl Safe for u32 {}
impl Safe for u64 {}
impl Safe for usize {}
impl<T: Safe + ?Sized> Safe for &T {}

/// `html!`'s gate: a value that is not `Safe` does not compile.
#[doc(hidden)]
#[inline]
pub fn safe<T: Safe>(value: &T) -> &T {
    value
}

/// Fails the build unless `markup` is fit for `html!` (see there); run in a `const`.
pub const fn check(markup: &str) {
    if let Some(problem) = problem(markup) {
        panic!("{}", problem);
    }
}

/// Why `markup` is not fit for `html!`, if it is not.
const fn problem(markup: &str) -> Option<&'static str> {
    let bytes = markup.as_bytes();
    let (mut i, mut in_tag, mut quoted) = (0, false, false);
    while i < bytes.len() {
        let next = if i + 1 < bytes.len() { bytes[i + 1] } else { 0 };
        let wrong = match bytes[i] {
            b'{' if next == b'{' => {
                i += 1;
                None
            }
            b'{' if in_tag && !quoted => Some("html!: a value in a tag goes in a quoted attribute"),
            b'{' => {
                // `{}` or `{0}`: a value given as an argument, never a captured `{name}`.
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i == bytes.len() || bytes[i] != b'}' {
                    return Some("html!: only `{}` or `{0}` placeholders, each value an argument");
                }
                None
            }
            b'<' if !in_tag && next == b'!' => Some("html!: no comments or doctypes"),
            b'<' if !in_tag && starts_with(bytes, i + 1, b"script") => Some("html!: no scripts"),
            b'<' if !in_tag && starts_with(bytes, i + 1, b"style") => Some("html!: no styles"),
            b'<' if !in_tag => {
                in_tag = true;
                None
            }
            b'>' if in_tag && !quoted => {
                in_tag = false;
                None
            }
            b'"' if in_tag => {
                quoted = !quoted;
                None
            }
            b'"' => Some("html!: a quote outside a tag would end an attribute it is put in"),
            b'\'' if in_tag && !quoted => Some("html!: attributes are double-quoted"),
            _ => None,
        };
        if wrong.is_some() {
            return wrong;
        }
        i += 1;
    }
    if in_tag {
        return Some("html!: the markup ends inside a tag");
    }
    None
}

const fn starts_with(bytes: &[u8], at: usize, word: &[u8]) -> bool {
    let mut i = 0;
    while i < word.len() {
        if at + i >= bytes.len() || bytes[at + i].to_ascii_lowercase() != word[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `&`, `<` and `"` as entities: safe in an element's text and in a double-quoted attribute,
/// the only places `html!` puts a value.
impl fmt::Display for Escaped<'_> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '"' => f.write_str("&quot;")?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for Html {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Add for Html {
    type Output = Html;

    #[inline]
    fn add(mut self, more: Html) -> Html {
        self += more;
        self
    }
}

impl AddAssign for Html {
    #[inline]
    fn add_assign(&mut self, more: Html) {
        self.0.push_str(&more.0);
    }
}

impl FromIterator<Html> for Html {
    #[inline]
    fn from_iter<I: IntoIterator<Item = Html>>(parts: I) -> Html {
        parts.into_iter().fold(Html::default(), Add::add)
    }
}

// ---- The widget's only raw HTML sinks ----------------------------------------------------------

/// Writes `html` as the whole inside of `el`.
#[inline]
pub fn set(el: &Element, html: &Html) {
    el.set_inner_html(&html.0);
}

/// Adds `html` at the end of `el`'s inside.
#[inline]
pub fn append(el: &Element, html: &Html) {
    _ = el.insert_adjacent_html("beforeend", &html.0);
}

/// For `view!`: the element's inside is `html`, as with `inner_html=` (`{..html::inner(h)}`).
#[inline]
pub fn inner(html: Html) -> leptos::tachys::html::element::InnerHtml<String> {
    leptos::tachys::html::element::inner_html(html.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_elements_and_double_quoted_attributes() {
        let text = Escaped(r#"<b class="x">Tom & 'Jerry' > </b>"#);
        // `>` and `'` stay: no tag opens without `<`, and `html!` quotes attributes with `"`.
        let escaped = r#"&lt;b class=&quot;x&quot;>Tom &amp; 'Jerry' > &lt;/b>"#;
        assert_eq!(html!("{}", text).as_str(), escaped);
        let line = html!(r#"<p title="{0}">{0}{1}</p>"#, text, Escaped("é 😀 &amp;"));
        assert_eq!(line.as_str(), format!(r#"<p title="{escaped}">{escaped}é 😀 &amp;amp;</p>"#));
    }

    #[test]
    fn html_joins_markup_numbers_and_html() {
        let mut list = html!("<ul>") + html!(r#"<li data-n="{}" hidden="{}">"#, 3u64, true);
        list += [html!("a"), html!("{}", Escaped("<b>"))].into_iter().collect();
        assert_eq!(list.as_str(), r#"<ul><li data-n="3" hidden="true">a&lt;b>"#);
        assert!(Html::default().is_empty() && html!("{{}}").as_str() == "{}");
    }

    /// What `html!` refuses to compile (`check` fails the build with `problem`'s reason).
    #[test]
    fn markup_that_could_misplace_text_is_refused() {
        let fit =
            [r#"<a href="{}" hidden>{1}</a>"#, "{0}{}", "{{x}}", r#"<p title="a>b">it's</p>"#];
        for fit in fit {
            assert_eq!(problem(fit), None, "{fit}");
        }
        for unfit in [
            "{name}",
            "{:?}",
            "{0:?}",
            "{",
            "<a href={}>",
            "<a {}>",
            "<a title='{}'>",
            r#"<a title="x>"#,
            "<a",
            r#"say "hi""#,
            "<!-- {} -->",
            "<script>{}</script>",
            "<STYLE>",
        ] {
            assert!(problem(unfit).is_some(), "{unfit}");
        }
    }

    /// `from_checked_format` skips `html!`'s checks: only the macro calls it.
    #[test]
    fn html_is_made_only_here_and_by_the_macro() {
        let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files: Vec<_> =
            ["browser/src", "widget/src", "agent-app/src"].map(|d| workspace.join(d)).into();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if !path.ends_with("html.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!text.contains("from_checked_format"), "{}", path.display());
            }
        }
    }
}
