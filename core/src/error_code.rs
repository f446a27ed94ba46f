//! `ErrorCode`: the stable code of every error reply (`ErrorBody`), one enum for the edge that
//! sends it and the clients that match on it.
//!
//! Codes are wire: they serialize as the snake_case strings clients have always read
//! (`answered_by_other`, `file_too_large`, …), and a code is never renamed (the snapshot test
//! below lists every string). A code this build does not know, from a newer server, reads as
//! `Unknown`, so an old client still reads the reply and shows its message.
//!
//! The domain's refusals keep their own types (`Rejection`, `ContactProblem`, `FileProblem`,
//! `admission::Refusal`, `authz::Denied`, `crm::MergeRefusal`); each one's `code()` names its `ErrorCode`.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // The request itself.
    InvalidJson,
    InvalidAfter,
    InvalidCursor,
    PayloadTooLarge,
    MethodNotAllowed,
    NotFound,
    WebsocketExpected,
    IdMismatch,
    RateLimited,
    ServerMisconfigured,
    Internal,
    // Who is asking (`authz::Denied`, sign-in, the widget's site, `admission::Refusal`).
    Unauthorized,
    InvalidCredentials,
    Forbidden,
    NotOnYourself,
    Csrf,
    SessionRequired,
    WrongPassword,
    OriginNotAllowed,
    Blocked,
    IdentityInvalid,
    IdentityRequired,
    LinkExpired,
    // Setup and the team.
    AlreadySetUp,
    InvalidWorkspace,
    WeakPassword,
    InvalidEmail,
    InvalidName,
    EmailTaken,
    // Channels and canned responses.
    InvalidSettings,
    ChannelExists,
    InvalidCanned,
    CodeTaken,
    // A dialog's commands (`Rejection`, `ContactProblem`).
    EmptyMessage,
    MessageTooLong,
    NoOpenSession,
    AnsweredByOther,
    NotAnswered,
    Pinned,
    UnknownAgent,
    UnknownChannel,
    UnknownMessage,
    MessageDeleted,
    QuoteNotPublic,
    CannotSplitHere,
    TooManyMentions,
    UnknownFile,
    FileAlreadySent,
    TooManyFiles,
    ContactMissing,
    ContactInvalid,
    ContactEmpty,
    InvalidRating,
    NothingToRate,
    // Uploads (`FileProblem`).
    EmptyFile,
    FileTooLarge,
    FileTypeNotAllowed,
    InvalidFileName,
    // Contacts (`crm::MergeRefusal`).
    MergeSameContact,
    /// The contact was merged into another (a merge refused, or later its id looked up).
    ContactMerged,
    MergeUserIdsDiffer,
    /// A code this build does not know (a newer server's). Never sent; keep it last.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code a server sends, in declaration order.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::InvalidJson,
        ErrorCode::InvalidAfter,
        ErrorCode::InvalidCursor,
        ErrorCode::PayloadTooLarge,
        ErrorCode::MethodNotAllowed,
        ErrorCode::NotFound,
        ErrorCode::WebsocketExpected,
        ErrorCode::IdMismatch,
        ErrorCode::RateLimited,
        ErrorCode::ServerMisconfigured,
        ErrorCode::Internal,
        ErrorCode::Unauthorized,
        ErrorCode::InvalidCredentials,
        ErrorCode::Forbidden,
        ErrorCode::NotOnYourself,
        ErrorCode::Csrf,
        ErrorCode::SessionRequired,
        ErrorCode::WrongPassword,
        ErrorCode::OriginNotAllowed,
        ErrorCode::Blocked,
        ErrorCode::IdentityInvalid,
        ErrorCode::IdentityRequired,
        ErrorCode::LinkExpired,
        ErrorCode::AlreadySetUp,
        ErrorCode::InvalidWorkspace,
        ErrorCode::WeakPassword,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidName,
        ErrorCode::EmailTaken,
        ErrorCode::InvalidSettings,
        ErrorCode::ChannelExists,
        ErrorCode::InvalidCanned,
        ErrorCode::CodeTaken,
        ErrorCode::EmptyMessage,
        ErrorCode::MessageTooLong,
        ErrorCode::NoOpenSession,
        ErrorCode::AnsweredByOther,
        ErrorCode::NotAnswered,
        ErrorCode::Pinned,
        ErrorCode::UnknownAgent,
        ErrorCode::UnknownChannel,
        ErrorCode::UnknownMessage,
        ErrorCode::MessageDeleted,
        ErrorCode::QuoteNotPublic,
        ErrorCode::CannotSplitHere,
        ErrorCode::TooManyMentions,
        ErrorCode::UnknownFile,
        ErrorCode::FileAlreadySent,
        ErrorCode::TooManyFiles,
        ErrorCode::ContactMissing,
        ErrorCode::ContactInvalid,
        ErrorCode::ContactEmpty,
        ErrorCode::InvalidRating,
        ErrorCode::NothingToRate,
        ErrorCode::EmptyFile,
        ErrorCode::FileTooLarge,
        ErrorCode::FileTypeNotAllowed,
        ErrorCode::InvalidFileName,
        ErrorCode::MergeSameContact,
        ErrorCode::ContactMerged,
        ErrorCode::MergeUserIdsDiffer,
    ];

    /// The code the wire spells `code`; `Unknown` for one this build does not know (what serde
    /// reads, without serde's visitor: the widget's wasm carries this only if it calls it).
    pub fn parse(code: &str) -> ErrorCode {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code).unwrap_or(ErrorCode::Unknown)
    }

    /// The code as it is on the wire (what serde writes).
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidAfter => "invalid_after",
            ErrorCode::InvalidCursor => "invalid_cursor",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::NotFound => "not_found",
            ErrorCode::WebsocketExpected => "websocket_expected",
            ErrorCode::IdMismatch => "id_mismatch",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ServerMisconfigured => "server_misconfigured",
            ErrorCode::Internal => "internal",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotOnYourself => "not_on_yourself",
            ErrorCode::Csrf => "csrf",
            ErrorCode::SessionRequired => "session_required",
            ErrorCode::WrongPassword => "wrong_password",
            ErrorCode::OriginNotAllowed => "origin_not_allowed",
            ErrorCode::Blocked => "blocked",
            ErrorCode::IdentityInvalid => "identity_invalid",
            ErrorCode::IdentityRequired => "identity_required",
            ErrorCode::LinkExpired => "link_expired",
            ErrorCode::AlreadySetUp => "already_set_up",
            ErrorCode::InvalidWorkspace => "invalid_workspace",
            ErrorCode::WeakPassword => "weak_password",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidName => "invalid_name",
            ErrorCode::EmailTaken => "email_taken",
            ErrorCode::InvalidSettings => "invalid_settings",
            ErrorCode::ChannelExists => "channel_exists",
            ErrorCode::InvalidCanned => "invalid_canned",
            ErrorCode::CodeTaken => "code_taken",
            ErrorCode::EmptyMessage => "empty_message",
            ErrorCode::MessageTooLong => "message_too_long",
            ErrorCode::NoOpenSession => "no_open_session",
            ErrorCode::AnsweredByOther => "answered_by_other",
            ErrorCode::NotAnswered => "not_answered",
            ErrorCode::Pinned => "pinned",
            ErrorCode::UnknownAgent => "unknown_agent",
            ErrorCode::UnknownChannel => "unknown_channel",
            ErrorCode::UnknownMessage => "unknown_message",
            ErrorCode::MessageDeleted => "message_deleted",
            ErrorCode::QuoteNotPublic => "quote_not_public",
            ErrorCode::CannotSplitHere => "cannot_split_here",
            ErrorCode::TooManyMentions => "too_many_mentions",
            ErrorCode::UnknownFile => "unknown_file",
            ErrorCode::FileAlreadySent => "file_already_sent",
            ErrorCode::TooManyFiles => "too_many_files",
            ErrorCode::ContactMissing => "contact_missing",
            ErrorCode::ContactInvalid => "contact_invalid",
            ErrorCode::ContactEmpty => "contact_empty",
            ErrorCode::InvalidRating => "invalid_rating",
            ErrorCode::NothingToRate => "nothing_to_rate",
            ErrorCode::EmptyFile => "empty_file",
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::FileTypeNotAllowed => "file_type_not_allowed",
            ErrorCode::InvalidFileName => "invalid_file_name",
            ErrorCode::MergeSameContact => "merge_same_contact",
            ErrorCode::ContactMerged => "contact_merged",
            ErrorCode::MergeUserIdsDiffer => "merge_user_ids_differ",
            ErrorCode::Unknown => "unknown",
        }
    }
}

