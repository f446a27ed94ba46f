//! `Country`: an ISO 3166-1 alpha-2 code, such as a channel's default country for the phone
//! numbers its customers type without a `+` (R1).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An assigned ISO 3166-1 alpha-2 code, in upper case (`ES`, `GB`, `US`). `UK` is not one: the
/// United Kingdom is `GB`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 2]);

impl Country {
    /// `" es "` → `ES`; `None` for anything but the two letters of an assigned code.
    pub fn parse(raw: &str) -> Option<Country> {
        let code = raw.trim().to_ascii_uppercase();
        let [a, b] = code.as_bytes() else { return None };
        let assigned = ASSIGNED.split(' ').any(|c| c == code);
        assigned.then_some(Country([*a, *b]))
    }

    /// The code, in upper case.
    pub fn as_str(&self) -> &str {
        // Built only from ASCII letters by `parse`.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Every assigned alpha-2 code (Debian's `iso-codes` 4.15, 249 of them), sorted. 500 bytes: the
/// widget could afford it, and a typo in a setting is refused rather than stored.
const ASSIGNED: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH \
    BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX \
    CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM \
    GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG \
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN \
    MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK \
    PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST \
    SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI \
    VN VU WF WS YE YT ZA ZM ZW";

impl TryFrom<String> for Country {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, String> {
        Country::parse(&raw).ok_or_else(|| format!("{raw:?} is not an ISO 3166-1 alpha-2 code"))
    }
}

impl From<Country> for String {
    fn from(country: Country) -> String {
        country.as_str().to_owned()
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r1_a_country_is_an_assigned_alpha_2_code_in_upper_case() {
        for (raw, code) in [("es", "ES"), (" gb ", "GB"), ("Us", "US"), ("br", "BR"), ("ZW", "ZW")]
        {
            assert_eq!(Country::parse(raw).map(|c| c.to_string()), Some(code.to_owned()));
        }
        for bad in ["", "E", "ESP", "uk", "XX", "1A", "é", "E S"] {
            assert_eq!(Country::parse(bad), None, "{bad:?} accepted");
        }
        assert_eq!(ASSIGNED.split(' ').count(), 249);
        let codes: Vec<&str> = ASSIGNED.split(' ').collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "the list is sorted, without repeats");
    }

    #[test]
    fn snapshot_country() {
        let es = Country::parse("es").unwrap();
        assert_eq!(serde_json::to_string(&es).unwrap(), r#""ES""#);
        assert_eq!(serde_json::from_str::<Country>(r#""ES""#).unwrap(), es);
        assert!(serde_json::from_str::<Country>(r#""XX""#).is_err());
    }
}
