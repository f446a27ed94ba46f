//! How `Phone::parse` reads a number as a person types it (R1), with the `phone` feature.
//!
//! Each country's formats, trunk prefixes and lengths come from libphonenumber's tables, through
//! the `phonenumber` crate: they change every few weeks somewhere in the world, and keeping our
//! own copy right is a job of its own. What is ours is the policy around them:
//!
//! - Letters are refused, not dropped: they mean an extension (`ext. 12`) or a vanity number, and
//!   an extension dropped would put everyone behind one switchboard on one contact.
//! - `00` stands for `+` when the default country does not read it (none given, or one whose
//!   international prefix is another, such as the US's `011`).
//! - A number the tables call invalid is rewritten from the legacy forms people still type
//!   (below), and kept if the tables take the rewrite.
//! - Otherwise a number of its country's shape is kept even if its range is not (yet) in the
//!   tables (the UK's `07700 900xxx`, kept for drama, is such a range): a key we can match on is
//!   worth more than a check we cannot keep current.
//!
//! The traps, each in the tests below:
//! - Brazil's mobile ninth digit: every mobile number became `9` + its 8 digits by 2016, so the
//!   old form (8 digits, `6`–`9` first) gets its `9`: `(11) 8123-4567` is `+5511981234567`.
//! - Mexico's `+52 1` (and the national `044`, `045`, `01`), gone since 2019: `+521 55 1234 5678`
//!   is `+525512345678`.
//! - Argentina: a mobile is `+54 9 <area> <number>` internationally and `0 <area> 15 <number>`
//!   at home; the tables turn the national `15` into the `9`, so both give the same key. A
//!   mobile written internationally without its `9` reads as a landline (`+54 11 …`), which it
//!   may be: it stays as written, a second key for the same person until a merge joins them. A
//!   `15` number without its area code cannot be placed and is refused.
//! - The trunk `0` (the UK, Germany, France, India, Brazil's carrier codes) is dropped; Italy's
//!   leading `0` belongs to the number and stays (`06 1234 5678` is `+390612345678`).
//!
//! Cost: the first number parsed in a process loads the tables, once: about 0.1 s natively and
//! 0.15 s in wasm (V8), then some 0.05 ms a number. The `phone` feature in `core/Cargo.toml`
//! says what it adds to a wasm build.

use super::Country;
use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, PhoneNumber};

/// The number `raw` names in E.164, read in `default_country` when it has no country code.
pub(super) fn to_e164(raw: &str, default_country: Option<Country>) -> Option<String> {
    let typed = cleaned(raw)?;
    let region = default_country.and_then(|c| c.as_str().parse::<Id>().ok());
    read(&typed, region).or_else(|| read(&with_00_as_plus(&typed)?, None))
}

/// Longest input looked at: a number with all its spaces and brackets is well under it.
const MAX_RAW_CHARS: usize = 40;

/// `raw` with every kind of space as `' '`; `None` if anything but digits, spaces, `+-()./`.
fn cleaned(raw: &str) -> Option<String> {
    if raw.chars().count() > MAX_RAW_CHARS {
        return None;
    }
    let keep = |c: char| match c {
        '0'..='9' | '+' | '-' | '(' | ')' | '.' | '/' => Some(c),
        c if c.is_whitespace() => Some(' '),
        _ => None,
    };
    raw.trim().chars().map(keep).collect()
}

/// `0034 612…` as `+34612…`: what a `00` means in most of the world.
fn with_00_as_plus(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let rest = digits.strip_prefix("00").filter(|_| typed.starts_with("00"))?;
    Some(format!("+{rest}"))
}

/// The number as the tables read it: valid, or valid once rewritten from a legacy form, or at
/// least of its country's shape.
fn read(typed: &str, region: Option<Id>) -> Option<String> {
    let number = phonenumber::parse(region, typed).ok()?;
    if number.extension().is_some() {
        return None;
    }
    let e164 = number.format().mode(Mode::E164).to_string();
    if number.is_valid() {
        return Some(e164);
    }
    let rewritten = LEGACY_FORMS.iter().filter_map(|rewrite| rewrite(&e164)).find(|r| is_valid(r));
    rewritten.or_else(|| has_country_shape(&number).then_some(e164))
}

