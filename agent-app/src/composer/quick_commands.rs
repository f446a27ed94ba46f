//! The composer's quick commands (C3), typed like canned responses after a `/`: `/quote` quotes
//! the customer's last message (M1), `/rename <name>` names the chat for me alone, `/id` copies
//! the chat's ID. They are offered first among the `/` suggestions; a draft that is a whole
//! command runs it on Enter instead of being sent.

/// A quick command, as offered in the suggestions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quick {
    Quote,
    Rename,
    Id,
}

/// A draft that is a whole command, ready to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ready {
    Quote,
    /// The new name; empty clears it.
    Rename(String),
    CopyId,
}

impl Quick {
    pub const ALL: [Quick; 3] = [Quick::Quote, Quick::Rename, Quick::Id];

    /// What is typed after the `/`.
    pub fn code(self) -> &'static str {
        match self {
            Quick::Quote => "quote",
            Quick::Rename => "rename",
            Quick::Id => "id",
        }
    }

    /// Choosing it in the list: the draft it leaves (a command that needs more waits for it),
    /// or the command to run at once.
    pub fn chosen(self) -> Result<Ready, String> {
        match self {
            Quick::Quote => Ok(Ready::Quote),
            Quick::Rename => Err("/rename ".to_owned()),
            Quick::Id => Ok(Ready::CopyId),
        }
    }
}

/// The commands to offer for a draft: those whose code starts with what follows its leading
/// `/`, while that is still one word.
pub fn matching(draft: &str) -> Vec<Quick> {
    let Some(word) = draft.strip_prefix('/') else { return Vec::new() };
    if word.contains(char::is_whitespace) {
        return Vec::new();
    }
    let word = word.to_lowercase();
    Quick::ALL.into_iter().filter(|q| q.code().starts_with(&word)).collect()
}

/// The command a whole draft is, if it is one: `/quote`, `/id`, or `/rename` and a name.
pub fn parse(draft: &str) -> Option<Ready> {
    let rest = draft.trim().strip_prefix('/')?;
    let (word, arg) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    match (word.to_lowercase().as_str(), arg.trim()) {
        ("quote", "") => Some(Ready::Quote),
        ("id", "") => Some(Ready::CopyId),
        ("rename", name) => Some(Ready::Rename(name.to_owned())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c3_commands_are_offered_by_their_first_letters() {
        assert_eq!(matching("/"), Quick::ALL);
        assert_eq!(matching("/re"), [Quick::Rename]);
        assert_eq!(matching("/I"), [Quick::Id]);
        assert_eq!(matching("/rename Pedido"), []);
        assert_eq!(matching("/x"), []);
        assert_eq!(matching("hola"), []);
    }

    #[test]
    fn c3_a_whole_command_runs_instead_of_being_sent() {
        assert_eq!(parse(" /quote "), Some(Ready::Quote));
        assert_eq!(parse("/ID"), Some(Ready::CopyId));
        assert_eq!(parse("/rename  Pedido Arco "), Some(Ready::Rename("Pedido Arco".into())));
        assert_eq!(parse("/rename"), Some(Ready::Rename(String::new())), "clears the name");
        assert_eq!(parse("/id please"), None, "a message that starts like a command");
        assert_eq!(parse("/quo"), None);
        assert_eq!(parse("rename x"), None);
        assert_eq!(Quick::Rename.chosen(), Err("/rename ".into()));
        assert_eq!(Quick::Id.chosen(), Ok(Ready::CopyId));
    }
}
