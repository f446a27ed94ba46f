//! The calls the Worker makes to its Durable Objects, typed on both ends.
//!
//! Each object has one request enum, one variant per call carrying its typed body:
//! `WorkspaceRequest`, `ConversationRequest`, `RegistryRequest`. A call is encoded here and
//! nowhere else: `POST /` with the request as JSON in the body, or, when the body or the headers
//! are not ours to use (an upload's bytes, a browser's WebSocket upgrade, which the object must
//! accept from the very request that carries the `Upgrade`), the request as URI-encoded JSON in
//! the `CALL_HEADER` header. The object decodes it once with `receive` and `match`es it.
//!
//! A Durable Object is reached only through its stub, never from the internet, so what arrives
//! was checked by the Worker already (tokens, ids). The objects still parse every body, and ids
//! are checked again as they are read. This wire is internal: the Worker and its objects deploy
//! together. What the objects store does not depend on it.
//!
//! - `workspace`: `WorkspaceRequest` and its bodies (sign-in, the team, access, the inbox).
//! - `conversation`: `ConversationRequest`, `DialogMeta` and `DialogCommand`, uploads.
//! - `contacts`: `ContactsRequest` and `Sighting` (what a dialog knows of its customer).

mod contacts;
mod conversation;
mod workspace;

pub use contacts::{ContactsRequest, Sighting};
pub use conversation::{ConversationRequest, DialogCommand, DialogMeta, UploadMeta};
pub use workspace::{
    Acceptance, Admission, BlockChange, Credential, FirstAdmin, Identity, LoginCheck,
    PasswordUpdate, PresenceChange, SessionGranted, Standing, StandingCheck, TokenRequest,
    WorkspaceRequest,
};

use crate::error::{ApiError, ApiResult};
use crate::http::read_at_most;
use openline_core::limits::MAX_BODY_BYTES;
use openline_core::protocol::ErrorBody;
use openline_core::{DialogId, ErrorCode, WorkspaceId};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use worker::{Env, Headers, Method, Request, RequestInit, Response, Stub};

/// The Registry's calls: which workspaces exist (first-run setup).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistryRequest {
    /// → `SetupStatus`.
    Status,
    /// First-run setup claims the installation: only while no workspace exists.
    Claim { workspace: WorkspaceId },
    /// A workspace made by the development seed.
    Register { workspace: WorkspaceId },
}

/// Where a request travels when the body or the headers are not the call's own.
const CALL_HEADER: &str = "x-openline-call";

/// Stubs need an absolute URL; the host and path are never looked at.
const OBJECT_URL: &str = "https://object.internal/";

/// Internal bodies wrap what a client sent (bounded by `MAX_BODY_BYTES`) with what the Worker
/// adds (who, the names a command mentions), so they may be somewhat larger.
const MAX_CALL_BYTES: usize = 4 * MAX_BODY_BYTES;

/// A Durable Object's stub that takes only that object's requests `R`.
pub struct Object<R> {
    stub: Stub,
    request: PhantomData<fn(&R)>,
}

pub fn workspace(env: &Env, workspace: &WorkspaceId) -> ApiResult<Object<WorkspaceRequest>> {
    object(env.durable_object("WORKSPACE")?.get_by_name(workspace.as_str())?)
}

pub fn conversation(
    env: &Env,
    workspace: &WorkspaceId,
    dialog: &DialogId,
) -> ApiResult<Object<ConversationRequest>> {
    object(env.durable_object("CONVERSATION")?.get_by_name(&format!("{workspace}/{dialog}"))?)
}

/// The workspace's Contacts object (issue 16).
pub fn contacts(env: &Env, workspace: &WorkspaceId) -> ApiResult<Object<ContactsRequest>> {
    object(env.durable_object("CONTACTS")?.get_by_name(&format!("{workspace}/contacts"))?)
}

/// The one Registry of the installation.
pub fn registry(env: &Env) -> ApiResult<Object<RegistryRequest>> {
    object(env.durable_object("REGISTRY")?.get_by_name("registry")?)
}

fn object<R>(stub: Stub) -> ApiResult<Object<R>> {
    Ok(Object { stub, request: PhantomData })
}

impl<R: Serialize> Object<R> {
    /// Sends `request` and returns the object's response as it is (status and body).
    pub async fn send(&self, request: &R) -> ApiResult<Response> {
        let headers = Headers::new();
        headers.set("content-type", "application/json")?;
        let mut init = RequestInit::new();
        init.with_method(Method::Post).with_headers(headers);
        init.with_body(Some(serde_json::to_string(request)?.into()));
        self.fetch(&init).await
    }

    /// Like `send`, but decodes a success as `T` and turns an error reply back into an
    /// `ApiError` that keeps the object's status, code and message.
    pub async fn call<T: DeserializeOwned>(&self, request: &R) -> ApiResult<T> {
        let mut response = self.send(request).await?;
        let status = response.status_code();
        if (200..300).contains(&status) {
            return Ok(response.json().await?);
        }
        let retry_after = response.headers().get("retry-after")?;
        let body: ErrorBody<ErrorCode> = response.json().await?;
        Err(ApiError::Relayed { status, body, retry_after })
    }

    /// Sends `request` with `bytes` as the body (an upload's file).
    pub async fn send_bytes(&self, request: &R, bytes: &[u8]) -> ApiResult<Response> {
        let headers = Headers::new();
        headers.set(CALL_HEADER, &in_header(request)?)?;
        let mut init = RequestInit::new();
        init.with_method(Method::Post).with_headers(headers);
        init.with_body(Some(js_sys::Uint8Array::from(bytes).into()));
        self.fetch(&init).await
    }

    /// Hands a browser's WebSocket upgrade to the object: the browser's headers (its `Upgrade`
    /// among them) with `request` added, so the object accepts the socket from this request.
    pub async fn forward_upgrade(&self, upgrade: &Request, request: &R) -> ApiResult<Response> {
        let headers = upgrade.headers().clone();
        // `set` replaces whatever a client put under this name.
        headers.set(CALL_HEADER, &in_header(request)?)?;
        let mut init = RequestInit::new();
        init.with_method(Method::Get).with_headers(headers);
        self.fetch(&init).await
    }

    async fn fetch(&self, init: &RequestInit) -> ApiResult<Response> {
        let req = Request::new_with_init(OBJECT_URL, init)?;
        Ok(self.stub.fetch_with_request(req).await?)
    }
}

/// The request an object was sent: from `CALL_HEADER` when there, else from the body.
pub async fn receive<R: DeserializeOwned>(req: &mut Request) -> ApiResult<R> {
    let invalid = |e: serde_json::Error| {
        ApiError::bad_request(ErrorCode::InvalidJson, format!("Invalid internal call: {e}."))
    };
    if let Some(header) = req.headers().get(CALL_HEADER)? {
        let json = js_sys::decode_uri_component(&header).map_err(|_| {
            ApiError::bad_request(ErrorCode::InvalidJson, "Invalid internal call header.")
        })?;
        return serde_json::from_str(&String::from(json)).map_err(invalid);
    }
    let bytes = read_at_most(req, MAX_CALL_BYTES, || ApiError::PayloadTooLarge).await?;
    serde_json::from_slice(&bytes).map_err(invalid)
}

/// JSON, URI-encoded: a header value must be ASCII, and names and file names need not be.
fn in_header<R: Serialize>(request: &R) -> ApiResult<String> {
    Ok(js_sys::encode_uri_component(&serde_json::to_string(request)?).into())
}
