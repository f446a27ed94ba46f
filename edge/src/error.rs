//! `ApiError`: every failure becomes a status and `{ "error": { "code", "message" } }`.
//!
//! Internal errors are logged and answered with a generic message: runtime text never reaches
//! a client.

use openline_core::admission::Refusal;
use openline_core::authz::Denied;
use openline_core::files::FileProblem;
use openline_core::protocol::{ErrorBody, ErrorDetail};
use openline_core::{ErrorCode, Rejection};
use worker::{console_error, Response};

#[derive(Debug)]
pub enum ApiError {
    BadRequest {
        code: ErrorCode,
        message: String,
    },
    Unauthorized,
    InvalidCredentials,
    NotFound(&'static str),
    PayloadTooLarge,
    /// A domain rule said no.
    Rejected(Rejection),
    MethodNotAllowed,
    /// Too many requests; try again in this many milliseconds.
    RateLimited {
        retry_after_ms: i64,
    },
    /// The request clashes with what exists (an id in use).
    Conflict(ErrorCode, &'static str),
    /// Known, but not allowed: a wrong password, a blocked visitor, a site not allowed.
    Forbidden(ErrorCode, &'static str),
    /// The permission function said no (`openline_core::authz`).
    Denied(Denied),
    /// A visitor may not open, read or write on this channel as it is now
    /// (`openline_core::admission`).
    Refused(Refusal),
    /// The channel does not accept this file (C1).
    File(FileProblem),
    Misconfigured(&'static str),
    Internal(worker::Error),
    /// Too many failed sign-ins on this account or network (`core::sign_in`); try again in
    /// this many milliseconds.
    SignInWait {
        retry_after_ms: i64,
    },
    /// An error a Durable Object already phrased, passed on as it is, with its `Retry-After`.
    Relayed {
        status: u16,
        body: ErrorBody<ErrorCode>,
        retry_after: Option<String>,
    },
}

pub type ApiResult<T> = std::result::Result<T, ApiError>;

impl ApiError {
    pub fn bad_request(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError::BadRequest { code, message: message.into() }
    }

    fn status(&self) -> u16 {
        match self {
            ApiError::BadRequest { .. } => 400,
            ApiError::Unauthorized | ApiError::InvalidCredentials => 401,
            ApiError::NotFound(_) => 404,
            ApiError::MethodNotAllowed => 405,
            ApiError::PayloadTooLarge => 413,
            ApiError::Conflict(..) => 409,
            ApiError::Forbidden(..) => 403,
            ApiError::Denied(Denied::Hidden) => 404,
            ApiError::Denied(Denied::Forbidden | Denied::NotOnYourself) => 403,
            ApiError::Refused(refusal) => refusal.status(),
            ApiError::File(FileProblem::TooLarge { .. }) => 413,
            ApiError::File(FileProblem::TypeNotAllowed { .. }) => 415,
            ApiError::File(_) => 400,
            ApiError::RateLimited { .. } | ApiError::SignInWait { .. } => 429,
            ApiError::Rejected(r) => rejection_status(r),
            ApiError::Misconfigured(_) | ApiError::Internal(_) => 500,
            ApiError::Relayed { status, .. } => *status,
        }
    }

    fn detail(&self) -> (ErrorCode, String) {
        match self {
            ApiError::BadRequest { code, message } => (*code, message.clone()),
            ApiError::Unauthorized => (ErrorCode::Unauthorized, "Please sign in again.".into()),
            ApiError::InvalidCredentials => {
                (ErrorCode::InvalidCredentials, "Wrong workspace, email or password.".into())
            }
            ApiError::NotFound(what) => (ErrorCode::NotFound, format!("No such {what}.")),
            ApiError::MethodNotAllowed => {
                (ErrorCode::MethodNotAllowed, "Method not allowed.".into())
            }
            ApiError::PayloadTooLarge => {
                (ErrorCode::PayloadTooLarge, "The request body is too large.".into())
            }
            ApiError::Rejected(r) => (r.code(), r.message()),
            ApiError::Conflict(code, message) | ApiError::Forbidden(code, message) => {
                (*code, (*message).to_owned())
            }
            ApiError::Denied(denied) => (denied.code(), denied.message().to_owned()),
            ApiError::Refused(refusal) => (refusal.code(), refusal.message().to_owned()),
            ApiError::File(problem) => (problem.code(), problem.message()),
            ApiError::RateLimited { .. } => {
                (ErrorCode::RateLimited, "Too many messages at once; please wait a moment.".into())
            }
            ApiError::SignInWait { retry_after_ms } => (
                ErrorCode::RateLimited,
                format!(
                    "Too many failed sign-ins. Try again in {} seconds.",
                    seconds(*retry_after_ms)
                ),
            ),
            ApiError::Misconfigured(what) => {
                (ErrorCode::ServerMisconfigured, format!("The server is missing {what}."))
            }
            ApiError::Internal(_) => {
                (ErrorCode::Internal, "Something went wrong on our side.".into())
            }
            ApiError::Relayed { .. } => (ErrorCode::Internal, String::new()),
        }
    }

    /// A handler's result as the response the runtime sends.
    pub fn respond(result: ApiResult<Response>) -> worker::Result<Response> {
        result.or_else(ApiError::into_response)
    }

    pub fn into_response(self) -> worker::Result<Response> {
        if let ApiError::Internal(e) = &self {
            console_error!("internal error: {e}");
        }
        let body = match &self {
            ApiError::Relayed { body, .. } => body.clone(),
            _ => {
                let (code, message) = self.detail();
                ErrorBody { error: ErrorDetail { code, message } }
            }
        };
        let response = Response::from_json(&body)?.with_status(self.status());
        let retry_after = match self {
            ApiError::RateLimited { retry_after_ms } | ApiError::SignInWait { retry_after_ms } => {
                Some(seconds(retry_after_ms).to_string())
            }
            ApiError::Relayed { retry_after, .. } => retry_after,
            _ => None,
        };
        if let Some(retry_after) = retry_after {
            let headers = response.headers().clone();
            headers.set("retry-after", &retry_after)?;
            return Ok(response.with_headers(headers));
        }
        Ok(response)
    }
}

/// Milliseconds as whole seconds, rounded up, at least 1 (what `Retry-After` says).
fn seconds(ms: i64) -> i64 {
    ((ms + 999) / 1000).max(1)
}

fn rejection_status(rejection: &Rejection) -> u16 {
    match rejection {
        Rejection::Forbidden => 403,
        Rejection::EmptyMessage => 400,
        Rejection::MessageTooLong { .. } => 413,
        Rejection::TooManyMentions { .. } => 400,
        Rejection::NoOpenSession
        | Rejection::AnsweredByOther { .. }
        | Rejection::NotAnswered
        | Rejection::PinnedByOther { .. } => 409,
        Rejection::UnknownAgent | Rejection::UnknownChannel | Rejection::UnknownMessage => 404,
        Rejection::MessageDeleted | Rejection::QuoteNotPublic | Rejection::CannotSplitHere => 409,
        Rejection::Blocked => 403,
        Rejection::UnknownFile => 404,
        Rejection::FileAlreadySent => 409,
        Rejection::TooManyFiles { .. } => 400,
        Rejection::Contact(_) | Rejection::InvalidRating => 400,
        Rejection::NothingToRate => 409,
    }
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        ApiError::Internal(e)
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        ApiError::Internal(worker::Error::from(e.to_string()))
    }
}
