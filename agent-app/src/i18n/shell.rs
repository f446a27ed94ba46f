//! The signed-in frame's strings: the main navigation, the lists' column, the empty
//! conversation pane, the way back from the admin screens.

use super::Lang;

/// Strings of the signed-in frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShellText {
    Lists,
    PickDialog,
    PickDialogHint,
    MainNav,
    Conversations,
    BackToConversations,
}

impl Lang {
    pub fn shell(self, text: ShellText) -> &'static str {
        use ShellText::*;
        match (self, text) {
            (Lang::En, Lists) => "Conversation lists",
            (Lang::Es, Lists) => "Listas de conversaciones",
            (Lang::En, PickDialog) => "No conversation open",
            (Lang::Es, PickDialog) => "Ninguna conversación abierta",
            (Lang::En, PickDialogHint) => {
                "Pick a conversation from the list to read and answer it."
            }
            (Lang::Es, PickDialogHint) => {
                "Elige una conversación de la lista para leerla y responder."
            }
            (Lang::En, MainNav) => "Main",
            (Lang::Es, MainNav) => "Principal",
            (Lang::En, Conversations) => "Conversations",
            (Lang::Es, Conversations) => "Conversaciones",
            (Lang::En, BackToConversations) => "Back to conversations",
            (Lang::Es, BackToConversations) => "Volver a las conversaciones",
        }
    }
}
