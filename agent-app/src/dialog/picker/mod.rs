//! The modal picker of the dialog header's Transfer and Invite (`modal`): the workspace's
//! agents (`agents`) and, for a transfer, a second tab with the open channels (`channels`, Q4).

mod agents;
mod channels;
mod modal;

pub use modal::{AgentPicker, PickerMode};
