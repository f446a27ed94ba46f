//! The hash route: `#/dialog/<id>` names the open dialog, so a reload or a shared link keeps it;
//! `#/channels` (and `#/channels/<id>`) is the admins' channels screen.
//!
//! The hash is the only place the selection lives: rows are plain links that change it, and
//! `use_selected_dialog` turns `hashchange` into a signal.

use leptos::prelude::*;
use openline_core::ids::{ChannelId, DialogId};

const PREFIX: &str = "#/dialog/";
const CHANNELS: &str = "#/channels";

/// The channels screen as the address names it (A1).
#[derive(Clone, Copy)]
pub struct ChannelsRoute {
    /// The address is `#/channels` or `#/channels/<id>`.
    pub open: Memo<bool>,
    /// The channel named after `#/channels/`, if any.
    pub channel: Memo<Option<ChannelId>>,
}

/// The link to the channels screen, or to one channel on it.
pub fn channels_href(channel: Option<&ChannelId>) -> String {
    match channel {
        Some(id) => format!("{CHANNELS}/{id}"),
        None => CHANNELS.to_owned(),
    }
}

/// Follows the address for the channels screen until the caller's owner is cleaned up.
pub fn use_channels_route() -> ChannelsRoute {
    let hash = use_hash();
    ChannelsRoute {
        open: Memo::new(move |_| hash.with(|h| parse_channels(h).is_some())),
        channel: Memo::new(move |_| hash.with(|h| parse_channels(h).flatten())),
    }
}

/// The link that opens `dialog`.
pub fn href(dialog: &DialogId) -> String {
    format!("{PREFIX}{dialog}")
}

/// The dialog the address names, following `hashchange` until the caller's owner is cleaned up.
pub fn use_selected_dialog() -> Memo<Option<DialogId>> {
    let hash = use_hash();
    Memo::new(move |_| hash.with(|h| parse(h)))
}

fn use_hash() -> ReadSignal<String> {
    let (hash, set_hash) = signal(location_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(location_hash());
    });
    on_cleanup(move || listener.remove());
    hash
}

/// Forgets the open dialog without adding a history entry (used on logout).
pub fn clear() {
    let window = window();
    let Ok(path) = window.location().pathname() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn parse(hash: &str) -> Option<DialogId> {
    DialogId::parse(hash.strip_prefix(PREFIX)?)
}

/// `None`: not the channels screen; `Some(None)`: the screen with no channel named.
fn parse_channels(hash: &str) -> Option<Option<ChannelId>> {
    let rest = hash.strip_prefix(CHANNELS)?;
    if rest.is_empty() || rest == "/" {
        return Some(None);
    }
    Some(ChannelId::parse(rest.strip_prefix('/')?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_the_channels_screen_has_its_own_address() {
        let sales = ChannelId::parse("sales").unwrap();
        assert_eq!(parse_channels("#/channels"), Some(None));
        assert_eq!(parse_channels("#/channels/"), Some(None));
        assert_eq!(parse_channels(&channels_href(Some(&sales))), Some(Some(sales)));
        assert_eq!(parse_channels("#/channels/no%20such"), Some(None));
        assert_eq!(parse_channels("#/channelsx"), None);
        assert_eq!(parse_channels("#/dialog/web-v1"), None);
        assert_eq!(parse("#/channels"), None, "no dialog is open there");
    }
}
