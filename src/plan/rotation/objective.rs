//! The objective's weights (contract §3), the in-person meetings that earn
//! their points, and the objective recomputed from a plan's assignments
//! alone, as an outside checker does.

use chrono::NaiveDate;

use crate::model::{Scenario, Weekday};
use crate::plan::calendar::meeting_occurrences;
use crate::plan::rotation::answer::{Assignment, RotationObjective};
use crate::plan::PlanError;
use crate::tz::{self, DAY};

/// The maps here are looked up once per rep-day of every subproblem and per
/// assignment: foldhash (seeded per process; only lookups, never iteration
/// order, reach an answer) rather than SipHash.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// Points per pair of teammates in the same office on a day (contract §3).
/// The search counts pairs at this weight.
pub const CO_PRESENCE_WEIGHT: u32 = 1;
/// Points per rep in the office on one of their team's anchor days.
pub const ANCHOR_WEIGHT: u32 = 2;
/// Points per rep in the office on one of their preferred days.
pub const PREFERENCE_WEIGHT: u32 = 2;
/// Points per attendee in the office of an in-person meeting that day.
pub const IN_PERSON_WEIGHT: u32 = 3;

/// In-person meeting occurrences per (rep index, local date): meetings whose
/// in-person office is the office the attendee works from on the
/// occurrence's local date in that office's zone (the home office, or the
/// visited one on a trip day). Planning needs only the counts; the titles are
/// kept for explanations alone (see [`in_person_titles`]).
#[derive(Default)]
pub(super) struct InPerson {
    count: HashMap<(usize, NaiveDate), i64>,
    pub(super) titles: HashMap<(usize, NaiveDate), Vec<String>>,
}

impl InPerson {
    pub(super) fn points(&self, r: usize, date: NaiveDate) -> i64 {
        i64::from(IN_PERSON_WEIGHT) * self.count.get(&(r, date)).copied().unwrap_or(0)
    }
}

/// The in-person counts of every rep over `first..=last`, for planning and
/// scoring (no titles).
pub(super) fn in_person_meetings(
    sc: &Scenario,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<InPerson, PlanError> {
    in_person_of(sc, first, last, None, false)
}

/// [`in_person_meetings`] with the meetings' titles, for explanations: of
/// every rep, or (`Some(r)`) of rep `r` alone, whose meetings are the only
/// ones expanded.
pub(super) fn in_person_titles(
    sc: &Scenario,
    first: NaiveDate,
    last: NaiveDate,
    only: Option<usize>,
) -> Result<InPerson, PlanError> {
    in_person_of(sc, first, last, only, true)
}

fn in_person_of(
    sc: &Scenario,
    first: NaiveDate,
    last: NaiveDate,
    only: Option<usize>,
    titled: bool,
) -> Result<InPerson, PlanError> {
    let lo = tz::day_index(first) * DAY - 2 * DAY;
    let hi = (tz::day_index(last) + 1) * DAY + 2 * DAY;
    let rep_index = rep_indexes(sc);
    let mut out = InPerson::default();
    for m in &sc.meetings {
        let Some(oid) = &m.in_person_office else {
            continue;
        };
        let Some(office) = sc.offices.iter().find(|o| &o.id == oid) else {
            continue;
        };
        let attendees: Vec<usize> = m
            .attendees
            .iter()
            .filter_map(|a| rep_index.get(a.as_str()).copied())
            .filter(|&i| only.is_none_or(|r| r == i))
            .filter(|&i| {
                let rep = &sc.reps[i];
                rep.office.as_deref() == Some(oid.as_str())
                    || rep.travel.iter().any(|t| &t.office == oid)
            })
            .collect();
        if attendees.is_empty() {
            continue;
        }
        let mz = tz::Zone::get(&m.time_zone)?;
        let oz = tz::Zone::get(&office.time_zone)?;
        for (s, _) in meeting_occurrences(m, &mz, lo, hi)? {
            let date = tz::index_date(oz.local_minute(s).div_euclid(DAY));
            if date < first || date > last {
                continue;
            }
            for &a in &attendees {
                if sc.reps[a].office_on(date) != Some(oid.as_str()) {
                    continue;
                }
                *out.count.entry((a, date)).or_insert(0) += 1;
                if titled {
                    let titles = out.titles.entry((a, date)).or_default();
                    if !titles.contains(&m.title) {
                        titles.push(m.title.clone());
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Rep id → scenario index (ids are unique in a valid document).
pub(super) fn rep_indexes(sc: &Scenario) -> HashMap<&str, usize> {
    sc.reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect()
}

/// The objective's terms recomputed from the assignments alone.
pub(super) fn objective_of(
    sc: &Scenario,
    assignments: &[Assignment],
    in_person: &InPerson,
) -> RotationObjective {
    let rep_index = rep_indexes(sc);
    // Team ids are unique (the document's rule), so a map finds the one.
    let anchors: HashMap<&str, &[Weekday]> = sc
        .teams
        .iter()
        .map(|t| (t.id.as_str(), t.anchor_days.as_slice()))
        .collect();
    let mut groups: HashMap<(&str, &str, NaiveDate), i64> = HashMap::default();
    let mut o = RotationObjective::default();
    for a in assignments {
        let Some(&i) = rep_index.get(a.rep.as_str()) else {
            continue;
        };
        let rep = &sc.reps[i];
        let wd = Weekday::of(a.date);
        if let Some(team) = rep.team.as_deref() {
            *groups.entry((team, a.office.as_str(), a.date)).or_insert(0) += 1;
            if anchors.get(team).is_some_and(|days| days.contains(&wd)) {
                o.anchor += i64::from(ANCHOR_WEIGHT);
            }
        }
        if rep.preferred_office_days.contains(&wd) {
            o.preference += i64::from(PREFERENCE_WEIGHT);
        }
        o.in_person += in_person.points(i, a.date);
    }
    o.co_presence =
        i64::from(CO_PRESENCE_WEIGHT) * groups.values().map(|n| n * (n - 1) / 2).sum::<i64>();
    o.total = o.co_presence + o.anchor + o.preference + o.in_person;
    o
}
