//! What the widget sends and reads to open a chat: the visitor's session on a channel, the
//! host site's signed identity (W6), and what a customer may know about the channel.

use crate::contact::{FormField, RatingScale};
use crate::ids::{ChannelId, DialogId, VisitorId};
use serde::{Deserialize, Serialize};

/// The widget opens (or resumes) its visitor session on a channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WidgetSessionRequest {
    /// The channel's public key from the embed snippet.
    pub channel: String,
    /// The token kept from an earlier visit, if any (W3).
    #[serde(default)]
    pub visitor_token: Option<String>,
    /// The origin of the page the widget is embedded in, as the loader saw it; checked
    /// against the channel's allowed origins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The host site's signed identity for a logged-in user (W6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<VisitorIdentity>,
}

/// `hash` = hex(HMAC-SHA256(key = the channel's identity secret, message = `user_id`)),
/// computed by the host site's server. A verified user is the same visitor on every device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitorIdentity {
    pub user_id: String,
    pub hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetSession {
    pub visitor_token: String,
    pub visitor_id: VisitorId,
    pub dialog_id: DialogId,
    pub channel: ChannelInfo,
}

/// What a customer may know about a channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelInfo {
    pub id: ChannelId,
    pub name: String,
    pub greeting: String,
    /// The pre-chat form's fields (W4); empty: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prechat: Vec<FormField>,
    /// Someone can answer now; when not, and `offline_form`, the widget offers the offline form.
    #[serde(default = "yes")]
    pub available: bool,
    #[serde(default)]
    pub offline_form: bool,
    /// How to ask for a rating when a conversation ends (W4).
    #[serde(default)]
    pub rating: RatingScale,
    /// The channel's colour (W5).
    #[serde(default)]
    pub look: crate::look::Look,
}

impl ChannelInfo {
    /// The form the customer fills before writing now (W4).
    pub fn intake(&self) -> crate::contact::Intake<'_> {
        crate::contact::intake(&self.prechat, self.offline_form, self.available)
    }
}

fn yes() -> bool {
    true
}
