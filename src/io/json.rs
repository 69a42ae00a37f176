//! A JSON tree that keeps what validation needs and `serde_json::Value` loses:
//! keys given twice in one object, member order, and whether a number was
//! written as a whole number.

use std::collections::{HashMap, HashSet};
use std::fmt;

use compact_str::CompactString;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A whole number as written.
    Int(i128),
    /// A number with a fraction or exponent, as its shortest round-trip text.
    Float(f64),
    /// Inline up to 24 bytes: most ids, keys and times need no heap.
    Str(CompactString),
    Array(Vec<Json>),
    /// Boxed: it keeps every node of the tree at 32 bytes instead of 64.
    Object(Box<Object>),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    pub members: Vec<(CompactString, Json)>,
    /// Keys that appeared more than once (the last value wins in `members`).
    pub duplicates: Vec<CompactString>,
}

impl Object {
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Json {
    /// Parses UTF-8 text (a leading byte-order mark is allowed).
    ///
    /// # Errors
    /// serde_json's message with line and column.
    pub fn parse(text: &str) -> Result<Json, serde_json::Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        serde_json::from_str(text)
    }

    /// A short description for messages, in the reader's language: "a
    /// string", "null", "ein Text", …
    pub fn kind(&self) -> String {
        let code = match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Int(_) | Json::Float(_) => "number",
            Json::Str(_) => "string",
            Json::Array(_) => "list",
            Json::Object(_) => "object",
        };
        crate::tr!("io-json-kind", kind = code)
    }

    /// The value as it would be written, shortened to 40 characters.
    pub fn show(&self) -> String {
        let s = match self {
            Json::Null => "null".to_string(),
            Json::Bool(b) => b.to_string(),
            Json::Int(i) => i.to_string(),
            Json::Float(f) => f.to_string(),
            // Quote only the first 41 characters: escaping is per character,
            // so the shortened text is the same as for the whole string, and a
            // string of megabytes is not copied.
            Json::Str(s) => match s.char_indices().nth(41) {
                Some((cut, _)) => format!("{:?}", &s[..cut]),
                None => format!("{s:?}"),
            },
            Json::Array(_) => "[…]".to_string(),
            Json::Object(_) => "{…}".to_string(),
        };
        if s.chars().count() > 40 {
            let mut t: String = s.chars().take(37).collect();
            t.push('…');
            t
        } else {
            s
        }
    }

    /// Builds the tree of any serialisable value (used to validate edits made
    /// to typed values with the same rules as imported files).
    ///
    /// # Errors
    /// serde_json's error for values JSON cannot hold (NaN).
    pub fn from_serialize<T: serde::Serialize>(v: &T) -> Result<Json, serde_json::Error> {
        let text = serde_json::to_string(v)?;
        Json::parse(&text)
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        if v.is_finite() {
            Ok(Json::Float(v))
        } else {
            Err(E::custom("number out of range"))
        }
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(CompactString::from(v)))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(CompactString::from(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element()? {
            out.push(v);
        }
        Ok(Json::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        // Small objects (nearly all of a team document) find a repeated key
        // by scanning their few members; an object that grows past SMALL
        // members switches to a map of positions, so an object of n keys
        // costs O(n) whatever its duplicates. `reported` keeps each
        // duplicate key listed once and exists only once one is seen.
        const SMALL: usize = 16;
        let mut obj = Object::default();
        let mut position: Option<HashMap<CompactString, usize>> = None;
        let mut reported: Option<HashSet<CompactString>> = None;
        while let Some((k, v)) = map.next_entry::<CompactString, Json>()? {
            let found = match &position {
                Some(p) => p.get(&k).copied(),
                None => obj.members.iter().position(|(m, _)| *m == k),
            };
            if let Some(i) = found {
                obj.members[i].1 = v;
                if reported.get_or_insert_with(HashSet::new).insert(k.clone()) {
                    obj.duplicates.push(k);
                }
                continue;
            }
            if let Some(p) = &mut position {
                p.insert(k.clone(), obj.members.len());
            }
            obj.members.push((k, v));
            if position.is_none() && obj.members.len() > SMALL {
                position = Some(
                    obj.members
                        .iter()
                        .enumerate()
                        .map(|(i, (m, _))| (m.clone(), i))
                        .collect(),
                );
            }
        }
        Ok(Json::Object(Box::new(obj)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_remembered() {
        let j = Json::parse(r#"{"a": 1, "b": 2, "a": 3}"#).expect("json");
        let Json::Object(o) = j else {
            panic!("not an object")
        };
        assert_eq!(o.duplicates, vec!["a".to_string()]);
        assert_eq!(o.get("a"), Some(&Json::Int(3)));
    }

    #[test]
    fn an_object_of_many_keys_and_duplicates_keeps_each_duplicate_once() {
        let mut text = String::from("{");
        for i in 0..100_000 {
            text.push_str(&format!("\"k{}\": {i},", i % 50_000));
        }
        text.push_str("\"k0\": -1}");
        let Ok(Json::Object(o)) = Json::parse(&text) else {
            panic!("not an object")
        };
        assert_eq!(o.members.len(), 50_000);
        assert_eq!(o.duplicates.len(), 50_000);
        assert_eq!(o.get("k0"), Some(&Json::Int(-1)), "the last value wins");
        assert_eq!(o.members[0].0, "k0", "in first position");
    }

    #[test]
    fn long_strings_are_shown_shortened_as_if_quoted_whole() {
        for s in [
            "a\"b\\c\n".repeat(20),
            "é".repeat(41),
            "x".repeat(41),
            "x".repeat(38),
        ] {
            let whole = format!("{s:?}");
            let expected = if whole.chars().count() > 40 {
                whole.chars().take(37).chain(['…']).collect()
            } else {
                whole
            };
            assert_eq!(Json::Str(s.as_str().into()).show(), expected, "{s}");
        }
    }

    #[test]
    fn whole_and_fractional_numbers_stay_apart() {
        assert_eq!(Json::parse("40").ok(), Some(Json::Int(40)));
        assert_eq!(Json::parse("37.5").ok(), Some(Json::Float(37.5)));
        assert_eq!(Json::parse("\u{feff}true").ok(), Some(Json::Bool(true)));
    }

    #[test]
    fn kinds_are_named_in_the_readers_language() {
        use crate::i18n::{with_language, Lang};
        let values = [
            Json::Null,
            Json::Int(1),
            Json::Str("x".into()),
            Json::Array(vec![]),
        ];
        let en: Vec<String> = values.iter().map(Json::kind).collect();
        assert_eq!(en, ["null", "a number", "a string", "a list"]);
        let de: Vec<String> = with_language(Lang::De, || values.iter().map(Json::kind).collect());
        assert_eq!(de, ["null", "eine Zahl", "ein Text", "eine Liste"]);
        let object = Json::Object(Box::default());
        assert_eq!(object.kind(), "an object");
        assert_eq!(Json::Bool(true).kind(), "a boolean");
    }

    #[test]
    fn non_json_constants_are_refused() {
        assert!(Json::parse("NaN").is_err());
        assert!(Json::parse("[1,]").is_err());
    }
}
