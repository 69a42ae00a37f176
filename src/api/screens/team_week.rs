//! The "Team week" timeline: one week (or work week) on a viewer's clock,
//! reps grouped by team, one page of visible lines at a time.
//!
//! The screen scrolls through a flat list of lines (a group header, then its
//! reps unless the group is collapsed); a page is a [`Window`] over those
//! lines, and only the reps in it are read and computed. Positions are minutes
//! elapsed since the start of a viewer's day, so a 23- or 25-hour day across a
//! DST change is drawn to scale and the UI does no zone arithmetic.
//!
//! Invariants:
//! - Lines are grouped by team name (then id), reps without a team last;
//!   reps within a group by name (then id). `total` counts lines, not reps.
//! - Every span and meeting block lies within one viewer day:
//!   `0 <= from < to <= day.minutes`; a meeting across midnight is two blocks.
//! - Office days, time off, holidays and trips are the rep's own local
//!   dates, shown on the column of the same date whatever the viewer's zone.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{matches, monday_of, week_start, words, Page, TeamFilter, Window};
use crate::api::Meridian;
use crate::error::AppError;
use crate::holidays;
use crate::model::Weekday;
use crate::plan::calendar::Context;
use crate::plan::intervals::IntervalSet;
use crate::store;
use crate::tz::{Minute, Zone, DAY};

/// What the timeline asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamWeekQuery {
    /// Any date of the week.
    pub date: NaiveDate,
    /// The reader's first day of the week (the computer's locale): the
    /// seven days shown start on it.
    pub first_day: Weekday,
    /// Monday to Friday only (of the week holding `date`), whatever the
    /// first day.
    pub work_week: bool,
    /// The viewer's zone, every time is shown on its clock.
    pub time_zone: String,
    /// Words that must each appear in the rep's name, id, zone, team or
    /// office ("remote" for no office).
    pub search: String,
    pub team: TeamFilter,
    /// Group keys ([`TeamWeekGroup::key`]) whose reps are hidden.
    pub collapsed: Vec<String>,
}

/// The week's frame and one page of its lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamWeek {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub time_zone: String,
    /// The viewer's UTC offset over the week, e.g. `UTC+01:00 → UTC+00:00`.
    pub offsets: String,
    pub days: Vec<WeekDay>,
    /// Reps matching the search and team, in every group.
    pub reps: u32,
    pub groups: u32,
    pub lines: Page<TeamWeekLine>,
}

/// One column: a date of the viewer's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeekDay {
    pub date: NaiveDate,
    /// Epoch minute (UTC) at which the day starts in the viewer's zone.
    pub start: i64,
    /// Its length: 1440, or 1380 / 1500 across a DST change.
    pub minutes: u32,
    /// Each whole hour of the viewer's clock that day.
    pub hours: Vec<HourMark>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HourMark {
    /// Minutes since the day's start.
    pub at: u32,
    /// `HH:MM` on the viewer's clock.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TeamWeekLine {
    Group(TeamWeekGroup),
    // Boxed: a rep line is five times the size of a group line.
    Rep(Box<TeamWeekRep>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamWeekGroup {
    /// The team id, or empty for reps with no team.
    pub key: String,
    pub name: String,
    /// Reps of the group matching the search.
    pub reps: u32,
    pub collapsed: bool,
}

/// One rep's week on the viewer's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamWeekRep {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub time_zone: String,
    /// The rep's UTC offset over the week.
    pub offsets: String,
    pub working: Vec<Span>,
    pub stretch: Vec<Span>,
    pub meetings: Vec<MeetingBlock>,
    pub office_days: Vec<OfficeMark>,
    /// Indexes into [`TeamWeek::days`] of the rep's days off.
    pub time_off: Vec<u32>,
    /// The rep's public holidays in the week, named: on a trip day the
    /// visited office's.
    pub holidays: Vec<HolidayMark>,
    /// The days of the week the rep is on a trip, with the visited office.
    pub travel: Vec<TravelMark>,
}

/// A day of a trip (`reps[].travel`): the office the rep works from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TravelMark {
    pub day: u32,
    /// The visited office's name.
    pub office: String,
}

