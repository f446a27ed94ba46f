//! The demo workspace: what `cargo xtask dev` seeds and what the tests log in with.

use openline_core::protocol::{DevAgent, DevSeedRequest, NewChannel};
use openline_core::{ChannelId, WorkspaceId};

pub const WORKSPACE: &str = "demo";
pub const CHANNEL_KEY: &str = "demo.web";
pub const ADMIN_EMAIL: &str = "admin@demo.openline";
pub const ADMIN_PASSWORD: &str = "openline-demo";
pub const ADMIN_NAME: &str = "Ana García";

/// Colleagues of the admin, to transfer to and invite (same password).
pub const COLLEAGUES: [(&str, &str); 2] =
    [("luis@demo.openline", "Luis Romero"), ("marta@demo.openline", "Marta Vidal")];

pub fn seed() -> DevSeedRequest {
    seed_in(WORKSPACE)
}

/// The demo's team and channels in workspace `workspace` (the test scene gives each test its
/// own, named after it).
pub fn seed_in(workspace: &str) -> DevSeedRequest {
    let agents = COLLEAGUES
        .iter()
        .map(|(email, name)| DevAgent {
            email: email.to_string(),
            name: name.to_string(),
            password: ADMIN_PASSWORD.into(),
        })
        .collect();
    let more_channels = vec![NewChannel {
        id: ChannelId::parse("sales").unwrap_or_else(|| unreachable!()),
        name: "Sales".into(),
    }];
    DevSeedRequest { agents, more_channels, ..seed_for(workspace, ADMIN_EMAIL, ADMIN_NAME) }
}

/// Another tenant, for tests that prove workspaces are apart.
pub fn seed_for(workspace: &str, email: &str, name: &str) -> DevSeedRequest {
    DevSeedRequest {
        workspace: WorkspaceId::parse(workspace).unwrap_or_else(|| panic!("bad id {workspace}")),
        admin_email: email.into(),
        admin_password: ADMIN_PASSWORD.into(),
        admin_name: name.into(),
        channel: ChannelId::parse("web").unwrap_or_else(|| unreachable!()),
        channel_name: "Website".into(),
        greeting: "Hi! Ask us anything, we usually answer in a few minutes.".into(),
        agents: Vec::new(),
        more_channels: Vec::new(),
    }
}
