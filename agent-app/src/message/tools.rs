//! What the message list's per-message actions share (M1, M8, M9): which message is being
//! edited inline or asked about before deletion (one at a time), which one the next reply
//! quotes (the draft's), the commands that change it, and where focus goes afterwards.
//! Rejections (403, 404, 409) reach the alert through `Commands` with the server's own words.

use crate::conversation::Commands;
use crate::i18n::MessageText;
use crate::ui::{focus_or_title, Ui};
use leptos::prelude::*;
use openline_core::auth::Role;
use openline_core::conversation::{may_change, may_split};
use openline_core::conversation::{Command, DialogState};
use openline_core::event::Actor;
use openline_core::ids::AgentId;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct MessageTools {
    pub ui: Ui,
    pub commands: Commands,
    me: StoredValue<AgentId>,
    role: Role,
    /// The dialog's state, for who may move what to a new session (M6).
    state: Memo<DialogState>,
    /// The message whose text is an inline editor.
    pub editing: RwSignal<Option<u64>>,
    /// The message whose deletion waits for a confirmation.
    pub confirming: RwSignal<Option<u64>>,
    /// A short confirmation for screen readers ("Text copied").
    pub status: RwSignal<Option<&'static str>>,
    /// The message the reply being written quotes (M1): the draft's.
    pub quoting: RwSignal<Option<u64>>,
    /// The image shown full size (C1).
    pub viewer: super::files::Viewer,
}

impl MessageTools {
    pub fn new(
        ui: Ui,
        commands: Commands,
        me: AgentId,
        state: Memo<DialogState>,
        quoting: RwSignal<Option<u64>>,
    ) -> MessageTools {
        let role =
            ui.session.with_untracked(|s| s.as_ref().map(|s| s.agent.role)).unwrap_or_default();
        MessageTools {
            ui,
            commands,
            me: StoredValue::new(me),
            role,
            state,
            editing: RwSignal::new(None),
            confirming: RwSignal::new(None),
            status: RwSignal::new(None),
            quoting,
            viewer: super::files::Viewer::new(),
        }
    }

    /// For the agents' latest reply: whether the customer has read it (W2 read marks);
    /// `None` for any other message.
    pub fn seen(&self, seq: u64) -> Option<bool> {
        self.state.with(|s| (s.last_to_customer == seq).then_some(s.customer_read >= seq))
    }

    /// The reply being written will quote message `seq` (M1): back to writing it.
    pub fn quote(&self, seq: u64) {
        self.editing.set(None);
        self.confirming.set(None);
        self.quoting.set(Some(seq));
        request_animation_frame(|| focus_or_title("composer-input"));
    }

    /// Brings message `seq` into view, gives it focus and flashes it for a moment (M1: a
    /// quote leads to its original).
    pub fn show_original(&self, seq: u64) {
        let selector = format!("#messages li[data-seq=\"{seq}\"]");
        let Ok(Some(li)) = document().query_selector(&selector) else { return };
        if let Some(el) = li.dyn_ref::<web_sys::HtmlElement>() {
            el.set_tab_index(-1);
            let _ = el.focus();
        }
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        li.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = li.class_list().add_1(FLASH);
        set_timeout(
            move || {
                let _ = li.class_list().remove_1(FLASH);
            },
            std::time::Duration::from_millis(FLASH_MS),
        );
    }

    pub fn may_change(&self, author: &Actor, deleted: bool) -> bool {
        self.me.with_value(|me| may_change(me, self.role, author, deleted))
    }

    /// Whether message `seq` may start a new session (tracked: the menu follows the state).
    pub fn may_split(&self, seq: u64) -> bool {
        self.me.with_value(|me| self.state.with(|s| may_split(s, me, seq)))
    }

    /// Message `seq` and those after it become a new session (M6); focus goes back to writing.
    pub fn move_to_new(&self, seq: u64) {
        self.commands.run_and(Command::MoveToNewSession { seq }, || {
            request_animation_frame(|| focus_or_title("composer-input"));
        });
    }

    pub fn start_edit(&self, seq: u64) {
        self.confirming.set(None);
        self.editing.set(Some(seq));
        request_animation_frame(move || {
            focus_or_title(EDIT_INPUT);
            reveal(seq);
        });
    }

    pub fn cancel_edit(&self, seq: u64) {
        self.editing.set(None);
        self.focus_menu_button(seq);
    }

    /// Sends the new text; the editor closes once the server took it.
    pub fn save_edit(&self, seq: u64, text: String) {
        if text.trim().is_empty() {
            return;
        }
        let tools = *self;
        self.commands.run_and(Command::EditMessage { seq, text }, move || {
            tools.editing.set(None);
            tools.focus_menu_button(seq);
        });
    }

    pub fn ask_delete(&self, seq: u64) {
        self.editing.set(None);
        self.confirming.set(Some(seq));
        request_animation_frame(move || {
            focus_or_title(DELETE_CONFIRM);
            reveal(seq);
        });
    }

    pub fn cancel_delete(&self, seq: u64) {
        self.confirming.set(None);
        self.focus_menu_button(seq);
    }

    pub fn delete(&self, seq: u64) {
        let tools = *self;
        self.commands.run_and(Command::DeleteMessage { seq }, move || {
            tools.confirming.set(None);
            // The message has no menu any more: back to writing.
            request_animation_frame(|| focus_or_title("composer-input"));
        });
    }

    pub fn copy(&self, text: &str) {
        let status = self.status;
        let done = self.ui.lang.message(MessageText::Copied);
        let promise = window().navigator().clipboard().write_text(text);
        // Said only once the browser wrote it (it may refuse: no permission, no focus).
        let on_done: Closure<dyn FnMut(wasm_bindgen::JsValue)> = Closure::once(move |_| {
            status.try_set(Some(done));
        });
        let _ = promise.then(&on_done);
        // Called at most once; the few bytes it keeps are not worth a future runtime.
        on_done.forget();
    }

    /// Once the list is drawn again (an edited message is a new row), focus its "…" button.
    pub fn focus_menu_button(&self, seq: u64) {
        request_animation_frame(move || {
            let id = format!("msg-menu-button-{seq}");
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    }
}

/// Scrolls the whole message into view: its editor or confirm may reach below the list's edge.
fn reveal(seq: u64) {
    let selector = format!("#messages li[data-seq=\"{seq}\"]");
    if let Ok(Some(li)) = document().query_selector(&selector) {
        let bottom = li.get_bounding_client_rect().bottom();
        let list_bottom = document()
            .get_element_by_id("messages")
            .map_or(f64::MAX, |list| list.get_bounding_client_rect().bottom());
        if bottom > list_bottom {
            li.scroll_into_view_with_bool(false);
        }
    }
}

/// The class that flashes a message shown from a quote, and for how long.
const FLASH: &str = "flash";
const FLASH_MS: u64 = 2_000;

/// The inline editor's textarea and the delete confirmation's button (one of each at a time).
pub const EDIT_INPUT: &str = "msg-edit-input";
pub const DELETE_CONFIRM: &str = "msg-delete-confirm";
