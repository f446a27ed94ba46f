//! The team screen's "API tokens" tab (`panel`).

mod panel;

pub use panel::ApiTokensPanel;