/// Rewrites of forms the tables call invalid but people still type, each from the E.164 the
/// tables gave to the number it is now.
const LEGACY_FORMS: [fn(&str) -> Option<String>; 2] = [mexico_without_old_prefix, brazil_ninth];

/// Mexico's mobile `1` after `+52`, and its old national prefixes `044`, `045` and `01`.
fn mexico_without_old_prefix(e164: &str) -> Option<String> {
    let national = e164.strip_prefix("+52")?;
    let rest = ["1", "044", "045", "01"].iter().find_map(|p| national.strip_prefix(p))?;
    (rest.len() == 10).then(|| format!("+52{rest}"))
}

/// A Brazilian mobile number from before the ninth digit: two of area, eight from `6`–`9`.
fn brazil_ninth(e164: &str) -> Option<String> {
    let (area, number) = e164.strip_prefix("+55")?.split_at_checked(2)?;
    let old_mobile = number.len() == 8 && number.starts_with(['6', '7', '8', '9']);
    old_mobile.then(|| format!("+55{area}9{number}"))
}

fn is_valid(e164: &str) -> bool {
    phonenumber::parse(None, e164).is_ok_and(|n| n.is_valid())
}

/// Whether the national number has the lengths and leading digits of its country code's
/// numbers (any of its regions': `+44` is also Jersey's), whatever its range.
fn has_country_shape(number: &PhoneNumber) -> bool {
    let national = number.national().to_string();
    let regions = DATABASE.by_code(&number.code().value()).unwrap_or_default();
    regions.iter().any(|meta| meta.descriptors().general().is_match(&national))
}

#[cfg(test)]
mod tests {
    use super::super::{Country, Phone};
    use proptest::prelude::*;

    /// Each row: the default country (`""` for none), what was typed, the E.164 (`""` refused).
    fn check(rows: &[(&str, &str, &str)]) {
        for (country, raw, expected) in rows {
            let country = Country::parse(country);
            let got = Phone::parse(raw, country);
            let got = got.as_ref().map_or("", Phone::as_str);
            assert_eq!(got, *expected, "{raw:?} in {country:?}");
        }
    }

    #[test]
    fn r1_phone_international_forms() {
        check(&[
            ("", "+34 612 34 56 78", "+34612345678"),
            ("", "0034 612 34 56 78", "+34612345678"),
            ("", "00 34 612 34 56 78", "+34612345678"),
            ("ES", "0034 612 34 56 78", "+34612345678"),
            ("US", "0034 612 34 56 78", "+34612345678"),
            ("US", "011 34 612 34 56 78", "+34612345678"),
            ("ES", "+1 (415) 555-2671", "+14155552671"),
            ("", "+34\u{a0}612\u{a0}34\u{a0}56\u{a0}78", "+34612345678"),
            ("", "+34-612-345-678", "+34612345678"),
            ("", "+34612345678", "+34612345678"),
            // The country code without its `+`, in its own country.
            ("ES", "34 612 34 56 78", "+34612345678"),
            ("US", "14155552671", "+14155552671"),
        ]);
    }

    #[test]
    fn r1_phone_national_forms_in_the_channels_country() {
        check(&[
            ("ES", "612 345 678", "+34612345678"),
            ("ES", "91 123 45 67", "+34911234567"),
            ("US", "(415) 555-2671", "+14155552671"),
            ("US", "1 415 555 2671", "+14155552671"),
            ("US", "415.555.2671", "+14155552671"),
            ("CA", "(416) 555-0123", "+14165550123"),
            ("US", "(416) 555-0123", "+14165550123"),
            ("DE", "030 123456", "+4930123456"),
            ("DE", "0151 23456789", "+4915123456789"),
            ("DE", "+49 (0)30 123456", "+4930123456"),
            ("FR", "06 12 34 56 78", "+33612345678"),
            ("FR", "01 23 45 67 89", "+33123456789"),
            ("IN", "098765 43210", "+919876543210"),
            ("IN", "98765-43210", "+919876543210"),
            ("", "+91 98765 43210", "+919876543210"),
        ]);
    }

