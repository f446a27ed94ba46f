//! The app's frame: the root (`root`: signed out or in), the signed-in shell (`shell`) and its
//! top bar (`top_bar`). The only folder that knows every screen.

mod root;
mod shell;
mod top_bar;

pub use root::App;
