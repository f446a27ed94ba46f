//! Notifications (Q1, C2): what is new for the signed-in agent between two inbox states
//! (`rules`, plain functions tested natively), told as toasts and a permission banner
//! (`view`), a beep, desktop notifications and the page title's count (`browser`).

mod browser;
mod rules;
mod view;

pub use rules::use_notifications;
pub use view::{NotifyBanner, ToastRegion};
