//! The HTTP API, as plain async functions that return `openline_core::protocol` types.
//!
//! Same origin as the page, so every URL is a path. Errors come back as `ApiError`, carrying the
//! server's own message from its `ErrorBody`; what to do with them (alert, back to login) is the
//! caller's business. Sockets are in `socket.rs`.

use gloo_net::http::{Request, RequestBuilder, Response};
use openline_core::canned::{CannedInput, CannedResponse};
use openline_core::channel::ChannelSettings;
use openline_core::conversation::Command;
use openline_core::ids::{CommandId, DialogId};
use openline_core::inbox::DialogSummary;
use openline_core::protocol::{
    AgentProfile, AgentsReply, CannedReply, ChannelsReply, ChatName, ChatNamesReply, CommandReply,
    CommandRequest, ErrorBody, EventsFrame, InboxFrame, LoginReply, LoginRequest, NewChannel,
    PresenceRequest, RenameChat,
};
use openline_core::routing::Presence;
use serde::de::DeserializeOwned;

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// 401: the token is missing, wrong or expired; the agent must sign in again.
    Unauthorized { message: String },
    /// Any other error reply, with the server's code and message.
    Server { status: u16, code: String, message: String },
    /// No usable reply (offline, server down, a body that is not what we expect).
    Network,
}

impl ApiError {
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Unauthorized { .. })
    }

    /// The server's message, if it sent one.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Unauthorized { message } | ApiError::Server { message, .. } => Some(message),
            ApiError::Network => None,
        }
    }
}

/// `POST /api/agent/login`.
pub async fn login(request: &LoginRequest) -> Result<LoginReply, ApiError> {
    let req = Request::post("/api/agent/login").json(request).map_err(|_| ApiError::Network)?;
    read(req.send().await).await
}

/// `GET /api/agent/inbox`: the rows of every list, as a snapshot.
pub async fn inbox(token: &str) -> Result<Vec<DialogSummary>, ApiError> {
    let req = bearer(Request::get("/api/agent/inbox"), token);
    match read::<InboxFrame>(req.send().await).await? {
        InboxFrame::Snapshot { dialogs } => Ok(dialogs),
        InboxFrame::Upsert { dialog } => Ok(vec![dialog]),
    }
}

/// `GET /api/agent/agents`: the workspace's agents, for the transfer and invite pickers.
pub async fn agents(token: &str) -> Result<Vec<AgentProfile>, ApiError> {
    let req = bearer(Request::get("/api/agent/agents"), token);
    Ok(read::<AgentsReply>(req.send().await).await?.agents)
}

/// `PUT /api/agent/presence`: the agent goes online, pauses or goes offline (Q13).
pub async fn set_presence(token: &str, presence: Presence) -> Result<AgentProfile, ApiError> {
    let req = bearer(Request::put("/api/agent/presence"), token)
        .json(&PresenceRequest { presence })
        .map_err(|_| ApiError::Network)?;
    read(req.send().await).await
}

/// `GET /api/agent/channels`: every open channel's settings.
pub async fn channels(token: &str) -> Result<Vec<ChannelSettings>, ApiError> {
    let req = bearer(Request::get("/api/agent/channels"), token);
    Ok(read::<ChannelsReply>(req.send().await).await?.channels)
}

/// `POST /api/agent/channels` (admins): a new channel with default settings; 409 if the id is
/// taken.
pub async fn create_channel(
    token: &str,
    channel: &NewChannel,
) -> Result<ChannelSettings, ApiError> {
    let req = bearer(Request::post("/api/agent/channels"), token)
        .json(channel)
        .map_err(|_| ApiError::Network)?;
    read(req.send().await).await
}

/// `PUT /api/agent/channels/{id}` (admins): 400 `invalid_settings` says what is wrong.
pub async fn save_channel(
    token: &str,
    settings: &ChannelSettings,
) -> Result<ChannelSettings, ApiError> {
    let url = format!("/api/agent/channels/{}", settings.id);
    let req = bearer(Request::put(&url), token).json(settings).map_err(|_| ApiError::Network)?;
    read(req.send().await).await
}

/// `GET /api/agent/canned`: the workspace's canned responses (C7).
pub async fn canned(token: &str) -> Result<Vec<CannedResponse>, ApiError> {
    let req = bearer(Request::get("/api/agent/canned"), token);
    Ok(read::<CannedReply>(req.send().await).await?.responses)
}

