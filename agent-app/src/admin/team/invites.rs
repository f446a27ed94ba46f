//! Inviting colleagues: the form (email, name, role → `POST /api/agent/invites`), the new
//! invitation's link `<origin>/app/#invite=<code>`, shown once in a read-only field with Copy
//! (`#invite-link`), and the pending invitations (`GET /api/agent/invites`) with Revoke.
//!
//! The server replaces an earlier invitation for the same email, so after a change the pending
//! list is asked again rather than patched here.

use crate::account::{invite_link, invite_request, parse_role, Field, ROLES};
use crate::api;
use crate::i18n::{AccountText, CommonText, TeamText};
use crate::ui::clock::date_time;
use crate::ui::{focus, use_ui, CopyField, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::auth::Role;
use openline_core::protocol::{Invite, InviteCreated};

/// The pending invitations; `None` until the first answer.
type Invites = RwSignal<Option<Vec<Invite>>>;

#[component]
pub fn TeamInvites() -> impl IntoView {
    let ui = use_ui();
    let invites: Invites = RwSignal::new(None);
    let list_error = RwSignal::new(None::<String>);
    load(ui, invites, list_error);
    let on_created = Callback::new(move |()| load(ui, invites, list_error));
    view! {
        <InviteForm on_created/>
        <section class="admin-card" aria-labelledby="invites-title">
            <h3 id="invites-title" tabindex="-1">{ui.lang.team(TeamText::PendingInvites)}</h3>
            <PendingList invites list_error/>
        </section>
    }
}

/// The invitation form's fields and what it says. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Fields {
    email: RwSignal<String>,
    name: RwSignal<String>,
    role: RwSignal<Role>,
    error: RwSignal<Option<String>>,
    /// The id of the field the error is about.
    invalid: RwSignal<Option<&'static str>>,
    pending: RwSignal<bool>,
    /// The invitation just made, whose link is shown once.
    created: RwSignal<Option<InviteCreated>>,
}

impl Fields {
    /// Checks the form, then `POST /api/agent/invites`.
    fn submit(self, ui: Ui, on_created: Callback<()>) {
        if self.pending.get_untracked() {
            return;
        }
        let request = match invite_request(
            &self.email.get_untracked(),
            &self.name.get_untracked(),
            self.role.get_untracked(),
        ) {
            Ok(request) => request,
            Err(bad) => {
                let id = if bad.field == Field::Email { "invite-email" } else { "invite-name" };
                self.error.set(Some(bad.problem.text(ui.lang)));
                self.invalid.set(Some(id));
                focus(id);
                return;
            }
        };
        self.error.set(None);
        self.invalid.set(None);
        self.created.set(None);
        self.pending.set(true);
        spawn_local(async move {
            let result = api::admin::create_invite(&request).await;
            self.pending.try_set(false);
            match result {
                Ok(invite) => {
                    self.email.try_set(String::new());
                    self.name.try_set(String::new());
                    self.created.try_set(Some(invite));
                    on_created.run(());
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    self.error.try_set(Some(message.to_owned()));
                    focus("invite-email");
                }
            }
        });
    }
}

#[component]
fn InviteForm(
    /// Called once an invitation was made (the pending list is asked again).
    on_created: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let fields = Fields {
        email: RwSignal::new(String::new()),
        name: RwSignal::new(String::new()),
        role: RwSignal::new(Role::Agent),
        error: RwSignal::new(None),
        invalid: RwSignal::new(None),
        pending: RwSignal::new(false),
        created: RwSignal::new(None),
    };
    let Fields { error, pending, created, .. } = fields;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        fields.submit(ui, on_created);
    };
    view! {
        <section class="admin-card" aria-labelledby="invite-title">
            <h3 id="invite-title">{ui.lang.team(TeamText::InviteHeading)}</h3>
            <p id="invite-hint" class="field-hint">{ui.lang.team(TeamText::InviteHint)}</p>
            <form class="invite-form" novalidate on:submit=on_submit>
                <InviteFields fields/>
                <button id="invite-create" type="submit" class="btn primary"
                    aria-busy=move || pending.get().then_some("true")>
                    {move || {
                        if pending.get() { ui.lang.common(CommonText::Creating) } else { ui.lang.team(TeamText::CreateInvite) }
                    }}
                </button>
            </form>
            <p id="invite-error" class="form-error" role="alert">{move || error.get()}</p>
            {move || created.get().map(|made| view! { <CreatedLink made/> })}
        </section>
    }
}

