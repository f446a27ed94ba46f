//! The team screen's "API tokens" tab (`panel`): what a token is for and the form to make one
//! (`form`), and the workspace's tokens with Revoke (`list`).

mod form;
mod list;
mod panel;

pub use panel::ApiTokensPanel;