// `ALL` names every code but `Unknown`, which is declared last: a code added to the enum and
// not to `ALL` fails the build here.
const _: () = assert!(ErrorCode::ALL.len() == ErrorCode::Unknown as usize);

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code string clients may read. Codes are never renamed: a change here is a change
    /// of the public API.
    const WIRE: &[&str] = &[
        "invalid_json",
        "invalid_after",
        "invalid_cursor",
        "payload_too_large",
        "method_not_allowed",
        "not_found",
        "websocket_expected",
        "id_mismatch",
        "rate_limited",
        "server_misconfigured",
        "internal",
        "unauthorized",
        "invalid_credentials",
        "forbidden",
        "not_on_yourself",
        "csrf",
        "session_required",
        "wrong_password",
        "origin_not_allowed",
        "blocked",
        "identity_invalid",
        "identity_required",
        "link_expired",
        "already_set_up",
        "invalid_workspace",
        "weak_password",
        "invalid_email",
        "invalid_name",
        "email_taken",
        "invalid_settings",
        "channel_exists",
        "invalid_canned",
        "code_taken",
        "empty_message",
        "message_too_long",
        "no_open_session",
        "answered_by_other",
        "not_answered",
        "pinned",
        "unknown_agent",
        "unknown_channel",
        "unknown_message",
        "message_deleted",
        "quote_not_public",
        "cannot_split_here",
        "too_many_mentions",
        "unknown_file",
        "file_already_sent",
        "too_many_files",
        "contact_missing",
        "contact_invalid",
        "contact_empty",
        "invalid_rating",
        "nothing_to_rate",
        "empty_file",
        "file_too_large",
        "file_type_not_allowed",
        "invalid_file_name",
        "merge_same_contact",
        "contact_merged",
        "merge_user_ids_differ",
    ];

    #[test]
    fn snapshot_every_error_code_string() {
        let written: Vec<String> =
            ErrorCode::ALL.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        let expected: Vec<String> = WIRE.iter().map(|s| format!("\"{s}\"")).collect();
        assert_eq!(written, expected);
        for (code, wire) in ErrorCode::ALL.iter().zip(WIRE) {
            assert_eq!(code.as_str(), *wire);
            assert_eq!(code.to_string(), *wire);
            assert_eq!(serde_json::from_str::<ErrorCode>(&format!("\"{wire}\"")).unwrap(), *code);
            assert_eq!(ErrorCode::parse(wire), *code);
        }
    }

    #[test]
    fn a_code_this_build_does_not_know_reads_as_unknown() {
        let newer: ErrorCode = serde_json::from_str(r#""invented_later""#).unwrap();
        assert_eq!(newer, ErrorCode::Unknown);
        assert_eq!(ErrorCode::parse("invented_later"), ErrorCode::Unknown);
        assert!(!ErrorCode::ALL.contains(&ErrorCode::Unknown));
    }
}
