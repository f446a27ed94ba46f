//! One row of an inbox list: a link to the conversation with the customer's (or my) name,
//! the waiting time, a lock when it is locked (Q11), the last message, the unread count, and
//! the row's last line (`row_meta`): channel, owner and badges.

use crate::conversation::use_chat_names;
use crate::i18n::{DialogText, InboxText, Lang};
use crate::route;
use crate::ui::icons::LockIcon;
use crate::ui::{initials, use_ui, Ui};
use leptos::prelude::*;
use openline_core::conversation::SessionStatus;
use openline_core::ids::{AgentId, DialogId};
use openline_core::inbox::DialogSummary;

#[component]
pub fn InboxRow(
    /// The row's dialog.
    summary: DialogSummary,
    /// The open dialog.
    selected: Memo<Option<DialogId>>,
    /// The current time, for the waiting time.
    now: ReadSignal<i64>,
    /// The signed-in agent: a row names the owner only when it is someone else.
    me: AgentId,
) -> impl IntoView {
    let ui = use_ui();
    let names = use_chat_names();
    let id = summary.dialog_id.clone();
    let row_id = id.clone();
    let name_id = id.clone();
    let mine = move || names.of(&name_id);
    let visitor_name = summary.visitor_name.clone();
    let shown_name = {
        let (mine, visitor_name) = (mine.clone(), visitor_name.clone());
        move || mine().unwrap_or_else(|| visitor_name.clone())
    };
    let is_selected = move || selected.with(|s| s.as_ref() == Some(&row_id));
    let is_selected_class = is_selected.clone();
    let waiting = summary.waiting_since.is_some();
    let since = summary.waiting_since.or(summary.last_message.as_ref().map(|m| m.at));
    let age = move || since.map(|t| Lang::duration(now.get() - t));
    let age_label = move || {
        age()
            .map(|a| if waiting { format!("{} {a}", ui.lang.inbox(InboxText::Waiting)) } else { a })
    };
    let preview = summary.last_message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    let unread = summary.unread;
    let pinned = summary.pinned;
    view! {
        <li class="inbox-row" class:selected=is_selected_class data-dialog-id=id.to_string()>
            <a
                class="row-link"
                href=route::href(&id)
                aria-current=move || is_selected().then_some("page")
            >
                <span class="avatar" aria-hidden="true">{initials(&summary.visitor_name)}</span>
                <span class="row-main">
                    <span class="row-top">
                        <span class="row-name">{shown_name}</span>
                        {pinned.then(|| view! {
                            <span class="row-lock" title=ui.lang.dialog(DialogText::Locked)>
                                <LockIcon/>
                                <span class="sr-only">{ui.lang.dialog(DialogText::Locked)}</span>
                            </span>
                        })}
                        <span class="row-age" class:waiting=waiting title=age_label>
                            <span class="sr-only">{move || waiting.then(|| ui.lang.inbox(InboxText::Waiting))} " "</span>
                            {age}
                        </span>
                    </span>
                    <span class="row-bottom">
                        <span class="row-preview">{preview}</span>
                        {(unread > 0).then(|| view! {
                            <span class="badge">
                                {unread}
                                <span class="sr-only">" " {ui.lang.inbox(InboxText::Unread)}</span>
                            </span>
                        })}
                    </span>
                    {row_meta(ui, &summary, &me, mine, visitor_name)}
                </span>
            </a>
        </li>
    }
}

/// The row's last line: the channel, the customer when I named the chat, who owns it when it
/// is someone else, and the badges (blocked, rating, offered to me).
fn row_meta(
    ui: Ui,
    summary: &DialogSummary,
    me: &AgentId,
    mine: impl Fn() -> Option<String> + Send + Sync + 'static,
    visitor_name: String,
) -> impl IntoView {
    let owner = match &summary.status {
        SessionStatus::InProgress { agent, agent_name } if agent != me => Some(agent_name.clone()),
        _ => None,
    };
    let blocked = summary.blocked;
    // The customer's rating of a finished conversation (W4), in the Closed list.
    let rating = summary.rating.filter(|_| summary.status == SessionStatus::Idle);
    let offered_to_me =
        summary.status == SessionStatus::Unanswered && summary.offered_to.contains(me);
    view! {
    <span class="row-meta">
        <span class="row-channel">
            <span class="sr-only">{ui.lang.inbox(InboxText::Channel)} " "</span>
            {if summary.channel_name.is_empty() { summary.channel_id.to_string() } else { summary.channel_name.clone() }}
        </span>
        {move || mine().map(|_| view! { <span class="row-visitor">{visitor_name.clone()}</span> })}
        {owner.map(|name| view! { <span class="row-owner">{ui.lang.in_progress(&name)}</span> })}
        {blocked.then(|| view! {
            <span class="blocked-badge small">{ui.lang.dialog(DialogText::Blocked)}</span>
        })}
        {rating.map(|r| view! {
            <span class="rating-badge">{ui.lang.rating_label(&r.symbols())}</span>
        })}
        {offered_to_me.then(|| view! {
            <span class="offer-badge">{ui.lang.inbox(InboxText::OfferedToYou)}</span>
        })}
    </span>
    }
}
