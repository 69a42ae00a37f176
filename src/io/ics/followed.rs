//! A followed team calendar read back into a team: the objects
//! [`super::publish`] wrote (fetched from the CalDAV server and kept as a
//! local copy) become reps, meetings, office days and time off, so the
//! agenda and the week views work on them exactly as on the lead's data.
//!
//! Only what the `X-MERIDIAN-*` properties say is used; summaries are for
//! people. An event without `X-MERIDIAN-KIND` (someone else's, added in a
//! calendar app) or one this reader cannot use is skipped with a note,
//! never guessed at.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::import::{components, logical_lines, parse_duration, parse_when, unescape, Prop, When};
use super::publish::ObjectKind;
use crate::holidays;
use crate::model::{DateRange, LocalDateTime, Meeting, Office, OfficeDay, Rep, Scenario};
use crate::recurrence::RRule;
use crate::tz;

/// What the local copy of the followed calendars holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Followed {
    pub team: Scenario,
    /// One line per object left out, naming it and why.
    pub skipped: Vec<String>,
}

/// Reads `objects` (each one calendar object resource: its name and text).
pub fn read_objects<'a>(objects: impl IntoIterator<Item = (&'a str, &'a str)>) -> Followed {
    let mut reader = Reader::default();
    for (name, text) in objects {
        if let Err(why) = reader.object(text) {
            reader.skipped.push(format!("{name}: {why}"));
        }
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    reps: BTreeMap<String, Rep>,
    offices: BTreeMap<String, Office>,
    meetings: BTreeMap<String, Meeting>,
    office_days: BTreeMap<(String, NaiveDate), OfficeDay>,
    skipped: Vec<String>,
}

impl Reader {
    fn object(&mut self, text: &str) -> Result<(), String> {
        let lines = logical_lines(text).map_err(|e| e.to_string())?;
        let comps = components(&lines).map_err(|e| e.to_string())?;
        let event = comps
            .iter()
            .find(|c| c.kind == "VEVENT")
            .ok_or_else(|| crate::tr!("files-followed-no-event"))?;
        if let Some(broken) = &event.broken {
            return Err(broken.clone());
        }
        let props = &event.props;
        let get = |name: &str| props.iter().find(|p| p.name == name);
        let kind = get("X-MERIDIAN-KIND")
            .and_then(|p| ObjectKind::parse(&p.value))
            .ok_or_else(|| crate::tr!("files-followed-not-meridian"))?;
        let mut reps: Vec<String> = Vec::new();
        for p in props.iter().filter(|p| p.name == "X-MERIDIAN-REP") {
            reps.push(self.rep(p)?);
        }
        let date = |name: &str| -> Result<NaiveDate, String> {
            match get(name).and_then(|p| parse_when(&p.value)) {
                Some(When::Date(d)) => Ok(d),
                _ => Err(crate::tr!("files-followed-not-date", name = name)),
            }
        };
        match kind {
            ObjectKind::Meeting => {
                let meeting = meeting(props, reps)?;
                self.meetings.insert(meeting.id.clone(), meeting);
            }
            ObjectKind::OfficeDay => {
                let day = date("DTSTART")?;
                let office = get("X-MERIDIAN-OFFICE")
                    .map(|p| unescape(&p.value))
                    .ok_or_else(|| crate::tr!("files-followed-no-office"))?;
                let name = get("LOCATION").map_or_else(|| office.clone(), |p| unescape(&p.value));
                self.offices
                    .entry(office.clone())
                    .or_insert_with(|| Office {
                        id: office.clone(),
                        name,
                        time_zone: "UTC".to_string(),
                        desks: 0,
                        open_days: Vec::new(),
                        closed_dates: Vec::new(),
                        holidays: None,
                    });
                for rep in reps {
                    self.office_days.insert(
                        (rep.clone(), day),
                        OfficeDay {
                            rep,
                            date: day,
                            office: office.clone(),
                        },
                    );
                }
            }
            ObjectKind::Away => {
                let start = date("DTSTART")?;
                // DTEND is exclusive; a one-day event may leave it out.
                let end = match get("DTEND") {
                    Some(_) => date("DTEND")?.pred_opt().unwrap_or(start),
                    None => start,
                };
                if end < start {
                    return Err(crate::tr!("files-followed-end-before-start"));
                }
                for rep in reps {
                    if let Some(r) = self.reps.get_mut(&rep) {
                        r.time_off.push(DateRange { start, end });
                    }
                }
            }
        }
        Ok(())
    }

