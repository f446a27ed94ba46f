//! Files in messages (C1): which files a channel accepts, what they are called, how they are
//! shown.
//!
//! A file's type comes from its name's extension, from a short list, never from what the
//! uploader declares: the edge stores and serves each file with the type this list gives it,
//! so nothing uploaded can pose as a web page. Images are shown inline; every other file is a
//! download.

use crate::error_code::ErrorCode;
use crate::event::Actor;
use crate::ids::FileId;
use serde::{Deserialize, Serialize};

/// A file attached to a message, as stored in the event log. A wire and disk type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub id: FileId,
    /// The uploader's name for it, cleaned (`clean_file_name`).
    pub name: String,
    pub size: u64,
    /// Chosen by the edge from the name (`file_type`).
    pub content_type: String,
    /// A signed, expiring download link, added by the edge for each reader; never stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl FileRef {
    pub fn is_image(&self) -> bool {
        is_image_type(&self.content_type)
    }
}

/// A file uploaded to the dialog, as the edge passes it to `decide` when a message names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    pub file: FileRef,
    /// Who uploaded it: only they may attach it.
    pub by: Actor,
    /// It is in a message already.
    pub attached: bool,
}

/// Images are shown in the chat; the rest are cards with a download link.
pub fn is_image_type(content_type: &str) -> bool {
    content_type.starts_with("image/")
}

/// The groups of file types an admin allows per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileCategory {
    Images,
    Documents,
    Archives,
}

impl FileCategory {
    pub const ALL: [FileCategory; 3] =
        [FileCategory::Images, FileCategory::Documents, FileCategory::Archives];
}

/// (extension, content type, category). Only types a browser will not run as a page.
const TYPES: &[(&str, &str, FileCategory)] = &[
    ("png", "image/png", FileCategory::Images),
    ("jpg", "image/jpeg", FileCategory::Images),
    ("jpeg", "image/jpeg", FileCategory::Images),
    ("gif", "image/gif", FileCategory::Images),
    ("webp", "image/webp", FileCategory::Images),
    ("pdf", "application/pdf", FileCategory::Documents),
    ("txt", "text/plain", FileCategory::Documents),
    ("csv", "text/csv", FileCategory::Documents),
    ("rtf", "application/rtf", FileCategory::Documents),
    ("doc", "application/msword", FileCategory::Documents),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileCategory::Documents,
    ),
    ("xls", "application/vnd.ms-excel", FileCategory::Documents),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileCategory::Documents,
    ),
    ("ppt", "application/vnd.ms-powerpoint", FileCategory::Documents),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        FileCategory::Documents,
    ),
    ("odt", "application/vnd.oasis.opendocument.text", FileCategory::Documents),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet", FileCategory::Documents),
    ("odp", "application/vnd.oasis.opendocument.presentation", FileCategory::Documents),
    ("zip", "application/zip", FileCategory::Archives),
];

/// The content type and category of a file called `name`, if it is a known type.
pub fn file_type(name: &str) -> Option<(&'static str, FileCategory)> {
    let (_, extension) = name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    TYPES.iter().find(|(ext, ..)| *ext == extension).map(|(_, ty, cat)| (*ty, *cat))
}

/// The extensions of `categories`, for an `accept` attribute and error messages: ".png, .jpg…".
pub fn accepted_extensions(categories: &[FileCategory]) -> Vec<&'static str> {
    TYPES.iter().filter(|(.., cat)| categories.contains(cat)).map(|(ext, ..)| *ext).collect()
}

/// Longest kept file name, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 120;
/// The largest file any channel may allow, in bytes (25 MB).
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;
/// Most files one message carries.
pub const MAX_FILES_PER_MESSAGE: usize = 10;
/// How long an upload that no message carries is kept (removed from the tray, or the page left
/// before sending): a day, then its bytes go.
pub const UNATTACHED_KEPT_MS: i64 = 24 * 60 * 60 * 1000;
/// Download links are handed out per window of this length (6 hours), so a file keeps one URL
/// (and the browser's cached copy) for a while.
pub const FILE_LINK_WINDOW_MS: i64 = 6 * 60 * 60 * 1000;

