//! End-to-end tests: the real Worker on workerd, real WebSockets and SQLite, and the real pages
//! in headless Chromium. One binary, one module per area. Names carry the FEATURES.md id and
//! what is proven.
//!
//! The scene (`openline_tests::scene`): one `wrangler dev` shared by the whole binary and a
//! fresh workspace per test on it (`Workspace::new`, or `Stage::new` with a chromedriver and
//! the workspace's demo shop). A few tests start an edge of their own with `Edge::start_fresh`,
//! each saying why: the runtime restarts or stops under them (`api::w3_history_survives_*`,
//! `widget_offline`, `chaos`), a Worker variable only they may have (`files::c1_an_upload_no_message_*`,
//! `outbox`),
//! or first-run setup, which needs an installation with no workspace (`identity::a_first_run_*`,
//! `identity_browser::a_first_run_*`).

mod access_ends;
mod access_ends_browser;
mod api;
mod browser;
mod channel_rules;
mod channels;
mod chaos;
mod composer;
mod console_browser;
mod contact_center;
mod contacts;
mod customer_view;
mod errors;
mod feedback;
mod files;
mod history;
mod identity;
mod identity_browser;
mod inbox_lists;
mod messages;
mod outbox;
mod routing;
mod security;
mod security_browser;
mod sign_in;
mod typing;
mod widget_hosts;
mod widget_offline;
