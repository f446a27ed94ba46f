//! The one permission function: may this caller do this, to that?
//!
//! Every endpoint and every socket of the edge asks `permit` before it touches anything, and
//! the agent app asks `role_may` to decide which buttons to show. Finer rules that depend on a
//! dialog's state (who owns a session, who wrote a message) are `decide`'s, which runs after.

use crate::auth::Role;
use crate::conversation::Command;
use crate::error_code::ErrorCode;
use crate::ids::{AgentId, ChannelId, DialogId, VisitorId, WorkspaceId};

/// Who is asking, as their verified token says.
#[derive(Clone, Copy, Debug)]
pub enum Caller<'a> {
    /// A widget's customer: one visitor on one channel.
    Visitor { workspace: &'a WorkspaceId, channel: &'a ChannelId, visitor: &'a VisitorId },
    /// An agent (by session or API token), with their role as the workspace has it now.
    Agent { workspace: &'a WorkspaceId, agent: &'a AgentId, role: Role },
}

/// What they ask to do.
#[derive(Clone, Copy, Debug)]
pub enum Action<'a> {
    /// Read one dialog (history, live socket).
    ReadDialog(&'a DialogId),
    /// Send one dialog a command.
    CommandDialog(&'a DialogId, &'a Command),
    /// Upload a file to one dialog, to attach to a message (C1).
    UploadFile(&'a DialogId),
    /// The inbox, the agents' directory, the channel list.
    ReadWorkspace,
    /// One's own account: presence, password, signing out.
    OwnAccount,
    /// The team's canned-response library (C7): any agent keeps it.
    EditCannedResponses,
    /// Edit and merge CRM contacts (issue 16): any agent, as in the chat they serve.
    EditContacts,
    /// Open channels and change their settings, secrets and allowed sites (A1).
    ConfigureChannels,
    /// Invite colleagues, change their roles, remove them.
    ManageTeam,
    /// Change or remove one colleague: never oneself (an admin cannot lock themselves out).
    ManageAgent(&'a AgentId),
    /// Make and revoke API tokens.
    ManageApiTokens,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Not theirs to know about: answered as "not found", so nothing leaks about other
    /// customers' dialogs or other workspaces.
    Hidden,
    /// Known to them but not allowed to their role.
    Forbidden,
    /// An admin acting on their own account through the team screen.
    NotOnYourself,
}

impl Denied {
    pub fn code(self) -> ErrorCode {
        match self {
            Denied::Hidden => ErrorCode::NotFound,
            Denied::Forbidden => ErrorCode::Forbidden,
            Denied::NotOnYourself => ErrorCode::NotOnYourself,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Denied::Hidden => "Not found.",
            Denied::Forbidden => "Your role does not allow this.",
            Denied::NotOnYourself => "You cannot change or remove your own account here.",
        }
    }
}

/// May `caller` do `action` in `workspace`?
pub fn permit(
    caller: Caller<'_>,
    workspace: &WorkspaceId,
    action: Action<'_>,
) -> Result<(), Denied> {
    match caller {
        Caller::Visitor { workspace: own, channel, visitor } => {
            if own != workspace {
                return Err(Denied::Hidden);
            }
            let theirs = |dialog: &DialogId| *dialog == DialogId::for_visitor(channel, visitor);
            match action {
                Action::ReadDialog(dialog) | Action::UploadFile(dialog) if theirs(dialog) => Ok(()),
                Action::CommandDialog(
                    dialog,
                    Command::Post { internal: false, .. }
                    | Command::ShareContact { .. }
                    | Command::MarkRead { .. }
                    | Command::Rate { .. },
                ) if theirs(dialog) => Ok(()),
                Action::CommandDialog(dialog, _) if theirs(dialog) => Err(Denied::Forbidden),
                Action::ReadDialog(_) | Action::CommandDialog(..) | Action::UploadFile(_) => {
                    Err(Denied::Hidden)
                }
                _ => Err(Denied::Forbidden),
            }
        }
        Caller::Agent { workspace: own, agent, role } => {
            if own != workspace {
                return Err(Denied::Hidden);
            }
            if let Action::ManageAgent(target) = action {
                if target == agent {
                    return Err(Denied::NotOnYourself);
                }
            }
            if role_may(role, action) {
                Ok(())
            } else {
                Err(Denied::Forbidden)
            }
        }
    }
}

/// What an agent's role allows in their own workspace.
pub fn role_may(role: Role, action: Action<'_>) -> bool {
    match action {
        // Only the system closes sessions for inactivity; the edge never acts as the system.
        Action::CommandDialog(_, Command::AutoClose) => false,
        Action::ReadDialog(_)
        | Action::CommandDialog(..)
        | Action::UploadFile(_)
        | Action::ReadWorkspace
        | Action::OwnAccount
        | Action::EditCannedResponses
        | Action::EditContacts => true,
        Action::ConfigureChannels
        | Action::ManageTeam
        | Action::ManageAgent(_)
        | Action::ManageApiTokens => role == Role::Admin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(id: &str) -> WorkspaceId {
        WorkspaceId::parse(id).unwrap()
    }

    fn say() -> Command {
        Command::Post {
            text: "hi".into(),
            internal: false,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        }
    }

    #[test]
    fn a_visitor_reaches_only_their_own_dialog_and_only_to_write() {
        let (demo, web, v1) =
            (ws("demo"), ChannelId::parse("web").unwrap(), VisitorId::parse("v_1").unwrap());
        let me = Caller::Visitor { workspace: &demo, channel: &web, visitor: &v1 };
        let mine = DialogId::for_visitor(&web, &v1);
        let other = DialogId::for_visitor(&web, &VisitorId::parse("v_2").unwrap());
        assert_eq!(permit(me, &demo, Action::ReadDialog(&mine)), Ok(()));
        assert_eq!(permit(me, &demo, Action::CommandDialog(&mine, &say())), Ok(()));
        assert_eq!(permit(me, &demo, Action::ReadDialog(&other)), Err(Denied::Hidden));
        assert_eq!(permit(me, &demo, Action::UploadFile(&mine)), Ok(()));
        assert_eq!(permit(me, &demo, Action::UploadFile(&other)), Err(Denied::Hidden));
        assert_eq!(permit(me, &demo, Action::CommandDialog(&other, &say())), Err(Denied::Hidden));
        assert_eq!(permit(me, &ws("other"), Action::ReadDialog(&mine)), Err(Denied::Hidden));
        let note = Command::Post {
            text: "x".into(),
            internal: true,
            quote: None,
            mentions: Vec::new(),
            files: Vec::new(),
        };
        for command in [note, Command::Answer, Command::Finish, Command::AutoClose, Command::Block]
        {
            assert_eq!(
                permit(me, &demo, Action::CommandDialog(&mine, &command)),
                Err(Denied::Forbidden)
            );
        }
        for action in [
            Action::ReadWorkspace,
            Action::OwnAccount,
            Action::ManageTeam,
            Action::EditCannedResponses,
            Action::EditContacts,
        ] {
            assert_eq!(permit(me, &demo, action), Err(Denied::Forbidden));
        }
    }

    #[test]
    fn agents_stay_in_their_workspace_and_admin_work_is_for_admins() {
        let (demo, ana, luis) =
            (ws("demo"), AgentId::parse("a_ana").unwrap(), AgentId::parse("a_luis").unwrap());
        let dialog = DialogId::parse("web-v_1").unwrap();
        let admin = Caller::Agent { workspace: &demo, agent: &ana, role: Role::Admin };
        let admin_only = [
            Action::ConfigureChannels,
            Action::ManageTeam,
            Action::ManageApiTokens,
            Action::ManageAgent(&luis),
        ];
        let everyone = [
            Action::ReadDialog(&dialog),
            Action::CommandDialog(&dialog, &Command::Answer),
            Action::UploadFile(&dialog),
            Action::ReadWorkspace,
            Action::OwnAccount,
            Action::EditCannedResponses,
            Action::EditContacts,
        ];
        for role in [Role::Admin, Role::Supervisor, Role::Agent] {
            let me = Caller::Agent { workspace: &demo, agent: &ana, role };
            for action in everyone {
                assert_eq!(permit(me, &demo, action), Ok(()), "{role:?} {action:?}");
                assert_eq!(permit(me, &ws("other"), action), Err(Denied::Hidden));
            }
            for action in admin_only {
                let expected = if role == Role::Admin { Ok(()) } else { Err(Denied::Forbidden) };
                assert_eq!(permit(me, &demo, action), expected, "{role:?} {action:?}");
            }
        }
        assert_eq!(permit(admin, &demo, Action::ManageAgent(&ana)), Err(Denied::NotOnYourself));
        let auto_close = Action::CommandDialog(&dialog, &Command::AutoClose);
        assert_eq!(permit(admin, &demo, auto_close), Err(Denied::Forbidden));
    }
}
