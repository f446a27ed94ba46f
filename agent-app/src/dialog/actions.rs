//! The dialog header's buttons: what the signed-in agent may do with the session now.
//!
//! The offer follows the state folded from the events (`Role::of`), the same fold the server
//! runs; the server still decides, and a refusal shows in the alert. Frequent actions are
//! buttons; inviting and marking as spam sit in the "…" menu. Transfer and invite open the
//! agent picker, and focus comes back to the button that opened it.
//!
//! | role | buttons | "…" menu |
//! |---|---|---|
//! | unanswered | Answer, Accept and close, Transfer | Mark as spam, Spam and block |
//! | mine | Finish, Transfer, Lock as mine (toggle) | Invite a colleague, Mark as spam, Spam and block |
//! | someone else's | Take conversation ("Locked by Ana" while locked) | Invite (if invited) |
//! | closed | — | Spam and block (unless blocked) |
//!
//! A blocked customer's dialog (Q6) also offers "Unblock customer" to supervisors and admins
//! (`Role::may_moderate`, the rule `decide` applies).

use super::action_menu::ActionMenu;
use super::picker::{AgentPicker, PickerMode};
use crate::conversation::{Commands, Then};
use crate::i18n::DialogText;
use crate::ui::icons::LockIcon;
use crate::ui::{focus_or_title, use_ui, Ui};
use leptos::prelude::*;
use openline_core::conversation::{Command, DialogState, SessionStatus};
use openline_core::ids::{AgentId, ChannelId};

/// The signed-in agent's place in the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// No open session: nothing to do until the customer writes again.
    Closed,
    /// Nobody answered yet: anyone may answer, route or close it.
    Unanswered,
    /// The signed-in agent owns the session.
    Owner,
    /// Someone else owns it; `member` when the signed-in agent was invited (Q9).
    Other { member: bool },
}

impl Role {
    pub fn of(state: &DialogState, me: &AgentId) -> Role {
        match &state.status {
            SessionStatus::Idle => Role::Closed,
            SessionStatus::Unanswered => Role::Unanswered,
            SessionStatus::InProgress { agent, .. } if agent == me => Role::Owner,
            SessionStatus::InProgress { .. } => Role::Other { member: state.is_member(me) },
        }
    }
}

#[component]
pub fn DialogActions(
    /// The session's state, folded from the events.
    state: Memo<DialogState>,
    /// The signed-in agent.
    me: AgentId,
    /// Sends the chosen command.
    commands: Commands,
) -> impl IntoView {
    let ui = use_ui();
    let picker = RwSignal::new(None::<PickerMode>);
    let me_role = me.clone();
    let role = Memo::new(move |_| state.with(|s| Role::of(s, &me_role)));
    let pinned = Memo::new(move |_| state.with(|s| s.pinned));
    let blocked = Memo::new(move |_| state.with(|s| s.blocked));
    // Nothing to block before the first customer message (or before the log arrived).
    let started = Memo::new(move |_| state.with(|s| s.session > 0));
    let may_unblock = ui.role().may_moderate();
    let b = Buttons { ui, commands, picker };
    let unblock = move || {
        (may_unblock && blocked.get()).then(|| {
            view! {
                <button id="action-unblock" type="button" class="btn"
                    on:click=b.run(Command::Unblock, Then::Stay)>
                    {ui.lang.dialog(DialogText::Unblock)}
                </button>
            }
        })
    };
    let buttons = move || match role.get() {
        Role::Closed if blocked.get() || !started.get() => ().into_any(),
        Role::Closed => view! { <ActionMenu>{b.block()}</ActionMenu> }.into_any(),
        Role::Unanswered => b.unanswered().into_any(),
        Role::Owner => b.owner(pinned).into_any(),
        Role::Other { member } => view! {
            <TakeButton state commands/>
            {member.then(|| view! { <ActionMenu>{b.invite()}</ActionMenu> })}
        }
        .into_any(),
    };
    view! {
        // Buttons stay enabled while a command is on its way (disabling the focused one would
        // drop focus); `Commands` ignores clicks meanwhile.
        <div
            class="dialog-actions"
            role="group"
            aria-label=ui.lang.dialog(DialogText::ConversationActions)
            aria-busy=move || if commands.pending.get() { "true" } else { "false" }
        >
            {unblock}
            {buttons}
        </div>
        <OpenPicker picker state me commands/>
    }
}

