//! The left column: the five lists (Q2) as tabs with live counts, and the rows of the chosen
//! one (`row`). A row says who owns the conversation when it is someone else, shows a lock when it is
//! locked (Q11), a "Blocked" badge when the customer is blocked (Q6), and an "Offered to you"
//! badge while routing offers it to me (Q13). A chat I named (C3) shows my name for it, and its
//! customer's in the row's last line.
//!
//! Rows are links to `#/dialog/<id>`: opening a dialog is an ordinary navigation, so it works
//! with the keyboard, in a new tab, and after a reload. Nothing opens by itself.

use super::model::{load_more, Inbox};
use super::row::InboxRow;
use crate::i18n::{CommonText, InboxText, ShellText};
use crate::ui::clock::use_now;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::ids::{AgentId, DialogId};
use openline_core::inbox::InboxList;

#[component]
pub fn InboxPane(
    /// The live rows of every list.
    inbox: RwSignal<Inbox>,
    /// The dialog open on the right, highlighted in the list.
    selected: Memo<Option<DialogId>>,
    /// The signed-in agent, for the "Mine" list.
    me: AgentId,
) -> impl IntoView {
    let ui = use_ui();
    let tab = RwSignal::new(InboxList::Unanswered);
    let now = use_now();
    let me_row = StoredValue::new(me);
    // Read by the empty check and the list: a memo computes it once per change.
    let rows = Memo::new(move |_| inbox.with(|i| i.rows(tab.get())));
    let has_more = Memo::new(move |_| inbox.with(|i| i.more_after(tab.get()).is_some()));
    let loading = RwSignal::new(false);
    let more = move || load_more(ui, inbox, tab.get_untracked(), loading);
    let tabs =
        InboxList::ALL.into_iter().map(|list| view! { <TabButton list tab inbox/> }).collect_view();
    view! {
        <div
            class="tabs"
            role="tablist"
            aria-label=ui.lang.shell(ShellText::Lists)
            on:keydown=move |ev| move_between_tabs(&ev, tab)
        >
            {tabs}
        </div>
        <div
            id="inbox-panel"
            class="inbox-panel"
            role="tabpanel"
            aria-labelledby=move || tab_id(tab.get())
            on:scroll=move |ev| {
                if has_more.get_untracked() && near_the_end(&ev) {
                    more();
                }
            }
        >
            <Show when=move || inbox.with(|i| i.loaded) fallback=move || view! {
                <p class="list-note">{ui.lang.common(CommonText::Loading)}</p>
            }>
                <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! {
                    <p class="list-note">{ui.lang.inbox(InboxText::EmptyList)}</p>
                }>
                    <ul class="inbox-list">
                        <For
                            each=move || rows.get()
                            // A row changes with a new event or a new offer (Q13, no event).
                            key=|d| (d.dialog_id.clone(), d.last_seq, d.offered_to.clone())
                            children=move |d| view! { <InboxRow summary=d selected now me=me_row.get_value()/> }
                        />
                    </ul>
                </Show>
                <Show when=move || has_more.get()>
                    <button
                        type="button"
                        class="btn small show-more"
                        aria-busy=move || if loading.get() { "true" } else { "false" }
                        on:click=move |_| more()
                    >
                        {move || if loading.get() {
                            ui.lang.common(CommonText::Loading)
                        } else {
                            ui.lang.inbox(InboxText::ShowMore)
                        }}
                    </button>
                </Show>
            </Show>
        </div>
    }
}

#[component]
fn TabButton(
    /// The list this tab shows.
    list: InboxList,
    /// The chosen tab.
    tab: RwSignal<InboxList>,
    /// The rows, for the count.
    inbox: RwSignal<Inbox>,
) -> impl IntoView {
    let ui = use_ui();
    let active = move || tab.get() == list;
    view! {
        <button
            type="button"
            role="tab"
            id=tab_id(list)
            class="tab"
            aria-selected=move || if active() { "true" } else { "false" }
            aria-controls="inbox-panel"
            tabindex=move || if active() { "0" } else { "-1" }
            on:click=move |_| tab.set(list)
        >
            <span class="tab-label">{ui.lang.inbox(tab_text(list))}</span>
            " "
            <span class="count">{move || inbox.with(|i| i.count(list))}</span>
        </button>
    }
}

/// The ids the end-to-end tests rely on.
fn tab_id(list: InboxList) -> &'static str {
    match list {
        InboxList::Unanswered => "tab-unanswered",
        InboxList::Mine => "tab-mine",
        InboxList::AllOpen => "tab-all-open",
        InboxList::Closed => "tab-closed",
        InboxList::Spam => "tab-spam",
    }
}

fn tab_text(list: InboxList) -> InboxText {
    match list {
        InboxList::Unanswered => InboxText::Unanswered,
        InboxList::Mine => InboxText::Mine,
        InboxList::AllOpen => InboxText::AllOpen,
        InboxList::Closed => InboxText::Closed,
        InboxList::Spam => InboxText::Spam,
    }
}

/// Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern).
fn move_between_tabs(ev: &leptos::ev::KeyboardEvent, tab: RwSignal<InboxList>) {
    let all = InboxList::ALL;
    let current = all.iter().position(|l| *l == tab.get_untracked()).unwrap_or(0);
    let next = match ev.key().as_str() {
        "ArrowRight" => (current + 1) % all.len(),
        "ArrowLeft" => (current + all.len() - 1) % all.len(),
        "Home" => 0,
        "End" => all.len() - 1,
        _ => return,
    };
    ev.prevent_default();
    tab.set(all[next]);
    if let Some(el) = document().get_element_by_id(tab_id(all[next])) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

/// The list is scrolled to within a screenful of its end: time to load the next rows.
fn near_the_end(ev: &leptos::ev::Event) -> bool {
    let Some(panel) =
        ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return false;
    };
    panel.scroll_top() + 2 * panel.client_height() >= panel.scroll_height()
}