/// When a link handed out at `now` stops working: the end of the next window, so it works for
/// 6 to 12 hours; a reload or a reconnect hands out fresh ones.
pub fn link_expiry(now: i64) -> i64 {
    (now.div_euclid(FILE_LINK_WINDOW_MS) + 2) * FILE_LINK_WINDOW_MS
}

/// The `Content-Disposition` a file is served with: images inline, everything else a download,
/// under its own name (RFC 6266 / 5987, so any name is safe in the header).
pub fn content_disposition(name: &str, content_type: &str) -> String {
    let kind = if is_image_type(content_type) { "inline" } else { "attachment" };
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("{kind}; filename*=UTF-8''{encoded}")
}

/// What a channel accepts. A wire and disk type inside `ChannelSettings`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRules {
    pub max_bytes: u64,
    /// Empty: nobody may attach files on this channel.
    pub categories: Vec<FileCategory>,
}

impl Default for FileRules {
    /// 10 MB of images, documents and archives: what peers allow by default.
    fn default() -> Self {
        FileRules { max_bytes: 10 * 1024 * 1024, categories: FileCategory::ALL.to_vec() }
    }
}

/// Why an upload is refused. `code()` is stable for clients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    TooLarge { max_bytes: u64 },
    TypeNotAllowed { allowed: Vec<&'static str> },
    BadName,
}

impl FileProblem {
    pub fn code(&self) -> ErrorCode {
        match self {
            FileProblem::Empty => ErrorCode::EmptyFile,
            FileProblem::TooLarge { .. } => ErrorCode::FileTooLarge,
            FileProblem::TypeNotAllowed { .. } => ErrorCode::FileTypeNotAllowed,
            FileProblem::BadName => ErrorCode::InvalidFileName,
        }
    }

    pub fn message(&self) -> String {
        match self {
            FileProblem::Empty => "The file is empty.".into(),
            FileProblem::TooLarge { max_bytes } => {
                format!("The file is too large: at most {} per file.", format_size(*max_bytes))
            }
            FileProblem::TypeNotAllowed { allowed } if allowed.is_empty() => {
                "This chat does not accept files.".into()
            }
            FileProblem::TypeNotAllowed { allowed } => {
                format!("This type of file is not accepted. Accepted: {}.", allowed.join(", "))
            }
            FileProblem::BadName => "The file needs a name with an extension.".into(),
        }
    }
}

/// An accepted upload: its cleaned name and the content type it is stored with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedFile {
    pub name: String,
    pub content_type: &'static str,
}

impl FileRules {
    /// Whether a file called `name` of `size` bytes may be attached on this channel.
    pub fn check(&self, name: &str, size: u64) -> Result<AcceptedFile, FileProblem> {
        let name = clean_file_name(name).ok_or(FileProblem::BadName)?;
        let allowed =
            || FileProblem::TypeNotAllowed { allowed: accepted_extensions(&self.categories) };
        let (content_type, category) = file_type(&name).ok_or_else(allowed)?;
        if !self.categories.contains(&category) {
            return Err(allowed());
        }
        if size == 0 {
            return Err(FileProblem::Empty);
        }
        if size > self.max_bytes.min(MAX_FILE_BYTES) {
            return Err(FileProblem::TooLarge { max_bytes: self.max_bytes.min(MAX_FILE_BYTES) });
        }
        Ok(AcceptedFile { name, content_type })
    }

    /// Why an admin's rules cannot be saved.
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=MAX_FILE_BYTES).contains(&self.max_bytes) {
            return Err(format!(
                "The largest file must be between 1 byte and {}.",
                format_size(MAX_FILE_BYTES)
            ));
        }
        Ok(())
    }
}

/// The last path part of `raw`, without control or format characters or quotes, at most
/// `MAX_FILE_NAME_CHARS` (keeping the extension); `None` if nothing usable is left or it has
/// no extension.
pub fn clean_file_name(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let shown = |c: &char| !c.is_control() && !is_format_char(*c) && *c != '"';
    let cleaned: String = base.chars().filter(shown).collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    let (stem, extension) = cleaned.rsplit_once('.')?;
    if stem.trim().is_empty() || extension.is_empty() {
        return None;
    }
    if cleaned.chars().count() <= MAX_FILE_NAME_CHARS {
        return Some(cleaned.to_owned());
    }
    let keep = MAX_FILE_NAME_CHARS.saturating_sub(extension.chars().count() + 1);
    let stem: String = stem.chars().take(keep).collect();
    Some(format!("{}.{extension}", stem.trim_end()))
}

