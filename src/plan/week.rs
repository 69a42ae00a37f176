//! Calendar views for the UI's week screens: one rep's week ("My week") or
//! many reps side by side (the team lead's timeline), as events whose start
//! and end are wall-clock times in one display zone.
//!
//! The calendar component in the UI knows no IANA zones and no RRULE, so
//! everything that needs them happens here: meetings are expanded in their
//! own zone, working and stretch hours are laid out on each rep's own local
//! days, and every instant is then written as the display zone's wall clock.
//!
//! Invariants:
//! - Timed events are the instants that overlap `[from 00:00, to + 1 day
//!   00:00)` of the display zone, clipped to it; an event's `start` is before
//!   its `end` as instants (a wall clock may repeat in a fall-back hour).
//! - Day events (office days, time off, tasks due) are the rep's own local
//!   dates, drawn on the same calendar date whatever the display zone: a
//!   day off in Tokyo is "Thursday", not "Wednesday 15:00 to Thursday 15:00".
//! - A meeting carries every attendee's local start and end, so hovering it
//!   can show what time it is for each of them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::holidays;
use crate::model::Scenario;
use crate::plan::calendar::Context;
use crate::plan::PlanError;
use crate::tz::{Minute, Zone, DAY};

/// The most dates one view may span (a week view asks for 7; a month for 42).
pub const MAX_VIEW_DAYS: i64 = 62;

/// What a view shows: events of `reps` over the display zone's dates
/// `[from, to]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CalendarView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The zone every timed `start` / `end` is written in.
    pub time_zone: String,
    /// One per rep asked for, in the order asked.
    pub resources: Vec<CalendarResource>,
    pub events: Vec<CalendarEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CalendarResource {
    pub id: String,
    pub name: String,
    pub time_zone: String,
    /// Now-independent description of the rep's offset over the view, e.g.
    /// `UTC+09:00` or `UTC+01:00 → UTC+00:00` across a change.
    pub offsets: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Meeting,
    OfficeDay,
    TimeOff,
    /// A public holiday of the rep's region, named.
    Holiday,
    TaskDue,
    /// Working hours, drawn as a background.
    Working,
    /// Stretch hours (early / late calls are acceptable), a fainter background.
    Stretch,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CalendarEvent {
    /// Unique within the view.
    pub id: String,
    pub kind: EventKind,
    /// The rep (resource) the event belongs to.
    pub rep: String,
    pub title: String,
    /// `YYYY-MM-DDTHH:MM` in the view's zone; `YYYY-MM-DD` for day events.
    pub start: String,
    /// Exclusive; for day events the day after the last.
    pub end: String,
    pub all_day: bool,
    /// Meetings: the meeting's id, zone, and each attendee's local times.
    pub meeting: Option<String>,
    pub meeting_zone: Option<String>,
    pub attendees: Vec<AttendeeTime>,
    /// Office days: the office's name and the teammates in on that date.
    pub office: Option<String>,
    pub teammates: Vec<String>,
}

/// How one occurrence of a meeting reads on one attendee's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttendeeTime {
    pub rep: String,
    pub name: String,
    pub time_zone: String,
    /// `YYYY-MM-DDTHH:MM` in the attendee's zone.
    pub local_start: String,
    pub local_end: String,
}

/// What to put in a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewOptions {
    /// Working and stretch hours as background events.
    pub hours: bool,
    /// Tasks due, for the reps they are assigned to.
    pub tasks: bool,
}

