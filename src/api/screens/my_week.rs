//! "My week": one rep's week (starting on the reader's first weekday) day by day: the accepted office day (if
//! any), where, which teammates are in with them, and why a day is remote.
//! Nothing is planned here: a day is an office day only when the lead has
//! accepted it. On a trip day the office of the day is the visited one: its
//! closures and holidays, and the rep's holiday is its region's (a rep works
//! where they are). Reads the rep, the offices they work from that week and
//! that week's office days only.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::week_start;
use crate::api::Meridian;
use crate::error::AppError;
use crate::holidays;
use crate::model::{Office, Weekday};
use crate::rules;
use crate::store;

/// One rep's week, seven days from the reader's first weekday; weekend
/// days only when there is something on them (an office day or working
/// hours).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MyWeek {
    pub rep: String,
    pub name: String,
    pub time_zone: String,
    pub team: Option<String>,
    /// The home office's name; `None` for a fully remote rep.
    pub home_office: Option<String>,
    /// The week's first day.
    pub start: NaiveDate,
    pub days: Vec<MyDay>,
    pub office_days: u32,
    /// With no office day this week: the first day of the next week on or
    /// after the following one that has one.
    pub next_planned: Option<NaiveDate>,
    pub revision: i64,
    pub counter: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MyDay {
    pub date: NaiveDate,
    pub weekday: Weekday,
    /// The office the rep is in that day (its name).
    pub office: Option<String>,
    /// Teammates (same team) in the same office that day, by name.
    pub teammates: Vec<String>,
    pub time_off: bool,
    /// The visited office's name on a day of a trip (`reps[].travel`): the
    /// rep works from there that day, office day or not.
    pub travel: Option<String>,
    /// The rep's own public holiday that day (a day off), by name: on a
    /// trip day the visited office's.
    pub holiday: Option<String>,
    /// The public holiday that closes the office of the day (the home
    /// office, or the visited one on a trip day), by name (the rep may
    /// still work from home: a `null` region, another zone).
    pub office_holiday: Option<String>,
    /// The office of the day is closed (weekday, closed date or public
    /// holiday).
    pub closed: bool,
    /// One of the rep's no-office weekdays.
    pub no_office_day: bool,
    /// The rep has working hours that weekday.
    pub working: bool,
}

impl Meridian {
    /// The week of `date` (any day of it), starting on `first_day`, for rep
    /// `rep`; `None` when there is no such rep (a remembered choice may
    /// outlive the rep).
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn my_week(
        &self,
        rep: &str,
        date: NaiveDate,
        first_day: Weekday,
    ) -> Result<Option<MyWeek>, AppError> {
        let start = week_start(date, first_day);
        let end = start + Duration::days(6);
        self.read(|c| {
            let Some(stored) = store::reps::get_rep(c, rep)? else {
                return Ok(None);
            };
            let me = stored.item;
            let home = match &me.office {
                Some(o) => store::offices::get_office(c, o)?.map(|s| s.item),
                None => None,
            };
            // The offices the rep visits this week, read once each.
            let mut visited: Vec<Office> = Vec::new();
            for t in me.travel.iter().filter(|t| t.to >= start && t.from <= end) {
                if !visited.iter().any(|o| o.id == t.office) {
                    visited.extend(store::offices::get_office(c, &t.office)?.map(|s| s.item));
                }
            }
            let week = store::office_days::office_days_between(c, start, end)?;
            let team: Vec<String> = match &me.team {
                Some(t) => store::reps::reps_in_team(c, t)?,
                None => Vec::new(),
            };
            let mut days = Vec::new();
            for i in 0..7 {
                let date = start + Duration::days(i);
                let weekday = Weekday::of(date);
                let mine = week.iter().find(|d| d.rep == me.id && d.date == date);
                let office = match mine {
                    Some(d) if Some(&d.office) == home.as_ref().map(|h| &h.id) => {
                        home.as_ref().map(|h| h.name.clone())
                    }
                    Some(d) => Some(
                        store::offices::get_office(c, &d.office)?
                            .map_or_else(|| d.office.clone(), |s| s.item.name),
                    ),
                    None => None,
                };
                let mut teammates = Vec::new();
                if let Some(mine) = mine {
                    for d in week.iter().filter(|d| {
                        d.date == date
                            && d.office == mine.office
                            && d.rep != me.id
                            && team.contains(&d.rep)
                    }) {
                        if let Some(r) = store::reps::get_rep(c, &d.rep)? {
                            teammates.push(r.item.name);
                        }
                    }
                }
                teammates.sort_by_key(|n| n.to_lowercase());
                let working = me
                    .working_hours
                    .get(&weekday)
                    .is_some_and(|v| !v.is_empty());
                // The office the rep works from that day: on a trip day the
                // visited one (its closures and holidays), else home.
                let trip = me.trip_on(date);
                let at = match trip {
                    Some(t) => visited.iter().find(|o| o.id == t.office),
                    None => home.as_ref(),
                };
                let travel = trip.map(|t| at.map_or_else(|| t.office.clone(), |o| o.name.clone()));
                let holiday = holidays::rep_holiday(&me, at, date).map(|h| h.name.to_string());
                let office_holiday = at
                    .and_then(|o| holidays::office_holiday(o, date))
                    .map(|h| h.name.to_string());
                let day = MyDay {
                    date,
                    weekday,
                    teammates,
                    time_off: me.time_off.iter().any(|r| r.start <= date && date <= r.end),
                    travel,
                    holiday,
                    office_holiday,
                    closed: at.is_some_and(|o| !rules::office_open(o, date)),
                    no_office_day: me.no_office_days.contains(&weekday),
                    working,
                    office,
                };
                let weekend = matches!(weekday, Weekday::Sat | Weekday::Sun);
                if !weekend || day.office.is_some() || working {
                    days.push(day);
                }
            }
            let office_days = days.iter().filter(|d| d.office.is_some()).count() as u32;
            let next_planned = if office_days == 0 {
                let after = start + Duration::days(7);
                store::office_days::office_days_of(c, &me.id)?
                    .into_iter()
                    .map(|d| d.date)
                    .filter(|d| *d >= after)
                    .min()
                    .map(|d| week_start(d, first_day))
            } else {
                None
            };
            Ok(Some(MyWeek {
                rep: me.id,
                name: me.name,
                time_zone: me.time_zone,
                team: me.team,
                home_office: home.map(|h| h.name),
                start,
                days,
                office_days,
                next_planned,
                revision: stored.revision,
                counter: store::changes::counter(c)?,
            }))
        })
    }
}
