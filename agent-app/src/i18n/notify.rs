//! The strings of notifications (Q1, C2): the toasts, desktop notifications and the banner
//! that offers them.

use super::Lang;

/// Notifications (Q1, C2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotifyText {
    Notifications,
    DismissNotification,
    DesktopNotifications,
    PermissionAsk,
    PermissionEnable,
    PermissionNotNow,
}

impl Lang {
    pub fn notify(self, text: NotifyText) -> &'static str {
        use NotifyText::*;
        match (self, text) {
            (Lang::En, Notifications) => "Notifications",
            (Lang::Es, Notifications) => "Notificaciones",
            (Lang::En, DismissNotification) => "Dismiss notification",
            (Lang::Es, DismissNotification) => "Descartar notificación",
            (Lang::En, DesktopNotifications) => "Desktop notifications",
            (Lang::Es, DesktopNotifications) => "Notificaciones de escritorio",
            (Lang::En, PermissionAsk) => "Get desktop notifications for new conversations",
            (Lang::Es, PermissionAsk) => {
                "Recibe notificaciones de escritorio de nuevas conversaciones"
            }
            (Lang::En, PermissionEnable) => "Turn on",
            (Lang::Es, PermissionEnable) => "Activar",
            (Lang::En, PermissionNotNow) => "Not now",
            (Lang::Es, PermissionNotNow) => "Ahora no",
        }
    }

    /// Toast and desktop notification: a colleague mentioned me (C2).
    pub fn mentioned_you(self, by: &str, visitor: &str) -> String {
        match self {
            Lang::En => format!("{by} mentioned you in {visitor}"),
            Lang::Es => format!("{by} te mencionó en {visitor}"),
        }
    }

    /// Toast and desktop notification: a conversation appeared in the Unanswered list (Q1).
    pub fn new_conversation_from(self, visitor: &str) -> String {
        match self {
            Lang::En => format!("New conversation from {visitor}"),
            Lang::Es => format!("Nueva conversación de {visitor}"),
        }
    }
}
