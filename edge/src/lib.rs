//! The Openline Worker: one entry point, the route table, and the Durable Objects.
//!
//! A thin shell: it authenticates, loads state, asks `openline_core` what happens, stores it and
//! broadcasts it. No rule of the product is decided here.
//!
//! Layout:
//! - `routes`: every URL of the API, on one screen.
//! - `widget_api`, `agent_api`, `team_api`, `dev_api`: the handlers, grouped by who calls them.
//! - `crm_api`: CRM contacts for the agent app (issue 16).
//! - `files_api`: file uploads (widget, agent app) and downloads by signed link (C1).
//! - `widget_page`: the chat page with its per-channel `frame-ancestors`.
//! - `auth`: the secret, the session cookie, API and visitor tokens, fresh ids.
//! - `customer`: the one gate of every customer call after a session opened (the channel's
//!   rules as they are now, the network's allowance).
//! - `error`: `ApiError`, the one way an error leaves the edge.
//! - `http`: JSON bodies in and out, query parameters.
//! - `conversation`: the Conversation Durable Object (one per dialog: event log + sockets).
//! - `workspace`: the Workspace Durable Object (one per tenant: directory, inbox, inbox sockets).
//! - `registry`: the Registry Durable Object (one per installation: which workspaces exist).
//! - `contacts`: the Contacts Durable Object (one per workspace: CRM contacts, issue 16).
//! - `internal`: the typed requests the Worker sends to the Durable Objects.
//! - `sql`: schema migrations and row helpers shared by both objects.
//! - `sockets`: what both objects do with their hibernatable sockets.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod agent_api;
mod auth;
mod contacts;
mod conversation;
mod crm_api;
mod customer;
mod dev_api;
mod error;
mod files_api;
mod http;
mod internal;
mod registry;
mod routes;
mod sockets;
mod sql;
mod team_api;
mod widget_api;
mod widget_page;
mod workspace;

use worker::{event, Context, Env, Request, Response, Result};

pub use contacts::Contacts;
pub use conversation::Conversation;
pub use registry::Registry;
pub use workspace::Workspace;

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    error::ApiError::respond(routes::handle(req, &env).await)
}
