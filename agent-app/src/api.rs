//! The HTTP API, as plain async functions that return `openline_core::protocol` types: the
//! conversation side here (inbox, dialogs, channels, canned responses); signing in and the
//! account in `api_account`, the admins' team and token calls in `api_admin`.
//!
//! Same origin as the page, so every URL is a path and the browser sends the HttpOnly session
//! cookie by itself: the app never sees a token. Every request that changes something carries
//! `X-Openline-Csrf: 1` (`send`), which the edge requires of cookie-authenticated writes.
//! Errors come back as `ApiError`, carrying the server's own message from its `ErrorBody`;
//! what to do with them (alert, back to login) is the caller's business. Sockets are in
//! `socket.rs`.

use gloo_net::http::{Request, RequestBuilder, Response};
use openline_core::canned::{CannedInput, CannedResponse};
use openline_core::channel::ChannelSettings;
use openline_core::conversation::Command;
use openline_core::ids::{CommandId, DialogId};
use openline_core::inbox::DialogSummary;
use openline_core::protocol::{
    AgentProfile, AgentsReply, CannedReply, ChannelsReply, ChatName, ChatNamesReply, CommandReply,
    CommandRequest, ErrorBody, EventsFrame, InboxFrame, NewChannel, PresenceRequest, RenameChat,
};
use openline_core::routing::Presence;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The header the edge asks of every cookie-authenticated write (no other site's page can
/// send it without a CORS preflight the edge never grants).
pub const CSRF_HEADER: &str = "X-Openline-Csrf";

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// 401: no session, or it ended (logged out, expired, password changed elsewhere); the
    /// agent must sign in again.
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

    /// The server's stable code (`wrong_password`, `not_on_yourself`, …), if it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Unauthorized { .. } => Some("unauthorized"),
            ApiError::Server { code, .. } => Some(code),
            ApiError::Network => None,
        }
    }
}

/// `GET /api/agent/inbox`: the rows of every list, as a snapshot.
pub async fn inbox() -> Result<Vec<DialogSummary>, ApiError> {
    match get::<InboxFrame>("/api/agent/inbox").await? {
        InboxFrame::Snapshot { dialogs } => Ok(dialogs),
        InboxFrame::Upsert { dialog } => Ok(vec![dialog]),
    }
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
    let url = format!("/api/agent/channels/{}", settings.id);
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
        Some(id) => Request::put(&format!("/api/agent/canned/{}", encode(id))),
        None => Request::post("/api/agent/canned"),
    };
    send(req, Some(input)).await
}

/// `DELETE /api/agent/canned/{id}`.
pub async fn delete_canned(id: &str) -> Result<(), ApiError> {
    done(Request::delete(&format!("/api/agent/canned/{}", encode(id)))).await
}

/// `GET /api/agent/dialogs/{id}/events?after=N`: what happened after `after` (or everything).
pub async fn dialog_events(dialog: &DialogId, after: Option<u64>) -> Result<EventsFrame, ApiError> {
    let mut url = format!("/api/agent/dialogs/{dialog}/events");
    if let Some(after) = after {
        url.push_str(&format!("?after={after}"));
    }
    get(&url).await
}

/// `POST /api/agent/dialogs/{id}/commands` with a fresh command id (one per user action).
pub async fn post_command(dialog: &DialogId, command: Command) -> Result<CommandReply, ApiError> {
    let body = CommandRequest { command_id: new_command_id(), command };
    send(Request::post(&format!("/api/agent/dialogs/{dialog}/commands")), Some(&body)).await
}

/// `GET /api/agent/dialog-names`: my own names for chats (C3).
pub async fn chat_names() -> Result<Vec<ChatName>, ApiError> {
    Ok(get::<ChatNamesReply>("/api/agent/dialog-names").await?.names)
}

/// `PUT /api/agent/dialogs/{id}/name`: my name for the chat; empty clears it (C3).
pub async fn rename_chat(dialog: &DialogId, name: &str) -> Result<ChatName, ApiError> {
    let url = format!("/api/agent/dialogs/{dialog}/name");
    send(Request::put(&url), Some(&RenameChat { name: name.to_owned() })).await
}

/// `GET /emoji.json`: the emoji picker's list (C4), a static file.
pub async fn emoji() -> Result<Vec<openline_core::emoji::Emoji>, ApiError> {
    read(Request::get("/emoji.json").send().await).await
}

/// A path segment or query value made safe for a URL.
pub fn encode(part: &str) -> String {
    js_sys::encode_uri_component(part).into()
}

/// A `GET`: the cookie goes by itself.
pub async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    read(Request::get(url).send().await).await
}

/// A request that changes something: the CSRF header, and `body` as JSON if any.
pub async fn send<T: DeserializeOwned>(
    req: RequestBuilder,
    body: Option<&impl Serialize>,
) -> Result<T, ApiError> {
    let req = req.header(CSRF_HEADER, "1");
    let reply = match body {
        Some(body) => req.json(body).map_err(|_| ApiError::Network)?.send().await,
        None => req.send().await,
    };
    read(reply).await
}

/// A write whose reply is `{}`.
pub async fn done(req: RequestBuilder) -> Result<(), ApiError> {
    send::<serde::de::IgnoredAny>(req, None::<&()>).await.map(|_| ())
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
