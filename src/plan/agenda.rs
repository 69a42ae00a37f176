//! A rep's agenda (contract §5): every occurrence of every meeting the rep
//! attends, their time-off days, their public holidays and their accepted office days between two
//! local dates in the rep's own zone, sorted by start.
//!
//! Readings where the contract is silent (also in DESIGN.md): a meeting is on
//! the agenda when it shares a minute with the local dates asked for (§7.2's
//! half-open overlap), so a call that starts before midnight and runs into
//! `from` is listed; a day item starts at its local midnight (or the first
//! instant of that date where midnight does not exist); at the same instant,
//! day items come before meetings, then by kind and id.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::holidays;
use crate::model::Scenario;
use crate::plan::calendar::meeting_occurrences;
use crate::plan::PlanError;
use crate::tz::{self, Minute, Zone};

/// The contract's agenda document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Agenda {
    pub rep: String,
    pub time_zone: String,
    pub items: Vec<AgendaItem>,
}

/// One entry; the JSON shape is the contract's (`kind` tags it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AgendaItem {
    Meeting {
        id: String,
        title: String,
        /// UTC, `2026-12-01T15:00:00Z`.
        start: String,
        end: String,
        /// Wall clock in the rep's zone, `2026-12-01T15:00`.
        local_start: String,
        local_end: String,
    },
    TimeOff {
        date: NaiveDate,
    },
    /// A public holiday of the rep's region (DESIGN.md, "Public holidays
    /// (issue 15)"): a day off like time off, with its name.
    Holiday {
        date: NaiveDate,
        name: String,
        region: String,
    },
    OfficeDay {
        date: NaiveDate,
        office: String,
    },
}