/// A public holiday on one day of the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HolidayMark {
    pub day: u32,
    pub name: String,
}

/// A stretch of one viewer day, in minutes since its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Span {
    pub day: u32,
    pub from: u32,
    pub to: u32,
}

/// One occurrence of a meeting on one day of a rep's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingBlock {
    /// Unique within the row.
    pub id: String,
    pub meeting: String,
    pub title: String,
    pub span: Span,
    /// `YYYY-MM-DDTHH:MM`, the whole occurrence on the viewer's clock.
    pub start: String,
    pub end: String,
    /// The same on the rep's own clock.
    pub local_start: String,
    pub local_end: String,
    /// The zone the meeting is organised in.
    pub meeting_zone: String,
    pub attendees: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficeMark {
    pub day: u32,
    pub office: String,
}

/// A matching rep before their week is computed.
struct Member {
    id: String,
    name: String,
}

impl Meridian {
    /// One page of the team week (see the module docs).
    ///
    /// # Errors
    /// [`AppError::Plan`] for an unknown zone or a meeting that cannot be
    /// expanded, [`AppError::Storage`].
    ///
    /// # Example
    /// ```
    /// use meridian::api::screens::{TeamFilter, TeamWeekQuery, Window};
    /// let m = meridian::Meridian::open_in_memory().unwrap();
    /// let q = TeamWeekQuery {
    ///     date: meridian::model::parse_date("2026-12-02").unwrap(),
    ///     first_day: meridian::model::Weekday::Mon,
    ///     work_week: true,
    ///     time_zone: "Europe/London".into(),
    ///     search: String::new(),
    ///     team: TeamFilter::All,
    ///     collapsed: vec![],
    /// };
    /// let week = m.team_week(&q, Window { offset: 0, limit: 40 }).unwrap();
    /// assert_eq!(week.days.len(), 5);
    /// assert_eq!(week.from.to_string(), "2026-11-30");
    /// ```
    pub fn team_week(&self, query: &TeamWeekQuery, window: Window) -> Result<TeamWeek, AppError> {
        let view = Zone::get(&query.time_zone).map_err(crate::plan::PlanError::from)?;
        let start = week_start(query.date, query.first_day);
        let from = if query.work_week {
            // The Monday among the seven days from `start`.
            monday_of(start + Duration::days(6))
        } else {
            start
        };
        let to = from + Duration::days(if query.work_week { 4 } else { 6 });
        let days = week_days(&view, from, to);
        let (lo, hi) = match (days.first(), days.last()) {
            (Some(a), Some(b)) => (a.start, b.start + Minute::from(b.minutes)),
            _ => (0, 0),
        };
        self.read(|c| {
            let (teams, offices) = super::team_and_office_names(c)?;
            let words = words(&query.search);
            let mut groups: HashMap<String, Vec<Member>> = HashMap::new();
            for r in store::reps::list_rep_lines(c)? {
                let keep = match &query.team {
                    TeamFilter::All => true,
                    TeamFilter::NoTeam => r.team.is_none(),
                    TeamFilter::Team(t) => r.team.as_deref() == Some(t.as_str()),
                };
                let team = r.team.as_ref().and_then(|t| teams.get(t));
                let office = r.office.as_ref().and_then(|o| offices.get(o));
                let fields = [
                    r.name.as_str(),
                    r.id.as_str(),
                    r.time_zone.as_str(),
                    team.map_or("", String::as_str),
                    office.map_or("remote", String::as_str),
                ];
                if keep && matches(&words, &fields) {
                    groups
                        .entry(r.team.unwrap_or_default())
                        .or_default()
                        .push(Member {
                            id: r.id,
                            name: r.name,
                        });
                }
            }
            let name_of = |key: &str| {
                if key.is_empty() {
                    crate::tr!("api-no-team")
                } else {
                    teams.get(key).cloned().unwrap_or_else(|| key.to_string())
                }
            };
            let mut keys: Vec<String> = groups.keys().cloned().collect();
            keys.sort_by_cached_key(|k| (k.is_empty(), name_of(k).to_lowercase(), k.clone()));
            let collapsed: HashSet<&str> = query.collapsed.iter().map(String::as_str).collect();
            // The flat list of lines, with reps still as ids: cheap for the
            // whole team, and only the window's reps are computed below.
            let mut flat: Vec<Result<TeamWeekGroup, String>> = Vec::new();
            let mut reps_total = 0u32;
            for key in &keys {
                let mut members = groups.remove(key).unwrap_or_default();
                members.sort_by(|a, b| {
                    a.name
                        .to_lowercase()
                        .cmp(&b.name.to_lowercase())
                        .then_with(|| a.id.cmp(&b.id))
                });
                let n = u32::try_from(members.len()).unwrap_or(u32::MAX);
                reps_total = reps_total.saturating_add(n);
                let shut = collapsed.contains(key.as_str());
                flat.push(Ok(TeamWeekGroup {
                    key: key.clone(),
                    name: name_of(key),
                    reps: n,
                    collapsed: shut,
                }));
                if !shut {
                    flat.extend(members.into_iter().map(|m| Err(m.id)));
                }
            }
            let page = window.page(flat, store::changes::counter(c)?);
            let ids: Vec<String> = page
                .rows
                .iter()
                .filter_map(|l| l.as_ref().err().cloned())
                .collect();
            let sc = store::load_for_reps(c, &ids, false)?;
            let mut rows: HashMap<String, TeamWeekRep> =
                rep_rows(&sc, &ids, &view, &days, (lo, hi), &offices)?
                    .into_iter()
                    .map(|r| (r.id.clone(), r))
                    .collect();
            // Every line of the window is sent, or none: a shorter page would
            // shift the UI's line indices under the rows after a missing rep.
            let lines = page
                .rows
                .into_iter()
                .map(|l| match l {
                    Ok(g) => Ok(TeamWeekLine::Group(g)),
                    Err(id) => match rows.remove(&id) {
                        Some(row) => Ok(TeamWeekLine::Rep(Box::new(row))),
                        None => Err(AppError::NotFound { kind: "rep", id }),
                    },
                })
                .collect::<Result<Vec<_>, AppError>>()?;
            Ok(TeamWeek {
                from,
                to,
                time_zone: query.time_zone.clone(),
                offsets: crate::plan::week::offsets_text(&view, lo, hi),
                days,
                reps: reps_total,
                groups: u32::try_from(keys.len()).unwrap_or(u32::MAX),
                lines: Page {
                    rows: lines,
                    offset: page.offset,
                    total: page.total,
                    counter: page.counter,
                },
            })
        })
    }
}

