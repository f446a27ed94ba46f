//! What the agent app calls: log in, the inbox, and the dialogs of the agent's workspace.
//!
//! Every handler takes the workspace from the agent's session (or API token), never from the
//! request, so an agent can only ever address their own workspace's objects; then it asks the
//! permission function (`AgentAuth::permit`). Sign-in and the team are in `team_api`.

use crate::auth::{self, AgentAuth};
use crate::error::{ApiError, ApiResult};
use crate::http::{after_param, is_websocket_upgrade, query, read_json};
use crate::internal::{
    self, ConversationRequest, DialogCommand, Object, PresenceChange, WorkspaceRequest,
};
use openline_core::authz::Action;
use openline_core::channel::ChannelSettings;
use openline_core::event::{AgentRef, ChannelRef};
use openline_core::inbox::{InboxCursor, InboxList};
use openline_core::protocol::{
    AgentProfile, AgentsReply, CommandRequest, NewChannel, PresenceRequest, RenameChat,
};
use openline_core::ErrorCode;
use openline_core::{Actor, DialogId, Viewer};
use worker::{Env, Method, Request, Response};

pub async fn inbox(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let inbox = WorkspaceRequest::Inbox { agent: who.agent.clone() };
    internal::workspace(env, &who.workspace)?.send(&inbox).await
}

/// The next rows of one list, after the position of the last row the app holds of it.
pub async fn inbox_page(req: Request, env: &Env, list: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let list = InboxList::parse(list).ok_or(ApiError::NotFound("list"))?;
    let page = WorkspaceRequest::InboxPage { agent: who.agent.clone(), list, after: cursor(&req)? };
    internal::workspace(env, &who.workspace)?.send(&page).await
}

/// `?at=&id=`: a row's position in its list (`DialogSummary::position`), both or neither.
fn cursor(req: &Request) -> ApiResult<Option<InboxCursor>> {
    let invalid = || {
        ApiError::bad_request(
            ErrorCode::InvalidCursor,
            "`at` must be a whole number and `id` a dialog id, given together.",
        )
    };
    match (query(req, "at")?, query(req, "id")?) {
        (None, None) => Ok(None),
        (Some(at), Some(id)) => {
            let active_at = at.parse::<i64>().map_err(|_| invalid())?;
            let dialog_id = DialogId::parse(&id).ok_or_else(invalid)?;
            Ok(Some(InboxCursor { active_at, dialog_id }))
        }
        _ => Err(invalid()),
    }
}

/// Every open channel's settings.
pub async fn channels(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    internal::workspace(env, &who.workspace)?.send(&WorkspaceRequest::Channels).await
}

/// An admin opens a new channel (A1), with default settings.
pub async fn create_channel(mut req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ConfigureChannels)?;
    let channel: NewChannel = read_json(&mut req).await?;
    let workspace = internal::workspace(env, &who.workspace)?;
    workspace.send(&WorkspaceRequest::CreateChannel(channel)).await
}

/// An admin saves a channel's settings (A1, Q14); they take effect at once.
pub async fn save_channel(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ConfigureChannels)?;
    let settings: ChannelSettings = read_json(&mut req).await?;
    if settings.id.as_str() != id {
        return Err(ApiError::bad_request(
            ErrorCode::IdMismatch,
            "The body's id is not the channel in the URL.",
        ));
    }
    let workspace = internal::workspace(env, &who.workspace)?;
    workspace.send(&WorkspaceRequest::SaveChannel(settings)).await
}

/// The canned-response library (C7): list, create, replace, delete.
pub async fn canned(mut req: Request, env: &Env, id: Option<&str>) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::EditCannedResponses)?;
    let id = match id {
        Some(id) if openline_core::ids::is_valid_id(id) => Some(id.to_owned()),
        Some(_) => return Err(ApiError::NotFound("canned response")),
        None => None,
    };
    let request = match (req.method(), id) {
        (Method::Get, _) => WorkspaceRequest::Canned,
        (Method::Delete, Some(id)) => WorkspaceRequest::DeleteCanned { id },
        (Method::Put, Some(id)) => {
            WorkspaceRequest::ReplaceCanned { id, input: read_json(&mut req).await? }
        }
        (Method::Post, _) => WorkspaceRequest::CreateCanned(read_json(&mut req).await?),
        _ => return Err(ApiError::NotFound("canned response")),
    };
    internal::workspace(env, &who.workspace)?.send(&request).await
}

/// The agent goes online, pauses or goes offline (Q13).
pub async fn presence(mut req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    let body: PresenceRequest = read_json(&mut req).await?;
    let change = PresenceChange { agent: who.agent, presence: body.presence };
    internal::workspace(env, &who.workspace)?.send(&WorkspaceRequest::Presence(change)).await
}

/// The workspace's agents, for the transfer and invite pickers.
pub async fn agents(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    internal::workspace(env, &who.workspace)?.send(&WorkspaceRequest::Agents).await
}

