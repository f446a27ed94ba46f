//! How a channel's widget looks and reads (W5): its colour, the side of the page its launcher
//! sits on, the launcher's drawing and the window's own texts (a line under the title, the
//! message box's hint). The colour carries white text and icons, so it must keep WCAG AA
//! contrast with white. Empty texts mean the widget's own words, in the customer's language.

use serde::{Deserialize, Serialize};

/// A wire and disk type inside `ChannelSettings` and `ChannelInfo`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Look {
    /// `#rrggbb`: the launcher, the chat's header, the customer's bubbles.
    pub color: String,
    pub position: Side,
    /// The launcher's drawing.
    #[serde(default)]
    pub icon: LauncherIcon,
    /// Under the window's title until someone answers ("We usually reply within minutes").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tagline: String,
    /// The message box's hint; empty: "Write a message…" in the customer's language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub placeholder: String,
}

/// Longest tagline or placeholder: one line of the window.
pub const MAX_LINE_CHARS: usize = 80;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LauncherIcon {
    /// A speech bubble.
    #[default]
    Chat,
    /// A question mark: help and support.
    Help,
    /// An envelope: contact us.
    Mail,
}

impl LauncherIcon {
    pub const ALL: [LauncherIcon; 3] = [LauncherIcon::Chat, LauncherIcon::Help, LauncherIcon::Mail];

    /// Its name in the embed snippet's `data-icon` (the loader draws it).
    pub fn as_str(self) -> &'static str {
        match self {
            LauncherIcon::Chat => "chat",
            LauncherIcon::Help => "help",
            LauncherIcon::Mail => "mail",
        }
    }

    /// The SVG path (24×24, filled) the loader and the editor's preview draw.
    pub fn path(self) -> &'static str {
        match self {
            LauncherIcon::Chat => "M5 3h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2h-9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z",
            LauncherIcon::Help => "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 16h-2v-2h2v2zm2.1-7.8-.9.9c-.7.7-1.2 1.3-1.2 2.9h-2v-.5c0-1.1.4-2.1 1.2-2.8l1.2-1.3A2 2 0 1 0 10 8H8a4 4 0 1 1 7.1 2.2z",
            LauncherIcon::Mail => "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.3-8-5.3zM5.2 7 12 11.5 18.8 7H5.2z",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    #[default]
    Right,
    Left,
}

/// Openline's blue: white on it is 5.1:1.
pub const DEFAULT_COLOR: &str = "#1f5eff";
/// WCAG 2.2 AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

impl Default for Look {
    fn default() -> Self {
        Look {
            color: DEFAULT_COLOR.into(),
            position: Side::Right,
            icon: LauncherIcon::Chat,
            tagline: String::new(),
            placeholder: String::new(),
        }
    }
}

impl Look {
    /// Why this look cannot be saved, as a sentence for the admin.
    pub fn validate(&self) -> Result<(), String> {
        let Some(rgb) = parse_hex(&self.color) else {
            return Err("Write the colour as #rrggbb, such as #1f5eff.".into());
        };
        let ratio = contrast_with_white(rgb);
        if ratio < MIN_CONTRAST {
            return Err(format!(
                "White text on {} is {ratio:.1}:1; it needs at least 4.5:1. Choose a darker colour.",
                self.color
            ));
        }
        for (what, text) in [("tagline", &self.tagline), ("message box hint", &self.placeholder)] {
            if text.chars().count() > MAX_LINE_CHARS || text.contains(['\n', '\r']) {
                return Err(format!(
                    "The {what} must be one line of at most {MAX_LINE_CHARS} characters."
                ));
            }
        }
        Ok(())
    }

    /// The colour a bit darker, for hover: `#rrggbb`.
    pub fn hover_color(&self) -> String {
        let [r, g, b] = parse_hex(&self.color).unwrap_or([31, 94, 255]);
        let darker = |c: u8| (u16::from(c) * 80 / 100) as u8;
        format!("#{:02x}{:02x}{:02x}", darker(r), darker(g), darker(b))
    }
}

/// `#rrggbb` (any case) as its three channels.
pub fn parse_hex(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#').filter(|h| h.len() == 6)?;
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The WCAG contrast ratio of white on this colour.
pub fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w5_a_colour_must_carry_white_text() {
        assert!(Look::default().validate().is_ok());
        let look = |color: &str| Look {
            color: color.into(),
            position: Side::Left,
            icon: LauncherIcon::Help,
            ..Look::default()
        };
        assert!(look("#0B6E4F").validate().is_ok(), "a dark green");
        let yellow = look("#ffd400").validate().unwrap_err();
        assert!(yellow.contains("needs at least 4.5:1"), "{yellow}");
        assert!(look("blue").validate().is_err());
        assert!(look("#12345").validate().is_err());
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 0.01);
        assert!((contrast_with_white([255, 255, 255]) - 1.0).abs() < 0.01);
    }

    #[test]
    fn w5_the_loader_draws_the_same_launcher_icons() {
        let loader = include_str!("../../widget/static/loader.js");
        for icon in LauncherIcon::ALL {
            assert!(loader.contains(icon.path()), "{icon:?} differs in loader.js");
        }
    }

    #[test]
    fn w5_hover_is_a_darker_shade() {
        assert_eq!(Look::default().hover_color(), "#184bcc");
        let json = serde_json::to_string(&Look::default()).unwrap();
        assert_eq!(json, r##"{"color":"#1f5eff","position":"right","icon":"chat"}"##);
        let old: Look = serde_json::from_str(r##"{"color":"#000000","position":"left"}"##).unwrap();
        assert_eq!(old.icon, LauncherIcon::Chat);
        assert_eq!(old.tagline, "");
    }

    #[test]
    fn w5_the_windows_texts_are_one_short_line() {
        let texts = |tagline: &str, placeholder: &str| Look {
            tagline: tagline.into(),
            placeholder: placeholder.into(),
            ..Look::default()
        };
        assert!(texts("We usually reply within minutes", "Ask us anything").validate().is_ok());
        let long = texts(&"a".repeat(MAX_LINE_CHARS + 1), "").validate().unwrap_err();
        assert!(long.contains("tagline"), "{long}");
        let two_lines = texts("", "Hello\nthere").validate().unwrap_err();
        assert!(two_lines.contains("message box hint"), "{two_lines}");
        let json = serde_json::to_string(&texts("Hi", "")).unwrap();
        assert!(json.ends_with(r#""tagline":"Hi"}"#), "{json}");
    }
}
