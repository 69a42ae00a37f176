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
        let t = chrono::DateTime::parse_from_rfc3339(s)
            .map_err(|e| format!("starts[{i}]: {s:?} is not a UTC time: {e}"))?;
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
        return Err("a booking needs at least one start".to_string());
    }
    Ok(out)
}
