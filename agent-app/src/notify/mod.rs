//! Notifications (Q1, C2): what is new for the signed-in agent between two inbox states
//! (`news`, plain functions tested natively), wired to the inbox (`watch`) and told as toasts
//! (`toasts`, drawn with the permission banner by `view`), a beep, desktop notifications and
//! the page title's count (`browser`).

mod browser;
mod news;
mod toasts;
mod view;
mod watch;

pub use view::{NotifyBanner, ToastRegion};
pub use watch::use_notifications;
