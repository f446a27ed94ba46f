//! The requests the Worker sends to its Durable Objects, typed on both ends.
//!
//! A Durable Object is reached only through its stub, never from the internet, so what arrives
//! here was checked by the Worker already (tokens, ids). The objects still parse every body.

use crate::error::{ApiError, ApiResult};
use openline_core::event::{AgentRef, ChannelRef};
use openline_core::protocol::{AgentProfile, CommandRequest, ErrorBody, VisitorIdentity};
use openline_core::{Actor, AgentId, ChannelId, DialogId, Viewer, VisitorId, WorkspaceId};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use worker::{Env, Headers, Method, Request, RequestInit, Response, Stub};

/// Stubs need an absolute URL; the host is never looked at.
const OBJECT_ORIGIN: &str = "https://object.internal";

/// Which customer a dialog belongs to. Stored by the dialog on its first command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogMeta {
    pub workspace: WorkspaceId,
    pub channel: ChannelId,
    pub visitor: VisitorId,
    pub dialog: DialogId,
    /// A keyed hash of the network address the customer wrote from (never the address), so
    /// blocking the customer (Q6) can block their network too.
    #[serde(default)]
    pub network: Option<String>,
}

/// `POST /command` on a Conversation.
#[derive(Debug, Serialize, Deserialize)]
pub struct DialogCommand {
    /// Known when a customer writes; agents only name an existing dialog.
    pub meta: Option<DialogMeta>,
    pub actor: Actor,
    pub viewer: Viewer,
    pub request: CommandRequest,
    /// The workspace's agents the command names, looked up by the Worker (see
    /// `Command::named_agent`); empty when it names none or the agent does not exist.
    #[serde(default)]
    pub directory: Vec<AgentRef>,
    /// Likewise for the open channel it names (see `Command::named_channel`).
    #[serde(default)]
    pub channels: Vec<ChannelRef>,
    /// The acting agent's role, as the workspace has it now (customers and the system: `Agent`).
    #[serde(default)]
    pub role: openline_core::auth::Role,
}

/// `POST /presence` on a Workspace.
#[derive(Debug, Serialize, Deserialize)]
pub struct PresenceChange {
    pub agent: openline_core::AgentId,
    pub presence: openline_core::routing::Presence,
}

/// `POST /login` on a Workspace.
#[derive(Debug, Serialize, Deserialize)]
pub struct LoginCheck {
    pub email: String,
    pub password: String,
}

/// A new agent session (login, setup, accepted invitation): the Worker signs it into the cookie.
#[derive(Debug, Serialize, Deserialize)]
pub struct SessionGranted {
    pub agent: AgentProfile,
    pub session: String,
    pub expires_at: i64,
}

/// `POST /whoami`: what the caller presented, checked against the live sessions and tokens.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Credential {
    Session { agent: AgentId, session: String },
    ApiToken { hash: String },
}

/// `POST /password`.
#[derive(Debug, Serialize, Deserialize)]
pub struct PasswordUpdate {
    pub agent: AgentId,
    pub session: String,
    pub current: String,
    pub new: String,
}

/// `POST /setup`: the first admin of a new workspace.
#[derive(Debug, Serialize, Deserialize)]
pub struct FirstAdmin {
    pub name: String,
    pub email: String,
    pub password: String,
}

/// `POST /invitation`: an invitee's password for the invitation with this code hash.
#[derive(Debug, Serialize, Deserialize)]
pub struct Acceptance {
    pub code_hash: String,
    pub password: String,
}

/// `POST /api-tokens`.
#[derive(Debug, Serialize, Deserialize)]
pub struct TokenRequest {
    pub workspace: WorkspaceId,
    pub agent: AgentId,
    pub name: String,
}

/// `POST /admit`: may this visitor open a chat on this channel from this site?
#[derive(Debug, Serialize, Deserialize)]
pub struct Admission {
    pub channel: ChannelId,
    pub visitor: VisitorId,
    pub network: Option<String>,
    pub host: Option<String>,
    pub identity: Option<VisitorIdentity>,
}

