//! The signed-in agent: the `LoginReply` (token, workspace, profile) kept in localStorage under
//! `openline.agent`, so a reload stays signed in until the token expires (the server then says
//! 401 and the app comes back here through `clear`).

use openline_core::protocol::LoginReply;

const KEY: &str = "openline.agent";

/// The stored session, if there is a readable one.
pub fn load() -> Option<LoginReply> {
    let raw = storage()?.get_item(KEY).ok()??;
    serde_json::from_str(&raw).ok()
}

pub fn save(reply: &LoginReply) {
    let (Some(storage), Ok(raw)) = (storage(), serde_json::to_string(reply)) else {
        return;
    };
    // A full or disabled storage only costs the agent a sign-in after reload.
    let _ = storage.set_item(KEY, &raw);
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