pub async fn inbox_socket(req: Request, env: &Env) -> ApiResult<Response> {
    if !is_websocket_upgrade(&req)? {
        return Err(ApiError::bad_request(
            ErrorCode::WebsocketExpected,
            "Expected a WebSocket upgrade.",
        ));
    }
    let who = auth::agent(&req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let workspace = internal::workspace(env, &who.workspace)?;
    // The agent's id tags the socket: an open app makes them available for offers (Q13). The
    // access tags it too: it closes when that session or token ends (issue 15).
    let request = WorkspaceRequest::Socket { agent: who.agent, access: who.access };
    workspace.forward_upgrade(&req, &request).await
}

fn dialog_id(id: &str) -> ApiResult<DialogId> {
    DialogId::parse(id).ok_or(ApiError::NotFound("dialog"))
}

pub async fn events(req: &Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(req, env).await?;
    let dialog = dialog_id(id)?;
    who.permit(Action::ReadDialog(&dialog))?;
    let after = after_param(req)?;
    let conversation = internal::conversation(env, &who.workspace, &dialog)?;
    conversation.send(&ConversationRequest::Events { viewer: Viewer::Agent, after }).await
}

pub async fn command(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    let dialog = dialog_id(id)?;
    let request: CommandRequest = read_json(&mut req).await?;
    who.permit(Action::CommandDialog(&dialog, &request.command))?;
    let conversation = internal::conversation(env, &who.workspace, &dialog)?;
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
    conversation.send(&ConversationRequest::Command(command)).await
}

/// The colleagues and the open channel a command names (transfer, invite, mentions, move), looked up in
/// the caller's workspace. One that does not exist is simply absent, and `core` refuses the
/// command with its own reason.
async fn named_in_workspace(
    env: &Env,
    who: &AgentAuth,
    request: &CommandRequest,
) -> ApiResult<(Vec<AgentRef>, Vec<ChannelRef>)> {
    let workspace = internal::workspace(env, &who.workspace)?;
    let mut agents = Vec::new();
    if let Some(id) = request.command.named_agent() {
        let found: Option<AgentProfile> =
            look_up(&workspace, WorkspaceRequest::Agent { id: id.clone() }).await?;
        agents.extend(found.map(|a| AgentRef { id: a.id, name: a.name }));
    }
    // The colleagues a message mentions (C2): one look at the directory for all of them.
    let mentioned = request.command.mentioned();
    if !mentioned.is_empty() {
        let directory: AgentsReply = workspace.call(&WorkspaceRequest::Agents).await?;
        let named = directory.agents.into_iter().filter(|a| mentioned.contains(&a.id));
        agents.extend(named.map(|a| AgentRef { id: a.id, name: a.name }));
    }
    let mut channels = Vec::new();
    if let Some(id) = request.command.named_channel() {
        let found: Option<ChannelSettings> =
            look_up(&workspace, WorkspaceRequest::Settings { channel: id.clone() }).await?;
        channels.extend(found.map(|c| ChannelRef { id: c.id, name: c.name }));
    }
    Ok((agents, channels))
}

/// A look-up in the workspace object; its 404 is `None`.
async fn look_up<T: serde::de::DeserializeOwned>(
    workspace: &Object<WorkspaceRequest>,
    request: WorkspaceRequest,
) -> ApiResult<Option<T>> {
    match workspace.call(&request).await {
        Ok(found) => Ok(Some(found)),
        Err(ApiError::Relayed { status: 404, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn socket(req: &Request, env: &Env, id: &str) -> ApiResult<Response> {
    if !is_websocket_upgrade(req)? {
        return Err(ApiError::bad_request(
            ErrorCode::WebsocketExpected,
            "Expected a WebSocket upgrade.",
        ));
    }
    let who = auth::agent(req, env).await?;
    let dialog = dialog_id(id)?;
    who.permit(Action::ReadDialog(&dialog))?;
    let after = after_param(req)?;
    // The workspace records which dialogs the access holds sockets on, to close them when it
    // ends (issue 15); an access that ended since it was checked is refused here.
    let hold = WorkspaceRequest::HoldDialog {
        workspace: who.workspace.clone(),
        access: who.access.clone(),
        dialog: dialog.clone(),
    };
    match internal::workspace(env, &who.workspace)?.call::<serde_json::Value>(&hold).await {
        Err(ApiError::Relayed { status: 401, .. }) => return Err(ApiError::Unauthorized),
        result => result?,
    };
    let conversation = internal::conversation(env, &who.workspace, &dialog)?;
    // Who is on the socket, for the typing indicators it sends (W2).
    let actor = Actor::Agent { id: who.agent, name: who.name };
    let access = Some(who.access);
    let request = ConversationRequest::Socket { viewer: Viewer::Agent, after, actor, access };
    conversation.forward_upgrade(req, &request).await
}

/// The caller's own names for chats (C3).
pub async fn chat_names(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::OwnAccount)?;
    let workspace = internal::workspace(env, &who.workspace)?;
    workspace.send(&WorkspaceRequest::ChatNames { agent: who.agent }).await
}

/// The caller names a chat of their workspace for themselves (C3).
pub async fn rename_chat(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    let dialog = dialog_id(id)?;
    who.permit(Action::ReadDialog(&dialog))?;
    let rename: RenameChat = read_json(&mut req).await?;
    let request = WorkspaceRequest::RenameChat { agent: who.agent, dialog, rename };
    internal::workspace(env, &who.workspace)?.send(&request).await
}
