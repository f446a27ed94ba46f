//! What the agent app calls: log in, the inbox, and the dialogs of the agent's workspace.
//!
//! Every handler takes the workspace from the agent's session (or API token), never from the
//! request, so an agent can only ever address their own workspace's objects; then it asks the
//! permission function (`AgentAuth::permit`). Sign-in and the team are in `team_api`.

use crate::auth::{self, AgentAuth};
use crate::error::{ApiError, ApiResult};
use crate::http::{after_param, is_websocket_upgrade, read_json};
use crate::internal::{self, DialogCommand, PresenceChange};
use openline_core::authz::Action;
use openline_core::canned::CannedInput;
use openline_core::channel::ChannelSettings;
use openline_core::event::{AgentRef, ChannelRef};
use openline_core::protocol::{
    AgentProfile, AgentsReply, CommandRequest, NewChannel, PresenceRequest, RenameChat,
};
use openline_core::{Actor, DialogId, Viewer};
use worker::{Env, Method, Request, Response, Stub};

pub async fn inbox(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send::<()>(&stub, Method::Get, "/inbox", None).await
}

/// Every open channel's settings.
pub async fn channels(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send::<()>(&stub, Method::Get, "/channels", None).await
}

/// An admin opens a new channel (A1), with default settings.
pub async fn create_channel(mut req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ConfigureChannels)?;
    let channel: NewChannel = read_json(&mut req).await?;
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send(&stub, Method::Post, "/channels", Some(&channel)).await
}

/// An admin saves a channel's settings (A1, Q14); they take effect at once.
pub async fn save_channel(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ConfigureChannels)?;
    let settings: ChannelSettings = read_json(&mut req).await?;
    if settings.id.as_str() != id {
        return Err(ApiError::bad_request(
            "id_mismatch",
            "The body's id is not the channel in the URL.",
        ));
    }
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send(&stub, Method::Post, "/channel-settings", Some(&settings)).await
}

/// The canned-response library (C7): list, create, replace, delete.
pub async fn canned(mut req: Request, env: &Env, id: Option<&str>) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::EditCannedResponses)?;
    let stub = internal::workspace(env, &who.workspace)?;
    let path = match id {
        Some(id) if openline_core::ids::is_valid_id(id) => format!("/canned?id={id}"),
        Some(_) => return Err(ApiError::NotFound("canned response")),
        None => "/canned".to_owned(),
    };
    match req.method() {
        Method::Get => internal::send::<()>(&stub, Method::Get, &path, None).await,
        Method::Delete => internal::send::<()>(&stub, Method::Delete, &path, None).await,
        method => {
            let input: CannedInput = read_json(&mut req).await?;
            internal::send(&stub, method, &path, Some(&input)).await
        }
    }
}

/// The agent goes online, pauses or goes offline (Q13).
pub async fn presence(mut req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    let body: PresenceRequest = read_json(&mut req).await?;
    let change = PresenceChange { agent: who.agent, presence: body.presence };
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send(&stub, Method::Post, "/presence", Some(&change)).await
}

/// The workspace's agents, for the transfer and invite pickers.
pub async fn agents(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send::<()>(&stub, Method::Get, "/agents", None).await
}

pub async fn inbox_socket(req: Request, env: &Env) -> ApiResult<Response> {
    if !is_websocket_upgrade(&req)? {
        return Err(ApiError::bad_request("websocket_expected", "Expected a WebSocket upgrade."));
    }
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let stub = internal::workspace(env, &who.workspace)?;
    // The agent's id tags the socket: an open app makes them available for offers (Q13).
    internal::forward_upgrade(&stub, &req, &format!("/socket?agent={}", who.agent)).await
}

fn dialog_id(id: &str) -> ApiResult<DialogId> {
    DialogId::parse(id).ok_or(ApiError::NotFound("dialog"))
}

pub async fn events(req: &Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(req, env).await?;
    let dialog = dialog_id(id)?;
    who.permit(Action::ReadDialog(&dialog))?;
    let stub = internal::conversation(env, &who.workspace, &dialog)?;
    internal::send::<()>(&stub, Method::Get, &events_path("events", after_param(req)?), None).await
}

