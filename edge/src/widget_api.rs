//! What the widget calls: open a visitor session, read and write its one dialog, listen.
//!
//! A visitor token names one workspace, channel and visitor; the dialog follows from them, so
//! a token can never reach another customer's dialog. Every call after the session opened
//! passes `customer::admitted`: the channel's rules as they are now.

use crate::auth::{self, VisitorAuth};
use crate::customer::{admitted, limit_network, Access, Customer, NetworkLimit};
use crate::error::{ApiError, ApiResult};
use crate::http::{after_param, is_websocket_upgrade, json, read_json};
use crate::internal::{
    self, Admission, ContactsRequest, ConversationRequest, DialogCommand, DialogMeta, Sighting,
    WorkspaceRequest,
};
use openline_core::auth::{identified_visitor, sign, verify, Claims};
use openline_core::authz::Action;
use openline_core::ids::parse_channel_key;
use openline_core::protocol::{ChannelInfo, CommandRequest, WidgetSession, WidgetSessionRequest};
use openline_core::ErrorCode;
use openline_core::{Actor, ChannelId, DialogId, Viewer, VisitorId, WorkspaceId};
use worker::{Env, Request, Response};

pub async fn session(mut req: Request, env: &Env) -> ApiResult<Response> {
    let network = auth::network(&req, env)?;
    limit_network(env, network.as_deref(), NetworkLimit::Sessions).await?;
    let body: WidgetSessionRequest = read_json(&mut req).await?;
    let (workspace, channel) =
        parse_channel_key(&body.channel).ok_or(ApiError::NotFound("channel"))?;
    let secret = auth::secret(env)?;
    // A verified user (W6) is the same visitor everywhere. Otherwise a returning visitor keeps
    // their identity (W3); a token for another channel, or one that does not verify, simply
    // starts a new visitor.
    let returning =
        body.visitor_token.as_deref().and_then(|t| verify(&secret, t, auth::now_ms()).ok());
    let visitor = match (&body.identity, returning) {
        (Some(identity), _) => identified_visitor(&secret, &channel, &identity.user_id),
        (None, Some(Claims::Visitor { ws, ch, v })) if ws == workspace && ch == channel => v,
        _ => VisitorId::parse(&auth::random_id("v_")?).ok_or(ApiError::NotFound("visitor"))?,
    };
    let user_id = body.identity.as_ref().map(|i| i.user_id.clone());
    let admission = Admission {
        channel: channel.clone(),
        visitor: visitor.clone(),
        network,
        host: body.host,
        identity: body.identity,
    };
    let object = internal::workspace(env, &workspace)?;
    let info: ChannelInfo = object.call(&WorkspaceRequest::Admit(admission)).await?;
    let dialog = DialogId::for_visitor(&channel, &visitor);
    if let Some(user_id) = user_id {
        note_signed_user(env, &workspace, &dialog, &channel, &visitor, user_id).await;
    }
    let claims = Claims::Visitor { ws: workspace, ch: channel.clone(), v: visitor.clone() };
    json(&WidgetSession {
        visitor_token: sign(&secret, &claims),
        dialog_id: dialog,
        visitor_id: visitor,
        channel: info,
    })
}

/// A signed user (verified by the admission) is a contact from their first visit (R1). Told
/// again at every session they open, so a lost call only waits for the next one; the chat
/// opens either way.
async fn note_signed_user(
    env: &Env,
    workspace: &WorkspaceId,
    dialog: &DialogId,
    channel: &ChannelId,
    visitor: &VisitorId,
    user_id: String,
) {
    let sighting = Sighting {
        dialog: dialog.clone(),
        channel: channel.clone(),
        visitor: visitor.clone(),
        user_id: Some(user_id),
        contact: Default::default(),
        default_country: String::new(),
    };
    let noted = async {
        let contacts = internal::contacts(env, workspace)?;
        contacts.call::<serde_json::Value>(&ContactsRequest::Note(sighting)).await
    };
    if let Err(e) = noted.await {
        worker::console_error!("a signed user not noted as a contact: {e:?}");
    }
}

fn dialog_of(who: &VisitorAuth, network: Option<String>) -> DialogMeta {
    DialogMeta {
        workspace: who.workspace.clone(),
        channel: who.channel.clone(),
        visitor: who.visitor.clone(),
        dialog: DialogId::for_visitor(&who.channel, &who.visitor),
        network,
    }
}

pub async fn events(req: Request, env: &Env) -> ApiResult<Response> {
    let Customer { who, .. } = admitted(&req, env, Access::Read).await?;
    let meta = dialog_of(&who, None);
    who.permit(Action::ReadDialog(&meta.dialog))?;
    let after = after_param(&req)?;
    let conversation = internal::conversation(env, &meta.workspace, &meta.dialog)?;
    conversation.send(&ConversationRequest::Events { viewer: Viewer::Customer, after }).await
}

pub async fn command(mut req: Request, env: &Env) -> ApiResult<Response> {
    let Customer { who, network, .. } = admitted(&req, env, Access::Write).await?;
    let request: CommandRequest = read_json(&mut req).await?;
    let meta = dialog_of(&who, network);
    who.permit(Action::CommandDialog(&meta.dialog, &request.command))?;
    let conversation = internal::conversation(env, &meta.workspace, &meta.dialog)?;
    let command = DialogCommand {
        actor: Actor::Visitor { id: who.visitor },
        viewer: Viewer::Customer,
        meta: Some(meta),
        request,
        directory: Vec::new(),
        channels: Vec::new(),
        role: Default::default(),
    };
    conversation.send(&ConversationRequest::Command(command)).await
}

pub async fn socket(req: Request, env: &Env) -> ApiResult<Response> {
    if !is_websocket_upgrade(&req)? {
        return Err(ApiError::bad_request(
            ErrorCode::WebsocketExpected,
            "Expected a WebSocket upgrade.",
        ));
    }
    let Customer { who, .. } = admitted(&req, env, Access::Read).await?;
    let meta = dialog_of(&who, None);
    who.permit(Action::ReadDialog(&meta.dialog))?;
    let after = after_param(&req)?;
    let conversation = internal::conversation(env, &meta.workspace, &meta.dialog)?;
    // Who is on the socket, for the typing indicators it sends (W2).
    let actor = Actor::Visitor { id: who.visitor };
    let request =
        ConversationRequest::Socket { viewer: Viewer::Customer, after, actor, access: None };
    conversation.forward_upgrade(&req, &request).await
}
