//! How a channel's widget looks (W5): its colour and the side of the page its launcher sits on.
//! The colour carries white text and icons, so it must keep WCAG AA contrast with white.

use serde::{Deserialize, Serialize};

/// A wire and disk type inside `ChannelSettings` and `ChannelInfo`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Look {
    /// `#rrggbb`: the launcher, the chat's header, the customer's bubbles.
    pub color: String,
    pub position: Side,
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
        Look { color: DEFAULT_COLOR.into(), position: Side::Right }
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
        let look = |color: &str| Look { color: color.into(), position: Side::Left };
        assert!(look("#0B6E4F").validate().is_ok(), "a dark green");
        let yellow = look("#ffd400").validate().unwrap_err();
        assert!(yellow.contains("needs at least 4.5:1"), "{yellow}");
        assert!(look("blue").validate().is_err());
        assert!(look("#12345").validate().is_err());
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 0.01);
        assert!((contrast_with_white([255, 255, 255]) - 1.0).abs() < 0.01);
    }

    #[test]
    fn w5_hover_is_a_darker_shade() {
        assert_eq!(Look::default().hover_color(), "#184bcc");
        let json = serde_json::to_string(&Look::default()).unwrap();
        assert_eq!(json, r##"{"color":"#1f5eff","position":"right"}"##);
    }
}