    /// Records the rep an `X-MERIDIAN-REP` line names; answers its id.
    fn rep(&mut self, p: &Prop) -> Result<String, String> {
        let id = unescape(&p.value);
        let zone = p
            .param("X-MERIDIAN-TZ")
            .map(|z| z.trim_matches('"').to_string())
            .filter(|z| tz::is_valid_zone(z))
            .ok_or_else(|| crate::tr!("files-followed-rep-zone", id = format!("{id:?}")))?;
        let name = p
            .param("CN")
            .map_or_else(|| id.clone(), |n| n.trim_matches('"').to_string());
        // The region, when it names one this build knows; the follower's
        // copy has no offices' regions, so the rep carries it.
        let region = p
            .param("X-MERIDIAN-HOLIDAYS")
            .and_then(|c| holidays::Region::find(c.trim_matches('"')))
            .map(|r| r.code().to_string());
        let rep = self
            .reps
            .entry(id.clone())
            .or_insert_with(|| Rep::new(&id, &name, &zone));
        if rep.holidays.is_none() {
            rep.holidays = region.map(Some);
        }
        Ok(id)
    }

    fn finish(self) -> Followed {
        let mut team = Scenario {
            reps: self.reps.into_values().collect(),
            offices: self.offices.into_values().collect(),
            meetings: self.meetings.into_values().collect(),
            office_days: self.office_days.into_values().collect(),
            ..Scenario::default()
        };
        for r in &mut team.reps {
            r.time_off.sort();
            r.time_off.dedup();
        }
        Followed {
            team,
            skipped: self.skipped,
        }
    }
}

fn meeting(props: &[Prop], attendees: Vec<String>) -> Result<Meeting, String> {
    let get = |name: &str| props.iter().find(|p| p.name == name);
    let id = get("X-MERIDIAN-ID")
        .map(|p| unescape(&p.value))
        .ok_or_else(|| crate::tr!("files-followed-no-id"))?;
    let start_prop = get("DTSTART").ok_or_else(|| crate::tr!("files-followed-no-dtstart"))?;
    let (start, zone) = wall_clock(start_prop)?;
    let minutes = match (get("DTEND"), get("DURATION")) {
        (Some(end), _) => {
            let (end_local, end_zone) = wall_clock(end)?;
            let (s, e) = (instant(start, &zone)?, instant(end_local, &end_zone)?);
            (e - s).num_minutes()
        }
        (None, Some(d)) => {
            parse_duration(&d.value).ok_or_else(|| crate::tr!("files-followed-bad-duration"))? / 60
        }
        (None, None) => 0,
    };
    let duration_minutes = u32::try_from(minutes)
        .ok()
        .filter(|m| *m > 0)
        .ok_or_else(|| crate::tr!("files-followed-no-length"))?;
    let rrule = match get("RRULE") {
        Some(p) => {
            RRule::parse(&p.value).map_err(|e| format!("RRULE: {e}"))?;
            Some(p.value.trim().to_string())
        }
        None => None,
    };
    Ok(Meeting {
        id,
        title: get("SUMMARY")
            .map(|p| unescape(&p.value))
            .unwrap_or_default(),
        start: LocalDateTime(start),
        time_zone: zone,
        duration_minutes,
        rrule,
        attendees,
        in_person_office: None,
    })
}

/// A `DTSTART`/`DTEND` as a wall clock and its IANA zone (`UTC` for `…Z`).
fn wall_clock(p: &Prop) -> Result<(NaiveDateTime, String), String> {
    match parse_when(&p.value) {
        Some(When::DateTime { local, utc: true }) => Ok((local, "UTC".to_string())),
        Some(When::DateTime { local, utc: false }) => {
            let zone = p
                .param("TZID")
                .map(|z| z.trim_matches('"').to_string())
                .filter(|z| tz::is_valid_zone(z))
                .ok_or_else(|| crate::tr!("files-followed-no-tzid", name = p.name.as_str()))?;
            Ok((local, zone))
        }
        _ => Err(crate::tr!(
            "files-followed-not-date-time",
            name = p.name.as_str()
        )),
    }
}

