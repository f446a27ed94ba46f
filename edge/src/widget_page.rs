//! The chat page (`/widget/?channel=…`), served through the Worker so that its
//! `frame-ancestors` names exactly the sites the channel allows (issue 4): another site cannot
//! frame the chat, whatever it does with the loader.

use crate::error::{ApiError, ApiResult};
use crate::internal::{self, WorkspaceRequest};
use openline_core::channel::{normalize_origin, ChannelSettings};
use openline_core::ids::parse_channel_key;
use worker::{Env, Request, Response};

/// The page's policy before `frame-ancestors`; the same as `_headers` gives the app.
const BASE_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

pub async fn serve(req: Request, env: &Env) -> ApiResult<Response> {
    let frame_ancestors = match crate::http::query(&req, "channel")? {
        Some(key) => allowed_ancestors(env, &key).await?,
        None => Some("'none'".to_owned()),
    };
    let mut url = req.url()?;
    url.set_path("/widget/index.html");
    url.set_query(None);
    let mut page = env.assets("ASSETS")?.fetch(url.to_string(), None).await?;
    let body = page.bytes().await?;
    let policy = match frame_ancestors {
        Some(ancestors) => format!("{BASE_POLICY}; frame-ancestors {ancestors}"),
        None => BASE_POLICY.to_owned(),
    };
    let response = Response::from_bytes(body)?.with_status(page.status_code());
    let headers = response.headers().clone();
    headers.set("content-type", "text/html; charset=utf-8")?;
    headers.set("content-security-policy", &policy)?;
    headers.set("x-content-type-options", "nosniff")?;
    headers.set("referrer-policy", "no-referrer")?;
    headers.set("cache-control", "no-cache")?;
    Ok(response.with_headers(headers))
}

/// `None`: any site may frame the chat (the channel lists none); an unknown channel: nobody.
async fn allowed_ancestors(env: &Env, key: &str) -> ApiResult<Option<String>> {
    let Some((workspace, channel)) = parse_channel_key(key) else {
        return Ok(Some("'none'".to_owned()));
    };
    let object = internal::workspace(env, &workspace)?;
    let settings: ChannelSettings = match object.call(&WorkspaceRequest::Settings { channel }).await
    {
        Ok(settings) => settings,
        Err(ApiError::Relayed { status: 404, .. }) => return Ok(Some("'none'".to_owned())),
        Err(e) => return Err(e),
    };
    if settings.allowed_origins.is_empty() {
        return Ok(None);
    }
    let origins: Vec<String> =
        settings.allowed_origins.iter().filter_map(|o| normalize_origin(o)).collect();
    Ok(Some(if origins.is_empty() { "'none'".to_owned() } else { origins.join(" ") }))
}
