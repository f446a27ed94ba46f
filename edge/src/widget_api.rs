//! What the widget calls: open a visitor session, read and write its one dialog, listen.
//!
//! A visitor token names one workspace, channel and visitor; the dialog follows from them, so
//! a token can never reach another customer's dialog.

use crate::auth::{self, VisitorAuth};
use crate::error::{ApiError, ApiResult};
use crate::http::{after_param, is_websocket_upgrade, json, read_json};
use crate::internal::{self, DialogCommand, DialogMeta};
use openline_core::auth::{sign, verify, Claims};
use openline_core::ids::parse_channel_key;
use openline_core::protocol::{ChannelInfo, CommandRequest, WidgetSession, WidgetSessionRequest};
use openline_core::{Actor, DialogId, Viewer, VisitorId};
use worker::{Env, Method, Request, Response};

pub async fn session(mut req: Request, env: &Env) -> ApiResult<Response> {
    let body: WidgetSessionRequest = read_json(&mut req).await?;
    let (workspace, channel) =
        parse_channel_key(&body.channel).ok_or(ApiError::NotFound("channel"))?;
    let stub = internal::workspace(env, &workspace)?;
    let path = format!("/channel?id={channel}");
    let info: ChannelInfo = internal::call::<(), _>(&stub, Method::Get, &path, None).await?;

    let secret = auth::secret(env)?;
    // A returning visitor keeps their identity (W3); a token for another channel, or one that
    // does not verify, simply starts a new visitor.
    let returning =
        body.visitor_token.as_deref().and_then(|t| verify(&secret, t, auth::now_ms()).ok());
    let visitor = match returning {
        Some(Claims::Visitor { ws, ch, v }) if ws == workspace && ch == channel => v,
        _ => VisitorId::parse(&auth::random_id("v_")?).ok_or(ApiError::NotFound("visitor"))?,
    };
    let claims = Claims::Visitor { ws: workspace, ch: channel.clone(), v: visitor.clone() };
    json(&WidgetSession {
        visitor_token: sign(&secret, &claims),
        dialog_id: DialogId::for_visitor(&channel, &visitor),
        visitor_id: visitor,
        channel: info,
    })
}

fn dialog_of(who: &VisitorAuth) -> DialogMeta {
    DialogMeta {
        workspace: who.workspace.clone(),
        channel: who.channel.clone(),
        visitor: who.visitor.clone(),
        dialog: DialogId::for_visitor(&who.channel, &who.visitor),
    }
}

pub async fn events(req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::visitor(&req, env)?;
    let meta = dialog_of(&who);
    let stub = internal::conversation(env, &meta.workspace, &meta.dialog)?;
    internal::send::<()>(&stub, Method::Get, &events_path("events", after_param(&req)?), None).await
}

pub async fn command(mut req: Request, env: &Env) -> ApiResult<Response> {
    let who = auth::visitor(&req, env)?;
    let request: CommandRequest = read_json(&mut req).await?;
    let meta = dialog_of(&who);
    let stub = internal::conversation(env, &meta.workspace, &meta.dialog)?;
    let command = DialogCommand {
        actor: Actor::Visitor { id: who.visitor },
        viewer: Viewer::Customer,
        meta: Some(meta),
        request,
        directory: Vec::new(),
        channels: Vec::new(),
        role: Default::default(),
    };
    internal::send(&stub, Method::Post, "/command", Some(&command)).await
}

pub async fn socket(req: Request, env: &Env) -> ApiResult<Response> {
    if !is_websocket_upgrade(&req)? {
        return Err(ApiError::bad_request("websocket_expected", "Expected a WebSocket upgrade."));
    }
    let who = auth::visitor(&req, env)?;
    let meta = dialog_of(&who);
    let stub = internal::conversation(env, &meta.workspace, &meta.dialog)?;
    // Who is on the socket, for the typing indicators it sends (W2).
    let path = format!("{}&visitor={}", events_path("socket", after_param(&req)?), who.visitor);
    internal::forward_upgrade(&stub, &req, &path).await
}

/// `/events` or `/socket` on a Conversation, for the customer, from `after`.
fn events_path(route: &str, after: Option<u64>) -> String {
    match after {
        Some(after) => format!("/{route}?viewer=customer&after={after}"),
        None => format!("/{route}?viewer=customer"),
    }
}
