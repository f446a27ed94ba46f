//! End-to-end tests: the real Worker on workerd (a fresh `wrangler dev` per test, each with its
//! own port and state), real WebSockets and SQLite, and the real pages in headless Chromium.
//! One binary, one module per area. Names carry the FEATURES.md id and what is proven.

mod api;
mod browser;
mod channels;
mod composer;
mod contact_center;
mod errors;
mod feedback;
mod files;
mod identity;
mod identity_browser;
mod messages;
mod routing;
mod security;
mod security_browser;
mod typing;
mod widget_hosts;
mod widget_offline;
