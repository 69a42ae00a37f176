//! A meeting request's quorum of optional attendees (issue 16): a count, or
//! a percentage of the optional attendees. In documents and over IPC it is
//! `2` or `"75%"`, the way a lead writes it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum Quorum {
    /// At least this many optional attendees.
    Count(u32),
    /// At least this share of the optional attendees, `"75%"`.
    Percent(#[cfg_attr(feature = "specta", specta(type = String))] Percent),
}

/// A whole percentage, written `"N%"`. Its range (0–100) is a rule of the
/// request, checked with the request's other rules so the error has a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent(pub u32);

impl Quorum {
    /// The fewest optional attendees a slot needs out of `optional`. A
    /// percentage rounds up: 75% of 3 is 3, since 2 would be 67%.
    pub fn threshold(self, optional: usize) -> usize {
        match self {
            Quorum::Count(c) => c as usize,
            Quorum::Percent(Percent(p)) => (p as usize * optional).div_ceil(100),
        }
    }

    /// The quorum as the lead wrote it: `2` or `75%`.
    pub fn words(self) -> String {
        match self {
            Quorum::Count(c) => c.to_string(),
            Quorum::Percent(Percent(p)) => format!("{p}%"),
        }
    }
}

/// `"75%"` → 75; anything else (no `%`, a sign, a fraction, more than
/// three digits) → `None`.
pub fn parse_percent(text: &str) -> Option<u32> {
    let digits = text.strip_suffix('%')?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{}%", self.0))
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_percent(&text).map(Percent).ok_or_else(|| {
            serde::de::Error::custom(crate::tr!(
                "model-quorum-bad-percent",
                value = format!("{text:?}")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_rounds_up_and_a_count_is_itself() {
        let q = |p| Quorum::Percent(Percent(p));
        assert_eq!(q(75).threshold(4), 3);
        assert_eq!(q(75).threshold(3), 3);
        assert_eq!(q(50).threshold(3), 2);
        assert_eq!(q(1).threshold(3), 1);
        assert_eq!(q(0).threshold(3), 0);
        assert_eq!(q(100).threshold(0), 0);
        assert_eq!(Quorum::Count(2).threshold(5), 2);
    }

    #[test]
    fn the_document_form_round_trips() {
        for (text, q) in [
            ("2", Quorum::Count(2)),
            ("\"75%\"", Quorum::Percent(Percent(75))),
        ] {
            let read: Quorum = serde_json::from_str(text).unwrap();
            assert_eq!(read, q);
            assert_eq!(serde_json::to_string(&q).unwrap(), text);
        }
        for bad in ["\"75\"", "\"-5%\"", "\"7.5%\"", "\"1000%\"", "\"%\"", "-1"] {
            assert!(serde_json::from_str::<Quorum>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_bad_percentage_reads_in_the_thread_s_language() {
        use crate::i18n::{with_language, Lang};
        let err = |lang| {
            with_language(lang, || {
                serde_json::from_str::<Percent>("\"75\"")
                    .unwrap_err()
                    .to_string()
            })
        };
        assert!(
            err(Lang::En).starts_with("expected a percentage such as \"75%\", got \"75\""),
            "{}",
            err(Lang::En)
        );
        assert!(
            err(Lang::De).starts_with("erwartet wurde ein Prozentsatz wie „75%“, nicht \"75\""),
            "{}",
            err(Lang::De)
        );
    }
}
