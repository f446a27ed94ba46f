//! Reading JSON in the widget: the browser parses it (`JSON.parse`, `Response.json()`), and
//! serde walks the JavaScript value into `core`'s protocol types.
//!
//! Why not serde_json here: its parser and its error messages (which print every unexpected
//! value with `Debug`, and with it a Unicode table) cost the widget most of 40 KB of wasm, and
//! the browser already has a parser. The widget never shows why a value did not fit, so the
//! error is just `Error`. Numbers are JavaScript numbers: exact up to 2^53, far beyond any `seq`
//! or time. Writing JSON stays with serde_json (`serde_json::to_string`), which is small.

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Object};

/// A parsed JavaScript value read as a `T`, if it has that shape.
#[inline]
pub fn read<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    T::deserialize(Value(value)).ok()
}

/// A value did not have the expected shape.
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unexpected JSON")
    }
}

impl std::error::Error for Error {}

// serde's default constructors would format the unexpected value: every one is overridden.
impl de::Error for Error {
    #[inline]
    fn custom<T: fmt::Display>(_: T) -> Error {
        Error
    }
    #[inline]
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Error {
        Error
    }
    #[inline]
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Error {
        Error
    }
    #[inline]
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Error {
        Error
    }
    #[inline]
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Error {
        Error
    }
    #[inline]
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Error {
        Error
    }
    #[inline]
    fn missing_field(_: &'static str) -> Error {
        Error
    }
    #[inline]
    fn duplicate_field(_: &'static str) -> Error {
        Error
    }
}

/// A JavaScript value as a serde `Deserializer`.
struct Value(JsValue);

impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.0;
        if let Some(text) = value.as_string() {
            return visitor.visit_string(text);
        }
        if let Some(number) = value.as_f64() {
            return visit_number(number, visitor);
        }
        if let Some(flag) = value.as_bool() {
            return visitor.visit_bool(flag);
        }
        if value.is_null() {
            return visitor.visit_unit();
        }
        if Array::is_array(&value) {
            return visitor.visit_seq(Items { items: value.unchecked_into(), next: 0 });
        }
        if value.is_object() {
            let entries = Object::entries(value.unchecked_ref());
            return visitor.visit_map(Entries { entries, next: 0, value: None });
        }
        Err(Error)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Only unit variants travel as JSON here (`"finished"`): a string names the variant.
    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let name = self.0.as_string().ok_or(Error)?;
        visitor.visit_enum(name.into_deserializer())
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Unknown fields are skipped without being read.
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

#[inline]
fn visit_number<'de, V: Visitor<'de>>(number: f64, visitor: V) -> Result<V::Value, Error> {
    match Number::of(number) {
        Number::Unsigned(n) => visitor.visit_u64(n),
        Number::Signed(n) => visitor.visit_i64(n),
        Number::Float(n) => visitor.visit_f64(n),
    }
}

/// A JavaScript number as serde wants it: whole numbers (every number of our protocol) as
/// integers, others as floats.
#[derive(Debug, PartialEq)]
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Number {
    #[inline]
    fn of(number: f64) -> Number {
        let whole = number as i64;
        if whole as f64 != number {
            return Number::Float(number);
        }
        match u64::try_from(whole) {
            Ok(unsigned) => Number::Unsigned(unsigned),
            Err(_) => Number::Signed(whole),
        }
    }
}

/// An array's items, in order.
struct Items {
    items: Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(Value(item)).map(Some)
    }
}

/// An object's `[key, value]` pairs, as `Object.entries` lists them.
struct Entries {
    entries: Array,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let pair: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = Some(pair.get(1));
        seed.deserialize(Value(pair.get(0))).map(Some)
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(Value(self.value.take().unwrap_or(JsValue::UNDEFINED)))
    }
}

#[cfg(test)]
mod tests {
    use super::Number;

    #[test]
    #[inline]
    fn w3_whole_numbers_read_as_integers_and_others_as_floats() {
        let cases = [
            (0.0, Number::Unsigned(0)),
            (1_700_000_000_000.0, Number::Unsigned(1_700_000_000_000)),
            (-3.0, Number::Signed(-3)),
            (2.5, Number::Float(2.5)),
            (1e300, Number::Float(1e300)),
        ];
        for (number, expected) in cases {
            assert_eq!(Number::of(number), expected, "{number}");
        }
    }
}