/// `POST /api/agent/canned` (no `id`) or `PUT /api/agent/canned/{id}`: 409 `code_taken`,
/// 400 `invalid_canned` with a sentence saying what is wrong.
pub async fn save_canned(
    token: &str,
    id: Option<&str>,
    input: &CannedInput,
) -> Result<CannedResponse, ApiError> {
    let req = match id {
        Some(id) => Request::put(&format!("/api/agent/canned/{}", encode(id))),
        None => Request::post("/api/agent/canned"),
    };
    let req = bearer(req, token).json(input).map_err(|_| ApiError::Network)?;
    read(req.send().await).await
}

/// `DELETE /api/agent/canned/{id}`.
pub async fn delete_canned(token: &str, id: &str) -> Result<(), ApiError> {
    let url = format!("/api/agent/canned/{}", encode(id));
    let req = bearer(Request::delete(&url), token);
    read::<serde::de::IgnoredAny>(req.send().await).await.map(|_| ())
}

/// `GET /api/agent/dialogs/{id}/events?after=N`: what happened after `after` (or everything).
pub async fn dialog_events(
    token: &str,
    dialog: &DialogId,
    after: Option<u64>,
) -> Result<EventsFrame, ApiError> {
    let mut url = format!("/api/agent/dialogs/{dialog}/events");
    if let Some(after) = after {
        url.push_str(&format!("?after={after}"));
    }
    read(bearer(Request::get(&url), token).send().await).await
}

/// `POST /api/agent/dialogs/{id}/commands` with a fresh command id (one per user action).
pub async fn post_command(
    token: &str,
    dialog: &DialogId,
    command: Command,
) -> Result<CommandReply, ApiError> {
    let body = CommandRequest { command_id: new_command_id(), command };
    let url = format!("/api/agent/dialogs/{dialog}/commands");
    let req = bearer(Request::post(&url), token).json(&body).map_err(|_| ApiError::Network)?;
    read(req.send().await).await
}

/// `GET /api/agent/dialog-names`: my own names for chats (C3).
pub async fn chat_names(token: &str) -> Result<Vec<ChatName>, ApiError> {
    let req = bearer(Request::get("/api/agent/dialog-names"), token);
    Ok(read::<ChatNamesReply>(req.send().await).await?.names)
}

/// `PUT /api/agent/dialogs/{id}/name`: my name for the chat; empty clears it (C3).
pub async fn rename_chat(token: &str, dialog: &DialogId, name: &str) -> Result<ChatName, ApiError> {
    let url = format!("/api/agent/dialogs/{dialog}/name");
    let body = RenameChat { name: name.to_owned() };
    let req = bearer(Request::put(&url), token).json(&body).map_err(|_| ApiError::Network)?;
    read(req.send().await).await
}

/// `GET /emoji.json`: the emoji picker's list (C4), a static file.
pub async fn emoji() -> Result<Vec<openline_core::emoji::Emoji>, ApiError> {
    read(Request::get("/emoji.json").send().await).await
}

fn encode(part: &str) -> String {
    js_sys::encode_uri_component(part).into()
}

fn bearer(req: RequestBuilder, token: &str) -> RequestBuilder {
    req.header("Authorization", &format!("Bearer {token}"))
}

/// Turns a reply into `T`, or into the `ApiError` its status and `ErrorBody` describe.
async fn read<T: DeserializeOwned>(
    reply: Result<Response, gloo_net::Error>,
) -> Result<T, ApiError> {
    let reply = reply.map_err(|_| ApiError::Network)?;
    if reply.ok() {
        return reply.json::<T>().await.map_err(|_| ApiError::Network);
    }
    let status = reply.status();
    let (code, message) = match reply.json::<ErrorBody>().await {
        Ok(body) => (body.error.code, body.error.message),
        // A proxy's HTML error page, say: keep the status, say what we know.
        Err(_) => (String::from("http_error"), format!("HTTP {status}")),
    };
    if status == 401 {
        return Err(ApiError::Unauthorized { message });
    }
    Err(ApiError::Server { status, code, message })
}

/// A random id for one user action. `crypto.randomUUID()` gives `[0-9a-f-]`, which `CommandId`
/// accepts; it needs a secure context (https or localhost), hence the fallback.
fn new_command_id() -> CommandId {
    let uuid = web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid());
    uuid.and_then(|raw| CommandId::parse(&raw))
        .or_else(|| CommandId::parse(&fallback_id()))
        .expect("a hex id is a valid command id")
}

fn fallback_id() -> String {
    let a = (js_sys::Math::random() * 1e15) as u64;
    let b = js_sys::Date::now() as u64;
    format!("c{a:x}{b:x}")
}
