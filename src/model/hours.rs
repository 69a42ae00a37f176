//! Exact decimal hours (`37.5`, `6`, `0.25`): capacities and task sizes.
//!
//! Invariant: the value is the decimal the user wrote, never a binary float, so
//! `37.5 × 60 / 5` is exactly 450 and `round(h × 60)` rounds true halves up.

use std::fmt;
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours(Decimal);

impl Hours {
    pub fn from_whole(h: u32) -> Hours {
        Hours(Decimal::from(h))
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Parses a JSON number's text (`37.5`, `1e1`); `None` when it is not a
    /// finite decimal within range.
    pub fn parse(text: &str) -> Option<Hours> {
        let d = Decimal::from_str(text)
            .or_else(|_| Decimal::from_scientific(text))
            .ok()?;
        Some(Hours(d.normalize()))
    }

    /// From a float that came through JSON: its shortest round-trip text is the
    /// decimal that was written, for every value of up to 15 significant digits.
    pub fn from_f64(v: f64) -> Option<Hours> {
        if !v.is_finite() {
            return None;
        }
        Hours::parse(&format!("{v}"))
    }

    /// `round(hours × 60)`, halves up (contract §7.9).
    pub fn minutes(self) -> i64 {
        (self.0 * Decimal::from(60))
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            .to_i64()
            .unwrap_or(i64::MAX)
    }

    pub fn to_f64(self) -> f64 {
        self.0.to_f64().unwrap_or(f64::NAN)
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0.normalize();
        if d.scale() == 0 {
            if let Some(i) = d.to_i64() {
                return s.serialize_i64(i);
            }
        }
        s.serialize_f64(self.to_f64())
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        Hours::from_f64(v).ok_or_else(|| {
            serde::de::Error::custom(crate::tr!("model-hours-not-hours", value = v.to_string()))
        })
    }
}

impl FromStr for Hours {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Hours::parse(s).ok_or(())
    }
}

#[cfg(feature = "specta")]
impl specta::Type for Hours {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <f64 as specta::Type>::definition(types)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_minutes_round_true_halves_up() {
        let check = |text: &str, want: i64| {
            assert_eq!(Hours::parse(text).map(Hours::minutes), Some(want), "{text}")
        };
        check("6", 360);
        check("0.025", 2); // 1.5 minutes
        check("7.3", 438);
        check("0.0125", 1); // 0.75 minutes
        check("1e1", 600);
    }

    #[test]
    fn floats_from_json_keep_the_written_decimal() {
        assert_eq!(
            Hours::from_f64(37.5).map(|h| h.to_string()),
            Some("37.5".into())
        );
        assert_eq!(
            Hours::from_f64(0.1).map(|h| h.to_string()),
            Some("0.1".into())
        );
        assert_eq!(Hours::from_f64(f64::NAN), None);
    }

    #[test]
    fn whole_hours_serialise_as_integers() {
        let json = serde_json::to_string(&Hours::from_whole(40)).ok();
        assert_eq!(json.as_deref(), Some("40"));
        let json = serde_json::to_string(&Hours::parse("37.5")).ok();
        assert_eq!(json.as_deref(), Some("37.5"));
    }
}
