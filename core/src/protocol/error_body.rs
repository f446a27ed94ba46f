//! The body of every error reply: `{ "error": { "code", "message" } }`. The codes themselves are
//! `crate::error_code::ErrorCode`.

use serde::{Deserialize, Serialize};

/// `{ "error": { "code", "message" } }`, the body of every error reply. The code is an
/// `ErrorCode` (`ErrorBody<ErrorCode>`), written as its snake_case string; a code a client does
/// not know reads as `ErrorCode::Unknown`.
///
/// `C` defaults to `String` only while the agent app still reads codes as strings (issue 14):
/// the edge, the widget and the tests name `ErrorBody<ErrorCode>`. Both read the same JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody<C = String> {
    pub error: ErrorDetail<C>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail<C = String> {
    pub code: C,
    pub message: String,
}
