//! The one gate of every customer call after the session opened (issue 15): the visitor token,
//! then `core::admission::admit`, asked by the workspace with the channel's settings and the
//! blocks as they are now, and for writes the network's allowance. History, the socket,
//! commands of every kind and uploads all start here, so whatever protects one of them
//! protects the others, and a token issued under older settings buys nothing under new ones.

use crate::auth::{self, VisitorAuth};
use crate::error::{ApiError, ApiResult};
use crate::internal::{self, Standing, StandingCheck, WorkspaceRequest};
use worker::Env;
use worker::Request;

/// What a customer call does to their dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// History and the socket.
    Read,
    /// Commands (messages, contact details, ratings, read marks) and uploads.
    Write,
}

/// A customer the channel, as it is now, lets go on.
pub struct Customer {
    pub who: VisitorAuth,
    /// The keyed tag of the network the call comes from.
    pub network: Option<String>,
    pub standing: Standing,
}

/// The visitor's token, the network's allowance for writes, then the channel's rules now.
pub async fn admitted(req: &Request, env: &Env, access: Access) -> ApiResult<Customer> {
    let who = auth::visitor(req, env)?;
    let network = auth::network(req, env)?;
    let writes = access == Access::Write;
    if writes {
        limit_network(env, network.as_deref(), NetworkLimit::Writes).await?;
    }
    let check = StandingCheck {
        channel: who.channel.clone(),
        visitor: who.visitor.clone(),
        network: network.clone(),
        writes,
    };
    let workspace = internal::workspace(env, &who.workspace)?;
    let standing: Standing = workspace.call(&WorkspaceRequest::Standing(check)).await?;
    Ok(Customer { who, network, standing })
}

/// The platform's per-network buckets (the per-visitor one is the dialog's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkLimit {
    /// New visitor sessions.
    Sessions,
    /// Everything a customer writes: commands and uploads share one bucket.
    Writes,
}

/// Spends one of the network's allowance. Lifted with `OPENLINE_NETWORK_LIMIT=off` for the
/// latency bench, which sends from one address.
pub async fn limit_network(env: &Env, network: Option<&str>, limit: NetworkLimit) -> ApiResult<()> {
    let off = env.var("OPENLINE_NETWORK_LIMIT").is_ok_and(|v| v.to_string() == "off");
    let (Some(network), false) = (network, off) else { return Ok(()) };
    let (binding, key) = match limit {
        NetworkLimit::Sessions => ("SESSION_LIMIT", "session"),
        NetworkLimit::Writes => ("MESSAGE_LIMIT", "message"),
    };
    let Ok(limiter) = env.rate_limiter(binding) else {
        worker::console_error!("rate limiter {binding} is not bound");
        return Ok(());
    };
    let outcome = limiter.limit(format!("{key}:{network}")).await?;
    if outcome.success {
        Ok(())
    } else {
        Err(ApiError::RateLimited { retry_after_ms: 10_000 })
    }
}
