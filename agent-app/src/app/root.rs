//! The root: it provides the `Ui` context, then chooses between the signed-out screens (login,
//! first-run setup, invitation; `account::session` decides which at start) and the signed-in
//! shell.

use super::shell::Shell;
use crate::account::{session, InvitationScreen, Login, SetupScreen};
use crate::i18n::{CommonText, Lang};
use crate::ui::{use_ui, Entry, Ui};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::detect();
    set_document_lang(lang);
    let ui = Ui {
        lang,
        session: RwSignal::new(None),
        entry: RwSignal::new(Entry::Checking),
        alert: RwSignal::new(None),
        first_screen: StoredValue::new(true),
    };
    provide_context(ui);
    session::start(ui);
    let signed_in = Memo::new(move |_| ui.session.with(Option::is_some));
    move || {
        if signed_in.get() {
            return view! { <Shell/> }.into_any();
        }
        match ui.entry.get() {
            Entry::Checking => view! { <Starting/> }.into_any(),
            Entry::Login => view! { <Login/> }.into_any(),
            Entry::Setup => view! { <SetupScreen/> }.into_any(),
            Entry::Invitation(code) => view! { <InvitationScreen code/> }.into_any(),
        }
    }
}

/// While the start-up check runs: the brand and a polite "Loading…".
#[component]
fn Starting() -> impl IntoView {
    let ui = use_ui();
    view! {
        <main class="login-page">
            <p class="brand" role="status">
                <span class="brand-mark" aria-hidden="true"></span>
                "Openline"
                <span class="sr-only">" " {ui.lang.common(CommonText::Loading)}</span>
            </p>
        </main>
    }
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
