//! Files in chats (C1): uploads from the widget and the agent app, and downloads by signed link.
//!
//! An upload is the file's bytes as the body with its name in `?name=`; the dialog's object
//! checks it against the channel's rules, stores it in R2 and answers its `FileRef`, whose id
//! the client then attaches to a message. Every event that leaves a dialog carries fresh signed
//! links (see `conversation::files`), so only those who may read the dialog get one: its customer
//! and its workspace's agents. A link names one file and expires.

use crate::auth::{self, AgentAuth};
use crate::customer::{admitted, Access, Customer};
use crate::error::{ApiError, ApiResult};
use crate::http::{query, read_at_most};
use crate::internal::{self, ConversationRequest, DialogMeta, UploadMeta};
use openline_core::auth::{verify, Claims, TokenError};
use openline_core::authz::Action;
use openline_core::files::{FileProblem, MAX_FILE_BYTES};
use openline_core::ErrorCode;
use openline_core::{Actor, DialogId};
use worker::{Env, Headers, Request, Response};

/// `POST /api/widget/files?name=N`: the customer uploads to their own dialog.
pub async fn widget_upload(mut req: Request, env: &Env) -> ApiResult<Response> {
    // The same gate and the same network allowance as the customer's messages.
    let Customer { who, network, standing } = admitted(&req, env, Access::Write).await?;
    let dialog = DialogId::for_visitor(&who.channel, &who.visitor);
    who.permit(Action::UploadFile(&dialog))?;
    let upload = UploadMeta {
        actor: Actor::Visitor { id: who.visitor.clone() },
        meta: Some(DialogMeta {
            workspace: who.workspace.clone(),
            channel: who.channel.clone(),
            visitor: who.visitor.clone(),
            dialog: dialog.clone(),
            network,
        }),
        name: file_name(&req)?,
    };
    let bytes = read_file(&mut req, standing.max_file_bytes).await?;
    let conversation = internal::conversation(env, &who.workspace, &dialog)?;
    conversation.send_bytes(&ConversationRequest::Upload(upload), &bytes).await
}

/// `POST /api/agent/dialogs/{id}/files?name=N`: an agent uploads to a dialog of their workspace.
pub async fn agent_upload(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who: AgentAuth = auth::agent(&req, env).await?;
    let dialog = DialogId::parse(id).ok_or(ApiError::NotFound("dialog"))?;
    who.permit(Action::UploadFile(&dialog))?;
    let upload = UploadMeta {
        actor: Actor::Agent { id: who.agent.clone(), name: who.name.clone() },
        meta: None,
        name: file_name(&req)?,
    };
    let bytes = read_file(&mut req, MAX_FILE_BYTES).await?;
    let conversation = internal::conversation(env, &who.workspace, &dialog)?;
    conversation.send_bytes(&ConversationRequest::Upload(upload), &bytes).await
}

/// `GET /api/files/{token}`: the file a valid, unexpired link names. Served so that nothing in
/// it can run: its stored type, `nosniff`, a sandboxing CSP, and a download for non-images.
pub async fn download(env: &Env, token: &str) -> ApiResult<Response> {
    let secret = auth::secret(env)?;
    let (ws, dialog, file) = match verify(&secret, token, auth::now_ms()) {
        Ok(Claims::File { ws, d, f, .. }) => (ws, d, f),
        Err(TokenError::Expired) => {
            return Err(ApiError::Forbidden(
                ErrorCode::LinkExpired,
                "This link has expired. Open the chat again for a fresh one.",
            ))
        }
        _ => return Err(ApiError::NotFound("file")),
    };
    let key = crate::conversation::object_key(&ws, &dialog, &file);
    let object = env.bucket("FILES")?.get(key).execute().await?;
    let object = object.ok_or(ApiError::NotFound("file"))?;
    let body = object.body().ok_or(ApiError::NotFound("file"))?.response_body()?;
    let stored = object.http_metadata();
    let headers = Headers::new();
    let content_type = stored.content_type.unwrap_or_else(|| "application/octet-stream".into());
    headers.set("content-type", &content_type)?;
    if let Some(disposition) = stored.content_disposition {
        headers.set("content-disposition", &disposition)?;
    }
    headers.set("content-length", &object.size().to_string())?;
    headers.set("x-content-type-options", "nosniff")?;
    headers.set("content-security-policy", "default-src 'none'; sandbox")?;
    headers.set("cross-origin-resource-policy", "same-origin")?;
    headers.set("referrer-policy", "no-referrer")?;
    // The link is the permission: private caches only, no longer than the link lives.
    headers.set("cache-control", "private, max-age=21600")?;
    Ok(Response::from_body(body)?.with_headers(headers))
}

fn file_name(req: &Request) -> ApiResult<String> {
    query(req, "name")?.filter(|n| !n.trim().is_empty()).ok_or(ApiError::File(FileProblem::BadName))
}

/// The body, refused as soon as it passes `max_bytes` (as it declares, or as it streams in).
async fn read_file(req: &mut Request, max_bytes: u64) -> ApiResult<Vec<u8>> {
    let too_large = || ApiError::File(FileProblem::TooLarge { max_bytes });
    read_at_most(req, max_bytes as usize, too_large).await
}
