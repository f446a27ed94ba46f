//! Development only: seeding a demo workspace (`POST /api/dev/seed`).

use super::agent::NewChannel;
use crate::ids::{ChannelId, WorkspaceId};
use crate::inbox::DialogSummary;
use serde::{Deserialize, Serialize};

/// Development only (`OPENLINE_DEV_SEED=true`): create a workspace with one admin and one
/// website channel, if it does not exist yet. `POST /api/dev/seed`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevSeedRequest {
    pub workspace: WorkspaceId,
    pub admin_email: String,
    pub admin_password: String,
    pub admin_name: String,
    pub channel: ChannelId,
    pub channel_name: String,
    pub greeting: String,
    /// More agents besides the admin (colleagues to transfer to and invite).
    #[serde(default)]
    pub agents: Vec<DevAgent>,
    /// More open channels besides `channel` (to transfer to).
    #[serde(default)]
    pub more_channels: Vec<NewChannel>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevAgent {
    pub email: String,
    pub name: String,
    pub password: String,
}

/// Development only: inbox rows as dialogs would report them, each with its `active_at`, to
/// try the lists at scale without thousands of conversations. `POST /api/dev/inbox`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevInboxRows {
    pub workspace: WorkspaceId,
    pub rows: Vec<DialogSummary>,
}
