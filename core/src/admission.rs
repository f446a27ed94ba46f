//! Who may open a chat on a channel (issue 4, W6, Q6): the page's site must be one the channel
//! allows, neither the visitor nor their network may be blocked, and a signed identity must
//! verify, or be there when the channel requires one. The Workspace object looks up the
//! blocks and checks the signature (`auth::identity_verifies`); the rule is here.

use crate::channel::ChannelSettings;
use crate::error_code::ErrorCode;

/// What is known of a visitor who asks to open a chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit<'a> {
    /// The origin of the page that embeds the chat, when the browser said it.
    pub site: Option<&'a str>,
    /// The visitor or the network they write from is blocked (Q6).
    pub blocked: bool,
    /// The host site's signature of who the visitor is (W6).
    pub identity: Identity,
}

/// The host site's word on who the visitor is (W6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Identity {
    /// None given: an anonymous visitor.
    Anonymous,
    /// Given, and the signature verifies with the channel's secret.
    Verified,
    /// Given, and the signature does not verify.
    Forged,
}

/// Why a visitor may not open a chat; `code()` is stable for clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    SiteNotAllowed,
    Blocked,
    IdentityInvalid,
    IdentityRequired,
}

impl Refusal {
    pub fn code(self) -> ErrorCode {
        match self {
            Refusal::SiteNotAllowed => ErrorCode::OriginNotAllowed,
            Refusal::Blocked => ErrorCode::Blocked,
            Refusal::IdentityInvalid => ErrorCode::IdentityInvalid,
            Refusal::IdentityRequired => ErrorCode::IdentityRequired,
        }
    }

    /// What the customer may read; a blocked one learns nothing of why.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::SiteNotAllowed => "This site may not embed this chat.",
            Refusal::Blocked => "This chat is not available.",
            Refusal::IdentityInvalid => "The visitor's identity signature does not verify.",
            Refusal::IdentityRequired => "Sign in on the site to chat with us.",
        }
    }
}

/// May this visit open a chat on the channel, as its settings are now?
pub fn admit(channel: &ChannelSettings, visit: &Visit<'_>) -> Result<(), Refusal> {
    let site_ok = match visit.site {
        Some(site) => channel.origin_allowed(site),
        None => channel.allowed_origins.is_empty(),
    };
    if !site_ok {
        return Err(Refusal::SiteNotAllowed);
    }
    if visit.blocked {
        return Err(Refusal::Blocked);
    }
    match (visit.identity, channel.require_identity) {
        (Identity::Forged, _) => Err(Refusal::IdentityInvalid),
        (Identity::Anonymous, true) => Err(Refusal::IdentityRequired),
        (Identity::Verified, _) | (Identity::Anonymous, false) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ChannelId;

    fn channel(sites: &[&str], require_identity: bool) -> ChannelSettings {
        let id = ChannelId::parse("web").unwrap();
        let mut settings = ChannelSettings::new(id, "Web".into(), "Hi".into());
        settings.allowed_origins = sites.iter().map(|s| s.to_string()).collect();
        settings.require_identity = require_identity;
        settings
    }

    #[test]
    fn w6_q6_a_visit_is_admitted_by_site_block_and_identity_in_that_order() {
        use Identity::*;
        let shop = "https://shop.example";
        // (allowed sites, identity required, page's site, blocked, identity) → outcome
        type Case<'a> = (&'a [&'a str], bool, Option<&'a str>, bool, Identity, Result<(), Refusal>);
        let cases: [Case; 9] = [
            (&[], false, None, false, Anonymous, Ok(())),
            (&[], false, Some("https://any.example"), false, Anonymous, Ok(())),
            (&[shop], false, Some(shop), false, Anonymous, Ok(())),
            (
                &[shop],
                false,
                Some("https://evil.example"),
                false,
                Verified,
                Err(Refusal::SiteNotAllowed),
            ),
            (&[shop], false, None, false, Anonymous, Err(Refusal::SiteNotAllowed)),
            (&[], false, None, true, Verified, Err(Refusal::Blocked)),
            (&[], false, None, false, Forged, Err(Refusal::IdentityInvalid)),
            (&[], true, None, false, Anonymous, Err(Refusal::IdentityRequired)),
            (&[], true, None, false, Verified, Ok(())),
        ];
        for (sites, required, site, blocked, identity, expected) in cases {
            let visit = Visit { site, blocked, identity };
            assert_eq!(
                admit(&channel(sites, required), &visit),
                expected,
                "{visit:?} on {sites:?}"
            );
        }
    }
}