fn week_days(view: &Zone, from: NaiveDate, to: NaiveDate) -> Vec<WeekDay> {
    let mut out = Vec::new();
    let mut date = from;
    while date <= to {
        // A date the zone skips entirely (Samoa, 2011) has no instants; a
        // day with an offset change comes in pieces, one per offset.
        let pieces = view.local_dates(date, date);
        if let (Some(&(s, _)), Some(&(_, e))) = (pieces.first(), pieces.last()) {
            let minutes = u32::try_from(e - s).unwrap_or(0);
            let mut hours = Vec::new();
            let mut at = s;
            while at < e {
                let label = view.fmt_local(at);
                hours.push(HourMark {
                    at: u32::try_from(at - s).unwrap_or(0),
                    label: label.get(11..16).unwrap_or("").to_string(),
                });
                // The next whole hour of the wall clock, not of UTC: a
                // half-hour zone's hours fall on :30 UTC.
                let local = view.local_minute(at);
                at += 60 - local.rem_euclid(60);
            }
            out.push(WeekDay {
                date,
                start: s,
                minutes,
                hours,
            });
        }
        date += Duration::days(1);
    }
    out
}

/// `[s, e)` cut into pieces per viewer day.
fn spans(days: &[WeekDay], s: Minute, e: Minute) -> Vec<Span> {
    days.iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (ds, de) = (d.start, d.start + Minute::from(d.minutes));
            let (a, b) = (s.max(ds), e.min(de));
            (a < b).then(|| Span {
                day: i as u32,
                from: u32::try_from(a - ds).unwrap_or(0),
                to: u32::try_from(b - ds).unwrap_or(0),
            })
        })
        .collect()
}

