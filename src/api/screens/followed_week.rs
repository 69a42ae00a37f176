//! "My week" on a rep's own computer that only follows the team calendar
//! (issue 13): the database holds no team, only the local copy of the
//! followed calendars ([`Meridian::followed`]). These queries read that copy
//! and answer what the screen draws: the reps to pick from (searched here, a
//! few at a time) and one rep's week — the calendar view in the rep's own
//! zone, and day by day the office they are in and the teammates in with
//! them.
//!
//! Invariants: nothing here is invented. A followed calendar says who is in
//! which office on which date, the meetings and who is away; it does not say
//! a rep's working hours or home office, so the week shows neither (the
//! reader gives reps default hours, which must never be drawn). Teammates on
//! an office day are the other reps the followed calendars put in the same
//! office that date — the publisher writes one event per team, office and
//! date — so with calendars of two teams followed, both teams' people in
//! that office are listed.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{matches, week_start, words};
use crate::api::Meridian;
use crate::error::AppError;
use crate::model::{Scenario, Weekday};
use crate::plan::week::{calendar_view, CalendarView, ViewOptions};

/// A rep named in the followed calendars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowedRep {
    pub id: String,
    pub name: String,
    pub time_zone: String,
}

/// The first reps matching a search, sorted by name, and how many match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowedReps {
    pub rows: Vec<FollowedRep>,
    pub total: u32,
}

/// One date of a followed rep's week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowedDay {
    pub date: NaiveDate,
    pub weekday: Weekday,
    /// The office the calendar puts the rep in that day (its name).
    pub office: Option<String>,
    /// The others in that office that day, by name.
    pub teammates: Vec<String>,
    /// The calendar shows the rep away (time off, reason never published).
    pub away: bool,
    /// The rep's public holiday that day, by name (from the region their
    /// published line names, looked up in this computer's bundled table).
    pub holiday: Option<String>,
}

/// A followed rep's week, seven days from the reader's first weekday
/// (weekend days only when the calendar has something on them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowedWeek {
    pub rep: String,
    pub name: String,
    pub time_zone: String,
    /// The week's first day.
    pub start: NaiveDate,
    pub days: Vec<FollowedDay>,
    pub office_days: u32,
    /// Meetings, office days and away days in the rep's own zone.
    pub view: CalendarView,
}

/// Every followed rep is put in this one team, so the week view's
/// "teammates in" (same team, office and date) lists the people the
/// calendar's office-day events name together.
const FOLLOWED_TEAM: &str = "followed";

/// The followed copy with every rep in [`FOLLOWED_TEAM`].
fn as_one_team(mut team: Scenario) -> Scenario {
    for rep in &mut team.reps {
        rep.team = Some(FOLLOWED_TEAM.to_string());
    }
    team
}