/// The events of `reps` over the display zone's dates `[from, to]`.
///
/// # Errors
/// [`PlanError::UnknownRep`], [`PlanError::Zone`] for an unknown display
/// zone, [`PlanError::Dates`] when `to` is before `from` or the view spans
/// more than [`MAX_VIEW_DAYS`] dates, [`PlanError::Rule`] for a meeting that
/// cannot be expanded.
///
/// # Example
/// ```
/// use meridian::model::{Meeting, LocalDateTime, Rep, Scenario};
/// use meridian::plan::week::{calendar_view, ViewOptions};
/// let d = |s: &str| meridian::model::parse_date(s).unwrap();
/// let mut sc = Scenario::default();
/// sc.reps = vec![Rep::new("ana", "Ana", "Europe/Lisbon"), Rep::new("kai", "Kai", "Asia/Tokyo")];
/// sc.meetings.push(Meeting {
///     id: "sync".into(), title: "Sync".into(),
///     start: LocalDateTime::parse("2026-12-01T09:00").unwrap(), time_zone: "Europe/Lisbon".into(),
///     duration_minutes: 30, rrule: None, attendees: vec!["ana".into(), "kai".into()],
///     in_person_office: None,
/// });
/// let opts = ViewOptions { hours: false, tasks: false };
/// let view = calendar_view(&sc, &["kai"], d("2026-11-30"), d("2026-12-06"), "Asia/Tokyo", opts).unwrap();
/// assert_eq!(view.events[0].start, "2026-12-01T18:00");
/// assert_eq!(view.events[0].attendees[0].local_start, "2026-12-01T09:00");
/// ```
pub fn calendar_view(
    sc: &Scenario,
    reps: &[&str],
    from: NaiveDate,
    to: NaiveDate,
    zone: &str,
    opts: ViewOptions,
) -> Result<CalendarView, PlanError> {
    if to < from || (to - from).num_days() >= MAX_VIEW_DAYS {
        return Err(PlanError::Dates(crate::tr!(
            "plan-week-dates",
            max = MAX_VIEW_DAYS,
            from = from.to_string(),
            to = to.to_string()
        )));
    }
    let view = Zone::get(zone)?;
    let spans = view.local_dates(from, to);
    let (Some(&(lo, _)), Some(&(_, hi))) = (spans.first(), spans.last()) else {
        return Err(PlanError::Dates(crate::tr!(
            "plan-week-no-instants",
            from = from.to_string(),
            to = to.to_string(),
            zone = zone
        )));
    };
    for id in reps {
        if !sc.reps.iter().any(|r| r.id == *id) {
            return Err(PlanError::UnknownRep((*id).to_string()));
        }
    }
    // A day either side: a rep's local day overlapping the view may start
    // up to 26 hours away from the view's own dates.
    let ctx = Context::new(sc, lo - 2 * DAY, hi + 2 * DAY, reps)?;
    let name_of = |id: &str| {
        sc.reps
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    };
    let mut resources = Vec::with_capacity(reps.len());
    let mut events = Vec::new();
    for &id in reps {
        let Some(rep) = ctx.rep(id) else { continue };
        let cal = ctx.calendar(id)?;
        resources.push(CalendarResource {
            id: id.to_string(),
            name: rep.name.clone(),
            time_zone: rep.time_zone.clone(),
            offsets: offsets_text(&cal.zone, lo, hi),
        });
        let timed = |s: Minute, e: Minute| -> Option<(String, String)> {
            let (s, e) = (s.max(lo), e.min(hi));
            (s < e).then(|| (view.fmt_local(s), view.fmt_local(e)))
        };
        if opts.hours {
            for (kind, set) in [
                (EventKind::Working, &cal.working),
                (EventKind::Stretch, &cal.stretch),
            ] {
                // A day off has no working hours to draw.
                for (s, e) in set.iter().filter(|&(s, e)| !cal.time_off.intersects(s, e)) {
                    if let Some((start, end)) = timed(s, e) {
                        events.push(CalendarEvent {
                            id: format!("{}:{id}:{s}", kind_key(kind)),
                            kind,
                            rep: id.to_string(),
                            title: match kind {
                                EventKind::Working => crate::tr!("plan-week-working"),
                                _ => crate::tr!("plan-week-stretch"),
                            },
                            start,
                            end,
                            all_day: false,
                            ..CalendarEvent::blank()
                        });
                    }
                }
            }
        }
        for &(s, e, mi) in &cal.busy {
            let Some((start, end)) = timed(s, e) else {
                continue;
            };
            let m = &sc.meetings[mi];
            let attendees = m
                .attendees
                .iter()
                .filter_map(|a| {
                    let r = ctx.rep(a)?;
                    let z = ctx.zone(&r.time_zone)?;
                    Some(AttendeeTime {
                        rep: a.clone(),
                        name: r.name.clone(),
                        time_zone: r.time_zone.clone(),
                        local_start: z.fmt_local(s),
                        local_end: z.fmt_local(e),
                    })
                })
                .collect();
            events.push(CalendarEvent {
                id: format!("meeting:{id}:{}:{s}", m.id),
                kind: EventKind::Meeting,
                rep: id.to_string(),
                title: m.title.clone(),
                start,
                end,
                all_day: false,
                meeting: Some(m.id.clone()),
                meeting_zone: Some(m.time_zone.clone()),
                attendees,
                office: m
                    .in_person_office
                    .as_deref()
                    .map(|o| office_name(sc, o).to_string()),
                teammates: Vec::new(),
            });
        }
        let day = |kind: EventKind, date: NaiveDate, title: String| CalendarEvent {
            id: format!("{}:{id}:{date}", kind_key(kind)),
            kind,
            rep: id.to_string(),
            title,
            start: date.format("%Y-%m-%d").to_string(),
            end: (date + chrono::Duration::days(1))
                .format("%Y-%m-%d")
                .to_string(),
            all_day: true,
            ..CalendarEvent::blank()
        };
        for off in &rep.time_off {
            let mut d = off.start.max(from);
            while d <= off.end.min(to) {
                events.push(day(EventKind::TimeOff, d, crate::tr!("plan-week-time-off")));
                d += chrono::Duration::days(1);
            }
        }
        // Trip days take the visited office's holidays (a rep works where
        // they are).
        let office_by_id = |o: &str| sc.offices.iter().find(|x| x.id == o);
        for h in holidays::rep_holidays_between(rep, office_by_id, from, to) {
            let title = crate::tr!("plan-week-holiday", name = h.name);
            events.push(day(EventKind::Holiday, h.date, title));
        }
        for od in sc
            .office_days
            .iter()
            .filter(|od| od.rep == id && from <= od.date && od.date <= to)
        {
            let office = office_name(sc, &od.office).to_string();
            let mut teammates: Vec<String> = sc
                .office_days
                .iter()
                .filter(|x| x.date == od.date && x.office == od.office && x.rep != id)
                .filter(|x| {
                    let team = rep.team.as_deref();
                    team.is_some()
                        && sc
                            .reps
                            .iter()
                            .any(|r| r.id == x.rep && r.team.as_deref() == team)
                })
                .map(|x| name_of(&x.rep))
                .collect();
            teammates.sort();
            let mut ev = day(
                EventKind::OfficeDay,
                od.date,
                crate::tr!("plan-week-in-office", office = office.as_str()),
            );
            ev.office = Some(office);
            ev.teammates = teammates;
            events.push(ev);
        }
        if opts.tasks {
            for t in sc
                .tasks
                .iter()
                .filter(|t| t.assignee.as_deref() == Some(id))
            {
                if let Some(due) = t.due.filter(|d| from <= *d && *d <= to) {
                    let mut ev = day(
                        EventKind::TaskDue,
                        due,
                        crate::tr!("plan-week-due", title = t.title.as_str()),
                    );
                    ev.id = format!("task:{id}:{}", t.id);
                    events.push(ev);
                }
            }
        }
    }
    events.sort_by(|a, b| {
        (a.rep.as_str(), !a.all_day, a.start.as_str(), a.id.as_str()).cmp(&(
            b.rep.as_str(),
            !b.all_day,
            b.start.as_str(),
            b.id.as_str(),
        ))
    });
    Ok(CalendarView {
        from,
        to,
        time_zone: zone.to_string(),
        resources,
        events,
    })
}

