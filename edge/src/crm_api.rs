//! What the agent app calls for CRM contacts (issue 16): the contact of a dialog, one contact,
//! and the list with its search. Any agent of the workspace reads them; the workspace comes
//! from the agent's session, never from the request.

use crate::auth;
use crate::error::{ApiError, ApiResult};
use crate::http::{query, read_json};
use crate::internal::{self, ContactsRequest, ConversationRequest};
use openline_core::authz::Action;
use openline_core::crm::ContactEdit;
use openline_core::protocol::MergeRequest;
use openline_core::DialogId;
use worker::{Env, Request, Response};

/// `GET /api/agent/dialogs/{id}/contact`: the contact the dialog's customer is, or `null`
/// (not a 404: a customer who is no contact yet is an ordinary state, not an error). A dialog
/// that does not exist is a 404, as on every dialog route.
pub async fn of_dialog(req: &Request, env: &Env, dialog: &str) -> ApiResult<Response> {
    let who = auth::agent(req, env).await?;
    let dialog = DialogId::parse(dialog).ok_or(ApiError::NotFound("dialog"))?;
    who.permit(Action::ReadDialog(&dialog))?;
    let conversation = internal::conversation(env, &who.workspace, &dialog)?;
    conversation.call::<serde_json::Value>(&ConversationRequest::Exists).await?;
    let contacts = internal::contacts(env, &who.workspace)?;
    contacts.send(&ContactsRequest::OfDialog { dialog }).await
}

/// `GET /api/agent/contacts/{id}`.
pub async fn get(req: &Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let contacts = internal::contacts(env, &who.workspace)?;
    contacts.send(&ContactsRequest::Get { id: id.to_owned() }).await
}

/// `PUT /api/agent/contacts/{id}`: an agent's edit of the name and company.
pub async fn edit(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::EditContacts)?;
    let edit: ContactEdit = read_json(&mut req).await?;
    let request = ContactsRequest::Edit { id: id.to_owned(), edit };
    internal::contacts(env, &who.workspace)?.send(&request).await
}

/// `POST /api/agent/contacts/{id}/merge`: another contact merged into this one.
pub async fn merge(mut req: Request, env: &Env, id: &str) -> ApiResult<Response> {
    let who = auth::agent(&req, env).await?;
    who.permit(Action::EditContacts)?;
    let body: MergeRequest = read_json(&mut req).await?;
    let merge = ContactsRequest::Merge { into: id.to_owned(), from: body.from.to_string() };
    internal::contacts(env, &who.workspace)?.send(&merge).await
}

/// `GET /api/agent/contacts?q=&after=`: a page of the list, or of a search.
pub async fn search(req: &Request, env: &Env) -> ApiResult<Response> {
    let who = auth::agent(req, env).await?;
    who.permit(Action::ReadWorkspace)?;
    let query = query(req, "q")?.unwrap_or_default();
    let after = query_after(req)?;
    let contacts = internal::contacts(env, &who.workspace)?;
    contacts.send(&ContactsRequest::Search { query, after }).await
}

/// `after`: the `next` of the page before, a whole number.
fn query_after(req: &Request) -> ApiResult<Option<String>> {
    match query(req, "after")? {
        Some(after) if after.parse::<u32>().is_err() => Err(ApiError::bad_request(
            openline_core::ErrorCode::InvalidCursor,
            "`after` is the `next` of the page before.",
        )),
        after => Ok(after),
    }
}