/// `POST /block`: a dialog blocked (or unblocked) its customer (Q6).
#[derive(Debug, Serialize, Deserialize)]
pub struct BlockChange {
    pub visitor: VisitorId,
    pub network: Option<String>,
    pub blocked: bool,
}

/// `POST /upload` on a Conversation: the file's bytes are the body; this, as JSON, is in the
/// `UPLOAD_HEADER` header.
#[derive(Debug, Serialize, Deserialize)]
pub struct UploadMeta {
    pub actor: Actor,
    /// Known when a customer uploads (as for their commands).
    pub meta: Option<DialogMeta>,
    /// The file's name as the uploader gave it.
    pub name: String,
}

pub const UPLOAD_HEADER: &str = "x-openline-upload";

/// Sends a file's bytes to a Conversation's `/upload`.
pub async fn upload(stub: &Stub, upload: &UploadMeta, bytes: Vec<u8>) -> ApiResult<Response> {
    let headers = Headers::new();
    headers.set(UPLOAD_HEADER, &serde_json::to_string(upload)?)?;
    let mut init = RequestInit::new();
    init.with_method(Method::Post).with_headers(headers);
    init.with_body(Some(js_sys::Uint8Array::from(bytes.as_slice()).into()));
    let req = Request::new_with_init(&format!("{OBJECT_ORIGIN}/upload"), &init)?;
    Ok(stub.fetch_with_request(req).await?)
}

pub fn conversation(env: &Env, workspace: &WorkspaceId, dialog: &DialogId) -> ApiResult<Stub> {
    Ok(env.durable_object("CONVERSATION")?.get_by_name(&format!("{workspace}/{dialog}"))?)
}

/// The one Registry of the installation.
pub fn registry(env: &Env) -> ApiResult<Stub> {
    Ok(env.durable_object("REGISTRY")?.get_by_name("registry")?)
}

pub fn workspace(env: &Env, workspace: &WorkspaceId) -> ApiResult<Stub> {
    Ok(env.durable_object("WORKSPACE")?.get_by_name(workspace.as_str())?)
}

/// Sends `body` as JSON and returns the object's response as it is (status and body).
pub async fn send<B: Serialize>(
    stub: &Stub,
    method: Method,
    path_and_query: &str,
    body: Option<&B>,
) -> ApiResult<Response> {
    let mut init = RequestInit::new();
    init.with_method(method);
    if let Some(body) = body {
        let headers = Headers::new();
        headers.set("content-type", "application/json")?;
        init.with_headers(headers);
        init.with_body(Some(serde_json::to_string(body)?.into()));
    }
    let req = Request::new_with_init(&format!("{OBJECT_ORIGIN}{path_and_query}"), &init)?;
    Ok(stub.fetch_with_request(req).await?)
}

/// Like `send`, but decodes a success as `T` and turns an error reply back into an `ApiError`
/// that keeps the object's status and message.
pub async fn call<B: Serialize, T: DeserializeOwned>(
    stub: &Stub,
    method: Method,
    path_and_query: &str,
    body: Option<&B>,
) -> ApiResult<T> {
    let mut response = send(stub, method, path_and_query, body).await?;
    let status = response.status_code();
    if (200..300).contains(&status) {
        return Ok(response.json().await?);
    }
    let body: ErrorBody = response.json().await?;
    Err(ApiError::Relayed { status, body })
}

/// Hands a browser's WebSocket upgrade to an object: same headers, a new internal URL.
pub async fn forward_upgrade(
    stub: &Stub,
    req: &Request,
    path_and_query: &str,
) -> ApiResult<Response> {
    let mut init = RequestInit::new();
    init.with_method(Method::Get);
    init.with_headers(req.headers().clone());
    let inner = Request::new_with_init(&format!("{OBJECT_ORIGIN}{path_and_query}"), &init)?;
    Ok(stub.fetch_with_request(inner).await?)
}