pub async fn command(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    let dialog = dialog_id(id)?;
    let request: CommandRequest = read_json(&mut req).await?;
    who.permit(Action::CommandDialog(&dialog, &request.command))?;
    let stub = internal::conversation(env, &who.workspace, &dialog)?;
    let (directory, channels) = named_in_workspace(env, &who, &request).await?;
    let command = DialogCommand {
        meta: None,
        actor: Actor::Agent { id: who.agent, name: who.name },
        viewer: Viewer::Agent,
        request,
        directory,
        channels,
        role: who.role,
    };
    internal::send(&stub, Method::Post, "/command", Some(&command)).await
}

/// The colleagues and the open channel a command names (transfer, invite, mentions, move), looked up in
/// the caller's workspace. One that does not exist is simply absent, and `core` refuses the
/// command with its own reason.
async fn named_in_workspace(
    env: &Env,
    who: &AgentAuth,
    request: &CommandRequest,
) -> ApiResult<(Vec<AgentRef>, Vec<ChannelRef>)> {
    let stub = internal::workspace(env, &who.workspace)?;
    let mut agents = Vec::new();
    if let Some(id) = request.command.named_agent() {
        let found: Option<AgentProfile> = look_up(&stub, &format!("/agent?id={id}")).await?;
        agents.extend(found.map(|a| AgentRef { id: a.id, name: a.name }));
    }
    // The colleagues a message mentions (C2): one look at the directory for all of them.
    let mentioned = request.command.mentioned();
    if !mentioned.is_empty() {
        let directory: AgentsReply =
            internal::call::<(), _>(&stub, Method::Get, "/agents", None).await?;
        let named = directory.agents.into_iter().filter(|a| mentioned.contains(&a.id));
        agents.extend(named.map(|a| AgentRef { id: a.id, name: a.name }));
    }
    let mut channels = Vec::new();
    if let Some(id) = request.command.named_channel() {
        let found: Option<ChannelSettings> =
            look_up(&stub, &format!("/channel-settings?id={id}")).await?;
        channels.extend(found.map(|c| ChannelRef { id: c.id, name: c.name }));
    }
    Ok((agents, channels))
}

/// A GET on the workspace object; its 404 is `None`.
async fn look_up<T: serde::de::DeserializeOwned>(stub: &Stub, path: &str) -> ApiResult<Option<T>> {
    match internal::call::<(), T>(stub, Method::Get, path, None).await {
        Ok(found) => Ok(Some(found)),
        Err(ApiError::Relayed { status: 404, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn socket(req: &Request, env: &Env, id: &str) -> ApiResult<Response> {
    if !is_websocket_upgrade(req)? {
        return Err(ApiError::bad_request("websocket_expected", "Expected a WebSocket upgrade."));
    }
    let who = auth::agent(req, env).await?;
    let dialog = dialog_id(id)?;
    who.permit(Action::ReadDialog(&dialog))?;
    let stub = internal::conversation(env, &who.workspace, &dialog)?;
    // Who is on the socket, for the typing indicators it sends (W2).
    let name = String::from(js_sys::encode_uri_component(&who.name));
    let path =
        format!("{}&agent={}&name={name}", events_path("socket", after_param(req)?), who.agent);
    internal::forward_upgrade(&stub, req, &path).await
}

/// The caller's own names for chats (C3).
pub async fn chat_names(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    let stub = internal::workspace(env, &who.workspace)?;
    internal::send::<()>(&stub, Method::Get, &format!("/chat-names?agent={}", who.agent), None)
        .await
}

/// The caller names a chat of their workspace for themselves (C3).
pub async fn rename_chat(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    let dialog = dialog_id(id)?;
    who.permit(Action::ReadDialog(&dialog))?;
    let body: RenameChat = read_json(&mut req).await?;
    let stub = internal::workspace(env, &who.workspace)?;
    let path = format!("/chat-name?agent={}&dialog={dialog}", who.agent);
    internal::send(&stub, Method::Put, &path, Some(&body)).await
}

fn events_path(route: &str, after: Option<u64>) -> String {
    match after {
        Some(after) => format!("/{route}?viewer=agent&after={after}"),
        None => format!("/{route}?viewer=agent"),
    }
}