impl CalendarEvent {
    fn blank() -> CalendarEvent {
        CalendarEvent {
            id: String::new(),
            kind: EventKind::Meeting,
            rep: String::new(),
            title: String::new(),
            start: String::new(),
            end: String::new(),
            all_day: false,
            meeting: None,
            meeting_zone: None,
            attendees: Vec::new(),
            office: None,
            teammates: Vec::new(),
        }
    }
}

fn kind_key(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Meeting => "meeting",
        EventKind::OfficeDay => "office",
        EventKind::TimeOff => "off",
        EventKind::Holiday => "holiday",
        EventKind::TaskDue => "task",
        EventKind::Working => "working",
        EventKind::Stretch => "stretch",
    }
}

fn office_name<'a>(sc: &'a Scenario, id: &'a str) -> &'a str {
    sc.offices
        .iter()
        .find(|o| o.id == id)
        .map_or(id, |o| o.name.as_str())
}

/// `UTC+09:00`, or every offset in order across changes in `[lo, hi)`.
pub(crate) fn offsets_text(zone: &Zone, lo: Minute, hi: Minute) -> String {
    let mut seen: Vec<i64> = Vec::new();
    for (_, _, off) in zone.offset_segments(lo, hi) {
        if seen.last() != Some(&off) {
            seen.push(off);
        }
    }
    seen.iter()
        .map(|&off| {
            let sign = if off < 0 { '-' } else { '+' };
            let a = off.abs();
            format!("UTC{sign}{:02}:{:02}", a / 60, a % 60)
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateRange, LocalDateTime, Meeting, OfficeDay, Rep, Task};

    fn d(s: &str) -> NaiveDate {
        crate::model::parse_date(s).expect("date")
    }

    fn team() -> Scenario {
        let mut sc = Scenario::default();
        let mut ana = Rep::new("ana", "Ana", "Europe/London");
        ana.team = Some("t".into());
        ana.time_off = vec![DateRange {
            start: d("2026-03-27"),
            end: d("2026-03-27"),
        }];
        let mut kai = Rep::new("kai", "Kai", "Australia/Sydney");
        kai.team = Some("t".into());
        sc.reps = vec![ana, kai];
        sc.meetings.push(Meeting {
            id: "sync".into(),
            title: "Sync".into(),
            start: LocalDateTime::parse("2026-03-23T08:30").expect("start"),
            time_zone: "Europe/London".into(),
            duration_minutes: 30,
            rrule: Some("FREQ=DAILY;COUNT=10".into()),
            attendees: vec!["ana".into(), "kai".into()],
            in_person_office: None,
        });
        sc.office_days = vec![
            OfficeDay {
                rep: "ana".into(),
                date: d("2026-03-24"),
                office: "lon".into(),
            },
            OfficeDay {
                rep: "kai".into(),
                date: d("2026-03-24"),
                office: "lon".into(),
            },
        ];
        sc.tasks.push(Task {
            id: "t1".into(),
            title: "Quotes".into(),
            hours: crate::model::Hours::from_whole(2),
            due: Some(d("2026-03-26")),
            assignee: Some("ana".into()),
            skills_required: vec![],
            pinned: false,
        });
        sc
    }

    const ALL: ViewOptions = ViewOptions {
        hours: true,
        tasks: true,
    };

    #[test]
    fn a_daily_meeting_moves_on_the_clock_of_a_rep_across_both_dst_changes() {
        // London springs forward on 29 March; Sydney falls back on 5 April.
        let v = calendar_view(
            &team(),
            &["kai"],
            d("2026-03-23"),
            d("2026-04-05"),
            "Australia/Sydney",
            ALL,
        )
        .expect("view");
        let starts: Vec<&str> = v
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Meeting)
            .map(|e| e.start.as_str())
            .collect();
        assert_eq!(starts[0], "2026-03-23T19:30");
        assert_eq!(starts[5], "2026-03-28T19:30");
        assert_eq!(
            starts[6], "2026-03-29T18:30",
            "London is on BST from the 29th"
        );
        assert_eq!(starts.len(), 10);
        let first = v
            .events
            .iter()
            .find(|e| e.kind == EventKind::Meeting)
            .expect("meeting");
        let ana = &first.attendees[0];
        assert_eq!(
            (ana.rep.as_str(), ana.local_start.as_str()),
            ("ana", "2026-03-23T08:30")
        );
        assert_eq!(v.resources[0].offsets, "UTC+11:00 → UTC+10:00");
    }

    #[test]
    fn day_events_keep_the_reps_own_dates_and_name_the_teammates_in() {
        let v = calendar_view(
            &team(),
            &["ana"],
            d("2026-03-23"),
            d("2026-03-29"),
            "Asia/Tokyo",
            ALL,
        )
        .expect("view");
        let day = |kind| v.events.iter().find(|e| e.kind == kind).expect("event");
        let office = day(EventKind::OfficeDay);
        assert_eq!(
            (office.start.as_str(), office.end.as_str()),
            ("2026-03-24", "2026-03-25")
        );
        assert_eq!(office.teammates, vec!["Kai".to_string()]);
        assert_eq!(day(EventKind::TimeOff).start, "2026-03-27");
        assert_eq!(day(EventKind::TaskDue).title, "Due: Quotes");
        // Working hours 09:00-17:00 London are 18:00-02:00 in Tokyo (GMT).
        let work = v
            .events
            .iter()
            .find(|e| e.kind == EventKind::Working)
            .expect("working");
        assert_eq!(
            (work.start.as_str(), work.end.as_str()),
            ("2026-03-23T18:00", "2026-03-24T02:00")
        );
    }

    #[test]
    fn a_view_asks_for_known_reps_and_a_bounded_span() {
        let sc = team();
        assert!(matches!(
            calendar_view(&sc, &["zed"], d("2026-03-23"), d("2026-03-29"), "UTC", ALL),
            Err(PlanError::UnknownRep(_))
        ));
        assert!(matches!(
            calendar_view(&sc, &["ana"], d("2026-03-23"), d("2026-06-29"), "UTC", ALL),
            Err(PlanError::Dates(_))
        ));
        assert!(calendar_view(
            &sc,
            &["ana"],
            d("2026-03-23"),
            d("2026-03-29"),
            "Mars/Base",
            ALL
        )
        .is_err());
    }

    #[test]
    fn event_titles_and_date_errors_read_in_german() {
        use crate::i18n::{with_language, Lang};
        let sc = team();
        let v = with_language(Lang::De, || {
            calendar_view(&sc, &["ana"], d("2026-03-23"), d("2026-03-29"), "UTC", ALL)
        })
        .expect("view");
        let title = |k: EventKind| {
            v.events
                .iter()
                .find(|e| e.kind == k)
                .map(|e| e.title.clone())
                .expect("event")
        };
        assert_eq!(title(EventKind::TaskDue), "Fällig: Quotes");
        assert_eq!(title(EventKind::Working), "Arbeitszeiten");
        assert_eq!(title(EventKind::TimeOff), "Abwesend");
        let err = with_language(Lang::De, || {
            calendar_view(&sc, &["ana"], d("2026-03-29"), d("2026-03-23"), "UTC", ALL)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        assert_eq!(
            err,
            Err("Eine Kalenderansicht läuft vorwärts über höchstens 62 Tage, erhalten: 2026-03-29 bis 2026-03-23".to_string())
        );
    }
}
