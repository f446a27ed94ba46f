//! The channels screen (A1, Q13, Q14), at `#/channels[/<id>]`: the workspace's open channels on
//! the left with the "New channel" form under them (`new`), the chosen channel's editor on the
//! right (`editor`). Admins only; anyone else who opens the address is told so politely (the
//! server refuses their changes anyway).
//!
//! The list is loaded once (`GET /api/agent/channels`) and then kept here: a channel created or
//! saved replaces its entry with what the server answered, so nothing is fetched twice.

use super::editor::ChannelEditor;
use super::new::NewChannelForm;
use crate::api::{self, ApiError};
use crate::i18n::{ChannelText, CommonText, ShellText};
use crate::route::{channels_href, ChannelsRoute};
use crate::ui::{title_focused_on_arrival, use_ui, Ui};
use leptos::html::H2;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::authz::Action;
use openline_core::channel::ChannelSettings;
use openline_core::ids::ChannelId;
use openline_core::protocol::AgentProfile;

/// The channels as the server last told them; `None` until the first answer.
type Channels = RwSignal<Option<Vec<ChannelSettings>>>;

/// The workspace's agents (`GET /api/agent/agents`), for the channels' queues.
pub type AgentsResource = LocalResource<Result<Vec<AgentProfile>, ApiError>>;

#[component]
pub fn ChannelsScreen(
    /// Which channel the address names.
    route: ChannelsRoute,
) -> impl IntoView {
    let ui = use_ui();
    let title = title_focused_on_arrival();
    if !ui.may(Action::ConfigureChannels) {
        return only_admins(ui, title);
    }
    let channels: Channels = RwSignal::new(None);
    let load_error = RwSignal::new(None::<String>);
    load(channels, load_error);
    let agents = LocalResource::new(api::agents);
    // The channel the address names, or the first one: a memo, so saving (which rewrites the
    // list) does not rebuild the editor.
    let shown = Memo::new(move |_| {
        channels.with(|list| {
            let list = list.as_ref()?;
            let named = route.channel.get().filter(|id| list.iter().any(|c| &c.id == id));
            named.or_else(|| list.first().map(|c| c.id.clone()))
        })
    });
    let focus_name = RwSignal::new(false);
    let on_created = Callback::new(move |settings: ChannelSettings| {
        let id = settings.id.clone();
        channels.update(|list| {
            let list = list.get_or_insert_with(Vec::new);
            list.push(settings);
            by_name(list);
        });
        focus_name.set(true);
        let _ = window().location().set_hash(&channels_href(Some(&id)));
    });
    let on_saved = Callback::new(move |saved: ChannelSettings| replace(channels, saved));
    let editor = move || {
        let id = shown.get()?;
        let settings =
            channels.with_untracked(|list| list.iter().flatten().find(|c| c.id == id).cloned())?;
        // Focus goes to the name of a channel just created, once.
        let just_created = focus_name.get_untracked();
        focus_name.set(false);
        Some(view! { <ChannelEditor settings agents focus_name=just_created on_saved/> })
    };
    view! {
        <main class="channels-screen" aria-labelledby="channels-title">
            <div class="channels-side">
                <h2 id="channels-title" tabindex="-1" node_ref=title>{ui.lang.channel(ChannelText::Channels)}</h2>
                <ChannelList channels load_error shown/>
                <NewChannelForm on_created/>
            </div>
            <div class="channels-main">{editor}</div>
        </main>
    }
    .into_any()
}

/// What anyone but an admin sees at the address.
fn only_admins(ui: Ui, title: NodeRef<H2>) -> AnyView {
    view! {
        <main class="channels-screen only-admins" aria-labelledby="channels-title">
            <div class="empty-state">
                <h2 id="channels-title" tabindex="-1" node_ref=title>{ui.lang.channel(ChannelText::Channels)}</h2>
                <p>{ui.lang.channel(ChannelText::OnlyAdmins)}</p>
                <p>{ui.lang.channel(ChannelText::OnlyAdminsHint)}</p>
                <p><a href="#/">{ui.lang.shell(ShellText::BackToConversations)}</a></p>
            </div>
        </main>
    }
    .into_any()
}

/// A saved channel takes its entry's place, with what the server answered.
fn replace(channels: Channels, saved: ChannelSettings) {
    channels.update(|list| {
        let Some(list) = list else {
            return;
        };
        if let Some(old) = list.iter_mut().find(|c| c.id == saved.id) {
            *old = saved;
        }
        by_name(list);
    });
}

/// The channels as links to `#/channels/<id>`; the one shown is `aria-current`.
#[component]
fn ChannelList(
    /// The channels, once loaded.
    channels: Channels,
    /// Why they could not be loaded, if so.
    load_error: RwSignal<Option<String>>,
    /// The channel in the editor.
    shown: Memo<Option<ChannelId>>,
) -> impl IntoView {
    let ui = use_ui();
    let rows = move || {
        if let Some(message) = load_error.get() {
            return view! { <p class="form-error" role="alert">{message}</p> }.into_any();
        }
        let Some(list) = channels.get() else {
            return view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }
                .into_any();
        };
        if list.is_empty() {
            return view! { <p class="list-note">{ui.lang.channel(ChannelText::NoChannels)}</p> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|c| {
                let id = c.id.clone();
                let current = move || shown.with(|s| s.as_ref() == Some(&id)).then_some("page");
                view! {
                    <li>
                        <a class="channel-link" href=channels_href(Some(&c.id)) aria-current=current>
                            <span class="channel-link-name">{c.name.clone()}</span>
                            <span class="channel-link-id">{c.id.to_string()}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="channel-list">{items}</ul> }.into_any()
    };
    view! {
        <nav class="channel-nav" aria-label=ui.lang.channel(ChannelText::OpenChannels)>{rows}</nav>
    }
}

/// The server lists channels by name; a created or renamed one takes its place the same way.
fn by_name(list: &mut [ChannelSettings]) {
    list.sort_by(|a, b| a.name.cmp(&b.name));
}

/// `GET /api/agent/channels` into `channels`; a 401 ends the session.
fn load(channels: Channels, load_error: RwSignal<Option<String>>) {
    let ui = use_ui();
    spawn_local(async move {
        match api::channels().await {
            Ok(list) => {
                channels.try_set(Some(list));
            }
            Err(err) if err.is_unauthorized() => ui.report(&err),
            Err(err) => {
                let message = err
                    .server_message()
                    .unwrap_or(ui.lang.common(CommonText::NetworkError))
                    .to_owned();
                load_error.try_set(Some(message));
            }
        }
    });
}