/// The agenda of `rep` for the local dates `[from, to]`.
///
/// # Errors
/// [`PlanError::UnknownRep`], [`PlanError::Zone`] or [`PlanError::Rule`];
/// `to` before `from` or a span of more than 366 dates is refused as
/// [`PlanError::Dates`].
pub fn agenda(
    sc: &Scenario,
    rep: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Agenda, PlanError> {
    let r = sc
        .reps
        .iter()
        .find(|r| r.id == rep)
        .ok_or_else(|| PlanError::UnknownRep(rep.to_string()))?;
    if to < from || (to - from).num_days() >= 366 {
        return Err(PlanError::Dates(crate::tr!(
            "plan-agenda-dates",
            from = from.to_string(),
            to = to.to_string()
        )));
    }
    let zone = Zone::get(&r.time_zone)?;
    let spans = zone.local_dates(from, to);
    let (Some(&(lo, _)), Some(&(_, hi))) = (spans.first(), spans.last()) else {
        return Ok(Agenda {
            rep: rep.to_string(),
            time_zone: r.time_zone.clone(),
            items: Vec::new(),
        });
    };
    // (start, rank, item): day items rank before meetings at one instant.
    let mut items: Vec<(Minute, u8, String, AgendaItem)> = Vec::new();
    for m in sc
        .meetings
        .iter()
        .filter(|m| m.attendees.iter().any(|a| a == rep))
    {
        let mz = Zone::get(&m.time_zone)?;
        for (s, e) in meeting_occurrences(m, &mz, lo, hi)? {
            if e <= lo || s >= hi || !spans.iter().any(|&(a, b)| s < b && e > a) {
                continue;
            }
            items.push((
                s,
                2,
                m.id.clone(),
                AgendaItem::Meeting {
                    id: m.id.clone(),
                    title: m.title.clone(),
                    start: tz::fmt_utc(s),
                    end: tz::fmt_utc(e),
                    local_start: zone.fmt_local(s),
                    local_end: zone.fmt_local(e),
                },
            ));
        }
    }
    let day_start = |d: NaiveDate| zone.local_dates(d, d).first().map_or(lo, |&(a, _)| a);
    for off in &r.time_off {
        let mut d = off.start.max(from);
        while d <= off.end.min(to) {
            items.push((
                day_start(d),
                0,
                String::new(),
                AgendaItem::TimeOff { date: d },
            ));
            let Some(next) = d.succ_opt() else { break };
            d = next;
        }
    }
    // Trip days take the visited office's holidays (a rep works where they
    // are); the agenda's items stay those of the contract.
    let office_by_id = |o: &str| sc.offices.iter().find(|x| x.id == o);
    for h in holidays::rep_holidays_between(r, office_by_id, from, to) {
        items.push((
            day_start(h.date),
            0,
            h.region.to_string(),
            AgendaItem::Holiday {
                date: h.date,
                name: h.name.to_string(),
                region: h.region.to_string(),
            },
        ));
    }
    for od in sc
        .office_days
        .iter()
        .filter(|od| od.rep == rep && od.date >= from && od.date <= to)
    {
        items.push((
            day_start(od.date),
            1,
            od.office.clone(),
            AgendaItem::OfficeDay {
                date: od.date,
                office: od.office.clone(),
            },
        ));
    }
    items.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    items.dedup_by(|a, b| a.3 == b.3);
    Ok(Agenda {
        rep: rep.to_string(),
        time_zone: r.time_zone.clone(),
        items: items.into_iter().map(|(_, _, _, item)| item).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::scenario::parse_document;

    fn team() -> Scenario {
        let doc = r#"{
          "format": "meridian.scenario/1",
          "offices": [{"id": "lon", "time_zone": "Europe/London", "desks": 5}],
          "reps": [
            {"id": "ana", "time_zone": "Europe/Lisbon", "office": "lon",
             "time_off": [{"start": "2026-12-03", "end": "2026-12-04"}]},
            {"id": "bo", "time_zone": "America/New_York"}
          ],
          "meetings": [
            {"id": "m1", "title": "Pipeline review", "start": "2026-12-01T10:00",
             "time_zone": "America/New_York", "duration_minutes": 60,
             "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=10", "attendees": ["ana", "bo"]},
            {"id": "late", "start": "2026-11-30T18:30", "time_zone": "America/New_York",
             "duration_minutes": 60, "attendees": ["ana"]},
            {"id": "other", "start": "2026-12-01T09:00", "time_zone": "UTC",
             "duration_minutes": 30, "attendees": ["bo"]}
          ],
          "office_days": [{"rep": "ana", "date": "2026-12-02", "office": "lon"}]
        }"#;
        match parse_document(doc, "test") {
            Ok(sc) => sc,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn lists_meetings_time_off_and_office_days_in_the_reps_zone() {
        let a = agenda(
            &team(),
            "ana",
            "2026-12-01".parse().unwrap(),
            "2026-12-04".parse().unwrap(),
        )
        .unwrap();
        assert_eq!(a.time_zone, "Europe/Lisbon");
        let json = serde_json::to_value(&a).unwrap();
        let items = json["items"].as_array().unwrap();
        // The 18:30 New York call on 30 Nov ends 00:30 in Lisbon on 1 Dec.
        assert_eq!(items[0]["id"], "late");
        assert_eq!(items[0]["local_end"], "2026-12-01T00:30");
        assert_eq!(items[1]["kind"], "meeting");
        assert_eq!(items[1]["start"], "2026-12-01T15:00:00Z");
        assert_eq!(items[1]["local_start"], "2026-12-01T15:00");
        assert_eq!(
            items[2],
            serde_json::json!({"kind": "office_day", "date": "2026-12-02", "office": "lon"})
        );
        assert_eq!(
            items[3],
            serde_json::json!({"kind": "time_off", "date": "2026-12-03"})
        );
        assert_eq!(
            items[4],
            serde_json::json!({"kind": "time_off", "date": "2026-12-04"})
        );
        assert_eq!(items.len(), 5);
    }

    #[test]
    fn refuses_unknown_reps_and_backward_dates() {
        let sc = team();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(matches!(
            agenda(&sc, "zed", d("2026-12-01"), d("2026-12-02")),
            Err(PlanError::UnknownRep(_))
        ));
        assert!(matches!(
            agenda(&sc, "ana", d("2026-12-02"), d("2026-12-01")),
            Err(PlanError::Dates(_))
        ));
        let backward = |lang| {
            crate::i18n::with_language(lang, || {
                agenda(&sc, "ana", d("2026-12-02"), d("2026-12-01")).map_err(|e| e.to_string())
            })
        };
        assert_eq!(
            backward(crate::i18n::Lang::En).err().as_deref(),
            Some("the agenda's dates must run forward over at most 366 days, got 2026-12-02 to 2026-12-01")
        );
        assert_eq!(
            backward(crate::i18n::Lang::De).err().as_deref(),
            Some("Die Daten der Agenda müssen vorwärts über höchstens 366 Tage laufen, erhalten: 2026-12-02 bis 2026-12-01")
        );
    }
}
