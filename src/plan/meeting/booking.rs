//! A chosen suggestion or fair plan as the meetings to store.

use serde::{Deserialize, Serialize};

use crate::tz::Zone;

/// A suggestion or fair plan a lead books as meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Booking {
    /// Id of the (first) meeting to create; a fair plan's weeks get `-w2`, `-w3`, ….
    pub id: String,
    pub title: String,
    /// The organiser's zone: the meeting recurs at the same wall-clock time there.
    pub time_zone: String,
    pub duration_minutes: u32,
    /// Required and optional attendees together.
    pub attendees: Vec<String>,
    /// UTC starts (`2026-12-01T15:00:00Z`): one for a single meeting or a
    /// weekly series, one per week for a fair plan.
    pub starts: Vec<String>,
    /// With one start: repeat weekly this many times (1 = a single meeting).
    pub weeks: u32,
}

/// The meetings a booking creates, or a message saying which start is bad.
///
/// # Errors
/// A message naming the unreadable start or zone.
pub fn booked_meetings(b: &Booking) -> Result<Vec<crate::model::Meeting>, String> {
    let zone = Zone::get(&b.time_zone).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (i, s) in b.starts.iter().enumerate() {
        let t = chrono::DateTime::parse_from_rfc3339(s).map_err(|e| {
            crate::tr!(
                "plan-booking-bad-start",
                index = i,
                start = format!("{s:?}"),
                error = e.to_string()
            )
        })?;
        let local = zone.local(t.to_utc());
        let id = if i == 0 {
            b.id.clone()
        } else {
            format!("{}-w{}", b.id, i + 1)
        };
        let series = b.starts.len() == 1 && b.weeks > 1;
        out.push(crate::model::Meeting {
            id,
            title: b.title.clone(),
            start: crate::model::LocalDateTime(local),
            time_zone: b.time_zone.clone(),
            duration_minutes: b.duration_minutes,
            rrule: series.then(|| format!("FREQ=WEEKLY;COUNT={}", b.weeks)),
            attendees: b.attendees.clone(),
            in_person_office: None,
        });
    }
    if out.is_empty() {
        return Err(crate::tr!("plan-booking-no-start"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};

    #[test]
    fn a_booking_without_a_readable_start_says_so_in_german() {
        let mut b = Booking {
            id: "m9".into(),
            title: "Sync".into(),
            time_zone: "UTC".into(),
            duration_minutes: 30,
            attendees: vec!["ana".into()],
            starts: Vec::new(),
            weeks: 1,
        };
        assert_eq!(
            booked_meetings(&b).err().as_deref(),
            Some("a booking needs at least one start")
        );
        with_language(Lang::De, || {
            assert_eq!(
                booked_meetings(&b).err().as_deref(),
                Some("Eine Buchung braucht mindestens einen Beginn")
            );
            b.starts = vec!["morgen".into()];
            let err = booked_meetings(&b).err().unwrap_or_default();
            assert!(
                err.starts_with("starts[0]: \"morgen\" ist keine UTC-Zeit: "),
                "{err}"
            );
        });
    }
}