impl Meridian {
    /// The first `limit` followed reps (at most 500) whose name or id holds
    /// every word of `search`, sorted by name.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn followed_reps(&self, search: &str, limit: u32) -> Result<FollowedReps, AppError> {
        let team = self.followed()?.team;
        let words = words(search);
        let mut rows: Vec<FollowedRep> = team
            .reps
            .into_iter()
            .filter(|r| matches(&words, &[&r.name, &r.id]))
            .map(|r| FollowedRep {
                id: r.id,
                name: r.name,
                time_zone: r.time_zone,
            })
            .collect();
        rows.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
        let total = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        rows.truncate(limit.min(super::MAX_PAGE_ROWS) as usize);
        Ok(FollowedReps { rows, total })
    }

    /// Followed rep `rep`'s week containing `date` and starting on
    /// `first_day`, from the local copy
    /// (works offline); `None` when no followed calendar names the rep.
    ///
    /// # Errors
    /// [`AppError::Storage`]; [`AppError::Plan`] for a meeting of the copy
    /// that cannot be expanded.
    pub fn followed_week(
        &self,
        rep: &str,
        date: NaiveDate,
        first_day: Weekday,
    ) -> Result<Option<FollowedWeek>, AppError> {
        let team = as_one_team(self.followed()?.team);
        let Some(me) = team.reps.iter().find(|r| r.id == rep) else {
            return Ok(None);
        };
        let start = week_start(date, first_day);
        let end = start + Duration::days(6);
        let view = calendar_view(
            &team,
            &[rep],
            start,
            end,
            &me.time_zone,
            // The copy has no working hours and no tasks: never draw the
            // reader's defaults as if they were the rep's.
            ViewOptions {
                hours: false,
                tasks: false,
            },
        )?;
        let name_of = |id: &str| {
            team.reps
                .iter()
                .find(|r| r.id == id)
                .map_or_else(|| id.to_string(), |r| r.name.clone())
        };
        let mut days = Vec::with_capacity(7);
        for i in 0..7 {
            let date = start + Duration::days(i);
            let weekday = Weekday::of(date);
            let mine = team
                .office_days
                .iter()
                .find(|d| d.rep == me.id && d.date == date);
            let office = mine.map(|d| {
                team.offices
                    .iter()
                    .find(|o| o.id == d.office)
                    .map_or_else(|| d.office.clone(), |o| o.name.clone())
            });
            let mut teammates: Vec<String> = match mine {
                Some(mine) => team
                    .office_days
                    .iter()
                    .filter(|d| d.date == date && d.office == mine.office && d.rep != me.id)
                    .map(|d| name_of(&d.rep))
                    .collect(),
                None => Vec::new(),
            };
            teammates.sort_by_key(|n| n.to_lowercase());
            let away = me.time_off.iter().any(|r| r.start <= date && date <= r.end);
            let holiday = crate::holidays::rep_holiday(me, None, date).map(|h| h.name.to_string());
            let weekend = matches!(weekday, Weekday::Sat | Weekday::Sun);
            if !weekend || office.is_some() || away {
                days.push(FollowedDay {
                    date,
                    weekday,
                    office,
                    teammates,
                    away,
                    holiday,
                });
            }
        }
        let office_days =
            u32::try_from(days.iter().filter(|d| d.office.is_some()).count()).unwrap_or(u32::MAX);
        Ok(Some(FollowedWeek {
            rep: me.id.clone(),
            name: me.name.clone(),
            time_zone: me.time_zone.clone(),
            start,
            days,
            office_days,
            view,
        }))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::io::ics::publish::{team_objects, CalendarObject, Include};
    use crate::plan::week::EventKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    /// The sample team with a week of office days accepted, and its first
    /// team's calendar objects as a publish sends them.
    fn published() -> (Scenario, Vec<CalendarObject>) {
        let mut lead = Meridian::open_in_memory().expect("memory");
        lead.load_sample_team().expect("sample");
        let plan = lead
            .plan_rotation(Some(d("2026-11-30")), Some(1), None)
            .expect("plan");
        lead.accept_rotation(&plan).expect("accept");
        let sc = lead.scenario().expect("team");
        let stamp = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        let objects =
            team_objects(&sc, &sc.teams[0].id, Include::default(), stamp).expect("objects");
        (sc, objects)
    }

    /// A rep's own database whose only content is the local copy of the
    /// followed calendar holding `objects`.
    fn follower(objects: &[CalendarObject]) -> Meridian {
        use crate::store::calendars as rows;
        let mut m = Meridian::open_in_memory().expect("memory");
        let url = "http://127.0.0.1:5232/lead/team/";
        let tx = crate::store::write(&mut m.conn).expect("write");
        rows::put_followed(&tx, url, "rep", "Team").expect("followed");
        for o in objects {
            rows::put_followed_object(&tx, url, &o.name, Some("\"1\""), &o.text).expect("object");
        }
        tx.commit().expect("commit");
        m
    }

    #[test]
    fn a_followed_reps_office_days_name_the_office_and_the_others_in_that_day() {
        let (lead, objects) = published();
        let m = follower(&objects);
        let members: Vec<&str> = lead
            .reps
            .iter()
            .filter(|r| r.team.as_deref() == Some(lead.teams[0].id.as_str()))
            .map(|r| r.id.as_str())
            .collect();
        let member = |rep: &str| members.contains(&rep);
        // A member's office day with another member in that office that day.
        let day = lead
            .office_days
            .iter()
            .find(|od| {
                member(&od.rep)
                    && lead.office_days.iter().any(|x| {
                        x.date == od.date
                            && x.office == od.office
                            && x.rep != od.rep
                            && member(&x.rep)
                    })
            })
            .expect("two members in one office on a day of that week")
            .clone();
        let week = m
            .followed_week(&day.rep, day.date, Weekday::Mon)
            .expect("week")
            .expect("the rep is in the copy");
        let shown = week.days.iter().find(|x| x.date == day.date).expect("day");
        let office = lead
            .offices
            .iter()
            .find(|o| o.id == day.office)
            .expect("office");
        assert_eq!(shown.office.as_deref(), Some(office.name.as_str()));
        let mut expected: Vec<String> = lead
            .office_days
            .iter()
            .filter(|x| {
                x.date == day.date
                    && x.office == day.office
                    && x.rep != day.rep
                    && members.contains(&x.rep.as_str())
            })
            .filter_map(|x| lead.reps.iter().find(|r| r.id == x.rep))
            .map(|r| r.name.clone())
            .collect();
        expected.sort_by_key(|n| n.to_lowercase());
        assert!(!expected.is_empty());
        assert_eq!(shown.teammates, expected);
        let office_events = week
            .view
            .events
            .iter()
            .filter(|e| e.kind == EventKind::OfficeDay)
            .count();
        assert_eq!(office_events, week.office_days as usize);
        assert!(
            !week
                .view
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Working | EventKind::Stretch)),
            "no working hours are invented for a followed rep"
        );
        let rep = lead.reps.iter().find(|r| r.id == day.rep).expect("rep");
        assert_eq!(week.view.time_zone, rep.time_zone, "in the rep's own zone");
    }

    #[test]
    fn a_followed_reps_meetings_are_in_their_week() {
        let (lead, objects) = published();
        let m = follower(&objects);
        let team = lead.teams[0].id.as_str();
        let meeting = lead
            .meetings
            .iter()
            .find(|mt| {
                mt.attendees.iter().any(|a| {
                    lead.reps
                        .iter()
                        .any(|r| &r.id == a && r.team.as_deref() == Some(team))
                })
            })
            .expect("a meeting of the team");
        let rep = &meeting.attendees[0];
        let first = meeting.start.0.date();
        let week = m
            // A Sunday-first reader's week holds it as well.
            .followed_week(rep, first, Weekday::Sun)
            .expect("week")
            .expect("an attendee is in the copy");
        assert!(
            week.view
                .events
                .iter()
                .any(|e| e.meeting.as_deref() == Some(meeting.id.as_str())),
            "{} is in {rep}'s week of {first}",
            meeting.id
        );
    }

    #[test]
    fn an_unknown_rep_has_no_followed_week_and_the_picker_searches_by_name() {
        let (_, objects) = published();
        let m = follower(&objects);
        assert_eq!(
            m.followed_week("nobody", d("2026-12-02"), Weekday::Mon)
                .expect("week"),
            None
        );
        let all = m.followed_reps("", 500).expect("reps");
        assert!(all.total > 3, "{all:?}");
        assert_eq!(all.rows.len(), all.total as usize);
        let names: Vec<String> = all.rows.iter().map(|r| r.name.to_lowercase()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "sorted by name");
        let first = &all.rows[0];
        let found = m.followed_reps(&first.name, 3).expect("search");
        assert!(found.rows.iter().any(|r| r.id == first.id));
        assert!(found.rows.len() <= 3);
        assert_eq!(m.followed_reps("zzzz-nobody", 8).expect("none").total, 0);
        let empty = Meridian::open_in_memory().expect("memory");
        assert_eq!(
            empty.followed_reps("", 8).expect("nothing followed").total,
            0
        );
    }
}
