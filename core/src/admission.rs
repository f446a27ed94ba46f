//! Who may open a chat on a channel, and who may go on using it (issue 4, issue 15, W6, Q6).
//!
//! One rule, asked on every customer path against the channel's settings as they are *now*:
//! opening a session, reading the dialog (history, socket) and writing to it (commands of
//! every kind, uploads). A token issued under yesterday's settings buys nothing today: once a
//! channel requires a signed identity, an anonymous visitor's token is refused everywhere. The
//! Workspace object only looks up the channel, the blocks and the signature
//! (`auth::identity_verifies`); the rule is here.

use crate::auth::IDENTIFIED_VISITOR_PREFIX;
use crate::channel::ChannelSettings;
use crate::error_code::ErrorCode;
use crate::ids::VisitorId;

/// What is known of a visitor who asks to do something on a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit<'a> {
    /// What they ask to do.
    pub step: Step<'a>,
    /// The visitor or the network they write from is blocked (Q6).
    pub blocked: bool,
    /// The host site's word on who the visitor is (W6).
    pub identity: Identity,
}

/// The customer paths, by what they do to the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    /// A new session, from a page of `site` (its origin, when the browser said it).
    Open { site: Option<&'a str> },
    /// Reading the dialog: its history, its socket.
    Read,
    /// Writing to it: messages, contact details, ratings, read marks, uploads.
    Write,
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

impl Identity {
    /// What a visitor token says of its holder: the edge signs a verified user's token only
    /// after their signature verified, and names them with `IDENTIFIED_VISITOR_PREFIX`.
    pub fn of_token(visitor: &VisitorId) -> Identity {
        if visitor.as_str().starts_with(IDENTIFIED_VISITOR_PREFIX) {
            Identity::Verified
        } else {
            Identity::Anonymous
        }
    }
}

/// Why a visitor may not go on; `code()` is stable for clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The channel does not exist (any more).
    NoChannel,
    SiteNotAllowed,
    Blocked,
    IdentityInvalid,
    IdentityRequired,
}

impl Refusal {
    pub fn code(self) -> ErrorCode {
        match self {
            Refusal::NoChannel => ErrorCode::NotFound,
            Refusal::SiteNotAllowed => ErrorCode::OriginNotAllowed,
            Refusal::Blocked => ErrorCode::Blocked,
            Refusal::IdentityInvalid => ErrorCode::IdentityInvalid,
            Refusal::IdentityRequired => ErrorCode::IdentityRequired,
        }
    }

    /// The HTTP status: a channel that is not there is 404, every other refusal 403.
    pub fn status(self) -> u16 {
        match self {
            Refusal::NoChannel => 404,
            _ => 403,
        }
    }

    /// What the customer may read; a blocked one learns nothing of why.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::NoChannel => "This chat is not available.",
            Refusal::SiteNotAllowed => "This site may not embed this chat.",
            Refusal::Blocked => "This chat is not available.",
            Refusal::IdentityInvalid => "The visitor's identity signature does not verify.",
            Refusal::IdentityRequired => "Sign in on the site to chat with us.",
        }
    }
}

/// May this visit go on, on the channel as its settings are now (`None`: it is gone)?
///
/// The site is checked when a session opens, the one time the page's origin is known (the
/// chat page's `frame-ancestors` keeps later calls on allowed sites). A block stops what the
/// customer does, opening and writing; reading what they already have stays, and tells them
/// nothing (Q6). The channel's existence and its identity rule hold on every path.
pub fn admit(channel: Option<&ChannelSettings>, visit: &Visit<'_>) -> Result<(), Refusal> {
    let channel = channel.ok_or(Refusal::NoChannel)?;
    if let Step::Open { site } = visit.step {
        let site_ok = match site {
            Some(site) => channel.origin_allowed(site),
            None => channel.allowed_origins.is_empty(),
        };
        if !site_ok {
            return Err(Refusal::SiteNotAllowed);
        }
    }
    if visit.blocked && visit.step != Step::Read {
        return Err(Refusal::Blocked);
    }
    match (visit.identity, channel.require_identity) {
        (Identity::Forged, _) => Err(Refusal::IdentityInvalid),
        (Identity::Anonymous, true) => Err(Refusal::IdentityRequired),
        (Identity::Verified, _) | (Identity::Anonymous, false) => Ok(()),
    }
}