/// The buttons and menu items the roles share, each sending its command or opening the picker.
#[derive(Clone, Copy)]
struct Buttons {
    ui: Ui,
    commands: Commands,
    /// Which picker is open, if any.
    picker: RwSignal<Option<PickerMode>>,
}

impl Buttons {
    fn run(self, command: Command, then: Then) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        move |_| self.commands.run(command.clone(), then)
    }

    fn open_picker(self, mode: PickerMode) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        move |_| self.picker.set(Some(mode))
    }

    /// Nobody answered yet: Answer, Accept and close, Transfer; spam in the menu.
    fn unanswered(self) -> impl IntoView {
        let lang = self.ui.lang;
        view! {
            <button id="action-answer" type="button" class="btn primary"
                on:click=self.run(Command::Answer, Then::Compose)>
                {lang.dialog(DialogText::Answer)}
            </button>
            <button id="action-accept-close" type="button" class="btn"
                on:click=self.run(Command::AcceptAndClose, Then::Stay)>
                {lang.dialog(DialogText::AcceptAndClose)}
            </button>
            {self.transfer()}
            <ActionMenu>{self.spam()} {self.block()}</ActionMenu>
        }
    }

    /// Mine: Finish, Transfer, Lock as mine; invite and spam in the menu.
    fn owner(self, pinned: Memo<bool>) -> impl IntoView {
        let commands = self.commands;
        view! {
            <button id="action-finish" type="button" class="btn"
                on:click=self.run(Command::Finish, Then::Stay)>
                {self.ui.lang.dialog(DialogText::Finish)}
            </button>
            {self.transfer()}
            <PinToggle pinned commands/>
            <ActionMenu>{self.invite()} {self.spam()} {self.block()}</ActionMenu>
        }
    }

    fn transfer(self) -> impl IntoView {
        view! {
            <button id="action-transfer" type="button" class="btn"
                on:click=self.open_picker(PickerMode::Transfer)>
                {self.ui.lang.dialog(DialogText::Transfer)}
            </button>
        }
    }

    fn invite(self) -> impl IntoView {
        view! {
            <button id="action-invite" type="button" role="menuitem" tabindex="-1" class="menu-item"
                on:click=self.open_picker(PickerMode::Invite)>
                {self.ui.lang.dialog(DialogText::Invite)}
            </button>
        }
    }

    fn spam(self) -> impl IntoView {
        view! {
            <button id="action-spam" type="button" role="menuitem" tabindex="-1" class="menu-item danger"
                on:click=self.run(Command::MarkSpam, Then::Stay)>
                {self.ui.lang.dialog(DialogText::MarkSpam)}
            </button>
        }
    }

    fn block(self) -> impl IntoView {
        view! {
            <button id="action-block" type="button" role="menuitem" tabindex="-1" class="menu-item danger"
                on:click=self.run(Command::Block, Then::Stay)>
                {self.ui.lang.dialog(DialogText::SpamAndBlock)}
            </button>
        }
    }
}

/// The agent picker while one is open: the choice becomes a Transfer or an Invite command,
/// and focus goes back to the button that opened it.
#[component]
fn OpenPicker(
    /// Which picker is open, if any.
    picker: RwSignal<Option<PickerMode>>,
    /// The session's state, for whom to leave out.
    state: Memo<DialogState>,
    /// The signed-in agent.
    me: AgentId,
    /// Sends the command.
    commands: Commands,
) -> impl IntoView {
    move || {
        let mode = picker.get()?;
        let opener = match mode {
            PickerMode::Transfer => "action-transfer",
            PickerMode::Invite => "action-more",
        };
        let close = move || {
            picker.set(None);
            focus_or_title(opener);
        };
        let exclude = state.with_untracked(|s| excluded(s, &me, mode));
        let on_pick = Callback::new(move |agent: AgentId| {
            close();
            let command = match mode {
                PickerMode::Transfer => Command::Transfer { to: agent },
                PickerMode::Invite => Command::Invite { agent },
            };
            commands.run(command, Then::Stay);
        });
        let on_close = Callback::new(move |()| close());
        // Q4: a transfer may also go to another open channel's queue.
        let on_pick_channel = (mode == PickerMode::Transfer).then(|| {
            Callback::new(move |channel: ChannelId| {
                close();
                commands.run(Command::TransferToChannel { channel }, Then::Stay);
            })
        });
        Some(view! { <AgentPicker mode exclude on_pick on_pick_channel on_close/> })
    }
}

