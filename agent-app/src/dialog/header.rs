//! The open conversation's header: the customer's name with the chat's own tools (`title`),
//! who has the session (`StatusPill`), the blocked badge, the invited colleagues, how to reach
//! the customer (W4), the connection status, the agent's buttons (`actions`) and the status
//! line under it all.

use super::actions::DialogActions;
use super::flash::{Flash, FlashLine};
use super::title::DialogTitle;
use crate::conversation::Commands;
use crate::i18n::{CommonText, DialogText};
use crate::ui::icons::LockIcon;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::conversation::{DialogState, SessionStatus};
use openline_core::event::CloseReason;
use openline_core::ids::{AgentId, DialogId};

#[component]
pub fn DialogHeader(
    /// The dialog.
    id: DialogId,
    /// The customer's display name.
    visitor: Signal<String>,
    /// The header's status line.
    flash: Flash,
    /// The session's state, folded from the events.
    state: Memo<DialogState>,
    /// Whether the dialog's socket is connected.
    online: RwSignal<bool>,
    /// The signed-in agent.
    me: AgentId,
    /// Sends the buttons' commands.
    commands: Commands,
) -> impl IntoView {
    let ui = use_ui();
    let participants = move || {
        state.with(|s| {
            let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
            (!names.is_empty()).then(|| ui.lang.with_colleagues(&names.join(", ")))
        })
    };
    view! {
        <header class="dialog-header">
            <div class="dialog-who">
                <DialogTitle id visitor flash/>
                <StatusPill state/>
                <Show when=move || state.with(|s| s.blocked)>
                    <p class="blocked-badge">{ui.lang.dialog(DialogText::Blocked)}</p>
                </Show>
                {move || participants().map(|p| view! { <p class="participants">{p}</p> })}
                {move || state.with(|s| s.contact.clone()).map(contact_line)}
            </div>
            <span class="link-status" role="status">
                {move || (!online.get()).then(|| ui.lang.common(CommonText::Reconnecting))}
            </span>
            <DialogActions state me commands/>
            <FlashLine flash/>
        </header>
    }
}

/// How to reach the customer, as they told (W4): email and phone as links.
fn contact_line(contact: openline_core::contact::Contact) -> impl IntoView {
    let email = (!contact.email.is_empty()).then(|| {
        let href = format!("mailto:{}", contact.email);
        view! { <a id="contact-email" href=href>{contact.email.clone()}</a> }
    });
    let phone = (!contact.phone.is_empty()).then(|| {
        let digits: String =
            contact.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        view! { <a id="contact-phone" href=format!("tel:{digits}")>{contact.phone.clone()}</a> }
    });
    (email.is_some() || phone.is_some())
        .then(|| view! { <p class="contact-line">{email} {phone}</p> })
}

/// Who has the session: waiting, answered by someone (with a lock when locked), or closed.
#[component]
fn StatusPill(
    /// The session's state.
    state: Memo<DialogState>,
) -> impl IntoView {
    let ui = use_ui();
    let status = move || {
        state.with(|s| match &s.status {
            SessionStatus::Unanswered => {
                ("unanswered", ui.lang.dialog(DialogText::StatusUnanswered).to_owned())
            }
            SessionStatus::InProgress { agent_name, .. } => {
                ("open", ui.lang.in_progress(agent_name))
            }
            SessionStatus::Idle if s.last_close == Some(CloseReason::Spam) => {
                ("closed", ui.lang.dialog(DialogText::StatusSpam).to_owned())
            }
            SessionStatus::Idle => ("closed", ui.lang.dialog(DialogText::StatusClosed).to_owned()),
        })
    };
    let pinned = move || state.with(|s| s.pinned);
    view! {
        <p class=move || format!("status-pill {}", status().0)>
            {move || pinned().then(|| view! {
                <LockIcon/>
                <span class="sr-only">{ui.lang.dialog(DialogText::Locked)} ", "</span>
            })}
            {move || status().1}
        </p>
    }
}