/// Whether a change of the channel's settings takes away what `visitor`'s token could read:
/// their open socket must then close, since a socket only passed the gate when it opened.
pub fn loses_reading(
    before: &ChannelSettings,
    after: &ChannelSettings,
    visitor: &VisitorId,
) -> bool {
    let read = Visit { step: Step::Read, blocked: false, identity: Identity::of_token(visitor) };
    admit(Some(before), &read).is_ok() && admit(Some(after), &read).is_err()
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
            let visit = Visit { step: Step::Open { site }, blocked, identity };
            assert_eq!(
                admit(Some(&channel(sites, required)), &visit),
                expected,
                "{visit:?} on {sites:?}"
            );
        }
    }

    #[test]
    fn w6_q6_every_customer_path_obeys_the_channel_as_it_is_now() {
        use Identity::*;
        use Step::*;
        let open = Open { site: None };
        let shop = ["https://shop.example"];
        // (channel exists, identity required, allowed sites, step, blocked, identity) → outcome
        type Case<'a> = (bool, bool, &'a [&'a str], Step<'a>, bool, Identity, Result<(), Refusal>);
        let cases: [Case; 17] = [
            // A token issued before "require identity" was switched on buys nothing after it.
            (true, true, &[], open, false, Anonymous, Err(Refusal::IdentityRequired)),
            (true, true, &[], Read, false, Anonymous, Err(Refusal::IdentityRequired)),
            (true, true, &[], Write, false, Anonymous, Err(Refusal::IdentityRequired)),
            (true, true, &[], Read, false, Verified, Ok(())),
            (true, true, &[], Write, false, Verified, Ok(())),
            (true, false, &[], Read, false, Anonymous, Ok(())),
            (true, false, &[], Write, false, Anonymous, Ok(())),
            // A channel that has gone takes every path with it.
            (false, false, &[], open, false, Verified, Err(Refusal::NoChannel)),
            (false, false, &[], Read, false, Verified, Err(Refusal::NoChannel)),
            (false, false, &[], Write, false, Verified, Err(Refusal::NoChannel)),
            // A block stops what the customer does; what they have stays readable (Q6).
            (true, false, &[], open, true, Anonymous, Err(Refusal::Blocked)),
            (true, false, &[], Write, true, Verified, Err(Refusal::Blocked)),
            (true, false, &[], Read, true, Anonymous, Ok(())),
            (true, true, &[], Read, true, Anonymous, Err(Refusal::IdentityRequired)),
            // The page's site is known, and checked, only when a session opens.
            (true, false, &shop, open, false, Anonymous, Err(Refusal::SiteNotAllowed)),
            (true, false, &shop, Write, false, Anonymous, Ok(())),
            (true, false, &shop, Read, false, Anonymous, Ok(())),
        ];
        for (exists, required, sites, step, blocked, identity, expected) in cases {
            let settings = channel(sites, required);
            let visit = Visit { step, blocked, identity };
            let got = admit(exists.then_some(&settings), &visit);
            assert_eq!(got, expected, "{visit:?}, channel exists {exists}, required {required}");
        }
    }

    #[test]
    fn w6_a_token_says_verified_only_for_a_visitor_named_after_a_verified_user() {
        let web = ChannelId::parse("web").unwrap();
        let verified = crate::auth::identified_visitor(b"server secret", &web, "user-42");
        let cases = [
            (verified.as_str(), Identity::Verified),
            ("v_abc123", Identity::Anonymous),
            ("visitor-u_1", Identity::Anonymous),
        ];
        for (id, expected) in cases {
            let visitor = VisitorId::parse(id).unwrap();
            assert_eq!(Identity::of_token(&visitor), expected, "{id}");
        }
    }

    #[test]
    fn w6_switching_identity_on_takes_reading_from_anonymous_tokens_only() {
        let web = ChannelId::parse("web").unwrap();
        let verified = crate::auth::identified_visitor(b"server secret", &web, "user-42");
        let anonymous = VisitorId::parse("v_abc123").unwrap();
        let (open, closed) = (channel(&[], false), channel(&[], true));
        // (identity required before, after, visitor) → loses reading
        let cases = [
            (&open, &closed, &anonymous, true),
            (&open, &closed, &verified, false),
            (&closed, &closed, &anonymous, false),
            (&closed, &open, &anonymous, false),
            (&open, &open, &anonymous, false),
        ];
        for (before, after, visitor, expected) in cases {
            let (was, is) = (before.require_identity, after.require_identity);
            assert_eq!(loses_reading(before, after, visitor), expected, "{was} → {is}, {visitor}");
        }
    }

    #[test]
    fn w6_q6_refusals_carry_their_code_and_status() {
        let cases = [
            (Refusal::NoChannel, ErrorCode::NotFound, 404),
            (Refusal::SiteNotAllowed, ErrorCode::OriginNotAllowed, 403),
            (Refusal::Blocked, ErrorCode::Blocked, 403),
            (Refusal::IdentityInvalid, ErrorCode::IdentityInvalid, 403),
            (Refusal::IdentityRequired, ErrorCode::IdentityRequired, 403),
        ];
        for (refusal, code, status) in cases {
            assert_eq!((refusal.code(), refusal.status()), (code, status), "{refusal:?}");
        }
    }
}
