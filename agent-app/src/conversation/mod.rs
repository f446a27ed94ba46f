//! The open conversation's data, below every part that draws it: its events as the agent sees
//! them (`log`, folded into state with core's `apply`), the commands sent to it (`commands`),
//! and the agent's own names for chats (`names`, C3), shared with the inbox rows.

mod commands;
mod log;
mod names;

pub use commands::{Commands, Then};
pub use log::DialogLog;
pub use names::{provide_chat_names, use_chat_names, ChatNames};