fn instant(local: NaiveDateTime, zone: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    tz::Zone::get(zone)
        .and_then(|z| z.instant(local))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ics::publish::{team_objects, Include};
    use crate::io::scenario::parse_document;

    fn team() -> Scenario {
        let doc = r#"{
          "format": "meridian.scenario/1",
          "teams": [{"id": "t", "name": "T"}],
          "offices": [{"id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 5,
                       "holidays": "GB-ENG"}],
          "reps": [
            {"id": "ana", "name": "Ana, \"A\"", "team": "t", "time_zone": "Europe/Lisbon", "office": "lon",
             "time_off": [{"start": "2027-03-26", "end": "2027-03-30"}]},
            {"id": "bo", "name": "Bo", "team": "t", "time_zone": "America/New_York"},
            {"id": "cy", "name": "Cy", "time_zone": "Asia/Kolkata", "holidays": "IN-KA"}
          ],
          "meetings": [
            {"id": "m;1", "title": "Sync, weekly", "start": "2027-03-22T09:00",
             "time_zone": "Europe/London", "duration_minutes": 45,
             "rrule": "FREQ=WEEKLY;BYDAY=MO;COUNT=4", "attendees": ["ana", "bo", "cy"]}
          ],
          "office_days": [{"rep": "ana", "date": "2027-03-23", "office": "lon"}]
        }"#;
        match parse_document(doc, "test") {
            Ok(sc) => sc,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn published_objects_read_back_as_the_same_team() {
        let sc = team();
        let stamp = "2027-01-01T00:00:00Z".parse().unwrap();
        let objects = team_objects(&sc, "t", Include::default(), stamp).unwrap();
        let back = read_objects(objects.iter().map(|o| (o.name.as_str(), o.text.as_str())));
        assert!(back.skipped.is_empty(), "{:?}", back.skipped);
        assert_eq!(back.team.meetings.len(), 1);
        let (m, orig) = (&back.team.meetings[0], &sc.meetings[0]);
        assert_eq!(
            (&m.id, &m.title, m.start, &m.time_zone),
            (&orig.id, &orig.title, orig.start, &orig.time_zone)
        );
        assert_eq!((m.duration_minutes, &m.attendees), (45, &orig.attendees));
        assert_eq!(back.team.office_days, sc.office_days);
        let ana = back.team.reps.iter().find(|r| r.id == "ana").unwrap();
        assert_eq!(ana.time_off, sc.reps[0].time_off);
        assert_eq!(ana.time_zone, "Europe/Lisbon");
        // Regions travel with the reps (the office's for Ana, her own for
        // Cy), so the follower's agenda has their holidays; Bo has none.
        assert_eq!(ana.holidays, Some(Some("GB-ENG".to_string())));
        let region = |id: &str| {
            back.team
                .reps
                .iter()
                .find(|r| r.id == id)
                .unwrap()
                .holidays
                .clone()
        };
        assert_eq!(region("cy"), Some(Some("IN-KA".to_string())));
        assert_eq!(region("bo"), None);
        // Cy is not in the team but attends: named, with a zone, no days.
        assert!(back
            .team
            .reps
            .iter()
            .any(|r| r.id == "cy" && r.time_zone == "Asia/Kolkata"));
    }

    #[test]
    fn someone_elses_event_is_skipped_with_a_note() {
        let foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@elsewhere\r\n\
                       DTSTART:20270101T100000Z\r\nSUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let back = read_objects([("lunch.ics", foreign)]);
        assert!(back.team.meetings.is_empty());
        assert_eq!(back.skipped.len(), 1);
        assert!(
            back.skipped[0].starts_with("lunch.ics: not a Meridian event"),
            "{:?}",
            back.skipped
        );
    }

    #[test]
    fn skip_notes_read_in_german() {
        use crate::i18n::{with_language, Lang};
        let foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@elsewhere\r\n\
                       DTSTART:20270101T100000Z\r\nSUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let meeting = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nX-MERIDIAN-KIND:meeting\r\n\
                       X-MERIDIAN-ID:m\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let back = with_language(Lang::De, || {
            read_objects([("lunch.ics", foreign), ("m.ics", meeting)])
        });
        assert_eq!(
            back.skipped,
            [
                "lunch.ics: Kein Meridian-Termin (kein X-MERIDIAN-KIND)",
                "m.ics: Die Besprechung hat keine positive Dauer",
            ]
        );
    }
}