/// Email, name and role of the colleague to invite.
#[component]
fn InviteFields(
    /// The form's fields.
    fields: Fields,
) -> impl IntoView {
    let ui = use_ui();
    let Fields { email, name, role, invalid, .. } = fields;
    let is_invalid = move |id: &'static str| move || (invalid.get() == Some(id)).then_some("true");
    let options = ROLES
        .into_iter()
        .map(|r| view! { <option value=r.as_str() selected=r == Role::Agent>{ui.lang.role(r)}</option> })
        .collect_view();
    view! {
        <div class="form-field">
            <label for="invite-email" class="field-label">{ui.lang.common(CommonText::Email)}</label>
            <input id="invite-email" class="field" type="email" autocomplete="off"
                aria-describedby="invite-hint invite-error" aria-invalid=is_invalid("invite-email")
                bind:value=email/>
        </div>
        <div class="form-field">
            <label for="invite-name" class="field-label">{ui.lang.account(AccountText::Name)}</label>
            <input id="invite-name" class="field" type="text" autocomplete="off" maxlength="80"
                aria-describedby="invite-error" aria-invalid=is_invalid("invite-name")
                bind:value=name/>
        </div>
        <div class="form-field">
            <label for="invite-role" class="field-label">{ui.lang.account(AccountText::Role)}</label>
            <select id="invite-role" class="field"
                on:change=move |ev| {
                    if let Some(r) = parse_role(&event_target_value(&ev)) {
                        role.set(r);
                    }
                }>
                {options}
            </select>
        </div>
    }
}

/// The new invitation's link, shown once.
#[component]
fn CreatedLink(
    /// The invitation and its code.
    made: InviteCreated,
) -> impl IntoView {
    let ui = use_ui();
    let origin = window().location().origin().unwrap_or_default();
    let link = invite_link(&origin, &made.code);
    let until = date_time(ui.lang, made.invite.expires_at);
    view! {
        <div class="secret-box">
            <CopyField id="invite-link" label=ui.lang.team(TeamText::InviteLink) value=link
                describedby="invite-link-note" autofocus=true/>
            <p id="invite-link-note" class="field-hint">
                {ui.lang.invite_link_note(&made.invite.name, &until)}
            </p>
        </div>
    }
}

#[component]
fn PendingList(
    /// The pending invitations.
    invites: Invites,
    /// Why they could not be loaded or revoked, if so.
    list_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let rows = move || {
        let Some(list) = invites.get() else {
            return view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }
                .into_any();
        };
        if list.is_empty() {
            return view! { <p class="list-note">{ui.lang.team(TeamText::NoPendingInvites)}</p> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|invite| {
                let id = invite.id.clone();
                let until = date_time(ui.lang, invite.expires_at);
                view! {
                    <li class="team-row invite-row" data-invite-id=invite.id.clone()>
                        <span class="team-who">
                            <span class="team-name">{invite.name.clone()}</span>
                            <span class="team-email">{invite.email.clone()}</span>
                        </span>
                        <span class="team-role">{ui.lang.role(invite.role)}</span>
                        <span class="team-expires">{ui.lang.team(TeamText::Expires)} " " {until}</span>
                        <span class="team-actions">
                            <button type="button" class="btn danger-ghost small"
                                id=format!("invite-revoke-{}", invite.id)
                                aria-label=ui.lang.revoke_invite(&invite.email)
                                on:click=move |_| revoke(ui, id.clone(), invites, list_error)>
                                {ui.lang.team(TeamText::Revoke)}
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="team-list">{items}</ul> }.into_any()
    };
    view! {
        {rows}
        <p class="form-error" role="alert">{move || list_error.get()}</p>
    }
}

fn load(ui: Ui, invites: Invites, list_error: RwSignal<Option<String>>) {
    spawn_local(async move {
        match api::admin::invites().await {
            Ok(list) => {
                invites.try_set(Some(list));
            }
            Err(err) => ui.report_to(list_error, &err),
        }
    });
}

/// Revoking is undone by inviting again, so it asks no confirmation.
fn revoke(ui: Ui, id: String, invites: Invites, list_error: RwSignal<Option<String>>) {
    list_error.set(None);
    spawn_local(async move {
        match api::admin::revoke_invite(&id).await {
            Ok(()) => {
                invites.try_update(|list| {
                    if let Some(list) = list {
                        list.retain(|i| i.id != id);
                    }
                });
                // Its button is gone: the list's heading keeps the place.
                request_animation_frame(|| focus("invites-title"));
            }
            Err(err) => ui.report_to(list_error, &err),
        }
    });
}