/// Unicode's format characters (category Cf): bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), the marks U+200E, U+200F and U+061C, zero-width spaces and
/// joiners, the soft hyphen, invisible operators and tags. None shows in a name, and the bidi
/// ones reorder what does, so `invoice\u{202E}fdp.zip` would read as `invoice…piz.pdf`.
/// Dropping them costs at most an emoji sequence drawn as its parts.
fn is_format_char(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// A message in one line, for the inbox and quotes: its text, or for files alone "📎 name"
/// (and "+N" for more).
pub fn message_preview(text: &str, files: &[FileRef]) -> String {
    match files {
        [first, rest @ ..] if text.trim().is_empty() => match rest.len() {
            0 => format!("📎 {}", first.name),
            more => format!("📎 {} +{more}", first.name),
        },
        _ => text.to_owned(),
    }
}

/// "532 B", "12 KB", "3.4 MB": sizes as people read them (1 KB = 1024 B).
pub fn format_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    if bytes < KB {
        format!("{bytes} B")
    } else if bytes < MB {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_types_come_from_the_extension_only() {
        assert_eq!(file_type("Photo.JPG"), Some(("image/jpeg", FileCategory::Images)));
        assert_eq!(file_type("invoice.pdf"), Some(("application/pdf", FileCategory::Documents)));
        assert_eq!(file_type("page.html"), None);
        assert_eq!(file_type("drawing.svg"), None, "SVG can carry script: never inline");
        assert_eq!(file_type("no-extension"), None);
        assert!(is_image_type("image/png") && !is_image_type("application/pdf"));
    }

    #[test]
    fn c1_channel_rules_refuse_with_reasons() {
        let rules = FileRules::default();
        let ok = rules.check("C:\\Users\\ana\\factura 12.pdf", 1000).unwrap();
        assert_eq!(
            ok,
            AcceptedFile { name: "factura 12.pdf".into(), content_type: "application/pdf" }
        );
        assert_eq!(rules.check("a.png", 0), Err(FileProblem::Empty));
        let too_big = rules.check("a.png", 10 * 1024 * 1024 + 1).unwrap_err();
        assert_eq!(too_big.code(), ErrorCode::FileTooLarge);
        assert_eq!(too_big.message(), "The file is too large: at most 10 MB per file.");
        let script = rules.check("run.exe", 10).unwrap_err();
        assert_eq!(script.code(), ErrorCode::FileTypeNotAllowed);
        assert!(script.message().contains("png, jpg"), "{}", script.message());
        assert_eq!(rules.check("noext", 10), Err(FileProblem::BadName));

        let images_only = FileRules { max_bytes: 1024, categories: vec![FileCategory::Images] };
        assert!(images_only.check("cv.pdf", 10).is_err());
        assert!(images_only.check("me.webp", 1024).is_ok());
        let none = FileRules { max_bytes: 1024, categories: vec![] };
        assert_eq!(
            none.check("me.png", 10).unwrap_err().message(),
            "This chat does not accept files."
        );
    }

    #[test]
    fn c1_no_channel_allows_more_than_the_platform_limit() {
        let generous = FileRules { max_bytes: u64::MAX, ..FileRules::default() };
        assert!(generous.validate().is_err());
        let rules = FileRules { max_bytes: MAX_FILE_BYTES, ..FileRules::default() };
        assert!(rules.validate().is_ok());
        assert!(rules.check("big.zip", MAX_FILE_BYTES + 1).is_err());
        assert!(FileRules { max_bytes: 0, ..FileRules::default() }.validate().is_err());
    }

    #[test]
    fn c1_file_names_are_cleaned() {
        assert_eq!(clean_file_name("../../etc/passwd.txt").as_deref(), Some("passwd.txt"));
        assert_eq!(clean_file_name("a\u{0}b\"c.png").as_deref(), Some("abc.png"));
        assert_eq!(clean_file_name(".hidden"), None);
        assert_eq!(clean_file_name("   .png"), None);
        let long = format!("{}.docx", "x".repeat(300));
        let cleaned = clean_file_name(&long).unwrap();
        assert_eq!(cleaned.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(cleaned.ends_with(".docx"));
    }

    #[test]
    fn c1_file_names_lose_every_bidi_and_format_character() {
        // (name as uploaded, name as kept)
        let cases = [
            // The classic: an override makes a .zip read as a .pdf.
            ("invoice\u{202E}fdp.zip", Some("invoicefdp.zip")),
            ("a\u{202A}b\u{202B}c\u{202C}d\u{202D}e.txt", Some("abcde.txt")),
            ("\u{2066}report\u{2067}\u{2068}\u{2069}.pdf", Some("report.pdf")),
            ("left\u{200E}right\u{200F}arabic\u{61C}.png", Some("leftrightarabic.png")),
            (
                "zero\u{200B}width\u{200C}non\u{200D}joiner\u{2060}.jpg",
                Some("zerowidthnonjoiner.jpg"),
            ),
            ("\u{FEFF}bom\u{AD}soft.csv", Some("bomsoft.csv")),
            ("tag\u{E0041}\u{E007F}s.txt", Some("tags.txt")),
            ("cv.pdf\u{202E}", Some("cv.pdf")),
            // Nothing left but format characters: no name.
            ("\u{202E}\u{2066}.pdf", None),
            // What people write stays: accents, other scripts, emoji.
            ("Größe café.pdf", Some("Größe café.pdf")),
            ("تقرير.pdf", Some("تقرير.pdf")),
            ("報告 📎.png", Some("報告 📎.png")),
        ];
        for (raw, expected) in cases {
            assert_eq!(clean_file_name(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn c1_a_message_of_files_alone_previews_as_their_names() {
        let file = |name: &str| FileRef {
            id: FileId::parse("f_1").unwrap(),
            name: name.into(),
            size: 1,
            content_type: "image/png".into(),
            url: None,
        };
        assert_eq!(message_preview("hola", &[file("a.png")]), "hola");
        assert_eq!(message_preview("", &[file("a.png")]), "📎 a.png");
        assert_eq!(
            message_preview(" ", &[file("a.png"), file("b.pdf"), file("c.zip")]),
            "📎 a.png +2"
        );
        assert_eq!(message_preview("", &[]), "");
    }

    #[test]
    fn c1_sizes_read_like_people_write_them() {
        assert_eq!(format_size(532), "532 B");
        assert_eq!(format_size(12 * 1024 + 100), "12 KB");
        assert_eq!(format_size(10 * 1024 * 1024), "10 MB");
        assert_eq!(format_size(3_565_158), "3.4 MB");
    }

    #[test]
    fn c1_links_live_six_to_twelve_hours_and_stay_the_same_within_a_window() {
        let w = FILE_LINK_WINDOW_MS;
        assert_eq!(link_expiry(5 * w), 7 * w);
        assert_eq!(link_expiry(5 * w + w - 1), 7 * w);
        assert_eq!(link_expiry(6 * w), 8 * w);
    }

    #[test]
    fn c1_files_are_served_inline_only_when_images() {
        assert_eq!(
            content_disposition("Factura nº 3.pdf", "application/pdf"),
            "attachment; filename*=UTF-8''Factura%20n%C2%BA%203.pdf"
        );
        assert_eq!(
            content_disposition("a\"b.png", "image/png"),
            "inline; filename*=UTF-8''a%22b.png"
        );
    }

    #[test]
    fn snapshot_file_ref() {
        let file = FileRef {
            id: FileId::parse("f_1").unwrap(),
            name: "a.png".into(),
            size: 3,
            content_type: "image/png".into(),
            url: None,
        };
        let json = r#"{"id":"f_1","name":"a.png","size":3,"content_type":"image/png"}"#;
        assert_eq!(serde_json::to_string(&file).unwrap(), json);
        assert_eq!(serde_json::from_str::<FileRef>(json).unwrap(), file);
    }
}