    #[test]
    fn r1_phone_uk_trunk_zero_is_dropped() {
        check(&[
            ("GB", "07700 900123", "+447700900123"),
            ("GB", "07911 123456", "+447911123456"),
            ("", "+44 (0)7911 123456", "+447911123456"),
            ("GB", "020 7946 0958", "+442079460958"),
        ]);
    }

    #[test]
    fn r1_phone_italy_keeps_its_leading_zero() {
        check(&[
            ("IT", "06 1234 5678", "+390612345678"),
            ("", "+39 06 1234 5678", "+390612345678"),
            ("IT", "312 345 6789", "+393123456789"),
        ]);
    }

    #[test]
    fn r1_phone_brazil_mobiles_get_their_ninth_digit() {
        check(&[
            ("BR", "(11) 91234-5678", "+5511912345678"),
            ("BR", "011 91234-5678", "+5511912345678"),
            ("BR", "0 21 11 91234-5678", "+5511912345678"),
            ("BR", "(11) 8123-4567", "+5511981234567"),
            ("", "+55 11 8123 4567", "+5511981234567"),
            ("BR", "(11) 3123-4567", "+551131234567"),
        ]);
    }

    #[test]
    fn r1_phone_mexico_drops_the_old_mobile_prefixes() {
        check(&[
            ("", "+521 55 1234 5678", "+525512345678"),
            ("", "+52 1 55 1234 5678", "+525512345678"),
            ("", "+52 55 1234 5678", "+525512345678"),
            ("MX", "55 1234 5678", "+525512345678"),
            ("MX", "044 55 1234 5678", "+525512345678"),
            ("MX", "045 55 1234 5678", "+525512345678"),
            ("MX", "01 55 1234 5678", "+525512345678"),
        ]);
    }

    #[test]
    fn r1_phone_argentina_15_is_the_mobile_9() {
        check(&[
            ("AR", "011 15 2345-6789", "+5491123456789"),
            ("AR", "11 15 2345-6789", "+5491123456789"),
            ("AR", "0341 15 523-4567", "+5493415234567"),
            ("", "+54 9 11 2345 6789", "+5491123456789"),
            // The landline form: kept as written (the module doc says why).
            ("", "+54 11 2345 6789", "+541123456789"),
            // No area code: nowhere to place it.
            ("AR", "15 2345-6789", ""),
        ]);
    }

    #[test]
    fn r1_phone_refuses_what_is_not_a_number() {
        check(&[
            ("ES", "", ""),
            ("ES", "hello", ""),
            ("ES", "123", ""),
            ("US", "555-2671", ""),
            ("", "612 345 678", ""),
            ("ES", "+34 612 34 56 78 ext. 12", ""),
            ("US", "1-800-FLOWERS", ""),
            ("", "+999 123456", ""),
            ("", "+1 415 555 2671 1234567890", ""),
            ("ES", "tel:+34612345678", ""),
            ("ES", "٦١٢٣٤٥٦٧٨", ""),
            ("ES", &format!("{}612345678", " ".repeat(40)), ""),
        ]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn r1_phone_parse_never_panics_and_gives_e164(
            raw in "[0-9+()./ -]{0,24}",
            country in prop::sample::select(vec!["", "ES", "US", "BR", "MX", "AR", "GB", "IT"]),
        ) {
            if let Some(phone) = Phone::parse(&raw, Country::parse(country)) {
                prop_assert!(Phone::from_e164(phone.as_str()).is_some());
                // Normal forms are fixed points.
                prop_assert_eq!(Phone::parse(phone.as_str(), None), Some(phone));
            }
        }
    }
}