fn day_of(days: &[WeekDay], date: NaiveDate) -> Option<u32> {
    days.iter().position(|d| d.date == date).map(|i| i as u32)
}

fn rep_rows(
    sc: &crate::model::Scenario,
    ids: &[String],
    view: &Zone,
    days: &[WeekDay],
    (lo, hi): (Minute, Minute),
    offices: &HashMap<String, String>,
) -> Result<Vec<TeamWeekRep>, AppError> {
    let people: Vec<&str> = ids.iter().map(String::as_str).collect();
    // A day either side: a rep's local day overlapping the week may start
    // up to 26 hours away from the viewer's.
    let ctx = Context::new(sc, lo - 2 * DAY, hi + 2 * DAY, &people)?;
    let office_of: HashMap<&str, &crate::model::Office> =
        sc.offices.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in &people {
        let Some(rep) = ctx.rep(id) else { continue };
        let cal = ctx.calendar(id)?;
        let hours = |set: &IntervalSet| -> Vec<Span> {
            set.iter()
                .filter(|&(s, e)| !cal.time_off.intersects(s, e))
                .flat_map(|(s, e)| spans(days, s, e))
                .collect()
        };
        let mut meetings = Vec::new();
        for &(s, e, mi) in &cal.busy {
            let m = &sc.meetings[mi];
            for span in spans(days, s, e) {
                meetings.push(MeetingBlock {
                    id: format!("{}:{s}:{}", m.id, span.day),
                    meeting: m.id.clone(),
                    title: m.title.clone(),
                    span,
                    start: view.fmt_local(s),
                    end: view.fmt_local(e),
                    local_start: cal.zone.fmt_local(s),
                    local_end: cal.zone.fmt_local(e),
                    meeting_zone: m.time_zone.clone(),
                    attendees: u32::try_from(m.attendees.len()).unwrap_or(u32::MAX),
                });
            }
        }
        meetings.sort_by(|a, b| {
            (a.span.day, a.span.from, &a.id).cmp(&(b.span.day, b.span.from, &b.id))
        });
        let time_off: Vec<u32> = days
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                rep.time_off
                    .iter()
                    .any(|r| r.start <= d.date && d.date <= r.end)
            })
            .map(|(i, _)| i as u32)
            .collect();
        let holidays = match (days.first(), days.last()) {
            (Some(first), Some(last)) => holidays::rep_holidays_between(
                rep,
                |o| office_of.get(o).copied(),
                first.date,
                last.date,
            )
            .into_iter()
            .filter_map(|h| {
                Some(HolidayMark {
                    day: day_of(days, h.date)?,
                    name: h.name.to_string(),
                })
            })
            .collect(),
            _ => Vec::new(),
        };
        let travel = days
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let trip = rep.trip_on(d.date)?;
                Some(TravelMark {
                    day: i as u32,
                    office: offices
                        .get(&trip.office)
                        .cloned()
                        .unwrap_or_else(|| trip.office.clone()),
                })
            })
            .collect();
        let office_days = sc
            .office_days
            .iter()
            .filter(|od| od.rep == *id)
            .filter_map(|od| {
                Some(OfficeMark {
                    day: day_of(days, od.date)?,
                    office: offices
                        .get(&od.office)
                        .cloned()
                        .unwrap_or_else(|| od.office.clone()),
                })
            })
            .collect();
        out.push(TeamWeekRep {
            id: rep.id.clone(),
            name: rep.name.clone(),
            team: rep.team.clone(),
            time_zone: rep.time_zone.clone(),
            offsets: crate::plan::week::offsets_text(&cal.zone, lo, hi),
            working: hours(&cal.working),
            stretch: hours(&cal.stretch),
            meetings,
            office_days,
            time_off,
            holidays,
            travel,
        });
    }
    Ok(out)
}
