//! The hash route: `#/dialog/<id>` names the open dialog, so a reload or a shared link keeps it;
//! `#/channels` (and `#/channels/<id>`) is the admins' channels screen; `#/canned` (and
//! `#/canned/new`, `#/canned/<id>`) the canned responses library (C7); `#/team` and
//! `#/team/api-tokens` the admins' team screen; `#/contacts` (and `#/contacts/<id>`) the CRM's
//! contacts (issue 16).
//!
//! The hash is the only place the selection lives: rows are plain links that change it, and
//! `use_selected_dialog` turns `hashchange` into a signal.

use leptos::prelude::*;
use openline_core::ids::{ChannelId, DialogId};

const PREFIX: &str = "#/dialog/";
const CHANNELS: &str = "#/channels";
const CANNED: &str = "#/canned";
const TEAM: &str = "#/team";
const CONTACTS: &str = "#/contacts";
const API_TOKENS: &str = "#/team/api-tokens";

/// The contacts screen as the address names it (issue 16): the list, or one contact beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactsRoute {
    List,
    One(String),
}

/// The contacts screen's page; `None` when it is not open.
pub fn use_contacts_route() -> Memo<Option<ContactsRoute>> {
    let hash = use_hash();
    Memo::new(move |_| hash.with(|h| parse_contacts(h)))
}

/// The link to the list (`None`) or to one contact.
pub fn contacts_href(contact: Option<&str>) -> String {
    match contact {
        None => CONTACTS.to_owned(),
        Some(id) => format!("{CONTACTS}/{}", crate::api::encode(id)),
    }
}

fn parse_contacts(hash: &str) -> Option<ContactsRoute> {
    let rest = hash.strip_prefix(CONTACTS)?;
    match rest.strip_prefix('/') {
        None if rest.is_empty() => Some(ContactsRoute::List),
        Some("") => Some(ContactsRoute::List),
        Some(id) => Some(ContactsRoute::One(decode(id))),
        None => None,
    }
}

/// The team screen's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamTab {
    /// Colleagues, their roles, invitations.
    Members,
    ApiTokens,
}

impl TeamTab {
    pub fn href(self) -> &'static str {
        match self {
            TeamTab::Members => TEAM,
            TeamTab::ApiTokens => API_TOKENS,
        }
    }
}

/// The team screen's tab as the address names it; `None` when it is not open.
pub fn use_team_route() -> Memo<Option<TeamTab>> {
    let hash = use_hash();
    Memo::new(move |_| hash.with(|h| parse_team(h)))
}

fn parse_team(hash: &str) -> Option<TeamTab> {
    match hash.trim_end_matches('/') {
        TEAM => Some(TeamTab::Members),
        API_TOKENS => Some(TeamTab::ApiTokens),
        _ => None,
    }
}

/// What the canned responses screen shows next to the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CannedPage {
    /// Nothing chosen yet.
    Library,
    /// The editor for a new response.
    New,
    /// The editor for the response with this id.
    Edit(String),
}

/// The canned responses screen as the address names it; `None` when it is not open.
pub fn use_canned_route() -> Memo<Option<CannedPage>> {
    let hash = use_hash();
    Memo::new(move |_| hash.with(|h| parse_canned(h)))
}

/// The link to the library, to a new response or to one response.
pub fn canned_href(page: &CannedPage) -> String {
    match page {
        CannedPage::Library => CANNED.to_owned(),
        CannedPage::New => format!("{CANNED}/new"),
        CannedPage::Edit(id) => format!("{CANNED}/{}", crate::api::encode(id)),
    }
}

fn parse_canned(hash: &str) -> Option<CannedPage> {
    let rest = hash.strip_prefix(CANNED)?;
    Some(match rest.strip_prefix('/') {
        None if rest.is_empty() => CannedPage::Library,
        None => return None,
        Some("") => CannedPage::Library,
        Some("new") => CannedPage::New,
        Some(id) => CannedPage::Edit(decode(id)),
    })
}

fn decode(part: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::decode_uri_component(part).map(String::from).unwrap_or_else(|_| part.to_owned())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        part.to_owned()
    }
}

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

/// Empties the fragment without adding a history entry: on logout (the open dialog is the
/// last agent's) and once an invitation link was used.
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

    #[test]
    fn the_team_screen_and_its_tabs_have_their_own_addresses() {
        for tab in [TeamTab::Members, TeamTab::ApiTokens] {
            assert_eq!(parse_team(tab.href()), Some(tab));
        }
        assert_eq!(parse_team("#/team/"), Some(TeamTab::Members));
        assert_eq!(parse_team("#/teams"), None);
        assert_eq!(parse_team("#/team/other"), None);
        assert_eq!(parse_canned("#/team"), None);
    }

    #[test]
    fn c7_the_canned_library_has_its_own_address() {
        assert_eq!(parse_canned("#/canned"), Some(CannedPage::Library));
        assert_eq!(parse_canned("#/canned/"), Some(CannedPage::Library));
        assert_eq!(parse_canned("#/canned/new"), Some(CannedPage::New));
        assert_eq!(parse_canned("#/canned/c_12"), Some(CannedPage::Edit("c_12".into())));
        assert_eq!(parse_canned("#/cannedx"), None);
        assert_eq!(parse_canned("#/channels"), None);
    }

    #[test]
    fn r1_the_contacts_screen_and_each_contact_have_their_own_address() {
        assert_eq!(parse_contacts("#/contacts"), Some(ContactsRoute::List));
        assert_eq!(parse_contacts("#/contacts/"), Some(ContactsRoute::List));
        assert_eq!(parse_contacts("#/contacts/ct_12"), Some(ContactsRoute::One("ct_12".into())));
        assert_eq!(parse_contacts("#/contactsx"), None);
        assert_eq!(parse_contacts("#/canned"), None);
        assert_eq!(parse("#/contacts"), None, "no dialog is open there");
    }
}
