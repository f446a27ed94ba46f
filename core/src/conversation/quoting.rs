//! Quoting a message in a reply (M1): which message a post may quote, and the short excerpt
//! both UIs show of it.
//!
//! The quoted message must exist, must not be deleted, and must reach everyone the new message
//! reaches: a customer cannot quote (nor learn of) a hidden note, and an agent's reply to the
//! customer cannot quote one either, so `view` never has to hide a quote from a customer who
//! sees the message. A hidden note may quote anything. Like editing, this reads the quoted
//! message's events, which the edge loads into `Context::message`.

use super::decide::Rejection;
use super::editing::message_info;
use crate::event::Event;

/// Who is posting, as far as quoting cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Poster {
    /// The customer: hidden notes do not exist for them.
    Customer,
    /// An agent writing to the customer.
    Reply,
    /// An agent writing a hidden note (C6).
    Note,
}

/// The quote a post may carry, or why not. `history` holds the events about message `quote`.
pub fn checked_quote(
    quote: Option<u64>,
    poster: Poster,
    history: &[Event],
) -> Result<Option<u64>, Rejection> {
    let Some(seq) = quote else { return Ok(None) };
    let message = message_info(seq, history).ok_or(Rejection::UnknownMessage)?;
    match (message.internal, poster) {
        // To a customer a hidden note is no message at all: the same answer as a wrong `seq`.
        (true, Poster::Customer) => return Err(Rejection::UnknownMessage),
        (true, Poster::Reply) => return Err(Rejection::QuoteNotPublic),
        _ => {}
    }
    if message.deleted {
        return Err(Rejection::MessageDeleted);
    }
    Ok(Some(seq))
}

/// At most this many characters of a quoted text are shown.
pub const EXCERPT_CHARS: usize = 80;

/// A quoted text on one line: whitespace runs become one space, and a text longer than
/// `EXCERPT_CHARS` is cut at a word boundary when there is one, with "…".
pub fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > EXCERPT_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn m1_excerpts_are_one_short_line() {
        assert_eq!(excerpt("  hola\n\n  ¿qué tal?  "), "hola ¿qué tal?");
        let long = "palabra ".repeat(20);
        let short = excerpt(&long);
        assert!(short.chars().count() <= EXCERPT_CHARS + 1, "{short}");
        assert!(short.ends_with("palabra…"), "{short}");
        let unbroken = "x".repeat(200);
        assert_eq!(excerpt(&unbroken).chars().count(), EXCERPT_CHARS + 1);
    }
}