/// "Lock as mine" (Q11), a toggle button: pressed while the session is locked.
#[component]
fn PinToggle(
    /// Whether the session is locked now.
    pinned: Memo<bool>,
    /// Sends Pin or Unpin.
    commands: Commands,
) -> impl IntoView {
    let ui = use_ui();
    let toggle = move |_| {
        let command = if pinned.get_untracked() { Command::Unpin } else { Command::Pin };
        commands.run(command, Then::Stay);
    };
    view! {
        <button
            id="action-pin"
            type="button"
            class="btn toggle"
            aria-pressed=move || if pinned.get() { "true" } else { "false" }
            on:click=toggle
        >
            <LockIcon/>
            {ui.lang.dialog(DialogText::LockAsMine)}
        </button>
    }
}

/// "Take conversation" (Q7); while the owner holds the lock (Q11) it is disabled and says so.
#[component]
fn TakeButton(
    /// The session's state: who owns it, is it locked.
    state: Memo<DialogState>,
    /// Sends Take.
    commands: Commands,
) -> impl IntoView {
    let ui = use_ui();
    let locked_by = Memo::new(move |_| {
        state.with(|s| match &s.status {
            SessionStatus::InProgress { agent_name, .. } if s.pinned => Some(agent_name.clone()),
            _ => None,
        })
    });
    let label = move || match locked_by.get() {
        Some(owner) => view! { <LockIcon/> {ui.lang.locked_by(&owner)} }.into_any(),
        None => ui.lang.dialog(DialogText::TakeOver).into_any(),
    };
    view! {
        <button
            id="action-take"
            type="button"
            class="btn primary"
            class:locked=move || locked_by.with(Option::is_some)
            disabled=move || locked_by.with(Option::is_some)
            title=move || locked_by.get().map(|owner| ui.lang.locked_by(&owner))
            on:click=move |_| commands.run(Command::Take, Then::Compose)
        >
            {label}
        </button>
    }
}

/// Who the picker leaves out: oneself and the owner; for an invitation, every member too.
fn excluded(state: &DialogState, me: &AgentId, mode: PickerMode) -> Vec<AgentId> {
    let mut out = vec![me.clone()];
    out.extend(state.assignee().cloned());
    if mode == PickerMode::Invite {
        out.extend(state.participants.iter().map(|p| p.id.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::event::AgentRef;

    fn agent(id: &str) -> AgentId {
        AgentId::parse(id).unwrap()
    }

    #[test]
    fn q3_q7_q9_buttons_follow_who_owns_the_session() {
        let me = agent("a_ana");
        let owned_by =
            |id: &str| SessionStatus::InProgress { agent: agent(id), agent_name: id.into() };
        let invited = vec![AgentRef { id: me.clone(), name: "Ana".into() }];
        // (status, invited colleagues, role of Ana)
        let cases = [
            (SessionStatus::Idle, vec![], Role::Closed),
            (SessionStatus::Unanswered, vec![], Role::Unanswered),
            (owned_by("a_ana"), vec![], Role::Owner),
            (owned_by("a_luis"), vec![], Role::Other { member: false }),
            (owned_by("a_luis"), invited, Role::Other { member: true }),
        ];
        for (status, participants, expected) in cases {
            let state = DialogState { status, participants, ..DialogState::default() };
            assert_eq!(Role::of(&state, &me), expected, "{:?}", state.status);
        }
    }

    #[test]
    fn q4_q9_picker_leaves_out_me_the_owner_and_for_invites_the_members() {
        let state = DialogState {
            status: SessionStatus::InProgress { agent: agent("a_luis"), agent_name: "Luis".into() },
            participants: vec![AgentRef { id: agent("a_marta"), name: "Marta".into() }],
            ..DialogState::default()
        };
        let me = agent("a_ana");
        assert_eq!(excluded(&state, &me, PickerMode::Transfer), vec![me.clone(), agent("a_luis")]);
        assert_eq!(
            excluded(&state, &me, PickerMode::Invite),
            vec![me.clone(), agent("a_luis"), agent("a_marta")]
        );
    }
}
