//! The body of every error reply: `{ "error": { "code", "message" } }`. The codes themselves are
//! `crate::error_code::ErrorCode`.

use serde::{Deserialize, Serialize};

/// `{ "error": { "code", "message" } }`, the body of every error reply. The code is an
/// `ErrorCode` (`ErrorBody<ErrorCode>`), written as its snake_case string; a code a client does
/// not know reads as `ErrorCode::Unknown`.
///
/// The edge and the tests name `ErrorBody<ErrorCode>`. The browser apps read `ErrorBody<String>`
/// and match the string with `ErrorCode::parse` or `ErrorCode::as_str` (`browser::http`):
/// reading every code into the enum would cost the widget 1.5 KB. Both read the same JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody<C> {
    pub error: ErrorDetail<C>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail<C> {
    pub code: C,
    pub message: String,
}
