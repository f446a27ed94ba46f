//! An agent's own name for a chat (C3): "Arco lamp order" instead of "Visitor 12EF". Only the
//! agent who set it sees it; the workspace keeps one per (agent, dialog). This module holds what
//! a name may be; storing and showing it are the edge's and the app's.

/// Longest chat name, in characters.
pub const MAX_CHARS: usize = 80;

/// The name as stored: one line, single spaces, trimmed. `Ok(None)`: an empty name, which
/// clears the agent's name for the chat. `Err` says in a sentence what is wrong.
pub fn normalized(raw: &str) -> Result<Option<String>, String> {
    if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err("A chat name cannot hold control characters.".into());
    }
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > MAX_CHARS {
        return Err(format!("A chat name has at most {MAX_CHARS} characters."));
    }
    Ok((!name.is_empty()).then_some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c3_chat_names_are_one_trimmed_line_and_empty_clears() {
        assert_eq!(normalized("  Pedido   lámpara\nArco "), Ok(Some("Pedido lámpara Arco".into())));
        assert_eq!(normalized(" \n\t "), Ok(None));
        assert_eq!(normalized(&"x".repeat(MAX_CHARS)).map(|n| n.map(|n| n.len())), Ok(Some(80)));
        assert!(normalized(&"x".repeat(MAX_CHARS + 1)).is_err());
        assert!(normalized("bell\u{7}").is_err());
    }
}
