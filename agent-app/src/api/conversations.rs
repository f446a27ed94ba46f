//! The calls of an agent's daily work, as plain async functions that return
//! `openline_core::protocol` types: the inbox, dialogs and their commands, presence, channels,
//! canned responses, chat names and the emoji list. Signing in and the account are in
//! `account.rs`, the admins' team and token calls in `admin.rs`, the plumbing in `http.rs`.

use super::http::{done, encode, get, read, send, ApiError};
use gloo_net::http::Request;
use openline_core::canned::{CannedInput, CannedResponse};
use openline_core::channel::ChannelSettings;
use openline_core::conversation::Command;
use openline_core::crm::ContactEdit;
use openline_core::ids::{ContactId, DialogId};
use openline_core::inbox::{InboxCursor, InboxList};
use openline_core::protocol::{
    path, AgentProfile, AgentsReply, CannedReply, ChannelsReply, ChatName, ChatNamesReply,
    CommandReply, CommandRequest, ContactCard, ContactsPage, EventsFrame, InboxFrame, InboxPage,
    MergeRequest, NewChannel, PresenceRequest, RenameChat,
};
use openline_core::routing::Presence;

/// `GET /api/agent/inbox`: the first rows of every list and their counts, as a snapshot.
pub async fn inbox() -> Result<InboxFrame, ApiError> {
    get::<InboxFrame>("/api/agent/inbox").await
}

/// `GET /api/agent/inbox/lists/{list}`: the rows of `list` after `after`.
pub async fn inbox_page(list: InboxList, after: &InboxCursor) -> Result<InboxPage, ApiError> {
    get::<InboxPage>(&path::inbox_list(list, Some(after))).await
}

/// `GET /api/agent/dialogs/{id}/contact`: the contact the dialog's customer is; `None` while
/// they are none.
pub async fn contact_of(dialog: &DialogId) -> Result<Option<ContactCard>, ApiError> {
    get::<Option<ContactCard>>(&format!("/api/agent/dialogs/{dialog}/contact")).await
}

/// `GET /api/agent/contacts?q=&after=`: a page of the contacts, or of those `query` finds.
pub async fn contacts(query: &str, after: Option<&str>) -> Result<ContactsPage, ApiError> {
    let mut url = format!("/api/agent/contacts?q={}", encode(query));
    if let Some(after) = after {
        url.push_str(&format!("&after={}", encode(after)));
    }
    get::<ContactsPage>(&url).await
}

/// `GET /api/agent/contacts/{id}`: a contact with every conversation of theirs.
pub async fn contact(id: &str) -> Result<ContactCard, ApiError> {
    get::<ContactCard>(&format!("/api/agent/contacts/{}", encode(id))).await
}

/// `PUT /api/agent/contacts/{id}`: the name and company an agent typed.
pub async fn edit_contact(id: &ContactId, edit: &ContactEdit) -> Result<ContactCard, ApiError> {
    let url = format!("/api/agent/contacts/{}", encode(id.as_str()));
    send(Request::put(&url), Some(edit)).await
}

/// `POST /api/agent/contacts/{id}/merge`: `from` merged into `into`, which it returns.
pub async fn merge_contact(into: &ContactId, from: &ContactId) -> Result<ContactCard, ApiError> {
    let url = format!("/api/agent/contacts/{}/merge", encode(into.as_str()));
    send(Request::post(&url), Some(&MergeRequest { from: from.clone() })).await
}

/// `GET /api/agent/agents`: the workspace's agents (pickers, queues, the team screen).
pub async fn agents() -> Result<Vec<AgentProfile>, ApiError> {
    Ok(get::<AgentsReply>("/api/agent/agents").await?.agents)
}

/// `PUT /api/agent/presence`: the agent goes online, pauses or goes offline (Q13).
pub async fn set_presence(presence: Presence) -> Result<AgentProfile, ApiError> {
    send(Request::put("/api/agent/presence"), Some(&PresenceRequest { presence })).await
}

/// `GET /api/agent/channels`: every open channel's settings.
pub async fn channels() -> Result<Vec<ChannelSettings>, ApiError> {
    Ok(get::<ChannelsReply>("/api/agent/channels").await?.channels)
}

/// `POST /api/agent/channels` (admins): a new channel with default settings; 409 if the id is
/// taken.
pub async fn create_channel(channel: &NewChannel) -> Result<ChannelSettings, ApiError> {
    send(Request::post("/api/agent/channels"), Some(channel)).await
}

/// `PUT /api/agent/channels/{id}` (admins): 400 `invalid_settings` says what is wrong.
pub async fn save_channel(settings: &ChannelSettings) -> Result<ChannelSettings, ApiError> {
    let url = path::channel(&settings.id);
    send(Request::put(&url), Some(settings)).await
}

/// `GET /api/agent/canned`: the workspace's canned responses (C7).
pub async fn canned() -> Result<Vec<CannedResponse>, ApiError> {
    Ok(get::<CannedReply>("/api/agent/canned").await?.responses)
}

/// `POST /api/agent/canned` (no `id`) or `PUT /api/agent/canned/{id}`: 409 `code_taken`,
/// 400 `invalid_canned` with a sentence saying what is wrong.
pub async fn save_canned(
    id: Option<&str>,
    input: &CannedInput,
) -> Result<CannedResponse, ApiError> {
    let req = match id {
        Some(id) => Request::put(&path::canned(&encode(id))),
        None => Request::post("/api/agent/canned"),
    };
    send(req, Some(input)).await
}

/// `DELETE /api/agent/canned/{id}`.
pub async fn delete_canned(id: &str) -> Result<(), ApiError> {
    done(Request::delete(&path::canned(&encode(id)))).await
}

/// `GET /api/agent/dialogs/{id}/events?after=N`: what happened after `after` (or everything).
pub async fn dialog_events(dialog: &DialogId, after: Option<u64>) -> Result<EventsFrame, ApiError> {
    let mut url = path::dialog_events(dialog);
    if let Some(after) = after {
        url.push_str(&format!("?after={after}"));
    }
    get(&url).await
}

/// `POST /api/agent/dialogs/{id}/commands` with a fresh command id (one per user action).
pub async fn post_command(dialog: &DialogId, command: Command) -> Result<CommandReply, ApiError> {
    // `None` only without `window.crypto`, where nothing could be sent anyway.
    let command_id = openline_browser::random_id().ok_or(ApiError::Network)?;
    let body = CommandRequest { command_id, command };
    send(Request::post(&path::dialog_commands(dialog)), Some(&body)).await
}

/// `GET /api/agent/dialog-names`: my own names for chats (C3).
pub async fn chat_names() -> Result<Vec<ChatName>, ApiError> {
    Ok(get::<ChatNamesReply>("/api/agent/dialog-names").await?.names)
}

/// `PUT /api/agent/dialogs/{id}/name`: my name for the chat; empty clears it (C3).
pub async fn rename_chat(dialog: &DialogId, name: &str) -> Result<ChatName, ApiError> {
    let url = path::dialog_name(dialog);
    send(Request::put(&url), Some(&RenameChat { name: name.to_owned() })).await
}

/// `GET /emoji.json`: the emoji picker's list (C4), a static file.
pub async fn emoji() -> Result<Vec<openline_core::emoji::Emoji>, ApiError> {
    read(Request::get("/emoji.json").send().await).await
}
