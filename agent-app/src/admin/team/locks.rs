//! The sign-ins on hold (`core::sign_in`): the accounts and networks that must wait after
//! several wrong passwords (`GET /api/agent/sign-in-locks`), each with "Let in now", which
//! lets it try again at once (`DELETE …`). An admin uses it for a colleague who mistyped, or
//! to see that someone is guessing.

use crate::api;
use crate::i18n::{CommonText, TeamText};
use crate::ui::clock::date_time;
use crate::ui::{focus, use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::sign_in::Lock;

/// The locks; `None` until the first answer.
type Locks = RwSignal<Option<Vec<Lock>>>;

#[component]
pub fn SignInLocks() -> impl IntoView {
    let ui = use_ui();
    let locks: Locks = RwSignal::new(None);
    let error = RwSignal::new(None::<String>);
    load(ui, locks, error);
    let rows = move || {
        let Some(list) = locks.get() else {
            return view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }
                .into_any();
        };
        if list.is_empty() {
            return view! { <p class="list-note">{ui.lang.team(TeamText::NoSignInLocks)}</p> }
                .into_any();
        }
        let items =
            list.into_iter().map(|lock| view! { <LockRow lock locks error/> }).collect_view();
        view! { <ul class="team-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="admin-card" aria-labelledby="locks-title">
            <h3 id="locks-title" tabindex="-1">{ui.lang.team(TeamText::SignInLocks)}</h3>
            <p class="field-hint">{ui.lang.team(TeamText::SignInLocksHint)}</p>
            {rows}
            <p class="form-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn LockRow(lock: Lock, locks: Locks, error: RwSignal<Option<String>>) -> impl IntoView {
    let ui = use_ui();
    let who = ui.lang.sign_in_lock_who(lock.kind, &lock.key);
    let waiting = lock.until > js_sys::Date::now() as i64;
    let until = waiting.then(|| date_time(ui.lang, lock.until));
    let state = ui.lang.sign_in_lock_state(lock.failures, until.as_deref());
    let label = ui.lang.let_in(&who);
    let key = lock.key.clone();
    view! {
        <li class="team-row lock-row" data-lock-key=key>
            <span class="team-who">
                <span class="team-name">{who}</span>
                <span class="team-email">{state}</span>
            </span>
            <span class="team-actions">
                <button type="button" class="btn ghost small" aria-label=label
                    on:click=move |_| let_in(ui, lock.clone(), locks, error)>
                    {ui.lang.team(TeamText::LetIn)}
                </button>
            </span>
        </li>
    }
}

fn load(ui: Ui, locks: Locks, error: RwSignal<Option<String>>) {
    spawn_local(async move {
        match api::admin::sign_in_locks().await {
            Ok(list) => {
                locks.try_set(Some(list));
            }
            Err(err) => ui.report_to(error, &err),
        }
    });
}

fn let_in(ui: Ui, lock: Lock, locks: Locks, error: RwSignal<Option<String>>) {
    error.set(None);
    spawn_local(async move {
        match api::admin::clear_sign_in_lock(&lock).await {
            Ok(()) => {
                locks.try_update(|list| {
                    if let Some(list) = list {
                        list.retain(|l| l != &lock);
                    }
                });
                // Its button is gone: the section's heading keeps the place.
                request_animation_frame(|| focus("locks-title"));
            }
            Err(err) => ui.report_to(error, &err),
        }
    });
}
