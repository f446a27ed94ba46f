//! The dialog header's buttons: what the signed-in agent may do with the session now, as
//! `core::conversation::agent_actions` says (the rule `decide` applies; there is no table of
//! our own). The server still decides, and a refusal shows in the alert. Frequent actions are
//! buttons; inviting and marking as spam sit in the "…" menu. Transfer and invite open the
//! agent picker, and focus comes back to the button that opened it. Where the owner locked the
//! session (Q11), "Take conversation" stays, disabled, and says who holds the lock.

use super::action_menu::ActionMenu;
use super::picker::{AgentPicker, PickerMode};
use crate::conversation::{Commands, Then};
use crate::i18n::DialogText;
use crate::ui::icons::LockIcon;
use crate::ui::{focus_or_title, use_ui, Ui};
use leptos::prelude::*;
use openline_core::conversation::{agent_actions, locked_by, AgentAction, Command, DialogState};
use openline_core::event::AgentRef;
use openline_core::ids::{AgentId, ChannelId};

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
    let (role, asker) = (ui.role(), AgentRef { id: me.clone(), name: String::new() });
    let offered = Memo::new(move |_| state.with(|s| agent_actions(s, &asker, role)));
    let me_locked = me.clone();
    let locked = Memo::new(move |_| state.with(|s| locked_by(s, &me_locked).map(str::to_owned)));
    let pinned = Memo::new(move |_| state.with(|s| s.pinned));
    let b = Buttons { ui, commands, picker };
    let buttons = move || {
        let actions = offered.get();
        let mut shown: Vec<AnyView> = actions.iter().filter_map(|&a| b.button(a, pinned)).collect();
        if !actions.contains(&AgentAction::Take) && locked.with(Option::is_some) {
            shown.push(view! { <TakeButton locked commands/> }.into_any());
        }
        let menu: Vec<AnyView> = actions.iter().filter_map(|&a| b.menu_item(a)).collect();
        let menu = (!menu.is_empty()).then(|| view! { <ActionMenu>{menu}</ActionMenu> });
        view! { {shown} {menu} }
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
            {buttons}
        </div>
        <OpenPicker picker state me commands/>
    }
}

/// Each action as a button or a menu item, sending its command or opening the picker.
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

    /// The header button for `action`, if it is one (the rest sit in the menu).
    fn button(self, action: AgentAction, pinned: Memo<bool>) -> Option<AnyView> {
        let (lang, commands) = (self.ui.lang, self.commands);
        let plain = |id: &'static str, class: &'static str, command, then, text| {
            view! {
                <button id=id type="button" class=class on:click=self.run(command, then)>
                    {lang.dialog(text)}
                </button>
            }
            .into_any()
        };
        Some(match action {
            AgentAction::Unblock => {
                plain("action-unblock", "btn", Command::Unblock, Then::Stay, DialogText::Unblock)
            }
            AgentAction::Answer => plain(
                "action-answer",
                "btn primary",
                Command::Answer,
                Then::Compose,
                DialogText::Answer,
            ),
            AgentAction::AcceptAndClose => plain(
                "action-accept-close",
                "btn",
                Command::AcceptAndClose,
                Then::Stay,
                DialogText::AcceptAndClose,
            ),
            AgentAction::Finish => {
                plain("action-finish", "btn", Command::Finish, Then::Stay, DialogText::Finish)
            }
            AgentAction::Transfer => view! {
                <button id="action-transfer" type="button" class="btn"
                    on:click=self.open_picker(PickerMode::Transfer)>
                    {lang.dialog(DialogText::Transfer)}
                </button>
            }
            .into_any(),
            AgentAction::Pin | AgentAction::Unpin => {
                view! { <PinToggle pinned commands/> }.into_any()
            }
            AgentAction::Take => {
                let locked = Memo::new(|_| None);
                view! { <TakeButton locked commands/> }.into_any()
            }
            AgentAction::Invite | AgentAction::MarkSpam | AgentAction::Block => return None,
        })
    }

    /// The "…" menu's item for `action`, if it is one.
    fn menu_item(self, action: AgentAction) -> Option<AnyView> {
        Some(match action {
            AgentAction::Invite => self.item(
                ("action-invite", "menu-item", DialogText::Invite),
                self.open_picker(PickerMode::Invite),
            ),
            AgentAction::MarkSpam => self.item(
                ("action-spam", "menu-item danger", DialogText::MarkSpam),
                self.run(Command::MarkSpam, Then::Stay),
            ),
            AgentAction::Block => self.item(
                ("action-block", "menu-item danger", DialogText::SpamAndBlock),
                self.run(Command::Block, Then::Stay),
            ),
            _ => return None,
        })
    }

    /// A menu item: (its id, class, text), and what a click does.
    fn item(
        self,
        (id, class, text): (&'static str, &'static str, DialogText),
        on_click: impl Fn(leptos::ev::MouseEvent) + 'static,
    ) -> AnyView {
        view! {
            <button id=id type="button" role="menuitem" tabindex="-1" class=class on:click=on_click>
                {self.ui.lang.dialog(text)}
            </button>
        }
        .into_any()
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
    /// Who holds the lock on the session, if anyone.
    locked: Memo<Option<String>>,
    /// Sends Take.
    commands: Commands,
) -> impl IntoView {
    let ui = use_ui();
    let label = move || match locked.get() {
        Some(owner) => view! { <LockIcon/> {ui.lang.locked_by(&owner)} }.into_any(),
        None => ui.lang.dialog(DialogText::TakeOver).into_any(),
    };
    view! {
        <button
            id="action-take"
            type="button"
            class="btn primary"
            class:locked=move || locked.with(Option::is_some)
            disabled=move || locked.with(Option::is_some)
            title=move || locked.get().map(|owner| ui.lang.locked_by(&owner))
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
    use openline_core::conversation::SessionStatus;

    fn agent(id: &str) -> AgentId {
        AgentId::parse(id).unwrap()
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
